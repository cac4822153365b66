package markdown

import (
	"strings"
	"testing"
)

// NoHeadingAnchors leaves the "#" link out of each heading, for a theme
// that writes its own; the heading keeps its id, and the table of contents
// its entry.
func TestNoHeadingAnchors(t *testing.T) {
	src := []byte("## Суд над активистами\n\nText.")
	res, _ := New(Options{NoHeadingAnchors: true}).Convert(src, Context{})
	if want := "<h2 id=\"суд-над-активистами\">Суд над активистами</h2>\n"; !strings.HasPrefix(res.HTML, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", res.HTML, want)
	}
	if len(res.TOC) != 1 || res.TOC[0].ID != "суд-над-активистами" {
		t.Errorf("TOC %+v", res.TOC)
	}
	if res, _ := New(Options{}).Convert(src, Context{}); !strings.Contains(res.HTML, `<a class="anchor"`) {
		t.Errorf("anchors are on by default; got\n%s", res.HTML)
	}
}
