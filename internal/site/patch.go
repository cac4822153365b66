package site

import (
	"context"
	"io/fs"
	"maps"
	"path"
	"strings"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/output"
)

// lastBuild is a good build kept by its Cache for Patch: the builder with
// its page graph, and the output it served.
type lastBuild struct {
	b   *builder
	out *output.Output
}

// keep remembers a finished build for Patch when it is good; a build with
// problems leaves nothing to patch.
func (c *Cache) keep(b *builder, out *output.Output) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = nil
	if out.OK() && b.ctx.Err() == nil {
		c.last = &lastBuild{b: b, out: out}
	}
}

// Patch is the dev server's fast path, as hugo server's fast render is
// Hugo's: after a save that changed only the markdown below the front
// matter of pages (the home page, sections, regular pages) or files of
// static/ that the last build published, it renders those pages again on
// the page graph of the last good build with this cache, finishes those
// files, and returns that build's output with them replaced. That takes
// milliseconds where a full build of a big site takes a large part of a
// second, so the campaigner sees the edit at once.
//
// paths are the changed files, slash paths from the site root. Patch
// gives up (ok false) unless every one is a published static file or the
// content file of a page of the last build whose front matter is byte for
// byte unchanged, and the
// new markdown renders without a problem, keeps every anchor the page had
// (other pages may link to them), links only to anchors that exist, and
// its template runs without a problem (for each page of a paginated
// list).
// The site is finished page by page only without fingerprints and
// portable links, as the dev server builds; otherwise Patch gives up too.
//
// Patch is not a build: other pages that show the edited pages' summaries,
// word counts or contents, the feeds and SHA256SUMS are as the last build
// made them. The caller must run Build right after, whose output replaces
// Patch's, as the dev server does; Build and Patch must not run at the
// same time on one Cache.
func Patch(ctx context.Context, cache *Cache, paths []string) (out *output.Output, ok bool) {
	if cache == nil || len(paths) == 0 {
		return nil, false
	}
	cache.mu.Lock()
	last := cache.last
	// The kept page graph is changed below; if Patch gives up half way it
	// no longer matches any output, so it is dropped until the next build.
	cache.last = nil
	cache.mu.Unlock()
	if last == nil {
		return nil, false
	}
	b := last.b
	opts := b.publishOptions()
	if !b.finishedAlone(opts) {
		return nil, false
	}
	b.ctx = ctx
	finished := map[string][]byte{} // finishing adds deploy files: only names are taken from it
	var names []string
	var pages []*Page
	var srcs []*content.Page
	for _, f := range paths {
		if out, ok := strings.CutPrefix(f, staticDir+"/"); ok {
			_, published := last.out.Files[out]
			data, ok := b.rereadStatic(f, published)
			if !ok {
				return nil, false
			}
			finished[out] = data
			names = append(names, out)
			continue
		}
		p := b.world.bySource[f]
		if p == nil || p.src == nil {
			return nil, false
		}
		src, ok := content.Reread(b.fsys, p.src, b.contentOptions())
		if !ok {
			return nil, false
		}
		pages, srcs = append(pages, p), append(srcs, src)
	}
	for i, p := range pages {
		p.src = srcs[i]
		key := b.markdownKey(p)
		b.world.markdown.Store(true) // as renderMarkdown: shortcodes run
		res, probs := p.site.conv.Convert(p.src.Body, b.markdownContext(p))
		b.world.markdown.Store(false)
		b.learnShortcodeResources() // the Build that follows may take this markdown from the cache
		if len(probs) > 0 || !keepsAnchors(res.Anchors, p.rendered.Anchors) {
			return nil, false
		}
		b.cache.markdownPut(key, markdownEntry{result: res, scratch: p.scratch}) // for the build that follows
		p.rendered, p.mdKey = res, key
	}
	for _, p := range pages {
		if len(b.brokenAnchors(p)) > 0 || ctx.Err() != nil {
			return nil, false
		}
		name := p.site.layout.Lookup(p.descriptor())
		if name == "" {
			return nil, false
		}
		// As executeTemplates does: the page, then the further pages of a
		// list whose template paged, as many as it paged. A text edit
		// that changes their number (a list paged by word count) makes a
		// page the last build did not make, and Patch gives up below; one
		// that makes fewer leaves the last build's extra pages until the
		// Build that follows.
		phase := phaseLists
		if p.kind == content.KindPage {
			phase = phasePages
		}
		b.world.phase.Store(int32(phase))
		for n, total := 1, 1; n <= total; n++ {
			e := execute(p, name, n)
			if e.prob != nil {
				return nil, false
			}
			if n == 1 {
				total = max(1, e.pages)
			}
			file := content.OutputPath(pagerURL(p.url, n))
			finished[file] = e.html
			names = append(names, file)
		}
	}
	if !b.patchImages(finished, names) {
		return nil, false
	}
	if probs := b.finishFiles(finished, opts); len(probs) > 0 {
		return nil, false
	}
	files := maps.Clone(last.out.Files)
	for _, name := range names {
		if _, ok := files[name]; !ok {
			return nil, false // a page the last build did not make
		}
		files[name] = finished[name]
	}
	out = &output.Output{Files: files}
	cache.mu.Lock()
	cache.last = &lastBuild{b: b, out: out}
	cache.mu.Unlock()
	return out, true
}

// rereadStatic reads a changed file of static/ that the last build
// published (published), as copyStatic does: a regular file, not a
// hidden one, not through a symbolic link.
func (b *builder) rereadStatic(name string, published bool) ([]byte, bool) {
	if !published || strings.HasPrefix(path.Base(name), ".") {
		return nil, false
	}
	info, err := fs.Lstat(b.fsys, name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	data, err := fs.ReadFile(b.fsys, name)
	return data, err == nil
}

// keepsAnchors reports whether every old anchor (sorted) is in anchors
// (sorted).
func keepsAnchors(anchors, old []string) bool {
	for _, id := range old {
		if !hasAnchor(anchors, id) {
			return false
		}
	}
	return true
}
