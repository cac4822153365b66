package site

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestI18nGolden builds the three-language fixture and compares every file
// with testdata/i18n.golden.txtar.
func TestI18nGolden(t *testing.T) {
	res := build(t, siteFS(t, "testdata/i18n.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	compareGolden(t, res, "testdata/i18n.golden.txtar")
}

func TestI18nDatesPluralsAndSwitcher(t *testing.T) {
	res := build(t, siteFS(t, "testdata/i18n.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	file := func(name string) string {
		t.Helper()
		b, ok := res.Files[name]
		if !ok {
			t.Fatalf("%s was not built", name)
		}
		return string(b)
	}
	tests := []struct{ file, want string }{
		{"ru/zhanaozen/clashes/index.html", "16 декабря 2011"},
		{"kk/zhanaozen/clashes/index.html", "2011 жылғы 16 желтоқсан"},
		{"zhanaozen/clashes/index.html", "16 December 2011"},
		// Russian CLDR plurals: one, few, many.
		{"ru/zhanaozen/clashes/index.html", "1 минута; 2 минуты; 3 минуты; 4 минуты; 5 минут; 21 минута; 22 минуты; 11 минут"},
		{"kk/zhanaozen/clashes/index.html", "1 минут; 2 минут"},
		{"zhanaozen/clashes/index.html", "1 minute; 2 minutes"},
		// lang on every page.
		{"ru/index.html", `<html lang="ru">`},
		{"kk/index.html", `<html lang="kk">`},
		// The switcher: the translation where there is one, else the
		// language's home with a note.
		{"zhanaozen/clashes/index.html", `href="../../ru/zhanaozen/clashes/" lang="ru"`},
		{"zhanaozen/only-english/index.html", `href="../../ru/" lang="ru" hreflang="ru">Русский</a> <span lang="ru">(ещё не переведено)</span>`},
		// hreflang alternates in the head.
		{"ru/zhanaozen/clashes/index.html", `<link rel="alternate" hreflang="en" href="https://example.org/zhanaozen/clashes/">`},
		{"ru/zhanaozen/clashes/index.html", `<link rel="alternate" hreflang="kk" href="https://example.org/kk/zhanaozen/clashes/">`},
		// Links between translations resolve to the same language.
		{"ru/zhanaozen/clashes/index.html", `<a href="../">раздел</a>`},
		// Per-language menus, data, terms, feeds, sitemaps, 404 pages.
		{"ru/zhanaozen/clashes/index.html", `<a href="../">Жанаозен</a>`},
		// Kazakh has no zhanaozen/_index.kk.md: its pages there get a section
		// of their own, named after the folder.
		{"kk/index.html", `<nav><a href="zhanaozen/">Zhanaozen</a></nav>`},
		{"ru/zhanaozen/index.html", "Столкновения</p>"},
		{"zhanaozen/index.html", "Clashes</p>"},
		{"ru/tags/жанаозен/index.html", "Столкновения"},
		{"ru/index.xml", `xml:lang="ru"`},
		{"ru/index.xml", "<title>Столкновения</title>"},
		{"ru/sitemap.xml", `<xhtml:link rel="alternate" hreflang="en" href="https://example.org/zhanaozen/clashes/"/>`},
		{"sitemap.xml", `<loc>https://example.org/zhanaozen/only-english/</loc>`},
		{"robots.txt", "Sitemap: https://example.org/kk/sitemap.xml"},
		{"ru/404.html", `<a href="/ru/">Кампания</a>`},
	}
	for _, tt := range tests {
		if got := file(tt.file); !strings.Contains(got, tt.want) {
			t.Errorf("%s lacks %q", tt.file, tt.want)
		}
	}
	if strings.Contains(file("index.xml"), "Столкновения") {
		t.Errorf("the English feed lists a Russian page")
	}
}

func TestMissingInterfaceStringIsAProblem(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["i18n/kk.toml"].Data = []byte("not_translated = \"әлі аударылмаған\"\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	if !strings.Contains(got, `i18n/kk.toml: missing interface string "minutes" for language kk`) {
		t.Errorf("problems = %s; want the missing kk string named", got)
	}
}

// A strings file that cannot be read is one problem, at its line, with a
// TOML hint: not that plus a "missing interface string" for every string
// the templates ask for.
func TestUnreadableStringsFileIsOneProblem(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["i18n/kk.toml"].Data = []byte("a = \"ok\"\nread_more = Әрі қарай\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) != 1 {
		t.Fatalf("got %d problems; want 1:\n%s", len(res.Problems), problems(res.Problems))
	}
	p := res.Problems[0]
	if p.File != "i18n/kk.toml" || p.Line != 2 || !strings.Contains(p.Hint, "in TOML") {
		t.Errorf("got %s; want i18n/kk.toml:2 with a TOML hint", p)
	}
}

// compareGolden compares a build with a txtar of every file it should
// make, rewriting the txtar with -update.
func compareGolden(t *testing.T, res Result, golden string) {
	t.Helper()
	var got txtar.Archive
	for _, name := range res.Paths() {
		got.Files = append(got.Files, txtar.File{Name: name, Data: res.Files[name]})
	}
	if *update {
		if err := os.WriteFile(golden, txtar.Format(&got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	wantFiles := map[string][]byte{}
	for _, f := range want.Files {
		wantFiles[f.Name] = f.Data
	}
	for _, name := range res.Paths() {
		w, ok := wantFiles[name]
		if !ok {
			t.Errorf("%s: built but not in %s", name, golden)
			continue
		}
		if string(normalizeNewline(res.Files[name])) != string(w) {
			t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, golden, res.Files[name], w)
		}
		delete(wantFiles, name)
	}
	for name := range wantFiles {
		t.Errorf("%s: in %s but not built", name, golden)
	}
}

func TestTranslationGaps(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	// The English page changed after its Russian translation.
	fsys["content/zhanaozen/clashes.md"].Data = []byte("---\ntitle: The clashes\ndate: 2011-12-16\nlastmod: 2012-12-01\n---\nNew text.\n")
	fsys["content/zhanaozen/clashes.ru.md"].Data = []byte("---\ntitle: Столкновения\ndate: 2011-12-16\nlastmod: 2012-11-01\n---\nТекст.\n")
	fsys["content/zhanaozen/clashes.kk.md"].Data = []byte("---\ntitle: Қақтығыстар\ndate: 2011-12-16\nlastmod: 2012-12-02\n---\nМәтін.\n")
	res := build(t, fsys, Options{})
	var got []string
	for _, g := range res.Translations {
		got = append(got, g.Source+" "+g.Lang+" "+g.Translation)
	}
	want := []string{
		"content/zhanaozen/_index.md kk ",
		"content/zhanaozen/clashes.md ru content/zhanaozen/clashes.ru.md",
		"content/zhanaozen/only-english.md kk ",
		"content/zhanaozen/only-english.md ru ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("gaps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMissingLabelsWarnNotFail: a language other than English whose i18n
// file lacks a label the generator writes gets a warning per label (its
// readers see the English text); English never does, and the build is
// not stopped.
func TestMissingLabelsWarnNotFail(t *testing.T) {
	res := build(t, siteFS(t, "testdata/i18n.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	got := problems(res.Warnings)
	for _, w := range []string{
		`i18n/ru.toml: no anchor_label: pages in ru show the English "Link to this section"`,
		`i18n/ru.toml: no toc_label: pages in ru show the English "Contents"`,
		`i18n/kk.toml: no anchor_label`,
		`i18n/kk.toml: no toc_label`,
		`i18n/ru.toml: no not_found_title: pages in ru show the English "Page not found"`,
		`i18n/kk.toml: no not_found_title`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings lack %q; got:\n%s", w, got)
		}
	}
	if len(res.Warnings) != 6 {
		t.Errorf("got %d warnings; want 6 (none for en, none for not_translated, which both have):\n%s", len(res.Warnings), got)
	}
}

// TestHomeWithoutIndexTakesTheSiteTitle: a language with no _index.md
// still has a home page, titled with the site's name, not "".
func TestHomeWithoutIndexTakesTheSiteTitle(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	delete(fsys, "content/_index.md")
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`), Mode: 0o644}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["index.html"]); !strings.Contains(got, "<h1>Fixture</h1>") {
		t.Errorf("the home page's title is not the site's:\n%s", got)
	}
}

// TestMenuEntriesSayTheirLanguage: a language without a menu of its own
// (kk here) takes the default one's, whose names are in the default
// language; MenuEntry.Lang says so, for a lang attribute.
func TestMenuEntriesSayTheirLanguage(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ range .Site.Menus.main }}[{{ .Name }}:{{ .Lang }}]{{ end }}{{ end }}`), Mode: 0o644}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, want := range map[string]string{"index.html": "[Zhanaozen:en]", "ru/index.html": "[Жанаозен:ru]", "kk/index.html": "[Zhanaozen:en]"} {
		if got := string(res.Files[file]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s:\n%s", file, want, got)
		}
	}
}

// A file beside a page in several languages is published once per
// language, but a problem with it is one problem: the editor has one file
// to fix.
func TestProblemOfABundleFileComesOnce(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["content/people/kozlov/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kozlov\n---\nText.\n"), Mode: 0o644}
	fsys["content/people/kozlov/index.ru.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Козлов\n---\nТекст.\n"), Mode: 0o644}
	fsys["content/people/kozlov/photo.jpg"] = &fstest.MapFile{Data: []byte("not a jpeg"), Mode: 0o644}
	res := build(t, fsys, Options{})
	if len(res.Problems) != 1 || res.Problems[0].File != "content/people/kozlov/photo.jpg" {
		t.Errorf("want one problem for content/people/kozlov/photo.jpg; got:\n%s", problems(res.Problems))
	}
}

// TestFallbackLanguage: with languages.kk.fallback = "ru", a page or menu
// that looks up a page with no Kazakh translation gets the Russian one
// where there is one, else the default language's.
func TestFallbackLanguage(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	toml := strings.Replace(string(fsys["site.toml"].Data), "[languages.kk]\n", "[languages.kk]\nfallback = \"ru\"\n", 1)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(toml), Mode: 0o644}
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\nText.\n"), Mode: 0o644}
	fsys["content/about.ru.md"] = &fstest.MapFile{Data: []byte("---\ntitle: О нас\n---\nТекст.\n"), Mode: 0o644}
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}[{{ (.Site.GetPage "/about").URL }}][{{ (.Site.GetPage "about.md").URL }}][{{ (.Site.GetPage "zhanaozen/only-english.md").URL }}]{{ end }}`), Mode: 0o644}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, want := range map[string]string{
		"kk/index.html": "[/ru/about/][/ru/about/][/zhanaozen/only-english/]",
		"ru/index.html": "[/ru/about/][/ru/about/][/zhanaozen/only-english/]",
		"index.html":    "[/about/][/about/][/zhanaozen/only-english/]",
	} {
		if got := string(res.Files[file]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s:\n%s", file, want, got)
		}
	}
}

// TestDateLocale: a language code with a region or script ("ru-RU",
// "kk-Cyrl") gets its language's month names (it got English ones), and
// a script the library has no names in ("kk-Latn") gets none.
func TestDateLocale(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want string // "" for none
	}{
		{"ru", "ru_RU"}, {"ru-RU", "ru_RU"}, {"ru-Cyrl", "ru_RU"},
		{"kk", "kk_KZ"}, {"kk-KZ", "kk_KZ"}, {"kk-Cyrl", "kk_KZ"}, {"kk-Latn", ""},
		{"en", "en_US"}, {"en-GB", "en_GB"}, {"pt-BR", "pt_BR"}, {"fr-BE", "fr_FR"},
		{"zh-Hant", "zh_TW"}, {"ky", ""}, {"not a code", ""},
	} {
		got, ok := dateLocale(tt.lang)
		if string(got) != tt.want || ok != (tt.want != "") {
			t.Errorf("dateLocale(%q) = %q, %v; want %q", tt.lang, got, ok, tt.want)
		}
	}
}

// TestRussianShortMonths: the locale library writes Russian short
// months without CLDR's abbreviation mark ("16 окт 2011", "Окт 2011");
// formatDate writes CLDR ru's abbreviated months, genitive after a day
// number, nominative alone. Long names, weekdays and Kazakh are the
// library's, unchanged.
func TestRussianShortMonths(t *testing.T) {
	// Per month: "2 Jan 2006", "Jan 2006" (CLDR ru format and stand-alone abbreviated).
	months := [12][2]string{
		{"16 янв. 2011", "Янв. 2011"},
		{"16 февр. 2011", "Февр. 2011"},
		{"16 мар. 2011", "Март 2011"},
		{"16 апр. 2011", "Апр. 2011"},
		{"16 мая 2011", "Май 2011"},
		{"16 июн. 2011", "Июнь 2011"},
		{"16 июл. 2011", "Июль 2011"},
		{"16 авг. 2011", "Авг. 2011"},
		{"16 сент. 2011", "Сент. 2011"},
		{"16 окт. 2011", "Окт. 2011"},
		{"16 нояб. 2011", "Нояб. 2011"},
		{"16 дек. 2011", "Дек. 2011"},
	}
	for _, lang := range []string{"ru", "ru-RU"} {
		s := &Site{lang: lang}
		for i, want := range months {
			d := time.Date(2011, time.Month(i+1), 16, 0, 0, 0, 0, time.UTC)
			for j, layout := range []string{"2 Jan 2006", "Jan 2006"} {
				if got := s.formatDate(layout, d); got != want[j] {
					t.Errorf("%s: formatDate(%q, %s) = %q; want %q", lang, layout, d.Format("Jan"), got, want[j])
				}
			}
			// A layout that wrote the mark itself gets it once, and not after "мая".
			if got, want := s.formatDate("2 Jan. 2006", d), want[0]; got != want {
				t.Errorf("%s: formatDate(%q, %s) = %q; want %q", lang, "2 Jan. 2006", d.Format("Jan"), got, want)
			}
		}
	}
	// A "." that separates stays, also after a name without a mark.
	may := time.Date(2011, 5, 16, 0, 0, 0, 0, time.UTC)
	for layout, want := range map[string]string{"2.Jan.2006": "16.мая.2011", "Jan.2006": "Май.2011", "2 Jan.": "16 мая", "2 Jan. 2006": "16 мая 2011"} {
		if got := (&Site{lang: "ru"}).formatDate(layout, may); got != want {
			t.Errorf("formatDate(%q, May) = %q; want %q", layout, got, want)
		}
	}
	d := time.Date(2011, 12, 16, 0, 0, 0, 0, time.UTC) // a Friday
	for _, tt := range []struct{ lang, layout, want string }{
		{"ru", "02 Jan 2006", "16 дек. 2011"},
		{"ru", "2.Jan.2006", "16.дек.2011"},
		{"ru", "Jan.2006", "Дек.2011"},
		{"ru", "Mon, 2 Jan 2006", "Пт, 16 дек. 2011"},
		{"ru", "Jan 2", "Дек. 16"},
		{"ru", "02.01.2006", "16.12.2011"},
		{"ru", "2 January 2006", "16 декабря 2011"},
		{"ru", "January 2006", "Декабрь 2011"},
		{"ru", "Mon", "Пт"},
		{"ru", "Monday, 2 January", "Пятница, 16 декабря"},
		{"kk", "2006 жылғы 2 January", "2011 жылғы 16 желтоқсан"},
		{"kk", "2 Jan 2006", "16 жел 2011"},
		{"kk", "Jan 2006", "Жел 2011"},
		{"en", "2 Jan 2006", "16 Dec 2011"},
		{"kk-Latn", "2 Jan 2006", "16 Dec 2011"},
	} {
		if got := (&Site{lang: tt.lang}).formatDate(tt.layout, d); got != tt.want {
			t.Errorf("%s: formatDate(%q) = %q; want %q", tt.lang, tt.layout, got, tt.want)
		}
	}
}

// TestEnglishDatesWarn: a language without month names whose date layout
// writes names is warned of; one whose layout is numbers only is not.
func TestEnglishDatesWarn(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"T\"\nlanguageCode = \"ru-RU\"\n" +
			"[languages.ru-RU]\nname = \"Русский\"\n[languages.kk-Latn]\nname = \"Qazaq\"\n[languages.ky]\nname = \"Кыргызча\"\ndateFormat = \"02.01.2006\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ dateFormat .Site.DateFormat "2011-12-16" }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/_index.kk-Latn.md":  {Data: []byte("---\ntitle: Basty\n---\n")},
		"content/_index.ky.md":       {Data: []byte("---\ntitle: Башкы\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["index.html"]); !strings.Contains(got, "16 декабря 2011") {
		t.Errorf("ru-RU home = %q; want the Russian genitive date", got)
	}
	var dates []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "month names") {
			dates = append(dates, w.String())
		}
	}
	want := `site.toml: dates in kk-Latn are written with English month names ("16 December 2011"): samizdat has no month names for kk-Latn`
	if len(dates) != 1 || !strings.Contains(dates[0], want) || !strings.Contains(dates[0], `under [languages.kk-Latn] add dateFormat = "02.01.2006"`) {
		t.Errorf("date warnings:\n%s\nwant one, for kk-Latn:\n%s", strings.Join(dates, "\n"), want)
	}
}

// As in Hugo, T's argument may be a map, whose values the interface
// string shows ({{ .Page }} of {{ .Total }}) and whose Count chooses the
// plural form. It printed the template text as it was.
func TestTranslateWithAMap(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["i18n/en.toml"] = &fstest.MapFile{Data: []byte("page_of = \"Page {{ .Page }} of {{ .Total }}\"\n" + string(fsys["i18n/en.toml"].Data) +
		"\n[reading]\none = \"{{ .Count }} minute read\"\nother = \"{{ .Count }} minutes read\"\n")}
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`<p>{{ T "page_of" (dict "Page" 2 "Total" 3) }}|{{ T "reading" (dict "Count" 1) }}|{{ T "reading" 4 }}|{{ T "reading" (dict "Count" 4) }}</p>`)}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got, want := string(res.Files["the-complaint/index.html"]), "<p>Page 2 of 3|1 minute read|4 minutes read|4 minutes read</p>"; !strings.Contains(got, want) {
		t.Errorf("the page has\n%s\nwant %s", got, want)
	}

	// A name the call does not give is a problem at the template.
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`<p>{{ T "page_of" (dict "Page" 2) }}</p>`)}
	if got := problems(build(t, fsys, Options{}).Problems); !strings.Contains(got, `T "page_of": its text "Page {{ .Page }} of {{ .Total }}" shows .Total, which the call does not give; pass it: T "page_of" (dict "Total" …)`) {
		t.Errorf("problems:\n%s", got)
	}
}

// .Site.LanguagePrefix is the language's folder, as Hugo's: "" for the
// default language, "/ru" for Russian; a theme's tag cloud writes
// {{ .Site.LanguagePrefix | absURL }}tags/….
func TestLanguagePrefix(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}[{{ .Site.LanguagePrefix }}|{{ $.Site.LanguagePrefix | absURL }}]{{ end }}`), Mode: 0o644}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, want := range map[string]string{"index.html": "[|https://example.org/]", "ru/index.html": "[/ru|https://example.org/ru]", "kk/index.html": "[/kk|https://example.org/kk]"} {
		if got := string(res.Files[file]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s:\n%s", file, want, got)
		}
	}
}
