// Package check inspects a built site, an output.Output, and reports what
// would hurt its readers: broken links, third-party requests, missing alt
// text, pages too heavy for a slow connection, photos that give away where
// they were taken.
//
// It is pure: Site reads only the Output it is given, never the disk or the
// network, and returns the same problems, sorted, for the same input. It
// backs `samizdat check` and the campaign site's checks in `make test`. The
// build's own problems (out.Problems) are not repeated in the result.
//
// Each problem names the output file ("zhanaozen/index.html") and, where the
// problem has a place, the 1-based line and byte column in that file. A
// problem of a URL that a layout writes on every page is told once, at
// its first file, with " (and in N other files)" (problem.Once): the
// same mistake, the same target, however the build wrote the address on
// each page ("news/page/2/", "../page/2/"). Site checks:
//
//  1. Links and anchors. Every URL in href, src, srcset, poster, data,
//     action, cite, <meta http-equiv=refresh>, Open Graph image/url, SVG
//     href/xlink:href, and url()/@import in .css files, <style> and style=""
//     that is relative ("../x/", "#a"), root-relative ("/x/") or absolute
//     under Options.BaseURL must name a file in the Output. "x/" means
//     "x/index.html"; "x" is accepted when "x/index.html" exists, as
//     a static host does. A fragment must match an id (or <a name>) in the
//     target HTML or SVG file; "#", "#top" and text fragments always do.
//     Links that climb above the site root, root-relative links outside
//     BaseURL's folder, file: and javascript: URLs and links to localhost
//     are problems too. mailto:, tel:, data: and other schemes are ignored.
//  2. Requests to other sites. Anything the browser fetches while showing a
//     page (scripts, stylesheets, icons, preloads and preconnects, images,
//     media, frames and the documents of their srcdoc, objects, CSS url(),
//     image-set() and @import, body and table backgrounds) must come from
//     the site itself: a blocked host breaks the page and every request
//     tells that host who reads it. Nor may the page send the reader or
//     a report elsewhere unasked: a refresh redirect, a <base href> that
//     every relative address then resolves against, <a ping> and
//     attributionsrc. The host is the one a browser asks: "//host/x",
//     "https:host/x", `\\host\x` and `https:\\host` all name another site.
//     Loading the site's own files, or setting <base>, through the
//     absolute BaseURL is reported as well, because mirrors would then
//     fetch from the (possibly blocked) main domain. Plain links (<a href>,
//     <form action>) to other sites are fine.
//  3. <img> without alt. alt="" is allowed for decorative images, but not
//     as the only content of a link, which would leave the link nameless.
//  4. Headings: more than one h1, a skipped level (h2 then h4), or no h1 at
//     all (redirect pages excepted).
//  5. The same id twice in one page.
//  6. Page weight, what a first visit on a phone loads, each file once,
//     against two budgets. Options.BudgetKB: the page's HTML, the
//     same-site stylesheets (@imports included) and scripts it loads, all
//     gzipped as servers send them, and the fonts of their @font-face
//     rules (the first url() of each: a browser fetches the first format
//     it knows). Options.ImageBudgetKB: the images it shows (<img> src
//     and srcset, <picture> sources, <video poster>,
//     style="background:url()"), as they are, each element's as a phone
//     picks it from a srcset (see phoneImages). Backgrounds in
//     stylesheets do not count: a browser fetches them only for elements
//     that match.
//  7. JPEG, PNG and WebP files (recognised by content, not name) carrying
//     Exif, XMP, IPTC, comments, text or time chunks; SVG files with
//     <script>, on* event attributes or javascript: URLs.
//  8. ZgotmplZ, html/template's mark for a refused unsafe value, in any
//     .html or .xml file.
//
// Limits: scripts are not run, so URLs built by JavaScript and module
// imports inside scripts are not seen; SVG files' own references, and SVG
// animations that change an href, are not followed; <iframe srcdoc> is
// read four documents deep; other image formats (AVIF,
// HEIC, GIF) are not inspected for metadata: the build cleans GIF files
// and warns about the formats it cannot clean.
//
// Loads applies point 2 alone to one file: the build runs it on every
// HTML and CSS file it makes, so that a site loading from another site is
// never published, and `samizdat check` meets no such site.
//
// Outgoing lists the links to other sites; package check/external fetches
// them over the network. This package does not import net/http and reads no
// files, so the build pipeline may call it.
package check

