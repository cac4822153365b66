package site

import (
	"bytes"
	"encoding/json"
	"path"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/search"
)

// searchSite is a site in English, Russian and Kazakh (which falls back
// to Russian) with every kind of page search must find or leave out.
func searchSite(toml string) fstest.MapFS {
	page := func(front, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\n" + body + "\n")}
	}
	return fstest.MapFS{
		"site.toml": {Data: []byte("title = \"T\"\nlanguageCode = \"en\"\n" + toml + `
[languages.ru]
name = "Русский"
weight = 2
[languages.kk]
name = "Қазақша"
weight = 3
fallback = "ru"
`)},
		"layouts/_default/list.html":   {Data: []byte(`{{ .Title }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":            page(`title: Home`, "The campaign."),
		"content/_index.ru.md":         page(`title: Главная`, "Кампания."),
		"content/_index.kk.md":         page(`title: Басты бет`, "Науқан."),
		"content/news/_index.md":       page(`title: News`, ""),
		"content/news/_index.ru.md":    page(`title: Новости`, ""),
		"content/news/trial.md": page("title: \"The </script><script>alert(1)</script> \\\"trial\\\"\"\ndescription: Five officers convicted",
			"## The verdict\n\nFive officers were convicted &amp; sentenced.\n\n- first\n- second\n"),
		"content/news/trial.ru.md":     page(`title: Суд`, "Пятеро осуждённых."),
		"content/news/draft.md":        page("title: Draft\ndraft: true", "Not yet."),
		"content/news/hidden.md":       page("title: Hidden\nbuild: {list: never}", "Only by its link."),
		"content/news/local.md":        page("title: Local\nbuild: {list: local}", "In its section."),
		"content/people/_index.md":     page(`title: People`, ""),
		"content/people/at-risk.md":    page("title: At risk\nsitemap: {disable: true}", "Someone at risk."),
		"content/people/at-risk.ru.md": page("title: Под угрозой\nsitemap: {disable: true}", "Человек под угрозой."),
	}
}

// searchIndex reads the index a build wrote for a language ("" for the
// default one), unminified and without a fingerprint.
func searchIndex(t *testing.T, files map[string][]byte, lang string) search.Index {
	t.Helper()
	name := path.Join(lang, search.IndexFile)
	b, ok := files[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	prefix, suffix := "window."+search.Global+"=", ";\n"
	if !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(suffix)) {
		t.Fatalf("%s is not an assignment to %s: %.80q", name, search.Global, b)
	}
	var ix search.Index
	if err := json.Unmarshal(b[len(prefix):len(b)-len(suffix)], &ix); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ix
}

func titles(ix search.Index) []string {
	var out []string
	for _, p := range ix.Pages {
		out = append(out, p.Title+" "+p.URL+" "+p.Lang)
	}
	return out
}

// TestSearchIndex: each language's index lists its pages made from
// content, by URL, relative to the index's folder; a page not translated
// yet is found in the language that stands in for it; drafts, pages of
// build.list "never" and pages kept out of the sitemap are left out.
func TestSearchIndex(t *testing.T) {
	res := build(t, searchSite("[search]\nenabled = true\n[output]\nminify = false\nfingerprint = false\n"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	trial := "The </script><script>alert(1)</script> \"trial\""
	for _, c := range []struct {
		lang string
		want []string
	}{
		// By URL. People is a section without text in Russian and Kazakh
		// (the build makes it for its page), and its page is at risk.
		{"", []string{"Home ./ ", "News news/ ", "Local news/local/ ", trial + " news/trial/ ", "People people/ "}},
		{"ru", []string{"Local ../news/local/ en", "Главная ./ ", "Новости news/ ", "Суд news/trial/ "}},
		// Kazakh has its home only: the rest in Russian, else in English.
		{"kk", []string{"Басты бет ./ ", "Local ../news/local/ en", "Новости ../ru/news/ ru", "Суд ../ru/news/trial/ ru"}},
	} {
		ix := searchIndex(t, res.Files, c.lang)
		if got := titles(ix); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q index lists\n%q\nwant\n%q", c.lang, got, c.want)
		}
		if want := c.lang; ix.Lang != want && !(want == "" && ix.Lang == "en") {
			t.Errorf("%q index: lang %q", c.lang, ix.Lang)
		}
	}
	en := searchIndex(t, res.Files, "")
	for _, p := range en.Pages {
		if p.Title != trial {
			continue
		}
		if want := "The verdict Five officers were convicted & sentenced. first second"; p.Text != want {
			t.Errorf("text = %q; want %q (no heading anchor, entities read, list items apart)", p.Text, want)
		}
		if p.Description != "Five officers convicted" {
			t.Errorf("description = %q", p.Description)
		}
	}
	if !bytes.Equal(res.Files[search.ScriptFile], search.Script) {
		t.Errorf("%s is not the search script", search.ScriptFile)
	}
	// Unminified, the index holds no < at all: even inlined in a page,
	// no text could end the script.
	if b := res.Files[search.IndexFile]; bytes.ContainsAny(b, "<\u2028\u2029") {
		t.Errorf("%s holds <, U+2028 or U+2029 as they are: %q", search.IndexFile, b)
	}
}

// TestSearchIndexPortable: a portable build's index names index.html,
// which file:// needs, as the portable pages' links do.
func TestSearchIndexPortable(t *testing.T) {
	res := build(t, searchSite("[search]\nenabled = true\n[output]\nminify = false\n"), Options{Portable: true})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	got := titles(searchIndex(t, res.Files, "kk"))
	want := []string{"Басты бет index.html ", "Local ../news/local/index.html en", "Новости ../ru/news/index.html ru", "Суд ../ru/news/trial/index.html ru"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("portable kk index lists\n%q\nwant\n%q", got, want)
	}
}

// TestSearchOff: without [search] a site gets neither indexes nor script.
func TestSearchOff(t *testing.T) {
	res := build(t, searchSite(""), Options{})
	for name := range res.Files {
		if strings.Contains(name, "search") {
			t.Errorf("the build wrote %s without [search] enabled", name)
		}
	}
}

// TestSearchDeterministic: two builds write the same bytes, minified and
// fingerprinted as `samizdat build` does. (The JS minifier writes a
// title's \u003c back as <: harmless in a file of its own, which no HTML
// parser reads.)
func TestSearchDeterministic(t *testing.T) {
	fsys := searchSite("[search]\nenabled = true\n")
	a, b := build(t, fsys, Options{}), build(t, fsys, Options{})
	n := 0
	for name, data := range a.Files {
		if !strings.Contains(name, "search") {
			continue
		}
		n++
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if n != 4 {
		t.Errorf("%d search files; want the script and three indexes", n)
	}
}

// TestSearchWithoutAPageWarns: search turned on with no page loading its
// index is warned of (the files were written for nothing, without a
// word); a layout that loads it is not.
func TestSearchWithoutAPageWarns(t *testing.T) {
	fsys := searchSite("[search]\nenabled = true\n")
	res := build(t, fsys, Options{})
	if got := problems(res.Warnings); !strings.Contains(got, "site.toml: search is on ([search] enabled), but no page loads search-index.js, so readers cannot search") {
		t.Errorf("warnings:\n%s", got)
	}
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte(`{{ .Title }}{{ if .IsHome }}<script src="{{ relURL "search-index.js" }}"></script>{{ end }}`)}
	res = build(t, fsys, Options{})
	if got := problems(res.Warnings); strings.Contains(got, "search is on") {
		t.Errorf("a page loads the index, yet:\n%s", got)
	}
}
