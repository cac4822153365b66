package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// Cache keeps expensive pure results between builds of the same site in
// the dev server (ARCHITECTURE.md rule 4: a full rebuild with memoized
// pure steps). A nil *Cache is valid and caches nothing. Whatever is
// cached, a build's output is byte-identical to a build without a cache;
// property_test.go checks that after random edit sequences.
//
// What is kept, by key:
//   - rendered markdown, keyed by the page's source and what links and
//     shortcodes can see (markdownKey);
//   - executed templates, keyed by the layouts, the site's structure, the
//     page's own rendered markdown and, for each kind of other pages' data
//     (summaries, content, word counts, tables of contents, bundles'
//     files), that data's hash when the templates of the page's phase
//     read it in the last build (see reads), and the files of the page's
//     own bundle (bundleKey);
//   - the finished file (published and relinked) of each executed template
//     or static file, keyed by its source's key;
//   - each picture's size and smaller copies, keyed by its bytes and the
//     [images] settings (sizeImages).
type Cache struct {
	parsed *content.ParseCache // decoded content files, by path, size and time
	images *publish.ImageCache // pictures' sizes and smaller copies, by their bytes
	// processing holds the pictures templates processed, by their bytes
	// and spec; processed, by token, those the last build wrote, for the
	// pages the next one takes from the cache (resources_image.go).
	processing *publish.ProcessCache
	processed  map[string]*processedFile

	mu        sync.Mutex
	markdown  map[string]markdownEntry
	templates map[string]templateEntry
	finished  map[string]finishedEntry
	live      map[string]bool // keys the build in progress used; the rest is dropped at its end

	// reads is, per phase (pages, then lists), what templates read of
	// pages other than the one they render, as readSummary|readContent|…
	// bits: learnt by one build, used in the next one's keys.
	reads [phases]uint32
	// tmplBase and missing are the template base key of the last build and
	// the interface strings its templates missed: a template served from
	// the cache does not call T again, so its misses are carried over.
	tmplBase string
	missing  []string
	// shortcodeResources is whether a shortcode ever read another page's
	// .Resources: then every shortcode page's markdown key holds every
	// bundle's files (markdownKey). Learnt as reads are; it only grows.
	shortcodeResources bool

	last *lastBuild // the last good build, for Patch

	assets *assetCarry // what the last build published of assets/ (assets.go)
}

type markdownEntry struct {
	result  markdown.Result
	probs   []problem.Problem
	scratch *layout.Scratch // what the page's shortcodes wrote to its .Scratch (scratch.go)
}

type templateEntry struct {
	html  []byte
	prob  *problem.Problem
	pages int // how many pages the template paged the list into (.Paginator, .Paginate); 0: it did not page
}

type finishedEntry struct {
	data  []byte
	probs []problem.Problem
	sum   [32]byte // SHA-256 of data, for SHA256SUMS
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{parsed: content.NewParseCache(), images: publish.NewImageCache(), processing: publish.NewProcessCache(), markdown: map[string]markdownEntry{}, templates: map[string]templateEntry{},
		finished: map[string]finishedEntry{}, live: map[string]bool{}}
}

func (c *Cache) markdownGet(key string) (markdownEntry, bool) {
	return lookup(c, func() map[string]markdownEntry { return c.markdown }, key)
}

func (c *Cache) markdownPut(key string, e markdownEntry) {
	if !e.scratch.Plain() {
		return // it may hold this build's pages: render again (scratch.go)
	}
	store(c, func() map[string]markdownEntry { return c.markdown }, key, e)
}

func (c *Cache) templateGet(key string) (templateEntry, bool) {
	return lookup(c, func() map[string]templateEntry { return c.templates }, key)
}

func (c *Cache) templatePut(key string, e templateEntry) {
	store(c, func() map[string]templateEntry { return c.templates }, key, e)
}

func (c *Cache) finishedGet(key string) (finishedEntry, bool) {
	return lookup(c, func() map[string]finishedEntry { return c.finished }, key)
}

func (c *Cache) finishedPut(key string, e finishedEntry) {
	store(c, func() map[string]finishedEntry { return c.finished }, key, e)
}

