package layout

import (
	"errors"
	"io/fs"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestLookupOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/list.html":     {Data: []byte("list")},
		"layouts/_default/single.html":   {Data: []byte("single")},
		"layouts/people/single.html":     {Data: []byte("person")},
		"layouts/_default/letter.html":   {Data: []byte("letter")},
		"layouts/index.html":             {Data: []byte("home")},
		"layouts/404.html":               {Data: []byte("404")},
		"layouts/tags/term.html":         {Data: []byte("tag term")},
		"layouts/zhanaozen/section.html": {Data: []byte("zh section")},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tests := []struct{ kind, typ, layout, want string }{
		{"home", "home", "", "index.html"},
		{"section", "zhanaozen", "", "zhanaozen/section.html"},
		{"section", "complaint", "", "_default/list.html"},
		{"page", "people", "", "people/single.html"},
		{"page", "complaint", "", "_default/single.html"},
		{"page", "action", "letter", "_default/letter.html"},
		{"term", "tags", "", "tags/term.html"},
		{"taxonomy", "tags", "", "_default/list.html"},
		{"404", "", "", "404.html"},
	}
	for _, tt := range tests {
		if got := set.Lookup(Descriptor{Kind: tt.kind, Type: tt.typ, Layout: tt.layout}); got != tt.want {
			t.Errorf("Lookup(%q, %q, %q) = %q; want %q", tt.kind, tt.typ, tt.layout, got, tt.want)
		}
	}
}

