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

// checkAlt warns about img, written as dest at a body line, when it has
// no alt text.
func (t *transform) checkAlt(img *ast.Image, dest string, line int) {
	if strings.TrimSpace(t.plain(img)) != "" {
		return
	}
	t.p.warn(line, fmt.Sprintf("image %q has no alt text", truncate(dest, 80)),
		"describe what the image shows between the brackets, "+
			"![Protesters in Zhanaozen, 16 December 2011]("+truncate(dest, 80)+"), "+
			"so readers who cannot see it get it too; without it, screen readers skip the image")
}
