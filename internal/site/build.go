// Package site is the build pipeline: a pure function from a source tree
// (fs.FS) and a typed config to an in-memory Output (files and problems).
//
//	Build = load -> render markdown -> assemble -> execute templates ->
//	        generated files (feeds, sitemap, aliases, robots, chroma.css) ->
//	        static files -> check
//
// It never imports net/http, fsnotify, the dev server or the watcher, and
// never touches the real disk: `samizdat build` writes the Output, `samizdat
// serve` serves it, and both get the same bytes. A Cache passed in lets
// the dev server reuse expensive pure results (rendered markdown) between
// builds; the result is always the same as a build without one.
//
// One departure from ARCHITECTURE.md rule 4 (incremental = full rebuild
// with memoized steps): even memoized, a full build of 10 000 pages still
// walks, links and hashes every page, some 400 ms, too long for a save to
// show "at once". So the dev server first calls Patch (patch.go), which
// renders only the saved pages on the last build's page graph and shows
// them in milliseconds, and then runs Build as before. What is served in
// the end is always Build's output; Patch only shows the saved page early.
package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/idna"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/editorfile"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// Options are the per-run choices of `samizdat build` and `serve`.
type Options struct {
	Drafts  bool      // publish draft pages
	Future  bool      // publish pages dated in the future
	Expired bool      // publish pages past their expiryDate
	Now     time.Time // the build's "now" for future and expired: the clock (the CLI never takes SOURCE_DATE_EPOCH for it)
	// Portable writes explicit index.html in links to folders, so the site
	// works from file:// and object-storage REST endpoints.
	Portable bool
	// NoFingerprint keeps CSS and JS files under their own names, whatever
	// site.toml says. The dev server sets it so a stylesheet change can be
	// swapped in without a reload.
	NoFingerprint bool
	// Lastmods maps content files ("content/a.md") to when they last
	// changed, from git (package gitinfo): the Lastmod of pages whose
	// front matter has none. Nil: front matter dates only.
	Lastmods map[string]time.Time
}

// Stats counts what a build made, for the CLI's summary line.
type Stats struct {
	Pages    int // pages from content (home, sections, pages)
	Sections int
	Terms    int // taxonomy term pages
	Static   int // files copied from static/ and content bundles
}

// Result is one build: the output and its counts.
type Result struct {
	*output.Output
	Stats Stats
	// Warnings are what the site loses without being wrong, such as raw
	// HTML left out of a page: worth telling the editor, never a reason
	// not to publish.
	Warnings []problem.Problem
	// Translations lists what translators have to do: pages of the
	// default language missing in another, and translations whose source
	// changed after them. It is a to-do list, not a problem: a site may
	// publish a partial translation.
	Translations []TranslationGap
	// Sources maps each page's output file ("zhanaozen/index.html", and a
	// paged list's "news/page/2/index.html") to the content file it is
	// made from, so checks of the output can say which file to edit.
	Sources map[string]string
}

// Build builds the site in fsys with cfg. It always returns an Output;
// when Problems is not empty the Output must not be published.
func Build(ctx context.Context, fsys fs.FS, cfg config.Config, opts Options, cache *Cache) Result {
	cfg.BaseURL = asciiHost(cfg.BaseURL)
	b := &builder{ctx: ctx, fsys: fsys, cfg: cfg, opts: opts, cache: cache, files: map[string][]byte{}, owners: map[string][]owner{}, fileKeys: map[string]string{}}
	b.structure = sync.OnceValue(b.shortcodeKey)
	b.otherBundles = sync.OnceValue(b.otherBundlesKey)
	b.run()
	if b.ranAll && ctx.Err() == nil {
		// A build that stopped early (a data file that does not parse
		// stops it before any page) used little of the cache: what it did
		// not use, such as every photo's smaller copies, is still the
		// site's, and the build after the fix would make it all again
		// (seconds with large photos). One that ran to the end, problems
		// or not, drops what it did not use: else copies of a photo saved
		// again and again pile up while a broken link waits to be fixed.
		b.cache.prune()
	}
	problem.Sort(b.probs)
	problem.Sort(b.warnings)
	b.probs, b.warnings = problem.Compact(b.probs), problem.Compact(b.warnings)
	res := Result{Output: &output.Output{Files: b.files, Problems: b.probs}, Warnings: b.warnings, Stats: b.stats,
		Translations: b.translationGaps(), Sources: b.sources()}
	b.cache.keep(b, res.Output)
	return res
}

