package site

import (
	"fmt"
	"time"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// staleTranslations warns of each translation whose source, the page in
// the default language, changed after it: readers of the translation
// read the older text, and without a word nobody knows which pages to
// bring up to date. Changes are told by front matter lastmod, else the
// file's last git commit; a page with neither (a site outside git) is
// never called stale, since its date says when it happened, not when it
// was edited.
func (w *world) staleTranslations() []problem.Problem {
	var out []problem.Problem
	def := w.langs[0]
	for _, s := range w.sites[1:] {
		for _, p := range s.byURL {
			src := p.translations[def]
			if p.src == nil || p.src.File == "" || src == nil || src.src == nil || src.src.File == "" {
				continue
			}
			changed, ok := p.changed()
			srcChanged, srcOK := src.changed()
			if !ok || !srcOK || !srcChanged.After(changed) {
				continue
			}
			out = append(out, problem.Problem{File: p.src.File,
				Message: fmt.Sprintf("the page this translates, %s, changed on %s, after this translation's last change on %s",
					src.src.File, srcChanged.UTC().Format(time.DateOnly), changed.UTC().Format(time.DateOnly)),
				Hint: "bring the translation up to date, or, if nothing in it needs to change, set its lastmod to today; its readers see the older text"})
		}
	}
	problem.Sort(out)
	return out
}

// changed is when the page's file last changed: front matter lastmod,
// else its last git commit; ok false when neither is known.
func (p *Page) changed() (t time.Time, ok bool) {
	if m := p.meta(); !m.Lastmod.IsZero() {
		return m.Lastmod, true
	}
	t, ok = p.site.world.lastmods[p.src.File]
	return t, ok
}
