package publish

import (
	"regexp"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// TestFingerprintThroughSiteAddress: a layout that names the site's own stylesheets and
// scripts by its absolute address ({{ "css/a.css" | absURL }}, {{ .Site.BaseURL }}css/a.css, as
// Hugo themes do) gets the fingerprinted names too, still absolute; then relink makes what the
// browser fetches page-relative, and what is meant to be absolute (a canonical link, a share
// card, a link) keeps the site's address and names a file that exists.
func TestFingerprintThroughSiteAddress(t *testing.T) {
	const base = "https://example.org/sub/"
	page := `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="https://example.org/sub/css/site.css">
<script src="http://EXAMPLE.org/sub/js/app.js?v=1" defer></script>
<link rel="canonical" href="https://example.org/sub/css/print.css">
<meta property="og:image" content="https://example.org/sub/img/share.svg">
<meta name="twitter:image" content="https://example.org/sub/js/app.js">
<link rel="stylesheet" href="https://example.net/sub/css/site.css">
<link rel="stylesheet" href="https://example.org/css/site.css">
</head><body><a href="https://example.org/sub/css/print.css">print</a></body></html>`
	files := map[string][]byte{
		"news/a/index.html": []byte(page),
		"css/site.css":      []byte(`@import url("https://example.org/sub/css/base.css");body{background:url(https://example.org/sub/img/bg.svg)}`),
		"css/base.css":      []byte(`body{color:#000}`),
		"css/print.css":     []byte(`body{color:#000;background:none}`),
		"js/app.js":         []byte(`console.log(1)`),
		"img/share.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
		"img/bg.svg":        []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
	}
	out := process(t, files, Options{Fingerprint: true, BaseURL: base})
	if len(out.Problems) != 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	name := fingerprintedNames(out.Files)

	got := string(out.Files["news/a/index.html"])
	for _, want := range []string{
		`href="https://example.org/sub/` + name["css/site.css"] + `"`,
		`src="http://EXAMPLE.org/sub/` + name["js/app.js"] + `?v=1"`,
		`<link rel="canonical" href="https://example.org/sub/` + name["css/print.css"] + `">`,
		`<meta property="og:image" content="https://example.org/sub/img/share.svg">`, // pictures keep their names
		`<meta name="twitter:image" content="https://example.org/sub/` + name["js/app.js"] + `">`,
		`<a href="https://example.org/sub/` + name["css/print.css"] + `">`,
		`<link rel="stylesheet" href="https://example.net/sub/css/site.css">`, // another site
		`<link rel="stylesheet" href="https://example.org/css/site.css">`,     // outside the site's folder
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks\n%s\nin\n%s", want, got)
		}
	}
	css := string(out.Files[name["css/site.css"]])
	if want := `@import url("https://example.org/sub/` + name["css/base.css"] + `")`; !strings.Contains(css, want) {
		t.Errorf("site.css lacks %s:\n%s", want, css)
	}

	relink.Rewrite(out.Files, relink.Options{BaseURL: base})
	got = string(out.Files["news/a/index.html"])
	for _, want := range []string{
		`<link rel="stylesheet" href="../../` + name["css/site.css"] + `">`,
		`<script src="../../` + name["js/app.js"] + `?v=1" defer></script>`,
		`<link rel="canonical" href="https://example.org/sub/` + name["css/print.css"] + `">`,
		`<meta property="og:image" content="https://example.org/sub/img/share.svg">`,
		`<a href="https://example.org/sub/` + name["css/print.css"] + `">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("relinked, the page lacks\n%s\nin\n%s", want, got)
		}
	}
	css = string(out.Files[name["css/site.css"]])
	if want := `@import url("` + strings.TrimPrefix(name["css/base.css"], "css/") + `");body{background:url(../img/bg.svg)}`; css != want {
		t.Errorf("relinked site.css:\n got %s\nwant %s", css, want)
	}
	for _, old := range []string{"css/site.css", "css/base.css", "css/print.css", "js/app.js"} {
		if _, ok := out.Files[name[old]]; !ok || name[old] == old {
			t.Errorf("%s: no fingerprinted file (%q)", old, name[old])
		}
	}
}

// fingerprintedNames maps each fingerprinted file's old name to its new one.
func fingerprintedNames(files map[string][]byte) map[string]string {
	re := regexp.MustCompile(`^(.*)\.[0-9a-f]{10}(\.(css|js))$`)
	names := map[string]string{}
	for p := range files {
		if m := re.FindStringSubmatch(p); m != nil {
			names[m[1]+m[2]] = p
		}
	}
	return names
}

// TestResolveRefThroughSiteAddress: absolute references name the site's files only under its
// address; without one (the zero Address) they name none.
func TestResolveRefThroughSiteAddress(t *testing.T) {
	addr := relink.ParseAddress("https://example.org/")
	for _, tc := range []struct {
		addr relink.Address
		ref  string
		want string // "-" for none
	}{
		{addr, "https://example.org/css/a.css", "css/a.css"},
		{addr, "HTTP://Example.org/css/a%2Ecss?v=1#x", "css/a.css"},
		{addr, "//example.org/js/a.js", "js/a.js"},
		{addr, "https://example.org/css/../js/a.js", "-"},
		{addr, "https://example.net/css/a.css", "-"},
		{addr, "/css/a.css", "css/a.css"},
		{relink.Address{}, "https://example.org/css/a.css", "-"},
	} {
		got, ok := resolveRef(tc.addr, "", tc.ref, false)
		if !ok {
			got = "-"
		}
		if got != tc.want {
			t.Errorf("resolveRef(%q) = %q; want %q", tc.ref, got, tc.want)
		}
	}
}
