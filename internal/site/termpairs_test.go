package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// termSite is a site in English, Russian and Kazakh whose content files
// (name -> their tags, "[zhanaozen]") carry only tags. Each list page
// writes its kind and its .Translations, each page of the switcher
// (.LanguageLinks) marked "-" where the page is not translated.
func termSite(tagged map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte(`baseURL = "https://example.org/"
title = "T"
[languages.en]
weight = 1
[languages.ru]
weight = 2
[languages.kk]
weight = 3
`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"layouts/_default/list.html": {Data: []byte(`{{ .Kind }}:{{ range .Translations }} {{ .Lang }}={{ .Title }}{{ end }}|` +
			`{{ range .LanguageLinks }} {{ .Lang }}{{ if not .Translated }}-{{ end }}{{ end }}`)},
	}
	for name, tags := range tagged {
		fsys["content/"+name] = &fstest.MapFile{Data: []byte("---\ntitle: " + name + "\ntags: " + tags + "\n---\nText.\n")}
	}
	return fsys
}

// TestTermPairs: a term page's .Translations are the same term in other
// languages: by key first, as in Hugo, else by a vote of the
// translations of its pages, agreed both ways.
func TestTermPairs(t *testing.T) {
	tests := []struct {
		name   string
		tagged map[string]string
		want   map[string]string // term page -> its .Translations and switcher
	}{{
		name:   "same key",
		tagged: map[string]string{"a.md": "[zhanaozen]", "a.ru.md": "[Zhanaozen]", "b.kk.md": "[zhanaozen]"},
		want: map[string]string{
			"tags/zhanaozen/index.html":    "term: ru=Zhanaozen kk=zhanaozen| en ru kk",
			"ru/tags/zhanaozen/index.html": "term: en=zhanaozen kk=zhanaozen| en ru kk",
			"tags/index.html":              "taxonomy: ru=Tags kk=Tags| en ru kk",
		},
	}, {
		// Each term is on one page of the other's: press freedom is on
		// two pages, as its translation is, so each term has a clear
		// favourite.
		name: "vote",
		tagged: map[string]string{
			"a.md": "[zhanaozen, press freedom]", "a.ru.md": "[свобода прессы, Жанаозен]",
			"b.md": "[press freedom]", "b.ru.md": "[свобода прессы]",
			"c.md": "[zhanaozen]", "c.ru.md": "[Жанаозен]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":         "term: ru=Жанаозен| en ru kk-",
			"tags/press-freedom/index.html":     "term: ru=свобода прессы| en ru kk-",
			"ru/tags/жанаозен/index.html":       "term: en=zhanaozen| en ru kk-",
			"ru/tags/свобода-прессы/index.html": "term: en=press freedom| en ru kk-",
		},
	}, {
		// a votes 1:1 for жанаозен and свобода прессы: the narrower
		// term, on fewer pages, wins, and zhanaozen and жанаозен pair.
		// Without them, press freedom and свобода прессы then favour
		// each other, in the next round.
		name: "equal votes: the term on fewer pages",
		tagged: map[string]string{
			"a.md": "[zhanaozen, press freedom]", "a.ru.md": "[свобода прессы, Жанаозен]",
			"b.ru.md": "[свобода прессы]", "c.md": "[press freedom]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":         "term: ru=Жанаозен| en ru kk-",
			"ru/tags/жанаозен/index.html":       "term: en=zhanaozen| en ru kk-",
			"tags/press-freedom/index.html":     "term: ru=свобода прессы| en ru kk-",
			"ru/tags/свобода-прессы/index.html": "term: en=press freedom| en ru kk-",
		},
	}, {
		name:   "tie: no pair",
		tagged: map[string]string{"a.md": "[zhanaozen, trials]", "a.ru.md": "[Жанаозен, суды]"},
		want: map[string]string{
			"tags/zhanaozen/index.html":   "term:| en ru- kk-",
			"tags/trials/index.html":      "term:| en ru- kk-",
			"ru/tags/жанаозен/index.html": "term:| en- ru kk-",
		},
	}, {
		name: "no translated page: no pair",
		tagged: map[string]string{
			"a.md": "[zhanaozen]", "b.ru.md": "[Жанаозен]",
			// A translation with no tags votes for nothing.
			"c.md": "[trials]", "c.ru.md": "[]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":   "term:| en ru- kk-",
			"tags/trials/index.html":      "term:| en ru- kk-",
			"ru/tags/жанаозен/index.html": "term:| en- ru kk-",
		},
	}, {
		// a and b favour x, which favours b: a, though first, does not
		// pair with x, which would be its translation one way only.
		name: "one way only: no pair",
		tagged: map[string]string{
			"p.md": "[a]", "p.ru.md": "[x]",
			"q.md": "[b]", "q.ru.md": "[x]",
			"r.md": "[b]", "r.ru.md": "[x]",
		},
		want: map[string]string{
			"tags/a/index.html":    "term:| en ru- kk-",
			"tags/b/index.html":    "term: ru=x| en ru kk-",
			"ru/tags/x/index.html": "term: en=b| en ru kk-",
		},
	}, {
		// The same key wins over a vote: zhanaozen's pages vote for
		// жанаозен, but the Russian zhanaozen is its translation.
		name: "same key before vote",
		tagged: map[string]string{
			"a.md": "[zhanaozen]", "a.ru.md": "[Жанаозен]",
			"b.md": "[zhanaozen]", "b.ru.md": "[Жанаозен]",
			"c.ru.md": "[zhanaozen]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":   "term: ru=zhanaozen| en ru kk-",
			"ru/tags/жанаозен/index.html": "term:| en- ru kk-",
		},
	}, {
		// English and Russian pair by vote, Russian and Kazakh by key:
		// all three are one term.
		name: "vote and key in three languages",
		tagged: map[string]string{
			"a.md": "[zhanaozen]", "a.ru.md": "[Жанаозен]", "b.kk.md": "[Жанаозен]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":   "term: ru=Жанаозен kk=Жанаозен| en ru kk",
			"kk/tags/жанаозен/index.html": "term: en=zhanaozen ru=Жанаозен| en ru kk",
		},
	}, {
		// English pairs with Kazakh by key and with Russian by vote;
		// the Russian term's favourite in Kazakh is another term, which
		// would give the group two Kazakh terms: that pair is not made.
		name: "a pair that would give two partners in one language",
		tagged: map[string]string{
			"a.md": "[zhanaozen]", "a.ru.md": "[Жанаозен]", "b.kk.md": "[zhanaozen]",
			"c.ru.md": "[Жанаозен]", "c.kk.md": "[Жаңаөзен]",
		},
		want: map[string]string{
			"tags/zhanaozen/index.html":   "term: ru=Жанаозен kk=zhanaozen| en ru kk",
			"ru/tags/жанаозен/index.html": "term: en=zhanaozen kk=zhanaozen| en ru kk",
			"kk/tags/жаңаөзен/index.html": "term:| en- ru- kk",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := build(t, termSite(tt.tagged), Options{})
			if len(res.Problems) > 0 {
				t.Fatalf("problems:\n%s", problems(res.Problems))
			}
			for name, want := range tt.want {
				got, ok := res.Files[name]
				if !ok {
					t.Errorf("%s was not built", name)
					continue
				}
				if string(got) != want {
					t.Errorf("%s = %q; want %q", name, got, want)
				}
			}
		})
	}
}