type builder struct {
	ctx   context.Context
	fsys  fs.FS
	cfg   config.Config
	opts  Options
	cache *Cache

	world *world  // the site in each language
	pages []*Page // every page to render, in a stable order

	// mdSiteKey is siteKey, computed once per build with a cache.
	mdSiteKey string
	// structure is the hash of the site's config and page graph
	// (shortcodeKey), computed at most once per build.
	structure func() string
	// otherBundles is otherBundlesKey, computed at most once per build.
	otherBundles func() string
	// fileKeys maps an output file made from a cached result to that
	// result's cache key, so its finishing can be cached too.
	fileKeys map[string]string
	// imageFacts is what sizeImages found of each picture a page shows,
	// by file; Patch reuses it.
	imageFacts map[string]publish.ImageFacts

	mu     sync.Mutex // guards files, owners, probs and warnings while workers render
	files  map[string][]byte
	owners map[string][]owner // who wrote each file, to find two that write one
	probs  problem.List
	// warnings are what the site loses without being wrong (raw HTML
	// left out of a page); they do not stop the build.
	warnings problem.List
	// pageProbs gathers template problems while pages render, one a
	// mistake rather than one a page.
	pageProbs pageProblems
	// unread is set when a data or i18n file could not be decoded.
	unread bool
	// linkAddrs are the site's addresses as links in markdown see them
	// (set by renderMarkdown).
	linkAddrs func() *addresses
	// paginated holds how many pages each list's template paged it into
	// (.Paginator, .Paginate), as executePage finds (*Page -> int, or
	// pagesUnknown when it did not run); templatesRan says it is known:
	// until then a link to a list's page/N/ is taken as there.
	paginated    sync.Map
	templatesRan bool
	// caseIndex is sourcesByLowerCase, made once (set by renderMarkdown).
	caseIndex func() map[string]string
	stats     Stats
	ranAll    bool // run went through every step (see Build's prune)
}

// run is the checklist of one build, in order.
func (b *builder) run() {
	b.load()
	if b.unread {
		// Templates read data/ and i18n/: with a file of them unread they
		// would stop on every entry they miss, burying the one mistake
		// under follow-on problems ("index of untyped nil", nine of
		// them for one unclosed quote). Its problem comes alone.
		return
	}
	b.renderMarkdown()
	b.checkImages() // before the templates, which show the share image
	b.checkParamKeys()
	b.executeTemplates()
	b.publishAssets() // what the templates asked the address of
	// Links and menus are checked once the templates have run: only then
	// is it known which lists have a page/2/ (and the page/1/ redirect).
	b.templatesRan = true
	b.checkLinks()
	b.checkMenus()
	b.writeGenerated()
	b.dropRendered()
	b.copyStatic()
	b.writeProcessed() // after the site's own files, which it must not write over
	b.checkOwners()
	b.sizeImages()
	b.finish()
	b.checkOutput()
	b.checkPages()
	b.ranAll = true
}

// dropRendered lets each page's rendered HTML and summary go once the
// templates and feeds that show them have run: a cold build would
// otherwise hold every page's markdown HTML beside its finished page
// until the end. A build with a cache keeps them, as the cache and Patch
// reuse them.
func (b *builder) dropRendered() {
	if b.cache != nil {
		return
	}
	for _, p := range b.pages {
		p.rendered.HTML, p.rendered.Summary = "", ""
	}
}

// finish makes the output deployable: image metadata stripped, assets
// minified and fingerprinted, deploy files added (package publish), then
// every internal link made page-relative so the site works from any mirror
// or sub-path (package relink).
//
// 404.html (and each language's) keeps root-relative links, under the path of baseURL: hosts
// serve it at whatever path was asked for, where a page-relative link would point nowhere.
func (b *builder) finish() {
	opts := b.publishOptions()
	if b.cache == nil || !b.finishedAlone(opts) {
		b.probs = append(b.probs, b.sourced(b.finishFiles(b.files, opts))...)
		b.files[publish.ManifestName] = publish.ManifestWith(b.files, b.checksums())
		return
	}
	b.finishCached(opts)
}

// sourced gives problems found while finishing a copied file the name of
// its source: publish names the file it was given ("img/a.png"), but the
// campaigner has static/img/a.png to fix. ps is not changed.
func (b *builder) sourced(ps []problem.Problem) []problem.Problem {
	out := slices.Clone(ps)
	for i, p := range out {
		for _, o := range b.owners[p.File] {
			if o.file != "" {
				out[i].File = o.file
				break
			}
		}
	}
	return out
}

