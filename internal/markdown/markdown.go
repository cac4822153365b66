package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// MaxBodyBytes is the largest markdown body Convert renders. Bigger bodies
// are a problem and are not rendered: goldmark has inputs whose cost grows
// faster than their size, and no campaign page needs 2 MiB of text.
const MaxBodyBytes = 2 << 20

// defaultMaxCodeBytes is Options.MaxCodeBytes when it is 0.
const defaultMaxCodeBytes = 64 << 10

// Converter turns markdown into HTML. It holds only read-only
// configuration, so one Converter serves any number of goroutines.
type Converter struct {
	md           goldmark.Markdown
	maxCodeBytes int
	unsafeHTML   bool            // raw HTML is kept, so leaving it out is never warned about
	reserved     map[string]bool // Options.ReservedIDs
}

// New returns the Converter for opts. It is the one place goldmark is
// configured; every option says why it is on.
func New(opts Options) *Converter {
	maxCode := opts.MaxCodeBytes
	if maxCode <= 0 {
		maxCode = defaultMaxCodeBytes
	}
	code := &codeRenderer{
		maxBytes: maxCode,
		// Classes, not inline styles, so a strict Content-Security-Policy
		// (no style-src 'unsafe-inline') still shows colours; all classes
		// because ChromaCSS carries two styles and each colours different
		// token types.
		formatter: chromahtml.New(
			chromahtml.WithClasses(true),
			chromahtml.WithAllClasses(true),
			chromahtml.WithPreWrapper(noPre{}),
		),
	}
	htmlOpts := []renderer.Option{}
	if opts.UnsafeHTML {
		// The site owner asked for raw HTML in markdown (site.toml
		// [markup] unsafe = true); otherwise goldmark's safe default
		// replaces it with <!-- raw HTML omitted -->.
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	anchorLabel := opts.AnchorLabel
	if anchorLabel == "" {
		anchorLabel = "Link to this section"
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			// GFM is what editors expect from GitHub and most editors:
			// bare www./https:// links (linkify), tables,
			// ~~strikethrough~~ and - [ ] task lists. Its parts are
			// listed rather than extension.GFM so the table can be
			// configured:
			extension.Linkify,
			// Column alignment (|:--|--:|) is written as no attribute:
			// goldmark's default, style="text-align:…", is blocked by
			// the site's Content-Security-Policy (style-src 'self'), so
			// alignment was lost. The transformer gives aligned cells a
			// class (align-left, align-right, align-center) that the
			// site's stylesheet styles instead.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			// Footnotes carry sources, which campaign texts cite a lot.
			extension.Footnote,
			// Typographer turns "quotes", -- and ... into typographic
			// punctuation, which editors cannot easily type.
			extension.Typographer,
			// Definition lists suit glossaries of names and terms.
			extension.DefinitionList,
		),
		goldmark.WithParserOptions(
			// Attribute syntax ({#id .class}) lets editors fix an anchor
			// that other pages link to; attributeFilter in the AST
			// transformer keeps only id and class, since goldmark would
			// also pass style, hidden and friends.
			parser.WithAttribute(),
			// Heading ids are ours (Unicode-aware, unique, stable), so
			// goldmark's ASCII-only auto ids stay off; the transformer
			// runs after goldmark's own transformers (footnotes).
			parser.WithASTTransformers(util.Prioritized(transformer{}, 1000)),
		),
		goldmark.WithRendererOptions(htmlOpts...),
		goldmark.WithRendererOptions(
			// Our renderers (priority below goldmark's 1000, so they win):
			// headings with an anchor link, highlighted code, and the
			// placeholders that shortcodes and summaries are spliced into.
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{code: code, anchorLabel: anchorLabel, noAnchors: opts.NoHeadingAnchors}, 100)),
		),
	)
	reserved := make(map[string]bool, len(opts.ReservedIDs))
	for _, id := range opts.ReservedIDs {
		reserved[id] = true
	}
	return &Converter{md: md, maxCodeBytes: maxCode, unsafeHTML: opts.UnsafeHTML, reserved: reserved}
}

// Convert renders one page body. It reports every problem it finds and
// still renders what it can; a body over MaxBodyBytes or nested past the
// limits in guard.go is not rendered at all.
func (c *Converter) Convert(src []byte, ctx Context) (Result, []problem.Problem) {
	p := &page{conv: c, ctx: ctx}
	if len(src) > MaxBodyBytes {
		p.problem(1, fmt.Sprintf("page body is %d bytes, more than the %d allowed", len(src), MaxBodyBytes),
			"split the page into several pages")
		return Result{}, p.problems
	}
	if bytes.IndexByte(src, 0) >= 0 {
		src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	}
	text := plainMarkerSpaces(string(src))
	if line, msg := checkComplexity(text); msg != "" {
		p.problem(line, msg, "this page is too deeply nested or too complex to render safely; "+
			"split long paragraphs and lists with blank lines and nest less deeply")
		return Result{}, p.problems
	}
	p.prefix = tokenPrefix(src)
	nodes, ok := p.parseShortcodes(text)
	if !ok {
		return Result{}, p.problems
	}
	p.overrideWarning(src)
	body := p.render(nodes, false)
	res := p.result(body)
	res.Warnings = append(p.omittedWarning(), p.warnings...)
	problem.Sort(res.Warnings)
	problem.Sort(p.problems)
	return res, p.problems
}

// page is the state of one Convert call. It is reachable from goldmark's
// transformer through parser.Context, never from package variables.
type page struct {
	conv     *Converter
	ctx      Context
	prefix   string // token prefix, unique to this source (see tokenPrefix)
	calls    []*call
	problems []problem.Problem
	toc      []Heading
	links    []Link
	ids      map[string]bool // element ids given out so far
	idNext   map[string]int  // the next suffix uniqueID tries for each base
	words    int
	used     []bool            // calls[i] already spliced into the output
	omitted  []omitted         // raw HTML left out of the page, in document order
	warnings []problem.Problem // besides omitted's: images without alt text
}

