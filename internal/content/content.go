// Package content walks a site's content/ folder and turns it into pages:
// front matter decoded, drafts, future and expired pages left out, URLs
// worked out, sections and leaf bundles found. It never renders markdown
// and never reads anything but the fs.FS it is given.
//
// The layout follows Hugo's:
//
//	content/_index.md              the home page
//	content/<s>/_index.md          a section (nested sections too)
//	content/<s>/<name>.md          a page
//	content/<s>/<name>/index.md    a leaf bundle: the page plus the files beside it
//
// A leaf bundle's folder is one page: another .md file in it, or in a
// folder below it, is a problem, where Hugo would keep it unpublished
// without a word. Published as a page of its own it could be notes never
// meant for readers; left out silently, a page someone meant to publish.
//
// A sync tool's conflict copy ("trial (Ana's conflicted copy …).md",
// "trial.sync-conflict-….md") is not published, and is a warning: it
// holds text that must be merged back.
//
// Pages are read only from .md files. A page saved as .markdown, .mdown,
// .mkd, .mkdn or .mdwn, or as a .txt file that opens with front matter,
// is a problem: published as it is beside the pages, it would be a
// download of its markdown, front matter and drafts included. Every other
// file (a .txt of sources too) is published as it is.
//
// A top-level folder without _index.md is still a section (titled after the
// folder); a deeper folder without one belongs to the nearest section above.
// A page whose front matter has no title is titled after its file name (a
// section or bundle after its folder), so no page is listed as a blank link.
//
// A section whose _index.md is left out (a draft, in the future, expired)
// is an embargo: every page, nested section, bundle and file below it is
// left out with it, and no section is made up in its place.
//
// Translations live beside their source: name.ru.md beside name.md,
// _index.ru.md beside _index.md, index.ru.md in a bundle. A name that ends
// in what looks like a language but is none of the site's (_index.kz.md,
// trial.RU.md, trial.de.md) is a problem, not a page of the default
// language; "report.v2.md" is just a name. The default language is at the
// root; every other language's pages are under /<code>/.
// Pages of one language form their own tree of sections, and a language
// without its own home page gets one made up, so a language switcher always
// has somewhere to go.
//
// URLs are pretty ("/a/b/" written as a/b/index.html), lower-cased and
// made of Unicode letters and digits, so a Cyrillic file name gives a
// readable URL. Two sources that claim one URL, through slug, url, aliases
// or names that differ only by case or Unicode form, are a problem that
// names every source: never "last writer wins".
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samizdat-press/samizdat/internal/editorfile"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/problem"
	"golang.org/x/text/unicode/norm"
)

// Dir is the folder, relative to the site root, that holds the content.
const Dir = "content"

// Kinds of pages that come from content files. The site adds taxonomy,
// term and 404 pages of its own.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Page is one content file, decoded but not rendered.
type Page struct {
	File     string // slash path from the site root ("content/a/b.md"); "" for a section made up for a folder
	Kind     string // KindHome, KindSection or KindPage
	Meta     frontmatter.Meta
	Body     []byte // markdown after the front matter
	BodyLine int    // lines before Body in File
	// SectionDir is the content-relative folder of the section this page
	// lists in ("" for the home page and top-level pages, "a/b" nested).
	// For a section it is the section's own folder.
	SectionDir string
	Section    string   // top-level section name; "" for the home page
	URL        string   // root-relative, "/" or "/a/b/" (or "/x.html" from a url key)
	Resources  []string // for a bundle: slash paths from the site root of the files beside it
	Bundle     bool     // a leaf bundle (index.md)
	// Lang is the page's language code; Options.Languages[0] unless the
	// file name says otherwise (name.ru.md).
	Lang string
	// TranslationKey groups a page with its translations: the front matter
	// translationKey, else the source path without its language suffix.
	TranslationKey string
	// Version and MetaVersion identify the file's content and its front
	// matter's (SHA-256 hex), so caches need not hash them again. Set only
	// when Options.Parsed is.
	Version, MetaVersion string
}

// OutputPath is the file, relative to the output root, the page is
// written to: "a/b/index.html" for "/a/b/".
func (p *Page) OutputPath() string { return OutputPath(p.URL) }

// OutputPath maps a root-relative URL to the file that serves it.
func OutputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// Options are the build flags that decide which pages exist.
type Options struct {
	Drafts  bool      // include pages with draft: true
	Future  bool      // include pages dated after Now
	Expired bool      // include pages whose expiryDate is before Now
	Now     time.Time // the build's notion of now, chosen by the caller
	// Taxonomies are the plural taxonomy names front matter may use
	// ("tags"); nil means just "tags".
	Taxonomies []string
	// Languages are the site's language codes, the default (at the root)
	// first; nil means a single language, "en".
	Languages []string
	// Parsed, when not nil, keeps decoded files between loads (the dev
	// server's rebuilds), so a file whose size and modification time are
	// unchanged is not read and decoded again.
	Parsed *ParseCache
}

