package check

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path"
	"strings"
)

// checkPages checks every URL found in every page, and notes the CSS, JS,
// fonts and images each page loads for the weight budget.
func (c *checker) checkPages() {
	for _, name := range c.paths(isHTML) {
		p := c.pages[name]
		for _, r := range p.refs {
			t := c.checkRef(name, p.lines, p.base, r)
			switch {
			case t == "":
			case r.kind == loadCode:
				p.weights = append(p.weights, t)
			case r.font:
				p.fonts = append(p.fonts, t)
			case r.shown > 0:
				p.images = append(p.images, shownImage{shown: r.shown, file: t, desc: r.desc})
			}
		}
	}
}

// checkRef reports what is wrong with one URL in file, resolving relative
// URLs against from. It returns the output file an internal URL names, or
// "" when it names none.
func (c *checker) checkRef(file string, ls lines, from string, r ref) string {
	raw := strings.Trim(r.url, htmlSpace)
	if raw == "" || strings.Contains(raw, "ZgotmplZ") { // ZgotmplZ has its own problem
		return ""
	}
	u, err := parseURL(raw)
	if err != nil {
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s is not a valid URL", r.what, quote(raw)),
			"check it for stray characters: a space is written %20 and a literal % is written %25")
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		if u.Host == "" {
			return c.internal(file, ls, from, r, raw, u, u.Path)
		}
	case "http", "https":
	case "javascript":
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s uses a javascript: URL", r.what),
			"link to a page or file instead: the site runs no inline scripts, and its Content-Security-Policy blocks javascript: URLs")
		return ""
	case "file":
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s points at a file on the build machine", r.what, quote(raw)),
			"use a link relative to the page (../x/); file: addresses only work on the computer that made them")
		return ""
	default: // mailto:, tel:, data: and the like load nothing from anywhere
		return ""
	}
	sitePath, inside := c.site.within(u)
	if !inside {
		c.external(file, ls, r, raw, u)
		return ""
	}
	if r.kind == base {
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s sends the page's relative addresses to the site's absolute address", r.what, quote(raw)),
			"remove the <base> element, or write its address relative to the page: with an absolute one, every mirror loads the page's files and links from the main domain")
		return ""
	}
	if r.kind.fetched() {
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s loads the site's own file through its absolute address", r.what, quote(raw)),
			"write the address relative to the page (like ../css/site.css), so that each mirror serves the file itself instead of sending readers to the main domain")
	}
	if (r.what == "<a href>" || r.what == "<area href>") && !r.alternate {
		// .Permalink in a theme's list of posts: on a mirror or an
		// offline copy, every click leaves for the main domain, which
		// is what a blocked reader cannot reach. Canonical links,
		// og:url and feeds keep their absolute addresses on purpose,
		// as does a link marked rel="alternate" (a mirrors page naming
		// the main address). One problem an address: a layout's link is
		// on every page, and other addresses stay in sight.
		c.reportLink(file, ls, r.off, r.what+" own "+strings.ToLower(raw),
			fmt.Sprintf("%s %s links to the site's own page through its absolute address", r.what, quote(raw)),
			"in a layout write {{ .RelPermalink }} (or relURL) instead of .Permalink (or absURL); in a page link to the file, [x](../story.md): "+
				"the build then makes the link relative, so readers of a mirror or an offline copy stay on the copy they can reach instead of being sent to the main domain; "+
				`to name the main address on purpose (a mirrors page), add rel="alternate" to the link`)
	}
	return c.internal(file, ls, "", r, raw, u, sitePath)
}

// external handles a URL to another site: links are fine; what the
// browser fetches or follows without the reader choosing it is not.
func (c *checker) external(file string, ls lines, r ref, raw string, u *url.URL) {
	host := hostOf(u)
	if isLocalHost(host) {
		// "links to" for links, whose problem the build leaves to check.
		where := "points at this computer (%s), not at the published site"
		if r.kind == follow {
			where = "links to this computer (%s), not to the published site"
		}
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s "+where, r.what, quote(raw), host),
			"use a link relative to the page (../x/), which works on every copy of the site")
		return
	}
	switch r.kind {
	case follow:
		return
	case redirect:
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s redirects readers to another site, %s", r.what, quote(raw), host),
			"link to the other site from a page instead: a silent redirect sends readers somewhere they did not choose, and fails where that host is blocked")
		return
	case base:
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s makes the page's relative addresses load from another site, %s", r.what, quote(raw), host),
			fmt.Sprintf("remove the <base> element, or point it into the site: with it every relative link, picture and stylesheet of the page comes from %s, which readers may not reach and which sees who reads", host))
		return
	case ping:
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s makes browsers report to another site, %s", r.what, quote(raw), host),
			fmt.Sprintf("remove the attribute: the page works without it, and each request tells %s who is reading", host))
		return
	}
	fix := "copy the file into static/ and link it from there with a relative address"
	if embeds(r.what) {
		fix = "link to it (<a href>) instead of embedding it, or copy the file into static/ and link it from there"
	}
	c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s loads %s from another site, %s", r.what, quote(raw), host),
		fmt.Sprintf("%s: readers where %s is blocked get a broken page, and every request tells %s who is reading", fix, host, host))
}

