package config

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/problem"
)

type want struct {
	line int
	msg  string
	hint string
}

func checkProblems(t *testing.T, got []problem.Problem, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d problems %v; want %d", len(got), got, len(wants))
	}
	for i, w := range wants {
		p := got[i]
		if p.File != "site.toml" {
			t.Errorf("problem %d: file %q; want site.toml", i, p.File)
		}
		if p.Line != w.line {
			t.Errorf("problem %d (%s): line %d; want %d", i, p.Message, p.Line, w.line)
		}
		if !strings.Contains(p.Message, w.msg) {
			t.Errorf("problem %d: message %q; want it to contain %q", i, p.Message, w.msg)
		}
		if !strings.Contains(p.Hint, w.hint) {
			t.Errorf("problem %d: hint %q; want it to contain %q", i, p.Hint, w.hint)
		}
	}
}

func TestLoadMissingFileIsDefault(t *testing.T) {
	c, probs := Load(fstest.MapFS{})
	checkProblems(t, probs, nil)
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("got %+v; want the default", c)
	}
}

// TestLoadHugoConfigInstead: a site that has Hugo's configuration file and
// no site.toml is told so; it was built with defaults without a word.
func TestLoadHugoConfigInstead(t *testing.T) {
	for name, want := range map[string]string{
		"hugo.toml":                 "hugo.toml: samizdat reads its settings only from site.toml, not from hugo.toml (Hugo's), so this site has none\n    rename it to site.toml",
		"config.yaml":               "config.yaml: samizdat reads its settings only from site.toml, not from config.yaml (Hugo's), so this site has none\n    write its settings in TOML in a file named site.toml, as docs/settings.md shows",
		"config/_default/hugo.toml": "config/_default/hugo.toml: samizdat reads its settings only from site.toml, not from config/_default/hugo.toml (Hugo's), so this site has none\n    move it to site.toml at the top of the site",
	} {
		_, probs := Load(fstest.MapFS{name: {Data: []byte("title = 'x'\n")}})
		if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), want) {
			t.Errorf("Load with %s = %v; want one problem starting\n%s", name, probs, want)
		}
	}
}

