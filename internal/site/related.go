package site

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
)

// Related pages ("read also") follow Hugo's related package
// (related/inverted_index.go) and its default configuration (site.toml's
// [related], package config): an inverted index from each index's values
// (a page's tags, its year…) to the pages that have them, built once per
// list of pages in a build and searched for each page that asks.
//
// A page's score against another is Hugo's: each value they share adds
// its index's weight; the average weight of a match, on a scale from the
// lowest weight of the indices (0 at most) to the highest, must reach
// threshold divided by the number of matches. With Hugo's defaults a page
// sharing one tag (80) or the year and a tag (45, against 80/2) is
// related; one sharing only the year (10) is not. Pages are listed by the
// sum of their weights, most first, then by .PublishDate, newest first,
// then by title, as Hugo's are; then by address, where Hugo's order is
// the chance order of a Go map.
//
// Where samizdat departs from Hugo, and why:
//   - A value is read from the page only (.Params, its terms, its dates),
//     never from site.toml's [params], which Hugo's .Param falls back to:
//     a theme's site-wide keywords would relate every page to every other.
//   - A page without a date has no date value, where Hugo's is the year 1.
//   - A value written twice on one page counts once.
//   - A number or true/false counts as its text, where Hugo's index fails.
//   - Only pages in the document's language are listed, whatever list is
//     searched.
//   - Hugo's fragments (headings) and keyVals (.RelatedTo, namedSlices)
//     are not there.

// relatedCache holds a site's indexes, one for each list of pages a
// template searched, for the build. Pages render on all cores, so each
// index is built once, by the first template that asks, while the
// others wait for it.
type relatedCache struct {
	mu      sync.Mutex
	indexes []*relatedIndex
}

// relatedIndex is the inverted index of one list of pages.
type relatedIndex struct {
	once  sync.Once
	pages Pages // the list as a template gave it, kept so its array is not reused
	pub   []time.Time
	set   relatedSettings
	// postings are, for each of set.indices, each value's pages, as
	// positions in pages, in list order.
	postings []map[string][]int32
	scratch  sync.Pool // *relatedScratch
}

// relatedSettings are site.toml's [related] as a search needs them.
type relatedSettings struct {
	threshold    int
	includeNewer bool
	indices      []relatedField
	// minWeight and maxWeight bound the scale scores are normalised on:
	// from the lowest weight (0 at most) to the highest (0 at least).
	minWeight, maxWeight int
}

// relatedField is one index: where its values are on a page.
type relatedField struct {
	config.RelatedIndex
	lower bool
	date  func(*Page) time.Time // for date indices
	terms string                // a taxonomy's plural, as the site declares it
	param []string              // else the key path in .Params
}

// relatedScratch is what one search adds up, per page of the list; only
// the positions in touched are non-zero.
type relatedScratch struct {
	weight  []int
	matches []int32
	touched []int32
}

// relatedDates are the date indices Hugo has, by lower-case name.
var relatedDates = map[string]func(*Page) time.Time{
	"date":        (*Page).Date,
	"lastmod":     (*Page).Lastmod,
	"publishdate": (*Page).PublishDate,
	"expirydate":  (*Page).ExpiryDate,
}

// Related is the pages of the list related to a page, most related first,
// as Hugo's: {{ with .Site.RegularPages.Related . | first 5 }}. The
// argument is the page, or a dict of Hugo's options: "document" (the
// page) and "indices" (the names of the indices to search, all by
// default). The page itself is never listed, nor pages in another
// language; nor, unless [related] includeNewer, pages published after it.
func (ps Pages) Related(arg any) (Pages, error) {
	doc, only, err := relatedArgs(arg)
	if err != nil || doc == nil {
		return nil, err
	}
	return ps.related(doc, only)
}

// RelatedIndices is Related on the named indices only, as Hugo's
// .RelatedIndices PAGE "tags" "date" (which Hugo keeps for Related with
// a dict of "indices").
func (ps Pages) RelatedIndices(doc any, indices ...any) (Pages, error) {
	p, err := relatedDocument(doc)
	if err != nil || p == nil {
		return nil, err
	}
	names, err := relatedNames(indices)
	if err != nil {
		return nil, err
	}
	return ps.related(p, names)
}

func (ps Pages) related(doc *Page, only []string) (Pages, error) {
	if len(ps) == 0 || doc.site == nil {
		return nil, nil
	}
	idx := doc.site.related.index(ps, doc.site.cfg)
	fields, err := idx.set.pick(only)
	if err != nil {
		return nil, err
	}
	return idx.search(doc, fields), nil
}