// hostOf returns u's host as the browser asks for it, in lower case.
func hostOf(u *url.URL) string { return strings.ToLower(u.Hostname()) }

// embeds reports the elements that show another site's page or player
// (a video, a map) rather than a file that could be copied.
func embeds(what string) bool {
	for _, tag := range []string{"<iframe ", "<frame ", "<embed ", "<object "} {
		if strings.HasPrefix(what, tag) {
			return true
		}
	}
	return false
}

// isLocalHost reports host names that only mean something on the machine
// that built the site.
func isLocalHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// internal checks that the URL names a file in the site and that its
// fragment names an element there. refPath is the URL's decoded path,
// relative to from's folder or, starting with "/", to the site's root
// folder (Options.BaseURL's path).
func (c *checker) internal(file string, ls lines, from string, r ref, raw string, u *url.URL, refPath string) string {
	if r.kind == origin || r.kind == base || r.kind == ping {
		return "" // a host, a folder, an address to post to: no file to find
	}
	if strings.HasPrefix(refPath, "/") {
		rest, ok := c.site.rootRelative(refPath)
		if !ok {
			c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s leaves the site's folder %s", r.what, quote(raw), c.site.prefix),
				"write the link relative to the page (../x/), which works wherever the site is published")
			return ""
		}
		from, refPath = "", rest
	}
	p, above := resolve(from, refPath)
	if above {
		c.reportLink(file, ls, r.off, "", fmt.Sprintf("%s %s climbs above the site's root folder", r.what, quote(raw)),
			"remove a ../ from the link: it only works by luck when the site sits at the root of a domain")
		return ""
	}
	target, ok := c.lookup(p)
	if !ok {
		hint := "fix the address or create the page; a folder address ends in / and means its index.html"
		if r.kind != follow && r.kind != redirect {
			hint = "fix the address, or put the file in static/ (or beside the page, in its bundle)"
		}
		switch renamed, ok := c.fingerprinted(p); {
		case ok:
			// The file is there under its fingerprinted name: the build
			// renames it in the addresses in tags and stylesheet files, and
			// this one (in a <style> element, a style attribute, a
			// refresh) is in neither.
			hint = fmt.Sprintf("the site publishes %s as %s, with a content hash in its name; the build writes the new name into "+
				"the addresses in tags (<link href>, <script src>) and in stylesheet files, not into this one: "+
				"link the file from such a tag or file (in a layout, {{ relURL %q }}), "+
				"or turn fingerprinting off with fingerprint = false under [output] in site.toml", p, renamed, p)
		case from != "" && !strings.HasPrefix(refPath, ".") && c.atRoot(path.Clean(refPath)):
			// A layout's "css/a.css" is read from each page's own folder;
			// the file is at the site's root, where relURL points.
			hint = fmt.Sprintf("the site has %s at its root, but this address is read from the page's own folder; "+
				"in a layout, write {{ relURL %q }}, which points at the root from every page", displayPath(path.Clean(refPath)), refPath)
		}
		c.reportLink(file, ls, r.off, fmt.Sprintf("%s is broken: the site has no %s", r.what, displayPath(p)),
			fmt.Sprintf("%s %s is broken: the site has no %s", r.what, quote(raw), displayPath(p)), hint)
		return ""
	}
	c.checkFragment(file, ls, r, raw, u, target)
	return target
}

// atRoot reports whether the site has the file p at its root, also
// under its fingerprinted name (css/site.css as css/site.3f2a9c01de.css).
func (c *checker) atRoot(p string) bool {
	if _, ok := c.lookup(p); ok {
		return true
	}
	_, ok := c.fingerprinted(p)
	return ok
}

// fingerprinted returns the name the site has the file p under with a
// content hash in it (css/site.3f2a9c01de.css for css/site.css), if any.
func (c *checker) fingerprinted(p string) (string, bool) {
	ext := path.Ext(p)
	if ext == "" {
		return "", false
	}
	stem := strings.TrimSuffix(p, ext) + "."
	for f := range c.files {
		if h, ok := strings.CutPrefix(f, stem); ok && strings.HasSuffix(h, ext) && allHex(strings.TrimSuffix(h, ext)) {
			return f, true
		}
	}
	return "", false
}

func allHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

