package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A link with nothing inside it, [](https://…) or [ ](…), is published as
// an <a> no one can see or click, and a screen reader reads it out as its
// bare address, if at all (WCAG 2.4.4). The same happens, less visibly,
// when the only thing inside a link is raw HTML, [<img src="logo.png"
// alt="GitHub">](…): with raw HTML off it is left out, and the link is
// left empty. Like an image without alt text, it is a warning at its
// line, not a problem: the rest of the page is fine to publish.
//
// Not warned about: a link holding an image (checkAlt speaks for an
// image without alt text), a link holding a shortcode call (what it
// shows is known only once it runs), and raw HTML on a site that keeps
// it (its text is the site owner's business, and samizdat check reads
// the finished page).

// checkLinkText warns about link, written to dest at a body line, when
// it has no text.
func (t *transform) checkLinkText(link *ast.Link, dest string, line int) {
	var b strings.Builder
	t.writePlain(&b, link)
	raw := b.String()
	if strings.TrimSpace(t.p.untoken(raw, false)) != "" || strings.Contains(raw, t.p.prefix) {
		return
	}
	hasRaw := false
	for n := range descendants(link) {
		switch n.(type) {
		case *ast.Image:
			return
		case *ast.RawHTML:
			hasRaw = true
		}
	}
	if hasRaw && t.p.conv.unsafeHTML {
		return
	}
	dest = truncate(dest, 80)
	msg := fmt.Sprintf("link to %q has no text, so readers cannot see or click it", dest)
	hint := fmt.Sprintf("write what the link leads to between the brackets: [Read the full report](%s)", dest)
	if hasRaw {
		msg = fmt.Sprintf("link to %q has no text left: the HTML inside it is left out of the page", dest)
		hint = fmt.Sprintf("write the link's text in markdown, [GitHub](%s), or a picture with its description, [![GitHub](logo.png)](%s)", dest, dest)
	}
	t.p.warn(line, msg, hint)
}

// descendants yields the nodes below n, depth first.
func descendants(n ast.Node) func(func(ast.Node) bool) {
	return func(yield func(ast.Node) bool) {
		var walk func(ast.Node) bool
		walk = func(n ast.Node) bool {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if !yield(c) || !walk(c) {
					return false
				}
			}
			return true
		}
		walk(n)
	}
}
