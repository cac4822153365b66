package site

import (
	"html/template"
	"strings"
	"time"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
)

// Page is what a template gets as its dot: one page of the built site,
// read through methods so templates cannot change it. docs/templates.md
// documents every method.
type Page struct {
	src   *content.Page // nil for taxonomy, term and 404 pages
	site  *Site
	kind  string
	typ   string
	title string
	url   string

	parent   *Page
	children []*Page // sections and pages listed here, in list order
	prev     *Page
	next     *Page
	terms    map[string][]*Page // plural -> term pages of this page

	translations map[string]*Page // language -> this page in it, this page included

	// below are the newest dates of the pages under a list page (home,
	// section, taxonomy, term) that has none in front matter: its dates,
	// as Hugo gives them (see dateLists). Zero for every other page.
	below dates

	image    string // front matter image as an address, found by checkImage
	rendered markdown.Result
	mdKey    string  // cache key of rendered: its identity, for template keys
	paging   *paging // set on the copy that renders one page of a list: what its template paged
	self     bool    // the copy a template or its shortcodes render: reads of it are the page's own, and it may write scratch

	scratch *layout.Scratch // .Scratch: what the page's shortcodes wrote, or a template run's own copy (scratch.go)
}

// Kind is "home", "section", "page", "taxonomy", "term" or "404".
func (p *Page) Kind() string { return p.kind }

// Title is the front matter title (the term as written for a term page).
func (p *Page) Title() string { return p.title }

// Description is the front matter description.
func (p *Page) Description() string { return p.meta().Description }

// Content is the page's rendered markdown.
func (p *Page) Content() template.HTML {
	p.readRendered(readContent)
	return template.HTML(p.rendered.HTML)
}

// Summary is the front matter summary, else the part before <!--more-->,
// else the first paragraph.
func (p *Page) Summary() template.HTML {
	if s := p.meta().Summary; s != "" {
		p.noteRead(readSummary)
		return template.HTML(template.HTMLEscapeString(s))
	}
	p.readRendered(readSummary)
	return template.HTML(p.rendered.Summary)
}

// Truncated reports whether Content holds more than Summary.
func (p *Page) Truncated() bool {
	p.readRendered(readSummary)
	return p.rendered.Truncated
}

// TOC is the page's headings in document order.
func (p *Page) TOC() []markdown.Heading {
	p.readRendered(readTOC)
	return p.rendered.TOC
}

// TableOfContents is the headings of level 2 and 3 as a nested list in a
// <nav>, or "" when the page has fewer than two.
func (p *Page) TableOfContents() template.HTML {
	p.readRendered(readTOC)
	return tocHTML(p.rendered.TOC, p.site.label("toc_label"))
}

// WordCount is the number of words in the content.
func (p *Page) WordCount() int {
	p.readRendered(readCount)
	return p.rendered.WordCount
}

// ReadingTime is the reading time in whole minutes, at least 1, at 200
// words a minute.
func (p *Page) ReadingTime() int {
	p.readRendered(readCount)
	return max(1, (p.rendered.WordCount+199)/200)
}

// Date is the front matter date, else publishDate. A list page with no
// dates in front matter has the newest Date of the pages under it.
func (p *Page) Date() time.Time {
	m := p.meta()
	switch {
	case !m.Date.IsZero():
		return m.Date
	case !m.PublishDate.IsZero():
		return m.PublishDate
	}
	return p.below.date
}

// Lastmod is the front matter lastmod, else the date of the file's last
// commit (when the site is in git) unless the page is dated later (a page
// written ahead of its date), else Date. A list page with no dates in
// front matter changes when the pages under it do: it has their newest
// Lastmod, or its own file's commit when that is later.
func (p *Page) Lastmod() time.Time {
	if m := p.meta(); !m.Lastmod.IsZero() {
		return m.Lastmod
	}
	date := p.Date()
	if p.below.lastmod.After(date) {
		date = p.below.lastmod
	}
	if t, ok := p.committed(); ok && t.After(date) {
		return t
	}
	return date
}

// committed is the date of the last commit of the page's file, when the
// site is in git; ok is false for a page no file makes.
func (p *Page) committed() (time.Time, bool) {
	if p.src == nil || p.src.File == "" {
		return time.Time{}, false
	}
	t, ok := p.site.world.lastmods[p.src.File]
	return t, ok
}

// PublishDate is the front matter publishDate, else Date. A list page
// with no dates in front matter has the newest PublishDate of the pages
// under it.
func (p *Page) PublishDate() time.Time {
	if m := p.meta(); !m.PublishDate.IsZero() {
		return m.PublishDate
	}
	if !p.below.publish.IsZero() {
		return p.below.publish
	}
	return p.Date()
}

// ExpiryDate is the front matter expiryDate (zero when unset).
func (p *Page) ExpiryDate() time.Time { return p.meta().ExpiryDate }

// Draft is the front matter draft flag (only true in builds with --drafts).
func (p *Page) Draft() bool { return p.meta().Draft }

// Weight is the front matter weight.
func (p *Page) Weight() int { return p.meta().Weight }

// Image is the front matter image as an address of the site: a file
// beside the page or in a folder below it, by its path from the page's
// file (as a link in the page's text names it), else a file of the site
// ("img/share.png" is /img/share.png). Absolute addresses stay as written.
func (p *Page) Image() string {
	if p.image != "" {
		return p.image
	}
	return p.meta().Image
}

