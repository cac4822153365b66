package site

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/problem"
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
// into maps. Case is ignored, as Hugo ignores it: a key not found as
// written is found in any case ("publishDate" finds "publishdate",
// "petitionurl" finds "petitionURL").
func (p *Page) Param(key string) any {
	keys := strings.Split(key, ".")
	for _, m := range [...]map[string]any{p.Params(), p.site.Params()} {
		if v, ok := lookupParam(m, keys); ok {
			return v
		}
	}
	return nil
}

// lookupParam is the value at keys below m, each key as written or else
// in any case (foldKey).
func lookupParam(m map[string]any, keys []string) (any, bool) {
	var cur any = m
	for _, k := range keys {
		sub, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if k, ok = foldKey(sub, k); !ok {
			return nil, false
		}
		cur = sub[k]
	}
	return cur, true
}

// foldKey is key as m has it: key itself, else the first in sorted order
// of m's keys that differ from it only in case.
func foldKey(m map[string]any, key string) (string, bool) {
	if _, ok := m[key]; ok {
		return key, true
	}
	found := ""
	for k := range m {
		if strings.EqualFold(k, key) && (found == "" || k < found) {
			found = k
		}
	}
	return found, found != ""
}

// caseOnly reports whether a template's read of keys below m finds
// nothing only because of case, and then the keys as m has them. A read
// that reaches a value that is not a map has found it: what follows are
// the value's own fields and methods (.Params.date.Year).
func caseOnly(m map[string]any, keys []string) ([]string, bool) {
	var path []string
	folded := false
	for _, k := range keys {
		if m == nil {
			break
		}
		have, ok := foldKey(m, k)
		if !ok {
			return nil, false // not there in any case: an optional key
		}
		folded = folded || have != k
		path = append(path, have)
		m, _ = m[have].(map[string]any)
	}
	return path, folded
}

// checkParamKeys reports each key a template reads below .Site.Params or
// a page's .Params (layout.ParamReads) that the site has only in another
// case. Hugo finds it, as it ignores case; html/template gives nothing,
// and a campaign page with an empty petition link is worse than a build
// that names the template's line. site.toml's params are one map, so a
// read of one in the wrong case is a problem. A page's keys are only
// warnings: which pages a template runs for, and whether a partial's dot
// is a page at all, the template's text does not tell (two sections may
// each write and read photo and Photo). Reads that ask whether a key is
// there (Optional) are left alone.
func (b *builder) checkParamKeys() {
	if len(b.world.sites) == 0 {
		return
	}
	reads := b.world.sites[0].layout.ParamReads()
	read := map[string]bool{} // the page keys templates read, as "a.b", and as "file\x00a.b"
	for _, r := range reads {
		if !r.Site {
			path := strings.Join(r.Keys, ".")
			read[path], read[r.File+"\x00"+path] = true, true
		}
	}
	// A page's slip is told once, with every read that misses it.
	type slip struct {
		p         *Page
		have, top string // top: have's first key, whose line is shown
	}
	misses := map[slip][]layout.ParamRead{}
	var slips []slip
	for _, r := range reads {
		switch {
		case r.Optional:
		case r.Site:
			if pr := b.siteParamCase(r); pr != nil {
				b.problem(*pr)
			}
		default:
			pr, odd := b.pageParamCase(r, read)
			if pr != nil {
				b.warn([]problem.Problem{*pr})
			}
			for _, o := range odd {
				k := slip{o.p, strings.Join(o.have, "."), o.have[0]}
				if misses[k] == nil {
					slips = append(slips, k)
				}
				misses[k] = append(misses[k], r)
			}
		}
	}
	for _, k := range slips {
		var where []string
		for _, r := range misses[k] {
			if w := fmt.Sprintf("%s (%s:%d)", r.Text, r.File, r.Line); !slices.Contains(where, w) {
				where = append(where, w)
			}
		}
		want := strings.Join(misses[k][0].Keys, ".")
		b.warn([]problem.Problem{problemAt(k.p, paramLineKey(k.p, k.top), fmt.Sprintf("no layout reads params key %s of this page; they read %s: %s",
			k.have, want, strings.Join(where, ", ")),
			"write "+want+" for "+k.have+" in this page's front matter, as the other pages do: samizdat reads .Params keys in the case they are written, where Hugo ignores case")})
	}
}

// paramLineKey is the key of p's front matter lines (Meta.Lines) at which
// its .Params key top is written: under params: ("params.Role"), as
// nearly every key a page's .Params has only in another case is; else
// top itself, a key of the front matter's own that .Params shows (tags).
func paramLineKey(p *Page, top string) string {
	if p.src != nil && p.src.Meta.Lines["params."+top] > 0 {
		return "params." + top
	}
	return top
}

