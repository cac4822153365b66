package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// passKey finds the pass of the current parse in parser.Context; the key
// itself is immutable.
var passKey = parser.NewContextKey()

// pass is one goldmark parse within a Convert call: the page, where the
// assembled lines came from, and whether this is the page body or a
// fragment inside a shortcode.
type pass struct {
	page     *page
	lines    *lineMap
	fragment bool
}

// transformer is the samizdat AST transformer. It is stateless; all it
// learns goes into the pass found in parser.Context.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ps, _ := pc.Get(passKey).(*pass)
	if ps == nil {
		return
	}
	t := &transform{pass: ps, p: ps.page, src: reader.Source(), pc: pc}
	t.collect(doc)
	t.dropInlineScripts()
	t.checkLiteralLinks()
	t.filterAttributes()
	t.alignCells()
	t.splitBlockTokens()
	t.codeBlocks()
	t.checkLinks()
	t.headingIDs()
	if !ps.fragment {
		t.markSummary(doc)
		t.countWords(doc)
	}
}

type transform struct {
	*pass
	p   *page
	src []byte
	pc  parser.Context // the link reference definitions

	headings []*ast.Heading
	links    []ast.Node // *ast.Link, *ast.Image, *ast.AutoLink
	paras    []ast.Node // *ast.Paragraph, *ast.TextBlock
	codes    []*ast.FencedCodeBlock
	attrs    []ast.Node          // nodes with attributes
	cells    []*extast.TableCell // cells of aligned table columns

	brackets    []ast.Node // parents of text holding a '[' (see checkLiteralLinks)
	bracketSeen map[ast.Node]bool
	scripts     []*ast.RawHTML // inline <script> and <style> start tags left out (see dropInlineScripts)
}

func (t *transform) collect(doc *ast.Document) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Attributes() != nil {
			t.attrs = append(t.attrs, n)
		}
		switch v := n.(type) {
		case *ast.Heading:
			t.headings = append(t.headings, v)
		case *ast.Link, *ast.Image, *ast.AutoLink:
			t.links = append(t.links, n)
		case *ast.Paragraph, *ast.TextBlock:
			t.paras = append(t.paras, n)
		case *ast.FencedCodeBlock:
			t.codes = append(t.codes, v)
		case *extast.TableCell:
			if v.Alignment != extast.AlignNone {
				t.cells = append(t.cells, v)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			t.noteRawHTML(n)
		case *ast.Text:
			t.noteBracket(v)
		}
		return ast.WalkContinue, nil
	})
}

// line is the body line of n, found from its position or the nearest
// block with source lines; 0 when unknown.
func (t *transform) line(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if pos := n.Pos(); pos >= 0 && n.Kind() != ast.KindDocument {
			return t.lines.line(pos)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return t.lines.line(n.Lines().At(0).Start)
		}
		if txt, ok := n.FirstChild().(*ast.Text); ok {
			return t.lines.line(txt.Segment.Start)
		}
	}
	return 0
}

// filterAttributes keeps only id and class: goldmark's attribute filters
// let style, hidden and contenteditable through, which editors could use
// to cover the page or hide text.
func (t *transform) filterAttributes() {
	for _, n := range t.attrs {
		var keep []ast.Attribute
		for _, a := range n.Attributes() {
			switch string(a.Name) {
			case "id", "class":
				keep = append(keep, a)
			default:
				t.p.problem(t.line(n), fmt.Sprintf("attribute %q is not allowed", truncate(string(a.Name), 40)),
					"only {#id} and {.class} are kept")
			}
		}
		n.RemoveAttributes()
		for _, a := range keep {
			n.SetAttribute(a.Name, a.Value)
		}
	}
}

// alignCells gives each cell of an aligned table column the class
// align-left, align-right or align-center, which the site's stylesheet
// styles: goldmark's own style="text-align:…" would be blocked by the
// site's Content-Security-Policy (see New).
func (t *transform) alignCells() {
	for _, c := range t.cells {
		c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
	}
}

