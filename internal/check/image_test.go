package check

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"
)

// noise returns n bytes that gzip cannot shrink, the same on every run.
func noise(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

func TestBudget(t *testing.T) {
	page := doc(`<link rel=stylesheet href="a.css"><script src="app.js"></script><script src="app.js"></script>`)
	under := map[string]string{"index.html": page, "a.css": noise(10 << 10), "app.js": noise(15 << 10)}
	over := map[string]string{"index.html": page, "a.css": noise(10 << 10), "app.js": noise(21 << 10)}
	imports := map[string]string{
		"index.html": doc(`<link rel=stylesheet href="a.css">`),
		"a.css":      `@import "b.css";` + noise(12<<10),
		"b.css":      `@import "a.css";` + noise(12<<10), // a cycle: each still counted once
		"other.html": doc(`<link rel=stylesheet href="b.css">`),
	}
	runCases(t, []checkCase{
		{name: "under, each file counted once", files: under},
		{name: "over", files: over, want: []string{`index.html: page weighs 31.`}},
		{name: "imports are counted", files: imports, want: []string{
			`index.html: over the 20 KB budget (HTML 0.1 KB, CSS 24.`,
			`other.html: over the 20 KB budget`,
		}, opts: Options{BudgetKB: 20}},
		{name: "larger budget", files: over, opts: Options{BudgetKB: 40}},
		{name: "budget off", files: over, opts: Options{BudgetKB: -1}},
		{name: "images count as they are, once each, against their own budget", files: map[string]string{
			"index.html": doc(`<img alt="" src="big.jpg"><img alt="again" src="big.jpg"><img alt="" src="https://other.example/x.jpg">`),
			"big.jpg":    noise(300 << 10),
		}, want: []string{`index.html: the pictures a phone loads on this page weigh 300.0 KB in 1 file, over the 250 KB budget for pictures`,
			`index.html:3:70: loads "https://other.example/x.jpg" from another site`}},
		{name: "a phone's srcset candidate, one of a picture, a poster", files: map[string]string{
			// Widths: the narrowest at least 780 wide (m.jpg, not l.jpg);
			// densities: the lowest at least 2x (p2.webp); a picture's
			// alternatives without either: the largest.
			"index.html": doc(`<img alt="" src="s.jpg" srcset="s.jpg 480w, l.jpg 1600w, m.jpg 800w" sizes="100vw">` +
				`<picture><source type="image/avif" srcset="p.avif"><source srcset="p.webp 1x, p2.webp 2x, p3.webp 3x"><img alt="" src="p.jpg"></picture>` +
				`<picture><source type="image/avif" srcset="q.avif"><img alt="" src="q.jpg"></picture>` +
				`<img alt="" srcset="n.jpg 300w, n2.jpg 600w">` +
				`<video poster="poster.jpg"></video>`),
			"s.jpg": noise(10 << 10), "m.jpg": noise(20 << 10), "l.jpg": noise(400 << 10),
			"p.avif": noise(5 << 10), "p.webp": noise(6 << 10), "p2.webp": noise(12 << 10), "p3.webp": noise(300 << 10), "p.jpg": noise(9 << 10),
			"q.avif": noise(7 << 10), "q.jpg": noise(8 << 10),
			"n.jpg": noise(1 << 10), "n2.jpg": noise(2 << 10),
			"poster.jpg": noise(3 << 10),
		}, opts: Options{ImageBudgetKB: 40}, want: []string{`index.html: the pictures a phone loads on this page weigh 45.0 KB in 5 files, over the 40 KB budget for pictures`}},
		{name: "image budget off", files: map[string]string{
			"index.html": doc(`<img alt="" src="big.jpg">`), "big.jpg": noise(300 << 10),
		}, opts: Options{ImageBudgetKB: -1}},
		{name: "fonts of its stylesheets and <style>, the first of each @font-face", files: map[string]string{
			"index.html": doc(`<link rel=stylesheet href="css/site.css"><style>@font-face{font-family:B;src:url(b.woff2)}</style><p style="background:url(bg.jpg)">`),
			"css/site.css": `@font-face { font-family: A; src: local("A"), url(../a.woff2) format("woff2"), url(../a.woff) }` +
				`@font-face{font-family:C;src:url("../b.woff2")} body{background:url(../unused-bg.jpg)}`,
			"a.woff2": noise(20 << 10), "a.woff": noise(30 << 10), "b.woff2": noise(8 << 10),
			"bg.jpg": noise(4 << 10), "unused-bg.jpg": noise(50 << 10),
		}, want: []string{`index.html: page weighs 28.3 KB, over the 28 KB budget (HTML 0.2 KB, CSS 0.1 KB, fonts 28.0 KB in 2 files;`}, opts: Options{BudgetKB: 28}},
	})

	// The measured weight is the real gzip size: incompressible bytes
	// weigh what they are, and a compressible page almost nothing.
	got := Site(siteOf(over), Options{})
	m := regexp.MustCompile(`page weighs ([0-9.]+) KB, over`).FindStringSubmatch(got[0].Message)
	if m == nil {
		t.Fatalf("message %q has no weight", got[0].Message)
	}
	if kb, _ := strconv.ParseFloat(m[1], 64); kb < 31 || kb > 31.3 {
		t.Errorf("weight %v KB; want about 31 (10 KB + 21 KB of noise and a little HTML)", kb)
	}
	light := map[string]string{"index.html": doc(string(bytes.Repeat([]byte("<p>the same words again</p>\n"), 4000)))}
	if ps := Site(siteOf(light), Options{BudgetKB: 1}); len(ps) != 0 {
		t.Errorf("a 100 KB page of repeated text is over 1 KB gzipped: %v", ps)
	}
}

func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withPNGChunk inserts a chunk with a correct CRC after IHDR.
func withPNGChunk(t *testing.T, b []byte, typ, data string) []byte {
	t.Helper()
	const afterIHDR = 8 + 4 + 4 + 13 + 4
	var chunk bytes.Buffer
	binary.Write(&chunk, binary.BigEndian, uint32(len(data)))
	chunk.WriteString(typ + data)
	binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE([]byte(typ+data)))
	out := append(append(append([]byte(nil), b[:afterIHDR]...), chunk.Bytes()...), b[afterIHDR:]...)
	if _, err := png.Decode(bytes.NewReader(out)); err != nil {
		t.Fatalf("fixture with %s chunk is not a valid PNG: %v", typ, err)
	}
	return out
}