// withDefaults fills in what the zero Options leave out: the taxonomy
// tags, and a single language, en.
func (o Options) withDefaults() Options {
	if o.Taxonomies == nil {
		o.Taxonomies = []string{"tags"}
	}
	if len(o.Languages) == 0 {
		o.Languages = []string{"en"}
	}
	return o
}

// File is one non-markdown file under content/ that is published as is:
// a bundle's image, or a file beside a section's pages.
type File struct {
	Source string // slash path from the site root
	Output string // slash path from the output root
}

// Site is what Load returns: the pages that exist, the files published
// beside them, and the warnings found (problems are returned apart).
type Site struct {
	Pages []*Page // home first, then sorted by File
	Files []File  // sorted by Output
	// Warnings are what pages lose without being wrong, such as a title
	// cut short by a YAML comment: the build prints them and goes on. A
	// page left out (a draft) warns too, so it is fixed before it is out.
	Warnings []problem.Problem
	// Unpublished maps each page file left out of this build to why, and
	// to where it would be. A link to one, by its file or its address,
	// is still a problem, but one that says the page is there.
	Unpublished map[string]LeftOut
}

// LeftOut is a page left out of this build.
type LeftOut struct {
	Why     string   // in words for a problem: "a draft (draft: true)"
	URL     string   // the address it would have, as Page.URL
	Aliases []string // the old addresses it would redirect from, cleaned as a page's
}

// maxFileSize is the largest content file read; a campaign page is a few
// kilobytes, and anything this big is a mistake (a pasted binary).
const maxFileSize = 8 << 20

// Load reads every page under content/ in fsys.
func Load(fsys fs.FS, opts Options) (*Site, []problem.Problem) {
	opts = opts.withDefaults()
	opts.Parsed.reset(opts.Taxonomies)
	l := &loader{fsys: fsys, opts: opts, dirs: map[string]*dirInfo{}, urlized: map[string]string{}, walked: map[string]bool{}, unpublished: map[string]LeftOut{}}
	l.walk()
	opts.Parsed.prune(l.walked)
	l.sections()
	l.urls()
	l.checkNames()
	l.checkPortable()
	l.checkClaims()
	site := &Site{}
	for _, p := range l.pages {
		site.Pages = append(site.Pages, p)
	}
	sort.Slice(site.Pages, func(i, j int) bool { return pageOrder(site.Pages[i]) < pageOrder(site.Pages[j]) })
	site.Files = l.files
	sort.Slice(site.Files, func(i, j int) bool { return site.Files[i].Output < site.Files[j].Output })
	site.Warnings = l.warnings
	site.Unpublished = l.unpublished
	return site, l.probs
}

func pageOrder(p *Page) string {
	if p.Kind == KindHome {
		return p.Lang
	}
	return "\x01" + p.Lang + "\x00" + p.SectionDir + "\x00" + p.File
}

type dirInfo struct {
	index  map[string]*Page // by language: _index.md, a section
	bundle map[string]*Page // by language: index.md, a leaf bundle
	others []string         // non-markdown files
	// leftOut says, by language, whether the folder's own page (_index.md
	// or index.md) is a draft, in the future or expired; a language
	// without its own page there is absent.
	leftOut map[string]bool
}

type loader struct {
	fsys  fs.FS
	opts  Options
	pages []*Page
	files []File
	dirs  map[string]*dirInfo // content-relative dir -> what is in it
	// walked is every markdown file found, published or not: the parse
	// cache keeps them all, so a draft is not read again every rebuild.
	walked map[string]bool

	urlized     map[string]string // name -> layout.Urlize(name), for this load
	probs       problem.List
	warnings    []problem.Problem
	unpublished map[string]LeftOut // see Site.Unpublished
}

func (l *loader) dir(d string) *dirInfo {
	if l.dirs[d] == nil {
		l.dirs[d] = &dirInfo{index: map[string]*Page{}, bundle: map[string]*Page{}, leftOut: map[string]bool{}}
	}
	return l.dirs[d]
}

// splitLang takes the language suffix off a markdown file name:
// "trial.ru.md" is ("trial.md", "ru") when ru is a site language; any
// other name is in the default language.
func (l *loader) splitLang(name string) (string, string) {
	base := strings.TrimSuffix(name, path.Ext(name))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		for _, code := range l.opts.Languages {
			if base[i+1:] == code {
				return base[:i] + path.Ext(name), code
			}
		}
	}
	return name, l.opts.Languages[0]
}

