package relink

import (
	"bytes"

	"golang.org/x/net/html"
)

// tokenKind is the kind of a token found by scanner.
type tokenKind int

const (
	tokError   tokenKind = iota // end of input, or a tag cut off by it
	tokText                     // text, or the raw text of an element like <style>
	tokTag                      // a start tag, self-closing or not
	tokEndTag                   // an end tag
	tokComment                  // a comment, doctype, processing instruction or "</>"
)

// scanner splits HTML into the tokens golang.org/x/net/html's Tokenizer finds, with the same
// raw bytes, without copying the input or parsing attributes: relink reads tags itself, so it
// needs only where each token starts and ends, and most of a page is text that bytes.IndexByte
// skips. It follows the tokenizer's states (token.go of x/net/html) for text, tags, end tags,
// comments, doctypes, bogus comments and the raw text of <style>, <title>, <textarea>,
// <noscript>, <iframe>, <noembed>, <noframes> and <xmp>. At a <script> or <plaintext> start
// tag, whose text has states of its own, and at a raw-text start tag that ends in "/>" (which
// the tokenizer may or may not call self-closing), it hands the rest of the input to the
// tokenizer itself: the tokenizer is in its data state there, so it goes on as it would have.
//
// Start and self-closing tags are both tokTag, and doctypes are tokComment. startTag says
// whether the last tokTag was a start tag and not a self-closing one; it is exact for tags whose
// name is a raw-text element's or bytes.EqualFold "style" or "noscript", the ones relink tells
// apart (the tokenizer takes over at those of them that end in "/>"), and true for others.
type scanner struct {
	b        []byte
	pos      int
	rawTag   string // the lower-case name of the raw-text element whose text comes next
	startTag bool

	z *html.Tokenizer // the tokenizer that took over, from the tag where it did
}

// next returns the next token's kind and its raw bytes b[start:end]. After tokError it keeps
// returning tokError.
func (s *scanner) next() (kind tokenKind, start, end int) {
	if s.z != nil {
		return s.nextTokenizer()
	}
	b, n := s.b, len(s.b)
	start = s.pos
	if start >= n {
		return tokError, n, n
	}
	if s.rawTag != "" {
		tag := s.rawTag
		s.rawTag = ""
		if end := rawTextEnd(b, start, tag); end > start {
			s.pos = end
			return tokText, start, end
		}
	}
	for i := start; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 || i+j+1 >= n {
			// No tag starts before the end ("<" as the last byte is text too).
			s.pos = n
			return tokText, start, n
		}
		p := i + j
		c := b[p+1]
		if !isLetter(c) && c != '/' && c != '!' && c != '?' {
			i = p + 1
			continue
		}
		if p > start {
			s.pos = p
			return tokText, start, p
		}
		switch {
		case isLetter(c):
			return s.readStartTag(p)
		case c == '/':
			return s.endTag(p)
		case c == '!':
			return s.markup(p)
		default: // '?': a bogus comment up to the next '>'
			return s.untilCloseAngle(p, p+1)
		}
	}
}

func (s *scanner) readStartTag(p int) (tokenKind, int, int) {
	end, nameEnd, ok := tagEnd(s.b, p+1)
	if !ok {
		s.pos = len(s.b)
		return tokError, len(s.b), len(s.b)
	}
	name := s.b[p+1 : nameEnd]
	tag := rawTextTag(name)
	if tag == "script" || tag == "plaintext" || s.b[end-2] == '/' &&
		(tag != "" || bytes.EqualFold(name, []byte("style")) || bytes.EqualFold(name, []byte("noscript"))) {
		s.z = html.NewTokenizer(bytes.NewReader(s.b[p:]))
		s.pos = p
		return s.nextTokenizer()
	}
	s.rawTag = tag
	s.pos = end
	s.startTag = true
	return tokTag, p, end
}

func (s *scanner) endTag(p int) (tokenKind, int, int) {
	b, n := s.b, len(s.b)
	if p+2 >= n {
		s.pos = n
		return tokText, p, n
	}
	switch c := b[p+2]; {
	case c == '>': // "</>"
		s.pos = p + 3
		return tokComment, p, p + 3
	case isLetter(c):
		end, _, ok := tagEnd(b, p+2)
		if !ok {
			s.pos = n
			return tokError, n, n
		}
		s.pos = end
		return tokEndTag, p, end
	}
	return s.untilCloseAngle(p, p+2)
}