func displayPath(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

func (c *checker) checkFragment(file string, ls lines, r ref, raw string, u *url.URL, target string) {
	frag := u.Fragment
	if frag == "" || strings.HasPrefix(frag, ":~:") {
		return
	}
	var ids map[string]bool
	switch {
	case isHTML(target):
		ids = c.pages[target].ids
	case isSVG(target):
		ids = c.svgIDs(target)
	default: // "file.pdf#page=2" and the like mean something to a viewer only
		return
	}
	if ids[frag] || strings.EqualFold(frag, "top") {
		return
	}
	where := "in " + target
	if target == file {
		where = "in this page"
	}
	c.reportLink(file, ls, r.off, fmt.Sprintf("%s is broken: no id %s %s", r.what, quote(frag), where),
		fmt.Sprintf("%s %s is broken: no id %s %s", r.what, quote(raw), quote(frag), where),
		"point the link at an id that exists; a heading's id comes from its text, so renaming the heading breaks links to it")
}

// lookup returns the file a site path names: itself, or its index.html for
// a folder, with or without the final slash.
func (c *checker) lookup(p string) (string, bool) {
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if _, ok := c.files[p]; ok {
		return p, true
	}
	if _, ok := c.files[p+"/index.html"]; ok {
		return p + "/index.html", true
	}
	return "", false
}

// rootRelative returns a root-relative path ("/sub/x/") as a path from the
// site's root folder ("x/"), if it is inside that folder.
func (s siteURL) rootRelative(p string) (string, bool) {
	if p+"/" == s.prefix {
		return "", true
	}
	if !strings.HasPrefix(p, s.prefix) {
		return "", false
	}
	return strings.TrimPrefix(p, s.prefix), true
}

// resolve joins ref onto the folder of from, both slash paths from the site
// root without a leading slash, and removes dot segments. An empty ref names
// from itself. above reports a ".." that climbed past the root.
func resolve(from, ref string) (p string, above bool) {
	if ref == "" {
		return from, false
	}
	full := from[:strings.LastIndex(from, "/")+1] + ref
	segs := strings.Split(full, "/")
	out := make([]string, 0, len(segs))
	folder := false
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case "", ".":
			folder = last
		case "..":
			if len(out) == 0 {
				above = true
			} else {
				out = out[:len(out)-1]
			}
			folder = last
		default:
			out = append(out, s)
		}
	}
	p = strings.Join(out, "/")
	if folder && p != "" {
		p += "/"
	}
	return p, above
}

// sitePathOf resolves raw against from without reporting anything, for
// <base href>.
func (c *checker) sitePathOf(from, raw string) (string, bool) {
	u, err := parseURL(strings.Trim(raw, htmlSpace))
	if err != nil {
		return "", false
	}
	refPath := u.Path
	if u.Scheme != "" || u.Host != "" {
		var inside bool
		if refPath, inside = c.site.within(u); !inside {
			return "", false
		}
	}
	if strings.HasPrefix(refPath, "/") {
		rest, ok := c.site.rootRelative(refPath)
		if !ok {
			return "", false
		}
		from, refPath = "", rest
	}
	p, above := resolve(from, refPath)
	if p == "" {
		p = "index.html"
	}
	return p, !above
}

// parseURL parses raw, an attribute or CSS value trimmed of spaces, as
// a browser reads it on a page served over http(s), so that the host it
// finds is the one the browser asks: tabs and newlines inside it are
// dropped; a backslash before any "?" or "#" is a slash (`\\host\x` is
// "//host/x"); after "http:" or "https:" any number of slashes, none
// included, leads to the host ("https:host/x", `https:\\host`). A browser
// reads "https:x" as relative on a page of the same scheme, but a site is
// often served over both. Other schemes are parsed as they are.
func parseURL(raw string) (*url.URL, error) {
	if strings.ContainsAny(raw, "\t\n\r") {
		raw = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "" && scheme != "http" && scheme != "https" {
		return u, nil
	}
	head, tail := raw, ""
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		head, tail = raw[:i], raw[i:]
	}
	rest := head[len(u.Scheme)+min(len(u.Scheme), 1):] // past "https:"
	if !strings.Contains(head, `\`) && !strings.HasPrefix(rest, "///") &&
		(scheme == "" || strings.HasPrefix(rest, "//")) {
		return u, nil // written as Go reads it, as most addresses are
	}
	head = strings.ReplaceAll(head, `\`, "/")
	switch {
	case scheme != "":
		head = head[:len(scheme)+1] + "//" + strings.TrimLeft(head[len(scheme)+1:], "/")
	case strings.HasPrefix(head, "//"):
		head = "//" + strings.TrimLeft(head, "/")
	}
	if u, err = url.Parse(head + tail); err != nil {
		return nil, err
	}
	if scheme != "" && u.Host == "" {
		return nil, errors.New("no host") // "https:" alone: the browser loads nothing
	}
	return u, nil
}
