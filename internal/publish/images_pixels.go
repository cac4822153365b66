package publish

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"image"
	"math"
	"strconv"
	"strings"
)

// jpegColourAndOrientation walks a JPEG's segments up to its image data
// and returns its Exif orientation (1 when none) and its ICC profile
// segments (APP2 "ICC_PROFILE"), whole, for the copies: without the
// profile a photo exported in a wide colour space shows dull in them.
func jpegColourAndOrientation(b []byte) (orient int, icc [][]byte) {
	orient = 1
	i := 2
	for i+4 <= len(b) && b[i] == 0xFF {
		marker := b[i+1]
		if marker == jpegSOS || marker == jpegEOI {
			break
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			break
		}
		body := b[i+4 : i+2+n]
		switch {
		case marker == jpegAPP1 && bytes.HasPrefix(body, []byte("Exif\x00")):
			if o := exifOrientation(body); o >= 1 && o <= 8 {
				orient = o
			}
		case marker == jpegAPP2 && bytes.HasPrefix(body, []byte("ICC_PROFILE\x00")):
			icc = append(icc, b[i:i+2+n])
		}
		i += 2 + n
	}
	return orient, icc
}

// withICC puts the ICC segments right after the start-of-image marker
// of a JPEG the standard library encoded.
func withICC(b []byte, icc [][]byte) []byte {
	if len(icc) == 0 {
		return b
	}
	out := append([]byte(nil), b[:2]...)
	for _, seg := range icc {
		out = append(out, seg...)
	}
	return append(out, b[2:]...)
}

// orientRGBA returns m turned and flipped as Exif orientation o (2–8)
// says to show it; m itself for 1.
func orientRGBA(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	d := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			copy(d.Pix[d.PixOffset(x, y):][:4], m.Pix[m.PixOffset(sx+m.Rect.Min.X, sy+m.Rect.Min.Y):][:4])
		}
	}
	return d
}

// svgSize reads the width and height of an SVG's root element when both
// are plain pixel numbers ("120", "120px"). Any other unit, or a
// viewBox alone, is left to the browser: an <img> showing such an SVG
// is sized by the page, and numbers from it would change that.
func svgSize(b []byte) (w, h int, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for {
		t, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		se, isStart := t.(xml.StartElement)
		if !isStart {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, false
		}
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = svgPixels(a.Value)
			case "height":
				h = svgPixels(a.Value)
			}
		}
		return w, h, w > 0 && h > 0
	}
}

func svgPixels(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 1e5 || math.IsNaN(f) {
		return 0
	}
	return int(math.Round(f))
}
