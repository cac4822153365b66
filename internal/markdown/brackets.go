package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// A link markdown cannot read is published as its text, brackets and
// all, without a word: ![Photo](my photo.jpg) (a space in the file name,
// which CommonMark does not allow in a destination) shows the reader
// "![Photo](my photo.jpg)". goldmark leaves such a link as text, so the
// text of the few blocks that hold a '[' goldmark did not take for a link
// is read again for "[…](…)". Code is never read: a code span is one
// opaque node, and code blocks hold no text nodes. Escaped brackets (\[)
// are text. Every one is a warning, never a problem: "[sic](p. 3)" and
// "fined [KZT 150,000](approx. US$1,000)" are prose, which a problem would
// hold back and the angle brackets of the file name hint would turn into
// a broken link. That hint is given only when the part in parentheses
// reads as a file name or an address (it ends in a file extension, or
// starts with http, www., /, ./ or ../); a title in curly quotes, which
// word processors type for ", gets a hint to straighten them.
//
// A reference link, [text][label], whose label has no definition
// ("[label]: https://…") is left as text too, and is a warning. "[sic]"
// alone is prose and "[1][2]" a list of citations, so neither is one.

// maxDestScan bounds the destination read after "](", and maxOpenScans
// the open brackets remembered, so a paragraph of brackets costs little.
const (
	maxDestScan  = 500
	maxOpenScans = 64
	maxLabelScan = 999 // CommonMark's longest link label
)

// noteBracket remembers the parent of a text node holding a '[', whose
// inline content checkLiteralLinks reads.
func (t *transform) noteBracket(txt *ast.Text) {
	parent := txt.Parent()
	if parent == nil || parent.Kind() == ast.KindCodeSpan || txt.IsRaw() ||
		bytes.IndexByte(txt.Segment.Value(t.src), '[') < 0 {
		return
	}
	if t.bracketSeen == nil {
		t.bracketSeen = map[ast.Node]bool{}
	}
	if !t.bracketSeen[parent] {
		t.bracketSeen[parent] = true
		t.brackets = append(t.brackets, parent)
	}
}

// checkLiteralLinks reports the links and images left as text in the
// blocks noteBracket found.
func (t *transform) checkLiteralLinks() {
	for _, parent := range t.brackets {
		s := bracketScan{t: t}
		for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				seg := v.Segment
				s.text(t.src[seg.Start:seg.Stop], seg.Start)
				if v.SoftLineBreak() || v.HardLineBreak() {
					s.lineEnd()
				}
			case *ast.String:
				s.text(v.Value, -1)
			default:
				s.opaque()
			}
		}
		s.lineEnd()
	}
}

// bracketScan reads one block's inline content for "[…](…)" left as text.
type bracketScan struct {
	t     *transform
	opens []int // offsets of the '[' not yet closed, innermost last
	state int   // scanText, scanClosed or scanDest
	open  int   // offset of the '[' of the link being read
	close int   // offset of the ']' after its text
	dest  int   // offset where its destination (or reference label) starts
	depth int   // parentheses open in the destination
	last  int   // offset of the last byte read from the source
}

const (
	scanText   = iota
	scanClosed // right after the ']' of an open '['
	scanDest   // after "](" of an open '['
	scanLabel  // after "][" of an open '['
)

