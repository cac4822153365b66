package layout

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// hugoProblems parses one page template and, when it parses, runs it on a
// page-like value: the problems a theme's line gets, at parse or at run.
func hugoProblems(t *testing.T, text string) []problem.Problem {
	t.Helper()
	set, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(text)}}, Env{})
	if len(probs) > 0 {
		return probs
	}
	page := struct {
		Title string
		File  string
		Site  struct {
			Title string
			Data  map[string]any
		}
	}{Title: "x", File: "content/blog/a.md"}
	if _, prob := set.Execute("_default/single.html", page, "content/x.md"); prob != nil {
		return []problem.Problem{*prob}
	}
	return nil
}

// A Hugo theme's calls of functions, fields and templates samizdat does
// not have name samizdat's way to the same end, not "check its spelling".
func TestHugoNamesSayWhatToWrite(t *testing.T) {
	for call, want := range map[string]string{
		`{{ time.Format ":date_long" "2024-05-01" }}`:                `in English :date_long is "January 2, 2006"`,
		`{{ humanize "x" }}`:                                         "samizdat has no humanize",
		`{{ hugo.Generator }}`:                                       "remove the call",
		`{{ hugo.IsServer }}`:                                        "same for samizdat serve and samizdat build",
		`{{ range sort .Site.RegularPages "Date" "desc" }}{{ end }}`: `sortBy .Site.RegularPages "Date" "desc"`,
		`{{ relref . "blog/a.md" }}`:                                 `.Site.GetPage "blog/a.md" and write its .RelPermalink`,
		`{{ ref . "blog/a.md" }}`:                                    `.Site.GetPage "blog/a.md" and write its .Permalink`,
		`{{ emojify ":smile:" }}`:                                    "write the emoji itself",
		`{{ fileExists "static/x" }}`:                                "templates read no files",
		`{{ readFile "site.toml" }}`:                                 "put data in data/",
		`{{ return 3 }}`:                                             `call it as {{ $x := partial "name.html" . }}`,
		`{{ highlight "x := 1" "go" "" }}`:                           "fenced block",
		`{{ now.Year }}`:                                             "use the page's .Date or .Lastmod",
		`{{ getenv "HOME" }}`:                                        "site.toml's [params]",
		`{{ strings.Whatever .Title }}`:                              "samizdat's strings namespace has no Whatever; it has Contains, ContainsAny",
		`{{ lang.FormatNumber 2 1234.5 }}`:                           "printf",
		`{{ transform.Unmarshal "{}" }}`:                             "data/",
		`{{ .Site.LastChange.Year }}`:                                ".Site.RegularPages.ByLastmod.Reverse",
		`{{ .Site.Lastmod.Year }}`:                                   ".Site.RegularPages.ByLastmod.Reverse",
		`{{ .Site.Author.name }}`:                                    ".Site.Params.author",
		`{{ .Site.Config.Services.RSS.Limit }}`:                      "site.toml's [params]",
		`{{ if .Site.IsServer }}{{ end }}`:                           "same for samizdat serve and samizdat build",
		`{{ site.IsServer }}`:                                        "same for samizdat serve and samizdat build",
		`{{ $.Site.MainSections }}`:                                  ".Site.Params.mainSections",
		`{{ .RSSLink }}`:                                             ".FeedURL",
		`{{ .Site.RSSLink }}`:                                        ".Site.Home.FeedURL",
		`{{ with .OutputFormats.Get "rss" }}{{ end }}`:               `{{ with .FeedURL }}<link rel="alternate"`,
		`{{ range .AlternativeOutputFormats }}{{ end }}`:             `{{ with .FeedURL }}<link rel="alternate"`,
		`{{ .RenderString "*x*" }}`:                                  "markdownify",
		`{{ .HasShortcode "x" }}`:                                    "on every page",
		`{{ .GitInfo.Hash }}`:                                        ".Lastmod is already the date of the file's last git commit",
		`{{ .FuzzyWordCount }}`:                                      ".WordCount",
		`{{ .File.Path }}`:                                           "{{ replaceRE `^content/` \"\" .File }}",
		`{{ .File.BaseFileName }}`:                                   "{{ replaceRE `^.*/|\\.[^.]*$` \"\" .File }}",
		`{{ .File.Dir }}`:                                            "{{ replaceRE `^content/|[^/]*$` \"\" .File }}",
		`{{ .Page.File.ContentBaseName }}`:                           "a bundle's folder name",
		`{{ hugo.Store.Set "n" 1 }}`:                                 "keep a page's values in its own .Store",
		`{{ .Site.Store.Get "n" }}`:                                  "pages render at the same time",
		`{{ site.Store.Get "n" }}`:                                   "newScratch",
		`{{ .GetTerms "tags" }}`:                                     `.Terms "tags"`,
		`{{ images.Filter . }}`:                                      `(.Fill "1200x630").RelPermalink`,
		`{{ range (.Paginate .Pages).Pages }}{{ end }}`:              ".Paginator",
		`{{ .Render "summary" }}`:                                    `{{ partial "summary.html" . }}`,
		`{{ .Slug }}`:                                                ".Params.slug",
		`{{ .Keywords }}`:                                            ".Params.keywords",
		`{{ template "_internal/opengraph.html" . }}`:                `<meta property="og:title"`,
		`{{ template "_internal/twitter_cards.html" . }}`:            `twitter:card`,
		`{{ template "_internal/pagination.html" . }}`:               "{{ with .Paginator }}",
		`{{ template "_internal/google_analytics.html" . }}`:         "remove the line",
		`{{ template "_internal/google_analytics_async.html" . }}`:   "a samizdat site loads nothing from other sites, and these scripts come from Google's; remove the line",
		`{{ template "_internal/google_adsense.html" . }}`:           "loads nothing from other sites",
		`{{ template "_internal/webmonetization.html" . }}`:          "samizdat has no built-in templates: Hugo's _internal/opengraph.html",
		`{{ template "partials/paginator.html" . }}`:                 `write {{ partial "paginator.html" . }}`,
		`{{ template "partials/meta.html" $.Site }}`:                 `write {{ partial "meta.html" $.Site }}`,
		`{{ .RawContent }}`:                                          "write .Plain",
		`{{ if gt (len .RawContent) 120 }}{{ end }}`:                 "{{ .Plain | truncate 120 }}",
		`{{ (slice).GroupByDate "2006" }}`:                           "it is empty, or holds something other than pages",
		`{{ (append "x" (slice)).ByDate }}`:                          "{{ $pages := first 0 .Site.RegularPages }}",
	} {
		probs := hugoProblems(t, call)
		if len(probs) != 1 || !strings.Contains(probs[0].Hint, want) {
			t.Errorf("%s: problems %v; want one with a hint holding %q", call, probs, want)
		}
	}
}