// splitBlockTokens moves the token of a shortcode that stands alone on
// its line out of its paragraph, so the shortcode's HTML is never wrapped
// in <p> even without blank lines around it.
func (t *transform) splitBlockTokens() {
	if len(t.p.calls) == 0 {
		return // no call, no token
	}
	work := append([]ast.Node(nil), t.paras...)
	for len(work) > 0 {
		para := work[len(work)-1]
		work = work[:len(work)-1]
		for c := para.FirstChild(); c != nil; c = c.NextSibling() {
			txt, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			token, ok := t.blockToken(txt)
			if !ok || !startsLine(c) || !endsLine(txt) {
				continue
			}
			parent := para.Parent()
			ph := &placeholder{token: token}
			var after ast.Node = ast.NewParagraph()
			if para.Kind() == ast.KindTextBlock {
				after = ast.NewTextBlock()
			}
			for s := c.NextSibling(); s != nil; {
				next := s.NextSibling()
				after.AppendChild(after, s)
				s = next
			}
			if prev, ok := c.PreviousSibling().(*ast.Text); ok {
				prev.SetSoftLineBreak(false)
				prev.SetHardLineBreak(false)
			}
			para.RemoveChild(para, c)
			parent.InsertAfter(parent, para, ph)
			if after.HasChildren() {
				parent.InsertAfter(parent, ph, after)
				work = append(work, after)
			}
			if !para.HasChildren() {
				parent.RemoveChild(parent, para)
			}
			break
		}
	}
}

// blockToken returns the text of txt when it is a block token; most
// text is not even a token, and is told apart without copying it.
func (t *transform) blockToken(txt *ast.Text) (string, bool) {
	v := bytes.TrimSpace(txt.Segment.Value(t.src))
	if !bytes.HasPrefix(v, []byte(t.p.prefix)) {
		return "", false
	}
	s := string(v)
	return s, t.p.isBlockToken(s)
}

func startsLine(n ast.Node) bool {
	prev, ok := n.PreviousSibling().(*ast.Text)
	if n.PreviousSibling() == nil {
		return true
	}
	return ok && (prev.SoftLineBreak() || prev.HardLineBreak())
}

func endsLine(n *ast.Text) bool {
	return n.NextSibling() == nil || n.SoftLineBreak() || n.HardLineBreak()
}

// codeBlocks replaces fenced code blocks by codeBlock nodes, which the
// code renderer highlights.
func (t *transform) codeBlocks() {
	for _, n := range t.codes {
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(t.src))
		}
		code := t.p.untoken(b.String(), true)
		cb := &codeBlock{
			lang:      string(n.Language(t.src)),
			code:      code,
			hasTokens: strings.Contains(code, t.p.prefix),
		}
		n.Parent().ReplaceChild(n.Parent(), n, cb)
	}
}

// checkLinks resolves links to markdown files and drops links whose scheme
// is not allowed and images on other sites (see checkDest); a dropped
// image shows as its alt text.
func (t *transform) checkLinks() {
	for _, n := range t.links {
		line := t.line(n)
		switch v := n.(type) {
		case *ast.Link:
			before := len(t.p.links)
			written := string(v.Destination)
			if dest, ok := t.checkDest(written, line, false); ok {
				v.Destination = []byte(dest)
				t.checkLinkText(v, written, line)
				if len(t.p.links) > before && t.p.ctx.OtherLanguage != nil {
					if lang := t.p.ctx.OtherLanguage(t.p.links[len(t.p.links)-1].Target); lang != "" {
						v.SetAttributeString("hreflang", []byte(lang))
					}
				}
			} else {
				unwrap(v)
			}
		case *ast.Image:
			written := string(v.Destination)
			if dest, ok := t.checkDest(written, line, true); ok {
				v.Destination = []byte(dest)
				t.checkAlt(v, written, line)
			} else {
				unwrap(v)
			}
		case *ast.AutoLink:
			url := string(v.URL(t.src))
			if v.AutoLinkType == ast.AutoLinkEmail {
				url = "mailto:" + url
			}
			scheme := urlScheme(url)
			if !allowedScheme(scheme) {
				t.schemeProblem(line, url, scheme)
			} else if !t.invisibleInAddress(line, url) {
				continue
			}
			s := ast.NewString(v.Label(t.src))
			v.Parent().ReplaceChild(v.Parent(), v, s)
		}
	}
}

