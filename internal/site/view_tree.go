package site

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/markdown"
)

// LinkTitle is the title to link the page by, Hugo's .LinkTitle. Front
// matter has no linkTitle, so it is the Title.
func (p *Page) LinkTitle() string {
	if lt := p.meta().LinkTitle; lt != "" {
		return lt
	}
	return p.title
}

// Plain is the page's content as text: no tags, entities read, runs of
// white space made one space (for a meta description, a search index).
func (p *Page) Plain() string {
	p.readRendered(readContent)
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(markdown.StripAnchors(p.rendered.HTML)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// IsNode reports whether the page lists others: home, section, taxonomy
// or term.
func (p *Page) IsNode() bool {
	switch p.kind {
	case "home", "section", "taxonomy", "term":
		return true
	}
	return false
}

// CurrentSection is the section the page is in: the page itself for a
// home, section, taxonomy or term page, else its Parent.
func (p *Page) CurrentSection() *Page {
	if p.IsNode() || p.parent == nil {
		return p
	}
	return p.parent
}

// FirstSection is the top-level section the page is in (a taxonomy page
// for a term); the home page for the home page and pages at the root.
func (p *Page) FirstSection() *Page {
	s := p.CurrentSection()
	for s.parent != nil && s.parent.parent != nil {
		s = s.parent
	}
	if s.kind == "page" || s.kind == "404" {
		return p.site.home
	}
	return s
}

// Ancestors are the sections above the page, nearest first, ending with
// the home page.
func (p *Page) Ancestors() Pages {
	var out Pages
	for a := p.parent; a != nil; a = a.parent {
		out = append(out, a)
	}
	return out
}

// Sections are the sections directly below the page, in list order.
func (p *Page) Sections() Pages { return p.childrenOf("section") }

// IsMenuCurrent reports whether the menu entry links to this page. The
// menu's name is there for Hugo's form, {{ $.IsMenuCurrent "main" . }}.
func (p *Page) IsMenuCurrent(_ string, e *MenuEntry) bool {
	if e == nil {
		return false
	}
	if e.Page != nil {
		return p.Eq(e.Page)
	}
	return e.URL == p.url
}

// HasMenuCurrent reports whether an entry below the menu entry links to
// this page, or the entry links to a section this page is in (its own
// page is IsMenuCurrent).
func (p *Page) HasMenuCurrent(menu string, e *MenuEntry) bool {
	if e == nil {
		return false
	}
	for _, c := range e.Children {
		if p.IsMenuCurrent(menu, c) || p.HasMenuCurrent(menu, c) {
			return true
		}
	}
	return e.Page != nil && e.Page.kind == "section" && !p.Eq(e.Page) && p.InSection(e.Page)
}

// Language is one language of the site, as Hugo's .Site.Language.
type Language struct {
	Lang         string // the code, "ru"
	LanguageCode string // the code again, Hugo's other name for it
	LanguageName string // its own name from site.toml, "Русский", else the code
	Weight       int    // site.toml's weight
	// LanguageDirection is site.toml's languageDirection, "rtl" or "ltr",
	// empty where it is not set, as Hugo's.
	LanguageDirection string
	// Params is .Site.Params of the language: its [languages.X.params] over
	// the site's [params], as Hugo 0.165's .Language.Params is.
	Params map[string]any
}

// Language is the site's language.
func (s *Site) Language() Language {
	l := s.cfg.Languages[s.lang]
	return Language{Lang: s.lang, LanguageCode: s.lang, LanguageName: s.LanguageName(), Weight: l.Weight,
		LanguageDirection: l.Direction, Params: s.params}
}

// Language is the page's language, .Site.Language.
func (p *Page) Language() Language { return p.site.Language() }
