package site

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// Links in markdown are written as a campaigner previews them on GitHub or
// in an editor: relative to the markdown file's own folder under content/.
// resolveLink turns each into the root-relative address of what the build
// publishes there (relink makes it page-relative at the end, like every
// link of the site), and checkLinks checks, once every page has rendered,
// the anchors they point to and the site addresses written as they are
// ("/zhanaozen/"). What resolution reads (the pages' files and URLs, the
// files published beside them) is in siteKey, so a cached render is never
// stale.

// resolveLink is markdown.Context.ResolveLink for page p: dest is a
// percent-decoded path without fragment or query, relative to p's file
// ("../zhanaozen/clashes.md", "photo.jpg", "../people/kozlov/"), or a
// root-relative .md path taken from content/ ("/zhanaozen/clashes.md").
// It gives the URL of the page or file there and, for a page, its source
// (the target of its anchors). A page left out (a draft) is not there.
func (b *builder) resolveLink(p *Page, dest string) (url, target string, ok bool) {
	target = linkFile(p, dest)
	if strings.HasSuffix(strings.ToLower(dest), ".md") {
		if t := b.world.bySource[target]; t != nil {
			return t.url, target, true
		}
		return "", "", false
	}
	dir, ok := strings.CutPrefix(target+"/", content.Dir+"/")
	if !ok {
		return b.pageRelative(p, dest) // outside content/: nothing is published from there
	}
	if pages := b.folderPages(strings.TrimSuffix(dir, "/"), p.site.lang); len(pages) > 0 {
		return pages[0].url, pages[0].File(), true
	}
	if u, ok := b.fileURL(target, p.site.lang); ok {
		return u, "", true
	}
	return b.pageRelative(p, dest)
}

// linkFile is the file or folder a link path dest (as resolveLink takes
// it) names: from p's file's folder, or from content/ when it starts
// with "/".
func linkFile(p *Page, dest string) string {
	if strings.HasPrefix(dest, "/") {
		return path.Join(content.Dir, dest)
	}
	return path.Join(path.Dir(p.src.File), dest)
}

// linkLeftOut is markdown.Context.Unpublished for page p: why the page a
// link path dest names, which resolveLink found nothing at, is left out
// of this build (a draft), or "". It looks where resolveLink looks: the
// page's file, the folder whose page it is, then the address dest names
// from p's own, as pageRelative reads it ("../draft/" from /news/a/ is
// /news/draft/), which finds the page by its url:, slug: or an alias.
func (b *builder) linkLeftOut(p *Page, dest string) string {
	file := linkFile(p, dest)
	if strings.HasSuffix(strings.ToLower(dest), ".md") {
		return b.world.unpublished[file].Why
	}
	if why := b.world.leftOutFolder(file); why != "" {
		return why
	}
	if b.linkAddrs == nil {
		return ""
	}
	return b.linkAddrs().leftOutAt(pageAddress(p, dest))
}

// leftOutFolder says why the page a content folder ("content/news/d") is,
// its index.md or _index.md in any language, is left out of this build,
// or "" when it has none left out.
func (w *world) leftOutFolder(dir string) string {
	for _, f := range slices.Sorted(maps.Keys(w.unpublished)) {
		if name := path.Base(f); path.Dir(f) == dir && (strings.HasPrefix(name, "index.") || strings.HasPrefix(name, "_index.")) {
			return w.unpublished[f].Why
		}
	}
	return ""
}

// sameButCase is the content file that path names but for the case of its
// letters, or "": a link written on a Mac or Windows, whose disks do not
// tell "Kozlov" from "kozlov", works there and breaks on the server.
func (b *builder) sameButCase(p string) string {
	if b.caseIndex == nil {
		return ""
	}
	return b.caseIndex()[strings.ToLower(p)]
}

// sourcesByLowerCase maps each content file, lower-cased, to its name:
// pages and the files beside them.
func (b *builder) sourcesByLowerCase() map[string]string {
	m := map[string]string{}
	for f := range b.world.bySource {
		m[strings.ToLower(f)] = f
	}
	for _, claims := range b.owners {
		for _, o := range claims {
			if strings.HasPrefix(o.file, content.Dir+"/") {
				m[strings.ToLower(o.file)] = o.file
			}
		}
	}
	return m
}