// unwrap replaces n by its children: a dropped link keeps its text.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// headingIDs gives every heading a unique id, explicit {#id} first, and
// records the table of contents.
func (t *transform) headingIDs() {
	if t.p.ids == nil {
		t.p.ids = make(map[string]bool, len(t.p.conv.reserved))
		for id := range t.p.conv.reserved {
			t.p.ids[id] = true
		}
	}
	for _, n := range t.attrs {
		v, ok := n.AttributeString("id")
		if !ok {
			continue
		}
		id := attrString(v)
		if t.p.conv.reserved[id] {
			t.p.problem(t.line(n), fmt.Sprintf("the id %q is one the site's layouts give every page", truncate(id, 60)),
				"choose another {#id}: two elements with one id break links to it (the layouts' skip link, say)")
		} else if t.p.ids[id] {
			t.p.problem(t.line(n), fmt.Sprintf("duplicate id %q", truncate(id, 60)),
				"each {#id} must be used once per page, and not equal a heading's automatic id")
		}
		t.p.ids[id] = true
	}
	for _, h := range t.headings {
		plain := t.plain(h)
		var id string
		if v, ok := h.AttributeString("id"); ok {
			id = attrString(v)
		} else {
			id = t.p.uniqueID(headingID(plain))
			h.SetAttributeString("id", []byte(id))
		}
		if !t.fragment {
			t.p.toc = append(t.p.toc, Heading{Level: h.Level, ID: id, Text: strings.TrimSpace(plain)})
		}
	}
}

func attrString(v any) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return fmt.Sprint(v)
}

// uniqueID returns base, or base-1, base-2… the first not yet given out.
// The next suffix to try is kept per base: ids are never given back, so
// counting again from 1 for each heading would only find the same taken
// ids, and 30 000 equal headings would take minutes instead of
// milliseconds.
func (p *page) uniqueID(base string) string {
	if p.idNext == nil {
		p.idNext = map[string]int{}
	}
	n := p.idNext[base]
	id := base
	if n > 0 {
		id = base + "-" + strconv.Itoa(n)
	}
	for p.ids[id] {
		n++
		id = base + "-" + strconv.Itoa(n)
	}
	p.ids[id] = true
	p.idNext[base] = n + 1
	return id
}

// plain is the text of n's inline content, without markup or tokens.
func (t *transform) plain(n ast.Node) string {
	var b strings.Builder
	t.writePlain(&b, n)
	return t.p.untoken(b.String(), false)
}

func (t *transform) writePlain(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			value := v.Segment.Value(t.src)
			if n.Kind() != ast.KindCodeSpan && !v.IsRaw() {
				// As the HTML renderer does: \* is *, &amp; is &.
				value = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(value)))
			}
			b.Write(value)
			if v.SoftLineBreak() || v.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if v.IsCode() {
				b.WriteString(htmlUnescape(string(v.Value)))
			} else {
				b.Write(v.Value)
			}
		case *ast.RawHTML:
		case *ast.AutoLink:
			b.Write(v.Label(t.src))
		default:
			t.writePlain(b, c)
		}
	}
}

// markSummary puts the more marker where a top-level <!--more--> was, and
// markers around the first top-level paragraph outside shortcodes.
func (t *transform) markSummary(doc *ast.Document) {
	depth := 0
	var first ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *placeholder:
			if kind, _, _, ok := t.p.parseToken(v.token); ok && kind == kindOpen {
				depth++
			} else if ok && kind == kindClose {
				depth--
			}
		case *ast.HTMLBlock:
			if depth == 0 && isMore(v, t.src) {
				doc.ReplaceChild(doc, v, &placeholder{token: t.p.token(kindMore, 0)})
				return
			}
		case *ast.Paragraph:
			if depth == 0 && first == nil {
				first = v
			}
		}
	}
	if first != nil {
		doc.InsertBefore(doc, first, &placeholder{token: t.p.token(kindFirstBegin, 0)})
		doc.InsertAfter(doc, first, &placeholder{token: t.p.token(kindFirstEnd, 0)})
	}
}

