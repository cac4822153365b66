package cli

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestServeShowsAStylesheetLinkedByTheSiteAddress: a Hugo theme links its stylesheet by the
// site's absolute address ({{ "css/site.css" | absURL }}, {{ .Site.BaseURL }}css/site.css).
// The preview must load it from the dev server, not from the published domain (which the
// Content-Security-Policy refuses, leaving the preview unstyled without a word).
func TestServeShowsAStylesheetLinkedByTheSiteAddress(t *testing.T) {
	site := strings.Replace(smallSite, `<link rel="stylesheet" href="{{ relURL "css/site.css" }}">`,
		`<link rel="stylesheet" href="{{ "css/site.css" | absURL }}"><link rel="stylesheet" href="{{ .Site.BaseURL }}css/print.css">`, 1) +
		"-- static/css/print.css --\n@media print { body { color: black; } }\n"
	dir := writeSite(t, site)
	base, stop, _ := startServe(t, dir)
	defer stop()
	links := regexp.MustCompile(`<link rel="?stylesheet"? href="?([^">]+)"?>`)
	for _, page := range []string{"", "news/first/"} {
		pageURL, err := url.Parse(base + page)
		if err != nil {
			t.Fatal(err)
		}
		code, body := get(t, pageURL.String())
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", pageURL, code)
		}
		found := links.FindAllStringSubmatch(body, -1)
		if len(found) != 2 {
			t.Fatalf("%s: %d stylesheet links; want 2 in\n%s", pageURL, len(found), body)
		}
		for _, m := range found {
			ref, err := url.Parse(m[1])
			if err != nil {
				t.Fatal(err)
			}
			css := pageURL.ResolveReference(ref)
			if css.Host != pageURL.Host {
				t.Fatalf("%s links its stylesheet at %s, not on the dev server", pageURL, css)
			}
			resp, err := http.Get(css.String())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
				t.Errorf("%s: stylesheet %s: status %d, type %q; want 200 text/css", pageURL, css, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
	}
}
