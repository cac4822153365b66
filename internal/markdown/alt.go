package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// An image written without alt text, ![](photo.jpg), renders alt="",
// which tells screen readers the image is decoration and skips it: a
// reader who cannot see the photo of a rally never learns it was there
// (WCAG 1.1.1). Markdown gives no way to tell a forgotten description
// from a decorative image, and campaign pages rarely carry decoration, so
// each such image gets a warning at its line. The page is still
// published: a missing description is a loss, not a mistake that should
// hold back the rest of the site.
//
// One empty alt is right: an image inside a link that has text of its
// own, [![](logo.png) Amnesty International](https://…), where a
// description would only be read out before the name. An image that is
// its link's only content is still warned about, as the link would have
// no name.

// checkAlt warns about img, written as dest at a body line, when it has
// no alt text.
func (t *transform) checkAlt(img *ast.Image, dest string, line int) {
	if strings.TrimSpace(t.plain(img)) != "" {
		return
	}
	if link := enclosingLink(img); link != nil && strings.TrimSpace(t.plain(link)) != "" {
		return // named by the link's text
	}
	t.p.warn(line, fmt.Sprintf("image %q has no alt text", truncate(dest, 80)),
		"describe what the image shows between the brackets, "+
			"![Protesters in Zhanaozen, 16 December 2011]("+truncate(dest, 80)+"), "+
			"so readers who cannot see it get it too; without it, screen readers skip the image")
}

// enclosingLink is the link n is part of, or nil.
func enclosingLink(n ast.Node) *ast.Link {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if link, ok := p.(*ast.Link); ok {
			return link
		}
	}
	return nil
}
