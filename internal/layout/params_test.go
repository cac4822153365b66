package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// ParamReads follows a value to .Site.Params or .Params through the ways
// templates reach them, so a key read in the wrong case can be named at
// its line.
func TestParamReads(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // "site|page keys text", in order; each is placed where its text is
	}{
		{"site fields", `{{ .Site.Params.petitionURL }} {{ $.Site.Params.a.b }} {{ site.Params.x }} {{ .Page.Site.Params.y }}`, []string{
			"site petitionURL .Site.Params.petitionURL", "site a.b $.Site.Params.a.b", "site x site.Params.x", "site y .Page.Site.Params.y"}},
		{"page fields", "{{ .Params.role }}\n{{ range .Pages }}{{ .Params.Role }}{{ end }}", []string{
			"page role .Params.role", "page Role .Params.Role"}},
		{"with and variables", `{{ with .Site.Params.social }}{{ .twitter }}{{ else }}{{ .Params.x }}{{ end }}{{ $p := .Site.Params }}{{ $p.url }}{{ with $s := .Params.author }}{{ $s.name }}{{ end }}`, []string{
			"site social .Site.Params.social", "site social.twitter .twitter", "page x .Params.x",
			"site url $p.url", "page author .Params.author", "page author.name $s.name"}},
		{"index and isset", `{{ index .Site.Params "petitionURL" }}{{ if isset .Params "role" }}{{ (index .Site.Params "a").b }}{{ end }}`, []string{
			`site petitionURL index .Site.Params "petitionURL"`, `page role isset .Params "role"`,
			`site a.b (index .Site.Params "a").b`, `site a index .Site.Params "a"`}},
		{"not followed", `{{ range .Site.Params }}{{ .x }}{{ end }}{{ .Site.Title }}{{ .Site.Params | len }}{{ $p := .Site.Params }}{{ range $k, $v := $p }}{{ $v.x }}{{ end }}{{ index .Params .Kind }}`, nil},
		{"define blocks", "{{ define \"main\" }}\n  {{ .Params.role }}{{ end }}", []string{"page role .Params.role"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(tc.src)}}, Env{})
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			var got []string
			for _, r := range set.ParamReads() {
				where := "page"
				if r.Site {
					where = "site"
				}
				if r.File != "layouts/_default/single.html" {
					t.Errorf("read in %s", r.File)
				}
				got = append(got, fmt.Sprintf("%d:%d %s %s %s", r.Line, r.Col, where, strings.Join(r.Keys, "."), r.Text))
			}
			var want []string
			from := 0
			for _, w := range tc.want {
				_, text, _ := strings.Cut(strings.SplitN(w, " ", 2)[1], " ")
				i := from + strings.Index(tc.src[from:], text)
				lineStart := strings.LastIndex(tc.src[:i], "\n") + 1
				want = append(want, fmt.Sprintf("%d:%d %s", 1+strings.Count(tc.src[:i], "\n"), 1+i-lineStart, w))
				from = i
			}
			if !slices.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// In a shortcode, .Params is its own arguments; the page's are .Page.Params.
func TestParamReadsInShortcodes(t *testing.T) {
	set, _ := Parse(fstest.MapFS{"layouts/shortcodes/role.html": {Data: []byte(`{{ .Params.x }}{{ .Page.Params.role }}{{ .Site.Params.y }}`)}}, Env{})
	var got []string
	for _, r := range set.ParamReads() {
		got = append(got, r.Text)
	}
	if want := []string{".Page.Params.role", ".Site.Params.y"}; !slices.Equal(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}

// A read that asks whether a key is there (isset), or one of the reads
// of the same key in other cases that an or or default chooses between,
// is optional: a template that reads each case on purpose is not told it
// reads the wrong one. A fallback to another key is no such choice.
func TestParamReadsOptional(t *testing.T) {
	src := `{{ or .Params.heroImage .Params.heroimage }}{{ .Site.Params.a | default .Site.Params.A }}` +
		`{{ if isset .Params "Role" }}{{ end }}{{ or .Params.one "x" }}{{ (default "y" .Site.Params.two) }}` +
		`{{ .Params.summary | default .Site.Params.Description }}{{ or .Params.Subtitle .Params.description }}`
	set, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(src)}}, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var got []string
	for _, r := range set.ParamReads() {
		got = append(got, fmt.Sprintf("%s %v", strings.Join(r.Keys, "."), r.Optional))
	}
	want := []string{"heroImage true", "heroimage true", "a true", "A true", "Role true", "one false", "two false",
		"summary false", "Description false", "Subtitle false", "description false"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}
