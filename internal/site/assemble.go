package site

import (
	"fmt"
	"maps"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Site is .Site in templates: the site-wide data every page can read.
type Site struct {
	cfg      config.Config
	lang     string
	world    *world
	layout   *layout.Set         // parsed with this language's T and dates
	conv     *markdown.Converter // with this language's labels
	paginate int

	home       *Page
	sections   []*Page // top-level sections, in list order
	pages      []*Page // regular pages, in the default order (sortPages)
	byURL      map[string]*Page
	taxonomies map[string]Taxonomy
	menus      map[string][]*MenuEntry
	data       map[string]any
	strings    map[string]any // interface strings of the site language, from i18n/
	// noStrings is set when the language's i18n file could not be read:
	// that problem is reported, and every string T then misses is not.
	noStrings bool
	params    map[string]any // see Params
	// stringTmpls holds the interface strings that are templates ("Page
	// {{ .Page }} of {{ .Total }}"), parsed once: T runs on every page.
	stringTmpls sync.Map     // text -> *texttemplate.Template or error
	related     relatedCache // .Related's indexes, one a list searched (related.go)
	// paramKeys says, by dotted key, whether any page has that param
	// (hasParam): asked by the GroupByParam of each list that lacks it,
	// on as many pages as list it, it is answered once a build.
	paramKeys sync.Map
}

func newSite(cfg config.Config, lang string, w *world) *Site {
	return &Site{cfg: cfg, lang: lang, world: w, paginate: max(1, cfg.Paginate), byURL: map[string]*Page{}, params: siteParams(cfg, lang)}
}

// Title is site.toml's title, or the language's own.
func (s *Site) Title() string {
	if t := s.cfg.Languages[s.lang].Title; t != "" {
		return t
	}
	return s.cfg.Title
}

// Description is site.toml's description, or the language's own.
func (s *Site) Description() string {
	if d := s.cfg.Languages[s.lang].Description; d != "" {
		return d
	}
	return s.cfg.Description
}

// BaseURL is site.toml's baseURL (or --base-url).
func (s *Site) BaseURL() string { return s.cfg.BaseURL }

// LanguageCode is the code of this site's language ("en", "ru").
func (s *Site) LanguageCode() string { return s.lang }

// IsDefaultLanguage reports whether this is the language at the root.
func (s *Site) IsDefaultLanguage() bool { return s.lang == s.world.langs[0] }

// Copyright is site.toml's copyright.
func (s *Site) Copyright() string { return s.cfg.Copyright }

// Params is site.toml's [params] table with the language's own
// [languages.<code>.params] over it, as in Hugo; never nil.
func (s *Site) Params() map[string]any { return s.params }

// siteParams merges the language's params over the site's once, for
// Params: templates ask for them on every page.
func siteParams(cfg config.Config, lang string) map[string]any {
	own := cfg.Languages[lang].Params
	switch {
	case len(own) == 0 && cfg.Params == nil:
		return map[string]any{}
	case len(own) == 0:
		return cfg.Params
	}
	out := make(map[string]any, len(cfg.Params)+len(own))
	maps.Copy(out, cfg.Params)
	maps.Copy(out, own)
	return out
}

// defaultMainSections gives a site whose [params] do not set
// mainSections Hugo's default: the top-level section with the most pages
// (ties to the first by name). Themes list the home page's posts with
// where .Site.RegularPages "Type" "in" .Site.Params.mainSections, which
// without it lists nothing, without a word. The key is written as
// Hugo's docs and themes write it; .Param finds it in any case.
func (s *Site) defaultMainSections() {
	for k := range s.params {
		if strings.EqualFold(k, "mainSections") {
			return
		}
	}
	count := map[string]int{}
	for _, p := range s.pages {
		count[p.Section()]++
	}
	main, most := "", 0
	for _, sec := range s.sections {
		if name := sec.Section(); count[name] > most || count[name] == most && most > 0 && name < main {
			main, most = name, count[name]
		}
	}
	if main == "" {
		return
	}
	params := maps.Clone(s.params) // it may be site.toml's own map, shared by the languages
	if params == nil {
		params = map[string]any{}
	}
	params["mainSections"] = []string{main}
	s.params = params
}

// Mirrors are site.toml's mirrors: other addresses of the site, for a
// page that lists them.
func (s *Site) Mirrors() []config.Mirror { return s.cfg.Mirrors }

// Onion is site.toml's onion address, for <meta http-equiv="onion-location">.
func (s *Site) Onion() string { return s.cfg.Onion }

// Home is the home page.
func (s *Site) Home() *Page { return s.home }

// Sections are the top-level sections, in list order.
func (s *Site) Sections() Pages { return s.sections }

// Pages are all regular pages, in the default order of lists (sortPages):
// Hugo sorts its .Site.Pages and .Site.RegularPages so (page.SortByDefault).
func (s *Site) Pages() Pages { return s.pages }

// RegularPages is Pages, under Hugo's name.
func (s *Site) RegularPages() Pages { return s.pages }

// Taxonomies maps a taxonomy's plural name to its terms.
func (s *Site) Taxonomies() map[string]Taxonomy { return s.taxonomies }

// Menus maps a menu name to its entries, sorted by weight (entries
// without one last), then name.
func (s *Site) Menus() map[string][]*MenuEntry { return s.menus }

// Data holds the files of data/ by name: data/timeline.yaml is
// .Site.Data.timeline.
func (s *Site) Data() map[string]any { return s.data }

// GetPage finds a page by content path ("zhanaozen/_index.md",
// "content/people/x/index.md") or URL within the language ("/zhanaozen/");
// in another language's site it gives the page's translation when there
// is one. Nil if there is no such page.
//
// Hugo's older form with a kind before the path is read as Hugo 0.165
// reads it (hugolib pageFinder.getPageForRefs): .Site.GetPage "section"
// "news" is "news", "home" (or "section" with "" or "/") the home page,
// themes such as Stack still write .Site.GetPage "taxonomyTerm"
// "categories". More than two parts is a mistake, as in Hugo.
func (s *Site) GetPage(ref ...string) (*Page, error) {
	var parts []string
	for _, r := range ref {
		if r = strings.TrimSpace(r); r != "" && r != "/" {
			parts = append(parts, r)
		}
	}
	switch {
	case len(parts) > 2:
		return nil, fmt.Errorf("GetPage takes a page's path, not %d parts: write {{ .Site.GetPage %q }}", len(ref), path.Join(parts[1:]...))
	case len(parts) == 0 || parts[0] == content.KindHome:
		return s.home, nil
	case len(parts) == 2:
		return s.getPage(parts[1]), nil
	case len(ref) == 2 && parts[0] == content.KindSection:
		return s.home, nil // "section" with .Section "" on the home page
	}
	return s.getPage(parts[0]), nil
}

// GetPage finds a page as .Site.GetPage does, but a path without a
// leading / is first looked for beside this page, in its folder, as
// Hugo's page GetPage does: {{ .GetPage "kozlov" }} on the people
// section's page is people/kozlov.
func (p *Page) GetPage(ref string) *Page {
	if f := p.File(); f != "" && !strings.HasPrefix(strings.TrimSpace(ref), "/") {
		dir := strings.TrimPrefix(path.Dir(f), content.Dir)
		if q := p.site.getPage(path.Join(dir, strings.TrimSpace(ref))); q != nil {
			return q
		}
	}
	return p.site.getPage(ref)
}

// getPage is GetPage of one path.
func (s *Site) getPage(ref string) *Page {
	ref = strings.TrimSpace(ref)
	if p := s.world.bySource[path.Join(content.Dir, strings.TrimPrefix(strings.TrimPrefix(ref, "/"), content.Dir+"/"))]; p != nil {
		return s.own(p)
	}
	u := "/" + strings.Trim(ref, "/") + "/"
	if u == "//" {
		u = "/"
	}
	if p := s.byURL[s.prefix()+u]; p != nil {
		return p
	}
	if p := s.byURL[u]; p != nil {
		return p
	}
	// A page not translated yet: the fallback language's, else the default
	// language's, so links from a partial translation still lead somewhere.
	if p := s.world.sites[0].byURL[u]; p != nil {
		return s.own(p)
	}
	return nil
}

// own is p in this site's language; where p has no translation into it,
// in the language's fallback (site.toml languages.LANG.fallback), else p.
func (s *Site) own(p *Page) *Page {
	if fb := s.cfg.Languages[s.lang].Fallback; fb != "" && p.translations[s.lang] == nil {
		return p.in(fb)
	}
	return p.in(s.lang)
}

// prefix is the URL folder of the site's language: "" or "/ru".
func (s *Site) prefix() string {
	if s.IsDefaultLanguage() {
		return ""
	}
	return "/" + s.lang
}

func (s *Site) abs(url string) string {
	if s.cfg.BaseURL == "" {
		return url
	}
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + url
}

// Term is one term of a taxonomy in .Site.Taxonomies.
type Term struct {
	Name  string // as first written in front matter
	Page  *Page  // the term's own page (/tags/name/)
	Count int    // number of pages
	Pages Pages  // pages with the term, in the default order (sortPages)
}

// MenuEntry is one link of a menu.
type MenuEntry struct {
	Name       string
	URL        string // root-relative for pages, as written for other links
	Weight     int
	Identifier string
	Page       *Page // the page it links to, if any
	Children   []*MenuEntry
	// Lang is the language Name is written in: the site's, or the
	// default language's when this language has no menu of its own and
	// takes the default one's names (a template marks those with lang).
	Lang   string
	parent string
}

// assemble turns loaded content into the page graph: views, sections
// with their sorted lists, prev/next, taxonomies, menus and the 404 page.
// It returns every page to render.
func (s *Site) assemble(src []*content.Page, probs *problem.List) []*Page {
	var all []*Page
	bySection := map[string]*Page{}
	for _, cp := range src {
		p := &Page{src: cp, site: s, kind: cp.Kind, url: cp.URL, title: cp.Meta.Title}
		p.typ = cp.Meta.Type
		if p.typ == "" {
			p.typ = cp.Section
			if cp.Kind == content.KindHome {
				p.typ = "home"
			}
		}
		if cp.File != "" {
			s.world.bySource[cp.File] = p
		}
		s.byURL[p.url] = p
		all = append(all, p)
		switch cp.Kind {
		case content.KindHome:
			s.home = p
			if cp.File == "" {
				p.title = s.Title() // no _index.md in this language: the site's name, as Hugo does
			}
		case content.KindSection:
			bySection[cp.SectionDir] = p
		}
	}
	for _, p := range all {
		switch p.kind {
		case content.KindPage:
			p.parent = bySection[p.src.SectionDir]
			if p.parent == nil {
				p.parent = s.home
			}
			if p.listed() {
				s.pages = append(s.pages, p)
			}
		case content.KindSection:
			parentDir := path.Dir(p.src.SectionDir)
			for parentDir != "." && bySection[parentDir] == nil {
				parentDir = path.Dir(parentDir)
			}
			p.parent = bySection[parentDir]
			if p.parent == nil {
				p.parent = s.home
				if p.listed() {
					s.sections = append(s.sections, p)
				}
			}
		}
		// A page of build.list "never" keeps its parent (breadcrumbs) but
		// is in no list.
		if p.parent != nil && p.meta().List != "never" {
			p.parent.children = append(p.parent.children, p)
		}
	}
	dateLists(all)
	for _, p := range all {
		sortPages(p.children)
		linkNeighbours(p.children)
	}
	sortPages(s.sections)
	sortPages(s.pages)
	all = append(all, s.buildTaxonomies(probs)...)
	s.buildMenus(probs)
	s.defaultMainSections()
	if s.cfg.Paginate <= 0 {
		s.paginate = 10
	}
	return all
}

// dates are a page's Date, Lastmod and PublishDate.
type dates struct{ date, lastmod, publish time.Time }

// later raises each of d's dates that o's is after.
func (d *dates) later(o dates) {
	if o.date.After(d.date) {
		d.date = o.date
	}
	if o.lastmod.After(d.lastmod) {
		d.lastmod = o.lastmod
	}
	if o.publish.After(d.publish) {
		d.publish = o.publish
	}
}

// own are the dates of p that do not come from the pages under it.
func (p *Page) own() dates {
	return dates{date: p.Date(), lastmod: p.Lastmod(), publish: p.PublishDate()}
}

// undated reports whether p is a list page whose front matter gives none
// of date, lastmod, publishDate and expiryDate: Hugo dates such a page by
// the pages under it (pagemeta's UpdateDateAndLastmodAndPublishDateIfAfter,
// applied where IsAllDatesZero), so themes' lists and "updated" lines
// show the newest page's date instead of the year 1.
func (p *Page) undated() bool {
	if p.kind == content.KindPage || p.kind == "404" {
		return false
	}
	m := p.meta()
	return m.Date.IsZero() && m.Lastmod.IsZero() && m.PublishDate.IsZero() && m.ExpiryDate.IsZero()
}

// dateLists gives each undated home and section page the newest Date,
// Lastmod and PublishDate of every page below it, listed or not, as Hugo
// sends each page's dates up the content tree. Pages left out of the
// build (drafts, future, expired) are not in all, so they do not count.
// Before sorting: lists sort by these dates.
func dateLists(all []*Page) {
	for _, p := range all {
		// An undated list's dates so far are its file's commit and some
		// of the pages below it: all count for the lists above it too,
		// so the order of all does not matter.
		mine := p.own()
		for up := p.parent; up != nil; up = up.parent {
			if up.undated() {
				up.below.later(mine)
			}
		}
	}
}

// sortPages orders a list by weight (unset weights last), then date,
// newest first, then title, then URL so the order never depends on the
// file system.
func sortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		wa, wb := a.Weight(), b.Weight()
		if wa != wb {
			if wa == 0 || wb == 0 {
				return wb == 0
			}
			return wa < wb
		}
		if !a.Date().Equal(b.Date()) {
			return a.Date().After(b.Date())
		}
		if a.title != b.title {
			return a.title < b.title
		}
		return a.url < b.url
	})
}