// walk reads every file under content/. Symlinks are never followed: a
// link could publish a file from outside the site (a private key, a draft
// folder), so it is a problem instead. That includes content/ itself,
// which fs.WalkDir would follow: it stats its root.
func (l *loader) walk() {
	if info, err := fs.Lstat(l.fsys, Dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		l.probs.Add(Dir, 0, 0, "symbolic links are not published",
			"make "+Dir+" a real folder and copy the files into it instead of linking to them")
		return
	}
	var files []mdFile
	err := fs.WalkDir(l.fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.probs.Add(p, 0, 0, "cannot read: "+plainErr(err), "check the file's permissions")
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != Dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && d.IsDir() || editorfile.Temp(name)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.probs.Add(p, 0, 0, "symbolic links are not published", "copy the file into the site instead of linking to it")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if of, ok := editorfile.ConflictCopy(name); ok {
			l.warnings = append(l.warnings, ConflictCopy(p, of))
			return nil
		}
		if !d.Type().IsRegular() {
			l.probs = append(l.probs, NotOrdinary(p))
			return nil
		}
		rel := strings.TrimPrefix(p, Dir+"/")
		if !strings.HasSuffix(strings.ToLower(name), ".md") {
			if l.misnamedPage(p, name) {
				l.probs.Add(p, 0, 0, "samizdat reads pages only from .md files",
					fmt.Sprintf("rename %s to %s.md", name, strings.TrimSuffix(name, path.Ext(name))))
				return nil
			}
			l.dir(path.Dir(rel)).others = append(l.dir(path.Dir(rel)).others, p)
			return nil
		}
		files = append(files, mdFile{p, rel, d})
		l.walked[p] = true
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return // a site with no content is a site with a home page only
	}
	if err != nil {
		l.probs.Add(Dir, 0, 0, "cannot read the content folder: "+plainErr(err), "")
	}
	files = l.pageFiles(files)
	// Reading and decoding is most of the work and independent per file:
	// done on all cores, then taken in walk order, so pages and problems
	// come out the same whatever finished first.
	decoded := make([]decodedFile, len(files))
	parallel(len(files), func(i int) { decoded[i] = l.decode(files[i]) })
	l.markLeftOut(files, decoded)
	for i, f := range files {
		l.read(f, decoded[i])
	}
}

// ConflictCopy is the warning for a sync tool's conflict copy p of the
// file named of, in content/ or static/. It is not
// published (a second page, or a second copy of a picture, at an address
// no one chose), but it is not skipped without a word either: it holds
// text someone wrote, which must be merged back into the file.
func ConflictCopy(p, of string) problem.Problem {
	hint := fmt.Sprintf("compare it with %s, copy into %s whatever of it should stay, then delete this copy", of, of)
	if !strings.EqualFold(path.Ext(of), ".md") {
		hint = fmt.Sprintf("keep whichever of the two is right under the name %s, and delete the other", of)
	}
	return problem.Problem{File: p, Hint: hint,
		Message: fmt.Sprintf("this is a conflict copy of %s, so it is not published: a sync tool (Dropbox, Syncthing, Nextcloud…) kept both versions when the file was changed in two places at once", of)}
}

