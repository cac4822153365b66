package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// feedSize is how many entries an Atom feed holds, newest first.
const feedSize = 20

// writeGenerated writes the files every site gets without a template.
func (b *builder) writeGenerated() {
	robots := "User-agent: *\nAllow: /\n"
	for _, s := range b.world.sites {
		if hasFeed(s.home) {
			b.writeAs(content.OutputPath(s.home.url+"index.xml"), owner{what: "the site's Atom feed"}, b.atom(s.home, s.feedPages()))
		}
		// A sitemap lists absolute URLs only: without a baseURL there is
		// none to write.
		if b.cfg.BaseURL != "" {
			b.writeAs(content.OutputPath(s.home.url+"sitemap.xml"), owner{what: "the sitemap"}, b.sitemap(s))
			robots += "Sitemap: " + s.abs(s.home.url+"sitemap.xml") + "\n"
		}
	}
	for _, p := range b.pages {
		if p.kind != content.KindHome && hasFeed(p) {
			b.writeAs(content.OutputPath(p.url+"index.xml"), owner{page: p, what: "the Atom feed"}, b.atom(p, feedEntries(p.children)))
		}
	}
	// A site's own static/robots.txt replaces this one, as a layout's
	// robots.txt does in Hugo: it may keep crawlers out of pages about
	// people at risk.
	if fi, err := fs.Stat(b.fsys, staticDir+"/robots.txt"); err != nil || !fi.Mode().IsRegular() {
		b.writeAs("robots.txt", owner{what: "robots.txt, which the build writes"}, []byte(robots))
	}
	b.writeAliases()
	b.writeMirrors()
	b.writeAs("chroma.css", owner{what: "the code highlighting stylesheet"}, markdown.ChromaCSS())
	b.writeSearch()
}

// hasFeed reports whether a page has a feed: the home page (the site's
// feed), and a section or term (a reader can follow one topic, as Hugo's
// and Zola's term feeds allow), when it lists pages; a section kept out
// of lists (the search page) has none.
func hasFeed(p *Page) bool {
	if p.kind == content.KindHome {
		// The site's feed lists its pages and sections (feedPages): a
		// language without any yet has none.
		return len(p.site.pages) > 0 || len(p.site.sections) > 0
	}
	return (p.kind == content.KindSection || p.kind == "term") && len(p.children) > 0 && p.meta().List != "never"
}

// feedPages are what the site feed lists: the pages and sections but the
// home page (feedEntries), newest first. A campaign's stories are often
// sections.
func (s *Site) feedPages() []*Page { return feedEntries(s.tagged()) }

// feedEntries picks a feed's entries from ps, newest first: the newest
// pages and dated sections, and undated sections only where those leave
// room. A section without a date of its own takes its newest page's (as
// Hugo's lists do), so it is always as new as that page: by date alone,
// such sections would fill the top of a feed and push out the stories
// themselves. Hugo's feeds list pages only; a campaign's story written as
// a section with its date competes by that date, and a small campaign's
// undated sections still come in.
func feedEntries(ps []*Page) []*Page {
	var pages, lists []*Page
	for _, p := range ps {
		if p.kind == content.KindPage || !p.undated() {
			pages = append(pages, p)
		} else {
			lists = append(lists, p)
		}
	}
	sortByDate(pages)
	sortByDate(lists)
	out := append([]*Page(nil), pages[:min(len(pages), feedSize)]...)
	out = append(out, lists[:min(len(lists), feedSize-len(out))]...)
	sortByDate(out)
	return out
}

// atom renders an RFC 4287 feed of the newest pages of a list.
func (b *builder) atom(list *Page, pages []*Page) []byte {
	if len(pages) > feedSize {
		pages = pages[:feedSize]
	}
	site := list.site
	title := site.Title()
	if list.kind != "home" && list.title != "" {
		title = list.title + " – " + title
	}
	selfURL, listURL := list.url+"index.xml", list.url
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	fmt.Fprintf(&buf, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(site.LanguageCode()))
	fmt.Fprintf(&buf, "  <title>%s</title>\n", esc(title))
	fmt.Fprintf(&buf, "  <id>%s</id>\n", esc(b.atomID(listURL)))
	fmt.Fprintf(&buf, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n", esc(site.abs(selfURL)))
	fmt.Fprintf(&buf, "  <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", esc(site.abs(listURL)))
	fmt.Fprintf(&buf, "  <updated>%s</updated>\n", atomTime(newest(pages)))
	fmt.Fprintf(&buf, "  <author><name>%s</name></author>\n", esc(feedAuthor(site)))
	for _, p := range pages {
		buf.WriteString("  <entry>\n")
		fmt.Fprintf(&buf, "    <title>%s</title>\n", esc(p.title))
		fmt.Fprintf(&buf, "    <id>%s</id>\n", esc(b.atomID(p.url)))
		fmt.Fprintf(&buf, "    <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", esc(p.Permalink()))
		if !p.Date().IsZero() {
			fmt.Fprintf(&buf, "    <published>%s</published>\n", atomTime(p.Date()))
		}
		fmt.Fprintf(&buf, "    <updated>%s</updated>\n", atomTime(p.Lastmod()))
		if s := string(p.Summary()); s != "" {
			fmt.Fprintf(&buf, "    <summary type=\"html\">%s</summary>\n", esc(b.absLinks(s)))
		}
		buf.WriteString("  </entry>\n")
	}
	buf.WriteString("</feed>\n")
	return buf.Bytes()
}

// rootLink matches a root-relative URL in an href or src attribute.
var rootLink = regexp.MustCompile(`(\s(?:href|src)=")/([^/"][^"]*|)"`)

// absLinks makes the root-relative links of a summary absolute: a feed
// reader shows them outside the site, where only absolute links work.
func (b *builder) absLinks(html string) string {
	if b.cfg.BaseURL == "" {
		return html
	}
	base := strings.TrimSuffix(b.cfg.BaseURL, "/")
	return rootLink.ReplaceAllString(html, "${1}"+strings.ReplaceAll(base, "$", "$$")+"/${2}\"")
}

// atomID is a permanent, absolute id: the permalink when there is a
// baseURL, else a tag URI so the feed stays valid without one.
func (b *builder) atomID(url string) string {
	if b.cfg.BaseURL != "" {
		return strings.TrimSuffix(b.cfg.BaseURL, "/") + url
	}
	return "tag:samizdat.invalid,2012:" + url
}

func feedAuthor(s *Site) string {
	if a, ok := s.Params()["publisher"].(string); ok && a != "" {
		return a
	}
	if t := s.Title(); t != "" {
		return t
	}
	return "samizdat"
}

func newest(ps []*Page) time.Time {
	var t time.Time
	for _, p := range ps {
		if p.Lastmod().After(t) {
			t = p.Lastmod()
		}
	}
	return t
}

// atomTime formats a time as RFC 3339 in UTC. A page with no date at all
// (none in front matter, no git history: see Page.Lastmod) gets the Unix
// epoch rather than the clock, so builds stay reproducible.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

// uri percent-encodes what a URI cannot hold (bytes of non-ASCII
// letters, spaces) in an absolute URL whose host is ASCII: the sitemap
// protocol asks for URI-escaped addresses, where Atom and HTML take IRIs
// ("/ru/tags/жанаозен/") as they are.
func uri(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

func esc(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s))
	return buf.String()
}