// TestLoadHugoConfigFolder: a site that splits Hugo's settings into
// config/ is told of every file there, and where each goes in site.toml;
// its params and menus were lost without a word once hugo.toml became
// site.toml.
func TestLoadHugoConfigFolder(t *testing.T) {
	files := fstest.MapFS{
		"config/_default/hugo.toml":       {Data: []byte("title = 'x'\n")},
		"config/_default/params.toml":     {Data: []byte("author = 'A'\n")},
		"config/_default/menus.toml":      {Data: []byte("[[main]]\nname = 'About'\nurl = '/about/'\n")},
		"config/_default/menus.ru.toml":   {Data: []byte("[[main]]\nname = 'О нас'\nurl = '/ru/about/'\n")},
		"config/_default/languages.toml":  {Data: []byte("[en]\nweight = 1\n")},
		"config/_default/markup.toml":     {Data: []byte("[goldmark.renderer]\nunsafe = true\n")},
		"config/_default/permalinks.yaml": {Data: []byte("post: /:year/:slug/\n")},
		"config/production/hugo.toml":     {Data: []byte("baseURL = 'https://example.org/'\n")},
		"config/production/params.toml":   {Data: []byte("env = 'production'\n")},
		"config/staging/params.yml":       {Data: []byte("env: staging\n")},
		"config/README.md":                {Data: []byte("notes\n")},
		// A site's own files under config/, not named after Hugo's tables.
		"config/deploy/netlify.json": {Data: []byte("{}\n")},
		"config/_default/nginx.yaml": {Data: []byte("x: 1\n")},
	}
	wants := []string{
		"config/_default/hugo.toml: samizdat reads its settings only from site.toml, not from config/_default/hugo.toml (Hugo's), so this site has none\n    move it to site.toml at the top of the site",
		"config/_default/languages.toml: samizdat reads its settings only from site.toml, not from config/_default/languages.toml (Hugo's), so its settings are not used\n    copy each language's table into site.toml, [ru] written [languages.ru]",
		"config/_default/markup.toml: samizdat reads its settings only from site.toml, not from config/_default/markup.toml (Hugo's), so its settings are not used\n    samizdat's only markup settings are unsafe and maxCodeBytes, under [markup] in site.toml: Hugo's goldmark.renderer.unsafe = true is unsafe = true there",
		"config/_default/menus.ru.toml: samizdat reads its settings only from site.toml, not from config/_default/menus.ru.toml (Hugo's), so its settings are not used\n    copy its entries into site.toml, each [[main]] written [[languages.ru.menus.main]]",
		"config/_default/menus.toml: samizdat reads its settings only from site.toml, not from config/_default/menus.toml (Hugo's), so its settings are not used\n    copy its entries into site.toml, each [[main]] written [[menus.main]] (its name, url, pageRef and weight lines as they are)",
		"config/_default/params.toml: samizdat reads its settings only from site.toml, not from config/_default/params.toml (Hugo's), so its settings are not used\n    copy its lines into site.toml under a [params] table",
		"config/_default/permalinks.yaml: samizdat reads its settings only from site.toml, not from config/_default/permalinks.yaml (Hugo's), so its settings are not used\n    Hugo's [permalinks], which samizdat does not have: samizdat has no address patterns: a page's address comes from its folder and file name",
		"config/production/hugo.toml: samizdat reads its settings only from site.toml, not from config/production/hugo.toml (Hugo's), so this site has none\n    move it to site.toml at the top of the site; samizdat then names each setting it does not know, and what to write instead; Hugo reads config/production/ only in its production environment",
		"config/production/params.toml: samizdat reads its settings only from site.toml, not from config/production/params.toml (Hugo's), so its settings are not used\n    copy its lines into site.toml under a [params] table; Hugo reads config/production/ only in its production environment, and samizdat has one site.toml for every build, so merge only what the published site needs",
		"config/staging/params.yml: samizdat reads its settings only from site.toml, not from config/staging/params.yml (Hugo's), so its settings are not used\n    copy its lines into site.toml under a [params] table, written in TOML (key = value); Hugo reads config/staging/ only in its staging environment",
	}
	check := func(got []problem.Problem, wants []string) {
		t.Helper()
		if len(got) != len(wants) {
			t.Fatalf("got %d: %v; want %d", len(got), got, len(wants))
		}
		for i, w := range wants {
			if !strings.HasPrefix(got[i].String(), w) {
				t.Errorf("got\n%s\nwant it to start\n%s", got[i], w)
			}
		}
	}
	_, probs := Load(files)
	check(probs, wants)

	// Beside site.toml the files are leftovers: the site builds, warned of
	// each; menus.en.toml is the menus of a site whose language is en-us.
	files["site.toml"] = &fstest.MapFile{Data: []byte("title = 'x'\nlanguageCode = 'en-us'\n")}
	files["config/_default/menus.en.toml"] = &fstest.MapFile{Data: []byte("[[main]]\nname = 'About'\n")}
	c, probs := Load(files)
	checkProblems(t, probs, nil)
	if len(c.Warnings) != 11 {
		t.Fatalf("got %d warnings %v; want 11", len(c.Warnings), c.Warnings)
	}
	for _, w := range c.Warnings {
		if !strings.HasSuffix(w.Hint, "then delete "+w.File) {
			t.Errorf("%s: hint %q does not say to delete it", w.File, w.Hint)
		}
	}
	if w := c.Warnings[0]; w.File != "config/_default/hugo.toml" || !strings.HasPrefix(w.Hint, "merge what you still need from it into site.toml") {
		t.Errorf("got %v; want hugo.toml's settings merged", w)
	}
	if w := c.Warnings[3]; w.File != "config/_default/menus.en.toml" || !strings.Contains(w.Hint, "each [[main]] written [[menus.main]]") {
		t.Errorf("got %v; want the first language's menus as [[menus.main]]", w)
	}
}

// TestLoadHugoConfigLeftover: Hugo's file left beside site.toml is
// named, as it is not read.
func TestLoadHugoConfigLeftover(t *testing.T) {
	for _, name := range []string{"hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "config.json"} {
		c, probs := Load(fstest.MapFS{"site.toml": {Data: []byte("title = 'x'\n")}, name: {Data: []byte("title = 'x'\n")}})
		checkProblems(t, probs, nil)
		want := name + ": warning: samizdat reads its settings only from site.toml, not from " + name + " (Hugo's), so its settings are not used\n" +
			"    merge what you still need from it into site.toml (samizdat then names each setting it does not know, and what to write instead); then delete " + name
		if len(c.Warnings) != 1 || c.Warnings[0].Warning() != want {
			t.Errorf("Load with site.toml and %s: warnings %v; want\n%s", name, c.Warnings, want)
		}
	}
	c, _ := Load(fstest.MapFS{"site.toml": {Data: []byte("title = 'x'\n")}, "config/notes.toml": {Data: []byte("x = 1\n")}})
	if c.Warnings != nil {
		t.Errorf("a file directly in config/, which Hugo does not read, got %v", c.Warnings)
	}
}

