// Package relink makes the internal URLs of a built site page-relative, so that the same output
// works at a domain root, under any sub-path of a mirror, on IPFS and on an onion service, and,
// with Options.Portable, from file:// and from object-storage REST endpoints.
//
// Rewrite takes the site's files as the build made them, where every internal link and asset
// reference is root-relative ("/zhanaozen/", "/css/site.css"). In HTML files it rewrites the URLs
// in the attributes href, src, srcset, imagesrcset, poster, action, formaction, data and
// xlink:href, the URL of <meta http-equiv="refresh">, and url() and @import in <style> elements
// and style attributes; in CSS files, url() and @import. From "zhanaozen/trials/index.html",
// "/complaint/" becomes "../../complaint/" and "/" becomes "../../"; a link to the page's own
// folder becomes "./", never "".
//
// Absolute URLs to the site's own address (Options.BaseURL, "https://example.org/sub/"), as Hugo
// themes write them ({{ "css/a.css" | absURL }}, {{ .Site.BaseURL }}css/a.css), are rewritten
// like root-relative ones when the browser fetches them with the page: stylesheets, scripts,
// icons, preloads and the manifest (<link>), <script src>, <img src> and srcset, <source>,
// <video poster>, <audio>, <track>, <iframe>, <embed>, <object data>, SVG's <image> and <use>,
// and every url() and @import. Loaded from the main domain they break each mirror, where that
// domain is what is blocked, and every offline copy. Scheme (http or https) and the host's case
// do not matter; the path must be under the address's folder. Links (<a href>, <form action>),
// <link rel=canonical>, alternates (hreflang, feeds), <meta> content (og:url, og:image) and
// refresh redirects keep their absolute addresses: they are meant to name the primary domain.
//
// What stays: other absolute and protocol-relative URLs, relative URLs (except for the
// index.html that Portable adds to links to folders), fragment-only links, <link
// rel="canonical"> and hreflang alternates, text, comments, scripts, every other file (feeds and
// the sitemap are absolute by design) and every byte outside the rewritten URL paths. Markup
// inside <noscript> is rewritten like any other. Output depends only on the input, and a second
// Rewrite changes nothing.
//
// Tags is Rewrite's reading of a page, tag by tag, for other packages that look at every tag of
// a built site (check's scan for loads from other sites, which the build runs on every page).
package relink

import (
	"bytes"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Options controls Rewrite. The zero value writes links for web servers.
type Options struct {
	// Portable also writes an explicit index.html in links to folders, so the site works from
	// file:// and from object-storage REST endpoints, which serve no index documents.
	Portable bool
	// Base, when set, is the path the site is served under ("/", or
	// "/mirror/sub/" from baseURL): root-relative URLs are prefixed with
	// it instead of made page-relative. It is for 404 pages, which hosts
	// serve at whatever path was asked for, where a page-relative link
	// would point nowhere.
	Base string
	// BaseURL is the site's absolute address ("https://example.org/sub/"). URLs under it that
	// the browser fetches with the page are rewritten like root-relative ones: see the package
	// doc. "" (or anything but an http or https URL) leaves every absolute URL as it is.
	BaseURL string
}

// Rewrite makes the root-relative URLs in the HTML and CSS files of a built site page-relative,
// replacing the changed files in files. The keys are slash paths relative to the site root
// ("a/b/index.html"). Files with nothing to rewrite are neither copied nor replaced.
//
// Large sites are rewritten by up to GOMAXPROCS goroutines, which have all returned when Rewrite
// does; files is only read while they run. Its values are taken out first, and each rewritten
// file replaces its old bytes as soon as it is made, so that the old bytes can be freed then:
// the site is held about once, not twice.
func Rewrite(files map[string][]byte, opts Options) {
	addr := ParseAddress(opts.BaseURL)
	workers := min(runtime.GOMAXPROCS(0), len(files)/filesPerWorker)
	if workers <= 1 {
		r := rewriter{opts: opts, files: files, addr: addr}
		for name, b := range files {
			if out := r.file(name, b); out != nil {
				files[name] = out
			}
		}
		return
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	// Only the keys of files are read while the workers run (to tell
	// folders from files), so the values can wait in contents.
	contents := make([][]byte, len(names))
	for i, name := range names {
		contents[i] = files[name]
		files[name] = nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			r := rewriter{opts: opts, files: files, addr: addr}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				if out := r.file(names[i], contents[i]); out != nil {
					contents[i] = out
				}
			}
		})
	}
	wg.Wait()
	for i, name := range names {
		files[name] = contents[i]
	}
}

