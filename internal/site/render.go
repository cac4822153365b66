package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// renderMarkdown converts every page's markdown on all cores with one
// shared converter.
func (b *builder) renderMarkdown() {
	// Links relative to a page's address are checked against the site's
	// addresses, all known before any markdown renders (pageRelative).
	b.linkAddrs = sync.OnceValue(b.addresses)
	// Made when a link first misses, to suggest a file by another case.
	b.caseIndex = sync.OnceValue(b.sourcesByLowerCase)
	b.world.markdown.Store(true)
	defer b.world.markdown.Store(false)
	var srcPages []*Page
	for _, p := range b.pages {
		if p.src != nil && p.src.File != "" {
			srcPages = append(srcPages, p)
		}
	}
	if b.cache == nil { // a cold build: no keys to compute
		b.workers(len(srcPages), func(i int) {
			p := srcPages[i]
			var probs []problem.Problem
			p.rendered, probs = p.site.conv.Convert(p.src.Body, b.markdownContext(p))
			for _, pr := range probs {
				b.problem(pr)
			}
			b.warn(p.rendered.Warnings)
		})
		// Nothing reads the markdown again in a build without a cache;
		// the file it was cut from is freed with it.
		for _, p := range srcPages {
			p.src.Body = nil
		}
		return
	}
	b.mdSiteKey = b.siteKey()
	b.workers(len(srcPages), func(i int) {
		p := srcPages[i]
		key := b.markdownKey(p)
		e, ok := b.cache.markdownGet(key)
		if !ok {
			e.result, e.probs = p.site.conv.Convert(p.src.Body, b.markdownContext(p))
			e.scratch = p.scratch
			b.cache.markdownPut(key, e)
		}
		p.rendered, p.mdKey, p.scratch = e.result, key, e.scratch
		for _, pr := range e.probs {
			b.problem(pr)
		}
		b.warn(e.result.Warnings)
	})
	b.learnShortcodeResources()
}

// siteKey hashes what every page's markdown may depend on besides its own
// body: the URLs links resolve to (pages', and files' copied from
// content/), the layouts shortcodes run, the markdown settings. A change
// to any of them renders every page again.
func (b *builder) siteKey() string {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", b.cfg.Markup)
	urls := make([]string, 0, len(b.world.bySource))
	for f, p := range b.world.bySource {
		urls = append(urls, f+" "+p.url)
	}
	sort.Strings(urls)
	for _, u := range urls {
		fmt.Fprintln(h, u)
	}
	b.hashContentFiles(h)
	b.hashOtherAddresses(h)
	// A link to a page left out says why it is (a draft, dated later),
	// found by its file or by the addresses it would have.
	left := make([]string, 0, len(b.world.unpublished))
	for f, u := range b.world.unpublished {
		left = append(left, f+"\x00"+u.Why+"\x00"+u.URL+"\x00"+strings.Join(u.Aliases, "\x00"))
	}
	sort.Strings(left)
	for _, l := range left {
		fmt.Fprintln(h, l)
	}
	h.Write([]byte(b.world.sites[0].layout.Fingerprint()))
	return hex.EncodeToString(h.Sum(nil))
}