// pageRelative resolves dest as a browser does, against p's own address,
// when that finds something: Hugo leaves links as written, so sites moved
// from it (and the benchmark corpus) link "../../news/story/" from the
// page /complaint/x/. The address is returned as the target too, so that
// checkLinks checks it again after every build.
func (b *builder) pageRelative(p *Page, dest string) (url, target string, ok bool) {
	if strings.HasSuffix(strings.ToLower(dest), ".md") || b.linkAddrs == nil {
		return "", "", false
	}
	abs := pageAddress(p, dest)
	if _, ok := b.linkAddrs().find(abs); !ok {
		return "", "", false
	}
	return abs, abs, true
}

// pageAddress is the site address dest names read as a browser reads it,
// against p's own address.
func pageAddress(p *Page, dest string) string {
	dir := p.url
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
	}
	abs := path.Join(dir, dest)
	if markdown.IsFolderLink(dest) && abs != "/" {
		abs += "/"
	}
	return abs
}

// folderPages lists the pages a content folder ("people/kozlov", "" for
// content/ itself) is: its leaf bundle (index.md), its section (_index.md)
// or the section or home page made up for it, those in lang first, then in
// the site's other languages in order.
func (b *builder) folderPages(dir, lang string) []*Page {
	var out []*Page
	for _, s := range b.sitesFrom(lang) {
		for _, name := range []string{"index", "_index"} {
			files := []string{name + "." + s.lang + ".md"}
			if s.IsDefaultLanguage() {
				files = append(files, name+".md")
			}
			for _, f := range files {
				if q := b.world.bySource[path.Join(content.Dir, dir, f)]; q != nil {
					out = append(out, q)
				}
			}
		}
		if q := madeUp(s, dir); q != nil {
			out = append(out, q)
		}
	}
	return out
}

// madeUp is the home page or top-level section content made up in s for
// a folder without _index.md, if dir is such a folder.
func madeUp(s *Site, dir string) *Page {
	if dir == "" {
		if s.home.File() == "" {
			return s.home
		}
		return nil
	}
	for _, q := range s.sections {
		if q.src != nil && q.src.File == "" && q.src.SectionDir == dir {
			return q
		}
	}
	return nil
}

// sitesFrom lists the sites, lang's first.
func (b *builder) sitesFrom(lang string) []*Site {
	out := make([]*Site, 0, len(b.world.sites))
	for _, s := range b.world.sites {
		if s.lang == lang {
			out = append(out, s)
		}
	}
	for _, s := range b.world.sites {
		if s.lang != lang {
			out = append(out, s)
		}
	}
	return out
}

// fileURL is the URL a content file is published at, beside lang's page
// of its folder when there is one: the build copies a bundle's files
// beside each language's page. It is found from who made each output
// (b.owners): content.Load decides where files go, and the copies it
// asked for are made before any markdown renders.
func (b *builder) fileURL(file, lang string) (string, bool) {
	dir, name := path.Split(strings.TrimPrefix(file, content.Dir+"/"))
	for _, q := range b.folderPages(strings.TrimSuffix(dir, "/"), lang) {
		base := q.url
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) // a page with url: /x.html
		}
		if u := path.Join(base, name); b.madeFrom(u[1:], file) {
			return u, true
		}
	}
	// A folder that is no page (content/zhanaozen/docs/): its files are
	// published once, at the folder's own address, made as content.Load
	// makes it; failing that (a name with no letter), by a search.
	segs := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	for i, seg := range segs {
		segs[i] = layout.Urlize(seg)
	}
	if out := path.Join(path.Join(segs...), name); b.madeFrom(out, file) {
		return "/" + out, true
	}
	var found []string
	for out := range b.owners {
		if b.madeFrom(out, file) {
			found = append(found, out)
		}
	}
	if len(found) == 0 {
		return "", false
	}
	sort.Strings(found)
	return "/" + found[0], true
}

// madeFrom reports whether the output file out is a copy of src.
func (b *builder) madeFrom(out, src string) bool {
	for _, o := range b.owners[out] {
		if o.file == src {
			return true
		}
	}
	return false
}

