package publish

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/output"
)

// testImage is a 32×24 picture with enough detail that a re-encode would
// change its pixels.
func testImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 32, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 32; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 10), uint8((x * y) % 256), 255})
		}
	}
	return img
}

// gpsLatitudeSeconds is 1234/100 as a TIFF RATIONAL: bytes that must not
// survive stripping.
var gpsLatitudeSeconds = []byte{0, 0, 0x04, 0xD2, 0, 0, 0, 100}

// exifWithGPS builds an APP1 Exif body (after the marker and length): a
// big-endian TIFF with IFD0 {Orientation, Make, GPS pointer} and a GPS IFD
// holding a latitude and longitude.
func exifWithGPS(orientation uint16) []byte {
	var t bytes.Buffer
	be := binary.BigEndian
	w16 := func(v uint16) { binary.Write(&t, be, v) }
	w32 := func(v uint32) { binary.Write(&t, be, v) }
	entry := func(tag, typ uint16, count, value uint32) { w16(tag); w16(typ); w32(count); w32(value) }
	t.WriteString("MM\x00\x2A")
	w32(8)
	// IFD0 at 8: 3 entries -> ends at 8+2+36+4 = 50.
	w16(3)
	entry(0x010F, 2, 10, 50)                     // Make, ASCII at 50
	entry(0x0112, 3, 1, uint32(orientation)<<16) // Orientation, SHORT inline
	entry(0x8825, 4, 1, 60)                      // GPS IFD at 60
	w32(0)
	t.WriteString("SecretCam\x00") // 50..60
	// GPS IFD at 60: 4 entries -> ends at 60+2+48+4 = 114.
	w16(4)
	entry(0x0001, 2, 2, uint32('N')<<24) // GPSLatitudeRef
	entry(0x0002, 5, 3, 114)             // GPSLatitude
	entry(0x0003, 2, 2, uint32('E')<<24) // GPSLongitudeRef
	entry(0x0004, 5, 3, 138)             // GPSLongitude
	w32(0)
	for _, r := range [][2]uint32{{43, 1}, {21, 1}, {1234, 100}, {52, 1}, {51, 1}, {5678, 100}} {
		w32(r[0])
		w32(r[1])
	}
	return append([]byte("Exif\x00\x00"), t.Bytes()...)
}

func jpegSegment(marker byte, body []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(body)+2))
	return append(s, body...)
}

// jpegWithMetadata encodes testImage and splices metadata segments in
// after SOI and a motion-photo style trailer after EOI.
func jpegWithMetadata(t *testing.T, orientation uint16) (plain, tagged []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testImage(), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	plain = buf.Bytes()
	var meta []byte
	meta = append(meta, jpegSegment(0xE0, []byte("JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00"))...)
	meta = append(meta, jpegSegment(0xE1, exifWithGPS(orientation))...)
	meta = append(meta, jpegSegment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>43,21.2N</exif:GPSLatitude></x:xmpmeta>"))...)
	meta = append(meta, jpegSegment(0xED, []byte("Photoshop 3.0\x008BIM\x04\x04IPTC byline: Jane Doe"))...)
	meta = append(meta, jpegSegment(0xE0, []byte("JFXX\x00\x10thumbnail of the uncropped photo"))...)
	meta = append(meta, jpegSegment(0xE2, []byte("MPF\x00secondary image index"))...)
	meta = append(meta, jpegSegment(0xE2, []byte("ICC_PROFILE\x00\x01\x01fake profile bytes"))...)
	meta = append(meta, jpegSegment(0xFE, []byte("shot at the safe house"))...)
	tagged = append([]byte{0xFF, 0xD8}, meta...)
	tagged = append(tagged, plain[2:]...)
	tagged = append(tagged, "MotionPhoto_Data trailer video"...)
	return plain, tagged
}

func decodePixels(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return img
}

func samePixels(t *testing.T, a, b image.Image) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds differ: %v vs %v", a.Bounds(), b.Bounds())
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel %d,%d differs: %v vs %v", x, y, a.At(x, y), b.At(x, y))
			}
		}
	}
}