// siteParamCase is the problem with r, a read below .Site.Params, in the
// first language whose params have its keys only in another case.
func (b *builder) siteParamCase(r layout.ParamRead) *problem.Problem {
	for _, s := range b.world.sites {
		if have, ok := caseOnly(s.params, r.Keys); ok {
			if !s.writesParam(have[0]) {
				// Not site.toml's but samizdat's own default
				// (defaultMainSections).
				return &problem.Problem{File: r.File, Line: r.Line, Col: r.Col,
					Message: fmt.Sprintf("%s reads nothing: samizdat's default for the key is written %s", r.Text, strings.Join(have, ".")),
					Hint:    "write " + caseFix(have, r.Keys) + ", or set the key in site.toml's [params] in the case the layout reads it"}
			}
			return &problem.Problem{File: r.File, Line: r.Line, Col: r.Col,
				Message: fmt.Sprintf("%s reads nothing: site.toml writes the key %s", r.Text, strings.Join(have, ".")),
				Hint:    "write " + caseFix(have, r.Keys) + ": samizdat reads .Site.Params keys in the case site.toml writes them, where Hugo ignores case"}
		}
	}
	return nil
}

// writesParam reports whether site.toml's [params], or the language's,
// has key as written.
func (s *Site) writesParam(key string) bool {
	_, site := s.cfg.Params[key]
	_, lang := s.cfg.Languages[s.lang].Params[key]
	return site || lang
}

// pageParamCase warns of r, a read below a page's .Params, for the pages
// whose .Params have its keys only in another case. When no page has the
// keys as read, or fewer do than not, the template is the odd one out:
// the warning is at its line, naming the first such page. Otherwise those
// pages are returned, for a warning at their front matter: one
// campaigner's "Role:" among many "role:" is that page's slip, not the
// template's. When some pages have the keys as read, pages whose case
// another template reads (read) are left out: two sections may each
// write and read photo and Photo.
func (b *builder) pageParamCase(r layout.ParamRead, read map[string]bool) (*problem.Problem, []oddPage) {
	var odds []oddPage
	exact := 0
	for _, p := range b.pages {
		if p.src == nil || p.src.File == "" {
			continue
		}
		path, ok := caseOnly(p.Params(), r.Keys)
		switch {
		case !ok && len(path) > 0:
			exact++
		case ok:
			odds = append(odds, oddPage{p, path})
		}
	}
	odds = slices.DeleteFunc(odds, func(o oddPage) bool {
		have := strings.Join(o.have, ".")
		// The same template reads that case too ({{ with .Params.photo
		// }}…{{ else }}{{ with .Params.Photo }}); or some pages have the
		// key as read, and another template reads the page's case: it
		// is another section's.
		return read[r.File+"\x00"+have] || exact > 0 && read[have]
	})
	if len(odds) == 0 {
		return nil, nil
	}
	if exact > len(odds) {
		return nil, odds
	}
	also := ""
	switch others := len(odds) - 1; {
	case others == 1:
		also = " (and 1 other page)"
	case others > 1:
		also = fmt.Sprintf(" (and %d other pages)", others)
	}
	return &problem.Problem{File: r.File, Line: r.Line, Col: r.Col,
		Message: fmt.Sprintf("%s reads nothing for %s%s: its .Params has the key %s", r.Text, odds[0].p.File(), also, strings.Join(odds[0].have, ".")),
		Hint: "write " + caseFix(odds[0].have, r.Keys) + " here, or write the key in one case in every page's front matter: " +
			"samizdat reads .Params keys in the case they have, where Hugo ignores case"}, nil
}

// oddPage is a page whose .Params have a key a template reads only in
// another case, have.
type oddPage struct {
	p    *Page
	have []string
}

// caseFix says which of the keys a template reads to write as the site
// has them: "petitionURL for petitionurl".
func caseFix(have, read []string) string {
	var fix []string
	for i, k := range have {
		if k != read[i] {
			fix = append(fix, k+" for "+read[i])
		}
	}
	return strings.Join(fix, ", ")
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
	date, publish := p.Date(), p.PublishDate()
	if p.undated() {
		// A list's .Date from the pages below it is not its front
		// matter's, and Hugo's .Params.date stays unset there.
		date, publish = time.Time{}, time.Time{}
	}
	for name, t := range map[string]time.Time{
		"date": date, "lastmod": p.Lastmod(), "publishdate": publish, "expirydate": p.ExpiryDate(),
	} {
		if !t.IsZero() {
			out[name] = t
		}
	}
	for plural, terms := range m.Terms {
		out[strings.ToLower(plural)] = terms
	}
	if m.MenuValue != nil {
		key := "menu" // under the name written, as Hugo keeps it
		if _, ok := m.Lines["menus"]; ok {
			key = "menus"
		}
		out[key] = m.MenuValue
	}
	for k, v := range m.Params {
		out[k] = v
	}
	return out
}
