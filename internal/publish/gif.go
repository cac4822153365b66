package publish

import (
	"errors"
	"fmt"
)

// GIF block introducers and extension labels (GIF89a specification,
// sections 17 to 26).
const (
	gifExtension  = 0x21
	gifImage      = 0x2C
	gifTrailer    = 0x3B
	gifControl    = 0xF9 // graphic control: delay, disposal, transparency
	gifPlainText  = 0x01 // text drawn on the image, part of what it shows
	gifComment    = 0xFE
	gifAppSpecial = 0xFF
)

// stripGIF keeps what draws and animates the image (the screen
// descriptor, colour tables, images, graphic control and plain text
// extensions, and the NETSCAPE2.0 or ANIMEXTS1.0 application extension
// that says how often to loop) and drops comments, every other
// application extension (XMP, ICC profiles, editors' blocks), unknown
// extensions and anything after the trailer. Blocks are copied as they
// are: the LZW data is never decoded.
func stripGIF(b []byte) ([]byte, error) {
	if len(b) < 13 || string(b[:6]) != "GIF87a" && string(b[:6]) != "GIF89a" {
		return nil, errors.New("not a GIF file (no GIF87a or GIF89a header)")
	}
	i := 13 + colorTableSize(b[10]) // header, logical screen descriptor, global colour table
	if i > len(b) {
		return nil, errTruncated
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:i]...)
	for {
		if i >= len(b) {
			return nil, errTruncated
		}
		switch b[i] {
		case gifTrailer:
			return append(out, gifTrailer), nil
		case gifImage:
			if i+10 > len(b) {
				return nil, errTruncated
			}
			start := i
			i += 10 + colorTableSize(b[i+9]) + 1 // descriptor, local colour table, LZW code size
			end, err := subBlocksEnd(b, i)
			if err != nil {
				return nil, err
			}
			out = append(out, b[start:end]...)
			i = end
		case gifExtension:
			if i+2 > len(b) {
				return nil, errTruncated
			}
			end, err := subBlocksEnd(b, i+2)
			if err != nil {
				return nil, err
			}
			if keepGIFExtension(b[i+1], b[i+2:end]) {
				out = append(out, b[i:end]...)
			}
			i = end
		default:
			return nil, fmt.Errorf("unexpected byte 0x%02X at offset %d where a block should start", b[i], i)
		}
	}
}

// colorTableSize is the size in bytes of the colour table that a packed
// descriptor byte announces: none, or 3 × 2^(n+1).
func colorTableSize(packed byte) int {
	if packed&0x80 == 0 {
		return 0
	}
	return 3 << (packed&7 + 1)
}

// subBlocksEnd returns the offset just past the chain of data sub-blocks
// (a length byte, that many bytes; a zero length ends it) starting at i.
func subBlocksEnd(b []byte, i int) (int, error) {
	for {
		if i >= len(b) {
			return 0, errTruncated
		}
		n := int(b[i])
		i += 1 + n
		if n == 0 {
			return i, nil
		}
	}
}

func keepGIFExtension(label byte, blocks []byte) bool {
	switch label {
	case gifControl, gifPlainText:
		return true
	case gifAppSpecial:
		// The first sub-block is the application's name and code.
		if len(blocks) < 12 || blocks[0] != 11 {
			return false
		}
		app := string(blocks[1:12])
		return app == "NETSCAPE2.0" || app == "ANIMEXTS1.0"
	}
	return false // comments, and extensions no decoder needs to draw
}