// hashContentFiles writes what fileURL reads to a cache key: every file
// copied from content/ and where it went. A file that appears or goes
// changes how links to it render.
func (b *builder) hashContentFiles(w io.Writer) {
	var lines []string
	for out, owners := range b.owners {
		for _, o := range owners {
			if strings.HasPrefix(o.file, content.Dir+"/") {
				lines = append(lines, o.file+"\x00"+out)
			}
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// hashOtherAddresses writes to a cache key the rest of what pageRelative
// finds: aliases and the files of static/. A link that found nothing
// renders as a problem, which must not outlive the file it looked for.
func (b *builder) hashOtherAddresses(w io.Writer) {
	var lines []string
	for _, p := range b.pages {
		if p.src != nil {
			lines = append(lines, p.src.Meta.Aliases...)
		}
	}
	_ = fs.WalkDir(b.fsys, staticDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			lines = append(lines, p)
		}
		return nil
	})
	sort.Strings(lines)
	for _, l := range lines {
		io.WriteString(w, l+"\n")
	}
}

// checkLinks reports links that lead nowhere once every page has rendered.
func (b *builder) checkLinks() {
	addrs := b.siteAddresses()
	for _, p := range b.pages {
		for _, pr := range b.brokenLinks(p, addrs) {
			b.problem(pr)
		}
	}
}

// checkImages checks every page's front matter image (checkImage).
func (b *builder) checkImages() {
	addrs := b.siteAddresses()
	for _, p := range b.pages {
		b.checkImage(p, addrs)
	}
}

// checkImage finds the address of a page's front matter image (Page.Image)
// and reports one that is not a file of the site: share cards would show
// a broken picture, and nothing else would say so.
func (b *builder) checkImage(p *Page, addrs func() *addresses) {
	img := p.meta().Image
	if p.src == nil || p.src.File == "" || img == "" || strings.Contains(img, ":") {
		return // none, or another site's: its scheme is checked with the front matter
	}
	if !strings.HasPrefix(img, "/") {
		// Beside the page, or in a folder below it, as a link in its text.
		if url, _, ok := b.resolveLink(p, img); ok && !strings.HasSuffix(url, "/") {
			p.image = url
			return
		}
		img = "/" + img
	}
	if _, ok := addrs().find(img); ok {
		p.image = img
		return
	}
	b.problem(problemAt(p, "image", fmt.Sprintf("image %s: the site has no such file beside the page or in static/", p.meta().Image),
		"put the picture beside the page and give its file name (image: photo.jpg), or give its address in static/ (image: img/share.png)"))
}

// checkMenus reports the url entries of site.toml's menus that are
// addresses of this site ("/timeline/") which the build does not make,
// saying why when a page left out of it (a draft) would be there.
// Such a link is on every page, and nothing else would say it is broken
// until a reader follows it. An entry of the main menus that each
// language without menus of its own shows under its prefix ("/ru/…") is
// only warned of there: the page may not be translated yet.
func (b *builder) checkMenus() {
	addrs := b.siteAddresses()
	for _, s := range b.world.sites {
		menus, own := s.cfg.Menus, s.IsDefaultLanguage()
		if m := s.cfg.Languages[s.lang].Menus; m != nil {
			menus, own = m, true
		}
		for _, name := range slices.Sorted(maps.Keys(menus)) {
			for i, e := range menus[name] {
				u, ours := s.menuURL(e.URL)
				if e.PageRef != "" || !ours {
					continue // a page, or an address elsewhere
				}
				if j := strings.IndexAny(u, "?#"); j >= 0 {
					u = u[:j]
				}
				if dec, err := url.PathUnescape(u); err == nil {
					u = dec
				}
				if _, ok := addrs().find(u); ok {
					continue
				}
				what := fmt.Sprintf("menu %q entry %d (%s) links to %s", name, i+1, e.Name, u)
				if !own {
					what += " in the " + s.LanguageName() + " pages"
				}
				msg, hint := addrs().nowhere(u, what, ", which the site does not have", menuHow)
				if h, ok := s.taxonomyOff(u); ok && addrs().leftOutAt(u) == "" {
					hint = h
				}
				pr := problem.Problem{File: config.File, Line: e.Line, Message: msg, Hint: hint}
				if own {
					b.problem(pr)
					continue
				}
				if addrs().leftOutAt(u) == "" {
					pr.Hint = fmt.Sprintf("translate the page, or give [languages.%s] menus of its own", s.lang)
				}
				b.warn([]problem.Problem{pr})
			}
		}
	}
}

// missingPageRef is the message and hint of entry i of the menu name,
// whose pageRef names no page of the site: why, when it names one left
// out of this build, as a link to it by its file says. As GetPage, it
// takes the path with or without content/, of a page's file ("gone.md")
// or of its folder ("/zhanaozen").
func (s *Site) missingPageRef(name string, i int, e config.MenuEntry) (msg, hint string) {
	named := ""
	if e.Name != "" {
		named = " (" + e.Name + ")"
	}
	what := fmt.Sprintf("menu %q entry %d%s points to page %q", name, i+1, named, e.PageRef)
	file := path.Join(content.Dir, strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(e.PageRef), "/"), content.Dir+"/"))
	why := s.world.unpublished[file].Why
	if !strings.HasSuffix(file, ".md") {
		folder := fileRefKey(file, s.world.langs)
		why = s.world.leftOutNamed(func(key string) bool { return key == folder })
	}
	if why != "" {
		return markdown.NotPublished(what, why)
	}
	return what + ", which is not a published page",
		"use the path under content/ of a published page (for content/news/_index.md, \"news/_index.md\"); a page that is a draft, dated in the future or expired is not published, and neither is anything below a draft _index.md"
}