// TestTermPairsDoNotDependOnOrder: a pairing that rests on map order
// would differ between builds.
func TestTermPairsDoNotDependOnOrder(t *testing.T) {
	fsys := termSite(map[string]string{
		"a.md": "[zhanaozen, trials]", "a.ru.md": "[Жанаозен, суды]",
		"b.md": "[zhanaozen]", "b.ru.md": "[Жанаозен]",
		"c.md": "[trials, appeal]", "c.ru.md": "[суды, апелляция]",
	})
	first := build(t, fsys, Options{})
	for range 20 {
		res := build(t, fsys, Options{})
		for _, name := range first.Paths() {
			if string(res.Files[name]) != string(first.Files[name]) {
				t.Fatalf("%s differs between two builds:\n%s\n%s", name, first.Files[name], res.Files[name])
			}
		}
	}
}

// TestSitemapTermAlternates: sitemap.xml gives each paired term page,
// and each taxonomy page, its pages in the other languages as hreflang
// alternates; a term with no partner has none.
func TestSitemapTermAlternates(t *testing.T) {
	res := build(t, termSite(map[string]string{
		"a.md": "[zhanaozen]", "a.ru.md": "[Жанаозен]",
		"b.md": "[trials]",
	}), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	en, ru := string(res.Files["sitemap.xml"]), string(res.Files["ru/sitemap.xml"])
	const zhanaozenRU = "https://example.org/ru/tags/%D0%B6%D0%B0%D0%BD%D0%B0%D0%BE%D0%B7%D0%B5%D0%BD/"
	for _, tt := range []struct{ sitemap, want string }{
		{en, `<url><loc>https://example.org/tags/zhanaozen/</loc>`},
		{en, `<xhtml:link rel="alternate" hreflang="en" href="https://example.org/tags/zhanaozen/"/><xhtml:link rel="alternate" hreflang="ru" href="` + zhanaozenRU + `"/></url>`},
		{ru, `<url><loc>` + zhanaozenRU + `</loc>`},
		{ru, `<xhtml:link rel="alternate" hreflang="en" href="https://example.org/tags/zhanaozen/"/><xhtml:link rel="alternate" hreflang="ru" href="` + zhanaozenRU + `"/></url>`},
		{en, `<loc>https://example.org/tags/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/tags/"/><xhtml:link rel="alternate" hreflang="ru" href="https://example.org/ru/tags/"/></url>`},
		{ru, `<loc>https://example.org/ru/tags/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/tags/"/><xhtml:link rel="alternate" hreflang="ru" href="https://example.org/ru/tags/"/></url>`},
		{en, `<url><loc>https://example.org/tags/trials/</loc></url>`},
	} {
		if !strings.Contains(tt.sitemap, tt.want) {
			t.Errorf("the sitemap lacks %s:\n%s", tt.want, tt.sitemap)
		}
	}
}
