package frontmatter

import (
	"reflect"
	"testing"
)

// Hugo's resources are read in each format: src, name, title and params
// of each entry, with the entry's line.
func TestParseResources(t *testing.T) {
	want := []ResourceMeta{
		{Src: "docs/*.pdf", Name: "leaflet-:counter", Title: "Leaflet :counter", Line: 3},
		{Src: "cover.jpg", Params: map[string]any{"alt": "Protesters in Zhanaozen", "credit": "Ana"}, Line: 6},
	}
	for _, src := range []string{
		"---\nresources:\n  - src: \"docs/*.pdf\"\n    name: leaflet-:counter\n    title: Leaflet :counter\n  - src: cover.jpg\n    params:\n      alt: Protesters in Zhanaozen\n      credit: Ana\n---\n",
		"+++\n[[resources]]\nsrc = \"docs/*.pdf\"\nname = \"leaflet-:counter\"\ntitle = \"Leaflet :counter\"\n[[resources]]\nsrc = \"cover.jpg\"\n[resources.params]\nalt = \"Protesters in Zhanaozen\"\ncredit = \"Ana\"\n+++\n",
	} {
		meta, _, _, probs := Parse("content/a/index.md", []byte(src))
		checkProblems(t, probs, nil)
		got := meta.Resources
		if src[0] == '+' { // TOML's lines: each [[resources]]
			want[0].Line, want[1].Line = 2, 6
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\ngot  %+v\nwant %+v", src, got, want)
		}
	}
}

// What Hugo's resources cannot hold is a problem at its line.
func TestParseResourcesProblems(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []want
	}{
		{"---\nresources: cover.jpg\n---\n", []want{{2, `"resources" must be a list`, "src (the file's name"}}},
		{"---\nresources:\n  - cover.jpg\n---\n", []want{{3, `an entry of "resources" must be a group of keys`, "src"}}},
		{"---\nresources:\n  - name: cover\n---\n", []want{{3, `an entry of "resources" has no src`, "add src"}}},
		{"---\nresources:\n  - src: a.jpg\n    tilte: A\n---\n", []want{{4, `unknown resources key "tilte"`, `did you mean "title"?`}}},
		{"---\nresources:\n  - src: a.jpg\n    params: big\n---\n", []want{{4, `"params" must be a group of keys`, "under params"}}},
	} {
		_, _, _, probs := Parse("content/a.md", []byte(tt.src))
		checkProblems(t, probs, tt.want)
	}
}