// menuHow ends the hint for a menu entry that leads nowhere.
const menuHow = `; to link to a page of the site, write pageRef with the page's path under content/ (for content/news/_index.md, pageRef = "news/_index.md") instead of url: the build then checks it, and the link follows the page when it moves`

// hugoTaxonomies are the taxonomies, by plural, whose list a Hugo theme's
// menu links to (/tags/, /categories/, /series/), with their singular:
// Hugo's defaults, tags and categories, and series, which many themes use.
var hugoTaxonomies = map[string]string{"tags": "tag", "categories": "category", "series": "series"}

// taxonomyOff is the hint for a menu's address of a taxonomy the site has
// not turned on (xmin's /categories/ on a site with tags alone), saying
// how to in site.toml: the taxonomy's list is there once it is; ok is
// false for any other address.
func (s *Site) taxonomyOff(u string) (hint string, ok bool) {
	plural, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(u, s.prefix()), "/"), "/")
	singular, ok := hugoTaxonomies[plural]
	if !ok {
		return "", false
	}
	on := s.cfg.WithDefaults().Taxonomies
	for _, p := range on {
		if p == plural {
			return "", false
		}
	}
	add := fmt.Sprintf("%s = %q", singular, plural)
	how := fmt.Sprintf("add %s under [taxonomies] in site.toml, beside the taxonomies it names there", add)
	switch {
	case len(on) == 0:
		how = fmt.Sprintf("add %s under [taxonomies] in site.toml", add)
	case len(on) == 1 && on["tag"] == "tags":
		how = fmt.Sprintf(`write in site.toml a [taxonomies] table with tag = "tags" and %s, each on its own line (the table replaces the default, tags alone)`, add)
	}
	return fmt.Sprintf("/%s/ is the list of a taxonomy, %s, which the site has not turned on: to have it, %s, and give pages %s: in their front matter; else remove this entry",
		plural, plural, how, plural), true
}

// brokenAnchors is brokenLinks for one page, as Patch checks it.
func (b *builder) brokenAnchors(p *Page) []problem.Problem {
	return b.brokenLinks(p, b.siteAddresses())
}

// siteAddresses is the site's addresses as renderMarkdown took them, once
// a build: nothing checkLinks or Patch checks against changes after it
// (Patch takes only saves that leave every address as it was), and for
// 10 000 pages making them again cost Patch 35 ms a save.
func (b *builder) siteAddresses() func() *addresses {
	if b.linkAddrs == nil {
		b.linkAddrs = sync.OnceValue(b.addresses)
	}
	return b.linkAddrs
}

// brokenLinks reports p's links that lead nowhere: a site address
// ("/zhanaozen/") the build does not make (saying why when a page left
// out, a draft, would be there), or an anchor the linked page (p itself
// for "#x") does not have. addrs is called only when p has a
// site address.
func (b *builder) brokenLinks(p *Page, addrs func() *addresses) []problem.Problem {
	var probs []problem.Problem
	for _, l := range p.rendered.Links {
		var t *Page
		name := l.Target
		switch {
		case strings.HasPrefix(l.Target, "/"):
			var ok bool
			if t, ok = addrs().find(l.Target); !ok {
				msg, hint := addrs().nowhere(l.Target, "link to "+l.Target, ": the site has no such page or file", linkHow)
				probs = append(probs, problem.Problem{File: p.src.File, Line: l.Line, Message: msg, Hint: hint})
				continue
			}
			if t == nil || t.File() == "" {
				continue // a file, or a page whose ids only its template knows
			}
		case l.Target == p.src.File:
			t, name = p, ""
		default:
			t = b.world.bySource[l.Target]
		}
		if l.Fragment == "" || t == nil || hasAnchor(t.rendered.Anchors, l.Fragment) {
			continue
		}
		msg := fmt.Sprintf("link to %s#%s: that page has no heading or anchor %q", name, l.Fragment, l.Fragment)
		if t == p && name == "" {
			msg = fmt.Sprintf("link to #%s: this page has no heading or anchor %q", l.Fragment, l.Fragment)
		}
		probs = append(probs, problem.Problem{File: p.src.File, Line: l.Line, Message: msg, Hint: anchorHint(t.rendered.Anchors)})
	}
	return probs
}

