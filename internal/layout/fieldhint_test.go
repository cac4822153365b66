package layout

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Types as a site's are: a page whose method gives a list with methods.
type hintPage struct{ Title string }

func (hintPage) Pages() hintPages { return nil }
func (hintPage) Summary() string  { return "" }

type hintPages []hintPage

func (hintPages) GroupByPublishDate(string) []hintPages { return nil }
func (hintPages) ByTitle() hintPages                    { return nil }

// A misspelt field or method names the one meant, found on the value the
// template asked, also a type reached from the page (.Pages); a name
// close to none keeps the plain hint.
func TestMisspeltFieldNamesTheNearest(t *testing.T) {
	for _, c := range []struct{ tmpl, want string }{
		{`{{ .Titel }}`, "did you mean .Title? there is no field or function Titel here"},
		{`{{ .summary }}`, "did you mean .Summary?"},
		{`{{ .Pages.GroupByPublishedDate "2006" }}`, "did you mean .GroupByPublishDate?"},
		{`{{ .Nothing }}`, "there is no field or function Nothing here: check its spelling"},
	} {
		set, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(c.tmpl)}}, Env{})
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		_, p := set.Execute("_default/single.html", hintPage{}, "content/a.md")
		if p == nil || !strings.HasPrefix(p.Hint, c.want) {
			t.Errorf("%s: got %v; want a hint starting %q", c.tmpl, p, c.want)
		}
	}
}

// A misspelt function names the one meant when the layouts are read.
func TestMisspeltFunctionNamesTheNearest(t *testing.T) {
	_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(`{{ range sortby .Pages "Date" }}{{ end }}{{ dateformat "2006" .Date }}{{ zzzqqq }}`)}}, Env{})
	var hints []string
	for _, p := range probs {
		hints = append(hints, p.Hint)
	}
	got := strings.Join(hints, "\n")
	for _, want := range []string{
		"did you mean sortBy? there is no function sortby in samizdat",
		"did you mean dateFormat? there is no function dateformat in samizdat",
		"there is no function zzzqqq in samizdat: check its spelling",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("hints lack %q:\n%s", want, got)
		}
	}
}
