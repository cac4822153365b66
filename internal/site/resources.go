package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// Page resources: Hugo themes reach the files of a page's bundle through
// .Resources (a cover picture with its size, a gallery, PDFs to
// download). samizdat already publishes those files beside the page and
// sizes every <img>; this is the read side Hugo's templates expect. It
// follows Hugo's resources/resource/resources.go and hugolib's
// getResourcesForPage. Image processing is resources_image.go's.

// resourceIndex is the files published beside pages, by the folder they
// are in, made once a build by load from the files it read. A site with
// no such files has an empty one, and pays nothing more.
type resourceIndex struct {
	fsys   fs.FS
	byDir  map[string][]*resourceFile // "content/people/kozlov" -> its files, by source
	dirs   []string                   // the keys of byDir, sorted
	owners map[string]bool            // the folders of bundles, sections and the home page
	lists  sync.Map                   // *content.Page -> Resources, made when a template first asks

	// bundles is each owner folder's bundleKey, made when a cache key
	// first asks (hashBundles).
	bundlesOnce sync.Once
	bundles     map[string]string
}

// resourceFile is one file under content/ that is not a page. Its bytes
// are those the build publishes (read once, by load); its size, when it
// is a picture, is read from them when a template first asks.
type resourceFile struct {
	source  string   // "content/people/kozlov/portrait.jpg"
	outputs []string // where it is published, one a language: "people/kozlov/portrait.jpg"
	data    []byte

	sizeOnce      sync.Once
	width, height int
	sized         bool
}

// indexResources indexes the content files load published (their bytes
// in files, by output name) for pages.
func indexResources(fsys fs.FS, published []content.File, files map[string][]byte, pages []*Page) *resourceIndex {
	idx := &resourceIndex{fsys: fsys, byDir: map[string][]*resourceFile{}, owners: map[string]bool{}}
	for _, p := range pages {
		if d := ownFolder(p); d != "" {
			idx.owners[d] = true
		}
	}
	bySource := map[string]*resourceFile{}
	for _, f := range published {
		data, ok := files[f.Output]
		if !ok {
			continue // not published: its problem is told already
		}
		rf := bySource[f.Source]
		if rf == nil {
			rf = &resourceFile{source: f.Source, data: data}
			bySource[f.Source] = rf
			dir := path.Dir(f.Source)
			idx.byDir[dir] = append(idx.byDir[dir], rf)
		}
		rf.outputs = append(rf.outputs, f.Output)
	}
	for dir, fs := range idx.byDir {
		slices.SortFunc(fs, func(a, b *resourceFile) int { return strings.Compare(a.source, b.source) })
		idx.dirs = append(idx.dirs, dir)
	}
	slices.Sort(idx.dirs)
	return idx
}

// hash writes to a cache key what templates can read of the files: each
// one's name, addresses and bytes. A file the dev server sees with its
// size and time unchanged is taken as unchanged, as copyFile's key takes
// it, so a rebuild does not hash every photo; without a time (an
// in-memory file system) its bytes are hashed.
func (idx *resourceIndex) hash(w io.Writer) {
	if idx == nil {
		return
	}
	for _, dir := range idx.dirs {
		idx.hashDir(w, dir)
	}
}

func (idx *resourceIndex) hashDir(w io.Writer, dir string) {
	for _, f := range idx.byDir[dir] {
		fmt.Fprintf(w, "\nresource %s %v ", f.source, f.outputs)
		f.writeKey(w, idx.fsys)
	}
}

// bundleKey hashes, as hash does, the files of p's own .Resources: what
// p's templates and shortcodes read of its bundle. It is in p's cache
// keys, so an edited photo renders again only the page whose bundle holds
// it (and the pages that read other pages' .Resources: readResources).
// "" for a page with no folder of its own or no files in it.
func (idx *resourceIndex) bundleKey(p *Page) string {
	if idx == nil {
		return ""
	}
	dir := ownFolder(p)
	if dir == "" {
		return ""
	}
	idx.bundlesOnce.Do(idx.hashBundles)
	return idx.bundles[dir]
}