import (
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Options tunes Site. The zero value checks with 30 and 250 KB budgets and treats
// only relative and root-relative URLs as the site's own.
type Options struct {
	// BudgetKB is the most a page may weigh, in KiB (1024 bytes), counting
	// its gzipped HTML, CSS and JS and the fonts it loads (point 6 above).
	// 0 means 30, which keeps a page usable on a throttled 2G connection;
	// a negative value turns the budget off.
	BudgetKB int
	// ImageBudgetKB is the most the pictures a page shows may weigh, in
	// KiB, as a phone picks them from srcsets (point 6). 0 means 250: a
	// phone on a slow 3G connection (0.4 Mbit/s) loads that in about 5
	// seconds; a negative value turns it off.
	ImageBudgetKB int
	// BaseURL is the site's absolute address, "https://example.org/" or
	// "https://example.org/sub/". Absolute links under it count as
	// internal, and root-relative links must stay inside its folder.
	BaseURL string
}

const (
	defaultBudgetKB      = 30
	defaultImageBudgetKB = 250
)

// Site checks a built site and returns its problems, sorted with
// problem.Sort. It does not modify out.
func Site(out *output.Output, opts Options) []problem.Problem {
	c := newChecker(out, opts)
	c.parsePages()
	c.checkPages()
	c.checkStylesheets()
	c.checkBudget()
	c.checkImages()
	c.checkTemplateMarks()
	probs := problem.Once(c.probs, func(i int) string { return c.linkKeys[i] })
	problem.Sort(probs)
	return probs
}

// checker holds one run of Site. It lives only for that call.
type checker struct {
	files   map[string][]byte
	opts    Options
	site    siteURL
	pages   map[string]*page           // every .html file, parsed once
	svgs    map[string]map[string]bool // ids of SVG files, filled on first use
	gz      map[string]int             // gzipped sizes, filled on first use
	imports map[string][]string        // same-site stylesheets each .css file @imports
	fonts   map[string][]string        // same-site fonts each .css file declares in @font-face
	probs   []problem.Problem
	// linkKeys are the problems of URLs (reportLink), by index in probs:
	// the mistake apart from the page it is on, for problem.Once.
	linkKeys map[int]string
}

func newChecker(out *output.Output, opts Options) *checker {
	c := &checker{
		files: out.Files,
		opts:  opts,
		pages: map[string]*page{},
		svgs:  map[string]map[string]bool{},
		gz:    map[string]int{},
	}
	if c.files == nil {
		c.files = map[string][]byte{}
	}
	site, ok := parseSiteURL(opts.BaseURL)
	if !ok {
		c.probs = append(c.probs, problem.Problem{
			Message: "the base URL " + quote(opts.BaseURL) + " is not an absolute http(s) address",
			Hint:    `write it in full, like "https://example.org/"`,
		})
	}
	c.site = site
	return c
}

// paths returns the output paths for which keep is true, sorted, so that
// problems are found in the same order on every run.
func (c *checker) paths(keep func(string) bool) []string {
	var ps []string
	for p := range c.files {
		if keep(p) {
			ps = append(ps, p)
		}
	}
	sort.Strings(ps)
	return ps
}

func isHTML(p string) bool { return strings.HasSuffix(strings.ToLower(p), ".html") }
func isCSS(p string) bool  { return strings.HasSuffix(strings.ToLower(p), ".css") }
func isSVG(p string) bool  { return strings.HasSuffix(strings.ToLower(p), ".svg") }

// report adds a problem at byte offset off of file, or at the whole file
// when off is negative.
func (c *checker) report(file string, ls lines, off int, msg, hint string) {
	p := problem.Problem{File: file, Message: msg, Hint: hint}
	if off >= 0 {
		p.Line, p.Col = ls.pos(off)
	}
	c.probs = append(c.probs, p)
}

// reportLink reports a problem of one URL as report does. A layout
// writes its URLs on every page, so Site reports the problem once, at
// its first file (problem.Once); key names the mistake apart from the
// page: "" for the message itself, else, where the message shows an
// address the build writes differently on every page (relative to the
// page: "page/2/", "../page/2/"), the mistake with what the address
// resolves to instead.
func (c *checker) reportLink(file string, ls lines, off int, key, msg, hint string) {
	if key == "" {
		key = msg
	}
	if c.linkKeys == nil {
		c.linkKeys = map[int]string{}
	}
	c.linkKeys[len(c.probs)] = key
	c.report(file, ls, off, msg, hint)
}

// lines holds the byte offset at which each line of a file starts.
type lines []int

func newLines(b []byte) lines {
	ls := lines{0}
	for i, c := range b {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos returns the 1-based line and byte column of offset off.
func (ls lines) pos(off int) (line, col int) {
	i := sort.SearchInts(ls, off+1) - 1
	if i < 0 {
		return 1, off + 1
	}
	return i + 1, off - ls[i] + 1
}

// siteURL is the parsed Options.BaseURL.
type siteURL struct {
	host   string // lower case, without the port; "" when no BaseURL
	port   string // "" when the scheme's default
	prefix string // the folder the site lives in, "/" or "/sub/"
}

func parseSiteURL(s string) (siteURL, bool) {
	if s == "" {
		return siteURL{prefix: "/"}, true
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return siteURL{prefix: "/"}, false
	}
	prefix := u.Path
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return siteURL{host: strings.ToLower(u.Hostname()), port: defaultPortless(u), prefix: prefix}, true
}

func defaultPortless(u *url.URL) string {
	p := u.Port()
	if u.Scheme == "http" && p == "80" || u.Scheme == "https" && p == "443" {
		return ""
	}
	return p
}

// within reports whether the absolute or protocol-relative u points into the
// site, and if so returns its path from the host's root ("/sub/a/").
func (s siteURL) within(u *url.URL) (string, bool) {
	if s.host == "" || strings.ToLower(u.Hostname()) != s.host || defaultPortless(u) != s.port {
		return "", false
	}
	p := u.Path
	if p == "" || p+"/" == s.prefix {
		p = s.prefix
	}
	return p, strings.HasPrefix(p, s.prefix)
}

// quote quotes s for a message, shortening very long values (data: URLs).
func quote(s string) string {
	const max = 100
	if len(s) > max {
		s = strings.ToValidUTF8(s[:max], "") + "…"
	}
	return strconv.Quote(s)
}
