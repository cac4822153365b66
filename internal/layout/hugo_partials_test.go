package layout

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A call of a partial built into Hugo says what to write instead, not to
// create a file the theme never had; a missing partial of the theme's own
// still says to create it.
func TestHugoBuiltInPartialHint(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/a.html": {Data: []byte(`{{ $imgs := partial "_funcs/get-page-images" . }}`)},
		"layouts/_default/b.html": {Data: []byte(`{{ $imgs := partial "templates/_funcs/get-page-images" . }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, p := set.Execute("_default/a.html", struct{ Title string }{}, "content/a.md"); p == nil || !strings.Contains(p.Hint, "built into Hugo") || !strings.Contains(p.Hint, "{{ with .Image }}") {
		t.Errorf("Hugo's partial: %v", p)
	}
	if _, p := set.Execute("_default/b.html", struct{ Title string }{}, "content/a.md"); p == nil || p.Hint != "create the file in layouts/partials/, or correct the name in the partial call" {
		t.Errorf("the theme's own partial: %v", p)
	}
}