func TestStripJPEGRemovesExifAndGPS(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	out := &output.Output{Files: map[string][]byte{"news/protest/photo.jpg": tagged}}
	Process(out, Options{})
	if len(out.Problems) > 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	got := out.Files["news/protest/photo.jpg"]
	samePixels(t, decodePixels(t, tagged), decodePixels(t, got))
	for _, leak := range []string{"Exif", "SecretCam", string(gpsLatitudeSeconds), "xmpmeta", "GPSLatitude",
		"Photoshop", "Jane Doe", "JFXX", "uncropped", "MPF", "safe house", "MotionPhoto"} {
		if bytes.Contains(got, []byte(leak)) {
			t.Errorf("%q survived stripping", leak)
		}
	}
	for _, kept := range []string{"JFIF", "ICC_PROFILE"} {
		if !bytes.Contains(got, []byte(kept)) {
			t.Errorf("%q was removed but decoders need it", kept)
		}
	}
	if !bytes.HasSuffix(got, []byte{0xFF, 0xD9}) {
		t.Error("stripped JPEG does not end with EOI")
	}
}

func TestStripJPEGKeepsOrientationOnly(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 6)
	got, err := stripJPEG(tagged)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, decodePixels(t, tagged), decodePixels(t, got))
	if !bytes.Contains(got, orientationExif(6)) {
		t.Fatal("the orientation was not kept")
	}
	if bytes.Count(got, []byte("Exif\x00\x00")) != 1 {
		t.Error("want exactly one Exif block")
	}
	if bytes.Contains(got, gpsLatitudeSeconds) || bytes.Contains(got, []byte("SecretCam")) {
		t.Error("GPS or camera data survived next to the orientation")
	}
	if o := exifOrientation(orientationExif(6)[4:]); o != 6 {
		t.Errorf("the written Exif block reads back as orientation %d", o)
	}
}

func TestStripJPEGProgressiveAndRestartMarkers(t *testing.T) {
	// A restart interval puts RSTn markers inside the entropy-coded data;
	// they and stuffed 0xFF00 bytes must not end the scan early.
	plain, _ := jpegWithMetadata(t, 1)
	got, err := stripJPEG(plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain) {
		t.Error("a JPEG without metadata changed")
	}
	synthetic := []byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFE, 0x00, 0x04, 'h', 'i', 0xFF, 0xD9}
	got, err = stripJPEG(synthetic)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9}
	if !bytes.Equal(got, want) {
		t.Errorf("got % X\nwant % X", got, want)
	}
}

func TestStripCorruptImagesAreProblems(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	pngBytes := pngWithMetadata(t)
	files := map[string][]byte{
		"img/cut.jpg":      tagged[:len(tagged)/3],
		"img/text.jpeg":    []byte("this is not a photo"),
		"img/empty.png":    nil,
		"img/cut.png":      pngBytes[:40],
		"img/badlen.webp":  []byte("RIFF\xff\xff\xff\x7fWEBPVP8L"),
		"img/nochunk.webp": []byte("RIFF\x04\x00\x00\x00WEBP"),
		"img/ok.jpg":       tagged,
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	out := &output.Output{Files: files}
	Process(out, Options{})
	bad := map[string]bool{}
	for _, p := range out.Problems {
		bad[p.File] = true
		if !strings.Contains(p.Message, "metadata") || p.Hint == "" {
			t.Errorf("unhelpful problem: %v", p)
		}
	}
	for _, name := range names {
		if want := name != "img/ok.jpg"; bad[name] != want {
			t.Errorf("%s: problem reported = %v, want %v", name, bad[name], want)
		}
	}
}

func pngChunk(typ string, data []byte) []byte {
	c := make([]byte, 8, 12+len(data))
	binary.BigEndian.PutUint32(c, uint32(len(data)))
	copy(c[4:], typ)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// pngWithMetadata encodes testImage and adds text, time, Exif and private
// chunks after IHDR, a gAMA chunk that must stay, and data after IEND.
func pngWithMetadata(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testImage()); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	ihdrEnd := 8 + 12 + 13
	var meta []byte
	meta = append(meta, pngChunk("gAMA", []byte{0, 0, 0xB1, 0x8F})...)
	meta = append(meta, pngChunk("tEXt", []byte("Author\x00Jane Doe"))...)
	meta = append(meta, pngChunk("iTXt", []byte("Location\x00\x00\x00\x00\x00Zhanaozen square"))...)
	meta = append(meta, pngChunk("zTXt", []byte("Comment\x00\x00x\x9c\x03\x00\x00\x00\x00\x01"))...)
	meta = append(meta, pngChunk("tIME", []byte{0x07, 0xE6, 1, 5, 12, 0, 0})...)
	meta = append(meta, pngChunk("eXIf", exifWithGPS(1)[6:])...)
	meta = append(meta, pngChunk("prVt", []byte("editor session id 42"))...)
	out := append(append(append([]byte{}, b[:ihdrEnd]...), meta...), b[ihdrEnd:]...)
	return append(out, "trailing secret"...)
}

func TestStripPNG(t *testing.T) {
	tagged := pngWithMetadata(t)
	got, err := stripPNG(tagged)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, decodePixels(t, tagged), decodePixels(t, got))
	for _, leak := range []string{"tEXt", "iTXt", "zTXt", "tIME", "eXIf", "prVt", "Jane Doe", "Zhanaozen", "SecretCam", "trailing secret"} {
		if bytes.Contains(got, []byte(leak)) {
			t.Errorf("%q survived stripping", leak)
		}
	}
	if !bytes.Contains(got, []byte("gAMA")) {
		t.Error("gAMA was removed but it changes how the image looks")
	}
	if again, _ := stripPNG(got); !bytes.Equal(again, got) {
		t.Error("stripping twice changed the file again")
	}
}

