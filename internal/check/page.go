package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// page is what Site needs to know about one HTML file after reading it.
type page struct {
	name     string
	lines    lines
	base     string          // the path relative URLs resolve against: name, or its <base href>
	ids      map[string]bool // ids and <a name>s: the fragments that land somewhere
	refs     []ref
	redirect bool         // has <meta http-equiv=refresh>: an alias, exempt from the h1 rule
	weights  []string     // same-site CSS and JS it loads, filled by checkPages
	images   []shownImage // same-site images it shows, filled by checkPages
	fonts    []string     // same-site fonts its own <style> declares, filled by checkPages
}

// shownImage is one picture file a page may show, for the weight budget.
type shownImage struct {
	shown int    // the element that shows it: candidates with the same shown are alternatives
	file  string // the output file
	desc  string // its srcset descriptor ("960w", "2x"), "" for none
}

// ref is one URL found in a file.
type ref struct {
	url  string // as the browser reads it (entities decoded, CSS escapes undone)
	off  int    // byte offset in the file
	what string // where it was found, for messages: "<img src>", "url()"
	kind refKind
	// shown numbers the element that shows an image URL (an <img>, its
	// <picture>, a <video> poster, an element's style attribute): of the
	// URLs with one number the browser fetches one. 0 for other URLs.
	shown int
	desc  string // a srcset candidate's descriptor ("960w", "2x"); "" elsewhere
	font  bool   // the first url() in an @font-face's src, the one a browser fetches
	// alternate is an <a rel="alternate">: the same page elsewhere, as a
	// mirrors page names the main address on purpose.
	alternate bool
}

type refKind int

const (
	follow   refKind = iota // a link the reader may follow: checked only inside the site
	load                    // fetched while the page loads: must come from the site
	loadCode                // a stylesheet or script: fetched, and counted in the page's weight
	origin                  // preconnect, dns-prefetch: names a host, not a file
	redirect                // <meta http-equiv=refresh>: followed without the reader asking
	base                    // <base href>: every relative URL of the page resolves against it
	ping                    // <a ping>, attributionsrc: a report sent when a link is followed or an image shown
)

func (k refKind) fetched() bool { return k == load || k == loadCode || k == origin }

// unasked reports the kinds the browser fetches or follows without the
// reader choosing it (or, for ping, choosing only the link): they must
// not lead to another site.
func (k refKind) unasked() bool { return k != follow }

// parsePages reads every HTML file, reporting the problems that need only
// the page itself (alt text, headings, duplicate ids) on the way.
func (c *checker) parsePages() {
	for _, name := range c.paths(isHTML) {
		c.pages[name] = c.parsePage(name, c.files[name])
	}
}

// pageWalk is the state of reading one page.
type pageWalk struct {
	c        *checker
	p        *page
	idAt     map[string]int // offset of each id's first use
	headings []heading
	inH      bool       // the last heading is still open: its text is being read
	links    []openLink // the <a> elements we are inside, innermost last
	inStyle  bool       // the next text token is a <style> element's CSS
	tags     int        // start tags read so far, to number the elements that show images
	picture  int        // the number of the <picture> we are in; 0 outside one
	depth    int        // how many <iframe srcdoc> documents this one is inside
}

type heading struct {
	level, off int
	text       strings.Builder // what it says, to name it in a problem: the page's line is not the markdown's
}

// openLink tracks whether an <a> has any name a screen reader can read.
type openLink struct {
	off      int
	named    bool   // it has text, an image with alt text, or an aria-label
	emptyAlt int    // offset of an <img alt=""> inside it; -1 when none
	href     string // its address, as written
	link     bool   // it has an href: a link, focusable even with href="", not only a target (<a id="x"></a>)
	hidden   bool   // aria-hidden="true" and tabindex="-1": out of screen readers and the tab order, such as a card's second, "stretched" link
}

func (c *checker) parsePage(name string, data []byte) *page {
	w := &pageWalk{
		c:    c,
		p:    &page{name: name, lines: newLines(data), base: name, ids: map[string]bool{}},
		idAt: map[string]int{},
	}
	tokens(data, w.token)
	w.checkHeadings()
	return w.p
}