func (b *builder) publishOptions() publish.Options {
	return publish.Options{
		Minify: config.On(b.cfg.Output.Minify),
		// A portable copy is opened from the disk, where browsers refuse
		// Subresource Integrity (file:// responses are opaque) and nothing
		// is cached: its assets keep their names and carry no integrity.
		Fingerprint: config.On(b.cfg.Output.Fingerprint) && !b.opts.NoFingerprint && !b.opts.Portable,
		BaseURL:     b.cfg.BaseURL,
	}
}

// finishedAlone reports whether each file is finished on its own.
// Fingerprints and portable links make one file's bytes depend on
// others'; without them the dev server's cache can keep finished files,
// and Patch can finish a page by itself.
func (b *builder) finishedAlone(opts publish.Options) bool {
	return !opts.Fingerprint && !b.opts.Portable
}

// checksums hashes every file on all cores, for SHA256SUMS.
func (b *builder) checksums() func(string) ([32]byte, bool) {
	names := make([]string, 0, len(b.files))
	for n := range b.files {
		names = append(names, n)
	}
	sums := make([][32]byte, len(names))
	b.workers(len(names), func(i int) { sums[i] = sha256.Sum256(b.files[names[i]]) })
	byName := make(map[string][32]byte, len(names))
	for i, n := range names {
		byName[n] = sums[i]
	}
	return func(name string) ([32]byte, bool) {
		s, ok := byName[name]
		return s, ok
	}
}

// asciiHost writes the host of baseURL in ASCII ("https://пример.рф/" ->
// "https://xn--e1afmkfd.xn--p1ai/"): html/template percent-encodes other
// characters in links, and a percent-encoded host leads nowhere.
func asciiHost(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return baseURL
	}
	host, err := idna.Lookup.ToASCII(u.Hostname())
	if err != nil || host == u.Hostname() {
		return baseURL
	}
	if port := u.Port(); port != "" {
		host += ":" + port
	}
	u.Host = host
	return u.String()
}

// basePath is the path of baseURL, the folder the site is served from:
// "/" for "https://example.org" or no baseURL, "/mirror/sub/" for
// "https://example.org/mirror/sub".
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.EscapedPath() == "" {
		return "/"
	}
	return strings.TrimSuffix(u.EscapedPath(), "/") + "/"
}

// finishFiles publishes and relinks files in place and returns the
// problems found: all of the site's, or (finishedAlone) some of them.
func (b *builder) finishFiles(files map[string][]byte, opts publish.Options) []problem.Problem {
	portable := b.opts.Portable
	out := &output.Output{Files: files}
	publish.Process(out, opts)
	notFound := map[string][]byte{}
	for name, data := range files {
		// A portable copy is opened from the disk or an object store's
		// REST endpoint, where no 404 page is served for a missing
		// address: its 404 pages are pages like the others.
		if path.Base(name) == "404.html" && !portable {
			notFound[name] = data
			delete(files, name)
		}
	}
	relink.Rewrite(files, relink.Options{Portable: portable, BaseURL: b.cfg.BaseURL})
	relink.Rewrite(notFound, relink.Options{Base: basePath(b.cfg.BaseURL), BaseURL: b.cfg.BaseURL})
	maps.Copy(files, notFound)
	return out.Problems
}

// finishCached finishes only the files whose source changed, taking the
// rest, with their problems and checksums, from the cache.
func (b *builder) finishCached(opts publish.Options) {
	optKey := fmt.Sprintf("%+v", opts)
	done := map[string]finishedEntry{}
	todo := map[string][]byte{}
	for name, data := range b.files {
		if k, ok := b.fileKeys[name]; ok {
			if e, hit := b.cache.finishedGet(k + optKey + name); hit {
				done[name] = e
				continue
			}
		}
		todo[name] = data
	}
	probs := b.finishFiles(todo, opts)
	byFile := map[string][]problem.Problem{}
	for _, p := range probs {
		byFile[p.File] = append(byFile[p.File], p)
	}
	for name, data := range todo {
		b.files[name] = data
		if k, ok := b.fileKeys[name]; ok {
			e := finishedEntry{data: data, probs: byFile[name], sum: sha256.Sum256(data)}
			b.cache.finishedPut(k+optKey+name, e)
			done[name] = e
			delete(byFile, name)
		}
	}
	for _, ps := range byFile {
		b.probs = append(b.probs, b.sourced(ps)...)
	}
	for name, e := range done {
		b.files[name] = e.data
		b.probs = append(b.probs, b.sourced(e.probs)...)
	}
	b.files[publish.ManifestName] = publish.ManifestWith(b.files, func(name string) ([32]byte, bool) {
		e, ok := done[name]
		return e.sum, ok
	})
}

