package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A theme's stylesheet in assets/, read with resources.Get: the dev
// server shows a save of it, as one of static/.
func TestServeShowsASavedAsset(t *testing.T) {
	site := strings.Replace(smallSite, `{{ relURL "css/site.css" }}`, `{{ (resources.Get "css/theme.css").RelPermalink }}`, 1) +
		"-- assets/css/theme.css --\nbody { color: red; }\n"
	dir := writeSite(t, site)
	url, stop, _ := startServe(t, dir)
	if code, body := get(t, url+"css/theme.css"); code != 200 || !strings.Contains(body, "red") {
		t.Fatalf("GET css/theme.css: %d %q", code, body)
	}
	writeFile(t, filepath.Join(dir, "assets/css/theme.css"), "body { color: blue; }\n")
	eventually(t, "the saved stylesheet to be served", func() bool {
		_, body := get(t, url+"css/theme.css")
		return strings.Contains(body, "blue")
	})
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}