// markdownExts are the other endings editors give markdown files. Such a
// file is a page saved under the wrong name: published as it is, it would
// be a download of its markdown, front matter and drafts included.
var markdownExts = map[string]bool{".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true, ".mdwn": true}

// misnamedPage reports whether a file that is not .md is a page all the
// same: markdown by its ending, or a .txt file (as Notepad saves one)
// that opens with front matter. Other .txt files are attachments.
func (l *loader) misnamedPage(p, name string) bool {
	ext := strings.ToLower(path.Ext(name))
	if markdownExts[ext] {
		return true
	}
	if ext != ".txt" {
		return false
	}
	f, err := l.fsys.Open(p)
	if err != nil {
		return false // the copy reports it
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(bytes.TrimLeft(head, " \t\r\n"), []byte("\n"))
	switch string(bytes.TrimSpace(first)) {
	case "---", "+++":
		return true
	}
	return false
}

// mdFile is one markdown file found by the walk.
type mdFile struct {
	p, rel string
	d      fs.DirEntry
}

// decodedFile is an mdFile read and decoded, or the problem that stopped it.
type decodedFile struct {
	f    parsedFile
	prob *problem.Problem
}

// decode reads and decodes a file, from the cache when it is unchanged.
// It runs on many goroutines: it touches nothing of the loader but its
// options.
func (l *loader) decode(m mdFile) decodedFile {
	info, err := m.d.Info()
	if err == nil && info.Size() > maxFileSize {
		return decodedFile{prob: &problem.Problem{File: m.p,
			Message: fmt.Sprintf("file is %d MB, larger than the %d MB a page may be", info.Size()>>20, maxFileSize>>20),
			Hint:    "split it into several pages, or move large files into static/"}}
	}
	if f, ok := l.opts.Parsed.get(m.p, info); ok {
		return decodedFile{f: f}
	}
	src, err := fs.ReadFile(l.fsys, m.p)
	if err != nil {
		return decodedFile{prob: &problem.Problem{File: m.p, Message: "cannot read: " + plainErr(err), Hint: "check the file's permissions"}}
	}
	f := parse(m.p, src, l.opts.Taxonomies, l.opts.Parsed != nil)
	l.opts.Parsed.put(m.p, info, f)
	return decodedFile{f: f}
}

// parallel runs fn for each index in [0,n) on all cores and returns when
// every call has.
func parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// read turns a decoded file into a page.
func (l *loader) read(m mdFile, dec decodedFile) {
	if dec.prob != nil {
		l.probs = append(l.probs, *dec.prob)
		return
	}
	p, rel, f := m.p, m.rel, dec.f
	l.probs = append(l.probs, f.probs...)
	l.warnings = append(l.warnings, f.meta.Warnings...)
	if f.empty {
		return
	}
	meta := f.meta
	meta.Aliases = append([]string(nil), meta.Aliases...) // cleaned below; the cached copy stays as parsed
	dir := path.Dir(rel)
	base, lang := l.splitLang(path.Base(rel))
	if _, ok := meta.Lines["title"]; !ok {
		meta.Title = nameTitle(dir, base)
	}
	page := &Page{File: p, Meta: meta, Body: f.body, BodyLine: f.bodyLine, Lang: lang,
		TranslationKey: path.Join(Dir, dir, base), Version: f.version, MetaVersion: f.metaVersion}
	if meta.TranslationKey != "" {
		page.TranslationKey = "key:" + meta.TranslationKey
	}
	page.Kind, page.Bundle = pageKind(dir, base)
	if why := l.leftOutBecause(meta, dir, lang); why != "" {
		// Its URL is made as a published page's, which needs only the
		// page itself: a link to that address can then say why.
		left := LeftOut{Why: why, URL: l.pageURL(page)}
		for _, a := range meta.Aliases {
			left.Aliases = append(left.Aliases, CleanURL(a))
		}
		l.unpublished[p] = left
		return
	}
	switch base {
	case "_index.md":
		if other := l.dir(dir).index[lang]; other != nil {
			l.twice(other, page)
			return
		}
		l.dir(dir).index[lang] = page
	case "index.md":
		if dir == "." {
			l.probs.Add(p, 0, 0, "content/index.md is not the home page", "rename it to content/_index.md")
			return
		}
		if other := l.dir(dir).bundle[lang]; other != nil {
			l.twice(other, page)
			return
		}
		l.dir(dir).bundle[lang] = page
	}
	l.pages = append(l.pages, page)
}

// pageKind is the kind of the page in the content folder dir whose file,
// without its language, is base, and whether it is a leaf bundle.
// content/index.md, which read refuses, is taken for the home page it
// was meant to be.
func pageKind(dir, base string) (kind string, bundle bool) {
	switch {
	case dir == "." && (base == "_index.md" || base == "index.md"):
		return KindHome, false
	case base == "_index.md":
		return KindSection, false
	case base == "index.md":
		return KindPage, true
	}
	return KindPage, false
}

// twice reports two files that are the same page in one language, such as
// _index.md and _index.en.md when en is the default language.
func (l *loader) twice(a, b *Page) {
	l.probs.Add(b.File, 0, 0, fmt.Sprintf("%s and %s are the same page in language %q", a.File, b.File, b.Lang),
		"keep one of them; a file without a language suffix is in the default language")
}

// leftOutBecause says why a page is left out of this build, in words for
// a problem ("a draft (draft: true)"), or "" when it is published.
func (l *loader) leftOutBecause(m frontmatter.Meta, dir, lang string) string {
	if why := l.unpublishedBy(m); why != "" {
		return why
	}
	if l.hidden(dir, lang) {
		return "in a section that is not published (its _index.md is a draft, dated in the future or past its expiryDate)"
	}
	return ""
}

// unpublishedBy applies the draft, future and expired rules to a page's
// own front matter, and says which leaves it out ("" when none does). A
// page left out is absent everywhere: lists, feeds, sitemap, terms and
// aliases.
func (l *loader) unpublishedBy(m frontmatter.Meta) string {
	// The day alone, unless the time matters: a page dated 23:59 today is
	// still "in the future" at noon.
	when := func(t time.Time) string {
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format("2 January 2006")
		}
		return t.Format("2 January 2006 15:04 MST")
	}
	switch {
	case m.Draft && !l.opts.Drafts:
		return "a draft (draft: true)"
	case !l.opts.Future && publishDate(m).After(l.opts.Now):
		return "dated in the future (" + when(publishDate(m)) + ")"
	case !l.opts.Expired && !m.ExpiryDate.IsZero() && !m.ExpiryDate.After(l.opts.Now):
		return "past its expiryDate (" + when(m.ExpiryDate) + ")"
	}
	return ""
}

// markLeftOut records which folders' own pages (_index.md, index.md) are
// left out, before any page is made: the walk meets a section's pages and
// subfolders before its _index.md ("A.md" and "Sub/" sort before "_").
func (l *loader) markLeftOut(files []mdFile, decoded []decodedFile) {
	for i, f := range files {
		base, lang := l.splitLang(path.Base(f.rel))
		dir := path.Dir(f.rel)
		if decoded[i].prob != nil || decoded[i].f.empty || dir == "." || base != "_index.md" && base != "index.md" {
			continue
		}
		if l.unpublishedBy(decoded[i].f.meta) != "" {
			l.dir(dir).leftOut[lang] = true
		} else if _, seen := l.dir(dir).leftOut[lang]; !seen {
			l.dir(dir).leftOut[lang] = false
		}
	}
}

// hidden reports whether the content folder dir is, or is below, a
// section or bundle left out in lang. A left-out section is an embargo:
// its pages, nested sections and files go with it, however they are
// marked themselves. A language without its own _index file in a folder
// follows the default language's, so an embargoed section's translations
// stay embargoed unless their own _index file says otherwise. The home
// page is not a section here: a draft content/_index.md leaves out only
// itself.
func (l *loader) hidden(dir, lang string) bool {
	for d := dir; d != "." && d != ""; d = path.Dir(d) {
		info := l.dirs[d]
		if info == nil {
			continue
		}
		out, own := info.leftOut[lang]
		if !own {
			out = info.leftOut[l.opts.Languages[0]]
		}
		if out {
			return true
		}
	}
	return false
}

func publishDate(m frontmatter.Meta) time.Time {
	if !m.PublishDate.IsZero() {
		return m.PublishDate
	}
	return m.Date
}

// sections gives every page its section and makes up the sections and home
// page that have no _index.md.
func (l *loader) sections() {
	for _, lang := range l.opts.Languages {
		if l.dir(".").index[lang] == nil {
			home := &Page{Kind: KindHome, Lang: lang, TranslationKey: path.Join(Dir, "_index.md")}
			l.dir(".").index[lang] = home
			l.pages = append(l.pages, home)
		}
	}
	for _, p := range l.pages {
		if p.File == "" || p.Kind != KindPage {
			continue
		}
		rel := strings.TrimPrefix(p.File, Dir+"/")
		dir := path.Dir(rel)
		if p.Bundle {
			dir = path.Dir(dir)
		}
		if top, _, _ := strings.Cut(dir, "/"); top != "." && l.dir(top).index[p.Lang] == nil {
			sec := &Page{Kind: KindSection, Lang: p.Lang, Meta: frontmatter.Meta{Title: titleFromName(top)},
				TranslationKey: path.Join(Dir, top, "_index.md")}
			l.dir(top).index[p.Lang] = sec
			l.pages = append(l.pages, sec)
			l.setSectionDir(sec, top)
		}
		l.setSectionDir(p, l.nearestSection(dir, p.Lang))
	}
	for d, info := range l.dirs {
		for _, idx := range info.index {
			if idx.Kind == KindSection {
				l.setSectionDir(idx, d)
			}
		}
	}
}

func (l *loader) setSectionDir(p *Page, dir string) {
	if dir == "." {
		dir = ""
	}
	p.SectionDir = dir
	p.Section, _, _ = strings.Cut(dir, "/")
}

// nearestSection returns the closest folder at or above dir with a
// section in the language.
func (l *loader) nearestSection(dir, lang string) string {
	for d := dir; d != "." && d != ""; d = path.Dir(d) {
		if info := l.dirs[d]; info != nil && info.index[lang] != nil {
			return d
		}
	}
	return "."
}

// nameTitle is the title of a page whose front matter has none: its file
// name, or its folder's for a section or bundle; "" for the home page.
func nameTitle(dir, base string) string {
	switch {
	case base == "_index.md" && dir == ".":
		return ""
	case base == "_index.md", base == "index.md":
		return titleFromName(path.Base(dir))
	}
	return titleFromName(strings.TrimSuffix(base, path.Ext(base)))
}

func titleFromName(name string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(name)
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// urls works out each page's URL and the output path of each file beside
// the pages.
func (l *loader) urls() {
	for _, p := range l.pages {
		p.URL = l.pageURL(p)
	}
	for _, p := range l.pages {
		for i, a := range p.Meta.Aliases {
			p.Meta.Aliases[i] = CleanURL(a)
		}
	}
	for d, info := range l.dirs {
		if len(info.others) == 0 {
			continue
		}
		// A bundle's files are published beside each language's page, so
		// the pages' relative links to them work in every language.
		var bases []string
		for _, lang := range l.opts.Languages {
			switch {
			case info.bundle[lang] != nil:
				bases = append(bases, FolderOf(info.bundle[lang].URL))
				info.bundle[lang].Resources = info.others
			case len(info.bundle) == 0 && info.index[lang] != nil:
				bases = append(bases, FolderOf(info.index[lang].URL))
			}
		}
		// Files in a folder without a page of its own go to the folder's
		// URL, unless the folder is left out: a draft bundle's images and
		// an embargoed section's files stay unpublished with its pages.
		if len(bases) == 0 && !l.hidden(d, l.opts.Languages[0]) {
			bases = []string{"/" + l.urlPath(d) + "/"}
		}
		for _, base := range bases {
			for _, f := range info.others {
				l.files = append(l.files, File{Source: f, Output: strings.TrimPrefix(path.Join(base, path.Base(f)), "/")})
			}
		}
	}
}

// FolderOf is the folder of a page's URL, where the files beside it are
// published: "/a/b/" for "/a/b/" and for "/a/b.html".
func FolderOf(url string) string {
	if strings.HasSuffix(url, "/") {
		return url
	}
	return path.Dir(url) + "/"
}

// langPrefix is the URL folder of a language: "" for the default one.
func (l *loader) langPrefix(lang string) string {
	if lang == l.opts.Languages[0] {
		return ""
	}
	return "/" + lang
}

// pageURL works a page's URL out from its file: the language's folder,
// then the content folders, then the slug or file name. A url in front
// matter is taken as written (within the language's folder).
func (l *loader) pageURL(p *Page) string {
	prefix := l.langPrefix(p.Lang)
	if p.Kind == KindHome {
		return prefix + "/"
	}
	if u := p.Meta.URL; u != "" {
		return CleanURL(prefix + "/" + strings.TrimPrefix(CleanURL(u), prefix+"/"))
	}
	var dir, name string
	switch {
	case p.File == "": // a section made up for a folder
		return prefix + "/" + l.urlPath(p.SectionDir) + "/"
	case p.Kind == KindSection, p.Bundle:
		dir, name = path.Split(strings.TrimPrefix(path.Dir(p.File), Dir+"/"))
	default:
		rel, _ := l.splitLang(strings.TrimPrefix(p.File, Dir+"/"))
		dir, name = path.Split(strings.TrimSuffix(rel, path.Ext(rel)))
	}
	if p.Meta.Slug != "" {
		name = p.Meta.Slug
	}
	return folderURL(prefix + "/" + path.Join(l.urlPath(dir), l.urlSegment(name)))
}

// folderURL is a clean URL path with a trailing slash: a page's folder,
// even when its name has a dot in it.
func folderURL(p string) string {
	p = path.Clean("/" + p)
	if p == "/" {
		return p
	}
	return p + "/"
}

// urlPath urlizes each segment of a content-relative folder.
func (l *loader) urlPath(dir string) string {
	if dir == "." || dir == "" {
		return ""
	}
	segs := strings.Split(strings.Trim(dir, "/"), "/")
	for i, s := range segs {
		segs[i] = l.urlSegment(s)
	}
	return strings.Join(segs, "/")
}

// urlize is layout.Urlize, remembered per name for the load: a site's
// folder names repeat in every page's URL, and Urlize normalises Unicode.
func (l *loader) urlize(name string) string {
	u, ok := l.urlized[name]
	if !ok {
		u = layout.Urlize(name)
		l.urlized[name] = u
	}
	return u
}

// urlSegment urlizes one file or folder name. A name without a letter or
// digit (only emoji or punctuation) would vanish from the URL and merge
// the page into its parent; it becomes "-" plus its hex bytes instead, and
// checkNames asks the campaigner to rename it.
func (l *loader) urlSegment(name string) string {
	if u := l.urlize(name); u != "" {
		return u
	}
	return fmt.Sprintf("-%x", name)
}

// checkNames reports files and folders whose names have no letter or
// digit to make a URL from.
func (l *loader) checkNames() {
	for _, p := range l.pages {
		if p.File == "" {
			continue
		}
		rel := strings.TrimPrefix(p.File, Dir+"/")
		base, _ := l.splitLang(path.Base(rel))
		segs := strings.Split(path.Dir(rel), "/")
		if p.Kind == KindPage && !p.Bundle && p.Meta.Slug == "" {
			segs = append(segs, strings.TrimSuffix(base, path.Ext(base)))
		}
		for _, s := range segs {
			if s != "." && s != "_index" && l.urlize(s) == "" {
				l.probs.Add(p.File, 0, 0, fmt.Sprintf("the name %q has no letter or digit to make a web address from", s),
					"rename the file or folder with a word in any alphabet, such as \"news\" or \"новости\"")
				break
			}
		}
	}
}

// CleanURL makes a url or alias from front matter root-relative and clean;
// a path without a file extension gets a trailing slash.
func CleanURL(u string) string {
	u = path.Clean("/" + strings.TrimSpace(u))
	if u == "/" {
		return u
	}
	if path.Ext(u) == "" {
		u += "/"
	}
	return u
}

// checkClaims reports two sources that want the same output file. Keys are
// compared lower-cased and NFC-normalised, because case-insensitive file
// systems (macOS, Windows) and Unicode forms would otherwise merge them
// silently on some machines and not on others.
func (l *loader) checkClaims() {
	claims := map[string][]urlClaim{}
	add := func(url, file, how string, line int) {
		k := strings.ToLower(norm.NFC.String(OutputPath(url)))
		claims[k] = append(claims[k], urlClaim{file, how, line})
	}
	for _, p := range l.pages {
		src := p.File
		if src == "" {
			src = Dir + "/" + p.SectionDir
		}
		add(p.URL, src, "page", urlLine(p))
		for _, a := range p.Meta.Aliases {
			add(a, p.File, "alias", p.Meta.Lines["aliases"])
		}
	}
	for _, f := range l.files {
		add("/"+f.Output, f.Source, "file", 0)
	}
	keys := make([]string, 0, len(claims))
	for k := range claims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cs := claims[k]
		if len(cs) < 2 {
			continue
		}
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = c.file + " (" + c.how + ")"
		}
		sort.Strings(names)
		url := "/" + strings.TrimSuffix(k, "index.html")
		hint := "give one of them a different slug, url or file name"
		if lookAlike(cs) {
			hint = "their names look the same but an accented letter is written two ways (as one character, or as a letter and an accent, as macOS does); " + hint
		}
		for _, c := range cs {
			l.probs.Add(c.file, c.line, 0, fmt.Sprintf("%s is claimed by more than one source: %s", url, strings.Join(names, ", ")), hint)
		}
	}
}

