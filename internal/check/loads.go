package check

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// Load is one request to another site that a file makes browsers send
// (or a redirect, <base> or ping there), as a problem, with the host it
// goes to.
type Load struct {
	problem.Problem
	URL  string // as the browser reads it
	Host string // "fonts.googleapis.com"
	// Copy is whether the fix is to copy the file into static/: a file
	// the page fetches, not a player it embeds, a redirect, <base> or
	// ping.
	Copy bool
}

// SettingHint is the hint for a load that Copy's, whose address the
// caller found written in holders, settings or data files (site.toml's
// [params] avatar), not in a layout: a layout puts such a value into
// pages at every depth, so its copy's address must start from the
// site's root, where a relative one finds the file from the home page
// only.
func (l Load) SettingHint(holders string) string {
	name := "NAME"
	if u, err := url.Parse(l.URL); err == nil && path.Ext(u.Path) != "" {
		name = path.Base(u.Path)
	}
	return fmt.Sprintf("it is written in %s: download the file into static/ (static/%s) and write its address there from the site's root, %q: "+
		"a layout puts the value into pages at every depth, and an address without the / before it is looked for in each page's own folder, "+
		"so only the home page would find it; readers where %s is blocked get a broken page, and every request tells %s who is reading",
		holders, name, "/"+name, l.Host, l.Host)
}

// copyable reports whether external's fix for r, a load from host, is to
// copy the file into static/.
func copyable(r ref, host string) bool {
	return !isLocalHost(host) && r.kind != redirect && r.kind != base && r.kind != ping && !embeds(r.what)
}

// Loads returns what one output file makes browsers fetch from, or send
// readers and reports to, other sites unasked: the problems of point 2 of
// Site, and no other. The build calls
// it on every HTML and CSS file it makes, so that a layout, shortcode or
// stylesheet that loads from elsewhere fails the build instead of waiting
// for `samizdat check`; it reads no other file, so the caller may run it
// on all cores. Files that are neither HTML nor CSS load nothing here.
// baseURL is Options.BaseURL; an invalid one counts as none.
func Loads(name string, data []byte, baseURL string) []Load {
	var refs []ref
	switch {
	case isHTML(name):
		refs = loadRefs(data, 0)
	case isCSS(name):
		refs = scanCSS(data)
	case isSVG(name):
		// A drawing opened on its own (linked, not in an <img>) runs
		// without the page's CSP, and fetches what it names.
		refs = append(loadRefs(data, 0), xmlStylesheets(data)...)
	default:
		return nil
	}
	return loadsOf(name, data, baseURL, refs)
}

// LoadsAndInlines is Loads and Inlines of one file, reading an HTML page
// once for both: the build runs them on every page, and splitting a page
// into tags is most of either's work.
func LoadsAndInlines(name string, data []byte, baseURL string, headerCSP []string) ([]Load, []Inline) {
	if !isHTML(name) {
		return Loads(name, data, baseURL), nil
	}
	var refs refScan
	tags := newInlineScan()
	relink.Tags(data, func(raw []byte, off int) {
		refs.tag(raw, off)
		tags.tag(data, raw, off)
	}, func(css []byte, off int) {
		refs.css(css, off)
		tags.css(css)
	})
	return loadsOf(name, data, baseURL, refs.done(0)), inlinesOf(name, data, headerCSP, tags.done())
}

// loadsOf turns the URLs refs of file name into its loads from other
// sites.
func loadsOf(name string, data []byte, baseURL string, refs []ref) []Load {
	c := &checker{opts: Options{BaseURL: baseURL}}
	c.site, _ = parseSiteURL(baseURL)
	var ls lines
	var loads []Load
	for _, r := range refs {
		if !r.kind.unasked() {
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
			loads = append(loads, Load{Problem: p, URL: raw, Host: hostOf(u), Copy: copyable(r, hostOf(u))})
		}
		c.probs = c.probs[:0]
	}
	return loads
}

