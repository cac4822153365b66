package check

import (
	"bytes"
	"strconv"
	"strings"
)

// checkStylesheets checks the references in every .css file, relative to
// the stylesheet, and notes the same-site stylesheets each one @imports and
// the fonts it declares.
func (c *checker) checkStylesheets() {
	c.imports = map[string][]string{}
	c.fonts = map[string][]string{}
	for _, name := range c.paths(isCSS) {
		data := c.files[name]
		ls := newLines(data)
		for _, r := range scanCSS(data) {
			if strings.HasPrefix(strings.Trim(r.url, htmlSpace), "#") {
				continue // url(#filter) names an element of the page using the stylesheet
			}
			t := c.checkRef(name, ls, name, r)
			switch {
			case t == "":
			case r.kind == loadCode:
				c.imports[name] = append(c.imports[name], t)
			case r.font:
				c.fonts[name] = append(c.fonts[name], t)
			}
		}
	}
}

// scanCSS returns the url() and @import references of a stylesheet, and
// the strings that image-set() lists as images, with their byte offsets.
// It skips comments and other strings but is no full CSS parser: an URL
// built by a custom property is not seen.
func scanCSS(b []byte) []ref {
	var refs []ref
	pendingImport := false
	// imageSet is how deep in parentheses we are inside an image-set():
	// 1 directly in it, where a string is an image's URL; 0 outside one.
	imageSet := 0
	// face is where we are in an @font-face rule: its first url() is the
	// font a browser fetches (the first format it supports, and browsers
	// that support none of the formats listed first are rare).
	const (
		outside = iota
		faceAhead
		inFace
		faceURLSeen
	)
	face := outside
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := indexFrom(b, i+2, "*/")
			if end < 0 {
				return refs
			}
			i = end + 2
		case c == '"' || c == '\'':
			s, end := cssString(b, i)
			switch {
			case pendingImport:
				refs = append(refs, ref{url: s, off: i + 1, what: "@import", kind: loadCode})
				pendingImport = false
			case imageSet == 1:
				refs = append(refs, ref{url: s, off: i + 1, what: "image-set()", kind: load})
			}
			i = end
		case c == '@' && hasPrefixFold(b[i:], "@import") && !isIdent(at(b, i+7)):
			pendingImport = true
			i += 7
		case (c == 'u' || c == 'U') && hasPrefixFold(b[i:], "url(") && !isIdent(at(b, i-1)):
			u, off, end := cssURL(b, i+4)
			r := ref{url: u, off: off, what: "url()", kind: load}
			if pendingImport {
				r.what, r.kind = "@import", loadCode
				pendingImport = false
			}
			if face == inFace {
				r.font, face = true, faceURLSeen
			}
			refs = append(refs, r)
			i = end
		case (c == 'i' || c == 'I') && hasPrefixFold(b[i:], "image-set(") &&
			(!isIdent(at(b, i-1)) || i >= 8 && hasPrefixFold(b[i-8:], "-webkit-") && !isIdent(at(b, i-9))):
			imageSet = 1
			i += len("image-set(")
		case c == '(' && imageSet > 0:
			imageSet++
			i++
		case c == ')' && imageSet > 0:
			imageSet--
			i++
		case c == '@' && hasPrefixFold(b[i:], "@font-face") && !isIdent(at(b, i+10)):
			face = faceAhead
			i += 10
		case c == ';' || c == '{' || c == '}':
			pendingImport, imageSet = false, 0
			switch {
			case c == '{' && face == faceAhead:
				face = inFace
			case c == '}':
				face = outside
			}
			i++
		case c == '\\':
			i += 2
		default:
			i++
		}
	}
	return refs
}

// cssString reads the string starting with the quote at b[i] and returns
// its value and the offset just past it.
func cssString(b []byte, i int) (string, int) {
	q := b[i]
	var sb strings.Builder
	j := i + 1
	for j < len(b) && b[j] != q && b[j] != '\n' {
		if b[j] == '\\' && j+1 < len(b) {
			r, n := cssEscape(b[j+1:])
			sb.WriteString(r)
			j += 1 + n
			continue
		}
		sb.WriteByte(b[j])
		j++
	}
	if j < len(b) && b[j] == q {
		j++
	}
	return sb.String(), j
}

// cssURL reads the inside of url( starting at b[i]: a string or a bare URL.
// It returns the URL, its offset and the offset past the closing ")".
func cssURL(b []byte, i int) (string, int, int) {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i < len(b) && (b[i] == '"' || b[i] == '\'') {
		s, end := cssString(b, i)
		closing := indexFrom(b, end, ")")
		if closing < 0 {
			return s, i + 1, len(b)
		}
		return s, i + 1, closing + 1
	}
	start := i
	var sb strings.Builder
	for i < len(b) && b[i] != ')' && !isSpace(b[i]) {
		if b[i] == '\\' && i+1 < len(b) {
			r, n := cssEscape(b[i+1:])
			sb.WriteString(r)
			i += 1 + n
			continue
		}
		sb.WriteByte(b[i])
		i++
	}
	closing := indexFrom(b, i, ")")
	if closing < 0 {
		return sb.String(), start, len(b)
	}
	return sb.String(), start, closing + 1
}

// cssEscape decodes the escape after a backslash: up to six hex digits and
// one optional space, or one literal character. It returns the text and the
// number of bytes used.
func cssEscape(b []byte) (string, int) {
	n := 0
	for n < len(b) && n < 6 && isHex(b[n]) {
		n++
	}
	if n == 0 {
		return string(b[:1]), 1
	}
	v, _ := strconv.ParseUint(string(b[:n]), 16, 32)
	s := string(rune(v))
	if n < len(b) && isSpace(b[n]) {
		n++
	}
	return s, n
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isIdent(c byte) bool {
	return c == '-' || c == '_' || c == '\\' || c >= 0x80 ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// at returns b[i], or 0 outside b.
func at(b []byte, i int) byte {
	if i < 0 || i >= len(b) {
		return 0
	}
	return b[i]
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func indexFrom(b []byte, i int, s string) int {
	if i > len(b) {
		return -1
	}
	j := bytes.Index(b[i:], []byte(s))
	if j < 0 {
		return -1
	}
	return i + j
}
