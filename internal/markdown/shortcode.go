package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shortcodes are not markdown, so they are cut out of the source before
// goldmark sees it. Each call becomes a placeholder token: letters and
// digits only, which no markdown construct, typographer rule or escaper
// changes. After rendering, expand replaces the tokens with the calls'
// HTML. A {{% %}} call with inner markdown becomes an open and a close
// token around that markdown, so its headings, links and footnotes are
// part of the page like any others.
//
// A token is prefix + kind + number + "z". The prefix holds a hash of the
// source and is re-hashed until the source does not contain it, so text
// cannot collide with a token, even through entity references.

const (
	kindAtom       = 'a' // a whole call (or an escape, or a broken call)
	kindOpen       = 'o' // start of a {{% %}} call's rendered inner
	kindClose      = 'c' // end of it
	kindMore       = 'm' // where <!--more--> was
	kindFirstBegin = 'b' // before the first paragraph
	kindFirstEnd   = 'f' // after the first paragraph
)

// maxShortcodeDepth bounds nesting so hostile input cannot recurse deeply.
const maxShortcodeDepth = 32

func tokenPrefix(src []byte) string {
	h := fnv.New64a()
	_, _ = h.Write(src)
	for {
		p := fmt.Sprintf("szq%016xz", h.Sum64())
		if !bytes.Contains(src, []byte(p)) {
			return p
		}
		_, _ = h.Write([]byte{'.'})
	}
}

func (p *page) token(kind byte, n int) string {
	return p.prefix + string(kind) + strconv.Itoa(n) + "z"
}

// parseToken reads a token at the start of s (which begins with the
// prefix). It returns the token's kind, number and length, or ok false.
func (p *page) parseToken(s string) (kind byte, n, size int, ok bool) {
	i := len(p.prefix)
	if len(s) < i+3 || s[:i] != p.prefix {
		return 0, 0, 0, false
	}
	kind = s[i]
	j := i + 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != 'z' {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(s[i+1 : j])
	if err != nil {
		return 0, 0, 0, false
	}
	return kind, n, j + 1, true
}

// node is text or a shortcode call in the source.
type node struct {
	text string
	line int // line (in the body) where text starts
	call *call
}

// call is one shortcode call, an escape, or a broken call.
type call struct {
	Shortcode
	id        int
	children  []node // inner, when HasInner
	block     bool   // alone on its lines: rendered as a block, never inside <p>
	indent    string // whitespace before the opening tag of a block call
	escape    bool   // {{</* */>}}: literal is shown as text
	literal   string
	broken    bool // a problem was reported; renders as nothing
	closeLine int
	parent    *call // the call this one is written in, nil at the top
}

// tag is one lexed {{< >}} or {{% %}} tag, or an escape.
type tag struct {
	start, end int // byte offsets of the whole tag
	delim      byte
	closing    bool
	selfClose  bool
	name       string
	named      map[string]string
	positional []string
	escape     bool
	literal    string
	bad        string // argument syntax problem
	badHint    string // what to do about bad, when the generic hint does not fit
}

// parseShortcodes splits src into text and calls. ok is false when the
// source cannot be rendered at all (nesting too deep).
func (p *page) parseShortcodes(s string) ([]node, bool) {
	lines := newLineTable(s)
	var tags []tag
	for i := 0; ; {
		j := indexTagStart(s, i)
		if j < 0 {
			break
		}
		t, ok := p.lexTag(s, j, lines)
		if !ok {
			break // unterminated: the rest is text, reported by lexTag
		}
		tags = append(tags, t)
		i = t.end
	}
	match, ok := p.matchTags(tags, lines)
	if !ok {
		return nil, false
	}
	b := &treeBuilder{p: p, src: s, tags: tags, match: match, lines: lines}
	nodes, _ := b.build(nil, 0, len(tags), 0, len(s))
	return nodes, true
}

// closeDelim is the character before "}}" that ends a tag opened with
// "{{" and d.
func closeDelim(d byte) byte {
	if d == '<' {
		return '>'
	}
	return d
}

func indexTagStart(s string, from int) int {
	for i := from; ; {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			return -1
		}
		k += i
		if k+2 < len(s) && (s[k+2] == '<' || s[k+2] == '%') {
			return k
		}
		i = k + 1
	}
}