// hashBundles makes every owner folder's bundleKey at once: a walk over
// the folders, not one over them all for each page.
func (idx *resourceIndex) hashBundles() {
	hs := map[string]hash.Hash{}
	for _, d := range idx.dirs { // sorted: a bundle's files hash in one order
		o := idx.owner(d)
		if hs[o] == nil {
			hs[o] = sha256.New()
		}
		idx.hashDir(hs[o], d)
	}
	idx.bundles = make(map[string]string, len(hs))
	for o, h := range hs {
		idx.bundles[o] = hex.EncodeToString(h.Sum(nil))
	}
}

// Resources is the files of the page's bundle, as Hugo's .Resources: for
// a leaf bundle (index.md), the home page and a section, the files in its
// folder and in the folders below it but for those of the bundles and
// sections below (Hugo's leaf and branch bundles). Other pages have none.
// They are in Hugo's order: by .ResourceType, then by .Name.
func (p *Page) Resources() Resources {
	if p.src == nil || p.site == nil || p.site.world == nil || p.site.world.resources == nil {
		return nil
	}
	p.noteResourcesRead()
	idx := p.site.world.resources
	if rs, ok := idx.lists.Load(p.src); ok {
		return rs.(Resources)
	}
	rs, _ := idx.lists.LoadOrStore(p.src, idx.of(p))
	return rs.(Resources)
}

// ownFolder is the folder whose files are p's resources: a bundle's, a
// section's (made up for a folder or not) or the home page's; "" for
// other pages.
func ownFolder(p *Page) string {
	switch {
	case p.src == nil:
		return ""
	case p.src.Bundle || p.src.Kind == content.KindHome || p.src.Kind == content.KindSection:
		if p.src.File == "" {
			return path.Join(content.Dir, p.src.SectionDir)
		}
		return path.Dir(p.src.File)
	}
	return ""
}

// owner is the folder whose page has the files of folder d: d's own, or
// the nearest above it that has one.
func (idx *resourceIndex) owner(d string) string {
	for d != "." && d != "/" && !idx.owners[d] {
		d = path.Dir(d)
	}
	return d
}

// of makes p's resources.
func (idx *resourceIndex) of(p *Page) Resources {
	dir := ownFolder(p)
	if dir == "" {
		return nil
	}
	var files []*resourceFile
	for _, d := range idx.dirs {
		if (d == dir || strings.HasPrefix(d, dir+"/")) && idx.owner(d) == dir {
			files = append(files, idx.byDir[d]...)
		}
	}
	if len(files) == 0 {
		return nil
	}
	// A file is published beside each language's page: the page links
	// to its own language's copy.
	folder := strings.TrimPrefix(content.FolderOf(p.url), "/")
	rs := make(Resources, 0, len(files))
	for _, f := range files {
		name := strings.TrimPrefix(f.source, dir+"/")
		out := f.outputs[0]
		if i := slices.Index(f.outputs, folder+name); i >= 0 {
			out = f.outputs[i]
		}
		rs = append(rs, &Resource{file: f, name: name, orig: name, title: name, url: "/" + out, site: p.site, media: mediaTypeOf(name)})
	}
	byTypeAndName := func(a, b *Resource) int {
		return cmp.Or(strings.Compare(a.ResourceType(), b.ResourceType()), strings.Compare(a.name, b.name))
	}
	slices.SortStableFunc(rs, byTypeAndName)
	if meta := p.src.Meta.Resources; len(meta) > 0 {
		// As Hugo: names and titles given, then sorted again by them.
		assignMeta(rs, meta)
		slices.SortStableFunc(rs, byTypeAndName)
	}
	return rs
}