// urlClaim is one source that wants an output file.
type urlClaim struct {
	file, how string
	line      int // of the front matter key that makes the claim
}

// lookAlike reports whether two of the claims come from files whose names
// differ but are the same once Unicode-normalised: "café.md" twice, to the
// eye.
func lookAlike(cs []urlClaim) bool {
	seen := map[string]string{}
	for _, c := range cs {
		n := norm.NFC.String(c.file)
		if other, ok := seen[n]; ok && other != c.file {
			return true
		}
		seen[n] = c.file
	}
	return false
}

// urlLine is the front matter line that sets the page's address (url,
// else slug), or 0 when its file name does.
func urlLine(p *Page) int {
	if p.Meta.URL != "" {
		return p.Meta.Lines["url"]
	}
	if p.Meta.Slug != "" {
		return p.Meta.Lines["slug"]
	}
	return 0
}

// checkPortable reports addresses that some systems cannot store as
// files: a web address becomes a folder of the published site, and a
// site that cannot be copied to Windows, a USB stick or a zip on another
// machine cannot be mirrored. A name that makes HTML or a script out of
// an alias (x"><script>) is refused by the same rule.
func (l *loader) checkPortable() {
	for _, p := range l.pages {
		if p.File == "" {
			continue
		}
		// The file itself too: a site whose files a Windows machine cannot
		// check out cannot be edited there ("a:b.md" would otherwise be
		// published as /a-b/).
		if why := Unportable(p.File); why != "" {
			l.probs.Add(p.File, 0, 0, fmt.Sprintf("the file name %s %s", p.File, why),
				"rename the file: use letters, digits and hyphens")
			continue
		}
		if why := Unportable(p.URL); why != "" {
			l.probs.Add(p.File, urlLine(p), 0, fmt.Sprintf("the web address %s %s", p.URL, why),
				"use letters, digits and hyphens in file names, slug and url")
		}
		for _, a := range p.Meta.Aliases {
			if why := Unportable(a); why != "" {
				l.probs.Add(p.File, p.Meta.Lines["aliases"], 0, fmt.Sprintf("the alias %s %s", a, why),
					"write the old address as a path of letters, digits and hyphens, such as /news/old-name/")
			}
		}
	}
}