// lexTag reads the tag starting at s[start:] ("{{<" or "{{%").
func (p *page) lexTag(s string, start int, lines lineTable) (tag, bool) {
	d := s[start+2]
	closer := string(closeDelim(d)) + "}}"
	t := tag{start: start, delim: d}
	i := start + 3
	if strings.HasPrefix(s[i:], "/*") {
		end := strings.Index(s[i+2:], "*/"+closer)
		if end < 0 {
			p.problem(lines.line(start), "unclosed shortcode comment {{"+string(d)+"/*",
				"end it with */"+closer)
			return t, false
		}
		inner := s[i+2 : i+2+end]
		t.escape = true
		t.literal = "{{" + string(d) + inner + closer
		t.end = i + 2 + end + 2 + len(closer)
		return t, true
	}
	lx := tagLexer{s: s, i: i, closer: closer}
	lx.space()
	if lx.peek() == '/' {
		t.closing = true
		lx.i++
		lx.space()
	}
	t.name = lx.name()
	for {
		lx.space()
		if lx.i >= len(s) {
			p.problem(lines.line(start), "unclosed shortcode {{"+string(d)+" "+t.name,
				"end the tag with "+closer)
			return t, false
		}
		if strings.HasPrefix(s[lx.i:], closer) {
			lx.i += len(closer)
			break
		}
		if strings.HasPrefix(s[lx.i:], "/"+closer) {
			t.selfClose = true
			lx.i += 1 + len(closer)
			break
		}
		if n := lx.brokenCloser(); n > 0 {
			if t.bad == "" {
				t.bad = "the call is not closed with " + closer
				t.badHint = fmt.Sprintf("end it with %s: %s %s", closer, truncate(strings.TrimSpace(s[start:lx.i]), 80), closer)
			}
			lx.i += n
			break
		}
		if t.bad != "" {
			lx.i++ // skip to the end of a bad tag
			continue
		}
		if msg := lx.arg(&t); msg != "" {
			t.bad = msg
		}
	}
	t.end = lx.i
	switch {
	case t.name == "" && t.bad == "":
		t.bad = "shortcode has no name"
	case t.closing && t.bad == "" && (len(t.named) > 0 || len(t.positional) > 0):
		t.bad = "closing tag has arguments"
	case len(t.named) > 0 && len(t.positional) > 0 && t.bad == "":
		t.bad = "shortcode mixes named and positional arguments"
	}
	return t, true
}

type tagLexer struct {
	s      string
	i      int
	closer string
}

func (lx *tagLexer) peek() byte {
	if lx.i < len(lx.s) {
		return lx.s[lx.i]
	}
	return 0
}

func (lx *tagLexer) space() {
	for lx.i < len(lx.s) && strings.IndexByte(" \t\r\n", lx.s[lx.i]) >= 0 {
		lx.i++
	}
}

func isNameByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// name reads a shortcode name: letters, digits, _ - . and / between them
// (layouts/shortcodes/sub/name.html is "sub/name").
func (lx *tagLexer) name() string {
	start := lx.i
	for lx.i < len(lx.s) {
		b := lx.s[lx.i]
		if isNameByte(b) || b == '/' && lx.i+1 < len(lx.s) && isNameByte(lx.s[lx.i+1]) && lx.i > start {
			lx.i++
			continue
		}
		break
	}
	return lx.s[start:lx.i]
}

// brokenCloser returns the length of a tag's end written without its
// delimiter or a brace ("}}" or ">}" for ">}}") at lx.i, or 0. Without
// it the tag went on to the next ">}}", which could be lines further,
// and the words in between were taken for arguments.
func (lx *tagLexer) brokenCloser() int {
	rest := lx.s[lx.i:]
	switch {
	case strings.HasPrefix(rest, "}}"):
		return 2
	case strings.HasPrefix(rest, lx.closer[:2]) && !strings.HasPrefix(rest, lx.closer):
		return 2
	}
	return 0
}