// assignMeta gives rs the names, titles and params of front matter
// resources, as Hugo's AssignMetadata: for each file, the first entry
// whose src matches its name and gives a name gives it (and so for the
// title); :counter is its number among the files that entry's src
// matches, in order; the params of every entry that matches add up, a
// later one's key over an earlier one's. A src that cannot be read was
// a problem when the site was loaded (checkResourceMeta).
func assignMeta(rs Resources, meta []frontmatter.ResourceMeta) {
	counters := map[string]int{}
	for _, r := range rs {
		var nameSet, titleSet bool
		var nameN, titleN int
		for _, m := range meta {
			re, err := rs.globs().compile(m.Src)
			if err != nil || !re.MatchString(globName(r.orig)) {
				continue
			}
			if !nameSet && m.Name != "" {
				r.name, nameSet = withCounter(m.Name, "name\x00"+m.Src, &nameN, counters), true
			}
			if !titleSet && m.Title != "" {
				r.title, titleSet = withCounter(m.Title, "title\x00"+m.Src, &titleN, counters), true
			}
			if len(m.Params) > 0 {
				if r.params == nil {
					r.params = map[string]any{}
				}
				maps.Copy(r.params, m.Params)
			}
		}
	}
}

// withCounter writes the file's number among the files key's src
// matched for :counter in s; n is the file's, once taken.
func withCounter(s, key string, n *int, counters map[string]int) string {
	if !strings.Contains(s, ":counter") {
		return s
	}
	if *n == 0 {
		counters[key]++
		*n = counters[key]
	}
	return strings.ReplaceAll(s, ":counter", strconv.Itoa(*n))
}

// checkResourceMeta reports a front matter resources src that cannot be
// read, at its line, and warns of one that matches none of the page's
// files: a name misspelt, or a file renamed, leaves its title unused.
func (b *builder) checkResourceMeta() {
	for _, p := range b.pages {
		if p.src == nil || len(p.src.Meta.Resources) == 0 {
			continue
		}
		rs := p.Resources()
		for _, m := range p.src.Meta.Resources {
			re, err := b.world.globs.compile(m.Src)
			if err != nil {
				b.problem(problem.Problem{File: p.src.File, Line: m.Line, Message: "resources: " + err.Error(), Hint: err.(*resourceMistake).hint})
				continue
			}
			if !slices.ContainsFunc(rs, func(r *Resource) bool { return re.MatchString(globName(r.orig)) }) {
				b.warn([]problem.Problem{{File: p.src.File, Line: m.Line,
					Message: fmt.Sprintf("resources: src %q matches none of the page's files, so its name, title and params are for nothing", m.Src),
					Hint:    "write the name of a file beside the page (" + fileNames(rs) + "), or a pattern that matches one"}})
			}
		}
	}
}

// fileNames lists rs's file names for a hint.
func fileNames(rs Resources) string {
	if len(rs) == 0 {
		return "it has none"
	}
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.orig
	}
	return strings.Join(names, ", ")
}

// Resources is a page's files, as Hugo's resource.Resources.
type Resources []*Resource

// ByType is the files of one type ("image", "application", "text",
// "video", "audio"), the first part of their .MediaType.
func (rs Resources) ByType(typ string) Resources {
	var out Resources
	for _, r := range rs {
		if r.ResourceType() == typ {
			out = append(out, r)
		}
	}
	return out
}

// Get is the file named name, in any letter case, as Hugo's .Get: by
// its name, else by its file's name when front matter renamed it; nil
// when there is none.
func (rs Resources) Get(name string) *Resource {
	for _, byFile := range []bool{false, true} {
		for _, r := range rs {
			if strings.EqualFold(r.nameFor(byFile), name) {
				return r
			}
		}
	}
	return nil
}

// nameFor is the name a pattern is matched against: the file's own, or
// the one front matter gave it.
func (r *Resource) nameFor(byFile bool) string {
	if byFile {
		return r.orig
	}
	return r.name
}