func (w *pageWalk) token(t token) {
	inStyle := w.inStyle
	w.inStyle = false
	switch t.typ {
	case html.TextToken:
		if inStyle {
			w.cssRefs(t.raw, t.off, "<style>")
		}
		if len(w.links) > 0 && visibleText(t.raw) {
			w.links[len(w.links)-1].named = true
		}
		if w.inH && w.headings[len(w.headings)-1].text.Len() < 200 {
			w.headings[len(w.headings)-1].text.WriteString(html.UnescapeString(string(t.raw)))
		}
	case html.EndTagToken:
		switch t.name {
		case "picture":
			w.picture = 0
		case "a":
			w.closeLink()
		case "h1", "h2", "h3", "h4", "h5", "h6":
			w.inH = false
		}
	default:
		w.startTag(t)
	}
}

func (w *pageWalk) startTag(t token) {
	w.tags++
	if t.name == "picture" && t.typ == html.StartTagToken {
		w.picture = w.tags
	}
	w.ids(t)
	w.urls(t)
	if len(w.links) > 0 && w.hasName(t) {
		w.links[len(w.links)-1].named = true
	}
	switch t.name {
	case "style":
		w.inStyle = t.typ == html.StartTagToken
	case "img":
		w.img(t)
	case "a":
		href, link := t.attr("href")
		hidden, _ := t.attr("aria-hidden")
		tabindex, _ := t.attr("tabindex")
		w.links = append(w.links, openLink{off: t.off, named: w.hasName(t), emptyAlt: -1, href: strings.Trim(href, htmlSpace), link: link,
			hidden: strings.EqualFold(strings.TrimSpace(hidden), "true") && strings.TrimSpace(tabindex) == "-1"})
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.headings = append(w.headings, heading{level: int(t.name[1] - '0'), off: t.off})
		w.inH = t.typ == html.StartTagToken
	case "meta":
		w.meta(t)
	case "base":
		w.baseHref(t)
	}
}

// linkTarget is what href, on this page, leads to, the same from every
// page: the output file for an address within the site, else href.
func (w *pageWalk) linkTarget(href string) string {
	u, err := parseURL(href)
	if err != nil || href == "" || u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "#") {
		return href // href="" is the page itself, on every page: one mistake
	}
	p, _ := resolve(w.p.name, u.Path)
	target := "/" + p
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		target += "#" + u.Fragment
	}
	return target
}

// visibleText reports whether raw, a text token, shows anything: not
// only spaces, written as they are or as character references (&nbsp;,
// &#8203;).
func visibleText(raw []byte) bool {
	return strings.TrimFunc(html.UnescapeString(string(raw)), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff'
	}) != ""
}

// hasName reports attributes that give an element an accessible name.
func (w *pageWalk) hasName(t token) bool {
	for _, k := range []string{"aria-label", "aria-labelledby", "title"} {
		if v, ok := t.attr(k); ok && strings.Trim(v, htmlSpace) != "" {
			return true
		}
	}
	return false
}

func (w *pageWalk) ids(t token) {
	for _, a := range t.attrs {
		if a.key == "name" && t.name == "a" && a.val != "" {
			w.p.ids[a.val] = true
		}
		if a.key != "id" || a.val == "" {
			continue
		}
		if first, dup := w.idAt[a.val]; dup {
			line, _ := w.p.lines.pos(first)
			w.c.report(w.p.name, w.p.lines, a.off,
				fmt.Sprintf("id %s is used twice in the page (first on line %d)", quote(a.val), line),
				"give each element its own id: links to #"+a.val+" can only land on the first; two headings with the same text get the same id, so reword one or set its id")
			continue
		}
		w.idAt[a.val] = a.off
		w.p.ids[a.val] = true
	}
}