func (b *builder) problem(p problem.Problem) {
	b.mu.Lock()
	b.probs = append(b.probs, p)
	b.mu.Unlock()
}

// warn records warnings; safe to call from workers.
func (b *builder) warn(ws []problem.Problem) {
	if len(ws) == 0 {
		return
	}
	b.mu.Lock()
	b.warnings = append(b.warnings, ws...)
	b.mu.Unlock()
}

// write puts a page's output file in the site. Pages are the common case:
// their owner is found from the page graph only if two files collide.
func (b *builder) write(name string, data []byte) { b.writeAs(name, owner{}, data) }

// writeAs puts a file in the site and notes who made it.
func (b *builder) writeAs(name string, o owner, data []byte) {
	b.mu.Lock()
	b.files[name] = data
	b.owners[name] = append(b.owners[name], o)
	b.mu.Unlock()
}

func (b *builder) keyFile(name, key string) {
	b.mu.Lock()
	b.fileKeys[name] = key
	b.mu.Unlock()
}

// load reads content, data and layouts and links the pages into one site
// per language.
func (b *builder) load() {
	src, probs := content.Load(b.fsys, b.contentOptions())
	b.probs = append(b.probs, probs...)
	b.warn(src.Warnings)
	data := b.loadData()
	linkedStrings := b.linkedRoot(i18nDir)
	world := &world{bySource: map[string]*Page{}, unpublished: src.Unpublished, langs: b.cfg.LanguageCodes(), lastmods: b.opts.Lastmods}
	world.images.cache = b.cache.processCache()
	world.assets = b.loadAssets()
	byLang := map[string][]*content.Page{}
	for _, p := range src.Pages {
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	for _, lang := range world.langs {
		site := newSite(b.cfg, lang, world)
		site.data = languageData(data, lang, world.langs)
		if !linkedStrings {
			site.strings, site.noStrings, world.hasStrings = b.loadStrings(lang, world.hasStrings)
			b.warn(site.missingLabels(b.stringsFile(lang)))
			b.warn(site.englishDates())
		}
		site.layout, probs = layout.Parse(b.fsys, b.layoutEnv(site))
		if lang == world.langs[0] {
			b.probs = append(b.probs, probs...) // the same layouts: report their problems once
			b.warn(site.layout.Warnings())
		}
		site.conv = markdown.New(markdown.Options{UnsafeHTML: b.cfg.Markup.Unsafe, MaxCodeBytes: b.cfg.Markup.MaxCodeBytes,
			AnchorLabel: site.label("anchor_label"), NoHeadingAnchors: !config.On(b.cfg.Markup.HeadingAnchors), ReservedIDs: site.layout.IDs()})
		world.sites = append(world.sites, site)
		b.pages = append(b.pages, site.assemble(byLang[lang], &b.probs)...)
	}
	world.linkTranslations()
	b.world = world
	b.stats.Pages = len(src.Pages)
	for _, p := range src.Pages {
		if p.Kind == content.KindSection {
			b.stats.Sections++
		}
	}
	for _, p := range b.pages {
		if p.kind == "term" {
			b.stats.Terms++
		}
	}
	for _, f := range src.Files {
		b.copyFile(f.Source, f.Output)
	}
	if len(src.Files) > 0 {
		world.resources = indexResources(b.fsys, src.Files, b.files, b.pages)
	}
	b.checkResourceMeta()
}

// contentOptions are what decides which pages exist and how files decode.
func (b *builder) contentOptions() content.Options {
	return content.Options{
		Drafts: b.opts.Drafts, Future: b.opts.Future, Expired: b.opts.Expired, Now: b.opts.Now,
		Taxonomies: b.cfg.TaxonomyPlurals(), Languages: b.cfg.LanguageCodes(), Parsed: b.cache.parseCache(),
	}
}

func (b *builder) layoutEnv(s *Site) layout.Env {
	return layout.Env{
		BaseURL:     b.cfg.BaseURL,
		Markdownify: s.markdownify,
		Translate:   s.translate,
		FormatDate:  s.formatDate,
		LangPrefix:  s.prefix(),
		Site:        s,
		Assets:      siteAssets{s},
	}
}

// workers runs fn for each index in [0,n) on all cores. The build stays
// synchronous: workers returns when every call has.
func (b *builder) workers(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		if b.ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}

// copyFile publishes a source file as is.
func (b *builder) copyFile(src, out string) {
	// A file Windows or a zip cannot hold would make a site that cannot
	// be mirrored or unpacked everywhere; pages and terms follow the
	// same rule.
	if why := content.Unportable(out); why != "" {
		b.problem(problem.Problem{File: src, Message: fmt.Sprintf("the file's web address /%s %s", out, why),
			Hint: "rename the file or its folder: use letters, digits, hyphens and dots, and no name Windows reserves (con, aux, nul, com1…)"})
		return
	}
	data, err := fs.ReadFile(b.fsys, src)
	if err != nil {
		b.problem(problem.Problem{File: src, Message: "cannot read: " + err.Error(), Hint: "check the file's permissions"})
		return
	}
	b.writeAs(out, owner{file: src}, data)
	b.stats.Static++
	if w := b.bigPhoto(src, out, data); w != nil {
		b.warn([]problem.Problem{*w})
	}
	if format := publish.Uncleaned(out, data); format != "" {
		b.warn([]problem.Problem{{File: src, Message: fmt.Sprintf("the %s picture is published as it is, with its metadata, which can say where the photo was taken, when, and with which camera", format),
			Hint: "export it as JPEG or PNG, named .jpg or .png: the build removes the metadata of those"}})
	} else if format := publish.UncleanedVideo(data); format != "" {
		b.warn([]problem.Problem{{File: src, Message: fmt.Sprintf("the %s video is published as it is, with its metadata, which can say where it was filmed, when, and with which phone", format),
			Hint: "samizdat cannot clean videos: remove the metadata before publishing it, for example with ffmpeg -i in.mp4 -map_metadata -1 -c copy out.mp4"}})
	}
	// A file whose size and modification time are the same as last build
	// needs no finishing again. Without a time (in-memory file systems)
	// there is nothing to go by.
	if info, err := fs.Stat(b.fsys, src); err == nil && !info.ModTime().IsZero() {
		b.keyFile(out, fmt.Sprintf("file:%s:%d:%d", src, info.Size(), info.ModTime().UnixNano()))
	}
}

// maxPhotoBytes is the size above which a picture gets a warning: a phone
// photo straight from the camera is 3–15 MB, a picture exported for the web
// a tenth of a megabyte or so.
const maxPhotoBytes = 1 << 20

// maxResizedBytes is maxPhotoBytes for a JPEG or PNG the build makes
// smaller copies of (one wider than a copy): phones load a copy, and docs/content.md asks for
// photos 1600 to 3000 pixels wide, which at JPEG quality 80 weigh 1 to 2
// MB; wide screens still load the photo itself.
const maxResizedBytes = 3 << 20

// bigPhoto is the warning for a picture heavy enough to keep readers
// waiting, or nil.
func (b *builder) bigPhoto(src, out string, data []byte) *problem.Problem {
	if !isPhoto(out) || len(data) <= maxPhotoBytes {
		return nil // light enough either way: no need to read its header
	}
	resized := publish.MakesCopies(out, data, b.imageOptions())
	limit, hint := maxPhotoBytes, "export it smaller before publishing: 1600 pixels wide at most, JPEG quality about 80, gives 200–400 KB"
	if resized {
		limit, hint = maxResizedBytes, "export it smaller before publishing: 3000 pixels wide at most, JPEG quality about 80; phones get the smaller copies the build makes, but wide screens load the photo itself"
	}
	if len(data) <= limit {
		return nil
	}
	return &problem.Problem{File: src, Message: fmt.Sprintf("the picture is %.1f MB: readers on slow or metered connections wait for, or pay for, every byte", float64(len(data))/1e6),
		Hint: hint}
}

// isPhoto reports a raster picture by its name.
func isPhoto(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".heic", ".tif", ".tiff", ".bmp":
		return true
	}
	return false
}