// GetMatch is the first file whose name matches pattern (see Match); nil
// when none does.
func (rs Resources) GetMatch(pattern string) (*Resource, error) {
	re, err := rs.globs().compile(pattern)
	if err != nil {
		return nil, err
	}
	for _, byFile := range []bool{false, true} {
		for _, r := range rs {
			if re.MatchString(globName(r.nameFor(byFile))) {
				return r, nil
			}
		}
	}
	return nil, nil
}

// Match is the files whose names match pattern, a glob as Hugo's
// (github.com/gobwas/glob with / as the separator): * is any run of
// characters but /, ** any run, ? one character but /, [abc], [a-z] and
// [!abc] one of a set or not, {jpg,png} one of the alternatives; letter
// case does not count. "*.jpg" is the JPEGs beside the page, "docs/*.pdf"
// those in its docs folder, "**.jpg" all of them. Names are those front
// matter gives; when none matches, the files' own, as in Hugo.
func (rs Resources) Match(pattern string) (Resources, error) {
	re, err := rs.globs().compile(pattern)
	if err != nil {
		return nil, err
	}
	var out Resources
	for _, byFile := range []bool{false, true} {
		for _, r := range rs {
			if re.MatchString(globName(r.nameFor(byFile))) {
				out = append(out, r)
			}
		}
		if len(out) > 0 {
			break
		}
	}
	return out, nil
}

// Resource is one file of a page's bundle.
type Resource struct {
	file   *resourceFile
	orig   string // its path from the bundle's folder: "portrait.jpg", "docs/a.pdf"
	name   string // orig, or the name front matter resources gives it
	title  string // orig, or the title front matter resources gives it
	params map[string]any
	url    string // root-relative: "/people/kozlov/portrait.jpg"
	site   *Site
	media  MediaType
	assets *assetIndex // for a file of assets/, which is published when its address is asked for (assets.go)
}

// Name is the file's path from the bundle's folder ("portrait.jpg",
// "docs/report.pdf"), or the name front matter resources gives it, as
// Hugo's.
func (r *Resource) Name() string { return r.name }

// Title is the title front matter resources gives the file, else its
// path from the bundle's folder, as Hugo's.
func (r *Resource) Title() string { return r.title }

// Params are the params front matter resources gives the file, keys as
// written (as a page's .Params); empty when it gives none.
func (r *Resource) Params() map[string]any {
	if r.params == nil {
		return map[string]any{}
	}
	return r.params
}

// RelPermalink is the file's root-relative address; links are made
// page-relative when the site is written, as a page's are.
func (r *Resource) RelPermalink() string {
	r.publish()
	return r.url
}

// Permalink is the file's absolute address from baseURL.
func (r *Resource) Permalink() string {
	r.publish()
	return r.site.abs(r.url)
}

// MediaType is the file's media type, by its extension.
func (r *Resource) MediaType() MediaType { return r.media }

// ResourceType is the first part of the media type ("image" for
// image/jpeg), as Hugo's.
func (r *Resource) ResourceType() string { return r.media.MainType }

// Content is the file's text, for a text file (an SVG drawn inline, a
// CSV); Hugo gives a picture's bytes too, which html/template would only
// escape.
func (r *Resource) Content() string { return string(r.file.data) }

// Width is a picture's width in pixels as the page shows it: the size
// the build writes in an <img> showing it (a photo taken sideways is
// turned). A file whose size cannot be read is a problem at the call.
func (r *Resource) Width() (int, error) {
	w, _, err := r.size(".Width")
	return w, err
}

// Height is a picture's height in pixels (see Width).
func (r *Resource) Height() (int, error) {
	_, h, err := r.size(".Height")
	return h, err
}