// at is a problem or warning at a body line (0: unknown); the line in
// File adds the front matter's LineOffset.
func (p *page) at(line int, msg, hint string) problem.Problem {
	if line > 0 {
		line += p.ctx.LineOffset
	}
	return problem.Problem{File: p.ctx.File, Line: line, Message: msg, Hint: hint}
}

// problem records a problem at a body line (see at).
func (p *page) problem(line int, msg, hint string) {
	p.problems = append(p.problems, p.at(line, msg, hint))
}

// warn records a warning at a body line (see at): the page loses
// something, but is still published.
func (p *page) warn(line int, msg, hint string) {
	p.warnings = append(p.warnings, p.at(line, msg, hint))
}

// render turns shortcode-split nodes into HTML: assemble markdown with
// placeholder tokens, run goldmark, splice the shortcodes back in.
// fragment is true for markdown inside another shortcode's raw inner,
// whose headings stay out of the table of contents.
func (p *page) render(nodes []node, fragment bool) string {
	var a assembler
	p.assemble(&a, nodes)
	pass := &pass{page: p, lines: &a.lines, fragment: fragment}
	pc := parser.NewContext()
	pc.Set(passKey, pass)
	reader := text.NewReader(a.src)
	doc := p.conv.md.Parser().Parse(reader, parser.WithContext(pc))
	var buf bytes.Buffer
	// HTML is about 1.5x its markdown; growing from empty copied it twice.
	buf.Grow(len(a.src) + len(a.src)/2 + 512)
	if err := p.conv.md.Renderer().Render(&buf, a.src, doc); err != nil {
		// Rendering writes to a bytes.Buffer; an error means a renderer
		// bug, which the editor should still hear about.
		p.problem(0, "render markdown: "+err.Error(), "")
	}
	return p.expand(buf.String())
}

// result cuts the summary out of the rendered body and collects the ids.
//
// The summary is a copy: a substring would keep the whole rendered body
// (with its growth slack) alive for as long as the Result, beside the
// HTML without markers. On a site of 10 000 pages that was 60 MiB.
func (p *page) result(body string) Result {
	res := Result{TOC: p.toc, Links: p.links, WordCount: p.words}
	more := p.token(kindMore, 0)
	begin, end := p.token(kindFirstBegin, 0), p.token(kindFirstEnd, 0)
	if i := strings.Index(body, more); i >= 0 {
		res.Summary = strings.Clone(strings.TrimSpace(p.stripMarkers(body[:i])))
		res.Truncated = true
		body = body[:i] + body[i+len(more):]
	} else if i, j := strings.Index(body, begin), strings.Index(body, end); i >= 0 && j > i {
		res.Summary = strings.Clone(strings.TrimSpace(body[i+len(begin) : j]))
		// Whether body[:i] + body[j+len(end):] has text, without making it.
		res.Truncated = p.hasText(body[:i]) || p.hasText(body[j+len(end):])
	}
	res.HTML = p.stripMarkers(body)
	res.Anchors = anchors(res.HTML)
	return res
}

func (p *page) stripMarkers(s string) string {
	if !strings.Contains(s, p.prefix) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	p.eachUnmarked(s, func(part string) bool {
		b.WriteString(part)
		return true
	})
	return b.String()
}

// eachUnmarked calls fn with the parts of s between its markers, in
// order, while fn returns true: their concatenation is s without its
// markers. One pass, as the ReplaceAll of each marker (followed by a
// newline, then alone) in turn would do: markers never overlap, since
// each starts with the page's prefix, which the source does not contain.
func (p *page) eachUnmarked(s string, fn func(part string) bool) {
	for {
		i := strings.Index(s, p.prefix)
		if i < 0 {
			fn(s)
			return
		}
		if !fn(s[:i]) {
			return
		}
		rest := s[i:]
		size := 0
		if kind, n, sz, ok := p.parseToken(rest); ok && n == 0 && sz == len(p.token(kind, 0)) &&
			(kind == kindMore || kind == kindFirstBegin || kind == kindFirstEnd) {
			size = sz
			if size < len(rest) && rest[size] == '\n' {
				size++
			}
		}
		if size == 0 {
			if !fn(rest[:len(p.prefix)]) {
				return
			}
			size = len(p.prefix)
		}
		s = rest[size:]
	}
}

// hasText reports whether s, without its markers, has anything but white
// space: strings.TrimSpace(p.stripMarkers(s)) != "", found without
// copying s, and mostly from its first bytes.
func (p *page) hasText(s string) bool {
	text := false
	p.eachUnmarked(s, func(part string) bool {
		text = strings.TrimSpace(part) != ""
		return !text
	})
	return text
}

// anchors returns the sorted, distinct values of every id attribute in
// body. goldmark escapes quotes and angle brackets in text and attribute
// values, so ` id="` appears in body only inside a start tag.
func anchors(body string) []string {
	seen := map[string]bool{}
	var ids []string
	for rest := body; ; {
		i := strings.Index(rest, ` id="`)
		if i < 0 {
			break
		}
		rest = rest[i+len(` id="`):]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			break
		}
		id := htmlUnescape(rest[:j])
		rest = rest[j:]
		if id != "" && !seen[id] {
			seen[id] = true
			// A copy: a substring would keep all of body alive for as long
			// as Anchors, which outlives the page's HTML in a build.
			ids = append(ids, strings.Clone(id))
		}
	}
	sort.Strings(ids)
	return ids
}
