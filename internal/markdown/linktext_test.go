package markdown

import (
	"strings"
	"testing"
)

func TestLinkWithoutTextIsWarnedAbout(t *testing.T) {
	src := "Start [](https://example.org/a) and [ ](<https://example.org/b>).\n\n" +
		"[<img src=\"gh.png\" alt=\"GitHub\">](https://example.org/c)\n\n" +
		"[Named](https://example.org/d) [![Logo](logo.png)](https://example.org/e) [![](x.png)](https://example.org/f)\n\n" +
		"[`code`](https://example.org/g) [&amp;](https://example.org/h) [{{< icon >}}](https://example.org/i)\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{
		File:         "content/a.md",
		HasShortcode: func(string) bool { return true },
		Shortcode:    func(Shortcode) (string, error) { return "<svg></svg>", nil },
	})
	if len(probs) != 0 {
		t.Fatalf("an empty link is not a problem, got %v", probs)
	}
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "has no text") {
			got = append(got, w.Position()+" "+w.Message+" / "+w.Hint)
		}
	}
	want := []string{
		`content/a.md:1 link to "https://example.org/a" has no text, so readers cannot see or click it / ` +
			`write what the link leads to between the brackets: [Read the full report](https://example.org/a)`,
		`content/a.md:1 link to "https://example.org/b" has no text, so readers cannot see or click it / ` +
			`write what the link leads to between the brackets: [Read the full report](https://example.org/b)`,
		`content/a.md:3 link to "https://example.org/c" has no text left: the HTML inside it is left out of the page / ` +
			`write the link's text in markdown, [GitHub](https://example.org/c), or a picture with its description, [![GitHub](logo.png)](https://example.org/c)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The image without alt text inside link f gets its own warning, which
	// says the rest.
	if !strings.Contains(res.HTML, `<a href="https://example.org/a"></a>`) {
		t.Errorf("the page is still published:\n%s", res.HTML)
	}
}

// A site that keeps raw HTML decides what its links hold.
func TestLinkWithRawHTMLOnlyIsFineWhenRawHTMLIsKept(t *testing.T) {
	src := "[<img src=\"gh.png\" alt=\"GitHub\">](https://example.org/c)\n"
	res, _ := New(Options{UnsafeHTML: true}).Convert([]byte(src), Context{File: "content/a.md"})
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "has no text") {
			t.Errorf("warning %v; want none with raw HTML kept", w)
		}
	}
}