// TestLookupHugoTaxonomyNames: taxonomy and term pages find their
// templates under the names Hugo gave them before 0.146, which Hugo 0.146
// and later still map, in Hugo's order: a theme's _default/terms.html
// lists the terms (as hugo-xmin's does) and its _default/taxonomy.html
// renders the term pages; tag.html and tag.terms.html are for one
// taxonomy.
func TestLookupHugoTaxonomyNames(t *testing.T) {
	tests := []struct {
		files          []string
		taxonomy, term string
	}{
		{[]string{"_default/list.html", "_default/terms.html"}, "_default/terms.html", "_default/list.html"},
		{[]string{"_default/list.html", "_default/terms.html", "_default/taxonomy.html"}, "_default/terms.html", "_default/taxonomy.html"},
		{[]string{"_default/list.html", "_default/taxonomy.html", "_default/term.html"}, "_default/taxonomy.html", "_default/term.html"},
		{[]string{"_default/list.html", "_default/tag.html", "_default/tag.terms.html", "_default/terms.html"}, "_default/tag.terms.html", "_default/tag.html"},
		{[]string{"_default/list.html", "taxonomy/tag.terms.html", "taxonomy/tag.html"}, "taxonomy/tag.terms.html", "taxonomy/tag.html"},
		{[]string{"_default/term.html", "tags/list.html", "_default/taxonomy.html"}, "tags/list.html", "tags/list.html"},
		{[]string{"_default/list.html", "tag/terms.html", "tag/tag.html"}, "tag/terms.html", "tag/tag.html"},
		{[]string{"_default/term.html", "term/taxonomy.html"}, "", "_default/term.html"},
		// samizdat's (and Hugo 0.146's) names: taxonomy.html is the list of
		// terms, term.html the term pages, wherever each is.
		{[]string{"tags/taxonomy.html", "_default/term.html"}, "tags/taxonomy.html", "_default/term.html"},
		{[]string{"_default/list.html", "tags/taxonomy.html"}, "tags/taxonomy.html", "tags/taxonomy.html"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for _, f := range tt.files {
			fsys["layouts/"+f] = &fstest.MapFile{Data: []byte(f)}
		}
		set, probs := Parse(fsys, Env{})
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		for kind, want := range map[string]string{"taxonomy": tt.taxonomy, "term": tt.term} {
			if got := set.Lookup(Descriptor{Kind: kind, Type: "tags", Singular: "tag"}); got != want {
				t.Errorf("with %v, Lookup(%s of tags) = %q; want %q", tt.files, kind, got, want)
			}
		}
	}
	want := []string{"tags/tag.terms.html", "tags/terms.html", "tags/taxonomy.html", "tags/list.html",
		"tag/tag.terms.html", "tag/terms.html", "tag/taxonomy.html", "tag/list.html",
		"taxonomy/tag.terms.html", "taxonomy/terms.html", "taxonomy/taxonomy.html", "taxonomy/list.html",
		"_default/tag.terms.html", "_default/terms.html", "_default/taxonomy.html", "_default/list.html"}
	if got := Candidates(Descriptor{Kind: "taxonomy", Type: "tags", Singular: "tag"}); !slices.Equal(got, want) {
		t.Errorf("Candidates(taxonomy) =\n%q\nwant\n%q", got, want)
	}
	want = []string{"tags/term.html", "tags/tag.html", "tags/list.html",
		"term/term.html", "term/tag.html", "term/list.html",
		"taxonomy/term.html", "taxonomy/tag.html", "taxonomy/list.html",
		"tag/term.html", "tag/tag.html", "tag/list.html",
		"_default/term.html", "_default/tag.html",
		"tags/taxonomy.html", "term/taxonomy.html", "taxonomy/taxonomy.html", "tag/taxonomy.html", "_default/taxonomy.html",
		"_default/list.html"}
	if got := Candidates(Descriptor{Kind: "term", Type: "tags", Singular: "tag"}); !slices.Equal(got, want) {
		t.Errorf("Candidates(term) =\n%q\nwant\n%q", got, want)
	}
}

func TestBaseofBlocks(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<main>{{ block "main" . }}default{{ end }}</main>{{ partial "foot" . }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}page {{ . }}{{ end }}`)},
		"layouts/_default/list.html":   {Data: []byte(`standalone {{ . }}`)},
		"layouts/partials/foot.html":   {Data: []byte(`<footer>{{ . }}</footer>`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, prob := set.Execute("_default/single.html", "x", "p")
	if prob != nil {
		t.Fatal(prob)
	}
	if want := "<main>page x</main><footer>x</footer>"; string(got) != want {
		t.Errorf("got %q; want %q", got, want)
	}
	got, _ = set.Execute("_default/list.html", "y", "p")
	if want := "standalone y"; string(got) != want {
		t.Errorf("a template with content of its own must not use baseof: got %q; want %q", got, want)
	}
}

// TestExecuteOutputsAreOwnAndExact checks what a build keeping every page
// relies on: each page is its own slice, no longer than it needs to be,
// and running the next page (in a reused buffer) leaves it as it was.
func TestExecuteOutputsAreOwnAndExact(t *testing.T) {
	fsys := fstest.MapFS{"layouts/_default/single.html": {Data: []byte(`<p>{{ . }}</p>`)}}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var outs [][]byte
	var wants []string
	for _, text := range []string{strings.Repeat("long ", 2000), "short", strings.Repeat("longer ", 3000), "x"} {
		got, prob := set.Execute("_default/single.html", text, "p")
		if prob != nil {
			t.Fatal(prob)
		}
		// Allocation rounds up to a size class (at most 1/8 more); a
		// grown buffer would have up to twice the length.
		if limit := len(got) + len(got)/8 + 16; cap(got) > limit {
			t.Errorf("output of %d bytes has capacity %d; want at most %d", len(got), cap(got), limit)
		}
		outs, wants = append(outs, got), append(wants, "<p>"+text+"</p>")
	}
	for i, got := range outs {
		if string(got) != wants[i] {
			t.Errorf("page %d changed after later pages ran: got %.40q; want %.40q", i, got, wants[i])
		}
	}
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/broken.html": {Data: []byte("ok\n{{ if }}\n")},
		"layouts/_default/single.html": {Data: []byte("line1\n{{ partial \"bad.html\" . }}")},
		"layouts/partials/bad.html":    {Data: []byte("a\nb\n{{ div 1 0 }}")},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) != 1 || probs[0].File != "layouts/_default/broken.html" || probs[0].Line != 2 {
		t.Fatalf("parse problems = %v; want one at layouts/_default/broken.html:2", probs)
	}
	_, prob := set.Execute("_default/single.html", map[string]any{}, "content/a.md")
	if prob == nil {
		t.Fatal("no problem from a failing partial")
	}
	if prob.File != "layouts/partials/bad.html" || prob.Line != 3 || !strings.Contains(prob.Message, "content/a.md") {
		t.Errorf("got %s; want a problem at layouts/partials/bad.html:3 naming content/a.md", prob)
	}
}

// TestSelfRunningTemplateStops: a block that runs itself repeats the page
// up to text/template's depth limit; it took gigabytes of memory before
// failing. The page's output is capped, and the problem says what to look
// for.
func TestSelfRunningTemplateStops(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<main>{{ block "main" . }}{{ end }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`{{ define "main" }}{{ .text }}{{ template "main" . }}{{ end }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatalf("parse problems: %v", probs)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, prob := set.Execute("_default/list.html", map[string]any{"text": strings.Repeat("Zhanaozen ", 2000)}, "content/_index.md")
	runtime.ReadMemStats(&after)
	if prob == nil || !strings.Contains(prob.Message, "while rendering content/_index.md: the page grew past 64 MB") ||
		!strings.Contains(prob.Hint, `{{ template "main" . }}`) {
		t.Fatalf("got %v; want the page stopped at 64 MB, with a hint", prob)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 1<<30 {
		t.Errorf("the page allocated %d MB before it stopped", grown>>20)
	}
}

// TestRunawayPartialStops: a partial that loops or calls itself holds its
// output in memory until it ends, below the page's own cap; it took
// gigabytes. What the partials running at once hold is capped too, and
// the problem names the partial.
func TestRunawayPartialStops(t *testing.T) {
	for name, partial := range map[string]string{ // ONLY
		"loop": `{{ range seq 10000 }}{{ range seq 10000 }}` + strings.Repeat("x", 1<<14) + `{{ end }}{{ end }}`,
		// Finite, but 2^40 leaves: it would write terabytes.
		"doubles": `{{ if lt . 40 }}{{ partial "p.html" (add . 1) }}{{ partial "p.html" (add . 1) }}{{ else }}` + strings.Repeat("x", 1<<20) + `{{ end }}`,
	} {
		fsys := fstest.MapFS{
			"layouts/_default/list.html": {Data: []byte(`<main>{{ partial "p.html" 0 }}</main>`)},
			"layouts/partials/p.html":    {Data: []byte(partial)},
		}
		set, probs := Parse(fsys, Env{})
		if len(probs) > 0 {
			t.Fatalf("%s: parse problems: %v", name, probs)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, prob := set.Execute("_default/list.html", nil, "content/_index.md")
		runtime.ReadMemStats(&after)
		if prob == nil || prob.File != "layouts/partials/p.html" ||
			!strings.Contains(prob.Message, "while rendering content/_index.md: the partials it runs grew past 64 MB") {
			t.Errorf("%s: got %v; want the partial stopped at 64 MB, named", name, prob)
		}
		if grown := int64(after.Sys) - int64(before.Sys); grown > 1<<30 {
			t.Errorf("%s: took %d MB more memory from the system before it stopped", name, grown>>20)
		}
		if n := set.partialBytes.Load(); n != 0 {
			t.Errorf("%s: %d bytes still counted as held by partials", name, n)
		}
	}
}

// text/template says "unexpected EOF" at a template's last line when a
// block lacks its {{ end }}; the problem says which block, at its line.
func TestMissingEndNamesTheBlock(t *testing.T) {
	for _, tc := range []struct {
		src, msg string
		line     int
	}{
		{"{{ define \"main\" }}\n<h1>{{ .Title }}</h1>\n{{ with .Params.x }}\n{{ . }}\n", "one of {{ define }} on line 1, {{ with }} on line 3 has no {{ end }}", 3},
		{"<ul>\n{{- range .Pages }}\n<li>{{ if .Draft }}x{{ end }}</li>\n</ul>\n", "{{ range }} on line 2 has no {{ end }}", 2},
		{"{{/* {{ if */}}\n{{ block \"x\" . }}\nx\n", "{{ block }} on line 2 has no {{ end }}", 2},
	} {
		_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(tc.src)}}, Env{})
		if len(probs) != 1 || probs[0].Message != tc.msg || probs[0].Line != tc.line || !strings.Contains(probs[0].Hint, "needs its own {{ end }}") {
			t.Errorf("%q: got %v; want %q at line %d", tc.src, probs, tc.msg, tc.line)
		}
	}
}

// A missing partial and a misspelt field get hints that say what to do.
func TestTemplateErrorHints(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/a.html": {Data: []byte(`{{ partial "nope.html" . }}`)},
		"layouts/_default/b.html": {Data: []byte(`{{ .Titel }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, p := set.Execute("_default/a.html", struct{ Title string }{}, "content/a.md"); p == nil || p.Hint != "create the file in layouts/partials/, or correct the name in the partial call" {
		t.Errorf("missing partial: %v", p)
	}
	if _, p := set.Execute("_default/b.html", struct{ Title string }{}, "content/a.md"); p == nil || p.Hint != "did you mean .Title? there is no field or function Titel here (the names are in docs/templates.md)" {
		t.Errorf("misspelt field: %v", p)
	}
}

func TestUrlize(t *testing.T) {
	tests := map[string]string{
		"Zhanaozen 2011":     "zhanaozen-2011",
		"Жанаозен":           "жанаозен",
		"«Голос Республики»": "голос-республики",
		"Халық майданы":      "халық-майданы",
		"  --a  b--  ":       "a-b",
		"e\u0301":            "é",
		"K+":                 "k",
		"ℍ ﬁle Ⅻ":            "h-file-xii",
		"zhanao\u200bzen":    "zhanaozen", // a zero-width space pasted with the word
		"po\u00adlice":       "police",    // a soft hyphen
		"\ufeffJustice":      "justice",   // a BOM
	}
	for in, want := range tests {
		if got := Urlize(in); got != want {
			t.Errorf("Urlize(%q) = %q; want %q", in, got, want)
		}
	}
}

// Shortcode errors speak to the page's editor: an unknown name lists the
// shortcodes there are, and errorf shows the template's own message with
// where it came from.
func TestShortcodeErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/shortcodes/quote.html":  {Data: []byte(`<q>{{ . }}</q>`)},
		"layouts/shortcodes/needs.html":  {Data: []byte("x\n{{ if not . }}{{ errorf \"give a src\" }}{{ end }}")},
		"layouts/_default/single.html":   {Data: []byte("a\n{{ errorf \"page %s needs a photo\" . }}")},
		"layouts/shortcodes/events.html": {Data: []byte(`{{ errorf "data/timeline.yaml: the event %q has no date" "Strike" }}`)},
		"layouts/_default/list.html":     {Data: []byte(`{{ errorf "i18n/ru.toml: no read_more" }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	type hinter interface{ Hint() string }
	_, err := set.Shortcode("qoute", "x")
	h, ok := err.(hinter)
	if !ok || err.Error() != `unknown shortcode "qoute"` ||
		h.Hint() != "the shortcodes of this site are: events, needs, quote; check the spelling; to show the tag itself as text, write {{</* qoute */>}}" {
		t.Errorf("unknown: %v", err)
	}
	_, err = set.Shortcode("needs", "")
	h, ok = err.(hinter)
	if !ok || err.Error() != `shortcode "needs": give a src` || !strings.Contains(h.Hint(), "layouts/shortcodes/needs.html:2:") {
		t.Errorf("errorf: %v (%v)", err, h)
	}
	_, prob := set.Execute("_default/single.html", "x.md", "content/x.md")
	if prob == nil || prob.Position() != "layouts/_default/single.html:2:3" ||
		prob.Message != "while rendering content/x.md: page x.md needs a photo" || !strings.Contains(prob.Hint, "errorf") {
		t.Errorf("page errorf: %+v", prob)
	}
	// A message that names the file at fault sends the editor there, not
	// to the call or the page.
	_, err = set.Shortcode("events", "")
	h, ok = err.(hinter)
	if !ok || err.Error() != `shortcode "events": data/timeline.yaml: the event "Strike" has no date` ||
		!strings.HasPrefix(h.Hint(), "fix data/timeline.yaml, which the message names; the shortcode's template (layouts/shortcodes/events.html:1:") {
		t.Errorf("errorf naming a file: %v (%v)", err, h.Hint())
	}
	_, prob = set.Execute("_default/list.html", "x.md", "content/_index.md")
	if prob == nil || prob.Hint != "fix i18n/ru.toml, which the message names; the template stopped with it (errorf)" {
		t.Errorf("page errorf naming a file: %+v", prob)
	}
}

// A template that does not parse is one problem: the pages that use it,
// directly or through a partial, add none of their own.
func TestBrokenTemplateReportedOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<main>{{ block "main" . }}{{ end }}</main>{{ partial "foot.html" . }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}page{{ end }}`)},
		"layouts/_default/list.html":   {Data: []byte("{{ define \"main\" }}\n{{ .Title }{{ end }}")},
		"layouts/partials/foot.html":   {Data: []byte("<footer>\n{{ if }}\n</footer>")},
	}
	set, probs := Parse(fsys, Env{})
	var got []string
	for _, p := range probs {
		got = append(got, p.Position())
	}
	if strings.Join(got, " ") != "layouts/partials/foot.html:2 layouts/_default/list.html:2" {
		t.Fatalf("problems at %v: %v", got, probs)
	}
	if name := set.Lookup(Descriptor{Kind: "section"}); name != "_default/list.html" {
		t.Errorf("Lookup = %q; want the broken template, so the page is not also reported as having none", name)
	}
	if out, prob := set.Execute("_default/list.html", "x", "content/a.md"); prob != nil || out != nil {
		t.Errorf("Execute of a broken template = %q, %v; want nothing", out, prob)
	}
	if _, prob := set.Execute("_default/single.html", "x", "content/a.md"); prob != nil {
		t.Errorf("a page calling a broken partial: %v; want no second problem", prob)
	}
}

// An html/template error without a location of its own is placed at the
// innermost "template: FILE:LINE" before it, not at the page template.
func TestTemplateProblemInnermostLocation(t *testing.T) {
	err := errors.New(`template: _default/baseof.html:3:38: executing "_default/baseof.html" at <partial "foot.html" .>: error calling partial: html/template: "partials/foot.html" is an incomplete template`)
	p := templateProblem(err, "_default/single.html", nil)
	if p.Position() != "layouts/_default/baseof.html:3:38" || !strings.HasPrefix(p.Message, `executing "_default/baseof.html"`) {
		t.Errorf("got %s: %s", p.Position(), p.Message)
	}
}

// A partial that includes itself, directly or through others, stops at
// maxPartialDepth with a problem at the call that went too deep, instead
// of growing the stack until the process dies. The stack is capped well
// below Go's default, so a regression fails fast instead of eating
// gigabytes.
func TestPartialThatIncludesItself(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	fsys := fstest.MapFS{
		"layouts/home.html":              {Data: []byte("home\n{{ partial \"loop.html\" . }}")},
		"layouts/_default/single.html":   {Data: []byte(`{{ partial "ping" . }}`)},
		"layouts/partials/loop.html":     {Data: []byte(`{{ partial "loop.html" . }}`)},
		"layouts/partials/ping.html":     {Data: []byte(`{{ partial "pong.html" . }}`)},
		"layouts/partials/pong.html":     {Data: []byte("pong\n {{ partial \"ping.html\" . }}")},
		"layouts/shortcodes/loop.html":   {Data: []byte(`{{ partial "loop.html" . }}`)},
		"layouts/_default/section.html":  {Data: []byte(`{{ partial "down.html" . }}`)},
		"layouts/partials/down.html":     {Data: []byte(`{{ if gt . 0 }}{{ partial "down.html" (sub . 1) }}{{ end }}{{ . }}`)},
		"layouts/_default/taxonomy.html": {Data: []byte(`{{ template "again" . }}{{ define "again" }}{{ template "again" . }}{{ end }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	_, prob := set.Execute("home.html", "x", "content/_index.md")
	if prob == nil || prob.Position() != "layouts/partials/loop.html:1:3" ||
		prob.Message != `while rendering content/_index.md: partial "loop.html" calls itself, or partials call each other, more than 100 levels deep` ||
		!strings.Contains(prob.Hint, "must not include itself") || !strings.Contains(prob.Hint, "layouts/partials/loop.html") {
		t.Errorf("self: got %+v", prob)
	}
	_, prob = set.Execute("_default/single.html", "x", "content/a.md")
	if prob == nil || !strings.HasPrefix(prob.Position(), "layouts/partials/p") ||
		!strings.Contains(prob.Message, "calls itself, or partials call each other, more than 100 levels deep") {
		t.Errorf("each other: got %+v", prob)
	}
	_, err := set.Shortcode("loop", "x")
	h, ok := err.(interface{ Hint() string })
	if !ok || err.Error() != `shortcode "loop": partial "loop.html" calls itself, or partials call each other, more than 100 levels deep` ||
		!strings.Contains(h.Hint(), "must not include itself") || !strings.Contains(h.Hint(), "layouts/partials/loop.html") {
		t.Errorf("shortcode: got %v", err)
	}

	// 100 levels is allowed, however many pages run at once: the depth
	// is each execution's own.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if out, prob := set.Execute("_default/section.html", 99, "content/s/_index.md"); prob != nil || !strings.HasPrefix(string(out), "0123") {
				t.Errorf("99 levels: got %.20q, %v; want it to run", out, prob)
			}
		})
	}
	wg.Wait()
	if _, prob := set.Execute("_default/section.html", 100, "content/s/_index.md"); prob == nil || !strings.Contains(prob.Message, "more than 100 levels deep") {
		t.Errorf("100 levels: got %v; want too deep", prob)
	}

	// {{ template }} has text/template's own cap; it stays an ordinary
	// problem with a hint of what to look for.
	_, prob = set.Execute("_default/taxonomy.html", "x", "content/tags/_index.md")
	if prob == nil || prob.File != "layouts/_default/taxonomy.html" || !strings.Contains(prob.Message, "maximum template depth") ||
		!strings.Contains(prob.Hint, "calls itself") {
		t.Errorf("template: got %+v", prob)
	}
}

