package site

import (
	"fmt"

	"github.com/samizdat-press/samizdat/internal/layout"
)

// A page's scratch pad (Hugo's .Scratch and .Store, one pad since Hugo
// 0.138) lives for one build, and two builds of the same sources give the
// same bytes although pages render on all cores at once. So who may write
// a pad, and what a reader sees, never depends on which page ran first:
//
//   - While markdown renders, the shortcodes of page P may read and write
//     P's pad through .Page.Scratch (a "hasMap" mark for P's template to
//     read: Hugo themes' common use). They run in document order, one
//     page's on one core, so P's pad is the same every build. Another
//     page's pad, which its own shortcodes may be writing at that moment,
//     is a problem at the call (scratchRefused).
//   - When markdown is done, P's pad is frozen: what P's markdown set.
//   - Each run of P's template (each page of a paged list) gets its own
//     copy of that, to read and write as it likes: its dot, $ in a partial
//     given it, and .Page in a dict are that copy. In Hugo the shortcodes
//     run when the template first reads P's content (.Content, .Summary,
//     .WordCount …), after what the template wrote until then (a theme's
//     {{ .Scratch.Set "this" dict }} in baseof, before the shortcodes'
//     SetInMap "this"): so at that first read (replayScratch), the keys
//     the run wrote get the shortcodes' writes again, in their order.
//   - Any other page's pad, read from P's template, shows only what that
//     page's markdown set, never what its template writes; writing to it
//     is a problem at the template's line (scratchRefused), as the
//     pages reading it would see the write or not by the order they ran.
//     A page reached through a list (.Site.RegularPages, .Parent) is such
//     a page even when it is the one rendering: write through the dot.
//
// .Store is .Scratch: Hugo's Store outlives a rebuild of hugo server,
// but samizdat serve builds from nothing each time. The dev server's
// cache keeps a page's pad with its rendered markdown, unless the pad
// holds more than text, numbers and lists of them (a page, a date):
// then the page's markdown renders again on every build, so the pad
// never holds a page of an older build.
//
// Hugo's hugo.Store and .Site.Store, one pad for the whole site, are
// left out: what one page's template read there would depend on the
// pages that rendered before it (see storeHint in package layout).

// Scratch is the page's scratch pad: writable on the page a template or
// shortcode renders, read-only on any other page (see above).
func (p *Page) Scratch() (*layout.Scratch, error) {
	if p.self {
		return p.scratch, nil
	}
	if p.site != nil && p.site.world != nil && p.site.world.markdown.Load() {
		return nil, scratchRefused{page: p, early: true}
	}
	p.noteRead(readContent) // the pad is what the page's markdown made: mdKey covers it
	return p.scratch.ReadOnly(scratchRefused{page: p}), nil
}

// Store is Scratch, as it is in Hugo since 0.138.
func (p *Page) Store() (*layout.Scratch, error) { return p.Scratch() }

// replayScratch gives the pad of a run of p's template the writes of p's
// shortcodes, at the run's first read of p's content (see above). An
// error panics, as readRendered's do, and so is the error of the call.
func (p *Page) replayScratch() {
	if !p.self {
		return
	}
	if err := p.scratch.Replay(); err != nil {
		panic(err)
	}
}

// ownScratch returns a copy of p that may write p's pad while p's
// markdown renders: the .Page of p's shortcodes. p's pad is made here,
// empty, when its first shortcode is about to run (markdownContext).
func (p *Page) ownScratch() *Page {
	p.scratch = layout.NewPagePad()
	own := *p
	own.self = true
	return &own
}

// Scratch is a pad of the shortcode call's own, as Hugo's: empty at each
// call.
func (s *ShortcodeData) Scratch() *layout.Scratch {
	if s.pad == nil {
		s.pad = layout.NewScratch()
	}
	return s.pad
}

// Store is Scratch, as it is in Hugo since 0.139.
func (s *ShortcodeData) Store() *layout.Scratch { return s.Scratch() }

// scratchRefused is a use of another page's pad: from a shortcode
// (early), any use; from a template, a write.
type scratchRefused struct {
	page  *Page
	early bool
}

func (e scratchRefused) Error() string {
	if e.early {
		return fmt.Sprintf("a shortcode cannot use the .Scratch (or .Store) of %s: the shortcodes of every page run at the same time, "+
			"so what it read or wrote there would change from build to build", describe(e.page))
	}
	return fmt.Sprintf("the .Scratch (or .Store) of %s can be written only by its own template and shortcodes: pages render at the same time, "+
		"so whether other pages saw the write would change from build to build", describe(e.page))
}

// Hint is what to do.
func (e scratchRefused) Hint() string {
	if e.early {
		return "a shortcode may use the pad of the page it is called from, {{ .Page.Scratch }}, and its own, {{ .Scratch }}; " +
			"to pass a value to another page, write it in that page's front matter"
	}
	return "write to the pad of the page being rendered, through the dot or $ ({{ $.Scratch.Set \"key\" value }}), " +
		"or keep the value in a pad of the template's own, {{ $s := newScratch }}; another page's .Scratch shows what its shortcodes set"
}
