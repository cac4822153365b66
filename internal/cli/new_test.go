package cli

import (
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	toml "github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// TestQuotedForFrontMatter puts names no file system forbids into a
// double-quoted YAML and TOML string and reads them back.
func TestQuotedForFrontMatter(t *testing.T) {
	for _, s := range []string{
		`Say "hi"`, `back\slash`, `\"`, "new\nline", "tab\there", "nul\x00", "del\x7f", "esc\x1b",
		"next\u0085line", "line\u2028sep", "para\u2029sep", "Жаңаөзен", "emoji 📰", `'single'`, "# not a comment",
	} {
		q := quotedForFrontMatter(s)
		var y struct{ Title string }
		if err := yaml.Unmarshal([]byte(`title: "`+q+`"`), &y); err != nil || y.Title != s {
			t.Errorf("YAML %q: got %q, %v; want %q", q, y.Title, err, s)
		}
		var m struct{ Title string }
		if err := toml.Unmarshal([]byte(`title = "`+q+`"`), &m); err != nil || m.Title != s {
			t.Errorf("TOML %q: got %q, %v; want %q", q, m.Title, err, s)
		}
	}
	if got, want := quotedForFrontMatter("bad\xffbyte"), "bad\uFFFDbyte"; got != want {
		t.Errorf("invalid UTF-8: got %q; want %q", got, want)
	}
}

// TestArchetypeQuotesOnlyFrontMatter checks that the body gets the title as
// it is and that a mistake in the body is reported at its own line.
func TestArchetypeQuotesOnlyFrontMatter(t *testing.T) {
	fsys := fstest.MapFS{"archetypes/news.md": {Data: []byte("\n+++\ntitle = \"{{ .Title }}\"\n+++\n# {{ .Title }}\n")}}
	got, _, err := archetype(fsys, `news/the "big" day.md`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n+++\ntitle = \"The \\\"big\\\" day\"\n+++\n# The \"big\" day\n"; string(got) != want {
		t.Errorf("got %q; want %q", got, want)
	}

	fsys["archetypes/news.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"{{ .Title }}\"\n---\n\n{{ .Nope }}\n")}
	if _, _, err := archetype(fsys, "news/x.md"); err == nil || !strings.Contains(err.Error(), "archetypes/news.md:5:") {
		t.Errorf("got %v; want an error at archetypes/news.md:5", err)
	}
}

func TestFrontMatterLen(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"---\na: 1\n---\nbody", 13},
		{"\n\n+++\na = 1\n+++\nbody", 16},
		{"---\r\na: 1\r\n---\r\nbody", 16},
		{"\ufeff---\na: 1\n---\n", 16},
		{"no front matter\n---\n", 0},
		{"---\nnot closed\n", 15},
		{"", 0},
	} {
		if got := frontMatterLen(tt.text); got != tt.want {
			t.Errorf("frontMatterLen(%q) = %d; want %d", tt.text, got, tt.want)
		}
	}
}

// TestWithPageIsTheSiteWithThePage checks the file system new judges a
// page in: the site's files, the page, and the folders to it listed
// whether or not the site has them yet.
func TestWithPageIsTheSiteWithThePage(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":            {Data: []byte("title = 'x'\n")},
		"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/a.md":    {Data: []byte("---\ntitle: A\n---\n")},
		"static/css/site.css":  {Data: []byte("body{}")},
		"content/news/zzz.txt": {Data: []byte("a file after the page")},
	}
	for _, page := range []string{"content/news/b.md", "content/fresh/deep/b.md"} {
		w := withPage{site: site, page: fstest.MapFS{page: {Data: []byte("---\ntitle: B\n---\n"), Mode: 0o644}}}
		if err := fstest.TestFS(w, "site.toml", "content/_index.md", "content/news/a.md", "content/news/zzz.txt", "static/css/site.css", page); err != nil {
			t.Errorf("with %s: %v", page, err)
		}
	}
}

// TestDefaultArchetypeLinkResolves renders the site's own default
// archetype at several depths: the example link it writes must lead to
// content/complaint/_index.md from wherever the page is.
func TestDefaultArchetypeLinkResolves(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)]*complaint/_index\.md)\)`)
	for _, name := range []string{"about.md", "zhanaozen/trial.md", "zhanaozen/2011/strike.md", "harassment/family/index.md"} {
		text, from, err := archetype(os.DirFS("../.."), name)
		if err != nil || from != "archetypes/default.md" {
			t.Fatalf("%s: from %s, %v; want archetypes/default.md", name, from, err)
		}
		m := link.FindSubmatch(text)
		if m == nil {
			t.Fatalf("%s: no link to the complaint in %q", name, text)
		}
		if got := path.Join(path.Dir("content/"+name), string(m[1])); got != "content/complaint/_index.md" {
			t.Errorf("%s: link %s leads to %s; want content/complaint/_index.md", name, m[1], got)
		}
	}
}