// markup reads what starts with "<!" at p: a comment, or a doctype or bogus comment that ends
// at the next '>'.
func (s *scanner) markup(p int) (tokenKind, int, int) {
	b, n := s.b, len(s.b)
	if p+3 >= n {
		s.pos = n
		return tokComment, p, n
	}
	if b[p+2] != '-' || b[p+3] != '-' {
		return s.untilCloseAngle(p, p+2)
	}
	// readComment.
	dashes, beginning := 0, true
	for i := p + 4; ; {
		if i >= n {
			s.pos = n
			return tokComment, p, n
		}
		c := b[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				s.pos = i
				return tokComment, p, i
			}
		case '!':
			if dashes >= 2 {
				if i >= n {
					s.pos = n
					return tokComment, p, n
				}
				c = b[i]
				i++
				if c == '>' {
					s.pos = i
					return tokComment, p, i
				} else if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
}

// untilCloseAngle returns the comment from p through the first '>' at or after from, or to the
// end of the input.
func (s *scanner) untilCloseAngle(p, from int) (tokenKind, int, int) {
	end := len(s.b)
	if k := bytes.IndexByte(s.b[from:], '>'); k >= 0 {
		end = from + k + 1
	}
	s.pos = end
	return tokComment, p, end
}

func (s *scanner) nextTokenizer() (tokenKind, int, int) {
	tt := s.z.Next()
	start := s.pos
	s.pos += len(s.z.Raw())
	switch tt {
	case html.ErrorToken:
		s.pos = start
		return tokError, start, start
	case html.TextToken:
		return tokText, start, s.pos
	case html.StartTagToken, html.SelfClosingTagToken:
		s.startTag = tt == html.StartTagToken
		return tokTag, start, s.pos
	case html.EndTagToken:
		return tokEndTag, start, s.pos
	}
	return tokComment, start, s.pos
}

// tagEnd reads a tag whose name starts at q, as the tokenizer's readTag does, and returns the
// end of the tag (past its '>') and of its name; ok is false when the input ends first.
func tagEnd(b []byte, q int) (end, nameEnd int, ok bool) {
	n := len(b)
	i := q + 1
	for {
		if i >= n {
			return 0, 0, false
		}
		c := b[i]
		if isSpace(c) {
			nameEnd = i
			i++
			break
		}
		if c == '/' || c == '>' {
			nameEnd = i
			break
		}
		i++
	}
	skip := func() bool {
		for i < n && isSpace(b[i]) {
			i++
		}
		return i < n
	}
	if !skip() {
		return 0, 0, false
	}
	for {
		if i >= n {
			return 0, 0, false
		}
		if b[i] == '>' {
			return i + 1, nameEnd, true
		}
		// readTagAttrKey: a leading '=' belongs to the name.
		for k := i; ; i++ {
			if i >= n {
				return 0, 0, false
			}
			c := b[i]
			if c == '=' && i > k || isSpace(c) || c == '/' || c == '>' {
				break
			}
		}
		// readTagAttrVal.
		if !skip() {
			return 0, 0, false
		}
		switch b[i] {
		case '/':
			i++
		case '=':
			i++
			if !skip() {
				return 0, 0, false
			}
			switch q := b[i]; q {
			case '>':
			case '"', '\'':
				k := bytes.IndexByte(b[i+1:], q)
				if k < 0 {
					return 0, 0, false
				}
				i += 1 + k + 1
			default:
				for i++; ; i++ {
					if i >= n {
						return 0, 0, false
					}
					if c := b[i]; isSpace(c) {
						i++
						break
					} else if c == '>' {
						break
					}
				}
			}
		}
		if !skip() {
			return 0, 0, false
		}
	}
}

// rawTextTag returns the lower-case name of the element when name (ASCII case-insensitively)
// is one whose content the tokenizer reads as raw text, and "" otherwise.
func rawTextTag(name []byte) string {
	if len(name) < 3 || len(name) > 9 {
		return ""
	}
	for _, t := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if len(t) == len(name) && equalFoldASCII(name, t) {
			return t
		}
	}
	return ""
}

func equalFoldASCII(b []byte, lower string) bool {
	for i := range len(b) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// rawTextEnd returns where the raw text of the element tag that starts at start ends: at the
// "</tag" (ASCII case-insensitive) followed by white space, '/' or '>', or at the end of b.
func rawTextEnd(b []byte, start int, tag string) int {
	n := len(b)
	for i := start; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return n
		}
		lt := i + j
		i = lt + 1
		if i >= n {
			return n
		}
		if b[i] != '/' {
			continue
		}
		i++
		k := 0
		for ; k < len(tag); k++ {
			if i+k >= n {
				return n
			}
			if c := b[i+k]; c != tag[k] && c != tag[k]-('a'-'A') {
				break
			}
		}
		if k < len(tag) {
			i += k
			continue
		}
		if i+k >= n {
			return n
		}
		switch b[i+k] {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return lt
		}
		i += k
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