func jpegImage(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 2, 2)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withJPEGSegment inserts a segment right after SOI.
func withJPEGSegment(t *testing.T, b []byte, marker byte, data string) []byte {
	t.Helper()
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(data)+2))
	out := append(append(append([]byte(nil), b[:2]...), append(seg, data...)...), b[2:]...)
	if _, err := jpeg.Decode(bytes.NewReader(out)); err != nil {
		t.Fatalf("fixture with marker %X is not a valid JPEG: %v", marker, err)
	}
	return out
}

// webpFile builds a RIFF WebP container from chunks; odd sizes get padded.
func webpFile(chunks ...string) []byte {
	var body bytes.Buffer
	body.WriteString("WEBP")
	for i := 0; i+1 < len(chunks); i += 2 {
		body.WriteString(chunks[i])
		binary.Write(&body, binary.LittleEndian, uint32(len(chunks[i+1])))
		body.WriteString(chunks[i+1])
		if len(chunks[i+1])%2 == 1 {
			body.WriteByte(0)
		}
	}
	var out bytes.Buffer
	out.WriteString("RIFF")
	binary.Write(&out, binary.LittleEndian, uint32(body.Len()))
	out.Write(body.Bytes())
	return out.Bytes()
}

func TestImageMetadata(t *testing.T) {
	p, j := pngImage(t), jpegImage(t)
	files := map[string]string{
		"clean.png":    string(p),
		"clean.jpg":    string(j),
		"icc.jpg":      string(withJPEGSegment(t, j, 0xE2, "ICC_PROFILE\x00\x01\x01rest")),
		"gamma.png":    string(withPNGChunk(t, p, "gAMA", "\x00\x00\xb1\x8f")),
		"clean.webp":   string(webpFile("VP8X", "0123456789", "ICCP", "odd")),
		"text.png":     string(withPNGChunk(t, p, "tEXt", "Comment\x00shot on a phone")),
		"time.png":     string(withPNGChunk(t, withPNGChunk(t, p, "tIME", "\x07\xdf\x01\x02\x03\x04\x05"), "eXIf", "MM\x00*")),
		"xmp.png":      string(withPNGChunk(t, p, "iTXt", "XML:com.adobe.xmp\x00\x00\x00\x00\x00<x/>")),
		"exif.jpg":     string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00MM\x00*")),
		"xmp.jpg":      string(withJPEGSegment(t, j, 0xE1, "http://ns.adobe.com/xap/1.0/\x00<x/>")),
		"comment.jpg":  string(withJPEGSegment(t, withJPEGSegment(t, j, 0xFE, "made by Ivan"), 0xED, "Photoshop 3.0\x00")),
		"exif.webp":    string(webpFile("VP8X", "0123456789", "ICCP", "odd", "EXIF", "MM\x00*", "XMP ", "<x/>")),
		"misnamed.txt": string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00MM\x00*")),
		// What the build keeps of a phone's photo: the orientation alone,
		// big- and little-endian, is no metadata; with a second tag, or an
		// IFD after it, it is.
		"upright.jpg":    string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")),
		"upright-le.jpg": string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00")),
		"gps-too.jpg":    string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x02\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x88\x25\x00\x04\x00\x00\x00\x01\x00\x00\x00\x30\x00\x00\x00\x00")),
		"next-ifd.jpg":   string(withJPEGSegment(t, j, 0xE1, "Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x1a")),
		"truncated.png":  string(p[:20]),
		"truncated.jpg":  "\xFF\xD8\xFF\xE1\xFF\xFF",
	}
	runCases(t, []checkCase{{name: "metadata", files: files, want: []string{
		"text.png: image carries metadata (GPS, camera, …): text",
		"time.png: image carries metadata (GPS, camera, …): Exif, time",
		"xmp.png: image carries metadata (GPS, camera, …): XMP",
		"exif.jpg: image carries metadata (GPS, camera, …): Exif",
		"gps-too.jpg: image carries metadata (GPS, camera, …): Exif",
		"next-ifd.jpg: image carries metadata (GPS, camera, …): Exif",
		"xmp.jpg: image carries metadata (GPS, camera, …): XMP",
		"comment.jpg: image carries metadata (GPS, camera, …): IPTC, comment",
		"exif.webp: image carries metadata (GPS, camera, …): Exif, XMP",
		"misnamed.txt: image carries metadata",
	}}})
}

func TestSVGScript(t *testing.T) {
	runCases(t, []checkCase{
		{name: "plain drawing", files: map[string]string{
			"logo.svg": `<svg xmlns="http://www.w3.org/2000/svg"><title>on the march</title><a href="https://example.org/"><path d="M0 0" /></a><style>.a{fill:red}</style></svg>`,
		}},
		{name: "scripted drawing", files: map[string]string{
			"evil.svg": "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n" +
				"<SCRIPT>alert(2)</SCRIPT><a xlink:href=\" java\tscript:alert(3)\"><rect OnClick=\"x()\"/></a></svg>",
		}, want: []string{
			`evil.svg:2:41: SVG has an event handler attribute, onload`,
			`evil.svg:3:1: SVG contains a <script>`,
			`evil.svg:3:29: SVG has a javascript: URL in xlink:href`,
			`evil.svg:3:70: SVG has an event handler attribute, onclick`,
		}},
	})
}