// staticDir is the folder, relative to the site root, published at the
// root of the site.
const staticDir = "static"

// copyStatic publishes static/ at the root of the site. Symbolic links
// are not followed: they could publish files from outside the site. Nor
// are dot folders (.git, whose config can hold a password, .svn, .idea),
// dotfiles (.env, .DS_Store) and editors' backups, which are never meant
// for readers; .well-known (RFC 8615: security.txt and the like) is.
func (b *builder) copyStatic() {
	const dir = staticDir
	if b.linkedRoot(dir) {
		return
	}
	err := fs.WalkDir(b.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && isNotExist(err) {
				return fs.SkipAll // a site without static files
			}
			b.problem(problem.Problem{File: p, Message: "cannot read: " + err.Error()})
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			b.problem(problem.Problem{File: p, Message: "symbolic links are not published", Hint: "copy the file into static/ instead of linking to it"})
			return nil
		}
		if d.IsDir() {
			if p != dir && hiddenStaticDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if of, ok := editorfile.ConflictCopy(d.Name()); ok {
			b.warn([]problem.Problem{content.ConflictCopy(p, of)})
			return nil
		}
		if hiddenStaticFile(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			b.problem(content.NotOrdinary(p))
			return nil
		}
		b.copyFile(p, strings.TrimPrefix(p, dir+"/")) // a file something else makes too is reported by checkOwners
		return nil
	})
	if err != nil && !isNotExist(err) {
		b.problem(problem.Problem{File: dir, Message: "cannot read the static folder: " + err.Error()})
	}
}

