package check

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// checkImages reports photos that still carry metadata and SVG files that
// can run script or load from other sites. Raster images are recognised by their first bytes, so a
// misnamed file is checked too.
func (c *checker) checkImages() {
	for _, name := range c.paths(func(string) bool { return true }) {
		data := c.files[name]
		if isSVG(name) {
			c.checkSVG(name, data)
			for _, l := range Loads(name, data, c.opts.BaseURL) {
				c.probs = append(c.probs, l.Problem)
			}
			continue
		}
		var found []string
		switch {
		case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
			found = jpegMetadata(data)
		case bytes.HasPrefix(data, []byte(pngSignature)):
			found = pngMetadata(data)
		case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
			found = webpMetadata(data)
		}
		if len(found) > 0 {
			c.report(name, nil, -1, "image carries metadata (GPS, camera, …): "+strings.Join(found, ", "),
				"strip it before publishing, for example with `exiftool -all= FILE` or `mat2 FILE`, or export the image again without metadata: it can hold where and when the photo was taken and the camera's serial number")
		}
	}
}

// jpegMetadata walks the segments before the image data (SOS) and names the
// ones that carry metadata. A colour profile (APP2 ICC) is not metadata.
// orientationOnly reports an Exif block that holds nothing but the
// picture's orientation: one IFD with the one Orientation tag (0x0112)
// and no IFD after it. The build keeps such a block (a phone's upright
// photo would show sideways without it); it says nothing of who, where
// or with what.
func orientationOnly(body []byte) bool {
	t := body[min(6, len(body)):] // after "Exif\0\0"
	if len(t) < 8 {
		return false
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return false
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2+12+4 > len(t) || bo.Uint16(t[ifd:]) != 1 {
		return false
	}
	return bo.Uint16(t[ifd+2:]) == 0x0112 && bo.Uint32(t[ifd+2+12:]) == 0
}

func jpegMetadata(b []byte) []string {
	var found []string
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			break
		}
		m := b[i+1]
		switch {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			i += 2
			continue
		case m == 0xD9 || m == 0xDA: // end of image, start of scan
			return found
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			break
		}
		seg := b[i+4 : i+2+n]
		switch m {
		case 0xE1:
			switch {
			case bytes.HasPrefix(seg, []byte("Exif\x00")):
				if !orientationOnly(seg) {
					found = appendOnce(found, "Exif")
				}
			case bytes.HasPrefix(seg, []byte("http://ns.adobe.com/")):
				found = appendOnce(found, "XMP")
			default:
				found = appendOnce(found, "APP1")
			}
		case 0xED:
			found = appendOnce(found, "IPTC")
		case 0xFE:
			found = appendOnce(found, "comment")
		}
		i += 2 + n
	}
	return found
}

const pngSignature = "\x89PNG\r\n\x1a\n"

// pngMetadata names the PNG chunks that carry metadata.
func pngMetadata(b []byte) []string {
	var found []string
	for i := len(pngSignature); i+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		switch typ {
		case "eXIf":
			found = appendOnce(found, "Exif")
		case "iTXt":
			if bytes.HasPrefix(b[i+8:], []byte("XML:com.adobe.xmp\x00")) {
				found = appendOnce(found, "XMP")
			} else {
				found = appendOnce(found, "text")
			}
		case "tEXt", "zTXt":
			found = appendOnce(found, "text")
		case "tIME":
			found = appendOnce(found, "time")
		case "IEND":
			return found
		}
		if n < 0 || n > len(b)-i-12 {
			break
		}
		i += 12 + n
	}
	return found
}

// webpMetadata names the WebP chunks that carry metadata.
func webpMetadata(b []byte) []string {
	var found []string
	for i := 12; i+8 <= len(b); {
		n := int(binary.LittleEndian.Uint32(b[i+4:]))
		switch string(b[i : i+4]) {
		case "EXIF":
			found = appendOnce(found, "Exif")
		case "XMP ":
			found = appendOnce(found, "XMP")
		}
		if n < 0 || n > len(b)-i-8 {
			break
		}
		i += 8 + n + n%2
	}
	return found
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// checkSVG reports what lets an SVG run script when it is opened on its
// own: <script>, on* event attributes and javascript: URLs.
func (c *checker) checkSVG(name string, data []byte) {
	var ls lines
	report := func(off int, msg string) {
		if ls == nil {
			ls = newLines(data)
		}
		c.report(name, ls, off, msg,
			"remove it, or export the drawing again as plain SVG: script in an SVG runs with the site's address when the file is opened on its own")
	}
	tokens(data, func(t token) {
		if t.typ != html.StartTagToken && t.typ != html.SelfClosingTagToken {
			return
		}
		if t.name == "script" {
			report(t.off, "SVG contains a <script>")
		}
		for _, a := range t.attrs {
			if strings.HasPrefix(a.key, "on") {
				report(a.off, fmt.Sprintf("SVG has an event handler attribute, %s", a.key))
			}
			if isJavaScriptURL(a.val) {
				report(a.off, fmt.Sprintf("SVG has a javascript: URL in %s", a.key))
			}
		}
	})
}

// isJavaScriptURL reports a javascript: URL the way a browser reads one,
// ignoring the whitespace and control characters it would strip.
func isJavaScriptURL(v string) bool {
	var b strings.Builder
	for i := 0; i < len(v) && b.Len() < len("javascript:"); i++ {
		if c := v[i]; c > ' ' {
			b.WriteByte(c)
		}
	}
	return strings.EqualFold(b.String(), "javascript:")
}

// svgIDs returns the ids in an SVG file, for fragment links
// ("icons.svg#menu"), reading each file once.
func (c *checker) svgIDs(name string) map[string]bool {
	if ids, ok := c.svgs[name]; ok {
		return ids
	}
	ids := map[string]bool{}
	tokens(c.files[name], func(t token) {
		if v, ok := t.attr("id"); ok {
			ids[v] = true
		}
	})
	c.svgs[name] = ids
	return ids
}

// checkTemplateMarks reports each ZgotmplZ, which html/template writes in
// place of a value it refused as unsafe.
func (c *checker) checkTemplateMarks() {
	const mark = "ZgotmplZ"
	for _, name := range c.paths(func(p string) bool { return isHTML(p) || strings.HasSuffix(strings.ToLower(p), ".xml") }) {
		data := c.files[name]
		var ls lines
		for i := 0; ; {
			j := bytes.Index(data[i:], []byte(mark))
			if j < 0 {
				break
			}
			if ls == nil {
				ls = newLines(data)
			}
			c.report(name, ls, i+j, "the output contains ZgotmplZ: a template put a value it refused as unsafe here",
				"html/template refused a URL or attribute value: use a plain http(s) or relative URL, or safeURL/safeHTMLAttr in the layout for a value you trust")
			i += j + len(mark)
		}
	}
}