// text reads b, which starts at offset pos of the source (-1: not from
// the source, a typographer's quote).
func (s *bracketScan) text(b []byte, pos int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if pos >= 0 {
			s.last = pos + i
		}
		if c == '\\' && i+1 < len(b) && isASCIIPunct(b[i+1]) {
			s.plain()
			i++
			continue
		}
		if pos < 0 {
			s.plain()
			continue
		}
		s.byte(c, pos+i)
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// plain reads a byte that is no bracket or parenthesis.
func (s *bracketScan) plain() {
	switch s.state {
	case scanClosed:
		s.state = scanText
	case scanDest, scanLabel:
		s.grow()
	}
}

// grow gives up on a destination longer than any file name, or a label
// longer than CommonMark allows.
func (s *bracketScan) grow() {
	if s.state == scanDest && s.last-s.dest > maxDestScan || s.state == scanLabel && s.last-s.dest > maxLabelScan {
		s.state = scanText
	}
}

// opaque reads a node that is not text: emphasis, code, a link, an image.
// It may be part of a link's text or destination, never of "](" or of a
// reference label.
func (s *bracketScan) opaque() {
	if s.state == scanLabel {
		s.state = scanText
		return
	}
	s.plain()
}

func (s *bracketScan) byte(c byte, pos int) {
	switch s.state {
	case scanClosed:
		switch c {
		case '(':
			s.state, s.dest, s.depth = scanDest, pos+1, 0
			return
		case '[':
			s.state, s.dest = scanLabel, pos+1
			return
		}
		s.state = scanText
	case scanLabel:
		switch c {
		case ']':
			s.state = scanText
			s.reference(pos)
			return
		case '[':
			s.state = scanText // "[a][b[c]": the '[' opens anew
		default:
			s.grow()
			return
		}
	case scanDest:
		switch c {
		case '(':
			s.depth++
		case ')':
			if s.depth > 0 {
				s.depth--
				break
			}
			s.state = scanText
			s.report(pos, true)
			return
		}
		s.grow()
		return
	}
	switch c {
	case '[':
		if len(s.opens) == maxOpenScans {
			s.opens = s.opens[1:]
		}
		s.opens = append(s.opens, pos)
	case ']':
		if n := len(s.opens); n > 0 {
			s.open, s.close = s.opens[n-1], pos
			s.opens = s.opens[:n-1]
			s.state = scanClosed
		}
	}
}

// lineEnd ends a line: a destination cannot go on to the next one.
func (s *bracketScan) lineEnd() {
	switch s.state {
	case scanDest:
		s.report(s.last, false)
		s.state = scanText
	case scanClosed:
		s.state = scanText
	}
}

// report reports the link from s.open to end (its ')' when closed, else
// the last byte of its line).
func (s *bracketScan) report(end int, closed bool) {
	t := s.t
	src := t.src
	start := s.open
	image := start > 0 && src[start-1] == '!' && (start < 2 || src[start-2] != '\\')
	if image {
		start--
	}
	written := oneLine(t.p.untoken(string(src[start:end+1]), false))
	dest := string(src[s.dest:end])
	if !closed {
		dest = string(src[s.dest : end+1])
	}
	dest = strings.TrimSpace(t.p.untoken(dest, false))
	line := t.lines.line(s.open)
	head := t.p.untoken(string(src[start:s.dest-1]), false) // through the ']'
	switch addr, title, curly := splitTitle(dest); {
	case !closed || !strings.ContainsAny(dest, " \t"):
		t.p.warn(line, "this looks like a link or picture that markdown could not read: "+truncate(written, 100),
			"markdown shows it as text, brackets and all: write a link as [text](address) and a picture as "+
				"![what it shows](file.jpg), with the address closed by ) on the same line, and no link inside another link's text")
	case curly && looksLikeAddress(addr):
		t.p.warn(line, "this looks like a link or picture that markdown could not read: "+truncate(written, 100),
			"a link's title needs straight quotes: "+truncate(relinked(head, addr, title), 100))
	case looksLikeAddress(addr):
		t.p.warn(line, "this looks like a link or picture that markdown could not read: "+truncate(written, 100),
			"a file name with spaces must be written in angle brackets, "+truncate(relinked(head, addr, title), 100)+
				", or renamed without spaces")
	default:
		what := "link"
		if image {
			what = "picture"
		}
		text := oneLine(t.p.untoken(string(src[s.open+1:s.close]), false))
		kept := `\[` + truncate(text, 60) + `\]`
		if image {
			kept = "!" + kept
		}
		t.p.warn(line, "this looks like a "+what+" that markdown could not read: "+truncate(written, 100),
			"if it is a link, write a file name with spaces in angle brackets, [text](<my file.pdf>); "+
				"if it is text, ignore this or write "+kept+" to keep the brackets as they are")
	}
}

// splitTitle splits a destination into its address and a title after it
// in quotes, straight ("…", '…') or curly (“…”, ‘…’, „…“, «…», which
// markdown does not read as quotes), without the quotes.
func splitTitle(dest string) (addr, title string, curly bool) {
	for _, q := range [...]struct {
		open, close string
		curly       bool
	}{{`"`, `"`, false}, {`'`, `'`, false}, {"“", "”", true}, {"‘", "’", true}, {"„", "“", true}, {"„", "”", true}, {"«", "»", true}} {
		if !strings.HasSuffix(dest, q.close) {
			continue
		}
		body := strings.TrimSuffix(dest, q.close)
		i := strings.LastIndex(body, q.open)
		if i <= 0 || !strings.ContainsAny(body[i-1:i], " \t") {
			continue
		}
		return strings.TrimSpace(body[:i]), body[i+len(q.open):], q.curly
	}
	return dest, "", false
}

// looksLikeAddress reports whether addr, a destination without its
// title, reads as a file name or an address rather than prose.
func looksLikeAddress(addr string) bool {
	a := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(addr, "<"), ">"))
	for _, p := range [...]string{"http", "www.", "/", "./", "../"} {
		if strings.HasPrefix(a, p) {
			return true
		}
	}
	if i := strings.IndexAny(a, "?#"); i >= 0 {
		a = a[:i]
	}
	dot := strings.LastIndexByte(a, '.')
	return dot > 0 && isFileExtension(a[dot+1:])
}