// Unportable says why a URL path cannot be a path of files on every system
// (Windows is the strictest), or "". It is the one rule for every address
// the build makes: pages, aliases, bundle and static files, terms.
func Unportable(url string) string {
	for _, seg := range strings.Split(strings.Trim(url, "/"), "/") {
		if strings.HasPrefix(seg, ".") && seg != ".well-known" {
			return fmt.Sprintf("has a part, %q, that starts with a dot, which many hosts do not serve and file managers hide", seg)
		}
		if i := strings.IndexFunc(seg, func(r rune) bool { return r < ' ' || r == 0x7f || strings.ContainsRune(`<>:"\|?*`, r) }); i >= 0 {
			return fmt.Sprintf("has %q, which a file name cannot have on every system", seg[i:i+1])
		}
		if strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " ") {
			return fmt.Sprintf("has a part, %q, that ends in a dot or space, which Windows drops", seg)
		}
		base, _, _ := strings.Cut(strings.ToLower(seg), ".")
		if windowsReserved[base] {
			return fmt.Sprintf("has a part, %q, that is a reserved device name on Windows", seg)
		}
	}
	return ""
}

var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// EmptyFile is the message of the problem an empty page file gives. The
// dev server knows it: an editor that empties a file and then writes it
// can be caught in between.
const EmptyFile = "the file is empty"

