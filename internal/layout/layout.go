// Package layout parses a site's layouts/ folder once per build and executes
// its templates: the lookup order, baseof blocks, partials, shortcodes and
// the one documented function set (funcs.go).
//
// Lookup follows Hugo so themes can move over. For a page of kind K and type
// T (front matter "type", else its top-level section; for taxonomy and term
// pages the taxonomy's plural, "tags", whose singular is S, "tag"), with
// front matter layout L:
//
//	any kind with L: T/L.html, _default/L.html, then by kind:
//	home:     home.html, index.html, _default/home.html, _default/list.html
//	section:  T/section.html, T/list.html, _default/section.html, _default/list.html
//	page:     T/page.html, T/single.html, _default/page.html, _default/single.html
//	taxonomy: in T/, S/, taxonomy/, _default/ in turn: S.terms.html, terms.html, taxonomy.html, list.html
//	term:     in T/, term/, taxonomy/, S/ in turn: term.html, S.html, list.html;
//	          then _default/term.html, _default/S.html; then taxonomy.html in each
//	          of those folders and _default/; then _default/list.html
//	404:      404.html, _default/404.html
//
// The taxonomy and term orders are Hugo's before 0.146
// (output/layouts/layout.go), whose names Hugo 0.146 and later still map:
// a theme's _default/terms.html lists the terms and its
// _default/taxonomy.html renders the term pages, as the theme meant.
//
// A template whose top level holds only {{define}}s is executed inside
// T/baseof.html or _default/baseof.html, whose {{block}}s it fills.
// Partials live in partials/ and are called as {{ partial "name.html" . }},
// from pages, shortcodes and other partials up to 100 calls deep; one
// that ends with {{ return VALUE }} gives VALUE instead of its text
// (funcs_return.go). Shortcodes live in shortcodes/.
//
// The package knows nothing of pages: data is whatever the caller passes,
// and site-specific functions (relURL, T, GetPage…) come in through Env.
package layout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Dir is the folder, relative to the site root, that holds the layouts.
const Dir = "layouts"

// Set is one parsed layouts/ folder. It is safe for concurrent use once
// Parse has returned.
type Set struct {
	sources   map[string]string             // name relative to Dir -> text
	pages     map[string]*template.Template // executable page templates by name
	shortcode map[string]*template.Template // by shortcode name
	// partials holds every partial, named "partials/x.html". It is never
	// executed, only cloned into levels (html/template clones only a
	// set that has not run).
	partials *template.Template
	// returns are the partials that give a value (funcs_return.go).
	returns map[string]bool
	// levels are the partials as run depth partial calls deep, made
	// when a call first goes that deep. Each level's partial function
	// runs the next level, so how deep a call is follows from which
	// level it is made in: no counter is shared between the pages that
	// run at once.
	levels [maxPartialDepth]partialLevel
	// broken holds the templates that failed to parse, and links the
	// paths ("layouts/partials") of the symbolic links that were not
	// read. Parse reports each once; pages and partial calls that use
	// them stay quiet instead of adding a problem each (the build fails
	// anyway). See unread.
	broken map[string]bool
	links  []string
	// ignored are files under layouts/ a Hugo site brings that samizdat
	// never runs (index.rss.xml, _markup render hooks): see Warnings.
	ignored []string
	bufs    sync.Pool // *bytes.Buffer that Execute runs pages into (see Execute)
	// partialBytes is what the partials running now hold (partialOut).
	partialBytes atomic.Int64
	// reachable holds the types found by name for hints (reachableType).
	reachable sync.Map
}