// Symbolic links under layouts/ are never read: a link could publish a
// file from outside the site. Each is one problem at its path, and what
// would have come from it (a partial, a page template) adds none of its
// own, as for a template that does not parse.
func TestSymlinksInLayoutsAreNotRead(t *testing.T) {
	fsys := fstest.MapFS{
		"outside/p.html":                 {Data: []byte("SECRET")},
		"outside/partials/head.html":     {Data: []byte("SECRET")},
		"layouts/home.html":              {Data: []byte(`home {{ partial "evil.html" . }}`)},
		"layouts/_default/single.html":   {Data: []byte(`single {{ partial "linked/head.html" . }}`)},
		"layouts/partials/evil.html":     {Data: []byte("../../outside/p.html"), Mode: fs.ModeSymlink},
		"layouts/partials/linked":        {Data: []byte("../../outside/partials"), Mode: fs.ModeSymlink},
		"layouts/_default/foo.html":      {Data: []byte("../../outside/p.html"), Mode: fs.ModeSymlink},
		"layouts/partials/.#lock.html":   {Data: []byte("someone@host.1234"), Mode: fs.ModeSymlink},
		"layouts/shortcodes/linked.html": {Data: []byte("../../outside/p.html"), Mode: fs.ModeSymlink},
	}
	set, probs := Parse(fsys, Env{})
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"layouts/_default/foo.html: symbolic links are not read\n    copy the file into layouts/ instead of linking to it",
		"layouts/partials/evil.html: symbolic links are not read\n    copy the file into layouts/ instead of linking to it",
		"layouts/partials/linked: symbolic links are not read\n    copy the file into layouts/ instead of linking to it",
		"layouts/shortcodes/linked.html: symbolic links are not read\n    copy the file into layouts/ instead of linking to it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, page := range []string{"home.html", "_default/single.html"} {
		out, prob := set.Execute(page, "x", "content/_index.md")
		if prob != nil || strings.Contains(string(out), "SECRET") {
			t.Errorf("%s: got %q, %v; want no secret and no second problem", page, out, prob)
		}
	}
	if name := set.Lookup(Descriptor{Kind: "page", Layout: "foo"}); name != "_default/foo.html" {
		t.Errorf("Lookup(layout foo) = %q; want the link, so the page is not also reported as having no template", name)
	}
	if out, prob := set.Execute("_default/foo.html", "x", "content/a.md"); prob != nil || out != nil {
		t.Errorf("Execute(link) = %q, %v; want nothing", out, prob)
	}
	if out, err := set.Shortcode("linked", "x"); err != nil || out != "" {
		t.Errorf("Shortcode(link) = %q, %v; want nothing", out, err)
	}
}

