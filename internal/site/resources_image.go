package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// Hugo's image processing of a resource that is a picture: .Resize,
// .Fit, .Fill, .Crop and .Process, with Hugo's specs (package publish
// reads them and does the work). The methods are the resource type's, so
// a picture of assets/ is processed as one beside a page is.
//
// A processed picture is written beside the original, named
// NAME_hu_WORDS_HASH.EXT: portrait_hu_fill_1200x630_center_9c1e4b7a20d3f865.jpg.
// The words say what was done; the hash is of the original's bytes, the
// spec and where it is written, so no two processings share a name. Hugo
// names its own NAME_hu_HASH.EXT; the smaller copies of the srcset
// (publish.CopyName) end in -480w, never in a hash, so neither can be
// taken for the other.
//
// Only a processed picture that the site names is written: one whose
// name is in a page, a feed or another text file the build wrote.
// Processing runs when the template asks (it gives .Width and .Height),
// once a build for a picture and a spec however many pages ask at once,
// and the dev server keeps the result between builds (Cache).

// processedMark is what a processed picture's name holds before its
// words and hash.
const processedMark = "_hu_"

// processedImages is a build's processings, in its world.
type processedImages struct {
	cache *publish.ProcessCache // the dev server's, across builds; nil without
	sums  sync.Map              // *resourceFile -> [32]byte, its bytes' hash
	runs  sync.Map              // publish.ProcessKey -> *processRun
	files sync.Map              // token (words and hash) -> *processedFile
	stems sync.Map              // a processed *resourceFile -> the original's address without extension
}

// processRun is one processing, made once whichever page asks first.
type processRun struct {
	once sync.Once
	res  publish.Processed
	err  error
}

// processedFile is a processed picture at one address.
type processedFile struct {
	out    string // "people/kozlov/portrait_hu_resize_600x0_….jpg"
	source string // the original's source file, for problems
	key    [32]byte
	file   *resourceFile
}

// Resize is Hugo's: the picture scaled to the size, "600x" (600 wide),
// "x400" or "600x400".
func (r *Resource) Resize(spec string) (*Resource, error) {
	return r.process("resize", ".Resize", spec)
}

// Fit is Hugo's: the picture scaled down to fit in the box, "800x800".
func (r *Resource) Fit(spec string) (*Resource, error) { return r.process("fit", ".Fit", spec) }

// Fill is Hugo's: the picture scaled to cover the box and cut to it at
// the anchor, "1200x630 Center".
func (r *Resource) Fill(spec string) (*Resource, error) { return r.process("fill", ".Fill", spec) }

// Crop is Hugo's: the part of the picture of the size at the anchor,
// unscaled, "400x400 TopLeft".
func (r *Resource) Crop(spec string) (*Resource, error) { return r.process("crop", ".Crop", spec) }

// Process is Hugo's: an action and its spec in one, "fill 600x400 png",
// or only a turn, quality or format, "r90", "q50", "png".
func (r *Resource) Process(spec string) (*Resource, error) { return r.process("", ".Process", spec) }

// Filter is Hugo's; the filters of Hugo's images namespace are left out.
func (r *Resource) Filter(...any) (*Resource, error) {
	return nil, &resourceMistake{".Filter takes Hugo's images filters (images.Grayscale, images.Brightness …), which samizdat leaves out",
		`edit the picture itself in an image editor; .Resize, .Fit, .Fill, .Crop and .Process work, e.g. {{ (.Fill "1200x630").RelPermalink }}`}
}

// process makes the picture spec says for method; a mistake is a
// problem at the template's line.
func (r *Resource) process(action, method, spec string) (*Resource, error) {
	ps, err := publish.ParseProcessSpec(action, spec)
	if err != nil {
		e := err.(*publish.SpecError)
		return nil, &resourceMistake{method + ": " + e.Msg, e.Hint}
	}
	if err := r.processable(method); err != nil {
		return nil, err
	}
	imgs := &r.site.world.images
	key := publish.ProcessKey(imgs.sum(r.file), ps)
	res, err := imgs.run(key, r.file.data, ps)
	if err != nil {
		e := err.(*publish.SpecError)
		return nil, &resourceMistake{fmt.Sprintf("%s %q of %s: %s", method, spec, r.file.source, e.Msg), e.Hint}
	}
	f := imgs.file(r, ps, key, res)
	return &Resource{file: f.file, orig: r.orig, name: r.name, title: r.title, params: r.params, url: "/" + f.out, site: r.site, media: mediaTypeOf(f.out)}, nil
}

// processable refuses what is no picture processing reads.
func (r *Resource) processable(method string) error {
	switch {
	case r.site == nil || r.site.world == nil:
		return &resourceMistake{method + " of " + r.file.source + ": this resource belongs to no site", "process a page's picture or one of assets/"}
	case r.media.SubType == "svg+xml":
		return &resourceMistake{method + " of " + r.file.source + ": an SVG is drawn at any size and is not processed",
			`show it as it is, sized in the page: <img src="{{ .RelPermalink }}" width="600" alt="…">`}
	case r.ResourceType() != "image":
		return &resourceMistake{method + " of " + r.file.source + ": it is not a picture",
			`process pictures only: {{ range .Resources.ByType "image" }}, or {{ with .Resources.GetMatch "*.jpg" }}`}
	}
	return nil
}