// parsedFile is one content file decoded.
type parsedFile struct {
	meta        frontmatter.Meta
	body        []byte
	bodyLine    int
	probs       []problem.Problem
	empty       bool // nothing but white space: no page is made
	version     string
	metaVersion string
}

// parse decodes a file; versions are hashed only for a cache's sake.
//
// A file with nothing in it is a problem, not an untitled blank page: it is
// a typo in a file name or an editor that saved nothing. (The dev server
// sees one for a moment while an editor truncates a file and writes it
// again; the site it serves stays the last good one.)
func parse(p string, src []byte, taxonomies []string, versions bool) parsedFile {
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))) == 0 {
		return parsedFile{empty: true, probs: []problem.Problem{{File: p,
			Message: EmptyFile, Hint: "write the page, or delete the file"}}}
	}
	meta, body, bodyLine, probs := frontmatter.ParseWith(p, src, taxonomies)
	f := parsedFile{meta: meta, body: body, bodyLine: bodyLine, probs: probs}
	if versions {
		sum := sha256.Sum256(src)
		fm := sha256.Sum256(src[:len(src)-min(len(body), len(src))])
		f.version, f.metaVersion = hex.EncodeToString(sum[:]), hex.EncodeToString(fm[:])
	}
	return f
}

// ParseCache keeps decoded content files between loads of one site, keyed
// by path and checked by size and modification time. A file system that
// gives no modification time (fstest.MapFS) is always read again. A nil
// *ParseCache caches nothing.
type ParseCache struct {
	mu         sync.Mutex
	files      map[string]cachedFile
	taxonomies string // the taxonomies the files were decoded with
}

