package check

import (
	"bytes"

	"golang.org/x/net/html"
)

// token is one HTML token with the byte offsets needed for positions.
type token struct {
	typ   html.TokenType // StartTagToken, SelfClosingTagToken, EndTagToken or TextToken
	name  string         // lower-case tag name; "" for text
	attrs []attr
	off   int    // byte offset of the token's first byte
	raw   []byte // the token as written; valid only during the callback
}

// attr is one attribute, its value unescaped as the browser reads it.
type attr struct {
	key, val string
	off      int // byte offset of the attribute's name, or of its tag when unknown
}

func (t token) attr(key string) (string, bool) {
	for _, a := range t.attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}

// tokens calls fn for every tag and text token of data, in order.
// Comments and doctypes are skipped.
func tokens(data []byte, fn func(t token)) { tokenize(data, false, fn) }

// tokenize is tokens; with tagsAlone, data is start tags taken out of
// their pages and put one after the other, and none of them starts raw
// text (a <script>'s or <style>'s), which would swallow the tags after it.
func tokenize(data []byte, tagsAlone bool, fn func(t token)) {
	z := html.NewTokenizer(bytes.NewReader(data))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		// The tokens' raw bytes partition the input, so the running sum of
		// their lengths is the offset of the current one.
		raw := z.Raw()
		t := token{typ: tt, off: off, raw: raw}
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			offs := attrOffsets(raw) // before TagName, which lower-cases raw in place
			name, more := z.TagName()
			t.name = string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				t.attrs = append(t.attrs, attr{key: string(k), val: string(v), off: t.off})
			}
			if len(offs) == len(t.attrs) {
				for i := range t.attrs {
					t.attrs[i].off = t.off + offs[i]
				}
			}
			if t.name == "noscript" || tagsAlone {
				// The tokenizer reads <noscript> as raw text, as a browser with
				// scripts on does; its images and links are still published.
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			t.name = string(name)
		case html.TextToken:
		default:
			continue
		}
		fn(t)
	}
}

// attrOffsets returns the offset within raw, a start tag, of each attribute
// name the tokenizer keeps: it mirrors golang.org/x/net/html's readTag,
// which drops empty names and repeated names. The caller falls back to the
// tag's offset when the counts disagree.
func attrOffsets(raw []byte) []int {
	i := 1 // past '<'
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	skip := func() {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
	}
	var offs []int
	var seen map[string]bool
	skip()
	for i < len(raw) && raw[i] != '>' {
		ks := i
		for i < len(raw) {
			c := raw[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if c == '=' || c == '/' || c == '>' || isSpace(c) {
				break
			}
			i++
		}
		ke := i
		skipValue(raw, &i)
		if ke > ks {
			key := asciiLower(raw[ks:ke])
			if !seen[key] {
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[key] = true
				offs = append(offs, ks)
			}
		}
		skip()
	}
	return offs
}

// skipValue moves *i past an attribute's "= value", if there is one.
func skipValue(raw []byte, i *int) {
	j := *i
	defer func() { *i = j }()
	for j < len(raw) && isSpace(raw[j]) {
		j++
	}
	if j >= len(raw) {
		return
	}
	switch raw[j] {
	case '/':
		j++
		return
	case '=':
		j++
	default:
		return
	}
	for j < len(raw) && isSpace(raw[j]) {
		j++
	}
	if j >= len(raw) {
		return
	}
	switch q := raw[j]; q {
	case '>':
	case '"', '\'':
		j++
		for j < len(raw) && raw[j] != q {
			j++
		}
		if j < len(raw) {
			j++
		}
	default:
		for j < len(raw) && raw[j] != '>' && !isSpace(raw[j]) {
			j++
		}
	}
}

// asciiLower lower-cases ASCII letters only, as the tokenizer does; other
// bytes, even invalid UTF-8, stay as they are.
func asciiLower(b []byte) string {
	s := []byte(string(b))
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			s[i] = c + 'a' - 'A'
		}
	}
	return string(s)
}

// isSpace reports HTML's ASCII whitespace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

const htmlSpace = " \n\r\t\f"