// markdownKey is the cache key of one page's rendered markdown. A page
// that calls shortcodes also depends on whatever a shortcode can read: its
// own front matter, its site's data and interface strings,
// shortcodeKey's config and page graph, and its bundle's files, and every
// bundle's if a shortcode read another page's .Resources (otherBundles),
// so those join the key.
func (b *builder) markdownKey(p *Page) string {
	h := sha256.New()
	fmt.Fprintln(h, b.mdSiteKey, p.src.File, p.src.BodyLine, p.src.Version)
	if bytes.Contains(p.src.Body, []byte("{{")) {
		fmt.Fprintf(h, "\n%+v\n%v\n%v\n%s\n%s\n%s\n", p.src.Meta, p.site.data, p.site.strings, b.structure(),
			b.world.resources.bundleKey(p), b.otherBundles())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// otherBundlesKey hashes every bundle's files for the markdown keys of
// pages with shortcodes, if a shortcode of an earlier build read another
// page's .Resources; else "". Computed at most once per build.
func (b *builder) otherBundlesKey() string {
	if b.cache == nil {
		return ""
	}
	b.cache.mu.Lock()
	read := b.cache.shortcodeResources
	b.cache.mu.Unlock()
	if !read {
		return ""
	}
	h := sha256.New()
	b.world.resources.hash(h)
	return hex.EncodeToString(h.Sum(nil))
}

// learnShortcodeResources keeps, for the next build's markdown keys,
// whether a shortcode of this one read another page's .Resources. A
// markdown served from the cache did not run its shortcodes, so the
// answer only grows, as the template reads do (learn).
func (b *builder) learnShortcodeResources() {
	if b.cache == nil || !b.world.markdownResources.Load() {
		return
	}
	b.cache.mu.Lock()
	b.cache.shortcodeResources = true
	b.cache.mu.Unlock()
}

// shortcodeKey hashes the rest of what a shortcode can read through .Site
// and .Page: the whole config (.Site.Params, .Site.Title, the baseURL in
// .Permalink) and every page's kind, URL, title, front matter and place
// (.Page.Next, .Parent, lists, translations). It is computed once per
// build, and only if a page calls a shortcode. property_test.go checks it.
func (b *builder) shortcodeKey() string {
	h := sha256.New()
	// JSON for the config, as it holds pointers; its free-form params
	// apart, as they may hold what JSON refuses (NaN).
	cfg := b.cfg
	cfg.Params = nil
	j, err := json.Marshal(cfg)
	fmt.Fprintf(h, "%s %v %v", j, err, b.cfg.Params)
	url := func(p *Page) string {
		if p == nil {
			return "-"
		}
		return p.url
	}
	// One line a page, appended by hand rather than with fmt: a site of
	// 10 000 pages lists some 40 000 children, and fmt made this a tenth of
	// the dev server's rebuild.
	var line []byte
	field := func(s string) { line = append(append(line, ' '), s...) }
	for _, q := range b.pages {
		line = append(append(line[:0], '\n'), q.site.lang...)
		field(q.kind)
		field(q.url)
		line = strconv.AppendQuote(append(line, ' '), q.title)
		field(q.File())
		field(url(q.parent))
		field(url(q.prev))
		field(url(q.next))
		for _, c := range q.children {
			field(c.url)
		}
		for _, t := range q.Translations() {
			field(t.url)
		}
		if q.src != nil {
			// The front matter as written identifies its decoded Meta
			// (taxonomies, the only other input, are in the config).
			field(q.src.MetaVersion)
		}
		h.Write(line)
	}
	// A bundle's files, read through .Resources, are not here but in the
	// keys of the pages that read them (bundleKey, readResources), so
	// one edited photo does not render every page again.
	b.world.assets.hash(h) // assets/, read through resources.Get
	return hex.EncodeToString(h.Sum(nil))
}

// markdownContext tells the converter how to resolve this page's links
// and run its shortcodes.
func (b *builder) markdownContext(p *Page) markdown.Context {
	// p's pad and its calls' dots are made when its first shortcode runs:
	// most pages have none, and a page with no pad reads as an empty one.
	p.scratch = nil
	var calls *shortcodeCalls
	return markdown.Context{
		File:       p.src.File,
		LineOffset: p.src.BodyLine,
		ResolveLink: func(dest string) (string, string, bool) {
			return b.resolveLink(p, dest)
		},
		ResolveRef: func(ref string) (string, error) {
			return b.resolveRef(p, ref)
		},
		Suggest:       b.sameButCase,
		Unpublished:   func(dest string) string { return b.linkLeftOut(p, dest) },
		OtherLanguage: func(target string) string { return b.world.otherLanguage(p.Lang(), target) },
		HasShortcode:  p.site.layout.HasShortcode,
		Shortcode: func(call markdown.Shortcode) (string, error) {
			if calls == nil {
				calls = newShortcodeCalls(p.ownScratch())
			}
			out, err := p.site.layout.Shortcode(call.Name, calls.dot(call))
			if err != nil && !p.site.layout.HasShortcode(call.Name) {
				return "", unknownShortcode(call.Name, p.site.layout.Shortcodes())
			}
			return out, err
		},
	}
}

// markdownify renders a short string from a template, with no links to
// pages' files and no shortcodes. A link by address to a page in another
// language gets hreflang, as in a page's markdown.
func (s *Site) markdownify(text string) (template.HTML, error) {
	r, probs := s.conv.Convert([]byte(text), markdown.Context{File: "markdownify",
		OtherLanguage: func(target string) string { return s.world.otherLanguage(s.lang, target) }})
	if len(probs) > 0 {
		return "", fmt.Errorf("markdownify: %s", probs[0].Message)
	}
	return template.HTML(r.HTML), nil
}

// ShortcodeData is the dot inside a shortcode template.
type ShortcodeData struct {
	call   markdown.Shortcode
	page   *Page
	pad    *layout.Scratch // the call's own .Scratch, made when first asked for
	parent *ShortcodeData  // the call it is written in (shortcode_call.go)
}

// Get returns a named argument by key, or a positional one by index; ""
// when absent.
func (s *ShortcodeData) Get(key any) string {
	switch k := key.(type) {
	case string:
		return s.call.Named[k]
	case int:
		if k >= 0 && k < len(s.call.Positional) {
			return s.call.Positional[k]
		}
	}
	return ""
}

// Params is the map of named arguments or, for a call of positional
// ones, their list, as Hugo's: {{ range .Params }} over a gallery's
// files. A call without arguments has an empty map.
func (s *ShortcodeData) Params() any {
	if len(s.call.Positional) > 0 {
		return s.call.Positional
	}
	return s.call.Named
}

// IsNamedParams reports whether the call's arguments are named
// (key="value") rather than positional, as Hugo's does; false for a call
// without arguments.
func (s *ShortcodeData) IsNamedParams() bool { return len(s.call.Named) > 0 }

// Inner is what is between the opening and closing tags: rendered
// markdown for {{% %}} calls; for {{< >}} calls the text, escaped, with
// the HTML of the calls nested in it. A self-closing call ({{< x />}})
// has none, as in Hugo; a call with no closing tag at all is a mistake,
// as in Hugo, where the template wants its text.
func (s *ShortcodeData) Inner() (template.HTML, error) {
	if !s.call.HasInner && !s.call.SelfClosed {
		return "", &callMistake{msg: "the call has no closing tag, so it has no text inside",
			hint: fmt.Sprintf("end the text it wraps with {{< /%s >}}", s.call.Name)}
	}
	return template.HTML(s.call.Inner), nil
}

// callMistake is a mistake in a shortcode's call, not in its template:
// layout.Shortcode reports its message and hint as they are, instead of
// pointing at the template line that noticed it.
type callMistake struct{ msg, hint string }

func (e *callMistake) Error() string { return e.msg }

// Hint is what to do about it.
func (e *callMistake) Hint() string { return e.hint }

// Name is the shortcode's name.
func (s *ShortcodeData) Name() string { return s.call.Name }

// Page is the page the shortcode is called from.
func (s *ShortcodeData) Page() *Page { return s.page }

// Site is the site.
func (s *ShortcodeData) Site() *Site { return s.page.site }

// executeTemplates runs each page's template on all cores, then the
// further pages of paginated lists and the 404 page.
//
// Regular pages run first, then lists, so that what each phase's templates
// read of other pages can be recorded for the cache (memo.go): a list
// shows other pages' summaries, a page usually only its own content.
func (b *builder) executeTemplates() {
	var keys *templateKeys
	if b.cache != nil {
		keys = b.newTemplateKeys(b.structure())
	}
	var pages, lists []*Page
	for _, p := range b.pages {
		if p.kind == content.KindPage {
			pages = append(pages, p)
		} else {
			lists = append(lists, p)
		}
	}
	for phase, ps := range [phases][]*Page{phasePages: pages, phaseLists: lists} {
		b.world.phase.Store(int32(phase))
		b.workers(len(ps), func(i int) { b.executePage(ps[i], keys, phase) })
	}
	b.probs = append(b.probs, b.pageProbs.problems()...)
	b.execute404s()
	b.learn(keys)
	b.reportMissingStrings()
}

// reportMissingStrings turns the interface strings templates asked for
// but the language's i18n file lacks into problems, once the site has
// i18n files at all.
func (b *builder) reportMissingStrings() {
	if !b.world.hasStrings {
		return
	}
	for _, k := range b.world.missingStrings() {
		lang, key, _ := strings.Cut(k, "\x00")
		file := b.stringsFile(lang)
		b.problem(problem.Problem{File: file,
			Message: fmt.Sprintf("missing interface string %q for language %s", key, lang),
			Hint:    fmt.Sprintf("add a line %s with the text in that language to %s", stringLine(file, key), file)})
	}
}

// executePage writes a page, and the further pages of a list whose
// template paged (.Paginator, .Paginate), each from the cache when its key
// is there. Such a list also gets list/page/1/, a redirect to its first
// page, as Hugo writes one: links written for a Hugo site, or by hand from
// the /page/2/ pattern, then still find the list. How many pages it has is
// what the template paged on its first page: with .Paginate it is known
// only now, so it is recorded for the links to page/N/ (pagerThere).
func (b *builder) executePage(p *Page, keys *templateKeys, phase int) {
	name := p.site.layout.Lookup(p.descriptor())
	if name == "" {
		b.pageProbs.add(describe(p), problem.Problem{File: p.File(), Message: fmt.Sprintf("no template for this page (kind %s)", p.kind),
			Hint: "add one of: " + strings.Join(prefixAll(layout.Candidates(p.descriptor())), ", ")}, true)
		b.paginated.Store(p, pagesUnknown) // its problem is the one to fix, not links to its pages
		return
	}
	total, ran := b.executeOne(p, name, keys, phase, 1)
	switch {
	case !ran: // a template that failed is not known either
		b.paginated.Store(p, pagesUnknown)
		return
	case total == 0:
		return
	}
	b.paginated.Store(p, total)
	b.writeRedirect(p, pageNURL(p.url, 1), owner{page: p, what: "the redirect from page 1 of the list"})
	for n := 2; n <= total; n++ {
		b.executeOne(p, name, keys, phase, n)
	}
}

// pagesUnknown is what builder.paginated holds for a list whose template
// did not run: how many pages it has is not known.
const pagesUnknown = -1

// executeOne writes page n of p (1 for a page that is not a list) and
// reports how many pages its template paged the list into (0 when it
// did not page), and whether it ran without a problem.
func (b *builder) executeOne(p *Page, name string, keys *templateKeys, phase, n int) (pages int, ran bool) {
	key := keys.key(p, phase, n) // "" without a cache
	e, ok := b.cache.templateGet(key)
	if !ok {
		e = execute(p, name, n)
		b.cache.templatePut(key, e)
	}
	if e.prob != nil {
		b.pageProbs.add(describe(p), *e.prob, false)
		return 0, false
	}
	out := content.OutputPath(pagerURL(p.url, n))
	if n == 1 {
		b.write(out, e.html)
	} else {
		// A list's further pages (/news/page/2/) are addresses no content
		// file claims, so content.Load cannot see a page or alias there.
		b.writeAs(out, owner{page: p, what: fmt.Sprintf("page %d of the list", n)}, e.html)
	}
	if key != "" {
		b.keyFile(out, key)
	}
	return e.pages, true
}

// execute runs template name for page n of p.
func execute(p *Page, name string, n int) templateEntry {
	view := *p // the page's own copy: its reads of itself are in its key
	view.self, view.paging, view.scratch = true, &paging{n: n}, p.scratch.Clone()
	html, prob := p.site.layout.Execute(name, &view, describe(p))
	return templateEntry{html: html, prob: prob, pages: view.paging.total()}
}

// execute404s writes each language's 404 page: /404.html for the default
// language, /ru/404.html and so on for the others, each the others'
// translation.
func (b *builder) execute404s() {
	group := map[string]*Page{}
	for _, s := range b.world.sites {
		group[s.lang] = &Page{site: s, kind: "404", title: s.label("not_found_title"), url: s.prefix() + "/404.html", parent: s.home, translations: group,
			self: true, scratch: layout.NewScratch()}
	}
	for _, s := range b.world.sites {
		name := s.layout.Lookup(layout.Descriptor{Kind: "404"})
		if name == "" {
			continue
		}
		p := group[s.lang]
		html, prob := s.layout.Execute(name, p, describe(p))
		if prob != nil {
			b.problem(*prob)
			continue
		}
		b.write(strings.TrimPrefix(p.url, "/"), html)
	}
}

// describe names a page for error messages: its file, or its URL.
func describe(p *Page) string {
	if f := p.File(); f != "" {
		return f
	}
	return p.url
}

func prefixAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = layout.Dir + "/" + n
	}
	return out
}

// tocHTML renders headings of level 2 and 3 as a nested list.
func tocHTML(hs []markdown.Heading, label string) template.HTML {
	var items []markdown.Heading
	for _, h := range hs {
		if h.Level == 2 || h.Level == 3 {
			items = append(items, h)
		}
	}
	if len(items) < 2 {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, `<nav class="toc" aria-label="%s"><ol>`, template.HTMLEscapeString(label))
	level := 2
	open := false
	for _, h := range items {
		switch {
		case h.Level > level:
			sb.WriteString("<ol>")
			level = 3
		case h.Level < level:
			sb.WriteString("</li></ol></li>")
			level = 2
		case open:
			sb.WriteString("</li>")
		}
		fmt.Fprintf(&sb, `<li><a href="#%s">%s</a>`, template.HTMLEscapeString(h.ID), template.HTMLEscapeString(h.Text))
		open = true
	}
	if level == 3 {
		sb.WriteString("</li></ol>")
	}
	sb.WriteString("</li></ol></nav>")
	return template.HTML(sb.String())
}