func (w *pageWalk) img(t token) {
	alt, ok := t.attr("alt")
	if !ok {
		src, _ := t.attr("src")
		w.c.report(w.p.name, w.p.lines, t.off, "image without alt text: "+quote(src),
			`describe the image in alt="…" for readers who cannot see it (in markdown: ![what it shows](file.jpg)), or write alt="" if it is only decoration`)
		return
	}
	if len(w.links) == 0 {
		return
	}
	l := &w.links[len(w.links)-1]
	if strings.Trim(alt, htmlSpace) != "" {
		l.named = true
	} else if l.emptyAlt < 0 {
		l.emptyAlt = t.off
	}
}

func (w *pageWalk) closeLink() {
	if len(w.links) == 0 {
		return
	}
	l := w.links[len(w.links)-1]
	w.links = w.links[:len(w.links)-1]
	switch {
	case l.named:
	case l.emptyAlt >= 0:
		w.c.report(w.p.name, w.p.lines, l.off, `link has no text: its only content is an image with alt=""`,
			"screen readers announce such a link by its address: say where it goes in the image's alt text, or add aria-label to the link")
	case l.link && !l.hidden:
		// A layout's icon link is on every page: one problem a link
		// (problem.Once), keyed by where it leads, as a broken one is,
		// since the build writes it relative to each page.
		msg := fmt.Sprintf("link to %s has no text: readers cannot see or click it, and screen readers read out its address", quote(l.href))
		w.c.reportLink(w.p.name, w.p.lines, l.off, "empty link to "+w.linkTarget(l.href), msg,
			"write what the link leads to inside it (in markdown: [Read the report](…)); for an icon, add aria-label to the link")
	}
	if len(w.links) > 0 && l.named {
		w.links[len(w.links)-1].named = true
	}
}

func (w *pageWalk) checkHeadings() {
	var firstH1, prev int
	h1s := 0
	for i := range w.headings {
		h := &w.headings[i]
		switch {
		case h.level == 1:
			h1s++
			if h1s == 1 {
				firstH1 = h.off
				break
			}
			line, _ := w.p.lines.pos(firstH1)
			w.c.report(w.p.name, w.p.lines, h.off, fmt.Sprintf("more than one h1 in the page: %s (the first is on line %d)", h.name(), line),
				"keep one h1, the page's title, and make the others h2: screen-reader users jump to the h1 to find what the page is about")
		case prev > 0 && h.level > prev+1:
			w.c.report(w.p.name, w.p.lines, h.off, fmt.Sprintf("heading level skips from h%d to h%d at %s", prev, h.level, h.name()),
				fmt.Sprintf("make it an h%d (## in markdown is h2, ### is h3): screen-reader users move through a page by heading levels", prev+1))
		}
		prev = h.level
	}
	if h1s == 0 && !w.p.redirect {
		w.c.report(w.p.name, w.p.lines, -1, "page has no h1 heading",
			"give the page one h1, usually its title; if the layout prints the title, check that it uses <h1>")
	}
}

// name is the heading's text, quoted and cut to 60 characters, for a
// campaigner to find in the page's markdown. A "#" at its end is the
// anchor link samizdat adds to headings (markdown drops closing #s, so
// the heading itself cannot end in one).
func (h *heading) name() string {
	text := strings.TrimRight(strings.Join(strings.Fields(h.text.String()), " "), " #")
	if r := []rune(text); len(r) > 60 {
		text = string(r[:59]) + "…"
	}
	return fmt.Sprintf("%q", text)
}

// meta records a refresh redirect and the Open Graph URLs that share cards
// fetch, so that they are checked like links.
func (w *pageWalk) meta(t token) {
	content, ok := t.attr("content")
	if !ok {
		return
	}
	off := t.off
	for _, a := range t.attrs {
		if a.key == "content" {
			off = a.off
		}
	}
	if isRefresh(t) {
		w.p.redirect = true // its URL is one of urls'
		return
	}
	prop, _ := t.attr("property")
	if prop == "" {
		prop, _ = t.attr("name")
	}
	switch strings.ToLower(prop) {
	case "og:url", "og:image", "og:image:url", "og:image:secure_url", "og:audio", "og:video", "twitter:image":
		w.p.refs = append(w.p.refs, ref{url: content, off: off, what: "<meta " + strings.ToLower(prop) + ">", kind: follow})
	}
}

