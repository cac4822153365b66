package site

import (
	"strings"
	"time"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
)

// Params is the page's front matter as Hugo's .Params has it: every key
// written, under Hugo's lower-case name ("publishdate"), each taxonomy's
// terms as a list of strings, the page's dates as .Date, .Lastmod,
// .PublishDate and .ExpiryDate give them (where set), and the params: map
// on top. A key of params: wins over a front matter key of the same name,
// as in Hugo, so a page can keep a summary of its own apart from the
// one .Summary shows. A page no file makes has none. Never nil.
//
// The map is made when a template first asks for it, once per page, and
// shared by every template after: templates cannot change it.
func (p *Page) Params() map[string]any {
	if p.src == nil || p.src.File == "" {
		return map[string]any{}
	}
	if p.site == nil || p.site.world == nil {
		return p.frontParams()
	}
	cache := &p.site.world.params
	if m, ok := cache.Load(p.src); ok {
		return m.(map[string]any)
	}
	// Two templates asking at once both build it; they build the same.
	m, _ := cache.LoadOrStore(p.src, p.frontParams())
	return m.(map[string]any)
}

// Param is the page's .Params value for key, else site.toml's [params]
// one, else nil, as Hugo's .Param. A dotted key ("author.name") reaches
// into maps; a key not found as written is tried in lower case, the case
// of Hugo's names ("publishDate" finds "publishdate").
func (p *Page) Param(key string) any {
	for _, m := range [...]map[string]any{p.Params(), p.site.Params()} {
		if v, ok := lookupParam(m, key); ok {
			return v
		}
		if v, ok := lookupParam(m, strings.ToLower(key)); ok {
			return v
		}
	}
	return nil
}

func lookupParam(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(key, ".") {
		sub, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = sub[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// frontKeys are the front matter keys .Params shows, by the name Meta
// decodes them under (frontmatter.Known), with their values. Dates come
// from the page (see Params); menu is left out: it places the page in
// menus and is read through .Site.Menus.
var frontKeys = [...]struct {
	name  string
	value func(m *frontmatter.Meta) any
}{
	{"title", func(m *frontmatter.Meta) any { return m.Title }},
	{"description", func(m *frontmatter.Meta) any { return m.Description }},
	{"draft", func(m *frontmatter.Meta) any { return m.Draft }},
	{"weight", func(m *frontmatter.Meta) any { return m.Weight }},
	{"slug", func(m *frontmatter.Meta) any { return m.Slug }},
	{"url", func(m *frontmatter.Meta) any { return m.URL }},
	{"aliases", func(m *frontmatter.Meta) any { return m.Aliases }},
	{"summary", func(m *frontmatter.Meta) any { return m.Summary }},
	{"layout", func(m *frontmatter.Meta) any { return m.Layout }},
	{"type", func(m *frontmatter.Meta) any { return m.Type }},
	{"toc", func(m *frontmatter.Meta) any { return m.TOC }},
	{"image", func(m *frontmatter.Meta) any { return m.Image }},
	{"translationKey", func(m *frontmatter.Meta) any { return m.TranslationKey }},
	{"linkTitle", func(m *frontmatter.Meta) any { return m.LinkTitle }},
}

// frontParams builds the map Params returns.
func (p *Page) frontParams() map[string]any {
	m := p.meta()
	out := make(map[string]any, len(frontKeys)+len(m.Terms)+len(m.Params)+4)
	for _, k := range frontKeys {
		if _, written := m.Lines[k.name]; written {
			out[strings.ToLower(k.name)] = k.value(m)
		}
	}
	for name, t := range map[string]time.Time{
		"date": p.Date(), "lastmod": p.Lastmod(), "publishdate": p.PublishDate(), "expirydate": p.ExpiryDate(),
	} {
		if !t.IsZero() {
			out[name] = t
		}
	}
	for plural, terms := range m.Terms {
		out[strings.ToLower(plural)] = terms
	}
	for k, v := range m.Params {
		out[k] = v
	}
	return out
}
