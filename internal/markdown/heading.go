package markdown

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// maxIDRunes bounds automatic ids, so a 10 000-character heading does not
// give a 10 000-character id.
const maxIDRunes = 64

// headingID turns heading text into an element id: NFC-normalised,
// lower-cased letters, combining marks and digits of any script are
// kept, every other run of characters (spaces, punctuation, symbols,
// invisible format characters) becomes one '-', with none at either end;
// at most maxIDRunes runes. Text with no letters or digits gives
// "section". "Суд над активистами" gives "суд-над-активистами".
func headingID(text string) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range norm.NFC.String(text) {
		if n >= maxIDRunes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			n++
			continue
		}
		dash = true
	}
	id := strings.TrimRight(b.String(), "-")
	if id == "" {
		return "section"
	}
	return id
}

// anchorRE matches the link renderHeading puts after a heading's text,
// space before it included, as it writes it.
var anchorRE = regexp.MustCompile(` ?<a class="anchor" href="#[^"]*" aria-label="[^"]*">#</a>`)

// StripAnchors returns rendered HTML without the "#" links after its
// headings. Text made of a page (.Plain, plainify) leaves them out: their
// "#" is no word of the page.
func StripAnchors(html string) string {
	if !strings.Contains(html, `<a class="anchor"`) {
		return html
	}
	return anchorRE.ReplaceAllString(html, "")
}

// kindPlaceholder is the node kind of placeholder; node kinds are
// registered once, like goldmark's own.
var kindPlaceholder = ast.NewNodeKind("SamizdatPlaceholder")

// placeholder is a block that renders as a token: a shortcode alone on
// its lines, or a summary marker.
type placeholder struct {
	ast.BaseBlock
	token string
}

func (n *placeholder) Kind() ast.NodeKind { return kindPlaceholder }

func (n *placeholder) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"token": n.token}, nil)
}

// nodeRenderer renders headings with an anchor link, code blocks and
// placeholders. It holds only configuration.
type nodeRenderer struct {
	code        *codeRenderer
	anchorLabel string // aria-label of the heading anchors, in the site's language
	noAnchors   bool   // the site's theme writes its own anchors
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindLink, renderLink)
	reg.Register(kindPlaceholder, renderPlaceholder)
	reg.Register(kindCodeBlock, r.code.render)
}

// linkAttributes are the attributes a link keeps: goldmark's, and
// hreflang, which its filter lacks ("href" and "lang" are in it), set on
// a link to a page in another language (Context.OtherLanguage).
var linkAttributes = gmhtml.LinkAttributeFilter.ExtendString("hreflang")

// renderLink writes a link as goldmark's renderer does, with
// linkAttributes. A dangerous URL is left out whatever markup.unsafe
// says: the transformer has refused those schemes already.
func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	if dest := util.URLEscape(n.Destination, true); !gmhtml.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		gmhtml.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		gmhtml.RenderAttributes(w, n, linkAttributes)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func renderPlaceholder(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(n.(*placeholder).token)
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

// renderHeading writes
//
//	<h2 id="x">Text <a class="anchor" href="#x" aria-label="Link to this section">#</a></h2>
//
// The anchor comes after the text so screen readers announce the heading
// text first, and its aria-label says what the bare "#" is for.
func (r *nodeRenderer) renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		_, _ = w.WriteString("<h")
		_, _ = w.WriteString(strconv.Itoa(n.Level))
		if n.Attributes() != nil {
			gmhtml.RenderAttributes(w, n, gmhtml.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if v, ok := n.AttributeString("id"); ok && !r.noAnchors {
		_, _ = w.WriteString(` <a class="anchor" href="#`)
		_, _ = w.WriteString(html.EscapeString(attrString(v)))
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.WriteString(html.EscapeString(r.anchorLabel))
		_, _ = w.WriteString(`">#</a>`)
	}
	_, _ = w.WriteString("</h")
	_, _ = w.WriteString(strconv.Itoa(n.Level))
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}