// Aliases are the old URLs that redirect to this page.
func (p *Page) Aliases() []string { return p.meta().Aliases }

// Layout is the front matter layout.
func (p *Page) Layout() string { return p.meta().Layout }

// Type is the front matter type, else the top-level section, else
// "page", as Hugo's (pageMeta.Type): a page at the content root is of
// type page. Lookup is given the type without that default (p.typ, ""
// there), as Hugo 0.165 looks in layouts/page/ only for a page whose front
// matter says type: page, not for one at the root.
func (p *Page) Type() string {
	if p.typ == "" {
		return "page"
	}
	return p.typ
}

// Section is the top-level section the page belongs to ("" at home).
func (p *Page) Section() string {
	if p.src != nil {
		return p.src.Section
	}
	return p.typ
}

// URL is the page's root-relative URL ("/zhanaozen/"). The build rewrites
// links to page-relative form at the end, so templates just use this.
func (p *Page) URL() string { return p.url }

// RelPermalink is URL, under Hugo's name.
func (p *Page) RelPermalink() string { return p.url }

// Permalink is the page's absolute URL from baseURL.
func (p *Page) Permalink() string { return p.site.abs(p.url) }

// File is the page's source file from the site root ("" when generated).
func (p *Page) File() string {
	if p.src == nil || p.src.File == "" {
		return ""
	}
	return p.src.File
}

// Parent is the section that lists this page; nil for the home page.
func (p *Page) Parent() *Page { return p.parent }

// Pages lists what a home, section, taxonomy or term page shows: for a
// section its pages and subsections, sorted by weight, then date (newest
// first), then title.
func (p *Page) Pages() Pages { return p.children }

// RegularPages is Pages without sections.
func (p *Page) RegularPages() Pages { return p.childrenOf("page") }

// childrenOf is the pages of one kind in Pages.
func (p *Page) childrenOf(kind string) Pages {
	var out Pages
	for _, c := range p.children {
		if c.kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// Prev is the page listed after this one in its section's order (the
// older one when the newest come first), as Hugo's .Prev; nil at the end.
func (p *Page) Prev() *Page { return p.prev }

// Next is the page listed before this one in its section's order (the
// newer one when the newest come first), as Hugo's .Next; nil at the
// start.
func (p *Page) Next() *Page { return p.next }

// PrevInSection is Prev: samizdat's neighbours are always the section's,
// as Hugo's .PrevInSection are.
func (p *Page) PrevInSection() *Page { return p.prev }

// NextInSection is Next (see PrevInSection).
func (p *Page) NextInSection() *Page { return p.next }

// IsHome reports whether this is the home page.
func (p *Page) IsHome() bool { return p.kind == "home" }

// IsSection reports whether this is a section page.
func (p *Page) IsSection() bool { return p.kind == "section" }

// IsPage reports whether this is a regular page.
func (p *Page) IsPage() bool { return p.kind == "page" }

// Terms returns the term pages of one taxonomy ("tags") this page is in.
func (p *Page) Terms(plural string) Pages { return p.terms[plural] }

// Lang is the page's language code.
func (p *Page) Lang() string { return p.site.lang }

// Site is the site the page belongs to.
func (p *Page) Site() *Site { return p.site }

// Sitemap is the page's front matter sitemap: .Sitemap.Disable is true
// for a page left out of sitemap.xml, which a layout may also mark
// <meta name="robots" content="noindex">.
func (p *Page) Sitemap() frontmatter.Sitemap { return p.meta().Sitemap }

// listed reports whether the page is in the site-wide lists: the site's
// pages and sections, its feed and the term pages (front matter build.list
// "always", the default); "local" pages are in their section's lists only,
// "never" ones in none.
func (p *Page) listed() bool { return p.meta().List == "" }

// FeedURL is the address of the page's own Atom feed, for <link
// rel="alternate">: the site's for the home page, a section's or term's
// when it has one (see hasFeed); "" for other pages.
func (p *Page) FeedURL() string {
	if hasFeed(p) {
		return p.url + "index.xml"
	}
	return ""
}

// OnionLocation is the page's address on the site's onion service, for
// <meta http-equiv="onion-location">; "" when site.toml has no onion.
func (p *Page) OnionLocation() string {
	if p.site.cfg.Onion == "" {
		return ""
	}
	return strings.TrimSuffix(p.site.cfg.Onion, "/") + p.url
}

// Eq reports whether o is the same page (for menus and "you are here"
// marks), as Hugo's .Eq; eq in templates asks it too. The page a template
// renders is a copy of the site's, so the two are told apart by address,
// not by pointer.
func (p *Page) Eq(o any) bool {
	q, ok := o.(*Page)
	return ok && p != nil && q != nil && p.url == q.url // .Prev on the last page is a nil page
}

// InSection reports whether this page's URL is at or below o's, for
// marking the section of the page being shown.
func (p *Page) InSection(o *Page) bool {
	return o != nil && o.url != "/" && strings.HasPrefix(p.url, o.url)
}

// noMeta is the front matter of generated pages (terms, 404). Read-only.
var noMeta frontmatter.Meta

// meta returns the page's front matter by pointer: sorting thousands of
// pages by date would otherwise copy the whole Meta at every comparison.
// Callers only read it.
func (p *Page) meta() *frontmatter.Meta {
	if p.src == nil || p.src.File == "" {
		return &noMeta
	}
	return &p.src.Meta
}
