package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/editorfile"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Hugo's global resources: the files of assets/ that a theme reads with
// resources.Get and links with .RelPermalink (its stylesheet, its
// scripts). As in Hugo, a file of assets/ is published only when a
// template asks for its address, at its path from assets/
// (assets/css/main.css at /css/main.css); the build then minifies and
// fingerprints it with the site's other CSS and JS when it finishes
// (package publish), so resources.Minify and resources.Fingerprint need
// not. The resources are the type of a page's .Resources (resources.go),
// matched by the same patterns.

// assetsDir is Hugo's default assetDir, beside layouts/ and static/.
const assetsDir = "assets"

// assetIndex is the files of assets/, read once a build by loadAssets,
// and what templates published of them and of the resources they made.
type assetIndex struct {
	fsys  fs.FS
	files Resources // by path; each site copies them with itself as .Site

	// bySite is each language's copy of files, with the site as .Site
	// (siteFiles), made when its templates first ask: a base layout's
	// resources.Get runs on every page.
	bySite sync.Map // *Site -> *siteFiles

	mu sync.Mutex
	// published holds each address a template asked for, with the
	// distinct files published there (two: a problem, see publishAssets).
	published map[string][]*resourceFile
}

// A resourceFile of assets/ has its path as source; one a template made,
// the function that made it ("resources.Concat").

// loadAssets reads assets/ as copyStatic reads static/: no symbolic
// links, no hidden files or editors' backups.
func (b *builder) loadAssets() *assetIndex {
	idx := &assetIndex{fsys: b.fsys, published: map[string][]*resourceFile{}}
	if b.linkedRoot(assetsDir) {
		return idx
	}
	err := fs.WalkDir(b.fsys, assetsDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p == assetsDir && isNotExist(err) {
				return fs.SkipAll // a site without assets
			}
			b.problem(problem.Problem{File: p, Message: "cannot read: " + err.Error()})
		case d.Type()&fs.ModeSymlink != 0:
			b.problem(problem.Problem{File: p, Message: "symbolic links are not read", Hint: "copy the file into assets/ instead of linking to it"})
		case d.IsDir():
			if p != assetsDir && hiddenStaticDir(d.Name()) {
				return fs.SkipDir
			}
		case hiddenStaticFile(d.Name()):
			if of, ok := editorfile.ConflictCopy(d.Name()); ok {
				b.warn([]problem.Problem{content.ConflictCopy(p, of)})
			}
		case !d.Type().IsRegular():
			b.problem(content.NotOrdinary(p))
		default:
			b.readAsset(idx, p)
		}
		return nil
	})
	if err != nil && !isNotExist(err) {
		b.problem(problem.Problem{File: assetsDir, Message: "cannot read the assets folder: " + err.Error()})
	}
	return idx
}

// readAsset adds the file p of assets/ to idx; WalkDir gives them in the
// order of their paths.
func (b *builder) readAsset(idx *assetIndex, p string) {
	data, err := fs.ReadFile(b.fsys, p)
	if err != nil {
		b.problem(problem.Problem{File: p, Message: "cannot read: " + err.Error(), Hint: "check the file's permissions"})
		return
	}
	name := strings.TrimPrefix(p, assetsDir+"/")
	idx.files = append(idx.files, newAsset(&resourceFile{source: p, data: data}, name, idx))
}

// newAsset is a resource of assets/ (or one a template made) at name, its
// path from the site's root. Its .Name has a leading slash, as Hugo's.
func newAsset(f *resourceFile, name string, idx *assetIndex) *Resource {
	return &Resource{file: f, name: "/" + name, orig: name, title: "/" + name, url: "/" + name, media: mediaTypeOf(name), assets: idx}
}

// hash writes what templates can read of assets/ to a cache key, as
// resourceIndex.hash does for pages' files.
func (idx *assetIndex) hash(w io.Writer) {
	if idx == nil {
		return
	}
	for _, r := range idx.files {
		fmt.Fprintf(w, "\nasset %s ", r.file.source)
		r.file.writeKey(w, idx.fsys)
	}
}

// writeKey writes what identifies f's bytes: its size and time, when the
// file system has times (the dev server's disk), as copyFile's key takes
// them, so a rebuild does not hash every photo; else its bytes' hash.
func (f *resourceFile) writeKey(w io.Writer, fsys fs.FS) {
	if info, err := fs.Stat(fsys, f.source); err == nil && !info.ModTime().IsZero() && info.Size() == int64(len(f.data)) {
		fmt.Fprintf(w, "%d %d", info.Size(), info.ModTime().UnixNano())
		return
	}
	fmt.Fprintf(w, "%x", sha256.Sum256(f.data))
}