// sitemap lists every page of one language a reader can land on, by URL,
// each with its translations as hreflang alternates (Google's sitemap
// form of rel="alternate" hreflang).
func (b *builder) sitemap(s *Site) []byte {
	var ps []*Page
	for _, p := range b.pages {
		if p.site == s && !p.Sitemap().Disable && p.meta().List != "never" {
			ps = append(ps, p)
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].url < ps[j].url })
	multi := len(b.world.sites) > 1
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if multi {
		buf.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
	} else {
		buf.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	}
	for _, p := range ps {
		fmt.Fprintf(&buf, "  <url><loc>%s</loc>", esc(uri(p.Permalink())))
		if lm := p.Lastmod(); !lm.IsZero() {
			fmt.Fprintf(&buf, "<lastmod>%s</lastmod>", lm.UTC().Format("2006-01-02"))
		}
		if sm := p.Sitemap(); sm.ChangeFreq != "" {
			fmt.Fprintf(&buf, "<changefreq>%s</changefreq>", sm.ChangeFreq)
		}
		if sm := p.Sitemap(); sm.Priority != nil {
			fmt.Fprintf(&buf, "<priority>%s</priority>", strconv.FormatFloat(*sm.Priority, 'f', -1, 64))
		}
		if multi && p.IsTranslated() {
			for _, lang := range b.world.langs {
				if t := p.translations[lang]; t != nil {
					fmt.Fprintf(&buf, "<xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>", esc(lang), esc(uri(t.Permalink())))
				}
			}
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// aliasPage is the redirect written at each old URL of a page, and at
// page/1/ of a paginated list: a meta refresh (no script, so it works
// with JavaScript off and under a strict CSP), a canonical link for
// search engines, and noindex. Its links are root-relative here and made
// relative to it when the site is finished, like every page's.
var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .URL }}">
</head>
<body>
<p><a href="{{ .URL }}">{{ .Title }}</a></p>
</body>
</html>
`))

func (b *builder) writeAliases() {
	for _, p := range b.pages {
		if p.src == nil {
			continue
		}
		for _, a := range p.src.Meta.Aliases {
			b.writeRedirect(p, a, owner{page: p, key: "aliases"}) // content.Load cleaned it
		}
	}
}

// writeRedirect writes aliasPage at url, sending readers to p. The
// redirect is no page: sitemap.xml and the feeds, made from pages, leave
// it out.
func (b *builder) writeRedirect(p *Page, url string, o owner) {
	var buf bytes.Buffer
	err := aliasPage.Execute(&buf, map[string]string{
		"Lang": p.site.lang, "Title": p.title, "Permalink": p.Permalink(), "URL": p.url,
	})
	if err != nil {
		b.problem(problemAt(p, o.key, "cannot write the redirect at "+url+": "+err.Error(), ""))
		return
	}
	b.writeAs(content.OutputPath(url), o, buf.Bytes())
}

// writeMirrors lists the site's addresses as mirrors.json, so readers'
// tools and other mirrors can find one that works when another is
// blocked. It is written even before site.toml lists any mirror: a copy
// passed around then still says where the site lives.
func (b *builder) writeMirrors() {
	type mirror struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	doc := struct {
		Site    string   `json:"site"`
		Mirrors []mirror `json:"mirrors"`
		Onion   string   `json:"onion,omitempty"`
	}{Site: b.cfg.BaseURL, Mirrors: []mirror{}, Onion: b.cfg.Onion}
	for _, m := range b.cfg.Mirrors {
		doc.Mirrors = append(doc.Mirrors, mirror{Name: m.Name, URL: m.URL})
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		b.problem(problem.Problem{File: config.File, Message: "cannot write mirrors.json: " + err.Error()})
		return
	}
	b.writeAs("mirrors.json", owner{what: "mirrors.json, which the build writes"}, append(data, '\n'))
}