// curlyQuotes are the quotes word processors and some editors type
// instead of '"'.
var curlyQuotes = [...]string{"“", "”", "„", "‟", "«", "»", "‘", "’", "‚", "‛", "‹", "›"}

// curlyQuote is the curly quote s starts with, or "".
func curlyQuote(s string) string {
	if s == "" || s[0] < 0x80 {
		return ""
	}
	for _, q := range curlyQuotes {
		if strings.HasPrefix(s, q) {
			return q
		}
	}
	return ""
}

// curly reads a value that starts with the curly quote q, up to the next
// quote of any kind, and returns the problem; key is "" for a positional
// value. Taken as a bare word, `by=“Amnesty International”` was two
// arguments ("mixes named and positional arguments"), and `by=“Amnesty”`
// was published with its curly quotes.
func (lx *tagLexer) curly(t *tag, key, q string) string {
	lx.i += len(q)
	start := lx.i
	for lx.i < len(lx.s) && lx.s[lx.i] != '"' && lx.s[lx.i] != '\n' && curlyQuote(lx.s[lx.i:]) == "" &&
		!strings.HasPrefix(lx.s[lx.i:], lx.closer) && lx.brokenCloser() == 0 {
		lx.i++
	}
	value := `"` + strings.TrimSpace(lx.s[start:lx.i]) + `"`
	if key != "" {
		value = key + "=" + value
	}
	t.badHint = "shortcode values need straight quotes, " + truncate(value, 80) +
		" (word processors and some editors turn them curly)"
	if key == "" {
		return "a value starts with a curly quote " + q
	}
	return fmt.Sprintf("the value of %s starts with a curly quote %s", key, q)
}

// arg reads one argument into t and returns a problem message or "".
func (lx *tagLexer) arg(t *tag) string {
	if q := curlyQuote(lx.s[lx.i:]); q != "" {
		return lx.curly(t, "", q)
	}
	switch lx.peek() {
	case '"', '`':
		v, msg := lx.value()
		if msg != "" {
			return msg
		}
		t.positional = append(t.positional, v)
		return ""
	}
	start := lx.i
	for lx.i < len(lx.s) && !strings.ContainsRune(" \t\r\n=\"`", rune(lx.s[lx.i])) &&
		!strings.HasPrefix(lx.s[lx.i:], lx.closer) && !strings.HasPrefix(lx.s[lx.i:], "/"+lx.closer) && lx.brokenCloser() == 0 {
		lx.i++
	}
	word := lx.s[start:lx.i]
	if lx.peek() != '=' {
		if word == "" {
			return fmt.Sprintf("unexpected %q in shortcode arguments", lx.peek())
		}
		t.positional = append(t.positional, word)
		return ""
	}
	lx.i++
	if word == "" || !validKey(word) {
		return fmt.Sprintf("bad argument name %q", word)
	}
	if q := curlyQuote(lx.s[lx.i:]); q != "" {
		return lx.curly(t, word, q)
	}
	v, msg := lx.value()
	if msg != "" {
		return msg
	}
	if t.named == nil {
		t.named = map[string]string{}
	}
	if _, dup := t.named[word]; dup {
		return fmt.Sprintf("argument %q given twice", word)
	}
	t.named[word] = v
	return ""
}

func validKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

