package site

import "time"

// changed is when the page's file last changed: front matter lastmod,
// else its last git commit; ok false when neither is known.
func (p *Page) changed() (t time.Time, ok bool) {
	if m := p.meta(); !m.Lastmod.IsZero() {
		return m.Lastmod, true
	}
	t, ok = p.site.world.lastmods[p.src.File]
	return t, ok
}
