package layout

import (
	"os"
	"regexp"
	"testing"
	"testing/fstest"
)

// docExample matches one function section of docs/templates.md: its
// heading, its gotemplate block and the "Output:" line after it.
var docExample = regexp.MustCompile("(?s)### (\\w+)\n.*?```gotemplate\n(.*?)\n```\nOutput: `(.*?)`\n")

// TestDocumentedExamples runs every example in docs/templates.md and
// checks that every function of the set is documented there.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	env := Env{
		BaseURL:     "https://example.org/campaign/",
		LangPrefix:  "/ru",
		Site:        map[string]any{"Title": "Campaign"},
		Markdownify: markdownifyAsBuilt(),
		Translate: func(key string, count any) (string, error) {
			if key == "read_more" {
				return "Read more", nil
			}
			return key, nil
		},
	}
	documented := map[string]bool{}
	matches := docExample.FindAllStringSubmatch(string(doc), -1)
	if len(matches) < 20 {
		t.Fatalf("found %d examples in docs/templates.md; the pattern no longer matches the page", len(matches))
	}
	for _, m := range matches {
		name, example, want := m[1], m[2], m[3]
		documented[name] = true
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"layouts/_default/single.html": {Data: []byte(example)},
				"layouts/partials/hello.html":  {Data: []byte("Hello, {{ . }}!")},
			}
			set, probs := Parse(fsys, env)
			if len(probs) > 0 {
				t.Fatalf("parse: %v", probs)
			}
			got, prob := set.Execute("_default/single.html", nil, "example")
			if prob != nil {
				t.Fatalf("execute: %v", prob)
			}
			if string(got) != want {
				t.Errorf("%s\ngot  %s\nwant %s", example, got, want)
			}
		})
	}
	for name := range env.funcMap(&Set{}) {
		if !documented[name] {
			t.Errorf("function %s has no example in docs/templates.md", name)
		}
	}
}