// value reads "quoted" (with \" and \\), `raw` or a bare word.
func (lx *tagLexer) value() (string, string) {
	switch q := lx.peek(); q {
	case '"':
		var b strings.Builder
		for lx.i++; lx.i < len(lx.s); lx.i++ {
			c := lx.s[lx.i]
			switch {
			case c == '\\' && lx.i+1 < len(lx.s):
				lx.i++
				b.WriteByte(lx.s[lx.i])
			case c == '"':
				lx.i++
				return b.String(), ""
			default:
				b.WriteByte(c)
			}
		}
		return "", "unterminated quoted argument"
	case '`':
		end := strings.IndexByte(lx.s[lx.i+1:], '`')
		if end < 0 {
			lx.i = len(lx.s)
			return "", "unterminated `raw` argument"
		}
		v := lx.s[lx.i+1 : lx.i+1+end]
		lx.i += end + 2
		return v, ""
	}
	start := lx.i
	for lx.i < len(lx.s) && !strings.ContainsRune(" \t\r\n\"`", rune(lx.s[lx.i])) &&
		!strings.HasPrefix(lx.s[lx.i:], lx.closer) && !strings.HasPrefix(lx.s[lx.i:], "/"+lx.closer) && lx.brokenCloser() == 0 {
		lx.i++
	}
	if lx.i == start {
		return "", "argument has no value after ="
	}
	return lx.s[start:lx.i], ""
}

// matchTags pairs each opening tag with its closing tag: match[i] is the
// index of the closing tag of tags[i], or -1. An opening tag with no
// closing tag is a call without inner (Hugo decides the same way, by the
// template's use of .Inner, which only the template knows).
func (p *page) matchTags(tags []tag, lines lineTable) ([]int, bool) {
	match := make([]int, len(tags))
	var stack []int
	for i, t := range tags {
		match[i] = -1
		switch {
		case t.escape || t.selfClose && !t.closing:
		case !t.closing:
			stack = append(stack, i)
			if len(stack) > maxShortcodeDepth {
				p.problem(lines.line(t.start), fmt.Sprintf("shortcodes nested more than %d deep", maxShortcodeDepth),
					"close each shortcode with {{< /name >}} before opening many more")
				return nil, false
			}
		default:
			k := len(stack) - 1
			for k >= 0 && tags[stack[k]].name != t.name {
				k--
			}
			if k < 0 {
				continue // reported by the tree builder
			}
			o := stack[k]
			match[o] = i
			stack = stack[:k]
		}
	}
	return match, true
}

type treeBuilder struct {
	p     *page
	src   string
	tags  []tag
	match []int
	lines lineTable
}

// build returns the nodes for tags[from:to], written in parent (nil at
// the top), and the text between them in src[start:stop].
func (b *treeBuilder) build(parent *call, from, to, start, stop int) ([]node, int) {
	var nodes []node
	pos := start
	ordinal := 0
	for i := from; i < to; i++ {
		t := b.tags[i]
		if t.start > pos {
			nodes = append(nodes, node{text: b.src[pos:t.start], line: b.lines.line(pos)})
		}
		c := &call{id: len(b.p.calls)}
		b.p.calls = append(b.p.calls, c)
		c.Name = t.name
		c.Named = t.named
		c.Positional = t.positional
		c.Markdown = t.delim == '%'
		c.SelfClosed = t.selfClose
		c.Line = b.lines.line(t.start)
		c.Column = b.lines.column(b.src, t.start)
		c.parent = parent
		if !t.escape && !t.closing {
			// Hugo numbers calls, not escapes ({{</* x */>}}) or a
			// closing tag that opens nothing.
			c.Ordinal = ordinal
			ordinal++
		}
		end := t.end
		switch {
		case t.escape:
			c.escape, c.literal = true, t.literal
		case t.closing:
			c.broken = true
			b.p.problem(c.Line, fmt.Sprintf("closing shortcode {{%c /%s %c}} was never opened", t.delim, t.name, closeDelim(t.delim)),
				fmt.Sprintf("remove it, or open it earlier with {{%c %s %c}}", t.delim, t.name, closeDelim(t.delim)))
		case t.bad != "" && t.name == "":
			c.broken = true
			b.p.problem(c.Line, t.bad, `start the tag with the shortcode's name, without quotes: {{< name arg="value" >}}`)
		case t.bad != "":
			c.broken = true
			hint := t.badHint
			if hint == "" {
				hint = `write arguments as name="value" or "value" (not both kinds in one call)`
			}
			b.p.problem(c.Line, fmt.Sprintf("shortcode %q: %s", t.name, t.bad), hint)
		}
		if j := b.match[i]; j >= 0 {
			ct := b.tags[j]
			if ct.delim != t.delim {
				c.broken = true
				b.p.problem(c.Line, fmt.Sprintf("shortcode %q opened with {{%c and closed with {{%c", t.name, t.delim, ct.delim),
					"use the same delimiter for both tags")
			}
			if ct.bad != "" {
				c.broken = true
				b.p.problem(b.lines.line(ct.start), fmt.Sprintf("shortcode %q: %s", t.name, ct.bad), ct.badHint)
			}
			c.HasInner = true
			c.Inner = b.src[t.end:ct.start]
			c.closeLine = b.lines.line(ct.start)
			c.children, _ = b.build(c, i+1, j, t.end, ct.start)
			end = ct.end
			i = j
		}
		c.indent, c.block = blockPosition(b.src, t.start, end)
		c.Indent = c.indent
		nodes = append(nodes, node{call: c})
		pos = end
	}
	if stop > pos {
		nodes = append(nodes, node{text: b.src[pos:stop], line: b.lines.line(pos)})
	}
	return nodes, pos
}

