package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLangURLAndSiteFunctions: relLangURL and absLangURL put the page's
// language's prefix in front of a path, and site is the page's .Site, as
// in Hugo; a partial handed a string can still read the site.
func TestLangURLAndSiteFunctions(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"Campaign\"\n" +
			"[languages.ru]\nname = \"Русский\"\ntitle = \"Кампания\"\n")},
		"layouts/_default/list.html": {Data: []byte(`<a href="{{ relLangURL "about/" }}">a</a> {{ absLangURL "about/" }} {{ partial "t.html" "x" }}`)},
		"layouts/partials/t.html":    {Data: []byte(`{{ site.Title }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":       {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/about/_index.md":    {Data: []byte("---\ntitle: About\n---\n")},
		"content/about/_index.ru.md": {Data: []byte("---\ntitle: О нас\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for name, want := range map[string]string{
		"index.html":    `<a href="about/">a</a> https://example.org/about/ Campaign`,
		"ru/index.html": `<a href="about/">a</a> https://example.org/ru/about/ Кампания`,
	} {
		if got := string(res.Files[name]); !strings.Contains(got, want) {
			t.Errorf("%s = %q; want it to hold %q", name, got, want)
		}
	}
}

// TestI18nInYAMLAndJSON: i18n files may be YAML or JSON, as in Hugo; they
// were ignored, and a string they held was reported missing from an
// i18n/ru.toml that did not exist. Problems name the file there is, with
// a line in its format; two files for one language are a problem.
func TestI18nInYAMLAndJSON(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("title = \"T\"\n[languages.ru]\nname = \"Русский\"\n[languages.kk]\nname = \"Қазақша\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ T "read_more" }} {{ T "pages" 3 }}`)},
		"i18n/en.toml":               {Data: []byte("read_more = \"Read more\"\n[pages]\none = \"{{ .Count }} page\"\nother = \"{{ .Count }} pages\"\n")},
		"i18n/ru.yaml":               {Data: []byte("read_more: Читать далее\npages:\n  one: \"{{ .Count }} страница\"\n  few: \"{{ .Count }} страницы\"\n  many: \"{{ .Count }} страниц\"\n  other: \"{{ .Count }} страницы\"\n")},
		"i18n/kk.json":               {Data: []byte(`{"read_more": "Толығырақ"}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":       {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/_index.kk.md":       {Data: []byte("---\ntitle: Басты\n---\n")},
	}
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	want := `i18n/kk.json: missing interface string "pages" for language kk` + "\n" +
		`    add a line "pages": "…" with the text in that language to i18n/kk.json` + "\n"
	if got != want {
		t.Errorf("problems:\n%s\nwant\n%s", got, want)
	}
	fsys["i18n/kk.json"] = &fstest.MapFile{Data: []byte(`{"read_more": "Толығырақ", "pages": {"one": "{{ .Count }} бет", "other": "{{ .Count }} бет"}}`)}
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["ru/index.html"]); got != "Читать далее 3 страницы" {
		t.Errorf("ru home = %q; want the strings of i18n/ru.yaml", got)
	}
	if w := problems(res.Warnings); !strings.Contains(w, "i18n/ru.yaml: no anchor_label: pages in ru show the English \"Link to this section\"\n    add a line anchor_label: \"…\" with the text in that language") {
		t.Errorf("warnings do not name i18n/ru.yaml with a YAML line:\n%s", w)
	}
	fsys["i18n/ru.toml"] = &fstest.MapFile{Data: []byte("read_more = \"x\"\n")}
	res = build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "i18n/ru.toml: the language ru has more than one i18n file: i18n/ru.toml and i18n/ru.yaml\n    keep one of them, with every string in it; i18n/ru.toml is the one read") {
		t.Errorf("two files for ru: problems\n%s", got)
	}
}

// TestTermFeedsAndLanguageParams: each term has an Atom feed of its own,
// as in Hugo and Zola, so a reader can follow one topic; a language's
// [languages.<code>.params] stand over the site's [params] in that
// language (site.toml refused them).
func TestTermFeedsAndLanguageParams(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[params]\npublisher = \"Campaign\"\nlicense = \"CC BY 4.0\"\n" +
			"[languages.ru]\nname = \"Русский\"\n[languages.ru.params]\npublisher = \"Кампания\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`{{ .Site.Params.publisher }}, {{ .Site.Params.license }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":         {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/news/a.md":            {Data: []byte("---\ntitle: A\ndate: 2012-11-21\ntags: [press freedom]\n---\nText.\n")},
		"content/news/b.md":            {Data: []byte("---\ntitle: B\ndate: 2012-11-22\ntags: [zhanaozen]\n---\nText.\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	feed := string(res.Files["tags/press-freedom/index.xml"])
	for _, want := range []string{"<title>press freedom – T</title>", "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/tags/press-freedom/index.xml\"/>", "https://example.org/news/a/"} {
		if !strings.Contains(feed, want) {
			t.Errorf("the term's feed lacks %q:\n%s", want, feed)
		}
	}
	if strings.Contains(feed, "/news/b/") {
		t.Errorf("the term's feed lists a page without the term:\n%s", feed)
	}
	for name, want := range map[string]string{"index.html": "Campaign, CC BY 4.0", "ru/index.html": "Кампания, CC BY 4.0"} {
		if got := string(res.Files[name]); got != want {
			t.Errorf("%s = %q; want %q", name, got, want)
		}
	}
}

// Without mainSections in [params], .Site.Params.mainSections is Hugo's
// default, the top-level section with the most pages, so a theme's home
// page lists its posts; a site's own value wins.
func TestMainSectionsDefault(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`{{ .Site.Params.mainSections }}|{{ .Param "mainsections" }}|{{ range where .Site.RegularPages "Type" "in" .Site.Params.mainSections }}{{ .Title }};{{ end }}`)},
		"layouts/_default/single.html": {Data: []byte(`x`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/about.md":             {Data: []byte("---\ntitle: About\n---\n")},
		"content/posts/a.md":           {Data: []byte("---\ntitle: A\nweight: 1\n---\n")},
		"content/posts/b.md":           {Data: []byte("---\ntitle: B\nweight: 2\n---\n")},
		"content/posts/deep/c.md":      {Data: []byte("---\ntitle: C\nweight: 3\n---\n")},
		"content/notes/n.md":           {Data: []byte("---\ntitle: N\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got, want := string(res.Files["index.html"]), "[posts]|[posts]|A;B;C;"; got != want {
		t.Errorf("home = %q; want %q", got, want)
	}
	// A layout reading another case is told the default's.
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`{{ .Site.Params.mainsections }}`)}
	res = build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, ".Site.Params.mainsections reads nothing: samizdat's default for the key is written mainSections") {
		t.Errorf("a layout reading mainsections: problems\n%s", got)
	}
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`x`)}
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"T\"\n[params]\nmainSections = [\"notes\"]\n")}
	res = build(t, fsys, Options{})
	if got, want := string(res.Files["index.html"]), "[notes]|[notes]|N;"; got != want {
		t.Errorf("with mainSections = [notes]: home = %q; want %q", got, want)
	}
}

