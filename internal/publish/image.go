package publish

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Metadata is removed by rewriting the container (JPEG segments, PNG and
// WebP chunks, GIF blocks), never by decoding and encoding again: pixels, quality and
// file size stay as the author exported them. What is kept is an allow-list
// of what decoders need to draw the image the same way (colour profiles,
// JFIF, Adobe colour transform, transparency, animation); everything else,
// known or not, goes, including data after the image's end marker
// (motion-photo videos, thumbnails of the uncropped photo).

// strippers maps the names of the pictures Process cleans, by lower-case
// extension, to the function that cleans them.
var strippers = map[string]func([]byte) ([]byte, error){
	".jpg": stripJPEG, ".jpeg": stripJPEG, ".jpe": stripJPEG, ".jfif": stripJPEG,
	".png": stripPNG, ".apng": stripPNG,
	".webp": stripWebP,
	".gif":  stripGIF,
}

// stripImages removes metadata from every JPEG, PNG, WebP and GIF file.
func stripImages(files map[string][]byte, probs *problem.List) {
	for _, p := range sortedPaths(files, slices.Collect(maps.Keys(strippers))...) {
		b, err := strippers[strings.ToLower(path.Ext(p))](files[p])
		if err != nil {
			probs.Add(p, 0, 0, "cannot remove the image's metadata: "+err.Error(),
				"the image is damaged or not what its name says; open it in an image editor and export it again")
			continue
		}
		files[p] = b
	}
}

var errTruncated = errors.New("the file is cut short")

// JPEG markers (ITU T.81 table B.1).
const (
	jpegSOI  = 0xD8
	jpegEOI  = 0xD9
	jpegSOS  = 0xDA
	jpegRST0 = 0xD0
	jpegRST7 = 0xD7
	jpegTEM  = 0x01
	jpegAPP0 = 0xE0
	jpegAPP1 = 0xE1
	jpegAPP2 = 0xE2
	jpegAP14 = 0xEE
	jpegAP15 = 0xEF
	jpegCOM  = 0xFE
)

// stripJPEG keeps the segments a decoder needs and drops the rest: every
// APPn except JFIF (APP0), ICC profiles (APP2) and Adobe (APP14, which
// says how to convert colours), and all comments. An Exif orientation other
// than "normal" survives as a new Exif block holding only that tag, so a
// photo taken sideways is not shown sideways.
func stripJPEG(b []byte) ([]byte, error) {
	if len(b) < 4 || b[0] != 0xFF || b[1] != jpegSOI {
		return nil, errors.New("not a JPEG file (no start-of-image marker)")
	}
	out := make([]byte, 0, len(b))
	out = append(out, 0xFF, jpegSOI)
	i := 2
	oriented := false
	for {
		if i >= len(b) {
			return nil, errTruncated
		}
		if b[i] != 0xFF {
			return nil, fmt.Errorf("unexpected byte 0x%02X at offset %d where a marker should be", b[i], i)
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			return nil, errTruncated
		}
		marker := b[i]
		i++
		switch {
		case marker == jpegEOI:
			return append(out, 0xFF, jpegEOI), nil
		case marker == jpegTEM || marker >= jpegRST0 && marker <= jpegRST7:
			out = append(out, 0xFF, marker)
			continue
		case marker == 0x00 || marker == jpegSOI:
			return nil, fmt.Errorf("misplaced marker 0xFF%02X at offset %d", marker, i-2)
		}
		if i+2 > len(b) {
			return nil, errTruncated
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 {
			return nil, fmt.Errorf("segment 0xFF%02X at offset %d has an impossible length", marker, i-2)
		}
		if i+n > len(b) {
			return nil, errTruncated
		}
		body := b[i+2 : i+n]
		i += n
		switch keepJPEGSegment(marker, body) {
		case keep:
			out = append(out, 0xFF, marker)
			out = append(out, b[i-n:i]...)
		case keepOrientation:
			if o := exifOrientation(body); o > 1 && o <= 8 && !oriented {
				out = append(out, orientationExif(o)...)
				oriented = true
			}
		}
		if marker == jpegSOS {
			end := scanEntropyData(b, i)
			out = append(out, b[i:end]...)
			i = end
		}
	}
}

type segmentAction int

const (
	drop segmentAction = iota
	keep
	keepOrientation // APP1 Exif: replaced by orientation alone
)

func keepJPEGSegment(marker byte, body []byte) segmentAction {
	switch {
	case marker == jpegAPP0:
		if bytes.HasPrefix(body, []byte("JFIF\x00")) {
			return keep // JFXX (an embedded thumbnail) and others go
		}
		return drop
	case marker == jpegAPP1:
		if bytes.HasPrefix(body, []byte("Exif\x00")) {
			return keepOrientation
		}
		return drop // XMP, extended XMP
	case marker == jpegAPP2:
		if bytes.HasPrefix(body, []byte("ICC_PROFILE\x00")) {
			return keep
		}
		return drop // MPF (secondary images), FlashPix
	case marker == jpegAP14:
		if bytes.HasPrefix(body, []byte("Adobe")) {
			return keep
		}
		return drop
	case marker >= jpegAPP0 && marker <= jpegAP15, marker == jpegCOM:
		return drop // IPTC/Photoshop (APP13), JUMBF/C2PA (APP11), vendor blocks
	}
	return keep // frame, tables, scans, restart interval and the like
}

// scanEntropyData returns the offset of the first marker after the
// entropy-coded data that starts at i: 0xFF followed by anything but a
// stuffed zero or a restart marker.
func scanEntropyData(b []byte, i int) int {
	for i < len(b) {
		if b[i] != 0xFF {
			i++
			continue
		}
		if i+1 >= len(b) {
			return len(b)
		}
		next := b[i+1]
		switch {
		case next == 0x00 || next >= jpegRST0 && next <= jpegRST7:
			i += 2
		case next == 0xFF:
			i++ // fill byte before a marker
		default:
			return i
		}
	}
	return i
}

// exifOrientation reads tag 0x0112 from IFD0 of an APP1 Exif body; 0 when
// it is missing or the block is malformed (it is dropped either way).
func exifOrientation(body []byte) int {
	t := body[min(6, len(body)):] // after "Exif\0\0"
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0
	}
	ifd := int64(bo.Uint32(t[4:]))
	if ifd+2 > int64(len(t)) {
		return 0
	}
	n := int64(bo.Uint16(t[ifd:]))
	for k := int64(0); k < n; k++ {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 {
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 0
}

// orientationExif is a complete APP1 segment holding a big-endian TIFF
// header and an IFD0 with the one Orientation entry.
func orientationExif(o int) []byte {
	seg := []byte{
		0xFF, jpegAPP1, 0x00, 0x22, // length 34
		'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0x00, 0x2A, 0, 0, 0, 8, // TIFF header, IFD0 at 8
		0x00, 0x01, // one entry
		0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, byte(o), 0, 0, // Orientation SHORT 1
		0, 0, 0, 0, // no next IFD
	}
	return seg
}

// pngKeep lists the ancillary PNG chunks that change how the image looks
// (colour, transparency, physical size, animation). Critical chunks (upper
// case first letter) are always kept; every other ancillary chunk, among
// them eXIf, tEXt, iTXt, zTXt and tIME, is dropped.
var pngKeep = map[string]bool{
	"tRNS": true, "cHRM": true, "gAMA": true, "iCCP": true, "sBIT": true,
	"sRGB": true, "cICP": true, "mDCV": true, "cLLI": true, "bKGD": true,
	"hIST": true, "pHYs": true, "sPLT": true, "acTL": true, "fcTL": true,
	"fdAT": true,
}

const pngSignature = "\x89PNG\r\n\x1a\n"

// stripPNG drops metadata chunks and anything after IEND.
func stripPNG(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, []byte(pngSignature)) {
		return nil, errors.New("not a PNG file (no PNG signature)")
	}
	out := make([]byte, 0, len(b))
	out = append(out, pngSignature...)
	for i, first := len(pngSignature), true; ; first = false {
		if i+8 > len(b) {
			return nil, errTruncated
		}
		n := int64(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if !isChunkType(typ) {
			return nil, fmt.Errorf("invalid chunk type %q at offset %d", typ, i)
		}
		end := int64(i) + 12 + n // length, type, data, CRC
		if end > int64(len(b)) {
			return nil, errTruncated
		}
		if first && typ != "IHDR" {
			return nil, errors.New("the first chunk is not IHDR")
		}
		if typ[0] >= 'A' && typ[0] <= 'Z' || pngKeep[typ] {
			out = append(out, b[i:end]...)
		}
		i = int(end)
		if typ == "IEND" {
			return out, nil
		}
	}
}

func isChunkType(t string) bool {
	for _, c := range []byte(t) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// webpKeep lists the WebP chunks a decoder needs; EXIF, XMP and unknown
// chunks are dropped.
var webpKeep = map[string]bool{
	"VP8 ": true, "VP8L": true, "VP8X": true, "ALPH": true,
	"ANIM": true, "ANMF": true, "ICCP": true,
}

// VP8X flag bits for the chunks we drop.
const (
	vp8xEXIF = 1 << 3
	vp8xXMP  = 1 << 2
)

// stripWebP drops EXIF, XMP and unknown chunks, clears their flags in VP8X
// and writes the new RIFF size.
func stripWebP(b []byte) ([]byte, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return nil, errors.New("not a WebP file (no RIFF WEBP header)")
	}
	size := int64(binary.LittleEndian.Uint32(b[4:]))
	if size < 4 || 8+size > int64(len(b)) {
		return nil, errTruncated
	}
	body := b[12 : 8+size]
	out := make([]byte, 12, len(b))
	copy(out, "RIFF\x00\x00\x00\x00WEBP")
	hasImage := false
	for i := 0; i < len(body); {
		if i+8 > len(body) {
			return nil, errTruncated
		}
		fourcc := string(body[i : i+4])
		n := int64(binary.LittleEndian.Uint32(body[i+4:]))
		end := int64(i) + 8 + n + n&1 // chunks are padded to an even size
		if end > int64(len(body)) {
			if end-1 == int64(len(body)) && n&1 == 1 {
				end-- // a missing final pad byte is common and harmless
			} else {
				return nil, errTruncated
			}
		}
		if webpKeep[fourcc] {
			start := len(out)
			out = append(out, body[i:end]...)
			if fourcc == "VP8X" && n > 0 {
				out[start+8] &^= vp8xEXIF | vp8xXMP
			}
			if fourcc != "ICCP" && fourcc != "ANIM" {
				hasImage = true
			}
			if len(out)%2 == 1 {
				out = append(out, 0)
			}
		}
		i = int(end)
	}
	if !hasImage {
		return nil, errors.New("no image data")
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
