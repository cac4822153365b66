package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Raw HTML typed into markdown is left out of the page unless the site
// allows it (Options.UnsafeHTML). Leaving it out silently is how an
// embedded video or a <br> a campaigner pasted vanishes without a word,
// so each page that loses some gets a warning: the page is still
// published (goldmark leaves <!-- raw HTML omitted --> in its place), but
// the editor learns where and why. Hugo warns the same way
// (warning-goldmark-raw-html). Comments, declarations and processing
// instructions show nothing in a browser, so leaving them out loses
// nothing and is not worth a warning.

// omitted is one place raw HTML was left out: its body line and the first
// line of its text.
type omitted struct {
	line int
	text string
}

// maxOmittedLines is how many further lines a warning lists.
const maxOmittedLines = 5

// noteRawHTML records n, an *ast.HTMLBlock or *ast.RawHTML, if the page
// loses something visible by leaving it out.
func (t *transform) noteRawHTML(n ast.Node) {
	if b, ok := n.(*ast.HTMLBlock); ok && b.HTMLBlockType == ast.HTMLBlockType2 {
		t.unclosedComment(b)
	}
	if t.p.conv.unsafeHTML {
		return
	}
	var segs *text.Segments
	switch v := n.(type) {
	case *ast.HTMLBlock:
		switch v.HTMLBlockType {
		case ast.HTMLBlockType2, ast.HTMLBlockType3, ast.HTMLBlockType4, ast.HTMLBlockType5:
			return // comment, processing instruction, declaration, CDATA
		}
		segs = v.Lines()
	case *ast.RawHTML:
		segs = v.Segments
	}
	if segs == nil || segs.Len() == 0 {
		return
	}
	first := segs.At(0)
	raw := first.Value(t.src)
	if bytes.HasPrefix(raw, []byte("<!")) || bytes.HasPrefix(raw, []byte("<?")) {
		return
	}
	if r, ok := n.(*ast.RawHTML); ok && (hasTagPrefix(raw, "<script") || hasTagPrefix(raw, "<style")) {
		t.scripts = append(t.scripts, r)
	}
	t.p.omitted = append(t.p.omitted, omitted{line: t.lines.line(first.Start), text: snippet(raw)})
}

// dropInlineScripts leaves out, with the tags markdown already leaves
// out, the text between an inline <script> or <style> start tag and its
// end tag in the same paragraph: a pasted "<script>alert(1)</script>"
// published "alert(1)" as text (a <script> block at the start of a line
// is left out whole by markdown itself).
func (t *transform) dropInlineScripts() {
	for _, open := range t.scripts {
		end := "</script"
		if hasTagPrefix(open.Segments.Value(t.src), "<style") {
			end = "</style"
		}
		var drop []ast.Node
		for n := open.NextSibling(); n != nil; n = n.NextSibling() {
			if r, ok := n.(*ast.RawHTML); ok && hasTagPrefix(r.Segments.Value(t.src), end) {
				for _, d := range drop {
					d.Parent().RemoveChild(d.Parent(), d)
				}
				break
			}
			drop = append(drop, n)
		}
	}
}

// hasTagPrefix reports whether raw starts with tag ("<script"), in any
// letter case, followed by the end of the tag's name.
func hasTagPrefix(raw []byte, tag string) bool {
	if len(raw) <= len(tag) || !bytes.EqualFold(raw[:len(tag)], []byte(tag)) {
		return false
	}
	switch raw[len(tag)] {
	case '>', ' ', '\t', '\n', '/':
		return true
	}
	return false
}

// unclosedComment warns of an HTML comment that is never closed: markdown
// reads the rest of the page as the comment, so readers see none of it,
// whether raw HTML is allowed or not, and nothing else says so.
func (t *transform) unclosedComment(b *ast.HTMLBlock) {
	lines := b.Lines()
	if b.HasClosure() || lines.Len() == 0 {
		return
	}
	// goldmark sets no closure when the comment ends on a line of its
	// block ("<!-- note -->"), so look for the end in the text too.
	first := lines.At(0)
	open := bytes.Index(first.Value(t.src), []byte("<!--"))
	if open < 0 {
		return
	}
	for i := range lines.Len() {
		l := lines.At(i)
		if i == 0 {
			l = l.WithStart(l.Start + open + len("<!--"))
		}
		if bytes.Contains(l.Value(t.src), []byte("-->")) {
			return
		}
	}
	from := t.lines.line(first.Start)
	msg := "an HTML comment opened with <!-- here is never closed, so the rest of the page is hidden from readers"
	if n := lines.Len(); n > 1 {
		msg = fmt.Sprintf("an HTML comment opened with <!-- here is never closed, so the rest of the page (%d lines) is hidden from readers", n)
	}
	t.p.warn(from, msg, "end the comment with --> where the hidden text should end, or delete the <!--")
}

// snippet is the first line of raw, trimmed and cut to 60 characters.
func snippet(raw []byte) string {
	if i := bytes.IndexByte(raw, '\n'); i >= 0 {
		raw = raw[:i]
	}
	s := strings.TrimSpace(string(raw))
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:59]) + "…"
	}
	return s
}

// omittedWarning is the page's one warning about the raw HTML left out of
// it, at the first place, naming the lines of the others.
func (p *page) omittedWarning() []problem.Problem {
	if len(p.omitted) == 0 {
		return nil
	}
	first := p.omitted[0]
	msg := fmt.Sprintf("raw HTML is left out of the page: %s", first.text)
	var more []string
	seen := map[int]bool{first.line: true}
	others := 0
	for _, o := range p.omitted[1:] {
		if seen[o.line] {
			continue
		}
		seen[o.line] = true
		others++
		if len(more) < maxOmittedLines {
			more = append(more, strconv.Itoa(o.line+p.ctx.LineOffset))
		}
	}
	switch {
	case others > len(more):
		msg += fmt.Sprintf(" (and on lines %s and %d more)", strings.Join(more, ", "), others-len(more))
	case others == 1:
		msg += fmt.Sprintf(" (and on line %s)", more[0])
	case others > 1:
		msg += fmt.Sprintf(" (and on lines %s)", strings.Join(more, ", "))
	}
	hint := "HTML typed into a page is not published, so that no page can carry a script; " +
		"the page is published without it. Write it in markdown or use a component " +
		"({{< name >}}, see docs/content.md); a site whose every editor is trusted can set " +
		"unsafe = true under [markup] in site.toml"
	for _, o := range p.omitted {
		if isBreak(o.text) {
			hint += ". For a line break (<br>), end the line with a backslash (\\) and go on on the next line"
			break
		}
	}
	return []problem.Problem{p.at(first.line, msg, hint)}
}

// isBreak reports whether text, a piece of raw HTML, is a <br> tag.
func isBreak(text string) bool {
	t := strings.ToLower(text)
	return strings.HasPrefix(t, "<br>") || strings.HasPrefix(t, "<br/") || strings.HasPrefix(t, "<br ")
}