// size reads the picture's size from its header once, whichever page
// or language asks first: every caller gets the same numbers.
func (r *Resource) size(field string) (int, int, error) {
	f := r.file
	f.sizeOnce.Do(func() { f.width, f.height, f.sized = publish.ImageSize(f.source, f.data) })
	if f.sized {
		return f.width, f.height, nil
	}
	if r.ResourceType() != "image" {
		return 0, 0, &resourceMistake{fmt.Sprintf("%s of %s: it is not a picture", field, f.source),
			`ask a picture's size only: {{ range .Resources.ByType "image" }}, or {{ with .Resources.GetMatch "*.jpg" }}`}
	}
	return 0, 0, &resourceMistake{fmt.Sprintf("%s of %s: the build cannot read this picture's size", field, f.source),
		"save it as JPEG, PNG, GIF, WebP or SVG (an SVG with width and height, or a viewBox); if it is one, it may be damaged: export it again"}
}

// resourceMistake is a use of a page's files the build refuses: the
// template's problem is at the call's line, with the hint.
type resourceMistake struct{ msg, hint string }

func (e *resourceMistake) Error() string { return e.msg }

// Hint is what to do about it.
func (e *resourceMistake) Hint() string { return e.hint }

// MediaType is a file's media type, as Hugo's media.Type:
// {{ .MediaType }} is "image/jpeg", .MainType "image", .SubType "jpeg".
type MediaType struct {
	Type     string // "image/jpeg"
	MainType string // "image"
	SubType  string // "jpeg"
	Suffixes []string
}

func (m MediaType) String() string { return m.Type }

// mediaTypes are the types by extension: Hugo's built-in ones and what
// a campaign puts beside a page. A fixed table, not the system's
// (mime.TypeByExtension reads /etc/mime.types), so every machine builds
// the same site.
var mediaTypes = map[string]string{
	"jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "jif": "image/jpeg", "jfif": "image/jpeg",
	"png": "image/png", "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml", "avif": "image/avif",
	"bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "ico": "image/x-icon", "heic": "image/heic",
	"pdf": "application/pdf", "zip": "application/zip", "json": "application/json", "xml": "application/xml",
	"epub": "application/epub+zip", "odt": "application/vnd.oasis.opendocument.text",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "doc": "application/msword",
	"wasm": "application/wasm", "toml": "application/toml", "yaml": "application/yaml", "yml": "application/yaml",
	"txt": "text/plain", "csv": "text/csv", "html": "text/html", "htm": "text/html", "css": "text/css",
	"js": "text/javascript", "vtt": "text/vtt", "ics": "text/calendar",
	"mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "wav": "audio/wav", "m4a": "audio/mp4", "flac": "audio/flac",
	"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
	"woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
}

// mediaTypeOf is name's media type by its extension; application/octet-stream
// for one the table lacks, as Hugo gives.
func mediaTypeOf(name string) MediaType {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	typ, ok := mediaTypes[ext]
	if !ok {
		typ = "application/octet-stream"
	}
	main, sub, _ := strings.Cut(typ, "/")
	return MediaType{Type: typ, MainType: main, SubType: sub, Suffixes: mediaSuffixes[typ]}
}

// mediaSuffixes are the extensions of each type of mediaTypes, sorted:
// made once, as mediaTypeOf is asked for every file of every page.
var mediaSuffixes = func() map[string][]string {
	m := map[string][]string{}
	for ext, typ := range mediaTypes {
		m[typ] = append(m[typ], ext)
	}
	for _, exts := range m {
		slices.Sort(exts)
	}
	return m
}()

// globName is a name as a pattern is matched against it: with a leading
// slash, as Hugo adds one to both, and in lower case.
func globName(name string) string { return "/" + strings.ToLower(strings.TrimPrefix(name, "/")) }

// globCache holds the patterns of GetMatch, Match and front matter
// resources a build compiled: a theme has a few, matched on every page.
// It is the build's (world.globs), so a long dev server session does not
// keep every pattern it ever met.
type globCache struct{ m sync.Map } // pattern -> *regexp.Regexp

