package markdown

import (
	"strings"
	"unicode/utf8"
)

// Word processors put a non-breaking space after a heading's #s
// ("##\u00a0The verdict"), and editors paste it in unseen. Markdown wants
// a plain space or tab there, so the line was published as the literal
// text "## The verdict". A non-breaking space (U+00A0, U+202F or U+2007)
// right after a heading's #s or a block quote's >, at the start of a line
// and outside fenced code, is read as a plain space. Only those few
// characters change, never a line break, so every line number stays
// right.
//
// Never after a list marker: there the space is prose, set on purpose so
// the line does not break. Russian dialogue ("-\u00a0Нет, -\u00a0сказал
// он."), a year ending a sentence ("2011.\u00a0In December") and a phone
// number ("+\u00a07 727 …") would become a list. A '>' is safe: ">text"
// is a block quote already, the space only decides what the quote holds.

// wideSpaces are the spaces that look like ' ' but are not markdown's.
var wideSpaces = [...]string{"\u00a0", "\u202f", "\u2007"}

// plainMarkerSpaces returns src with each non-breaking space that follows
// a line's block markers replaced by ' '. Most pages hold none, and cost
// three searches.
func plainMarkerSpaces(src string) string {
	var at []int // offsets of the spaces to replace, ascending
	for i := 0; i < len(src); {
		j := nextWideSpace(src, i)
		if j < 0 {
			break
		}
		ls := strings.LastIndexByte(src[:j], '\n') + 1
		if afterMarkers(src[ls:j]) {
			at = append(at, j)
		}
		_, size := utf8.DecodeRuneInString(src[j:])
		i = j + size
	}
	if len(at) == 0 {
		return src
	}
	at = outsideFences(src, at)
	if len(at) == 0 {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	prev := 0
	for _, j := range at {
		_, size := utf8.DecodeRuneInString(src[j:])
		b.WriteString(src[prev:j])
		b.WriteByte(' ')
		prev = j + size
	}
	b.WriteString(src[prev:])
	return b.String()
}

// nextWideSpace is the offset of the first wide space in src[from:], or -1.
func nextWideSpace(src string, from int) int {
	best := -1
	for _, w := range wideSpaces {
		if k := strings.Index(src[from:], w); k >= 0 && (best < 0 || from+k < best) {
			best = from + k
		}
	}
	return best
}

// afterMarkers reports whether prefix, the start of a line, is white
// space then block quote markers and, last, a heading's #s, ending with a
// marker: "##", ">", "> ##", ">\u00a0>". A list marker may come before
// them only when a plain space follows it, "- ##", as it is then a list
// marker whatever follows; it may never come last.
func afterMarkers(prefix string) bool {
	rest := strings.TrimLeft(prefix, " \t")
	if rest == "" {
		return false
	}
	for rest != "" {
		n, list := 0, false
		switch c := rest[0]; {
		case c == '>':
			n = 1
		case c == '-' || c == '*' || c == '+':
			n, list = 1, true
		case c == '#':
			for n < len(rest) && rest[n] == '#' {
				n++
			}
			if n > 6 || n < len(rest) {
				return false // too many #s, or more markers after a heading's
			}
		case c >= '0' && c <= '9':
			for n < len(rest) && n < 10 && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n > 9 || n >= len(rest) || rest[n] != '.' && rest[n] != ')' {
				return false
			}
			n, list = n+1, true
		default:
			return false
		}
		rest = rest[n:]
		if rest == "" {
			return !list
		}
		// Markers are apart, by a space or a wide one, except after '>';
		// a list marker only by a plain one.
		sep := len(rest) - len(strings.TrimLeft(rest, " \t"))
		if list && sep == 0 {
			return false
		}
		for _, w := range wideSpaces {
			for !list && strings.HasPrefix(rest[sep:], w) {
				sep += len(w)
			}
		}
		if sep == 0 && rest[0] != '>' && prefix[len(prefix)-len(rest)-1] != '>' {
			return false
		}
		rest = rest[sep:]
	}
	return false // ends in white space, not a marker
}

// outsideFences returns the offsets in at (ascending) that are not inside
// fenced code blocks, whose text is shown as it is. It reads src's lines
// only up to the last offset, and only when some line holds a candidate,
// which is rare.
func outsideFences(src string, at []int) []int {
	var keep []int
	fence := ""
	k := 0
	for ls := 0; ls < len(src) && k < len(at); {
		le := strings.IndexByte(src[ls:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += ls
		}
		rest := strings.TrimLeft(src[ls:le], " \t>")
		inside := fence != ""
		switch {
		case fence != "" && isFenceClose(rest, fence):
			fence = ""
		case fence == "":
			fence = fenceOpen(rest)
		}
		for k < len(at) && at[k] < le {
			if !inside {
				keep = append(keep, at[k])
			}
			k++
		}
		ls = le + 1
	}
	return keep
}