// publish notes that a template asked for r's address: it is published
// there when the templates have run. Pages run in parallel, so it only
// adds to a set; what is written does not depend on their order.
func (idx *assetIndex) publish(r *Resource) {
	out := strings.TrimPrefix(r.url, "/")
	idx.mu.Lock()
	defer idx.mu.Unlock()
	for _, f := range idx.published[out] {
		if f == r.file || bytes.Equal(f.data, r.file.data) {
			return
		}
	}
	idx.published[out] = append(idx.published[out], r.file)
}

// publishAssets writes the resources templates asked the address of. A
// build of the dev server takes some pages' templates from its cache,
// which do not ask again: what the last build published is carried
// over while the templates and the site's structure (assets/ with it)
// are unchanged, as the strings T missed are (learn).
func (b *builder) publishAssets() {
	idx := b.world.assets
	if idx == nil {
		return
	}
	published := b.carryAssets(idx.published)
	for _, out := range slices.Sorted(maps.Keys(published)) {
		files := published[out]
		if len(files) > 1 {
			b.problem(problem.Problem{File: assetsDir, Message: fmt.Sprintf("templates make two different files at /%s (from %s)", out, sourcesOf(files)),
				Hint: "give each resource its own target: resources.FromString, resources.Concat and resources.ExecuteAsTemplate name the file they make, and a template that runs for every page must make the same text on each"})
			continue
		}
		f := files[0]
		if why := content.Unportable(out); why != "" {
			b.problem(problem.Problem{File: f.source, Message: fmt.Sprintf("the file's web address /%s %s", out, why),
				Hint: "rename the file or its folder: use letters, digits, hyphens and dots"})
			continue
		}
		b.writeAs(out, assetOwner(f), f.data)
	}
}

// assetOwner says who publishes f, for a problem: the file of assets/,
// or the function that made it.
func assetOwner(f *resourceFile) owner {
	if strings.HasPrefix(f.source, assetsDir+"/") {
		return owner{file: f.source}
	}
	return owner{what: "the file " + f.source + " makes"}
}

// carryAssets is published with what the last build published, when its
// templates were the same; it keeps this build's for the next.
func (b *builder) carryAssets(published map[string][]*resourceFile) map[string][]*resourceFile {
	if b.cache == nil {
		return published
	}
	b.cache.mu.Lock()
	defer b.cache.mu.Unlock()
	base := b.cache.tmplBase // this build's, set by learn
	if c := b.cache.assets; c != nil && c.base == base {
		for out, files := range c.published {
			if _, ok := published[out]; !ok {
				published[out] = files
			}
		}
	}
	b.cache.assets = &assetCarry{base: base, published: published}
	return published
}

// assetCarry is what a build of the dev server published of assets/, for
// the next (carryAssets).
type assetCarry struct {
	base      string
	published map[string][]*resourceFile
}

// sourcesOf names where files come from, for a problem.
func sourcesOf(files []*resourceFile) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.source
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), ", ")
}

// siteAssets is a language's view of assets/, the resources namespace of
// its templates (layout.Assets): its resources have it as .Site.
type siteAssets struct{ s *Site }

// index is the build's assets/; a site made by hand (in a test) has an
// empty one.
func (a siteAssets) index() *assetIndex {
	if a.s.world == nil || a.s.world.assets == nil {
		return &assetIndex{published: map[string][]*resourceFile{}}
	}
	return a.s.world.assets
}

// siteFiles is a language's copy of the files of assets/: in the order of
// their paths, and by path for Get.
type siteFiles struct {
	list   Resources
	byPath map[string]*Resource
}

// all is every file of assets/, as the site's resources, copied once a
// build for each language. Callers make new lists of it (Match, ByType)
// and never change it.
func (a siteAssets) all() *siteFiles {
	idx := a.index()
	if files, ok := idx.bySite.Load(a.s); ok {
		return files.(*siteFiles)
	}
	files := &siteFiles{list: make(Resources, len(idx.files)), byPath: make(map[string]*Resource, len(idx.files))}
	for i, r := range idx.files {
		c := *r
		c.site = a.s
		files.list[i] = &c
		files.byPath[c.orig] = &c
	}
	// Two pages asking at once make two equal copies; one is kept.
	got, _ := idx.bySite.LoadOrStore(a.s, files)
	return got.(*siteFiles)
}