func webpChunk(fourcc string, data []byte) []byte {
	c := make([]byte, 8, 9+len(data))
	copy(c, fourcc)
	binary.LittleEndian.PutUint32(c[4:], uint32(len(data)))
	c = append(c, data...)
	if len(data)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

func riff(chunks ...[]byte) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBP")
	for _, c := range chunks {
		b = append(b, c...)
	}
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	return b
}

func TestStripWebP(t *testing.T) {
	vp8x := []byte{0x20 | 0x08 | 0x04 | 0x10, 0, 0, 0, 31, 0, 0, 23, 0, 0} // ICC, EXIF, XMP, alpha; 32×24
	pixels := []byte("\x2f\x1f\x00\x00\x00 lossless bitstream, odd length")
	tagged := riff(
		webpChunk("VP8X", vp8x),
		webpChunk("ICCP", []byte("fake icc")),
		webpChunk("VP8L", pixels),
		webpChunk("EXIF", exifWithGPS(1)[6:]),
		webpChunk("XMP ", []byte("<x:xmpmeta>GPS</x:xmpmeta>")),
		webpChunk("Unkn", []byte("vendor data")),
	)
	tagged = append(tagged, "after the RIFF"...)
	got, err := stripWebP(tagged)
	if err != nil {
		t.Fatal(err)
	}
	want := riff(
		webpChunk("VP8X", append([]byte{0x20 | 0x10}, vp8x[1:]...)),
		webpChunk("ICCP", []byte("fake icc")),
		webpChunk("VP8L", pixels),
	)
	if !bytes.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if tagged[20] != vp8x[0] {
		t.Error("the input's VP8X flags were changed in place")
	}
	if size := binary.LittleEndian.Uint32(got[4:]); int(size) != len(got)-8 {
		t.Errorf("RIFF size %d, file has %d bytes after the header", size, len(got)-8)
	}
}

// FuzzStripImages checks that no input panics and that stripping is
// idempotent: what survives once survives again unchanged.
func FuzzStripImages(f *testing.F) {
	var buf bytes.Buffer
	jpeg.Encode(&buf, testImage(), nil)
	f.Add(buf.Bytes())
	f.Add(riff(webpChunk("VP8X", make([]byte, 10)), webpChunk("VP8 ", []byte("abc"))))
	f.Add([]byte(pngSignature + "\x00\x00\x00\x0dIHDR"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, strip := range map[string]func([]byte) ([]byte, error){"jpeg": stripJPEG, "png": stripPNG, "webp": stripWebP} {
			in := append([]byte{}, b...)
			got, err := strip(in)
			if !bytes.Equal(in, b) {
				t.Fatalf("%s: input changed", name)
			}
			if err != nil {
				continue
			}
			again, err := strip(got)
			if err != nil || !bytes.Equal(again, got) {
				t.Fatalf("%s: not idempotent (err %v)", name, err)
			}
		}
	})
}
