package publish

import (
	"os"
	"strings"
	"testing"
)

// TestNginxConfigMatchesHeaders keeps docs/nginx.conf, the copy of it in
// docs/deploy.md and the _headers Process writes in step.
func TestNginxConfigMatchesHeaders(t *testing.T) {
	conf, err := os.ReadFile("../../docs/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range SecurityHeaders("") {
		if want := "add_header " + h.Name + ` "` + h.Value + `" always;`; !strings.Contains(string(conf), want) {
			t.Errorf("docs/nginx.conf lacks %s", want)
		}
	}
	if !strings.Contains(string(conf), `"public, max-age=31536000, immutable"`) {
		t.Error("docs/nginx.conf lacks the immutable Cache-Control")
	}
	doc, err := os.ReadFile("../../docs/deploy.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```nginx\n"+string(conf)+"```\n") {
		t.Error("docs/deploy.md does not quote docs/nginx.conf verbatim")
	}
}