func isMore(n *ast.HTMLBlock, src []byte) bool {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return string(bytes.TrimSpace(b.Bytes())) == "<!--more-->"
}

// countWords counts the words of the page's text, code included: what
// strings.Fields would find in the text with its tokens removed. Without
// shortcode calls the text holds no tokens, and the words are counted as
// the text is walked; with calls the text is collected and untokened first.
func (t *transform) countWords(doc *ast.Document) {
	var w wordCounter
	var b strings.Builder
	collect := len(t.p.calls) > 0
	write := func(v []byte) {
		if collect {
			b.Write(v)
		} else {
			w.write(v)
		}
	}
	space := []byte{' '}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			write(space)
		}
		switch v := n.(type) {
		case *ast.Text:
			write(v.Segment.Value(t.src))
			if v.SoftLineBreak() || v.HardLineBreak() {
				write(space)
			}
		case *ast.String:
			write(v.Value)
		case *ast.AutoLink:
			write(v.Label(t.src))
		case *codeBlock:
			if collect {
				b.WriteString(v.code)
			} else {
				w.writeString(v.code)
			}
		case *ast.CodeBlock:
			for i := 0; i < v.Lines().Len(); i++ {
				seg := v.Lines().At(i)
				write(seg.Value(t.src))
			}
		}
		return ast.WalkContinue, nil
	})
	if collect {
		t.p.words += len(strings.Fields(t.p.untoken(b.String(), false)))
		return
	}
	t.p.words += w.end()
}

// wordCounter counts words as strings.Fields does (runs of runs that are
// not unicode.IsSpace) in text that arrives in pieces.
type wordCounter struct {
	n     int
	in    uint8  // 1 inside a word
	carry []byte // the start of a rune cut off at the end of the last piece
}

// asciiWord is 1 for the ASCII bytes that are not white space: a word
// starts at such a byte after one that is 0 (n += b &^ in), which needs
// no branch on the text.
var asciiWord = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = 1
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = 0
	}
	return t
}()

func (w *wordCounter) writeString(s string) {
	// Most text is ASCII: count it without copying it to bytes.
	i := 0
	if len(w.carry) == 0 {
		n, in := w.n, w.in
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			b := asciiWord[s[i]]
			n += int(b &^ in)
			in = b
		}
		w.n, w.in = n, in
	}
	if i < len(s) {
		w.write([]byte(s[i:]))
	}
}

func (w *wordCounter) write(b []byte) {
	if len(w.carry) > 0 {
		b = append(w.carry, b...)
		w.carry = nil
	}
	n, in := w.n, w.in
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			a := asciiWord[c]
			n += int(a &^ in)
			in = a
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			w.carry = append([]byte(nil), b[i:]...)
			break
		}
		r, size := utf8.DecodeRune(b[i:])
		w.n, w.in = n, in
		w.mark(unicode.IsSpace(r))
		n, in = w.n, w.in
		i += size
	}
	w.n, w.in = n, in
}

func (w *wordCounter) mark(space bool) {
	if !space && w.in == 0 {
		w.n++
	}
	w.in = 1
	if space {
		w.in = 0
	}
}

// end returns the count; an incomplete rune left over is not a space.
func (w *wordCounter) end() int {
	if len(w.carry) > 0 {
		w.mark(false)
		w.carry = nil
	}
	return w.n
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// untoken removes tokens from text meant for people (ids, TOC, word
// count, code): an escape becomes its literal text, other calls
// disappear. With keepCalls, tokens of real calls stay so expand can
// still replace them.
func (p *page) untoken(s string, keepCalls bool) string {
	if !strings.Contains(s, p.prefix) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, p.prefix)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		kind, n, size, ok := p.parseToken(s[i:])
		if !ok {
			b.WriteString(p.prefix)
			s = s[i+len(p.prefix):]
			continue
		}
		switch {
		case kind == kindAtom && n < len(p.calls) && p.calls[n].escape:
			b.WriteString(p.calls[n].literal)
		case keepCalls:
			b.WriteString(s[i : i+size])
		}
		s = s[i+size:]
	}
}
