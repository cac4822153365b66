package site

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/publish"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// sizeImages gives the <img> of every page its picture's size, async
// decoding, lazy loading and, for JPEG and PNG pictures wider than a copy,
// a srcset of smaller copies it writes beside the picture ([images] in
// site.toml; package publish does the work). It runs on the whole site,
// before finishing, so the copies are finished, relinked and zipped like
// any other file. Decoding and scaling is the slow part: it runs on all
// cores, and with a Cache a picture whose bytes did not change is not
// read again.
func (b *builder) sizeImages() {
	opts := b.imageOptions()
	site := relink.ParseAddress(b.cfg.BaseURL)
	pages := sortedNames(b.files, ".html")
	shown := make([][]string, len(pages))
	b.workers(len(pages), func(i int) { shown[i] = publish.ImgSrcs(pages[i], b.files[pages[i]], site) })
	var pics []string
	seen := map[string]bool{}
	for _, srcs := range shown {
		for _, f := range srcs {
			if _, ok := b.files[f]; ok && !seen[f] {
				seen[f] = true
				pics = append(pics, f)
			}
		}
	}
	images := make([]publish.Image, len(pics))
	known := make([]bool, len(pics))
	cache := b.cache.imageCache()
	b.workers(len(pics), func(i int) { images[i], known[i] = publish.SizeImage(pics[i], b.files[pics[i]], opts, cache) })
	facts := map[string]publish.ImageFacts{}
	for i, f := range pics {
		if !known[i] {
			continue
		}
		fa := publish.ImageFacts{Width: images[i].Width, Height: images[i].Height}
		for _, c := range images[i].Copies {
			name := publish.CopyName(f, c.Width)
			if _, taken := b.files[name]; taken {
				continue // a file of the site's own: never written over
			}
			b.writeAs(name, b.copyOwner(f), c.Data)
			fa.CopyWidths = append(fa.CopyWidths, c.Width)
		}
		facts[f] = fa
	}
	b.imageFacts = facts
	b.rewriteImgs(pages)
}

// rewriteImgs adds to the <img> of the pages what sizeImages found. A
// page whose finishing is cached gets what it read of its pictures in
// its key, so a picture that changes refinishes the pages showing it.
func (b *builder) rewriteImgs(pages []string) {
	sizes := b.imageOptions().Sizes
	site := relink.ParseAddress(b.cfg.BaseURL)
	look := func(f string) (publish.ImageFacts, bool) { fa, ok := b.imageFacts[f]; return fa, ok }
	out := make([][]byte, len(pages))
	used := make([]string, len(pages))
	b.workers(len(pages), func(i int) { out[i], used[i] = publish.RewriteImgs(pages[i], b.files[pages[i]], look, sizes, site) })
	for i, name := range pages {
		if out[i] == nil {
			continue // the build was cancelled
		}
		b.files[name] = out[i]
		if k, ok := b.fileKeys[name]; ok && used[i] != "" {
			sum := sha256.Sum256([]byte(used[i]))
			b.fileKeys[name] = k + "\x00images:" + hex.EncodeToString(sum[:])
		}
	}
}

// patchImages does for Patch what sizeImages does, with the last build's
// pictures and any new one that needs no copies (an SVG, a small PNG):
// false when a changed file is one of the pictures, or a page shows a
// new picture that needs copies, which only a full build makes.
func (b *builder) patchImages(files map[string][]byte, names []string) bool {
	opts := b.imageOptions()
	site := relink.ParseAddress(b.cfg.BaseURL)
	noCopies := opts
	noCopies.Resize = false
	facts := b.imageFacts
	var pages []string
	for _, name := range names {
		if _, ok := facts[name]; ok {
			return false
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, f := range publish.ImgSrcs(name, files[name], site) {
			if _, ok := facts[f]; ok || b.files[f] == nil {
				continue
			}
			im, ok := publish.SizeImage(f, b.files[f], noCopies, nil)
			if !ok {
				continue
			}
			if publish.NeedsCopies(f, im, opts) {
				return false
			}
			facts = maps.Clone(facts)
			facts[f] = publish.ImageFacts{Width: im.Width, Height: im.Height}
		}
		pages = append(pages, name)
	}
	look := func(f string) (publish.ImageFacts, bool) { fa, ok := facts[f]; return fa, ok }
	for _, name := range pages {
		files[name], _ = publish.RewriteImgs(name, files[name], look, opts.Sizes, site)
	}
	b.imageFacts = facts
	return true
}

// copyOwner names the source of picture f as the owner of its copies, so
// a problem found in a copy points at the file to fix.
func (b *builder) copyOwner(f string) owner {
	for _, o := range b.owners[f] {
		if o.file != "" {
			return owner{file: o.file}
		}
	}
	return owner{what: "a smaller copy of " + f}
}

func (b *builder) imageOptions() publish.ImageOptions {
	im := b.cfg.WithDefaults().Images
	return publish.ImageOptions{Resize: config.On(im.Resize), Widths: im.Widths, Sizes: im.Sizes, Quality: im.Quality}
}

// sortedNames returns the names in files ending in suffix, sorted.
func sortedNames(files map[string][]byte, suffix string) []string {
	var names []string
	for n := range files {
		if strings.HasSuffix(n, suffix) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}