// lookup finds key in one of c's maps (m is called only when c is not
// nil) and marks it used by this build.
func lookup[V any](c *Cache, m func() map[string]V, key string) (V, bool) {
	var v V
	if c == nil {
		return v, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := m()[key]
	if ok {
		c.live[key] = true
	}
	return v, ok
}

// store puts key in one of c's maps and marks it used by this build.
func store[V any](c *Cache, m func() map[string]V, key string, v V) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m()[key] = v
	c.live[key] = true
}

// parseCache is the content files' cache; nil for a nil Cache.
func (c *Cache) parseCache() *content.ParseCache {
	if c == nil {
		return nil
	}
	return c.parsed
}

// prune drops what the build that just ended did not use, so the cache
// holds one site's worth.
func (c *Cache) prune() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	dropUnused(c.markdown, c.live)
	dropUnused(c.templates, c.live)
	dropUnused(c.finished, c.live)
	c.live = map[string]bool{}
	c.images.Prune()
	c.processing.Prune()
}

// imageCache is the pictures' cache; nil for a nil Cache.
func (c *Cache) imageCache() *publish.ImageCache {
	if c == nil {
		return nil
	}
	return c.images
}

func dropUnused[V any](m map[string]V, live map[string]bool) {
	for k := range m {
		if !live[k] {
			delete(m, k)
		}
	}
}

// Template phases: regular pages first, then lists (home, sections,
// taxonomies, terms), so what each reads of other pages can be told
// apart.
const (
	phasePages = iota
	phaseLists
	phases
)

// What a template read of pages other than the one it renders.
const (
	readSummary   uint32 = 1 << iota // Summary, Truncated
	readContent                      // Content
	readCount                        // WordCount, ReadingTime
	readTOC                          // TOC, TableOfContents
	readResources                    // Resources: the files of another page's bundle
	readAll       = readSummary | readContent | readCount | readTOC | readResources
)

// noteRead records that a template read rendered data of page p. Reads of
// the page being rendered (its own copy, self) are part of its own key;
// reads of any other page go into the phase's bits.
func (p *Page) noteRead(bit uint32) {
	if p.self || p.site == nil || p.site.world == nil {
		return
	}
	w := p.site.world
	w.reads[w.phase.Load()].Or(bit)
}

// noteResourcesRead records that a template or shortcode read the
// .Resources of page p. The page's own files are in its keys already
// (bundleKey); a read of another page's makes the keys of every page of
// the phase hold every bundle's files (readResources), as noteRead does
// for other pages' content, and for shortcodes every shortcode page's
// markdown key (markdownResources).
func (p *Page) noteResourcesRead() {
	if p.self || p.site == nil || p.site.world == nil {
		return
	}
	if w := p.site.world; w.markdown.Load() {
		w.markdownResources.Store(true)
		return
	}
	p.noteRead(readResources)
}

// templateKeys computes, once per build, the parts of every template key
// that do not depend on the page.
type templateKeys struct {
	base  string // layouts, config, data, strings, the site's structure
	reads [phases]uint32
	dep   [phases]string // hashes of the other pages' data each phase's templates read
}

func (b *builder) newTemplateKeys(structure string) *templateKeys {
	h := sha256.New()
	fmt.Fprintln(h, structure)
	for _, s := range b.world.sites {
		fmt.Fprintf(h, "%s %s %v %v\n", s.lang, s.layout.Fingerprint(), s.data, s.strings)
	}
	k := &templateKeys{base: hex.EncodeToString(h.Sum(nil))}
	if b.cache != nil {
		b.cache.mu.Lock()
		k.reads = b.cache.reads
		if b.cache.tmplBase != k.base {
			k.reads = [phases]uint32{} // all will render: learn afresh
		}
		b.cache.mu.Unlock()
	}
	for ph := range k.dep {
		k.dep[ph] = b.renderedHash(k.reads[ph])
	}
	return k
}