func sortByDate(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if !a.Date().Equal(b.Date()) {
			return a.Date().After(b.Date())
		}
		if a.title != b.title {
			return a.title < b.title
		}
		return a.url < b.url
	})
}

// linkNeighbours sets Prev and Next between the regular pages of a list,
// the way Hugo does, so that a theme's "older / newer" links come over
// the right way round: Next is the page listed before (the newer one when
// the newest come first), Prev the page listed after.
func linkNeighbours(ps []*Page) {
	var last *Page
	for _, p := range ps {
		if p.kind != content.KindPage {
			continue
		}
		if last != nil {
			last.prev, p.next = p, last
		}
		last = p
	}
}

// buildTaxonomies makes a term page for every term in use and an index
// page for each taxonomy that has terms. A term that cannot have an
// address of its own is a problem at the page's line, not dropped or
// merged with another term in silence.
func (s *Site) buildTaxonomies(probs *problem.List) []*Page {
	s.taxonomies = map[string]Taxonomy{}
	var out []*Page
	singular := map[string]string{}
	for one, many := range s.cfg.WithDefaults().Taxonomies {
		singular[many] = one
	}
	// Newest first: a term's name is as its newest page writes it. Its
	// pages are then put in the default order of lists (sortPages below).
	tagged := s.tagged()
	for _, plural := range s.cfg.TaxonomyPlurals() {
		terms := map[string]*Term{}
		for _, p := range tagged {
			for _, name := range p.src.Meta.Terms[plural] {
				// Dots at either end would make a hidden folder (".NET") or
				// one Windows cannot store ("Washington, D.C."): dropped.
				key := strings.Trim(layout.Urlize(name), ".")
				t := terms[key]
				if t == nil {
					url := s.prefix() + "/" + layout.Urlize(plural) + "/" + key + "/"
					if msg := termProblem(key, url); msg != "" {
						*probs = append(*probs, problemAt(p, plural, fmt.Sprintf("the %s %q %s", singular[plural], name, msg),
							"change it: a term's name becomes its web address, so it needs a letter or digit, may not start or end with a dot, and may not be a name Windows reserves (con, aux, nul, com1…)"))
						continue
					}
					t = &Term{Name: name, Page: &Page{site: s, kind: "term", typ: plural, title: name, url: url}}
					terms[key] = t
				} else if t.Name != name && !sameTerm(t.Name, name) {
					*probs = append(*probs, problemAt(p, plural,
						fmt.Sprintf("the %s %q and the %s %q of %s would share the address %s", singular[plural], name, singular[plural], t.Name, t.Pages[0].File(), t.Page.url),
						"addresses keep only letters and digits, so the two would become one; rename one so that they differ in letters or digits (\"cpp\" and \"csharp\", not \"C++\" and \"C#\")"))
					continue
				}
				if len(t.Pages) > 0 && t.Pages[len(t.Pages)-1] == p {
					continue // the same term twice on one page
				}
				t.Pages = append(t.Pages, p)
				if p.terms == nil {
					p.terms = map[string][]*Page{}
				}
				p.terms[plural] = append(p.terms[plural], t.Page)
			}
		}
		if len(terms) == 0 {
			// As in Hugo, every taxonomy exists in every language, empty
			// where no page has terms: a theme's tag cloud (len
			// .Site.Taxonomies.tags.ByCount) then shows nothing instead of
			// failing on nil.
			s.taxonomies[plural] = Taxonomy{}
			continue
		}
		index := &Page{site: s, kind: "taxonomy", typ: plural, title: titleCase(plural), url: s.prefix() + "/" + layout.Urlize(plural) + "/", parent: s.home}
		list := make([]*Term, 0, len(terms))
		for _, t := range terms {
			// A term's pages are listed in the default order, as Hugo's
			// (its term pages are sorted by page.SortByDefault).
			sortPages(t.Pages)
			t.Count = len(t.Pages)
			t.Page.children = t.Pages
			t.Page.parent = index
			// A term is dated by its pages, a taxonomy by its terms, as
			// lists are by the pages below them (dateLists).
			for _, p := range t.Pages {
				t.Page.below.later(p.own())
			}
			index.below.later(t.Page.below)
			list = append(list, t)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Page.url < list[j].Page.url })
		for _, t := range list {
			index.children = append(index.children, t.Page)
			out = append(out, t.Page)
			s.byURL[t.Page.url] = t.Page
		}
		s.taxonomies[plural] = terms
		s.byURL[index.url] = index
		out = append(out, index)
	}
	return out
}