// filesPerWorker is the least number of files worth a goroutine of its own.
const filesPerWorker = 64

// rewriter holds the options and the scratch buffers reused from one file to the next.
type rewriter struct {
	opts  Options
	files map[string][]byte // the site, to tell folders from files
	addr  Address           // from opts.BaseURL
	key   []byte            // scratch for map look-ups
	abs   []byte            // scratch: an absolute URL to the site, as a root-relative path
	repl  []byte            // replacement bytes of the current file's edits
	edits []edit            // in increasing order of start
	attrs []attr            // of the current tag

	decoded []byte    // the current attribute value, character references decoded
	refs    []charRef // where decoded differs from the raw value
}

// edit replaces the bytes [start, end) of a file with repl[from:to].
type edit struct {
	start, end int
	from, to   int
}

// file returns the rewritten content of the site file name, or nil when it is to stay as it is.
func (r *rewriter) file(name string, b []byte) []byte {
	r.repl, r.edits = r.repl[:0], r.edits[:0]
	dir := path.Dir(name)
	if dir == "." || dir == "/" {
		dir = ""
	}
	dir = strings.TrimPrefix(dir, "/")
	switch ext := path.Ext(name); {
	case strings.EqualFold(ext, ".html"), strings.EqualFold(ext, ".htm"):
		if r.opts.Portable || r.mayHaveSiteURL(b) {
			r.html(dir, b, 0)
		}
	case strings.EqualFold(ext, ".css"):
		if r.mayHaveSiteURL(b) {
			r.css(dir, b, 0)
		}
	}
	return r.apply(b)
}

// apply returns b with the recorded edits made, or nil when there are none.
func (r *rewriter) apply(b []byte) []byte {
	if len(r.edits) == 0 {
		return nil
	}
	n := len(b)
	for _, e := range r.edits {
		n += (e.to - e.from) - (e.end - e.start)
	}
	out := make([]byte, 0, n)
	last := 0
	for _, e := range r.edits {
		out = append(out, b[last:e.start]...)
		out = append(out, r.repl[e.from:e.to]...)
		last = e.end
	}
	return append(out, b[last:]...)
}

// mayHaveSiteURL reports whether b may hold a URL to the site that Rewrite rewrites: a
// root-relative one, or with Options.BaseURL any absolute or protocol-relative one, whose "//" is
// in b as it is or as character references (which hasEncodedSlash finds).
func (r *rewriter) mayHaveSiteURL(b []byte) bool {
	return mayHaveRootRelative(b) || r.addr.host != "" && bytes.Contains(b, []byte("//"))
}

// mayHaveRootRelative reports whether b may hold a root-relative URL where Rewrite looks for
// one, so that files without any are not tokenized. It answers true for any slash that follows,
// past whitespace and quotes, a character that can precede a URL (=, (, , or ; as in
// href=, url(, srcset and meta refresh) or @import, and for any entity-encoded slash. False
// positives cost only time.
func mayHaveRootRelative(b []byte) bool {
	if hasEncodedSlash(b) {
		return true
	}
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '/')
		if j < 0 {
			return false
		}
		j += i
		i = j + 1
		if j+1 < len(b) && b[j+1] == '/' {
			i++ // protocol-relative "//": not a root-relative URL
			continue
		}
		k := j - 1
		for k >= 0 && (b[k] <= ' ' || b[k] == '"' || b[k] == '\'') {
			k--
		}
		if k < 0 {
			continue
		}
		switch b[k] {
		case '=', '(', ',', ';':
			return true
		}
		if k >= 6 && bytes.EqualFold(b[k-6:k+1], []byte("@import")) {
			return true
		}
	}
	return false
}

// hasEncodedSlash reports whether b has a character reference that decodes to "/": "&sol;",
// "&#47;" or "&#x2F;" with any leading zeros.
func hasEncodedSlash(b []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '&')
		if j < 0 {
			return false
		}
		i += j + 1
		rest := b[i:]
		if bytes.HasPrefix(rest, []byte("sol;")) {
			return true
		}
		if len(rest) < 2 || rest[0] != '#' {
			continue
		}
		rest, base := rest[1:], 10
		if rest[0] == 'x' || rest[0] == 'X' {
			rest, base = rest[1:], 16
		}
		n, digits := 0, 0
		for _, c := range rest {
			d := hexValue(c)
			if d < 0 || d >= base {
				break
			}
			if n = n*base + d; n > '/' {
				break
			}
			digits++
		}
		if digits > 0 && n == '/' {
			return true
		}
	}
}

func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