// Get is the file at name, its path in assets/; nil when there is none.
// Unlike a page's .Resources.Get, letter case counts, as in Hugo's.
func (a siteAssets) Get(name string) (any, error) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if r, ok := a.all().byPath[name]; ok {
		return r, nil
	}
	return noAsset, nil
}

// noAsset is what Get and GetMatch give when no file fits, as Hugo's
// nil: {{ with }} skips it, and asking its address is a problem at the
// line, where a nil of no type would write an empty address unnoticed.
var noAsset *Resource

// GetMatch is the first file whose path matches pattern (Resources.Match).
func (a siteAssets) GetMatch(pattern string) (any, error) { return a.all().list.GetMatch(pattern) }

// Match is the files whose paths match pattern, in the order of their
// paths.
func (a siteAssets) Match(pattern string) (any, error) { return a.all().list.Match(pattern) }

// ByType is the files of one type.
func (a siteAssets) ByType(typ string) (any, error) { return a.all().list.ByType(typ), nil }

// FromString is a resource of text at target, as Hugo's.
func (a siteAssets) FromString(target, text string) (any, error) {
	return a.made(target, "resources.FromString", []byte(text))
}

// Copy is r's file at target.
func (a siteAssets) Copy(target string, r any) (any, error) {
	res, ok := r.(*Resource)
	if !ok || res == nil {
		return nil, fmt.Errorf("resources.Copy takes a resource, from resources.Get, not %T", r)
	}
	return a.made(target, "resources.Copy", res.file.data)
}

// Concat joins the resources of list, all of one media type, at target.
// Scripts are joined with a line holding ; between them, as Hugo's are,
// so one that lacks its last ; does not run into the next.
func (a siteAssets) Concat(target string, list any) (any, error) {
	rs, err := resourceList(list)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	for i, r := range rs {
		if i > 0 && r.media.Type != rs[0].media.Type {
			return nil, fmt.Errorf("resources.Concat joins files of one type, and %s is %s where %s is %s", r.orig, r.media.Type, rs[0].orig, rs[0].media.Type)
		}
		if i > 0 && r.media.Type == "text/javascript" {
			out.WriteString("\n;\n")
		}
		out.Write(r.file.data)
	}
	return a.made(target, "resources.Concat", out.Bytes())
}

// made is a resource a template made, published at target when its
// address is asked for.
func (a siteAssets) made(target, fn string, data []byte) (any, error) {
	name := strings.TrimPrefix(path.Clean("/"+target), "/")
	if name == "" || name == "." {
		return nil, fmt.Errorf("%s needs a target, the file's path on the site (\"js/bundle.js\")", fn)
	}
	r := newAsset(&resourceFile{source: fn, data: data}, name, a.index())
	r.site = a.s
	return r, nil
}

// resourceList is the resources of a list a template gives: Match's
// result, or a slice of resources.
func resourceList(list any) (Resources, error) {
	switch l := list.(type) {
	case Resources:
		return l, nil
	case []*Resource:
		return l, nil
	case []any:
		rs := make(Resources, 0, len(l))
		for _, v := range l {
			r, ok := v.(*Resource)
			if !ok || r == nil {
				return nil, fmt.Errorf("resources.Concat joins resources, and the list holds %T", v)
			}
			rs = append(rs, r)
		}
		return rs, nil
	}
	return nil, fmt.Errorf("resources.Concat takes a list of resources (resources.Match \"js/*.js\", or slice of resources.Get …), not %T", list)
}

// Data is Hugo's .Data of a resource; its Integrity, the hash Hugo's
// fingerprint gives for Subresource Integrity, is empty: samizdat writes
// no integrity (a reader's saved copy of a page could not load its
// stylesheet from the disk, and the build changes the bytes when it
// minifies them), and an integrity attribute in a layout is a problem at
// its line.
func (r *Resource) Data() map[string]any { return map[string]any{"Integrity": ""} }

// publish notes that a template asked for the address of a file of
// assets/, or one a template made; a page's own files are published
// anyway.
func (r *Resource) publish() {
	if r.assets != nil {
		r.assets.publish(r)
	}
}
