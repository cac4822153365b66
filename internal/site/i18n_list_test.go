package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// An i18n file in go-i18n's list form, as PaperMod's are, is read as Hugo
// reads it: each id is a key, its translation the text or the plural forms.
func TestStringsInListForm(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	delete(fsys, "i18n/en.toml")
	var list strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(siteFS(t, "testdata/fixture.txtar")["i18n/en.toml"].Data)), "\n") {
		k, v, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		list.WriteString("- id: " + strings.TrimSpace(k) + "\n  translation: " + strings.TrimSpace(v) + "\n")
	}
	list.WriteString("- id: read_time\n  translation:\n    one: \"1 min\"\n    other: \"{{ .Count }} min\"\n")
	fsys["i18n/en.yaml"] = &fstest.MapFile{Data: []byte(list.String())}
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`<p>{{ i18n "read_time" 1 }}|{{ i18n "read_time" 4 }}</p>`)}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got, want := string(res.Files["the-complaint/index.html"]), "<p>1 min|4 min</p>"; !strings.Contains(got, want) {
		t.Errorf("the page has\n%s\nwant %s", got, want)
	}

	// An entry without an id is a problem at the file.
	fsys["i18n/en.yaml"] = &fstest.MapFile{Data: []byte(list.String() + "- translation: \"lost\"\n")}
	if got := problems(build(t, fsys, Options{}).Problems); !strings.Contains(got, "i18n/en.yaml: entry ") || !strings.Contains(got, "has no id") {
		t.Errorf("problems:\n%s", got)
	}
}
