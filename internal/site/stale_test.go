package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestStaleTranslations: a translation whose source page changed after
// it, by front matter lastmod or the files' git dates, is on the
// translators' to-do list (which samizdat check prints); one changed
// since is not. It went by the files' modification times, which a fresh
// checkout sets all alike.
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
	for _, g := range res.Translations {
		if g.Translation != "" {
			stale = append(stale, g.Source+" > "+g.Translation)
		}
	}
	if got, want := strings.Join(stale, "\n"), "content/a.md > content/a.ru.md"; got != want {
		t.Errorf("stale translations:\n%s\nwant\n%s", got, want)
	}
}
