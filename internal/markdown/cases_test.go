package markdown

import (
	"errors"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txt")

const (
	caseSep    = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	sectionSep = "//- - - - - - - - -//"
)

// testCase is one numbered case of a testdata/*.txt file, in the format of
// goldmark's extension/_test files: a description line, the markdown, the
// expected HTML and, optionally, the expected problems, one per line.
type testCase struct {
	desc, input, html, problems string
}

func readCases(t *testing.T, path string) []testCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	for _, chunk := range strings.Split(string(data), caseSep+"\n") {
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		desc, body, _ := strings.Cut(chunk, "\n")
		parts := strings.Split(body, sectionSep+"\n")
		if len(parts) < 2 || len(parts) > 3 {
			t.Fatalf("%s: case %q: want 2 or 3 sections, got %d", path, desc, len(parts))
		}
		c := testCase{desc: desc, input: parts[0], html: parts[1]}
		if len(parts) == 3 {
			c.problems = parts[2]
		}
		cases = append(cases, c)
	}
	return cases
}

func writeCases(t *testing.T, path string, cases []testCase) {
	t.Helper()
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(c.desc + "\n" + c.input + sectionSep + "\n" + c.html)
		if c.problems != "" {
			b.WriteString(sectionSep + "\n" + c.problems)
		}
		b.WriteString(caseSep + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// testContext is the page every data-driven case renders as.
func testContext() Context {
	pages := map[string][2]string{
		"../zhanaozen/clashes.md": {"/zhanaozen/clashes/", "content/zhanaozen/clashes.md"},
		"clashes.md":              {"/a/clashes/", "content/a/clashes.md"},
		"../x/index.md":           {"/x/", "content/x/index.md"},
		"my page.md":              {"/a/my-page/", "content/a/my page.md"},
	}
	return Context{
		File:       "content/a/page.md",
		LineOffset: 2,
		ResolveLink: func(dest string) (string, string, bool) {
			p, ok := pages[dest]
			return p[0], p[1], ok
		},
		// The shortcodes testShortcode renders, figure and details among
		// them, are the site's: its templates, not the built-ins.
		HasShortcode: func(name string) bool {
			_, err := testShortcode(Shortcode{Name: name})
			return err == nil || name == "fail"
		},
		Shortcode: testShortcode,
	}
}

func testShortcode(c Shortcode) (string, error) {
	e := html.EscapeString
	switch c.Name {
	case "figure":
		return fmt.Sprintf(`<figure><img src="%s" alt="%s"></figure>`, e(c.Named["src"]), e(c.Named["alt"])), nil
	case "note":
		return `<aside class="note">` + c.Inner + `</aside>`, nil
	case "details":
		return `<details><summary>` + e(c.Named["title"]) + `</summary>` + c.Inner + `</details>`, nil
	case "args":
		return e(fmt.Sprintf("[%s named=%v pos=%q inner=%v:%q md=%v line=%d]", c.Name, c.Named, c.Positional, c.HasInner, c.Inner, c.Markdown, c.Line)), nil
	case "fail":
		return "", errors.New("template: fail: boom")
	}
	return "", fmt.Errorf("no layouts/shortcodes/%s.html", c.Name)
}

func formatProblems(ps []string) string {
	if len(ps) == 0 {
		return ""
	}
	return strings.Join(ps, "\n") + "\n"
}

func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, file := range files {
		cases := readCases(t, file)
		changed := false
		for i := range cases {
			c := &cases[i]
			t.Run(filepath.Base(file)+"/"+c.desc, func(t *testing.T) {
				opts := Options{}
				if strings.Contains(c.desc, "[unsafe]") {
					opts.UnsafeHTML = true
				}
				res, probs := New(opts).Convert([]byte(c.input), testContext())
				var got []string
				for _, p := range probs {
					got = append(got, p.Position()+": "+p.Message)
				}
				gotProblems := formatProblems(got)
				if *update {
					if c.html != res.HTML || c.problems != gotProblems {
						c.html, c.problems, changed = res.HTML, gotProblems, true
					}
					return
				}
				if res.HTML != c.html {
					t.Errorf("input:\n%s\ngot HTML:\n%s\nwant:\n%s", c.input, res.HTML, c.html)
				}
				if gotProblems != c.problems {
					t.Errorf("input:\n%s\ngot problems:\n%s\nwant:\n%s", c.input, gotProblems, c.problems)
				}
			})
		}
		if changed {
			writeCases(t, file, cases)
		}
	}
}