// Parse reads every .html file under layouts/ in fsys and parses it with
// the function set built from env. It returns every problem it finds, each
// at template file:line.
func Parse(fsys fs.FS, env Env) (*Set, []problem.Problem) {
	s := &Set{sources: map[string]string{}, pages: map[string]*template.Template{}, shortcode: map[string]*template.Template{}, broken: map[string]bool{}, returns: map[string]bool{}}
	var probs problem.List
	if err := s.read(fsys, &probs); err != nil {
		probs.Add(Dir, 0, 0, "cannot read the layouts folder: "+err.Error(), "check that layouts/ is a readable folder")
		return s, probs
	}
	funcs := env.funcMap(s)
	s.partials = template.New("partials").Funcs(funcs)
	for _, name := range s.names() {
		switch {
		case strings.HasPrefix(name, "partials/"):
			if _, err := s.partials.New(name).Parse(s.sources[name]); err != nil {
				probs = append(probs, s.parseProblem(err, name))
				s.broken[name] = true
			}
		case strings.HasPrefix(name, "shortcodes/"):
			t, err := template.New(name).Funcs(funcs).Parse(s.sources[name])
			if err != nil {
				probs = append(probs, s.parseProblem(err, name))
				s.broken[name] = true
				continue
			}
			s.shortcode[strings.TrimSuffix(path.Base(name), ".html")] = t
		}
	}
	for _, name := range s.names() {
		if strings.HasPrefix(name, "partials/") || strings.HasPrefix(name, "shortcodes/") || path.Base(name) == "baseof.html" {
			continue
		}
		t, err := s.parsePage(name, funcs)
		if err != nil {
			probs = append(probs, s.parseProblem(err, name))
			s.broken[name] = true
			continue
		}
		s.pages[name] = t
	}
	probs = s.hugoNames(funcs, probs)
	probs = s.wrapReturns(probs)
	for _, name := range s.names() {
		if line := integrityLine(s.sources[name]); line > 0 {
			probs.Add(Dir+"/"+name, line, 0, "an integrity attribute on a file of this site: browsers refuse the file when a reader opens a saved copy of the page from the disk, and the build changes the file's bytes (it minifies it), so the hash no longer matches",
				"remove the integrity attribute: a site's own files need none, and samizdat adds none")
		}
		if line := crossoriginLine(s.sources[name]); line > 0 {
			probs.Add(Dir+"/"+name, line, 0, "a crossorigin attribute on a file of this site: browsers then fetch it as from another site, and a reader who opens a saved copy of the page from the disk gets no stylesheet or script",
				"remove the crossorigin attribute: the site's own files need none")
		}
	}
	return s, probs
}

// integrityRE is an integrity attribute written in a template. Every file
// a page may load is the site's own (a load from another site is a
// problem of its own), so it is always on one of them.
var integrityRE = regexp.MustCompile(`(?i)\sintegrity\s*=`)

// integrityLine is the first line of src with an integrity attribute, or 0.
func integrityLine(src string) int {
	return firstLine(integrityRE, src)
}