// blockPosition reports whether src[start:end] is alone on its lines,
// and the whitespace before it.
func blockPosition(src string, start, end int) (string, bool) {
	ls := strings.LastIndexByte(src[:start], '\n') + 1
	indent := src[ls:start]
	if strings.Trim(indent, " \t") != "" {
		return "", false
	}
	rest := src[end:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return indent, strings.Trim(rest, " \t\r") == ""
}

// assembler builds the markdown goldmark parses, remembering for each of
// its lines the body line it came from.
type assembler struct {
	src   []byte
	lines lineMap
}

func (a *assembler) text(s string, line int) {
	a.lines.add(len(a.src), line)
	base := len(a.src)
	a.src = append(a.src, s...)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return
		}
		i += j + 1
		line++
		a.lines.add(base+i, line)
	}
}

// synthetic adds text that is not in the body; its lines map to line.
func (a *assembler) synthetic(s string, line int) {
	a.lines.add(len(a.src), line)
	for i := 0; i < len(s); i++ {
		a.src = append(a.src, s[i])
		if s[i] == '\n' {
			a.lines.add(len(a.src), line)
		}
	}
}

func (p *page) assemble(a *assembler, nodes []node) {
	for _, n := range nodes {
		c := n.call
		switch {
		case c == nil:
			a.text(n.text, n.line)
		case c.Markdown && c.HasInner && !c.broken:
			if c.block {
				a.synthetic(p.token(kindOpen, c.id)+"\n\n", c.Line)
				p.assemble(a, c.children)
				a.synthetic("\n\n"+c.indent+p.token(kindClose, c.id), c.closeLine)
			} else {
				a.synthetic(p.token(kindOpen, c.id), c.Line)
				p.assemble(a, c.children)
				a.synthetic(p.token(kindClose, c.id), c.closeLine)
			}
		default:
			if path, ok := p.builtinRef(c); ok {
				a.text(p.refAddress(c, path), c.Line)
				continue
			}
			a.synthetic(p.token(kindAtom, c.id), c.Line)
		}
	}
}

// builtinRef is the path of a call of Hugo's built-in ref or relref
// shortcode ({{< ref "zhanaozen/clashes.md" >}}), which sites moved from
// Hugo put in links, when the site has no template of that name (see
// refAddress). Hugo's ref gives an absolute address and relref a
// relative one; here both give the page-relative one every link gets.
func (p *page) builtinRef(c *call) (string, bool) {
	if (c.Name != "ref" && c.Name != "relref") || c.HasInner || c.broken || c.escape || p.siteHas(c.Name) {
		return "", false
	}
	path := c.Named["path"]
	if len(c.Positional) == 1 && len(c.Named) == 0 {
		path = c.Positional[0]
	}
	if path == "" || strings.ContainsAny(path, " \t\n()<>") {
		return "", false
	}
	return path, true
}