type cachedFile struct {
	size int64
	mod  time.Time
	f    parsedFile
}

// NewParseCache returns an empty cache.
func NewParseCache() *ParseCache { return &ParseCache{files: map[string]cachedFile{}} }

func (c *ParseCache) get(p string, info fs.FileInfo) (parsedFile, bool) {
	if c == nil || info == nil || info.ModTime().IsZero() {
		return parsedFile{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.files[p]
	if !ok || e.size != info.Size() || !e.mod.Equal(info.ModTime()) {
		return parsedFile{}, false
	}
	return e.f, true
}

func (c *ParseCache) put(p string, info fs.FileInfo, f parsedFile) {
	if c == nil || info == nil || info.ModTime().IsZero() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[p] = cachedFile{size: info.Size(), mod: info.ModTime(), f: f}
}

// prune forgets files that the last load did not see (deleted, renamed).
func (c *ParseCache) prune(seen map[string]bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.files {
		if !seen[p] {
			delete(c.files, p)
		}
	}
}

// reset empties the cache when the taxonomies change, as they decide
// which front matter keys are known.
func (c *ParseCache) reset(taxonomies []string) {
	if c == nil {
		return
	}
	key := strings.Join(taxonomies, ",")
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.taxonomies != key {
		c.files, c.taxonomies = map[string]cachedFile{}, key
	}
}

// Reread reads the file of a page that Load made, again, for the dev
// server's fast path. It returns the page with its new body when the file
// still decodes without a problem and its front matter is byte for byte
// the one old was made from, so every URL, date, title and list place Load
// worked out still holds; otherwise ok is false and only a full Load can
// say what the file now makes. opts must be the ones Load was given, with
// Parsed set: front matter is compared by its hash.
func Reread(fsys fs.FS, old *Page, opts Options) (p *Page, ok bool) {
	if old.File == "" || old.MetaVersion == "" {
		return nil, false
	}
	// Lstat: a file replaced by a symbolic link is not followed (Load
	// refuses links, which could publish files from outside the site).
	info, err := fs.Lstat(fsys, old.File)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxFileSize {
		return nil, false
	}
	src, err := fs.ReadFile(fsys, old.File)
	if err != nil {
		return nil, false
	}
	f := parse(old.File, src, opts.withDefaults().Taxonomies, true)
	if len(f.probs) > 0 || f.metaVersion != old.MetaVersion {
		return nil, false
	}
	opts.Parsed.put(old.File, info, f) // the full Load that follows need not decode it again
	np := *old
	np.Body, np.BodyLine, np.Version = f.body, f.bodyLine, f.version
	return &np, true
}

// NotOrdinary is the problem of a named pipe, socket or device in a
// folder the build publishes from: reading it could block the build for
// ever, so it is left out, with a word.
func NotOrdinary(p string) problem.Problem {
	return problem.Problem{File: p, Message: "this is not an ordinary file (a named pipe, socket or device), so it is not read",
		Hint: "delete it, or replace it with the file it stands for"}
}
