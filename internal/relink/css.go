package relink

import "bytes"

// css records the edits for the CSS b, found at offset off of a file in the folder dir: the URLs
// of url(...) and of @import "...", all of which the browser fetches. Comments and other strings are skipped, so
// content: "url(/x)" stays as it is. Escapes inside a URL are kept as written.
func (r *rewriter) css(dir string, b []byte, off int) {
	n := len(b)
	for i := 0; i < n; {
		switch c := b[i]; {
		case c == '/' && i+1 < n && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return
			}
			i += end + 4
		case c == '"' || c == '\'':
			_, _, i = cssString(b, i)
		case c == '\\':
			i += 2
		case (c == 'u' || c == 'U') && hasPrefixFold(b[i:], "url(") && (i == 0 || !isNameByte(b[i-1])):
			i = r.cssURL(dir, b, i+len("url("), off)
		case c == '@' && hasPrefixFold(b[i:], "@import") && (i+7 == n || !isNameByte(b[i+7])):
			i += len("@import")
			for i < n && isSpace(b[i]) {
				i++
			}
			if i < n && (b[i] == '"' || b[i] == '\'') {
				start, end, next := cssString(b, i)
				r.url(dir, b[start:end], off+start, true)
				i = next
			}
		default:
			i++
		}
	}
}

// cssURL records the edit for the URL of a url( token whose contents start at b[i], and returns
// where scanning resumes.
func (r *rewriter) cssURL(dir string, b []byte, i, off int) int {
	n := len(b)
	for i < n && isSpace(b[i]) {
		i++
	}
	if i < n && (b[i] == '"' || b[i] == '\'') {
		start, end, next := cssString(b, i)
		r.url(dir, b[start:end], off+start, true)
		return next
	}
	start := i
	for i < n && b[i] != ')' && !isSpace(b[i]) {
		switch b[i] {
		case '"', '\'', '(':
			return i // a bad url token: leave it to the browser
		case '\\':
			i++
		}
		i++
	}
	if i > n {
		i = n
	}
	r.url(dir, b[start:i], off+start, true)
	return i
}

// cssString returns the contents [start, end) of the CSS string whose quote is at b[i] and the
// index after it. A string ends at its closing quote, at an unescaped newline or at the end.
func cssString(b []byte, i int) (start, end, next int) {
	q := b[i]
	start = i + 1
	for j := start; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '\n':
			return start, j, j
		case q:
			return start, j, j + 1
		}
	}
	return start, len(b), len(b)
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// isNameByte reports whether c can be part of a CSS identifier, so that "myurl(" is not "url(".
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c >= 0x80 || c == '\\'
}