// refAddress is what a ref call writes into the page: the address of
// the page it names, found by ctx.ResolveRef, which the page's links then
// check as any ("/zhanaozen/clashes/#trial"); a ref that names no page is
// a problem at the call. Without a ResolveRef, the path itself, as if the
// editor had linked the file ([text](zhanaozen/clashes.md)).
func (p *page) refAddress(c *call, ref string) string {
	path, frag, hasFrag := strings.Cut(ref, "#")
	if p.ctx.ResolveRef == nil || path == "" {
		return ref
	}
	url, err := p.ctx.ResolveRef(path)
	if err != nil {
		hint := ""
		var hinted interface{ Hint() string }
		if errors.As(err, &hinted) {
			hint = hinted.Hint()
		}
		p.problem(c.Line, err.Error(), hint)
		return "#"
	}
	url = escapeURL(url) // as a link destination, whatever the page's name
	if hasFrag {
		url += "#" + frag
	}
	return url
}

// isBlockToken reports whether s is the token of a call that sits alone
// on its lines (an atom, or either end of a {{% %}} call).
func (p *page) isBlockToken(s string) bool {
	kind, n, size, ok := p.parseToken(s)
	if !ok || size != len(s) || n >= len(p.calls) {
		return false
	}
	return p.calls[n].block && (kind == kindAtom || kind == kindOpen || kind == kindClose)
}

// expand replaces the call tokens in rendered HTML with the calls' HTML,
// innermost first. Marker tokens (more, first paragraph) pass through.
func (p *page) expand(out string) string {
	if len(p.calls) == 0 {
		return out // only markers, which pass through
	}
	if p.used == nil {
		p.used = make([]bool, len(p.calls))
	}
	type frame struct {
		c   *call
		buf strings.Builder
	}
	stack := []*frame{{}}
	// The output is about as long as out: calls are short tokens there
	// and mostly short HTML here. Growing from empty copied it twice.
	stack[0].buf.Grow(len(out))
	top := func() *strings.Builder { return &stack[len(stack)-1].buf }
	for {
		i := strings.Index(out, p.prefix)
		if i < 0 {
			top().WriteString(out)
			break
		}
		top().WriteString(out[:i])
		kind, n, size, ok := p.parseToken(out[i:])
		if !ok {
			top().WriteString(out[i : i+len(p.prefix)])
			out = out[i+len(p.prefix):]
			continue
		}
		tok := out[i : i+size]
		out = out[i+size:]
		if kind != kindAtom && kind != kindOpen && kind != kindClose {
			top().WriteString(tok) // a marker, for result
			continue
		}
		if n >= len(p.calls) {
			continue
		}
		c := p.calls[n]
		switch kind {
		case kindAtom:
			if !p.used[n] {
				p.used[n] = true
				h := p.callHTML(c)
				if h == "" && c.block {
					out = strings.TrimPrefix(out, "\n") // leave no empty line
				}
				top().WriteString(h)
			}
		case kindOpen:
			if !p.used[n] {
				p.used[n] = true
				stack = append(stack, &frame{c: c})
			}
		case kindClose:
			if len(stack) > 1 && stack[len(stack)-1].c == c {
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				top().WriteString(p.invoke(c, strings.TrimSpace(f.buf.String())))
			}
		}
	}
	for len(stack) > 1 { // an open token lost inside raw HTML: keep its content
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		top().WriteString(f.buf.String())
	}
	return stack[0].buf.String()
}

// callHTML is the HTML of an atom call.
func (p *page) callHTML(c *call) string {
	switch {
	case c.escape:
		return html.EscapeString(c.literal)
	case c.broken:
		return ""
	}
	inner := ""
	if c.HasInner {
		inner = p.rawInner(c.children)
	}
	return p.invoke(c, inner)
}

