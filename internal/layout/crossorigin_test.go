package layout

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A crossorigin a layout writes is on a file of the site, which a reader's
// saved copy then cannot load from the disk: a problem at its line, in
// either form (crossorigin, crossorigin="anonymous"). The word in text is
// not one.
func TestCrossoriginInALayoutIsAProblem(t *testing.T) {
	_, probs := Parse(fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte("<head>\n<link href=\"/css/x.css\"\n  crossorigin=\"anonymous\" rel=\"preload stylesheet\" as=\"style\">\n</head>{{ block \"main\" . }}{{ end }}")},
		"layouts/partials/js.html":     {Data: []byte("<script src=\"/js/x.js\" defer crossorigin></script>")},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}<p>a crossorigin request</p>{{ end }}`)},
	}, Env{})
	var at []string
	for _, p := range probs {
		if strings.Contains(p.Hint, "remove the crossorigin attribute") {
			at = append(at, p.Position())
		}
	}
	if len(probs) != 2 || strings.Join(at, " ") != "layouts/_default/baseof.html:3 layouts/partials/js.html:1" {
		t.Errorf("problems %v; want one at baseof.html:3 and one at js.html:1", probs)
	}
}