// read reads every .html file under layouts/. Symbolic links are never
// followed, the layouts folder included: a link could publish a file from
// outside the site, so each is a problem at its path instead.
func (s *Set) read(fsys fs.FS, probs *problem.List) error {
	// WalkDir follows a link at its root.
	if info, err := fs.Lstat(fsys, Dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		s.link(Dir, probs)
		return nil
	}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Hidden files first: an editor's lock file (.#single.html) is
		// a link to nowhere, and no problem.
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			s.link(p, probs)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !strings.HasSuffix(p, ".html") || strings.Contains(p, "/_markup/") {
			s.ignored = append(s.ignored, p)
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.sources[strings.TrimPrefix(p, Dir+"/")] = string(bytes.TrimPrefix(b, []byte("\ufeff")))
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// literalID matches an id attribute a template writes as it is, not from
// a template action: id="main", id='top'.
var literalID = regexp.MustCompile(`\sid=(?:"([A-Za-z][\w-]*)"|'([A-Za-z][\w-]*)')`)

// IDs are the ids the templates (and partials) give elements literally,
// sorted: a page's markdown must not give a heading one of them.
func (s *Set) IDs() []string {
	seen := map[string]bool{}
	for name, src := range s.sources {
		if strings.HasPrefix(name, "shortcodes/") {
			continue // a shortcode's ids are in the markdown's own page
		}
		for _, m := range literalID.FindAllStringSubmatch(src, -1) {
			seen[m[1]+m[2]] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Warnings name the files under layouts/ that no page runs, which a site
// moved from Hugo brings: templates for other outputs than HTML pages
// (samizdat writes the feed, sitemap and robots.txt itself) and render
// hooks. Without a word, whoever wrote them would wait for their effect.
func (s *Set) Warnings() []problem.Problem {
	var out []problem.Problem
	for _, p := range s.ignored {
		msg, hint := "samizdat does not use this file: its templates are .html files",
			"samizdat writes the Atom feed (index.xml), sitemap.xml and robots.txt itself (a site's own robots.txt goes in static/); delete this file"
		if strings.Contains(p, "/_markup/") {
			msg, hint = "samizdat does not use render hooks: markdown's links, images, headings and code are rendered by samizdat",
				"delete this file; a figure with a caption is the built-in {{< figure >}} shortcode (see docs/content.md)"
		}
		out = append(out, problem.Problem{File: p, Message: msg, Hint: hint})
	}
	for _, name := range s.names() {
		if p, ok := s.contentView(name); ok {
			out = append(out, p)
			continue
		}
		if to := hugoNewPlace(name); to != "" {
			hint := "move it to " + Dir + "/" + to + ", where samizdat looks for it"
			if _, there := s.sources[to]; there {
				hint = "samizdat uses " + Dir + "/" + to + ": keep what you need of this file there, and delete this one"
			}
			out = append(out, problem.Problem{File: Dir + "/" + name,
				Message: "samizdat does not use this file: it is where Hugo 0.146 and later keep it", Hint: hint})
		}
	}
	if p, ok := s.taxonomyForTerms(); ok {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b problem.Problem) int { return strings.Compare(a.File, b.File) })
	return out
}

// contentView warns of a template that Hugo runs only for .Render, its
// content views (a list's {{ .Render "summary" }}): no page of samizdat
// runs it, as samizdat has no .Render.
func (s *Set) contentView(name string) (problem.Problem, bool) {
	base := path.Base(name)
	if base != "summary.html" && base != "li.html" || strings.HasPrefix(name, "partials/") || strings.HasPrefix(name, "shortcodes/") {
		return problem.Problem{}, false
	}
	to := "partials/" + strings.TrimPrefix(name, "_default/")
	hint := "move it to " + Dir + "/" + to + " and write {{ partial \"" + strings.TrimPrefix(to, "partials/") + "\" . }} where a layout had {{ .Render \"" + strings.TrimSuffix(base, ".html") + "\" }}"
	if _, there := s.sources[to]; there {
		hint = "samizdat uses " + Dir + "/" + to + ", called as {{ partial \"" + strings.TrimPrefix(to, "partials/") + "\" . }}: keep what you need of this file there, and delete this one"
	}
	return problem.Problem{File: Dir + "/" + name,
		Message: "samizdat does not use this file: Hugo runs it for {{ .Render \"" + strings.TrimSuffix(base, ".html") + "\" }} (a content view), and samizdat has no .Render",
		Hint:    hint}, true
}

// taxonomyForTerms warns when _default/taxonomy.html renders the term
// pages as well as the taxonomy pages: Hugo before 0.146 named the term
// template so (Lookup keeps its order), Hugo 0.146 the taxonomy template,
// and with no term.html or terms.html in the site one file does both, which
// a theme written for either Hugo does not expect.
func (s *Set) taxonomyForTerms() (problem.Problem, bool) {
	if _, ok := s.sources["_default/taxonomy.html"]; !ok {
		return problem.Problem{}, false
	}
	for name := range s.sources {
		if base := path.Base(name); (base == "term.html" || base == "terms.html" || strings.HasSuffix(base, ".terms.html")) && !strings.HasPrefix(name, "partials/") && !strings.HasPrefix(name, "shortcodes/") {
			return problem.Problem{}, false
		}
	}
	return problem.Problem{File: Dir + "/_default/taxonomy.html",
		Message: "this file renders each term's page (/tags/press/) as well as the list of terms (/tags/): there is no term.html, and Hugo before 0.146 used taxonomy.html for term pages",
		Hint:    "give the term pages a template of their own: copy " + Dir + "/_default/list.html to " + Dir + "/_default/term.html, or write one; if this file was written for term pages, write the list of terms as " + Dir + "/_default/terms.html"}, true
}

// hugoNewPlace is where samizdat reads a template that Hugo 0.146 and
// later keep at name (relative to Dir), or "" when samizdat reads name
// where it is: layouts/_partials/ and _shortcodes/, and page templates at
// the top of layouts/ rather than in _default/.
func hugoNewPlace(name string) string {
	if rest, ok := strings.CutPrefix(name, "_partials/"); ok {
		return "partials/" + rest
	}
	if rest, ok := strings.CutPrefix(name, "_shortcodes/"); ok {
		return "shortcodes/" + rest
	}
	switch name {
	case "single.html", "list.html", "page.html", "section.html", "taxonomy.html", "term.html":
		return "_default/" + name
	}
	return ""
}

// link records p, a symbolic link, as not read, and reports it.
func (s *Set) link(p string, probs *problem.List) {
	s.links = append(s.links, p)
	probs.Add(p, 0, 0, "symbolic links are not read", "copy the file into "+Dir+"/ instead of linking to it")
}

// unread reports whether the template name (relative to Dir) is missing
// because it did not parse or because it is, or is in, a link: a problem
// already reported.
func (s *Set) unread(name string) bool {
	if s.broken[name] {
		return true
	}
	p := Dir + "/" + name
	for _, l := range s.links {
		if p == l || strings.HasPrefix(p, l+"/") {
			return true
		}
	}
	return false
}

func (s *Set) names() []string {
	names := make([]string, 0, len(s.sources))
	for n := range s.sources {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parsePage parses one page template, inside its baseof when it only
// defines blocks.
func (s *Set) parsePage(name string, funcs template.FuncMap) (*template.Template, error) {
	text := s.sources[name]
	own, err := template.New(name).Funcs(funcs).Parse(text)
	if err != nil {
		return nil, err
	}
	base := s.baseof(name)
	if base == "" || !onlyDefines(own) {
		return own, nil
	}
	t, err := template.New(base).Funcs(funcs).Parse(s.sources[base])
	if err != nil {
		return nil, err
	}
	if _, err := t.New(name).Parse(text); err != nil {
		return nil, err
	}
	return t, nil
}

// baseof returns the baseof.html that wraps the template name: the one in
// its own folder first, then _default's.
func (s *Set) baseof(name string) string {
	for _, b := range []string{path.Join(path.Dir(name), "baseof.html"), "_default/baseof.html"} {
		if _, ok := s.sources[b]; ok {
			return b
		}
	}
	return ""
}

// onlyDefines reports whether a template's top level holds nothing but
// {{define}}s and whitespace, the sign that it fills a baseof.
func onlyDefines(t *template.Template) bool {
	if t.Tree == nil || t.Tree.Root == nil {
		return true
	}
	for _, n := range t.Tree.Root.Nodes {
		if tn, ok := n.(*parse.TextNode); ok && len(bytes.TrimSpace(tn.Text)) == 0 {
			continue
		}
		return false
	}
	return len(t.Templates()) > 1
}

// Descriptor is what Lookup needs to know of a page.
type Descriptor struct {
	Kind   string // home, section, page, taxonomy, term or 404
	Type   string // front matter type, else the top-level section; a taxonomy's plural for its taxonomy and term pages
	Layout string // front matter layout
	// Singular is the taxonomy's singular name ("tag") on taxonomy and
	// term pages, for Hugo's tag.html and tag.terms.html.
	Singular string
}

// Lookup returns the name of the template that renders a page d describes,
// or "" when there is none. A template that failed to parse or was not
// read (a link) still counts, so the page is not also reported as having
// none; Execute then returns nothing and no problem, because Parse has
// reported it.
func (s *Set) Lookup(d Descriptor) string {
	for _, c := range Candidates(d) {
		if _, ok := s.pages[c]; ok || s.unread(c) {
			return c
		}
	}
	return ""
}

// Candidates lists, in order, the template names Lookup tries.
func Candidates(d Descriptor) []string {
	var c []string
	typ := d.Type
	if d.Layout != "" {
		if typ != "" {
			c = append(c, typ+"/"+d.Layout+".html")
		}
		c = append(c, "_default/"+d.Layout+".html")
	}
	typed := func(names ...string) {
		if typ == "" {
			return
		}
		for _, n := range names {
			c = append(c, typ+"/"+n)
		}
	}
	switch d.Kind {
	case "home":
		c = append(c, "home.html", "index.html", "_default/home.html", "_default/list.html")
	case "section":
		typed("section.html", "list.html")
		c = append(c, "_default/section.html", "_default/list.html")
	case "page":
		typed("page.html", "single.html")
		c = append(c, "_default/page.html", "_default/single.html")
	case "taxonomy":
		c = inFolders(c, []string{typ, d.Singular, "taxonomy", "_default"}, d.Singular+".terms", "terms", "taxonomy", "list")
	case "term":
		// Hugo before 0.146 rendered term pages with taxonomy.html too, but
		// since 0.146, as in samizdat, taxonomy.html is the list of terms:
		// a site with tags/taxonomy.html for /tags/ and _default/term.html
		// means the latter for /tags/press/. So taxonomy.html comes only
		// after every term.html, tag.html and typed list.html.
		folders := []string{typ, "term", "taxonomy", d.Singular, "_default"}
		c = inFolders(c, folders[:len(folders)-1], "term", d.Singular, "list")
		c = inFolders(c, folders[len(folders)-1:], "term", d.Singular)
		c = inFolders(c, folders, "taxonomy")
		c = append(c, "_default/list.html")
	case "404":
		c = append(c, "404.html", "_default/404.html")
	}
	return c
}

// inFolders appends to c each name.html in each folder, folder by folder
// as Hugo's layoutBuilder.resolveVariations orders them, leaving out what
// an unknown folder or name ("", ".terms") would make and what c has.
func inFolders(c []string, folders []string, names ...string) []string {
	for _, f := range folders {
		for _, n := range names {
			if f == "" || n == "" || strings.HasPrefix(n, ".") {
				continue
			}
			if p := f + "/" + n + ".html"; !slices.Contains(c, p) {
				c = append(c, p)
			}
		}
	}
	return c
}

// Execute runs the page template name with data. Errors are problems at
// the template's file:line; page names the page being rendered so the
// campaigner knows where to look.
func (s *Set) Execute(name string, data any, page string) ([]byte, *problem.Problem) {
	t, ok := s.pages[name]
	if !ok && s.unread(name) {
		return nil, nil
	}
	if !ok {
		return nil, &problem.Problem{File: Dir + "/" + name, Message: "no such template"}
	}
	// Pages run into a reused buffer and are returned as an exact copy:
	// a build keeps every page in memory until it is written, and a
	// buffer's growth slack (up to half of it) would be kept with it.
	buf, _ := s.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer s.putBuf(buf)
	buf.Reset()
	if err := t.Execute(&capped{buf}, data); err != nil {
		if errors.Is(err, errTooLong) {
			file, what := Dir+"/"+name, "the page"
			var big *partialTooLong
			if errors.As(err, &big) {
				file, what = Dir+"/"+big.partial, "the partials it runs"
			}
			return nil, &problem.Problem{File: file,
				Message: fmt.Sprintf("while rendering %s: %s grew past %d MB, so the build stopped it", page, what, maxOutput>>20),
				Hint: `a template or partial that runs itself repeats its output without end: look for {{ template "main" . }} ` +
					"inside the block of the same name, or a partial that calls itself"}
		}
		p := templateProblem(err, name, s.nearField(data))
		p.Message = fmt.Sprintf("while rendering %s: %s", page, p.Message)
		return nil, &p
	}
	return bytes.Clone(buf.Bytes()), nil
}

// maxOutput caps one page's output. A template that runs itself (a block
// "main" holding {{ template "main" . }}) nests up to text/template's
// depth limit of 100 000, repeating the page each time: gigabytes before
// that limit's error. No real page comes near 64 MB.
const maxOutput = 64 << 20

var errTooLong = errors.New("page output too long")

// partialTooLong is errTooLong from a partial: the partials running at
// once hold more than maxOutput (see partialBytes).
type partialTooLong struct{ partial string }

func (e *partialTooLong) Error() string { return "partial " + e.partial + ": " + errTooLong.Error() }
func (e *partialTooLong) Unwrap() error { return errTooLong }

// partialOut is a partial's output buffer, counted in the Set's
// partialBytes: a partial's output is held in memory until the partial
// ends, and one that calls itself, or loops, would grow it without end
// below the page's own cap. The count is of all partials running at once,
// across the pages being built: real ones hold kilobytes.
type partialOut struct {
	buf   bytes.Buffer
	count *atomic.Int64
	name  string
}

func (w *partialOut) Write(p []byte) (int, error) {
	if w.count.Add(int64(len(p))) > maxOutput {
		w.count.Add(-int64(len(p)))
		return 0, &partialTooLong{partial: w.name}
	}
	return w.buf.Write(p)
}

// capped is a page's output buffer that refuses to grow past maxOutput.
type capped struct{ buf *bytes.Buffer }

func (c *capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > maxOutput {
		return 0, errTooLong
	}
	return c.buf.Write(p)
}

// maxPooledBuf is the largest buffer Execute keeps for the next page, so
// one huge page does not hold its buffer for the rest of the build.
const maxPooledBuf = 4 << 20

func (s *Set) putBuf(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledBuf {
		s.bufs.Put(buf)
	}
}

// Fingerprint is a hash of every layout file's name and text, for caches
// of results that depend on the layouts.
func (s *Set) Fingerprint() string {
	h := sha256.New()
	for _, n := range s.names() {
		fmt.Fprintf(h, "%s\x00%d\x00%s", n, len(s.sources[n]), s.sources[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// HasShortcode reports whether layouts/shortcodes/name.html exists.
func (s *Set) HasShortcode(name string) bool {
	_, ok := s.shortcode[name]
	return ok
}

// Shortcodes lists the names of the site's shortcode templates, sorted.
func (s *Set) Shortcodes() []string {
	known := make([]string, 0, len(s.shortcode))
	for k := range s.shortcode {
		known = append(known, k)
	}
	sort.Strings(known)
	return known
}

// Shortcode runs layouts/shortcodes/name.html with data. Its errors have
// a Hint method saying what to do, in words for the page's editor.
func (s *Set) Shortcode(name string, data any) (string, error) {
	t, ok := s.shortcode[name]
	if !ok && s.unread("shortcodes/"+name+".html") {
		return "", nil
	}
	if !ok {
		known := s.Shortcodes()
		hint := "this site has no shortcodes (layouts/shortcodes/ is empty)"
		if len(known) > 0 {
			hint = "the shortcodes of this site are: " + strings.Join(known, ", ") + "; check the spelling"
		}
		return "", &shortcodeError{
			msg:  fmt.Sprintf("unknown shortcode %q", name),
			hint: hint + "; to show the tag itself as text, write {{</* " + name + " */>}}",
		}
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		// A method of the call's data that refused the call (.Inner of a
		// call without a closing tag) says what is wrong with the call
		// itself: that, not the template's line, is for the editor.
		var call interface {
			error
			Hint() string
		}
		if errors.As(err, &call) {
			return "", &shortcodeError{msg: fmt.Sprintf("shortcode %q: %s", name, call.Error()), hint: call.Hint()}
		}
		p := templateProblem(err, "shortcodes/"+name+".html", s.nearField(data))
		hint := "the error is at " + p.Position() + "; check the call's arguments against that file"
		switch {
		case isErrorf(err) && namedFile(p.Message) != "":
			hint = "fix " + namedFile(p.Message) + ", which the message names; the shortcode's template (" + p.Position() + ") stopped with it"
		case isErrorf(err):
			hint = "the shortcode's template (" + p.Position() + ") stopped with this message; check the call's arguments"
		case errors.As(err, new(*depthError)):
			hint = p.Hint // the fault is in the layouts, whatever the call
		default:
			if h := callHint(err, p.Hint, p.Position()); h != "" {
				hint = h
			}
		}
		return "", &shortcodeError{msg: fmt.Sprintf("shortcode %q: %s", name, p.Message), hint: hint}
	}
	return buf.String(), nil
}

// shortcodeError is a shortcode that could not run: its message names the
// shortcode and Hint says what to do.
type shortcodeError struct{ msg, hint string }

func (e *shortcodeError) Error() string { return e.msg }

// Hint is what to do about the error.
func (e *shortcodeError) Hint() string { return e.hint }

// partial runs a partial by name, with or without the partials/ prefix
// and the .html suffix, from a template depth partial calls deep. It
// gives the partial's text, or the value of its return.
func (s *Set) partial(depth int, name string, data any) (any, error) {
	if !strings.HasSuffix(name, ".html") {
		name += ".html"
	}
	name = "partials/" + strings.TrimPrefix(name, "partials/")
	if s.unread(name) {
		return "", nil
	}
	if s.partials.Lookup(name) == nil {
		return "", fmt.Errorf("partial %q not found in %s/partials/", strings.TrimPrefix(name, "partials/"), Dir)
	}
	if depth == maxPartialDepth {
		return "", &depthError{partial: strings.TrimPrefix(name, "partials/")}
	}
	t, err := s.level(depth)
	if err != nil {
		return "", err
	}
	var ret *returnCall
	if s.returns[name] {
		ret = &returnCall{Arg: data}
		data = ret
	}
	out := &partialOut{count: &s.partialBytes, name: name}
	err = t.ExecuteTemplate(out, name, data)
	s.partialBytes.Add(-int64(out.buf.Len()))
	if err != nil {
		var deep *depthError
		if errors.As(err, &deep) {
			return "", deep.from(err, name)
		}
		return "", err
	}
	if ret != nil {
		return ret.value, nil // its text is dropped, as Hugo drops it
	}
	return template.HTML(out.buf.String()), nil
}

// maxPartialDepth is how many partial calls may be open inside one
// another. Real sites nest a few; a partial that includes itself would
// otherwise grow the stack until the process dies.
const maxPartialDepth = 100

// partialLevel is the partials as run at one depth.
type partialLevel struct {
	once sync.Once
	t    *template.Template
	err  error
}

// partialFunc is the partial function of templates running depth partial
// calls deep: pages and shortcodes get depth 0.
func (s *Set) partialFunc(depth int) func(string, any) (any, error) {
	return func(name string, data any) (any, error) { return s.partial(depth, name, data) }
}

// level returns the partials that calls at depth run, whose own partial
// calls run at depth+1.
func (s *Set) level(depth int) (*template.Template, error) {
	l := &s.levels[depth]
	l.once.Do(func() {
		if l.t, l.err = s.partials.Clone(); l.err == nil {
			l.t.Funcs(template.FuncMap{"partial": s.partialFunc(depth + 1), "partialCached": s.partialCachedFunc(depth + 1)})
			l.t.Funcs(template.FuncMap{"partials": s.partialsFunc(depth + 1)})
		}
	})
	return l.t, l.err
}

// depthError is a partial call past maxPartialDepth. It passes up through
// every open call unchanged, so the problem is at the deepest call, not
// at the page, and the message is not wrapped a hundred times over.
type depthError struct {
	partial string           // as called: "loop.html"
	at      *problem.Problem // the template call that went too deep
}

func (e *depthError) Error() string {
	return fmt.Sprintf("partial %q calls itself, or partials call each other, more than %d levels deep", e.partial, maxPartialDepth)
}

// from returns e placed at the call in partial name that err, the error
// of running it, came from, unless an inner call has placed it already.
func (e *depthError) from(err error, name string) *depthError {
	if e.at == nil {
		p := templateProblem(err, name, nil)
		p.Message = e.Error()
		p.Hint = "a partial must not include itself, directly or through other partials; check the partial calls in " + p.File
		e.at = &p
	}
	return e
}

// templateErr matches "template: NAME:LINE:COL: msg" and "template: NAME:LINE: msg".
var templateErr = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

// templateProblem turns a parse or execute error into a problem at the
// template file and line that caused it.
func templateProblem(err error, name string, near func(field, typ string) string) problem.Problem {
	var deep *depthError
	if errors.As(err, &deep) && deep.at != nil {
		return *deep.at
	}
	msg := err.Error()
	p := problem.Problem{File: Dir + "/" + name, Message: msg,
		Hint: "fix the template; {{ }} actions must be closed and functions and fields spelled as in docs/templates.md"}
	// The innermost location is the one that matters (a partial inside a
	// page). Errors of html/template itself ("html/template: ...") carry
	// no location, so the last one that has one is taken.
	var m []string
	for i := len(msg); m == nil; {
		i = strings.LastIndex(msg[:i], "template: ")
		if i < 0 {
			return p
		}
		m = templateErr.FindStringSubmatch(msg[i:])
	}
	file := m[1]
	if !strings.Contains(file, "/") && !strings.HasSuffix(file, ".html") {
		file = name
	}
	p.File = Dir + "/" + file
	p.Line, _ = strconv.Atoi(m[2])
	p.Col, _ = strconv.Atoi(m[3])
	p.Message = strings.TrimSpace(m[4])
	// errorf is the template author's own message: show it alone.
	if own, ok := errorfMessage(p.Message); ok {
		p.Message = own
		p.Hint = "the template stopped with this message of its own (errorf); do what it asks in the page, or fix the template"
		if f := namedFile(own); f != "" {
			p.Hint = "fix " + f + ", which the message names; the template stopped with it (errorf)"
		}
	}
	if hint := hugoHint(p.Message, near); hint != "" {
		p.Hint = hint
	}
	// A function's error that says what to do (len of nothing).
	var hinted interface{ Hint() string }
	if errors.As(err, &hinted) {
		p.Hint = hinted.Hint()
	}
	if strings.Contains(p.Message, "not found in "+Dir+"/partials/") {
		p.Hint = "create the file in " + Dir + "/partials/, or correct the name in the partial call"
		if h := hugoPartialHint(p.Message); h != "" {
			p.Hint = h
		}
	}
	// A method called on nothing: most often .URL or .Title of a page
	// that GetPage did not find, because its file was renamed, moved,
	// deleted or made a draft.
	if _, rest, ok := strings.Cut(p.Message, "error calling "); ok && strings.Contains(rest, "nil pointer dereference") {
		method, _, _ := strings.Cut(rest, ":")
		p.Message = "." + method + " of nothing: the value before it is missing"
		p.Hint = "most often a page the template looks up (GetPage \"/timeline\") no longer exists: its file was renamed, moved, deleted or made a draft; restore it, or change the template to use {{ with }} around it"
	}
	// text/template's own cap on {{ template }} inside {{ template }}.
	if strings.Contains(p.Message, "exceeded maximum template depth") {
		p.Hint = "a {{ define }} or {{ block }} calls itself with {{ template }}, directly or through others, without end; check the {{ template }} calls in " + p.File
	}
	return p
}

// parseProblem is templateProblem for a parse error, saying where a block
// lacks its {{ end }}: text/template says only "unexpected EOF", at the
// last line of the file.
func (s *Set) parseProblem(err error, name string) problem.Problem {
	p := templateProblem(err, name, nil)
	if !strings.Contains(p.Message, "unexpected EOF") {
		return p
	}
	open := unclosedBlocks(s.sources[strings.TrimPrefix(p.File, Dir+"/")])
	if len(open) == 0 {
		return p
	}
	names := make([]string, len(open))
	for i, b := range open {
		names[i] = fmt.Sprintf("{{ %s }} on line %d", b.word, b.line)
	}
	if len(open) == 1 {
		p.Message = names[0] + " has no {{ end }}"
	} else {
		p.Message = "one of " + strings.Join(names, ", ") + " has no {{ end }}"
	}
	p.Line, p.Col = open[len(open)-1].line, 0
	p.Hint = "every {{ if }}, {{ with }}, {{ range }}, {{ define }} and {{ block }} needs its own {{ end }}"
	return p
}

// action is one {{ }} action of a template, its text without the trim
// markers.
var action = regexp.MustCompile(`(?s)\{\{-?\s*(.*?)\s*-?\}\}`)

// block is a {{ if }}, {{ with }}, {{ range }}, {{ define }} or {{ block }}
// and the line it opens on.
type block struct {
	word string
	line int
}

// unclosedBlocks lists the blocks in a template's text that no {{ end }}
// closes, outermost first. It reads actions as text, which is enough to
// say where to look once the parser has found an {{ end }} missing.
func unclosedBlocks(src string) []block {
	var open []block
	for _, m := range action.FindAllStringSubmatchIndex(src, -1) {
		fields := strings.FieldsFunc(src[m[2]:m[3]], func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '(' })
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "if", "with", "range", "define", "block":
			open = append(open, block{fields[0], 1 + strings.Count(src[:m[0]], "\n")})
		case "end":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	return open
}

// errorfCalls are how text/template's error names a call of errorf,
// under its short name or as Hugo's fmt.Errorf, before its message.
var errorfCalls = []string{"error calling errorf: ", "at <fmt.Errorf>: error calling Errorf: "}

// errorfMessage is the template author's own message in an error of
// errorf; ok is false for any other error.
func errorfMessage(msg string) (own string, ok bool) {
	for _, c := range errorfCalls {
		if _, own, ok := strings.Cut(msg, c); ok {
			return own, true
		}
	}
	return "", false
}

func isErrorf(err error) bool {
	_, ok := errorfMessage(err.Error())
	return ok
}

// namedFileRE is an errorf message that starts with the site file it is
// about ("data/timeline.yaml: the event … has no date").
var namedFileRE = regexp.MustCompile(`^((?:data|i18n|content|static|layouts)/[^\s:]+|site\.toml):`)

// namedFile is the site file an errorf message of the layouts starts
// with, or "": the mistake is there, not in the page whose build stopped,
// nor in the call of the shortcode.
func namedFile(msg string) string {
	if m := namedFileRE.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}