// rawInner is the inner of a {{< >}} call: its text as written, escaped
// as HTML (the call's inner is text, and raw HTML in it would get past
// the markup.unsafe setting), with nested calls replaced by their HTML,
// which is not escaped again: a quote inside a factbox shows as a quote,
// not as its tags.
func (p *page) rawInner(nodes []node) string {
	var b strings.Builder
	for _, n := range nodes {
		c := n.call
		switch {
		case c == nil:
			b.WriteString(html.EscapeString(n.text))
		case c.escape:
			b.WriteString(html.EscapeString(c.literal))
		case c.broken:
		case c.Markdown && c.HasInner:
			b.WriteString(p.invoke(c, strings.TrimSpace(p.render(c.children, true))))
		default:
			b.WriteString(p.callHTML(c))
		}
	}
	return b.String()
}

// invoke calls ctx.Shortcode. inner is the call's inner: raw text for
// {{< >}}, rendered HTML for {{% %}}.
func (p *page) invoke(c *call, inner string) string {
	if c.broken {
		return ""
	}
	sc := p.shortcode(c)
	if c.HasInner {
		sc.Inner = inner
	}
	if h, ok := p.builtin(c, sc.Inner); ok {
		return h
	}
	if p.ctx.Shortcode == nil {
		p.problem(c.Line, fmt.Sprintf("unknown shortcode %q", c.Name),
			"shortcodes are templates in layouts/shortcodes/; check the name")
		return ""
	}
	out, err := p.ctx.Shortcode(sc)
	var hinted interface{ Hint() string }
	switch {
	case errors.As(err, &hinted):
		// The error names the shortcode and says what to do itself.
		p.problem(c.Line, err.Error(), hinted.Hint())
		return ""
	case err != nil:
		p.problem(c.Line, fmt.Sprintf("shortcode %q: %v", c.Name, err),
			"check the name and arguments against layouts/shortcodes/"+c.Name+".html; "+
				"write {{</* "+c.Name+" */>}} to show a shortcode as text")
		return ""
	}
	return out
}

// shortcode is c as ctx.Shortcode sees it, with its line in File and the
// calls it is written in, whose Inner is not made yet: calls run
// innermost first, as in Hugo, where a call's inner shortcodes run
// before its template.
func (p *page) shortcode(c *call) Shortcode {
	sc := c.Shortcode
	sc.Line += p.ctx.LineOffset
	sc.ID = c.id
	sc.Inner = ""
	if c.parent != nil {
		parent := p.shortcode(c.parent)
		sc.Parent = &parent
	}
	return sc
}

// lineTable finds the 1-based line of a byte offset in a string.
type lineTable []int // offsets where lines start

func newLineTable(s string) lineTable {
	t := make(lineTable, 1, strings.Count(s, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return t
		}
		i += j + 1
		t = append(t, i)
	}
}

func (t lineTable) line(off int) int {
	return sort.Search(len(t), func(i int) bool { return t[i] > off })
}

// column is the 1-based column of a byte offset in s, in characters:
// Hugo counts bytes, which an editor does not show for Cyrillic text.
func (t lineTable) column(s string, off int) int {
	return utf8.RuneCountInString(s[t[t.line(off)-1]:off]) + 1
}

// lineMap maps offsets in assembled markdown to body lines.
type lineMap struct {
	starts []int // assembled offsets, ascending
	lines  []int // body line from starts[i] on
}

func (m *lineMap) add(off, line int) {
	if n := len(m.starts); n > 0 && m.starts[n-1] == off {
		m.lines[n-1] = line
		return
	}
	m.starts = append(m.starts, off)
	m.lines = append(m.lines, line)
}

// line returns the body line of an assembled offset, 0 when unknown.
func (m *lineMap) line(off int) int {
	i := sort.Search(len(m.starts), func(i int) bool { return m.starts[i] > off })
	if i == 0 {
		return 0
	}
	return m.lines[i-1]
}
