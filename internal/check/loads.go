package check

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Load is one request to another site that a file makes browsers send,
// as a problem, with the host it goes to.
type Load struct {
	problem.Problem
	URL  string // as the browser reads it
	Host string // "fonts.googleapis.com"
}

// Loads returns what one output file makes browsers fetch from other
// sites: the problems of point 2 of Site, and no other. The build calls
// it on every HTML and CSS file it makes, so that a layout, shortcode or
// stylesheet that loads from elsewhere fails the build instead of waiting
// for `samizdat check`; it reads no other file, so the caller may run it
// on all cores. Files that are neither HTML nor CSS load nothing here.
// baseURL is Options.BaseURL; an invalid one counts as none.
func Loads(name string, data []byte, baseURL string) []Load {
	c := &checker{opts: Options{BaseURL: baseURL}}
	c.site, _ = parseSiteURL(baseURL)
	var refs []ref
	switch {
	case isHTML(name):
		refs = loadRefs(data)
	case isCSS(name):
		refs = scanCSS(data)
	default:
		return nil
	}
	var ls lines
	var loads []Load
	for _, r := range refs {
		if !r.kind.fetched() {
			continue
		}
		raw := strings.Trim(r.url, htmlSpace)
		u, ok := c.otherSite(raw)
		if !ok {
			continue
		}
		if ls == nil {
			ls = newLines(data)
		}
		c.external(name, ls, r, raw, u)
		for _, p := range c.probs {
			loads = append(loads, Load{Problem: p, URL: raw, Host: u.Hostname()})
		}
		c.probs = c.probs[:0]
	}
	return loads
}

// loadRefs returns the URLs of a page that Site's page walk finds in
// attributes, <style> and style attributes, without the rest of that
// walk (ids, headings, alt text). It is the walk's cheap cousin, as the
// build runs it on every page: a tag is read in full only if it could
// name another site at all (mayNameHost), and then by tokens, as Site
// reads it.
func loadRefs(data []byte) []ref {
	w := &pageWalk{p: &page{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return w.p.refs
		}
		raw := z.Raw() // the tokens' raw bytes partition the input, as in tokens
		start := off
		off += len(raw)
		inStyle := w.inStyle
		w.inStyle = false
		switch tt {
		case html.TextToken:
			if inStyle {
				w.cssRefs(raw, start, "<style>")
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if mayNameHost(raw) {
				tokens(raw, func(t token) {
					t.off += start
					for i := range t.attrs {
						t.attrs[i].off += start
					}
					w.urls(t)
				})
			}
			name, _ := z.TagName() // lower-cases raw in place: after mayNameHost and tokens
			switch string(name) {
			case "style":
				w.inStyle = tt == html.StartTagToken
			case "noscript":
				z.NextIsNotRawText() // as tokens does
			}
		}
	}
}

// mayNameHost reports whether a raw tag may hold a URL with a host: "//"
// written out, or a slash or backslash written as a character reference
// or CSS escape, which need a "&" or a "\" (a browser reads "\\" as "//").
func mayNameHost(raw []byte) bool {
	return bytes.Contains(raw, []byte("//")) || bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\\') >= 0
}

// otherSite parses raw and reports whether it is an http(s) or
// protocol-relative URL outside the site.
func (c *checker) otherSite(raw string) (*url.URL, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default:
		return nil, false
	}
	if _, inside := c.site.within(u); inside {
		return nil, false
	}
	return u, true
}
