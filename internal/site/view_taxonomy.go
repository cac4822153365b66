package site

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/layout"
)

// Taxonomy is one taxonomy's terms, as .Site.Taxonomies.tags gives them:
// a map from each term's key (its address segment, "press-freedom" for
// "Press freedom") to the term, as Hugo's. html/template ranges a map in
// the order of its keys, so {{ range .Site.Taxonomies.tags }} gives the
// terms A to Z, and {{ range $key, $term := … }} their keys with them;
// .Site.Taxonomies.tags.zhanaozen is one term.
type Taxonomy map[string]*Term

// Alphabetical is the terms in the order of their keys, A to Z.
func (t Taxonomy) Alphabetical() []*Term {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]*Term, len(keys))
	for i, k := range keys {
		out[i] = t[k]
	}
	return out
}

// ByCount is the terms with the most pages first, then A to Z.
func (t Taxonomy) ByCount() []*Term {
	out := t.Alphabetical()
	slices.SortStableFunc(out, func(a, b *Term) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// Count is the number of pages with the term, 0 for a term not in use.
// The term may be written as in front matter or as its key.
func (t Taxonomy) Count(term string) int { return len(t.Get(term)) }

// Get is the pages with the term, in the default order of lists (weight,
// then date, newest first, then title); nil for a term not in use.
func (t Taxonomy) Get(term string) Pages {
	if x := t[termKey(term)]; x != nil {
		return x.Pages
	}
	return nil
}

// termKey is the key of a term in its Taxonomy, and its address segment.
// Dots at either end would make a hidden folder (".NET") or one Windows
// cannot store ("Washington, D.C."), so they are dropped.
func termKey(name string) string { return strings.Trim(layout.Urlize(name), ".") }

// ListData is .Data, Hugo's name for what a taxonomy or term page lists.
type ListData struct {
	Singular string   // the taxonomy's singular name, "tag"
	Plural   string   // its plural name, "tags"
	Term     string   // on a term page, the term's key in the Taxonomy
	Terms    Taxonomy // on a taxonomy page, its terms
	Pages    Pages    // .Pages
}

// singular is the singular name of the taxonomy of a taxonomy or term
// page ("tag"), "" for other pages.
func (p *Page) singular() string {
	if p.kind != "taxonomy" && p.kind != "term" {
		return ""
	}
	for one, many := range p.site.cfg.WithDefaults().Taxonomies {
		if many == p.typ {
			return one
		}
	}
	return ""
}

// descriptor is what layout.Lookup needs to find p's template.
func (p *Page) descriptor() layout.Descriptor {
	return layout.Descriptor{Kind: p.kind, Type: p.typ, Layout: p.Layout(), Singular: p.singular()}
}

// Data is what the page lists under Hugo's .Data names. Pages is set for
// every page; the rest only for taxonomy and term pages.
func (p *Page) Data() ListData {
	d := ListData{Pages: p.children}
	if p.kind != "taxonomy" && p.kind != "term" {
		return d
	}
	d.Plural, d.Singular = p.typ, p.singular()
	if p.kind == "taxonomy" {
		d.Terms = p.site.taxonomies[p.typ]
	} else {
		d.Term = path.Base(p.url)
	}
	return d
}

// Name is Hugo's .Name of a page: on a term page the term as its pages
// write it ("Press freedom"), whatever title front matter gives the page;
// on any other page its title. Hugo 0.165's pageMeta.Name does the same
// (a term's unnormalized path name, else the title); PaperMod's terms list
// and breadcrumbs read it.
func (p *Page) Name() string {
	if p.kind == "term" {
		if t := p.site.taxonomies[p.typ][path.Base(p.url)]; t != nil {
			return t.Name
		}
	}
	return p.title
}