// renderedHash hashes the kinds of rendered data in bits over all pages.
func (b *builder) renderedHash(bits uint32) string {
	if bits == 0 {
		return ""
	}
	h := sha256.New()
	if bits&readResources != 0 {
		b.world.resources.hash(h)
	}
	for _, p := range b.pages {
		r := &p.rendered
		if bits&readSummary != 0 {
			fmt.Fprintf(h, "%s\x00%t\x00", r.Summary, r.Truncated)
		}
		if bits&readContent != 0 {
			fmt.Fprintf(h, "%s\x00", p.mdKey)
		}
		if bits&readCount != 0 {
			fmt.Fprintf(h, "%d\x00", r.WordCount)
		}
		if bits&readTOC != 0 {
			fmt.Fprintf(h, "%v\x00", r.TOC)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// key is the cache key of one execution: page n of p's template.
func (k *templateKeys) key(p *Page, phase, n int) string {
	if k == nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%s\x00%s\x00%s", k.base, p.site.lang, p.url, n, p.mdKey, k.dep[phase],
		p.site.world.resources.bundleKey(p))
	return hex.EncodeToString(h.Sum(nil))
}

// learn stores what this build's templates read, for the next build's
// keys. A template served from the cache was not run, so what it read last
// time still counts: the bits only grow until the layouts or the site's
// structure change and every template runs again.
func (b *builder) learn(k *templateKeys) {
	if b.cache == nil || k == nil {
		return
	}
	b.cache.mu.Lock()
	defer b.cache.mu.Unlock()
	for ph := range b.cache.reads {
		seen := b.world.reads[ph].Load()
		if b.cache.tmplBase == k.base {
			seen |= b.cache.reads[ph]
		}
		b.cache.reads[ph] = seen
	}
	missing := b.world.missingStrings()
	if b.cache.tmplBase == k.base {
		missing = union(missing, b.cache.missing)
		for _, m := range missing {
			lang, key, _ := strings.Cut(m, "\x00")
			b.world.noteMissing(lang, key)
		}
	}
	b.cache.tmplBase, b.cache.missing = k.base, missing
}

func union(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string(nil), a...), b...) {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// phaseState is the world's record of the phase being executed and what
// its templates read of other pages.
type phaseState struct {
	phase atomic.Int32
	reads [phases]atomic.Uint32
	// markdown is set while pages' markdown is rendered, and so while
	// shortcodes run: no page's rendered data is complete then (see
	// readRendered).
	markdown atomic.Bool
	// markdownResources is set when a shortcode read another page's
	// .Resources (noteResourcesRead).
	markdownResources atomic.Bool
}

// readRendered notes a template's read of what p's markdown made, as
// noteRead does, and refuses it while pages' markdown is rendered. A
// shortcode runs then, on all cores at once: another page's summary or
// content may be half made (a data race, and output that differs from
// build to build), and the dev server's cache of the calling page's
// markdown would not know it depends on that page's text. The panic
// reaches the template as the method's error (text/template recovers
// it), so the campaigner is told at the shortcode's call.
func (p *Page) readRendered(bit uint32) {
	if p.site != nil && p.site.world != nil && p.site.world.markdown.Load() {
		panic(notRenderedYet{page: p, what: bit})
	}
	p.noteRead(bit)
	p.replayScratch()
}

// notRenderedYet is the error of a read of rendered data while shortcodes
// run.
type notRenderedYet struct {
	page *Page
	what uint32
}

func (e notRenderedYet) Error() string {
	what := map[uint32]string{readSummary: "summary", readContent: "text", readCount: "word count", readTOC: "table of contents"}[e.what]
	return fmt.Sprintf("a shortcode cannot show the %s of %s: shortcodes run while pages' markdown "+
		"is being made, before any %s is there; they can show a page's front matter", what, e.name(), what)
}

// name is the page's source file, or its address for a page no file makes.
func (e notRenderedYet) name() string {
	if e.page.src != nil {
		return e.page.src.File
	}
	return e.page.url
}

// Hint is what to do: the shortcode's template (layout.Set.Shortcode
// shows a Hint of its error as the call's).
func (e notRenderedYet) Hint() string {
	if e.what == readTOC {
		// The page asked for may be the caller or another: the hint
		// names the page's own template and says how to show another's.
		where := "the template that renders it"
		if p := e.page; p.site != nil && p.site.layout != nil {
			if name := p.site.layout.Lookup(p.descriptor()); name != "" {
				where = layout.Dir + "/" + name
			}
		}
		return fmt.Sprintf("show a table of contents from a layout, not from a shortcode: for %s on its own page, "+
			"{{ .TableOfContents }} in %s (a layout may show it only for pages with toc: true, as the campaign's do); "+
			"on another page, {{ with site.GetPage %q }}{{ .TableOfContents }}{{ end }} in that page's template", e.name(), where, e.page.url)
	}
	return "in the shortcode's template, show what the page's front matter gives instead: its .Title, .Description, " +
		".Params, or a summary written in its front matter (.Params.summary); or link to the page"
}