// termProblem says why a term, whose address segment is key, cannot have
// a term page at url, or "".
func termProblem(key, url string) string {
	if key == "" {
		return "has no letter or digit, so it has no web address"
	}
	if why := content.Unportable(url); why != "" {
		return fmt.Sprintf("gives the web address %s, which %s", url, why)
	}
	return ""
}

// sameTerm reports whether two names of terms with one address are the
// same term written differently: in another case, Unicode form, or with
// spaces, hyphens or underscores ("Press freedom", "press-freedom"). Names
// that differ in anything else ("C++" and "C#") are two terms.
func sameTerm(a, b string) bool {
	fold := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '-' || r == '_' {
				return -1
			}
			return unicode.ToLower(r)
		}, norm.NFKC.String(s))
	}
	return fold(a) == fold(b)
}

// tagged lists the pages that can carry terms: regular pages and
// sections (a campaign's stories are often sections), newest first.
func (s *Site) tagged() []*Page {
	out := append([]*Page(nil), s.pages...)
	for _, p := range s.byURL {
		if p.kind == content.KindSection && p.src != nil && p.listed() {
			out = append(out, p)
		}
	}
	sortByDate(out)
	return out
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// buildMenus merges site.toml's menus with the menu entries in front
// matter, in sortMenu's order.
func (s *Site) buildMenus(probs *problem.List) {
	s.menus = map[string][]*MenuEntry{}
	menus, namesIn := s.cfg.Menus, s.world.langs[0]
	if m := s.cfg.Languages[s.lang].Menus; m != nil {
		menus, namesIn = m, s.lang
	}
	for name, entries := range menus {
		for i, e := range entries {
			m := &MenuEntry{Name: e.Name, URL: e.URL, Weight: e.Weight, Identifier: e.Identifier, Lang: namesIn, parent: e.Parent}
			if e.PageRef != "" {
				m.Page = s.getPage(e.PageRef)
				if m.Page == nil && s.IsDefaultLanguage() {
					msg, hint := s.missingPageRef(name, i, e)
					probs.Add(config.File, e.Line, 0, msg, hint)
				}
				if m.Page == nil {
					continue
				}
				m.URL = m.Page.url
				if m.Name == "" {
					m.Name, m.Lang = m.Page.LinkTitle(), m.Page.Lang()
				}
				if m.Weight == 0 {
					m.Weight = m.Page.Weight() // as Hugo's MenuEntry.Weight falls back
				}
			} else if u, ours := s.menuURL(m.URL); ours {
				m.URL = u
			}
			s.menus[name] = append(s.menus[name], m)
		}
	}
	for _, p := range s.byURL {
		if p.src == nil {
			continue
		}
		for name, e := range p.src.Meta.Menus {
			m := &MenuEntry{Name: e.Name, URL: p.url, Weight: e.Weight, Identifier: e.Identifier, Page: p, Lang: s.lang, parent: e.Parent}
			if m.Name == "" {
				m.Name = p.LinkTitle()
			}
			if m.Weight == 0 {
				m.Weight = p.Weight() // "menu: main" on a page with weight: 2 sorts as 2, as in Hugo
			}
			s.menus[name] = append(s.menus[name], m)
		}
	}
	for name, entries := range s.menus {
		s.menus[name] = nestMenu(entries)
	}
}

// menuURL is where a menu's url entry leads, when it is an address of
// this site (ours): under the language's prefix, unless it is written
// with it ("/ru/about/" in [[languages.ru.menus.main]] stays so). An
// address with a scheme, a protocol-relative one ("//host/") and a
// fragment alone are another site's or the page's own, and stay as
// written.
func (s *Site) menuURL(u string) (string, bool) {
	if u == "" || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "//") || strings.Contains(u, ":") {
		return u, false
	}
	if p := s.prefix(); p != "" && (u == p || strings.HasPrefix(u, p+"/")) {
		return u, true
	}
	return s.prefix() + "/" + strings.TrimPrefix(u, "/"), true
}