// Every Hugo name in a layout is reported when the layouts are parsed,
// each at its line, not one a build: text/template's parser stops at the
// first function it does not know, and a page's run at the first field.
func TestHugoNamesAllFoundAtParse(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte("<title>{{ .Site.Author.name }}</title>\n{{ block \"main\" . }}{{ end }}")},
		"layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}{{ range sort .Pages \"Date\" }}\n{{ emojify .Title }}{{ strings.Upper .Title }}\n{{ end }}{{ .GetTerms \"x\" }}{{ end }}")},
		"layouts/_default/list.html":   {Data: []byte("{{ define \"main\" }}ok{{ end }}")},
		"layouts/partials/foot.html":   {Data: []byte("{{ .Params.Scratch }} {{ .Site.Data.x.Config }} {{ template \"_internal/pagination.html\" . }}")},
		"layouts/shortcodes/note.html": {Data: []byte("{{ .Inner | readFile }} {{ now.Year }}")},
	}
	set, probs := Parse(fsys, Env{})
	var got []string
	for _, p := range probs {
		got = append(got, p.Position()+": "+p.Message)
	}
	want := []string{
		`layouts/_default/baseof.html:1:15: .Site.Author is Hugo's: samizdat does not have it`,
		`layouts/_default/single.html:1:28: function "sort" not defined`,
		`layouts/_default/single.html:2:3: function "emojify" not defined`,
		`layouts/_default/single.html:2:23: function "strings.Upper" not defined`,
		`layouts/_default/single.html:3:12: .GetTerms is Hugo's: samizdat does not have it`,
		`layouts/partials/foot.html:1:60: no such template "_internal/pagination.html": it is built into Hugo`,
		`layouts/shortcodes/note.html:1:12: function "readFile" not defined`,
		`layouts/shortcodes/note.html:1:27: function "now" not defined`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The pages and shortcodes of those files stay quiet: the build has
	// failed already, once for each mistake.
	for _, page := range []string{"_default/single.html", "_default/list.html"} {
		if out, prob := set.Execute(page, nil, "content/x.md"); prob != nil || out != nil {
			t.Errorf("%s: got %q, %v; want nothing, quietly", page, out, prob)
		}
	}
	if out, err := set.Shortcode("note", nil); err != nil || out != "" {
		t.Errorf("shortcode note: got %q, %v; want nothing, quietly", out, err)
	}
}

// Names a site's own params and data may use, and samizdat's own fields,
// are not Hugo's.
func TestHugoNamesLeaveOwnNamesAlone(t *testing.T) {
	for _, text := range []string{
		`{{ .Params.Scratch }}{{ .Site.Params.Config }}{{ .Site.Data.people.GitInfo }}`,
		`{{ with .Site.Data.x }}{{ .Name }}{{ end }}`,
		`{{ .Site.Title }}{{ .File }}{{ .Lastmod }}{{ .FeedURL }}{{ site.Title }}`,
		`{{ range .Site.Menus.main }}{{ .Name }}{{ end }}`,
		`{{ .Scratch.Set "a" 1 }}{{ $.Store.Get "a" }}{{ $s := newScratch }}{{ partialCached "x.html" . "v" }}`,
		`{{ $d := dict "Site" (dict "Author" "a") "File" (dict "Dir" "d") }}{{ $d.Site.Author }}{{ $d.File.Dir }}`,
	} {
		if _, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(text)}}, Env{}); len(probs) > 0 {
			t.Errorf("%s: %v", text, probs)
		}
	}
}

