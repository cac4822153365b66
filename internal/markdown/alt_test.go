package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/problem"
)

func TestImageWithoutAltTextIsWarnedAbout(t *testing.T) {
	src := "Intro.\n\n![](photo.jpg)\n\n![ ](<my photo.jpg>) ![Rally](rally.jpg)\n\n" +
		"[![](logo.png)](https://example.org/)\n\n<br>\n\n![**Bold** caption](b.jpg) ![`code`](c.jpg)\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md", LineOffset: 4})
	if len(probs) != 0 {
		t.Fatalf("missing alt text is not a problem, got %v", probs)
	}
	if !strings.Contains(res.HTML, `<img src="photo.jpg" alt="">`) {
		t.Errorf("the page is still published with the image:\n%s", res.HTML)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Warning())
	}
	hint := "\n    describe what the image shows between the brackets, ![Protesters in Zhanaozen, 16 December 2011](%s), " +
		"so readers who cannot see it get it too; without it, screen readers skip the image"
	want := []string{
		`content/a.md:7: warning: image "photo.jpg" has no alt text` + strings.Replace(hint, "%s", "photo.jpg", 1),
		`content/a.md:9: warning: image "my photo.jpg" has no alt text` + strings.Replace(hint, "%s", "my photo.jpg", 1),
		`content/a.md:11: warning: image "logo.png" has no alt text` + strings.Replace(hint, "%s", "logo.png", 1),
	}
	if len(got) != 4 {
		t.Fatalf("warnings:\n%s\nwant three about images, then the raw HTML one", strings.Join(got, "\n"))
	}
	if !reflect.DeepEqual(got[:3], want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got[:3], "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(got[3], "content/a.md:13: warning: raw HTML") {
		t.Errorf("last warning = %q; want the raw HTML one, at line 13, in line order", got[3])
	}
}

// An image dropped as a problem is not warned about as well, and markdown
// inside a shortcode counts like the page's own.
func TestAltWarningOnlyForPublishedImages(t *testing.T) {
	src := "![](javascript:alert(1)) ![](https://tracker.example/p.gif)\n\n{{% note %}}\n![](inner.png)\n{{% /note %}}\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{
		File:      "content/a.md",
		Shortcode: func(c Shortcode) (string, error) { return c.Inner, nil },
	})
	if len(probs) != 2 {
		t.Errorf("problems = %v; want the two dropped images", probs)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Position() != "content/a.md:4" ||
		!strings.Contains(res.Warnings[0].Message, `"inner.png"`) {
		t.Errorf("warnings = %v; want one for inner.png at content/a.md:4", res.Warnings)
	}
}

// An image with empty alt inside a link with text of its own is named by
// that text; one that is all its link holds leaves the link nameless.
func TestEmptyAltInLinkWithTextIsNotWarnedAbout(t *testing.T) {
	src := "[![](img/logo.png) Amnesty International](https://www.amnesty.org/)\n\n" +
		"[*Read* ![](a.png)](https://example.org/a) [![](b.png) ![Logo of HRW](c.png)](https://example.org/b)\n\n" +
		"[![](alone.png)](https://example.org/c) [ ![](spaced.png) ](https://example.org/d)\n\n![](bare.png) text\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md"})
	wantOnlyWarnings(t, res, probs,
		`content/a.md:5: image "alone.png" has no alt text`,
		`content/a.md:5: image "spaced.png" has no alt text`,
		`content/a.md:7: image "bare.png" has no alt text`)
}

// wantOnlyWarnings checks that a conversion had no problems and the
// warnings want, each "file:line: message", in order.
func wantOnlyWarnings(t *testing.T, res Result, probs []problem.Problem, want ...string) {
	t.Helper()
	if len(probs) != 0 {
		t.Errorf("problems: %v; want none", probs)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Position()+": "+w.Message)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