// nestMenu sorts entries and moves those with a parent under it.
func nestMenu(entries []*MenuEntry) []*MenuEntry {
	sortMenu(entries)
	byID := map[string]*MenuEntry{}
	for _, e := range entries {
		id := e.Identifier
		if id == "" {
			id = e.Name
		}
		byID[id] = e
	}
	var top []*MenuEntry
	for _, e := range entries {
		if parent := byID[e.parent]; e.parent != "" && parent != nil && parent != e {
			parent.Children = append(parent.Children, e)
			continue
		}
		top = append(top, e)
	}
	return top
}

// sortMenu orders a menu as Hugo's defaultMenuEntrySort does, so a
// theme's menu comes over in the order it had: by weight, where an entry
// without one (weight 0) comes after every weighted entry (a "Subscribe"
// link added without a weight goes at the end, not the start); then by
// name, ignoring case first; then by identifier. The URL settles what is
// still equal, so the order never depends on the order of reading.
func sortMenu(es []*MenuEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				return b.Weight == 0
			}
			return a.Weight < b.Weight
		}
		if c := compareNames(a.Name, b.Name); c != 0 {
			return c < 0
		}
		if a.Identifier != b.Identifier {
			return a.Identifier < b.Identifier
		}
		return a.URL < b.URL
	})
}

// compareNames compares menu names as Hugo's compare.Strings does: letter
// case aside first ("about" before "Blog"), then as written.
func compareNames(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func itoa(n int) string { return strconv.Itoa(n) }