// loadRefs returns the URLs of a page that Site's page walk finds in
// attributes, <style> and style attributes, without the rest of that
// walk (ids, headings, alt text). It is the walk's cheap cousin, as the
// build runs it on every page: the page is split as relink splits it,
// which skips text several times faster than the tokenizer that tokens
// uses, and only the tags that could name another site at all are read
// by that tokenizer, all at once, as Site reads them. (A 1000-page build
// spent some 60 ms of CPU time reading its pages with the tokenizer.)
//
// depth is the number of <iframe srcdoc> documents data is inside.
// xmlStylesheets are the stylesheets an XML file's processing
// instructions load (<?xml-stylesheet href="…"?>), which an HTML
// tokenizer reads as a comment.
func xmlStylesheets(data []byte) []ref {
	var refs []ref
	const pi = "<?xml-stylesheet"
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(pi))
		if j < 0 {
			return refs
		}
		start := i + j
		end := bytes.Index(data[start:], []byte("?>"))
		if end < 0 {
			end = len(data) - start
		}
		body := data[start+len(pi) : start+end]
		if k := bytes.Index(body, []byte("href=")); k >= 0 && k+6 <= len(body) {
			q := body[k+5]
			if v := body[k+6:]; (q == '"' || q == '\'') && bytes.IndexByte(v, q) >= 0 {
				refs = append(refs, ref{url: html.UnescapeString(string(v[:bytes.IndexByte(v, q)])), off: start + len(pi) + k + 6,
					what: "<?xml-stylesheet href?>", kind: loadCode})
			}
		}
		i = start + end
	}
}

func loadRefs(data []byte, depth int) []ref {
	var s refScan
	relink.Tags(data, s.tag, s.css)
	return s.done(depth)
}

// refScan is loadRefs fed a page's tags and <style> texts by relink.Tags.
type refScan struct {
	picked pickedTags
	styles []ref // the URLs in <style> elements
}

func (s *refScan) tag(raw []byte, off int) {
	if mayNameHost(raw) {
		s.picked.add(raw, off)
	}
}

func (s *refScan) css(css []byte, off int) {
	w := &pageWalk{p: &page{refs: s.styles}}
	w.cssRefs(css, off, "<style>")
	s.styles = w.p.refs
}

// done returns the page's URLs: those in <style> elements, then those in
// tags. depth is loadRefs'.
func (s *refScan) done(depth int) []ref {
	w := &pageWalk{p: &page{refs: s.styles}, depth: depth}
	s.picked.read(func(_ int, t token) { w.urls(t) })
	return w.p.refs
}

// pickedTags are start tags taken out of a page to be read by the
// tokenizer all at once, one after the other: relink splits a page
// several times faster than the tokenizer, which then reads only the few
// tags a scan needs.
type pickedTags struct {
	alone    []byte // the tags, one after the other
	at, from []int  // where each is in alone, and in the page
}

// add picks the raw start tag at offset off of the page.
func (p *pickedTags) add(raw []byte, off int) {
	p.at, p.from = append(p.at, len(p.alone)), append(p.from, off)
	p.alone = append(p.alone, raw...)
}

// read tokenizes the picked tags and calls fn with the index of each
// (in the order added) and its token, whose offsets are the page's.
func (p *pickedTags) read(fn func(i int, t token)) {
	i := 0
	tokenize(p.alone, true, func(t token) {
		if t.typ != html.StartTagToken && t.typ != html.SelfClosingTagToken {
			return
		}
		for i+1 < len(p.at) && p.at[i+1] <= t.off {
			i++
		}
		shift := p.from[i] - p.at[i]
		t.off += shift
		for k := range t.attrs {
			t.attrs[k].off += shift
		}
		fn(i, t)
	})
}

// mayNameHost reports whether a raw tag may hold a URL with a scheme or
// a host: a ":" ("https:", and "http:x", which a browser may read as
// http://x/) or "//" written out, or either written as a character
// reference or CSS escape, which needs a "&" or a "\\" (a browser reads
// "\\\\" as "//").
func mayNameHost(raw []byte) bool {
	return bytes.IndexByte(raw, ':') >= 0 || bytes.Contains(raw, []byte("//")) ||
		bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\\') >= 0
}

// otherSite parses raw and reports whether it is an http(s) or
// protocol-relative URL outside the site, as checkRef sees it: "http:x",
// with no host, is one too.
func (c *checker) otherSite(raw string) (*url.URL, bool) {
	u, err := parseURL(raw)
	if err != nil {
		return nil, false
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		if u.Host == "" {
			return nil, false
		}
	case "http", "https":
	default:
		return nil, false
	}
	if _, inside := c.site.within(u); inside {
		return nil, false
	}
	return u, true
}