// compile is resourceGlob of pattern, once a build; a nil cache (a
// resource of no build) compiles it each time.
func (c *globCache) compile(pattern string) (*regexp.Regexp, error) {
	if c == nil {
		return resourceGlob(pattern)
	}
	if re, ok := c.m.Load(pattern); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := resourceGlob(pattern)
	if err == nil {
		c.m.Store(pattern, re)
	}
	return re, err
}

// globs is the cache of the build rs's files are of; nil for none.
func (rs Resources) globs() *globCache {
	if len(rs) == 0 || rs[0].site == nil || rs[0].site.world == nil {
		return nil
	}
	return &rs[0].site.world.globs
}

// resourceGlob compiles a pattern of GetMatch and Match.
func resourceGlob(pattern string) (*regexp.Regexp, error) {
	expr, _, err := globRegexp(globName(pattern), false)
	if err != nil {
		return nil, &resourceMistake{fmt.Sprintf("the pattern %q cannot be read: %v", pattern, err),
			`write a file name with * for any characters but / ("*.jpg", "cover.*"), ** for any folder too ("**.pdf"), [abc] for one of a set and {jpg,png} for one of several`}
	}
	return regexp.MustCompile("^" + expr + "$"), nil
}

// globRegexp turns glob into a regular expression, up to the end or,
// inAlt, to the , or } that ends an alternative of {…}; rest is what is
// left from there.
func globRegexp(glob string, inAlt bool) (expr, rest string, err error) {
	var b strings.Builder
	for glob != "" {
		c := glob[0]
		switch {
		case inAlt && (c == ',' || c == '}'):
			return b.String(), glob, nil
		case strings.HasPrefix(glob, "**"):
			b.WriteString(".*")
			glob = glob[2:]
			continue
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			class, n, err := globClass(glob)
			if err != nil {
				return "", "", err
			}
			b.WriteString(class)
			glob = glob[n:]
			continue
		case c == '{':
			alts, after, err := globAlternatives(glob[1:])
			if err != nil {
				return "", "", err
			}
			b.WriteString(alts)
			glob = after
			continue
		case c == '\\' && len(glob) > 1:
			glob = glob[1:]
			b.WriteString(regexp.QuoteMeta(glob[:1]))
		default:
			b.WriteString(regexp.QuoteMeta(glob[:1]))
		}
		glob = glob[1:]
	}
	if inAlt {
		return "", "", fmt.Errorf("a { without its }")
	}
	return b.String(), "", nil
}

// globAlternatives reads the alternatives after a {, up to its }.
func globAlternatives(glob string) (expr, after string, err error) {
	var alts []string
	for {
		alt, rest, err := globRegexp(glob, true)
		if err != nil {
			return "", "", err
		}
		alts = append(alts, alt)
		if rest[0] == '}' {
			return "(?:" + strings.Join(alts, "|") + ")", rest[1:], nil
		}
		glob = rest[1:]
	}
}

// globClass reads a [...] set at the start of glob: n is its length.
func globClass(glob string) (class string, n int, err error) {
	end := strings.IndexByte(glob[1:], ']')
	if end < 0 {
		return "", 0, fmt.Errorf("a [ without its ]")
	}
	body := glob[1 : end+1]
	neg := strings.HasPrefix(body, "!")
	body = strings.TrimPrefix(body, "!")
	if body == "" {
		return "", 0, fmt.Errorf("an empty []")
	}
	var b strings.Builder
	b.WriteString("[")
	if neg {
		b.WriteString("^")
	}
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '-':
			b.WriteString("-")
		case '\\', '[', ']', '^':
			b.WriteString(`\` + body[i:i+1])
		default:
			b.WriteByte(body[i])
		}
	}
	b.WriteString("]")
	if _, err := regexp.Compile(b.String()); err != nil {
		return "", 0, fmt.Errorf("the set [%s] is not a set of characters", glob[1:end+1])
	}
	return b.String(), end + 2, nil
}