// hasAnchor looks id up in a page's sorted anchors.
func hasAnchor(anchors []string, id string) bool {
	i := sort.SearchStrings(anchors, id)
	return i < len(anchors) && anchors[i] == id
}

func anchorHint(anchors []string) string {
	if len(anchors) == 0 {
		return "the page has no headings to link to; link to the page without #"
	}
	if len(anchors) > 12 {
		anchors = anchors[:12]
	}
	return "the page's anchors are: " + strings.Join(anchors, ", ")
}

// addresses are the output files of the whole site, known before most are
// made: pages and their further list pages, redirects, feeds, sitemaps and
// the other files writeGenerated and publish make, files copied from
// content/ (and, in Patch, everything the last build made), and static/.
type addresses struct {
	b     *builder
	pages map[string]*Page // output file of each page
	files map[string]bool  // every other output file
	// leftOut is the output file each page left out of this build (a
	// draft) would have, and why it is left out: a link there says so.
	leftOut map[string]string
	// pagers maps the start of the output file of each list's page/N/,
	// page/1/ (the redirect) included ("news/page/"), to the list. How
	// many it has is known only once its template paged (.Paginator,
	// .Paginate: builder.paginated), after these addresses are made.
	pagers map[string]*Page
}

func (b *builder) addresses() *addresses {
	a := &addresses{b: b, pages: map[string]*Page{}, files: map[string]bool{}, leftOut: map[string]string{}, pagers: map[string]*Page{}}
	// In the order of their files: where two would share an address
	// (one's url: is the other's), the first says why.
	for _, f := range slices.Sorted(maps.Keys(b.world.unpublished)) {
		left := b.world.unpublished[f]
		for _, u := range append([]string{left.URL}, left.Aliases...) {
			if out := content.OutputPath(u); a.leftOut[out] == "" {
				a.leftOut[out] = left.Why
			}
		}
	}
	add := func(url string) { a.files[content.OutputPath(url)] = true }
	for _, s := range b.world.sites {
		if hasFeed(s.home) {
			add(s.home.url + "index.xml")
		}
		add(s.home.url + "sitemap.xml")
		add(s.prefix() + "/404.html")
	}
	for _, name := range []string{"/robots.txt", "/mirrors.json", "/chroma.css", "/" + publish.ManifestName} {
		add(name)
	}
	for _, p := range b.pages {
		a.pages[content.OutputPath(p.url)] = p
		if hasFeed(p) {
			add(p.url + "index.xml")
		}
		if p.IsNode() {
			a.pagers[strings.TrimSuffix(content.OutputPath(pageNURL(p.url, 1)), "1/index.html")] = p
		}
		if p.src != nil {
			for _, alias := range p.src.Meta.Aliases {
				add(alias)
			}
		}
	}
	for out := range b.owners {
		// A list's further pages and its page/1/ are in pagers: made
		// now or not yet, depending on when the addresses are first
		// asked for, they would make hints differ from build to build.
		if list, _ := a.pagerAt(out); list == nil {
			a.files[out] = true
		}
	}
	return a
}

// find looks a site address up: the page there (nil for a file), and
// whether anything is there. "/x" finds the page /x/, as servers do.
func (a *addresses) find(url string) (*Page, bool) {
	file := strings.TrimPrefix(path.Clean(url), "/")
	page := content.OutputPath(content.CleanURL(url))
	if p := a.pages[page]; p != nil {
		return p, true
	}
	for _, out := range []string{file, page} {
		if out != "" && (a.files[out] || a.static(out)) {
			return nil, true
		}
	}
	if list, n := a.pagerAt(page); list != nil {
		return nil, a.b.pagerThere(list, n)
	}
	return nil, false
}

// pagerAt is the list whose page n the output file out ("news/page/3/index.html")
// would be, n 1 for its page/1/ redirect; nil when out is none of that.
func (a *addresses) pagerAt(out string) (list *Page, n int) {
	rest, ok := strings.CutSuffix(out, "/index.html")
	if !ok {
		return nil, 0
	}
	i := strings.LastIndex(rest, "/") + 1
	n, err := strconv.Atoi(rest[i:])
	if err != nil || n < 1 || itoa(n) != rest[i:] { // page/01/ is not written
		return nil, 0
	}
	if list = a.pagers[rest[:i]]; list == nil {
		return nil, 0
	}
	return list, n
}