// A layouts folder that is itself a link is one problem, and no page
// then adds its own for having no template.
func TestSymlinkedLayoutsFolder(t *testing.T) {
	fsys := fstest.MapFS{
		"outside/layouts/home.html": {Data: []byte("SECRET")},
		"layouts":                   {Data: []byte("outside/layouts"), Mode: fs.ModeSymlink},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) != 1 || probs[0].String() != "layouts: symbolic links are not read\n    copy the file into layouts/ instead of linking to it" {
		t.Fatalf("problems = %v; want one at layouts", probs)
	}
	name := set.Lookup(Descriptor{Kind: "home"})
	if name == "" {
		t.Fatal("Lookup found nothing; want a name, so the page adds no problem of its own")
	}
	if out, prob := set.Execute(name, "x", "content/_index.md"); prob != nil || out != nil {
		t.Errorf("Execute = %q, %v; want nothing", out, prob)
	}
}

// TestWarningsNameUnusedHugoFiles: files a Hugo site brings that no page
// runs (feed, sitemap and robots templates, render hooks) are named, so
// their author does not wait for their effect; hidden files are not.
func TestWarningsNameUnusedHugoFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/single.html":               {Data: []byte(`x`)},
		"layouts/index.rss.xml":                      {Data: []byte(`<rss/>`)},
		"layouts/robots.txt":                         {Data: []byte(`User-agent: *`)},
		"layouts/_default/_markup/render-image.html": {Data: []byte(`<img src="{{ .Destination }}">`)},
		"layouts/.single.html.swp":                   {Data: []byte(`x`)},
		// Where Hugo 0.146 and later keep templates.
		"layouts/_partials/nav.html":     {Data: []byte(`<nav></nav>`)},
		"layouts/_shortcodes/quote.html": {Data: []byte(`<q>{{ .Inner }}</q>`)},
		"layouts/term.html":              {Data: []byte(`{{ .Title }}`)},
		"layouts/single.html":            {Data: []byte(`{{ .Title }}`)},
		// Hugo's content views, run by {{ .Render "summary" }}.
		"layouts/_default/summary.html": {Data: []byte(`<article>{{ .Summary }}</article>`)},
		"layouts/news/li.html":          {Data: []byte(`<li>{{ .Title }}</li>`)},
		"layouts/partials/li.html":      {Data: []byte(`<li>{{ .Title }}</li>`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	var got []string
	for _, w := range set.Warnings() {
		got = append(got, w.String())
	}
	want := []string{
		"layouts/_default/_markup/render-image.html: samizdat does not use render hooks: markdown's links, images, headings and code are rendered by samizdat\n    delete this file; a figure with a caption is the built-in {{< figure >}} shortcode (see docs/content.md)",
		"layouts/_default/summary.html: samizdat does not use this file: Hugo runs it for {{ .Render \"summary\" }} (a content view), and samizdat has no .Render\n    move it to layouts/partials/summary.html and write {{ partial \"summary.html\" . }} where a layout had {{ .Render \"summary\" }}",
		"layouts/_partials/nav.html: samizdat does not use this file: it is where Hugo 0.146 and later keep it\n    move it to layouts/partials/nav.html, where samizdat looks for it",
		"layouts/_shortcodes/quote.html: samizdat does not use this file: it is where Hugo 0.146 and later keep it\n    move it to layouts/shortcodes/quote.html, where samizdat looks for it",
		"layouts/index.rss.xml: samizdat does not use this file: its templates are .html files\n    samizdat writes the Atom feed (index.xml), sitemap.xml and robots.txt itself (a site's own robots.txt goes in static/); delete this file",
		"layouts/news/li.html: samizdat does not use this file: Hugo runs it for {{ .Render \"li\" }} (a content view), and samizdat has no .Render\n    move it to layouts/partials/news/li.html and write {{ partial \"news/li.html\" . }} where a layout had {{ .Render \"li\" }}",
		"layouts/robots.txt: samizdat does not use this file: its templates are .html files\n    samizdat writes the Atom feed (index.xml), sitemap.xml and robots.txt itself (a site's own robots.txt goes in static/); delete this file",
		"layouts/single.html: samizdat does not use this file: it is where Hugo 0.146 and later keep it\n    samizdat uses layouts/_default/single.html: keep what you need of this file there, and delete this one",
		"layouts/term.html: samizdat does not use this file: it is where Hugo 0.146 and later keep it\n    move it to layouts/_default/term.html, where samizdat looks for it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWarningTaxonomyRendersTerms: a _default/taxonomy.html with no term
// template beside it renders the term pages too (Hugo's order before
// 0.146); that is told, unless a term.html or terms.html shows which the
// site meant.
func TestWarningTaxonomyRendersTerms(t *testing.T) {
	for _, tt := range []struct {
		files []string
		warn  bool
	}{
		{[]string{"_default/list.html", "_default/taxonomy.html"}, true},
		{[]string{"_default/list.html", "_default/taxonomy.html", "_default/term.html"}, false},
		{[]string{"_default/list.html", "_default/taxonomy.html", "_default/terms.html"}, false},
		{[]string{"_default/list.html", "_default/taxonomy.html", "tags/term.html"}, false},
		{[]string{"_default/list.html", "_default/taxonomy.html", "partials/term.html"}, true},
		{[]string{"_default/list.html"}, false},
	} {
		fsys := fstest.MapFS{}
		for _, f := range tt.files {
			fsys["layouts/"+f] = &fstest.MapFile{Data: []byte(f)}
		}
		set, _ := Parse(fsys, Env{})
		var got string
		for _, w := range set.Warnings() {
			got += w.String() + "\n"
		}
		want := "layouts/_default/taxonomy.html: this file renders each term's page"
		if strings.Contains(got, want) != tt.warn {
			t.Errorf("with %v, warnings:\n%s\nwant %q: %v", tt.files, got, want, tt.warn)
		}
	}
}

// TestIDs: the ids templates and partials write literally, which markdown
// headings must not take; ids from template actions and shortcodes' are
// not among them.
func TestIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<a href="#main">Skip</a><main id="main" class="x">{{ block "main" . }}{{ end }}</main>`)},
		"layouts/partials/nav.html":    {Data: []byte(`<nav id='primary'><h2 id="{{ .Anchor }}">x</h2></nav>`)},
		"layouts/shortcodes/box.html":  {Data: []byte(`<aside id="box">{{ .Inner }}</aside>`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got, want := set.IDs(), []string{"main", "primary"}; !slices.Equal(got, want) {
		t.Errorf("IDs() = %q; want %q", got, want)
	}
}

// An integrity a layout writes is on a file of the site, which the build
// minifies and a reader's saved copy loads from the disk: either way the
// browser refuses the file. It is a problem at its line.
func TestIntegrityInALayoutIsAProblem(t *testing.T) {
	_, probs := Parse(fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte("<head>\n<link rel=\"stylesheet\" href=\"/css/x.css\"\n  integrity=\"sha256-abc\">\n</head>{{ block \"main\" . }}{{ end }}")},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}<p>integrity of the record</p>{{ end }}`)},
	}, Env{})
	if len(probs) != 1 || probs[0].Position() != "layouts/_default/baseof.html:3" || !strings.Contains(probs[0].Hint, "remove the integrity attribute") {
		t.Errorf("problems %v; want one at layouts/_default/baseof.html:3", probs)
	}
}
