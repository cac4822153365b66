package layout

import (
	"os"
	"regexp"
	"strings"
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
		Assets:      docAssets{},
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
				"layouts/partials/double.html": {Data: []byte("{{ return mul . 2 }}")},
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

// nsRow matches a row of a namespace's table in docs/templates.md: the
// call, then either an example and its output or the short name's link.
var nsRow = regexp.MustCompile("(?m)^\\| `([a-z]+(?:\\.\\w+)?)((?: [^`]*)?)` \\| (.*?) \\|(.*?)\\|$")

// TestDocumentedNamespaces checks that docs/templates.md lists every
// namespace function with the arguments its hint gives (nsArgs), that a
// row pointing to a short name points to the function's own, and runs
// the example of every other row.
func TestDocumentedNamespaces(t *testing.T) {
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, m := range nsRow.FindAllStringSubmatch(string(doc), -1) {
		name, args, example, want := m[1], strings.TrimSpace(m[2]), m[3], strings.TrimSpace(m[4])
		rows[name] = true
		if args != nsArgs[name] {
			t.Errorf("%s: the docs give the arguments %q, the hint %q", name, args, nsArgs[name])
		}
		if link := regexp.MustCompile(`^\[(\w+)\]\(#\w+\)$`).FindStringSubmatch(example); link != nil {
			if hugoAliases[name] != link[1] {
				t.Errorf("%s: the docs point to %s, the function is %s's", name, link[1], hugoAliases[name])
			}
			continue
		}
		if !strings.HasPrefix(example, "`{{") {
			continue // Go's print, printf, println
		}
		got, err := execute(t, Env{}, strings.Trim(example, "`"), nil)
		if err != nil || got != strings.Trim(want, "`") {
			t.Errorf("%s: got %q, %v; want %s", example, got, err, want)
		}
	}
	funcs := Env{}.namespaces(&Set{}, nil)
	for ns := range funcs {
		for _, fn := range namespaceFuncs(ns) {
			if !rows[ns+"."+fn] {
				t.Errorf("%s.%s has no row in the Namespaces list of docs/templates.md", ns, fn)
			}
		}
	}
}