func TestDefaults(t *testing.T) {
	c := Default()
	if c.LanguageCode != "en" || c.Paginate != 10 || c.BudgetKB != 30 || c.ImageBudgetKB != 250 {
		t.Errorf("defaults: %+v", c)
	}
	if !reflect.DeepEqual(c.Taxonomies, map[string]string{"tag": "tags"}) {
		t.Errorf("taxonomies %v", c.Taxonomies)
	}
	if got := (Config{}).TaxonomyPlurals(); !reflect.DeepEqual(got, []string{"tags"}) {
		t.Errorf("zero Config TaxonomyPlurals() = %v; want [tags]", got)
	}
	c, probs := Parse([]byte("title = 'x'\npaginate = 5\n[taxonomies]\n"))
	checkProblems(t, probs, nil)
	if c.Paginate != 5 || c.BudgetKB != 30 || len(c.Taxonomies) != 0 {
		t.Errorf("set values must win and an empty [taxonomies] means none: %+v", c)
	}
}

func TestLoadFullConfig(t *testing.T) {
	src := `baseURL = "https://example.org/sub/"
title = "Zhanaozen"
description = "Ten years on"
languageCode = "ru"
copyright = "CC BY 4.0"
paginate = 20
budgetKB = 50
onion = "http://abcdefghijklmnop.onion/"
mirrors = [{ name = "IPFS", url = "ipfs://bafy123" }]

[params]
author = "Ana"
social = { mastodon = "@ana" }

[taxonomies]
tag = "tags"
category = "categories"

[[menus.main]]
name = "Home"
pageRef = "_index.md"
weight = 1

[[menus.main]]
name = "Donate"
url = "https://donate.example.org/"
weight = 2
identifier = "donate"
parent = "home"

[markup]
unsafe = true
maxCodeBytes = 65536

[languages.kk]
name = "Қазақша"
weight = 2
dateFormat = "2 January 2006"
`
	c, probs := Load(fstest.MapFS{"site.toml": {Data: []byte(src)}})
	checkProblems(t, probs, nil)
	want := Config{
		BaseURL: "https://example.org/sub/", Title: "Zhanaozen", Description: "Ten years on",
		LanguageCode: "ru", Copyright: "CC BY 4.0", Paginate: 20, BudgetKB: 50, ImageBudgetKB: 250,
		Onion:      "http://abcdefghijklmnop.onion/",
		Mirrors:    []Mirror{{Name: "IPFS", URL: "ipfs://bafy123"}},
		Params:     map[string]any{"author": "Ana", "social": map[string]any{"mastodon": "@ana"}},
		Taxonomies: map[string]string{"tag": "tags", "category": "categories"},
		Menus: map[string][]MenuEntry{"main": {
			{Name: "Home", PageRef: "_index.md", Weight: 1, Line: 21},
			{Name: "Donate", URL: "https://donate.example.org/", Weight: 2, Identifier: "donate", Parent: "home", Line: 26},
		}},
		Markup:    Markup{Unsafe: true, MaxCodeBytes: 65536},
		Images:    Images{Widths: []int{480, 960, 1600}, Sizes: DefaultImageSizes, Quality: 80},
		Languages: map[string]Language{"kk": {Name: "Қазақша", Weight: 2, DateFormat: "2 January 2006"}},
		Related:   Related{}.withDefaults(map[string]string{"tag": "tags"}),
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if got := c.TaxonomyPlurals(); !reflect.DeepEqual(got, []string{"categories", "tags"}) {
		t.Errorf("TaxonomyPlurals() = %v", got)
	}
}

func TestParseKeysAreCaseInsensitive(t *testing.T) {
	c, probs := Parse([]byte("baseurl = 'https://example.org/'\nLanguageCode = 'kk'\n[Markup]\nUnsafe = true\n"))
	checkProblems(t, probs, nil)
	if c.BaseURL != "https://example.org/" || c.LanguageCode != "kk" || !c.Markup.Unsafe {
		t.Errorf("got %+v", c)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		wants []want
	}{
		{"unknown top-level key", "title = 'x'\n\ntitel = 'y'\n", []want{{3, `unknown key "titel"`, `did you mean "title"?`}}},
		{"hugo's settings", "title = 'x'\ntheme = 'ananke'\ndefaultContentLanguage = 'ru'\n[[menu.main]]\nname = 'A'\n[markup.goldmark.renderer]\nunsafe = true\n[pagination]\npagerSize = 5\n",
			[]want{
				{2, `unknown key "theme"`, "samizdat has no themes: copy the theme's layouts/, static/ and i18n/ folders"},
				{3, `unknown key "defaultContentLanguage"`, `write languageCode = "en"`},
				{4, `unknown key "menu.main"`, "samizdat calls it menus: write [[menus.main]]"},
				{6, `unknown key "markup.goldmark.renderer"`, "its settings are [markup] unsafe = true"},
				{8, `unknown key "pagination"`, "write paginate = N at the top of site.toml"},
			}},
		{"more of hugo's settings", "title = 'x'\ndisableKinds = ['rss']\nsummaryLength = 30\n[outputs]\nhome = ['html']\n[languages.ru]\nlanguageName = 'Русский'\ncontentDir = 'content/ru'\n",
			[]want{
				{2, `unknown key "disableKinds"`, "samizdat has no setting to leave out kinds of pages"},
				{3, `unknown key "summaryLength"`, "the text before <!--more-->"},
				{4, `unknown key "outputs"`, "samizdat writes HTML pages and Atom feeds"},
				{7, `unknown key "languages.ru.languageName"`, `samizdat calls it name: write name = with the language's name in that language`},
				{8, `unknown key "languages.ru.contentDir"`, "translations live beside their source pages"},
			}},
		{"hugo's build and URL settings", "title = 'x'\nbuildDrafts = true\nbuildFuture = true\nrelativeURLs = true\nuglyURLs = true\ncanonifyURLs = true\nenableEmoji = true\n",
			[]want{
				{2, `unknown key "buildDrafts"`, "run samizdat build --drafts (or serve --drafts)"},
				{3, `unknown key "buildFuture"`, "run samizdat build --future"},
				{4, `unknown key "relativeURLs"`, "samizdat always makes the site's links relative to each page"},
				{5, `unknown key "uglyURLs"`, "samizdat build --portable"},
				{6, `unknown key "canonifyURLs"`, "samizdat keeps links relative"},
				{7, `unknown key "enableEmoji"`, "type the emoji itself"},
			}},
		{"hugo's newer language and list settings", "title = 'x'\nlocale = 'en-US'\nmainSections = ['news']\ntimeZone = 'Asia/Almaty'\ncapitalizeListTitles = false\n[languages.ru]\nname = 'R'\nlabel = 'Русский'\nlanguageCode = 'ru-RU'\n",
			[]want{
				{2, `unknown key "locale"`, `write languageCode = "en"`},
				{3, `unknown key "mainSections"`, "samizdat reads mainSections under [params]"},
				{4, `unknown key "timeZone"`, "dates without a zone are read as UTC"},
				{5, `unknown key "capitalizeListTitles"`, "{{ .Title | title }}"},
				{8, `unknown key "languages.ru.label"`, "samizdat calls it name"},
				{9, `unknown key "languages.ru.languageCode"`, "a language's code is its table's name"},
			}},
		{"unknown keys everywhere", "title = 'x'\npaginatx = 3\n[markup]\nunsaf = true\n[[menus.main]]\nname = 'a'\nurl = '/'\nnme = 'b'\n[languages.kk]\nnam = 'x'\n",
			[]want{
				{2, `unknown key "paginatx"`, `did you mean "paginate"?`},
				{4, `unknown key "markup.unsaf"`, `did you mean "unsafe"?`},
				{8, `unknown key "menus.main.nme"`, `did you mean "name"?`},
				{10, `unknown key "languages.kk.nam"`, `did you mean "name"?`},
			}},
		{"unknown key far from any", "zzzqqqxxx = 1\n", []want{{1, `unknown key "zzzqqqxxx"`, "known keys here: baseURL, budgetKB,"}}},
		{"unknown menu entry key far from any", "[[menus.main]]\nname = 'a'\nurl = '/'\nzzzqqqxxx = 1\n",
			[]want{{4, `unknown key "menus.main.zzzqqqxxx"`, "known keys here: identifier, name, pageRef, parent, url, weight"}}},
		{"hugo's menu entry keys", "[[menus.main]]\nname = 'a'\nurl = '/'\npre = '<i>'\ntitle = 'A'\n[languages.ru]\n[[languages.ru.menus.footer]]\nname = 'b'\nurl = '/'\nparams = {x = 1}\n",
			[]want{
				{4, `unknown key "menus.main.pre"`, "samizdat's menus hold no HTML of their own"},
				{5, `unknown key "menus.main.title"`, "samizdat's menu entries have no tooltip"},
				{10, `unknown key "languages.ru.menus.footer.params"`, "samizdat's menu entries have no params"},
			}},
		// The pages' addresses change: the hint says how to keep the old
		// ones working, as aliases.
		// The example comes from the rule written: bear's blog = "/:slug/"
		// is not xmin's dated post rule.
		{"permalinks", "[permalinks]\npost = '/post/:year/:month/:day/:slug/'\n", []want{{1, `unknown key "permalinks"`,
			`Here post = "/post/:year/:month/:day/:slug/" gave content/post/my-post.md dated 2024-03-05 the address /post/2024/03/05/my-post/; samizdat gives it /post/my-post/. ` +
				"So that links to the old addresses keep working, give each page its old one in its front matter, aliases: [/post/2024/03/05/my-post/], which publishes a page there that sends readers on"}}},
		{"permalinks of another rule", "[permalinks]\nblog = '/:slug/'\n", []want{{1, `unknown key "permalinks"`,
			`Here blog = "/:slug/" gave content/blog/my-post.md the address /my-post/; samizdat gives it /blog/my-post/. ` +
				"So that links to the old addresses keep working, give each page its old one in its front matter, aliases: [/my-post/]"}}},
		{"permalinks by kind", "[permalinks.page]\nnews = '/:section/:year/:filename/'\nabout = '/about/:slug/'\n", []want{{1, `unknown key "permalinks.page"`,
			`Here news = "/:section/:year/:filename/" gave content/news/my-post.md dated 2024-03-05 the address /news/2024/my-post/; samizdat gives it /news/my-post/.`}}},
		{"permalinks as samizdat's", "[permalinks]\nnews = '/news/:filename/'\n", []want{{1, `unknown key "permalinks"`,
			"these rules give the addresses samizdat gives (a page's folder and file name); remove this"}}},
		// Hugo's settings that samizdat does otherwise, each with what it
		// does instead, not the known keys.
		{"hugo's settings of other sites, code and files", "author = 'Jane Doe'\ndisqusShortname = 'x'\npygmentsCodeFences = true\npygmentsUseClasses = true\npygmentsStyle = 'vs'\n" +
			"ignoreFiles = ['\\.Rmd$']\nignoreErrors = ['error-remote-getjson']\nfootnotereturnlinkcontents = '↩'\n",
			[]want{
				{1, `unknown key "author"`, "write it under [params] (author = \"…\" there, or a [params.author] table), where layouts read it as .Site.Params.author"},
				{2, `unknown key "disqusShortname"`, "a samizdat site loads nothing from other sites, and Disqus's comments come from disqus.com: remove this"},
				{3, `unknown key "pygmentsCodeFences"`, "samizdat highlights fenced code itself, always, with CSS classes"},
				{4, `unknown key "pygmentsUseClasses"`, "chroma.css"},
				{5, `unknown key "pygmentsStyle"`, "there is nothing to set, so remove this"},
				{6, `unknown key "ignoreFiles"`, "skips files and folders whose names start with a dot, folders whose names start with _, and editors' temporary and backup files"},
				{7, `unknown key "ignoreErrors"`, "samizdat has no setting to pass over errors"},
				{8, `unknown key "footnotereturnlinkcontents"`, "samizdat writes footnotes ([^1]) itself"},
			}},
		{"hugo's imaging table", "title = 'x'\n[imaging]\nquality = 80\n", []want{{2, `unknown key "imaging"`, "write the quality, anchor and filter in each processing spec"}}},
		{"hugo's settings of lists and text", "pluralizeListTitles = false\nenableGitInfo = true\npaginatePath = 'p'\nhasCJKLanguage = true\n[blackfriday]\nfractions = false\n[languages.ru]\npaginate = 5\n",
			[]want{
				{1, `unknown key "pluralizeListTitles"`, "samizdat does not make list titles plural"},
				{2, `unknown key "enableGitInfo"`, "a page whose front matter has no lastmod takes its .Lastmod from its file's last commit"},
				{3, `unknown key "paginatePath"`, "samizdat writes a list's further pages at page/2/"},
				{4, `unknown key "hasCJKLanguage"`, "samizdat has no setting for Chinese, Japanese or Korean text"},
				{5, `unknown key "blackfriday"`, "samizdat sets up markdown itself"},
				{8, `unknown key "languages.ru.paginate"`, "write paginate = N at the top of site.toml"},
			}},
		{"summaryLength is not a key", "summaryLength = 70\n", []want{{1, `unknown key "summaryLength"`, ""}}},
		{"build is not a table", "[build]\ndrafts = true\n", []want{{1, `unknown key "build"`, ""}}},
		{"crlf and bom", "\xef\xbb\xbftitle = 'x'\r\n\r\ncopyrigth = 'y'\r\n", []want{{3, `"copyrigth"`, `"copyright"`}}},

		{"paginate text", "title = 'x'\npaginate = 'ten'\n", []want{{2, `"paginate" must be a whole number, got text`, "paginate = 10 (without quotes)"}}},
		{"paginate float", "paginate = 1.5\n", []want{{1, `"paginate" must be a whole number, got a decimal number`, ""}}},
		{"title number", "title = 1\n", []want{{1, `"title" must be text in quotes, got a whole number`, `title = "…"`}}},
		{"unsafe text", "[markup]\nunsafe = 'yes'\n", []want{{2, `"markup.unsafe" must be true or false, got text`, "unsafe = true"}}},
		{"menu weight text", "[[menus.main]]\nname = 'a'\nurl = '/'\nweight = 'x'\n", []want{{4, `"menus.main.weight" must be a whole number`, ""}}},
		{"taxonomy not text", "[taxonomies]\ntag = 1\n", []want{{2, `"taxonomies.tag" must be text in quotes`, ""}}},
		{"markup not a table", "markup = 3\n", []want{{1, `"markup" must be a table`, ""}}},
		{"syntax", "title = 'x'\nbaseURL = https://x/\n", []want{{2, "not valid TOML", "quotes"}}},
		{"duplicate", "title = 'x'\ntitle = 'y'\n", []want{{2, "already defined", "remove one"}}},

		{"relative baseURL", "title = 'x'\nbaseURL = '/sub/'\n", []want{{2, `baseURL "/sub/" is not an absolute http or https address`, "https://example.org/"}}},
		{"baseURL without scheme", "baseURL = 'example.org'\n", []want{{1, "not an absolute", ""}}},
		{"unquoted Cyrillic", "title = Жанаозен\n", []want{{1, `unexpected character U+0416 'Ж' at start of value`, "text in TOML needs quotes"}}},
		{"ftp baseURL", "baseURL = 'ftp://example.org/'\n", []want{{1, "not an absolute http or https", ""}}},
		{"baseURL with a login", "baseURL = 'https://deploy:S3cret@staging.example.org/'\n", []want{{1, `baseURL "https://deploy:xxxxx@staging.example.org/" holds a user name or password`, "remove the user:password@ part"}}},
		{"negative paginate", "\npaginate = -1\n", []want{{2, `"paginate" must not be negative`, ""}}},
		{"taxonomy shadows key", "[taxonomies]\ntag = 'tags'\nkind = 'type'\n", []want{{3, `taxonomy plural "type" is already a front matter key`, ""}}},
		{"menu entry without link", "[[menus.main]]\nname = 'a'\n\n[[menus.main]]\nname = 'b'\n", []want{
			{1, `menu "main" entry "a" links nowhere`, "pageRef"},
			{4, `menu "main" entry "b" links nowhere`, ""},
		}},
		{"menu entry without name", "[[menus.main]]\nurl = '/'\n", []want{{1, `entry 1 has no name`, "an entry with pageRef may leave it out"}}},
		{"menu entry of a page without name", "[[menus.main]]\npageRef = 'zhanaozen/_index.md'\n", nil},
		{"bad mirror", "[[mirrors]]\nname = 'x'\nurl = 'mirror.example'\n", []want{{1, "not an absolute address", ""}}},
		{"bad onion", "title = 'x'\nonion = 'example.org'\n", []want{{2, "not an .onion address", ""}}},
		{"unknown key and bad value", "titel = 'x'\nbaseURL = 'x'\n", []want{
			{1, `unknown key "titel"`, ""},
			{2, "not an absolute", ""},
		}},
		{"lone cr", "title = 'x'\rpaginate = -2\r", []want{{2, "must not be negative", ""}}},
		{"bad language code", "[languages.kazakh-language]\nname = 'x'\n", []want{{1, "not a language code", ""}}},
		{"fallback to no language of the site", "[languages.ru]\nname = 'x'\n[languages.kk]\nname = 'y'\nfallback = 'uz'\n", []want{{5, `fallback "uz" of language "kk" is not another language of the site`, "give another language of the site: en, ru"}}},
		{"fallback to itself", "[languages.kk]\nname = 'y'\nfallback = 'kk'\n", []want{{3, `fallback "kk" of language "kk"`, "give another language of the site: en"}}},
		{"a language direction of neither kind", "[languages.ar]\nname = 'y'\nlanguageDirection = 'right'\n", []want{{3, `languageDirection "right" of language "ar" is neither rtl nor ltr`, `write languageDirection = "rtl" or "ltr"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse([]byte(tt.src))
			checkProblems(t, probs, tt.wants)
		})
	}
}

// deniedFS fails every open the way an unreadable file does.
type deniedFS struct{}

func (deniedFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestLoadUnreadable(t *testing.T) {
	_, probs := Load(deniedFS{})
	if len(probs) != 1 || probs[0].File != "site.toml" || !strings.Contains(probs[0].Message, "permission denied") {
		t.Errorf("problems %v; want one about site.toml", probs)
	}
}

// Menu entries know their pageRef's or url's line in site.toml (else their
// table's), so a problem with one points at it.
func TestMenuEntryLines(t *testing.T) {
	c, probs := Parse([]byte("title = 'x'\n\n[[menus.main]]\nname = 'A'\npageRef = 'a.md'\n\n[[menus.main]]\nname = 'B'\nweight = 2\nurl = '/b/'\n\n[languages.kk]\nname = 'K'\n[[languages.kk.menus.main]]\nname = 'C'\npageRef = 'c.md'\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if got := []int{c.Menus["main"][0].Line, c.Menus["main"][1].Line, c.Languages["kk"].Menus["main"][0].Line}; got[0] != 5 || got[1] != 10 || got[2] != 16 {
		t.Errorf("lines = %v; want [5 10 16]", got)
	}
}

// A login in baseURL is found and its password masked also when url.Parse
// gives up on it (a "/" or "#" in the password); an @ in the path is no
// login.
func TestMaskLogin(t *testing.T) {
	for s, want := range map[string]string{
		"https://deploy:S3cret@staging.example.org/": "https://deploy:xxxxx@staging.example.org/",
		"https://deploy:S3/cret@zhan.kz/":            "https://deploy:xxxxx@zhan.kz/",
		"https://deploy:a#b?c d@zhan.kz/sub/":        "https://deploy:xxxxx@zhan.kz/sub/",
		"https://deploy@zhan.kz/":                    "https://deploy@zhan.kz/",
		"https://zhan.kz/@campaign/":                 "",
		"https://zhan.kz/":                           "",
	} {
		got, ok := maskLogin(s)
		if got != want || ok != (want != "") {
			t.Errorf("maskLogin(%q) = %q, %v; want %q", s, got, ok, want)
		}
		if why, _ := CheckBaseURL(s); want != "" && (strings.Contains(why, "S3") || strings.Contains(why, "a#b") || !strings.Contains(why, "user name or password")) {
			t.Errorf("CheckBaseURL(%q) says %q", s, why)
		}
	}
}

func TestPlaceholderBaseURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/": true, "https://www.example.com/sub/": true, "http://localhost:1313/": true, "https://site.test/": true,
		"https://campaign.example/": true, "http://127.0.0.1/": true, "https://EXAMPLE.NET./": true,
		"https://zhanaozen.org/": false, "https://example.org.kz/": false, "https://myexample.org/": false, "": false, "/sub/": false,
	} {
		if got := PlaceholderBaseURL(s); got != want {
			t.Errorf("PlaceholderBaseURL(%q) = %v; want %v", s, got, want)
		}
	}
}