// sum is the hash of f's bytes, computed once a build.
func (imgs *processedImages) sum(f *resourceFile) [32]byte {
	if s, ok := imgs.sums.Load(f); ok {
		return s.([32]byte)
	}
	s, _ := imgs.sums.LoadOrStore(f, sha256.Sum256(f.data))
	return s.([32]byte)
}

// run processes data once a build for key, whichever page asks first.
func (imgs *processedImages) run(key [32]byte, data []byte, spec publish.ProcessSpec) (publish.Processed, error) {
	v, _ := imgs.runs.LoadOrStore(key, &processRun{})
	run := v.(*processRun)
	run.once.Do(func() { run.res, run.err = publish.ProcessImage(data, key, spec, imgs.cache) })
	return run.res, run.err
}

// file is the processed picture of r for key at its address beside r,
// one for every page that asks.
func (imgs *processedImages) file(r *Resource, spec publish.ProcessSpec, key [32]byte, res publish.Processed) *processedFile {
	stem := strings.TrimSuffix(r.url, path.Ext(r.url))
	if s, ok := imgs.stems.Load(r.file); ok {
		stem = s.(string) // a processed picture processed again: named after the original
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%x\x00%s", key, stem))
	token := hex.EncodeToString(sum[:8])
	if w := spec.Words(); w != "" {
		token = w + "_" + token
	}
	if f, ok := imgs.files.Load(token); ok {
		return f.(*processedFile)
	}
	f := &resourceFile{source: r.file.source, data: res.Data}
	f.sizeOnce.Do(func() { f.width, f.height, f.sized = res.Width, res.Height, true })
	pf := &processedFile{out: strings.TrimPrefix(stem, "/") + processedMark + token + res.Ext(), source: r.file.source, key: key, file: f}
	f.outputs = []string{pf.out}
	imgs.stems.Store(f, stem) // before f can be found: a chain on it is named after the original
	v, _ := imgs.files.LoadOrStore(token, pf)
	return v.(*processedFile)
}

// writeProcessed writes the processed pictures the site names. A build
// of the dev server takes some pages from its cache, whose templates do
// not ask again: the last build's processed pictures are looked for too.
// What is written depends only on what the site's files say, so a build
// with a cache writes what one without does.
func (b *builder) writeProcessed() {
	made := map[string]*processedFile{}
	for token, f := range b.cache.lastProcessed() {
		made[token] = f
	}
	b.world.images.files.Range(func(k, v any) bool {
		made[k.(string)] = v.(*processedFile)
		return true
	})
	written := map[string]*processedFile{}
	if len(made) > 0 {
		for token := range b.namedTokens() {
			if f, ok := made[token]; ok {
				written[token] = f
			}
		}
	}
	for _, token := range slices.Sorted(maps.Keys(written)) {
		f := written[token]
		if _, taken := b.files[f.out]; taken {
			b.problem(problem.Problem{File: f.source, Message: fmt.Sprintf("a file of the site is at /%s, where the build writes a processed copy of this picture", f.out),
				Hint: "rename the site's file: names with " + processedMark + " followed by what was done are the build's processed pictures"})
			continue
		}
		b.writeAs(f.out, owner{file: f.source}, f.file.data)
		b.world.images.cache.Keep(f.key)
	}
	b.cache.keepProcessed(written)
}

// namedTokens are the processed pictures' tokens (words and hash) that
// the site's text files name, in whatever form of address: root-relative,
// absolute, escaped in JSON.
func (b *builder) namedTokens() map[string]bool {
	found := map[string]bool{}
	for name, data := range b.files {
		if !namesFiles[path.Ext(name)] {
			continue
		}
		for rest := data; ; {
			i := bytes.Index(rest, []byte(processedMark))
			if i < 0 {
				break
			}
			rest = rest[i+len(processedMark):]
			n := 0
			for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= '0' && rest[n] <= '9' || rest[n] == '_') {
				n++
			}
			found[string(rest[:n])] = true
		}
	}
	return found
}

// namesFiles are the extensions of files that may name a picture.
var namesFiles = map[string]bool{".html": true, ".htm": true, ".xml": true, ".json": true, ".js": true, ".css": true, ".txt": true, ".webmanifest": true, ".svg": true}

// lastProcessed is what the last build wrote of processed pictures, by
// token; nil without a cache.
func (c *Cache) lastProcessed() map[string]*processedFile {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.processed
}

// keepProcessed keeps what this build wrote for the next.
func (c *Cache) keepProcessed(written map[string]*processedFile) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.processed = written
}

// processCache is the processed pictures' cache; nil for a nil Cache.
func (c *Cache) processCache() *publish.ProcessCache {
	if c == nil {
		return nil
	}
	return c.processing
}