func isRefresh(t token) bool {
	v, _ := t.attr("http-equiv")
	return strings.EqualFold(strings.Trim(v, htmlSpace), "refresh")
}

// refresh adds the URL a <meta http-equiv=refresh> sends the reader to.
func (w *pageWalk) refresh(t token) {
	for _, a := range t.attrs {
		if a.key == "content" {
			if u := refreshURL(a.val); u != "" {
				w.p.refs = append(w.p.refs, ref{url: u, off: a.off, what: "<meta http-equiv=refresh>", kind: redirect})
			}
			return
		}
	}
}

// refreshURL returns the URL in a refresh's content, "5; url=/x/".
func refreshURL(content string) string {
	s := strings.TrimLeft(content, htmlSpace+"0123456789.")
	s = strings.TrimLeft(s, htmlSpace+";,")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		if rest := strings.TrimLeft(s[3:], htmlSpace); strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], htmlSpace)
		}
	}
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		if i := strings.IndexByte(s[1:], s[0]); i >= 0 {
			return s[1 : i+1]
		}
		return s[1:]
	}
	return strings.Trim(s, htmlSpace)
}

// baseHref makes later relative URLs resolve against <base href> when it
// points inside the site. An external base is ignored.
func (w *pageWalk) baseHref(t token) {
	v, ok := t.attr("href")
	if !ok {
		return
	}
	if p, ok := w.c.sitePathOf(w.p.base, v); ok {
		w.p.base = p
	}
}

// urls collects the URL-valued attributes of a start tag, the URL of
// a refresh, and those of a frame's srcdoc document.
func (w *pageWalk) urls(t token) {
	if t.name == "meta" && isRefresh(t) {
		w.refresh(t)
	}
	for _, a := range t.attrs {
		if a.key == "srcdoc" && t.name == "iframe" {
			w.srcdoc(a)
			continue
		}
		if a.key == "style" {
			n := len(w.p.refs)
			w.cssRefs([]byte(a.val), -1-a.off, "style attribute")
			for i := n; i < len(w.p.refs); i++ {
				w.p.refs[i].shown = w.tags // a background the element shows
			}
			continue
		}
		kind, ok := urlKind(t, a.key)
		if !ok {
			continue
		}
		r := ref{url: a.val, off: a.off, what: "<" + t.name + " " + a.key + ">", kind: kind, shown: w.shows(t, a.key)}
		if rel, ok := t.attr("rel"); ok && (t.name == "a" || t.name == "area") {
			r.alternate = slices.Contains(strings.Fields(strings.ToLower(rel)), "alternate")
		}
		switch a.key {
		case "srcset", "imagesrcset":
			for _, c := range srcsetURLs(a.val) {
				r.url, r.desc = c.url, c.desc
				w.p.refs = append(w.p.refs, r)
			}
			continue
		case "ping", "attributionsrc":
			for _, u := range strings.Fields(a.val) {
				r.url = u
				w.p.refs = append(w.p.refs, r)
			}
			continue
		}
		w.p.refs = append(w.p.refs, r)
	}
}

// shows returns the number of the element that shows the image in
// attribute key of t, or 0 when it is no image the page shows: the
// <picture> for an <img> or <source srcset> inside one, else the tag.
func (w *pageWalk) shows(t token, key string) int {
	switch {
	case t.name == "img" && (key == "src" || key == "srcset"), t.name == "source" && key == "srcset":
		if w.picture > 0 {
			return w.picture
		}
		return w.tags
	case t.name == "video" && key == "poster", key == "background":
		return w.tags
	}
	return 0
}