// A YAML data file's keys written as numbers, booleans or dates are text,
// as Hugo makes them, so a template's index with text finds them: a
// theme's month names keyed 1 to 12 came out empty.
func TestYAMLDataKeysAreText(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("title = \"T\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ index .Site.Data.month (printf "%d" 11) }};{{ index .Site.Data.month "true" }};{{ index .Site.Data.month "2011-12-16" }};{{ index .Site.Data.month.nested "2" }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"data/month.yaml":            {Data: []byte("1: Jan\n11: Nov\ntrue: yes\n2011-12-16: Zhanaozen\nnested:\n  2: Feb\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got, want := string(res.Files["index.html"]), "Nov;yes;Zhanaozen;Feb"; got != want {
		t.Errorf("home = %q; want %q", got, want)
	}
}

// TestCSVDataFiles: a CSV file in data/ is a list of rows of fields, as
// in Hugo, so a timeline kept in a spreadsheet can be exported as it is;
// a CSV mistake is a problem at its line; another kind of file in data/
// is warned of (it was ignored without a word), notes for editors not.
func TestCSVDataFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("title = \"T\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ range .Site.Data.timeline }}{{ index . 0 }}={{ index . 1 }};{{ end }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"data/timeline.csv":          {Data: []byte("date,event\n2011-12-16,\"Zhanaozen, police open fire\"\n2012-11-21,Outlets\n")},
		"data/README.md":             {Data: []byte("Notes.\n")},
		"data/old.xml":               {Data: []byte("<x/>")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got, want := string(res.Files["index.html"]), "date=event;2011-12-16=Zhanaozen, police open fire;2012-11-21=Outlets;"; got != want {
		t.Errorf("home = %q; want %q", got, want)
	}
	if got := problems(res.Warnings); got != "data/old.xml: samizdat does not read this file: data files are YAML, TOML, JSON or CSV\n    save it in one of those formats (.yaml, .toml, .json, .csv), or move it out of data/\n" {
		t.Errorf("warnings:\n%s", got)
	}
	fsys["data/timeline.csv"] = &fstest.MapFile{Data: []byte("date,event\n2011-12-16,\"Zhanaozen\n2012-11-21,Outlets\n")}
	res = build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.HasPrefix(got, "data/timeline.csv:2: cannot read data file") || !strings.Contains(got, "a quote inside it is written twice") {
		t.Errorf("a CSV mistake: problems\n%s", got)
	}
}

