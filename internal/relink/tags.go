package relink

import "bytes"

// Tags splits the HTML b as golang.org/x/net/html's tokenizer does, as Rewrite reads a page,
// and calls tag with the raw bytes and offset of each start tag (self-closing or not) and css
// with those of each <style> element's text. Markup inside <noscript> is read as markup, as
// browsers without scripting and crawlers read it. It is Rewrite's reading of a page, for others
// that look at every tag of a built site (package check's scan for loads from other sites):
// text is skipped with bytes.IndexByte, several times faster than the tokenizer reads it.
// The slices passed are b's own and must not be changed.
func Tags(b []byte, tag func(raw []byte, off int), css func(text []byte, off int)) {
	tags(b, 0, tag, css)
}

func tags(b []byte, off int, tag func(raw []byte, off int), css func(text []byte, off int)) {
	s := scanner{b: b}
	var rawText string // "style" or "noscript" when the next text token is that element's content
	for {
		tt, start, end := s.next()
		raw := b[start:end]
		switch tt {
		case tokError:
			return
		case tokTag:
			tag(raw, off+start)
			rawText = ""
			if s.startTag {
				switch name := tagName(raw); {
				case bytes.EqualFold(name, []byte("style")):
					rawText = "style"
				case bytes.EqualFold(name, []byte("noscript")):
					rawText = "noscript"
				}
			}
			continue
		case tokText:
			switch rawText {
			case "style":
				css(raw, off+start)
			case "noscript":
				// The tokenizer reads <noscript> as raw text, as browsers with scripting on do;
				// browsers without it, and crawlers, read its markup.
				tags(raw, off+start, tag, css)
			}
		}
		rawText = ""
	}
}

// tagName returns the name of the raw start tag raw, as written.
func tagName(raw []byte) []byte {
	i := 2 // the tokenizer consumed "<" and the name's first byte unconditionally
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	return raw[1:min(i, len(raw))]
}