// urlKind says whether attribute key of tag t holds a URL, and how the
// browser uses it.
func urlKind(t token, key string) (refKind, bool) {
	switch key {
	case "href":
		switch t.name {
		case "a", "area":
			return follow, true
		case "link":
			return linkKind(t), true
		case "image", "use", "feimage":
			return load, true
		case "script": // SVG's
			return loadCode, true
		case "base":
			return base, true
		}
	case "xlink:href":
		switch t.name {
		case "a":
			return follow, true
		case "image", "use", "feimage":
			return load, true
		case "script":
			return loadCode, true
		}
	case "src":
		switch t.name {
		case "script":
			return loadCode, true
		case "img", "iframe", "frame", "embed", "source", "track", "video", "audio", "input":
			return load, true
		}
	case "srcset":
		return load, t.name == "img" || t.name == "source"
	case "imagesrcset":
		return load, t.name == "link"
	case "poster":
		return load, t.name == "video"
	case "background": // still drawn by browsers, as CSS background-image
		switch t.name {
		case "body", "table", "thead", "tbody", "tfoot", "tr", "td", "th":
			return load, true
		}
	case "ping":
		return ping, t.name == "a" || t.name == "area"
	case "attributionsrc": // Chrome's Attribution Reporting: fetched with the image or script, or on a click
		switch t.name {
		case "a", "area", "img", "script":
			return ping, true
		}
	case "data":
		return load, t.name == "object"
	case "action":
		return follow, t.name == "form"
	case "formaction":
		return follow, t.name == "button" || t.name == "input"
	case "cite":
		return follow, t.name == "blockquote" || t.name == "q" || t.name == "del" || t.name == "ins"
	}
	return 0, false
}

// linkKind classifies <link href> by its rel.
func linkKind(t token) refKind {
	rel, _ := t.attr("rel")
	as, _ := t.attr("as")
	kind := follow
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		switch r {
		case "stylesheet", "modulepreload":
			return loadCode
		case "preload":
			if as = strings.ToLower(as); as == "style" || as == "script" {
				return loadCode
			}
			kind = load
		case "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest", "prefetch", "prerender",
			"compression-dictionary", "dictionary":
			kind = load
		case "preconnect", "dns-prefetch":
			if kind == follow {
				kind = origin
			}
		}
	}
	return kind
}

// srcsetURLs returns the image URLs of a srcset, "a.jpg 1x, b.jpg 2x".
func srcsetURLs(s string) []candidate {
	var out []candidate
	for {
		s = strings.TrimLeft(s, htmlSpace+",")
		if s == "" {
			return out
		}
		i := strings.IndexAny(s, htmlSpace)
		if i < 0 {
			i = len(s)
		}
		u := s[:i]
		s = s[i:]
		if strings.HasSuffix(u, ",") {
			out = append(out, candidate{url: strings.TrimRight(u, ",")})
			continue
		}
		end := descriptorsEnd(s)
		out = append(out, candidate{url: u, desc: strings.TrimSpace(s[:end])})
		s = s[end:]
	}
}

// candidate is one image of a srcset with its descriptor: "480w", "2x",
// or "" (1x).
type candidate struct{ url, desc string }

// descriptorsEnd returns the index of the comma ending a candidate's
// descriptors, skipping commas inside parentheses.
func descriptorsEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// srcdocDepth is how many <iframe srcdoc> documents deep urls reads:
// each level escapes the one inside it once more, so real pages stop at
// one, and the cap bounds the work a crafted page can cause.
const srcdocDepth = 4

// srcdoc adds the URLs of the document in an <iframe srcdoc>, which the
// browser shows as a page of its own, with the page's base URL. They all
// get the attribute's offset, as a style attribute's do; they weigh
// nothing in the budget.
func (w *pageWalk) srcdoc(a attr) {
	if w.depth >= srcdocDepth {
		return
	}
	for _, r := range loadRefs([]byte(a.val), w.depth+1) {
		r.off, r.shown = a.off, 0
		r.what += " in <iframe srcdoc>"
		w.p.refs = append(w.p.refs, r)
	}
}

// cssRefs adds the url() and @import references of CSS found in the page.
// A non-negative off is the CSS's offset in the page; a negative one,
// -1-off, is a style attribute's offset, which every reference in it gets
// (entities make offsets inside attribute values unreliable).
func (w *pageWalk) cssRefs(css []byte, off int, where string) {
	for _, r := range scanCSS(css) {
		if off >= 0 {
			r.off += off
		} else {
			r.off = -1 - off
		}
		r.what = r.what + " in " + where
		w.p.refs = append(w.p.refs, r)
	}
}