// Hugo's forms of trim and replace, and its intersect and union, work as
// in Hugo; samizdat's own forms are unchanged.
func TestHugoFormsOfFunctions(t *testing.T) {
	data := map[string]any{"tags": []string{"oil", "strike"}, "other": []any{"strike", "press", "oil"}, "Content": template.HTML("<p>x</p>\n")}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ trim "  x\n" }}|{{ trim "  x\n" "\n " }}|{{ trim "--x--" "-" }}`, want: "x|x|x"},
		{tmpl: `{{ trim .Content "\n" }}`, want: "&lt;p&gt;x&lt;/p&gt;"},
		{tmpl: `{{ trim "x" "a" "b" }}`, err: "use trim TEXT or trim TEXT CHARACTERS"},
		{tmpl: `{{ replace "aaa" "a" "b" }} {{ replace "aaa" "a" "b" 2 }} {{ replace "aaa" "a" "b" "1" }} {{ replace "aaa" "a" "b" -1 }}`, want: "bbb bba baa bbb"},
		{tmpl: `{{ replace "aaa" "a" "b" "x" }}`, err: `replace: "x" is not a whole number`},
		{tmpl: `{{ intersect .tags .other }} {{ intersect .other .tags }}`, want: "[oil strike] [strike oil]"},
		{tmpl: `{{ intersect (slice 1 2 2) (slice 2.0 3) }} {{ intersect .tags .missing }}`, want: "[2] []"},
		{tmpl: `{{ union .tags .other }} {{ union (slice 1 1) (slice 1.0 2) }} {{ union .missing .tags }}`, want: "[oil strike press] [1 2] [oil strike]"},
		{tmpl: `{{ intersect "a" .tags }}`, err: "intersect: expected a list"},
	})
}

// len of a missing value says so, with what to write, instead of
// reflect's "call of reflect.Value.Type on zero Value".
func TestLenOfNothing(t *testing.T) {
	probs := hugoProblems(t, `{{ .Site.Data.timeline | len }}`)
	if len(probs) != 1 || probs[0].Message != "while rendering content/x.md: executing \"_default/single.html\" at <len>: error calling len: len of nothing: the value given to len is missing" ||
		!strings.Contains(probs[0].Hint, "{{ with .Site.Data.timeline }}{{ len . }}{{ end }}") {
		t.Errorf("problems %v", probs)
	}
	runCases(t, Env{}, map[string]any{"list": []int{1, 2}, "m": map[string]int{"a": 1}, "p": &[]int{1}}, []funcCase{
		{tmpl: `{{ len .list }} {{ len .m }} {{ len "ab" }} {{ len .p }}`, want: "2 1 2 1"},
		{tmpl: `{{ len 3 }}`, err: "len of 3, a int: len counts the items of a list or map, or the bytes of a text"},
	})
}

// {{ template "partials/x.html" }}, which Hugo runs, is a problem at its
// line in a page or shortcode, found when the layouts are read; a partial
// may run another so (the partials are one set), and a page may run a
// define of that name, which a layout has.
func TestPartialRunByTemplate(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/index.html":              {Data: []byte("<main>\n{{ template \"partials/paginator.html\" . }}</main>")},
		"layouts/_default/baseof.html":    {Data: []byte("{{ define \"partials/own.html\" }}own{{ end }}{{ block \"main\" . }}{{ end }}")},
		"layouts/_default/single.html":    {Data: []byte("{{ define \"main\" }}{{ template \"partials/own.html\" . }}{{ end }}")},
		"layouts/partials/head.html":      {Data: []byte("<head>{{ template \"partials/paginator.html\" . }}</head>")},
		"layouts/partials/paginator.html": {Data: []byte("p")},
		"layouts/shortcodes/nav.html":     {Data: []byte("{{ template \"partials/paginator.html\" }}")},
	}
	set, probs := Parse(fsys, Env{})
	var got []string
	for _, p := range probs {
		got = append(got, p.Position()+": "+p.Message+"\n    "+p.Hint)
	}
	want := []string{
		`layouts/index.html:2:12: no such template "partials/paginator.html": a partial is run with partial, not template` +
			"\n    " + `write {{ partial "paginator.html" . }}: samizdat runs the files of layouts/partials/ with partial`,
		`layouts/shortcodes/nav.html:1:12: no such template "partials/paginator.html": a partial is run with partial, not template` +
			"\n    " + `write {{ partial "paginator.html" . }}: samizdat runs the files of layouts/partials/ with partial`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if out, prob := set.Execute("_default/single.html", nil, "content/x.md"); prob != nil || string(out) != "own" {
		t.Errorf("single: got %q, %v; want own", out, prob)
	}
}
