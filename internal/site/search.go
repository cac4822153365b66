package site

import (
	"bytes"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/search"
)

// writeSearch writes, when site.toml's [search] turns it on, each
// language's search index at the language's root and the script that
// reads them at the site's root (package search). It runs while pages
// still hold their rendered HTML.
func (b *builder) writeSearch() {
	if !b.cfg.Search.Enabled {
		return
	}
	b.writeAs(search.ScriptFile, owner{what: "the search script, which the build writes ([search] in site.toml)"}, search.Script)
	for _, s := range b.world.sites {
		ix := search.Index{Lang: s.lang, Pages: []search.Page{}}
		for _, p := range b.searchPages(s) {
			e := search.Page{Title: p.title, URL: searchURL(s.home.url, p.url, b.opts.Portable),
				Description: p.Description(), Text: search.Text(p.rendered.HTML, search.MaxText)}
			if p.site != s {
				e.Lang = p.site.lang
			}
			ix.Pages = append(ix.Pages, e)
		}
		b.writeAs(content.OutputPath(s.home.url+search.IndexFile),
			owner{what: "the " + s.lang + " search index, which the build writes ([search] in site.toml)"}, ix.Script())
	}
	if !b.searchLoaded() {
		b.warn([]problem.Problem{{File: "site.toml",
			Message: "search is on ([search] enabled), but no page loads " + search.IndexFile + ", so readers cannot search",
			Hint:    "give a page a layout that loads " + search.IndexFile + " and " + search.ScriptFile + " (docs/templates.md, \"Search\"), or turn search off"}})
	}
}

// searchLoaded reports whether a page of the site names the search
// index, as the search page's layout must for search to work.
func (b *builder) searchLoaded() bool {
	for name, data := range b.files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte(search.IndexFile)) {
			return true
		}
	}
	return false
}

// searchPages are the pages a language's search finds, by URL: its own,
// and each of the default language's not translated into it, in the
// language that stands in for it (as GetPage finds them), so a reader of
// a partial translation finds what its lists and menus link to.
func (b *builder) searchPages(s *Site) []*Page {
	seen := map[*Page]bool{}
	var out []*Page
	add := func(p *Page) {
		if !seen[p] && searchable(p) {
			seen[p] = true
			out = append(out, p)
		}
	}
	def := b.world.sites[0]
	for _, p := range b.pages {
		switch {
		case p.site == s:
			add(p)
		case s != def && p.site == def && p.translations[s.lang] == nil:
			add(s.own(p))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].url < out[j].url })
	return out
}

// searchable reports whether search may find a page: one made from
// content (not a list of terms or the 404 page), not a draft, and not
// kept out of lists (build.list "never") or out of the sitemap
// (sitemap.disable: a profile of someone at risk, reached only by its
// link).
func searchable(p *Page) bool {
	switch p.kind {
	case content.KindHome, content.KindSection, content.KindPage:
	default:
		return false
	}
	return p.src != nil && p.src.File != "" && !p.Draft() && p.meta().List != "never" && !p.Sitemap().Disable
}

// searchURL is the address of the page at url from the folder dir
// ("/ru/"), as relink writes links: "zhanaozen/", "../x/", "./" for the
// folder itself; a portable build names index.html, which file:// needs.
func searchURL(dir, url string, portable bool) string {
	from := strings.Split(strings.Trim(dir, "/"), "/")
	to := strings.Split(strings.TrimPrefix(url, "/"), "/") // "a/b/" gives "a", "b", ""
	if from[0] == "" {
		from = nil
	}
	same := 0
	for same < len(from) && same < len(to)-1 && from[same] == to[same] {
		same++
	}
	rel := strings.Repeat("../", len(from)-same) + strings.Join(to[same:], "/")
	if portable && (rel == "" || strings.HasSuffix(rel, "/")) {
		rel += "index.html"
	}
	if rel == "" {
		rel = "./"
	}
	return rel
}
