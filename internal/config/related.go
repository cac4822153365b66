package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Related is the [related] table: how templates' .Related finds the pages
// related to a page, with Hugo's keys and defaults (Hugo's related
// package, DefaultConfig, and the tags index its config adds when the site
// has the tag taxonomy). Unlike Hugo, where a [related] table replaces
// the whole default, a key left out keeps its default: [related] with
// only includeNewer = true still has Hugo's indices and threshold.
type Related struct {
	// Threshold is the lowest score, 0 to 100, a page needs to be listed
	// (see package site's related.go for the score). Nil means 80.
	Threshold *int `toml:"threshold"`
	// IncludeNewer lists pages published after the page too. Off, as in
	// Hugo, so that a page's "read also" list does not change each time
	// a page is added.
	IncludeNewer bool `toml:"includeNewer"`
	// ToLower matches every index's values in any case ("Oil" is "oil").
	ToLower bool `toml:"toLower"`
	// Indices are the front matter values pages are matched on. Nil means
	// Hugo's: keywords (weight 100), date (10) and, when the site has the
	// tag taxonomy, its terms (80); an empty list means none.
	Indices []RelatedIndex `toml:"indices"`
}

// RelatedIndex is one [[related.indices]] entry.
type RelatedIndex struct {
	// Name is what pages are matched on: date, lastmod, publishDate or
	// expiryDate; a taxonomy's plural (tags); else a key of the page's
	// params: ("keywords", where samizdat's front matter puts Hugo's).
	Name string `toml:"name"`
	// Weight is how much a match counts; 0 switches the index off, and a
	// negative weight counts against.
	Weight int `toml:"weight"`
	// Pattern is the Go layout a date is matched by: "2006" (the
	// default) for the year, "200601" for the month.
	Pattern string `toml:"pattern"`
	// ToLower matches this index's values in any case.
	ToLower bool `toml:"toLower"`
	// CardinalityThreshold, 1 to 100, leaves out the values more than
	// that percentage of pages have (a tag every page carries says
	// nothing of what a page is about); 0 keeps all.
	CardinalityThreshold int `toml:"cardinalityThreshold"`
	// Type is Hugo's "basic", the only kind samizdat has; Hugo's
	// "fragments" (headings) is a problem. Written for Hugo's full
	// default configuration, which sites copy.
	Type string `toml:"type"`
	// ApplyFilter is Hugo's, for fragments only; true is a problem.
	ApplyFilter bool `toml:"applyFilter"`
}

// defaultRelatedThreshold is Hugo's.
const defaultRelatedThreshold = 80

// withDefaults gives r Hugo's threshold and indices where site.toml has
// none. taxonomies are the site's, singular -> plural.
func (r Related) withDefaults(taxonomies map[string]string) Related {
	if r.Threshold == nil {
		t := defaultRelatedThreshold
		r.Threshold = &t
	}
	if r.Indices == nil {
		r.Indices = []RelatedIndex{{Name: "keywords", Weight: 100}, {Name: "date", Weight: 10}}
		// Hugo adds the index "tags" when the site has the taxonomy tag;
		// it is named here by the site's plural for it, which is where
		// the terms are.
		if plural, ok := taxonomies["tag"]; ok {
			r.Indices = append(r.Indices, RelatedIndex{Name: plural, Weight: 80})
		}
	}
	return r
}

// related checks the [related] table; taxonomies are the site's,
// singular -> plural.
func (v *validator) related(r Related, taxonomies map[string]string) {
	if t := r.Threshold; t != nil && (*t < 0 || *t > 100) {
		v.add("related.threshold", "use a number from 0 to 100; Hugo's default, 80, lists pages that share a tag",
			"related.threshold must be between 0 and 100, got %d", *t)
	}
	seen := map[string]bool{}
	for i, ix := range r.Indices {
		path := fmt.Sprintf("related.indices.#%d", i)
		name := strings.ToLower(ix.Name)
		switch {
		case ix.Name == "":
			v.add(path, `name what pages are matched on, e.g. name = "tags" (a taxonomy), "date", or a key of the pages' params:`,
				"related index %d has no name", i+1)
		case seen[name]:
			v.add(path+".name", "keep one entry for each name", "related index %q is written twice", ix.Name)
		}
		seen[name] = true
		v.relatedIndex(path, ix)
		v.relatedTaxonomy(path, ix.Name, taxonomies)
	}
}

// relatedTaxonomy refuses an index named by a taxonomy's singular, as
// Hugo's [taxonomies] tag = "tags" invites: a page's terms are under the
// plural, so name = "tag" matches no page, in Hugo as here, and the
// "read also" lists stay empty without a word.
func (v *validator) relatedTaxonomy(path, name string, taxonomies map[string]string) {
	for _, plural := range taxonomies {
		if strings.EqualFold(plural, name) {
			return
		}
	}
	for _, singular := range slices.Sorted(maps.Keys(taxonomies)) {
		if plural := taxonomies[singular]; strings.EqualFold(singular, name) {
			v.add(path+".name", fmt.Sprintf("a page's terms are matched under the taxonomy's plural: write name = %q", plural),
				"related index %q is the singular of the taxonomy %s, and matches no page", name, plural)
			return
		}
	}
}

// relatedIndex checks the keys of one [[related.indices]] entry.
func (v *validator) relatedIndex(path string, ix RelatedIndex) {
	if ix.Type != "" && !strings.EqualFold(ix.Type, "basic") {
		v.add(path+".type", `remove it: samizdat matches front matter values only (Hugo's type "basic"), not headings (Hugo's "fragments")`,
			"related index %q has type %q, which samizdat does not have", ix.Name, ix.Type)
	}
	if ix.ApplyFilter {
		v.add(path+".applyFilter", `remove it: Hugo's applyFilter is for indices of type "fragments", which samizdat does not have`,
			"related index %q has applyFilter = true", ix.Name)
	}
	if ix.CardinalityThreshold < 0 || ix.CardinalityThreshold > 100 {
		v.add(path+".cardinalityThreshold", "use a percentage from 0 to 100: 50 leaves out the values more than half of the pages have; 0 keeps all",
			"related index %q: cardinalityThreshold must be between 0 and 100, got %d", ix.Name, ix.CardinalityThreshold)
	}
	if ix.Pattern != "" && !dateLayout(ix.Pattern) {
		v.add(path+".pattern", `write a Go date layout made from the reference date 2 January 2006: "2006" matches the year, "200601" the month`,
			"related index %q: pattern %q has no part of a date in it", ix.Name, ix.Pattern)
	}
}

// dateLayout reports whether layout formats some part of a date: "YYYY"
// or "year" would give every date the same text, so every dated page
// would match every other.
func dateLayout(layout string) bool {
	a := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	b := time.Date(2011, 11, 13, 22, 14, 17, 0, time.UTC)
	return a.Format(layout) != b.Format(layout)
}
