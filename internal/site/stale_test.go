package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestStaleTranslations: a translation whose source page changed after
// it (by git or front matter lastmod) is warned of; one changed since, or
// one with no change date to compare (a site outside git), is not.
func TestStaleTranslations(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n[languages.ru]\nname = \"Русский\"\n[languages.kk]\nname = \"Қазақша\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`{{ .Title }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":                 {Data: []byte("---\ntitle: A\n---\n")},
		"content/a.ru.md":              {Data: []byte("---\ntitle: А\n---\n")},
		"content/a.kk.md":              {Data: []byte("---\ntitle: А\n---\n")},
		"content/b.md":                 {Data: []byte("---\ntitle: B\n---\n")},
		"content/b.ru.md":              {Data: []byte("---\ntitle: Б\nlastmod: 2026-11-22\n---\n")},
		"content/c.md":                 {Data: []byte("---\ntitle: C\ndate: 2012-11-22\n---\n")},
		"content/c.ru.md":              {Data: []byte("---\ntitle: В\ndate: 2012-11-21\n---\n")},
	}
	lastmods := map[string]time.Time{
		"content/a.md": day(20), "content/a.ru.md": day(1), "content/a.kk.md": day(25),
		"content/b.md": day(20), "content/b.ru.md": day(2),
	}
	res := build(t, fsys, Options{Lastmods: lastmods})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	var stale []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "the page this translates") {
			stale = append(stale, w.String())
		}
	}
	want := "content/a.ru.md: the page this translates, content/a.md, changed on 2026-11-20, after this translation's last change on 2026-11-01\n" +
		"    bring the translation up to date, or, if nothing in it needs to change, set its lastmod to today; its readers see the older text"
	if strings.Join(stale, "\n") != want {
		t.Errorf("stale translations:\n%s\nwant\n%s", strings.Join(stale, "\n"), want)
	}
}
