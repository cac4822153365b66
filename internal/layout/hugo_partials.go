package layout

import "strings"

// hugoPartials says what to write for the partials built into Hugo, which a
// theme may call as its own ({{ partial "_funcs/get-page-images" . }}, as
// Hugo's Open Graph template does): samizdat has no built-in templates, so
// the call fails as a missing partial would, and "create the file" would
// send the campaigner looking for a file the theme never had. A call by
// another path ("partials/templates/_funcs/get-page-images", PaperMod v8) is
// not Hugo's either: Hugo 0.146 and later fail on it too.
var hugoPartials = map[string]string{
	"_funcs/get-page-images.html": "get-page-images is a partial built into Hugo (it lists a page's share pictures); samizdat has no built-in templates: " +
		"write {{ with .Image }}<meta property=\"og:image\" content=\"{{ absURL . }}\">{{ end }} (front matter image), " +
		"or find a bundle's picture with {{ with .Resources.GetMatch \"*cover*\" }}{{ .Permalink }}{{ end }}",
}

// hugoPartialHint is the hint for a missing partial named in msg, when it
// is one of Hugo's built-in partials; else "".
func hugoPartialHint(msg string) string {
	for name, hint := range hugoPartials {
		if strings.Contains(msg, "partial \""+name+"\"") {
			return hint
		}
	}
	return ""
}