// relatedArgs reads Related's argument: a page, or Hugo's options.
func relatedArgs(arg any) (doc *Page, only []string, err error) {
	opts, ok := arg.(map[string]any)
	if !ok {
		doc, err = relatedDocument(arg)
		return doc, nil, err
	}
	var hasDoc bool
	for _, k := range slices.Sorted(maps.Keys(opts)) {
		v := opts[k]
		switch strings.ToLower(k) {
		case "document":
			hasDoc = true
			doc, err = relatedDocument(v)
		case "indices":
			only, err = relatedNames([]any{v})
		case "namedslices":
			err = &relatedMistake{`.Related's option "namedSlices" is Hugo's, with keyVals, which samizdat does not have`,
				`pass the page as "document": its own values are searched; or list a term's pages, {{ with .Site.GetPage "/tags/oil" }}{{ range .Pages }}…{{ end }}{{ end }}`}
		case "fragments":
			err = &relatedMistake{`.Related's option "fragments" is Hugo's, for indices of headings, which samizdat does not have`,
				`remove it: samizdat matches pages on front matter values (site.toml's [related])`}
		default:
			err = &relatedMistake{fmt.Sprintf(".Related has no option %q", k), `its options are "document" (the page) and "indices" (slice "tags" "date")`}
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if !hasDoc {
		return nil, nil, &relatedMistake{`.Related's options have no "document"`,
			`give the page whose related pages to list: {{ .Site.RegularPages.Related (dict "document" . "indices" (slice "tags")) }}`}
	}
	return doc, only, nil
}

// relatedDocument is the page whose related pages are asked for; nil
// (the .Prev of the last page) has none.
func relatedDocument(v any) (*Page, error) {
	if p, ok := v.(*Page); ok || v == nil {
		return p, nil
	}
	return nil, &relatedMistake{fmt.Sprintf(".Related needs a page, got %T", v),
		"pass the page whose related pages to list, {{ .Site.RegularPages.Related . }}, or a dict of options with it as \"document\""}
}

// relatedNames reads index names: texts, or lists of them.
func relatedNames(vs []any) ([]string, error) {
	var out []string
	for _, v := range vs {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []string:
			out = append(out, v...)
		case []any:
			names, err := relatedNames(v)
			if err != nil {
				return nil, err
			}
			out = append(out, names...)
		default:
			return nil, &relatedMistake{fmt.Sprintf(".Related's indices are names, got %T", v), `write them as texts: (slice "tags" "date")`}
		}
	}
	return out, nil
}

// relatedMistake is a .Related call the build refuses: the template's
// problem is at the call's line, with the hint.
type relatedMistake struct{ msg, hint string }

func (e *relatedMistake) Error() string { return e.msg }

// Hint is what to do about it.
func (e *relatedMistake) Hint() string { return e.hint }

// index is the index of ps, built by the first call that asks for it.
// A list is the same as another when it is the same slice (the site's
// .RegularPages), else when it holds the same pages in the same order
// (what one where gives on every page): both are found here, so a
// template that searches on every page builds one index a build.
func (c *relatedCache) index(ps Pages, cfg config.Config) *relatedIndex {
	c.mu.Lock()
	idx := c.find(ps)
	if idx == nil {
		idx = &relatedIndex{pages: ps}
		c.indexes = append(c.indexes, idx)
	}
	c.mu.Unlock()
	idx.once.Do(func() { idx.build(cfg) })
	return idx
}

func (c *relatedCache) find(ps Pages) *relatedIndex {
	for _, idx := range c.indexes {
		if len(idx.pages) == len(ps) && &idx.pages[0] == &ps[0] {
			return idx // lists are never changed in place once made
		}
	}
	for _, idx := range c.indexes {
		if slices.Equal(idx.pages, ps) {
			return idx
		}
	}
	return nil
}

// build indexes every page of the list on every index.
func (idx *relatedIndex) build(cfg config.Config) {
	idx.set = newRelatedSettings(cfg)
	n := len(idx.pages)
	idx.pub = make([]time.Time, n)
	for i, p := range idx.pages {
		if p != nil {
			idx.pub[i] = p.PublishDate()
		}
	}
	idx.postings = make([]map[string][]int32, len(idx.set.indices))
	for f, field := range idx.set.indices {
		post := map[string][]int32{}
		idx.postings[f] = post
		if field.Weight == 0 {
			continue // switched off, as in Hugo
		}
		valued := 0
		for i, p := range idx.pages {
			if p == nil {
				continue
			}
			words := field.values(p)
			for _, w := range words {
				post[w] = append(post[w], int32(i))
			}
			if len(words) > 0 {
				valued++
			}
		}
		field.dropCommon(post, valued)
	}
	idx.scratch.New = func() any {
		return &relatedScratch{weight: make([]int, n), matches: make([]int32, n)}
	}
}

// dropCommon removes the values more than cardinalityThreshold percent of
// the pages with a value have, as Hugo's Finalize does.
func (f relatedField) dropCommon(post map[string][]int32, valued int) {
	if f.CardinalityThreshold == 0 || valued == 0 {
		return
	}
	for w, at := range post {
		if int(math.Ceil(float64(len(at))/float64(valued)*100)) > f.CardinalityThreshold {
			delete(post, w)
		}
	}
}

func newRelatedSettings(cfg config.Config) relatedSettings {
	cfg = cfg.WithDefaults()
	r := cfg.Related
	set := relatedSettings{threshold: *r.Threshold, includeNewer: r.IncludeNewer}
	plurals := cfg.TaxonomyPlurals()
	for _, ix := range r.Indices {
		f := relatedField{RelatedIndex: ix, lower: r.ToLower || ix.ToLower, date: relatedDates[strings.ToLower(ix.Name)]}
		if f.date == nil {
			if i := slices.IndexFunc(plurals, func(p string) bool { return strings.EqualFold(p, ix.Name) }); i >= 0 {
				f.terms = plurals[i]
			} else {
				f.param = strings.Split(ix.Name, ".")
			}
		}
		set.indices = append(set.indices, f)
		set.minWeight = min(set.minWeight, ix.Weight)
		set.maxWeight = max(set.maxWeight, ix.Weight)
	}
	return set
}

// pick is the positions of the named indices, or of all for none.
func (set relatedSettings) pick(names []string) ([]int, error) {
	if len(names) == 0 {
		out := make([]int, len(set.indices))
		for f := range out {
			out[f] = f
		}
		return out, nil
	}
	var out []int
	for _, name := range names {
		f := slices.IndexFunc(set.indices, func(f relatedField) bool { return strings.EqualFold(f.Name, name) })
		if f < 0 {
			var have []string
			for _, f := range set.indices {
				have = append(have, f.Name)
			}
			return nil, &relatedMistake{fmt.Sprintf(".Related has no index %q", name),
				fmt.Sprintf("the site's indices are %s; add one in site.toml: [[related.indices]] name = %q, with its weight", strings.Join(have, ", "), name)}
		}
		out = append(out, f)
	}
	return out, nil
}

// values are p's values of the index, each once, in the order written.
func (f relatedField) values(p *Page) []string {
	var raw []string
	switch {
	case f.date != nil:
		if t := f.date(p); !t.IsZero() {
			raw = []string{t.Format(cmp.Or(f.Pattern, "2006"))}
		}
	case f.terms != "":
		raw = p.meta().Terms[f.terms]
	default:
		if v, ok := lookupParam(p.Params(), f.param); ok {
			raw = relatedTexts(v, f.Pattern)
		}
	}
	out := make([]string, 0, len(raw))
	for _, w := range raw {
		if f.lower {
			w = strings.ToLower(w)
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// relatedTexts are the values of a .Params entry: a text, a list of
// texts, a date (by pattern), or a number or true/false as its text.
// A map has none.
func relatedTexts(v any, pattern string) []string {
	switch v := v.(type) {
	case nil, map[string]any:
		return nil
	case string:
		return []string{v}
	case []string:
		return v
	case time.Time:
		return []string{v.Format(cmp.Or(pattern, "2006"))}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, relatedTexts(e, pattern)...)
		}
		return out
	}
	return []string{fmt.Sprint(v)}
}

// search lists the pages of the index related to doc on the indices at
// fields, in Hugo's order (see the top of the file).
func (idx *relatedIndex) search(doc *Page, fields []int) Pages {
	sc := idx.scratch.Get().(*relatedScratch)
	defer idx.scratch.Put(sc)
	upper := doc.PublishDate()
	dated := !idx.set.includeNewer && !upper.IsZero()
	for _, f := range fields {
		field := idx.set.indices[f]
		for _, w := range field.values(doc) {
			for _, i := range idx.postings[f][w] {
				q := idx.pages[i]
				if q.url == doc.url || q.site != doc.site || (dated && idx.pub[i].After(upper)) {
					continue
				}
				if sc.matches[i] == 0 {
					sc.touched = append(sc.touched, i)
				}
				sc.weight[i] += field.Weight
				sc.matches[i]++
			}
		}
	}
	var found []int32
	for _, i := range sc.touched {
		m := int(sc.matches[i])
		if idx.set.norm(sc.weight[i]/m) >= idx.set.threshold/m {
			found = append(found, i)
		}
	}
	slices.SortStableFunc(found, func(a, b int32) int {
		return cmp.Or(cmp.Compare(sc.weight[b], sc.weight[a]), idx.pub[b].Compare(idx.pub[a]),
			strings.Compare(idx.pages[a].title, idx.pages[b].title), strings.Compare(idx.pages[a].url, idx.pages[b].url))
	})
	var out Pages
	for _, i := range found {
		out = append(out, idx.pages[i])
	}
	for _, i := range sc.touched {
		sc.weight[i], sc.matches[i] = 0, 0
	}
	sc.touched = sc.touched[:0]
	return out
}

// norm puts a weight on a scale of 0 to 100 between the lowest and
// highest weights of the indices, rounded, as Hugo's norm does.
func (set relatedSettings) norm(w int) int {
	if set.maxWeight == set.minWeight {
		return 0
	}
	return int(math.Floor(float64(w-set.minWeight)/float64(set.maxWeight-set.minWeight)*100 + 0.5))
}
