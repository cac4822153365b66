package check

import (
	"strings"

	"github.com/samizdat-press/samizdat/internal/output"
)

// Link is one place where a page links to, or loads from, another site.
type Link struct {
	URL       string // absolute http(s), without its fragment
	File      string // the page, as in problem.Problem
	Line, Col int
	What      string // where in the page: "<a href>", "<img src>"
}

// Outgoing returns the http(s) links of the site's pages to other sites, in
// page and position order; protocol-relative ones get https. It backs
// external link checking, which lives in its own package so that this one
// never needs the network.
func Outgoing(out *output.Output, baseURL string) []Link {
	c := newChecker(out, Options{BaseURL: baseURL})
	c.parsePages()
	var links []Link
	for _, name := range c.paths(isHTML) {
		p := c.pages[name]
		for _, r := range p.refs {
			if r.kind == origin {
				continue
			}
			u, ok := c.otherSite(strings.Trim(r.url, htmlSpace))
			if !ok || u.Host == "" {
				continue
			}
			if u.Scheme == "" {
				u.Scheme = "https"
			}
			u.Fragment, u.RawFragment = "", ""
			line, col := p.lines.pos(r.off)
			links = append(links, Link{URL: u.String(), File: name, Line: line, Col: col, What: r.what})
		}
	}
	return links
}