// pagerThere reports whether the build makes page n of list (n 1: the
// redirect to it). Until the templates have run, and for a list whose
// template failed, that is not known, and it is taken as there: links
// are checked again once it is (checkLinks), and a template's own problem
// is the one to fix. Then it is there if the template paged the list
// into n pages or more.
func (b *builder) pagerThere(list *Page, n int) bool {
	if !b.templatesRan {
		return true
	}
	total := b.pagesOf(list)
	return total == pagesUnknown || n <= total
}

// pagesOf is how many pages list's template paged it into: 0 when it did
// not page, pagesUnknown when it did not run.
func (b *builder) pagesOf(list *Page) int {
	v, ok := b.paginated.Load(list)
	if !ok {
		return 0
	}
	return v.(int)
}

// leftOutAt says why the page that would be at the address url is left
// out of this build, or "" when none would be.
func (a *addresses) leftOutAt(url string) string {
	return a.leftOut[content.OutputPath(content.CleanURL(url))]
}

// nowhere is the message and hint of what, a link to the address url that
// the site does not have: the page there is left out of this build, and
// why; or, when none would be there, what followed by missing, and a hint
// at the address meant that how ends.
func (a *addresses) nowhere(url, what, missing, how string) (msg, hint string) {
	if why := a.leftOutAt(url); why != "" {
		return markdown.NotPublished(what, why)
	}
	if list, n := a.pagerAt(content.OutputPath(content.CleanURL(url))); list != nil {
		return what + missing, a.b.pagerHint(list, n)
	}
	if rest, ok := strings.CutPrefix(url, "/"+content.Dir+"/"); ok {
		if _, there := a.find("/" + rest); there {
			return what + missing, fmt.Sprintf("the address names content/ itself, which is published at the site's root: link to /%s", rest)
		}
	}
	return what + missing, a.hint(url, how)
}

// static reports whether copyStatic publishes static/out.
func (a *addresses) static(out string) bool {
	dir, name := path.Split(out)
	if slices.ContainsFunc(strings.Split(dir, "/"), hiddenStaticDir) || hiddenStaticFile(name) {
		return false
	}
	info, err := fs.Lstat(a.b.fsys, staticDir+"/"+out)
	return err == nil && info.Mode().IsRegular()
}

// linkHow ends the hint for a link in markdown that leads nowhere.
const linkHow = "; or link to the page's .md file, or to the file, by its path from this file: the build then checks it and keeps the address right"

// hint suggests the address meant: a close one, or what the nearest
// page above it lists; how ends it.
func (a *addresses) hint(url, how string) string {
	var all []string
	for out := range a.pages {
		all = append(all, "/"+strings.TrimSuffix(out, "index.html"))
	}
	for out := range a.files {
		all = append(all, "/"+strings.TrimSuffix(out, "index.html"))
	}
	sort.Strings(all)
	if near, ok := problem.Nearest(url, all); ok {
		return "did you mean " + near + "?" + how
	}
	for dir := path.Dir(path.Clean(url)); ; dir = path.Dir(dir) {
		p := a.pages[content.OutputPath(content.CleanURL(dir))]
		if p == nil {
			if dir == "/" || dir == "." {
				return "no page or file of the site has this address" + how
			}
			continue
		}
		if len(p.children) == 0 {
			return p.url + " has no pages under it" + how
		}
		var urls []string
		for _, c := range p.children[:min(len(p.children), 8)] {
			urls = append(urls, c.url)
		}
		return p.url + " has: " + strings.Join(urls, ", ") + how
	}
}

// pagerHint says why the list has no page n, which a link asks for.
func (b *builder) pagerHint(list *Page, n int) string {
	switch total := b.pagesOf(list); {
	case total == 0:
		return fmt.Sprintf("the list %s is one page: its template uses neither .Paginator nor .Paginate, so it has no page/N/; link to %s", list.url, list.url)
	case total == 1:
		return fmt.Sprintf("the list %s is one page: what its template pages fits on it, so it has no page/%d/; link to %s", list.url, n, list.url)
	default:
		return fmt.Sprintf("the list %s has %d pages, as its template pages it, so it has no page/%d/; link to %s, or to its last page, %s",
			list.url, total, n, list.url, pageNURL(list.url, total))
	}
}