// hiddenStaticDir and hiddenStaticFile say which folders and files of
// static/ copyStatic leaves out (see there); links to them are checked by
// the same rule.
func hiddenStaticDir(name string) bool { return strings.HasPrefix(name, ".") && name != ".well-known" }

func hiddenStaticFile(name string) bool {
	_, conflict := editorfile.ConflictCopy(name)
	return strings.HasPrefix(name, ".") || editorfile.Temp(name) || conflict
}

// linkedRoot reports whether a top folder of the site (static, data, i18n)
// is a symbolic link, and if so reports it: reading through it could
// publish files from anywhere on the machine.
func (b *builder) linkedRoot(dir string) bool {
	info, err := fs.Lstat(b.fsys, dir)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	b.problem(problem.Problem{File: dir, Message: "symbolic links are not published",
		Hint: "make " + dir + " a real folder and copy the files into it instead of linking to them"})
	return true
}

// checkOutput looks for signs of a broken template in every HTML file:
// ZgotmplZ is html/template's mark for a value it refused as unsafe.
func (b *builder) checkOutput() {
	names := make([]string, 0, len(b.files))
	for n := range b.files {
		if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".xml") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	bad := make([]bool, len(names))
	b.workers(len(names), func(i int) { bad[i] = bytes.Contains(b.files[names[i]], []byte("ZgotmplZ")) })
	var pages map[string]*Page
	for i, n := range names {
		if !bad[i] {
			continue
		}
		if pages == nil {
			pages = map[string]*Page{}
			for _, p := range b.pages {
				pages[content.OutputPath(p.url)] = p
			}
		}
		// Say which page and which template, so the campaigner knows
		// where to look: most often a front matter value (a link that is
		// not http(s) or relative) that the template puts in an attribute.
		pr := problem.Problem{File: n, Message: "the output contains ZgotmplZ: a template put an unsafe value in an attribute",
			Hint: "a URL or attribute value was refused by html/template; use a plain http(s) or relative URL, or safeURL for a value you trust"}
		if p := pages[n]; p != nil {
			if f := p.File(); f != "" {
				pr.File = f
			}
			if t := p.site.layout.Lookup(p.descriptor()); t != "" {
				pr.Message = fmt.Sprintf("%s contains ZgotmplZ: %s/%s (or a partial it calls) put an unsafe value in an attribute", n, layout.Dir, t)
				pr.Hint = "a URL or attribute value was refused by html/template: check the page's front matter values that the template uses in links; use a plain http(s) or relative URL"
			}
		}
		b.problem(pr)
	}
}

// sources maps output pages to the content files they are made from.
func (b *builder) sources() map[string]string {
	m := map[string]string{}
	for _, p := range b.pages {
		f := p.File()
		if f == "" {
			continue
		}
		m[content.OutputPath(p.url)] = f
		// A paged list's further pages show the same file's content: a
		// problem check finds there is that file's to fix too.
		for n := 2; n <= b.pagesOf(p); n++ {
			m[content.OutputPath(pageNURL(p.url, n))] = f
		}
	}
	return m
}