// isFileExtension reports whether ext (lower case, without the dot) is
// that of a file a page links to or shows.
func isFileExtension(ext string) bool {
	switch ext {
	case "md", "html", "htm", "pdf", "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "tif", "tiff",
		"doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
		"zip", "mp3", "mp4", "m4a", "ogg", "oga", "wav", "webm", "mov", "epub", "json", "xml":
		return true
	}
	return false
}

// reference warns about [text][label] (ending at offset end, its last
// ']') when label is not defined; [text][] is [text][text].
func (s *bracketScan) reference(end int) {
	t := s.t
	text := t.src[s.open+1 : s.close]
	label := t.src[s.dest:end]
	if len(bytes.TrimSpace(label)) == 0 {
		label = text
	}
	if allDigits(text) || len(bytes.TrimSpace(label)) == 0 || label[0] == '^' {
		return // citations, [1][2]; an empty label; a footnote's
	}
	if _, ok := t.pc.Reference(util.ToLinkReference(label)); ok {
		return
	}
	name := truncate(oneLine(t.p.untoken(string(label), false)), 60)
	written := truncate(oneLine(t.p.untoken(string(text), false)), 60)
	t.p.warn(t.lines.line(s.open), "no link definition ["+name+"]",
		fmt.Sprintf("add a line \"[%s]: https://…\" to the page, or write the address in the link: [%s](https://…)", name, written))
}

func allDigits(b []byte) bool {
	b = bytes.TrimSpace(b)
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// relinked is the link whose text part (through the ']') is head,
// written as markdown reads it: addr in angle brackets when it holds
// white space, title in straight quotes: ![Photo](<my photo.jpg> "A").
func relinked(head, addr, title string) string {
	addr = strings.TrimSuffix(strings.TrimPrefix(addr, "<"), ">")
	if strings.ContainsAny(addr, " \t") {
		addr = "<" + addr + ">"
	}
	if title != "" {
		addr += ` "` + strings.ReplaceAll(title, `"`, `\"`) + `"`
	}
	return oneLine(head) + "(" + addr + ")"
}

// oneLine is s with its line breaks as spaces.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r", ""), "\n", " ")
}