// TestEmptyTaxonomyExists: in a language where no page has tags, the
// taxonomy is there and empty, as in Hugo; it was nil, and a theme's tag
// cloud failed the build with a reflect error.
func TestEmptyTaxonomyExists(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n[languages.ru]\nname = \"Русский\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`{{ len .Site.Taxonomies.tags.ByCount }} {{ len .Site.Taxonomies.tags }} [{{ index .Site.Taxonomies.tags "x" }}]`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":         {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/a.md":                 {Data: []byte("---\ntitle: A\ntags: [x]\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["ru/index.html"]); got != "0 0 [&lt;nil>]" {
		t.Errorf("ru home = %q", got)
	}
}

// eq tells the page being rendered from the others, as Hugo's does
// through Page.Eq: the page a template renders is a copy of the site's.
func TestEqFindsTheCurrentPage(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("title = \"T\"\n")},
		"layouts/_default/list.html": {Data: []byte(`x`)},
		"layouts/_default/single.html": {Data: []byte(`{{ range .Site.RegularPages }}{{ .Title }}{{ if eq . $ }}*{{ end }}{{ if ne . $ }}-{{ end }};{{ end }}|{{ eq . (index .Parent.Pages 0) }}|{{ .Eq $ }}` +
			`|{{ in .Site.RegularPages . }} {{ len (uniq (slice . (index .Site.RegularPages 0) (index .Site.RegularPages 1))) }} {{ len (union (slice .) .Site.RegularPages) }}` +
			` {{ len (intersect (slice .) .Site.RegularPages) }} {{ len (where .Site.RegularPages "Title" "in" (slice .Title)) }}`)},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\nweight: 1\n---\n")},
		"content/b.md":      {Data: []byte("---\ntitle: B\nweight: 2\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	// A nil page (.Prev of the last, .Next of the first) is nothing, in
	// every one of them.
	fsys["layouts/_default/single.html"].Data = append(fsys["layouts/_default/single.html"].Data,
		[]byte(`|{{ len (uniq (slice .Prev .Next)) }} {{ in (slice .Prev .Next) . }} {{ len (where .Site.RegularPages "Next" "=" .) }} {{ len (intersect (slice .Prev) (slice .)) }}`)...)
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for name, want := range map[string]string{"a/index.html": "A*;B-;|true|true|true 2 2 1 1|2 false 1 0", "b/index.html": "A-;B*;|false|true|true 2 2 1 1|2 false 0 0"} {
		if got := string(res.Files[name]); got != want {
			t.Errorf("%s = %q; want %q", name, got, want)
		}
	}
}
