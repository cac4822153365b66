package cli

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/problem"
)

func TestHeadingLine(t *testing.T) {
	src := "---\ntitle: T\n# not a heading: front matter\n---\n\nIntro.\n\n# The *trial* of [Kozlov](../kozlov/) {#trial}\n\n" +
		"    # indented code\n\nQuotes \"here\" -- and there\n---\n\n#### Deep ####\n\n## A very long heading that goes on and on past sixty runes of text, surely\n" +
		"\n```sh\n# Install\n```\n\n#### Install\n\n## Details\n\n#### Details\n\n## Wait for the trial of Kozlov\n\n#### Wait...\n\n## Twice\n\n## Twice\n"
	for _, tc := range []struct {
		level int
		want  string
		line  int
	}{
		{1, "The trial of Kozlov", 8},
		{2, "Quotes “here” – and there", 12},
		{4, "Deep", 15},
		{1, "not a heading: front matter", 0},
		{1, "indented code", 0},
		{2, "A very long heading that goes on and on past sixty runes of…", 17},
		{2, "Absent", 0},
		{4, "Install", 23}, // not the shell comment in the fenced block
		{4, "Details", 27}, // not the h2 of the same text
		{4, "Wait…", 31},   // the typographer's ellipsis, not a cut text
		{2, "Twice", 0},    // two of them: which is the page's cannot be told
		{1, "Install", 0},  // the fenced block's line is no h1
	} {
		if got := headingLine([]byte(src), tc.level, tc.want); got != tc.line {
			t.Errorf("headingLine(h%d %q) = %d; want %d", tc.level, tc.want, got, tc.line)
		}
	}
}

// A heading problem of a built page moves to the markdown line that
// writes it; one the layout writes stays, named with its content file.
func TestMadeFromMovesHeadingProblems(t *testing.T) {
	fsys := fstest.MapFS{"content/about.md": {Data: []byte("---\ntitle: About\n---\n\n# About us\n\n#### Deep\n")}}
	sources := map[string]string{"about/index.html": "content/about.md"}
	for _, tc := range []struct{ in, want string }{
		{`about/index.html:1:900: more than one h1 in the page: "About us" (the first is on line 1)`,
			`content/about.md:5: more than one h1 in the page: "About us" (the first is on line 1 of the built page)` + "\n    keep one (in the built page about/index.html:1:900)"},
		{`about/index.html:1:950: heading level skips from h1 to h4 at "Deep"`,
			`content/about.md:7: heading level skips from h1 to h4 at "Deep"` + "\n    keep one (in the built page about/index.html:1:950)"},
		{`about/index.html:1:100: more than one h1 in the page: "Site title" (the first is on line 1)`,
			`about/index.html:1:100: more than one h1 in the page: "Site title" (the first is on line 1)` + "\n    keep one (the page is made from content/about.md)"},
	} {
		p := parseProblem(t, tc.in)
		if got := madeFrom(p, sources, fsys).String(); got != tc.want {
			t.Errorf("got\n%s\nwant\n%s", got, tc.want)
		}
	}
}

// parseProblem reads "file:line:col: message" with the hint "keep one".
func parseProblem(t *testing.T, s string) problem.Problem {
	t.Helper()
	var p problem.Problem
	pos, msg, _ := strings.Cut(s, ": ")
	file, lc, _ := strings.Cut(pos, ":")
	if _, err := fmt.Sscanf(lc, "%d:%d", &p.Line, &p.Col); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	p.File, p.Message = file, msg
	p.Hint = "keep one"
	return p
}
