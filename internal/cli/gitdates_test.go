package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildDatesUndatedPagesFromGit: a page without a date or lastmod
// gets its last commit's date in the feed and the sitemap (not 1970); a
// dated page keeps its date when that is later than its commit.
func TestBuildDatesUndatedPagesFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed; .ci/run installs it")
		}
		t.Skip("git is not installed")
	}
	dir := writeSite(t, smallSite+"-- content/news/undated.md --\n---\ntitle: Undated\n---\nNo date.\n")
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("2012-11-01T00:00:00Z", "init", "-q")
	git("2012-11-01T00:00:00Z", "add", ".")
	git("2012-11-01T00:00:00Z", "commit", "-q", "-m", "site")
	writeFile(t, filepath.Join(dir, "content/news/undated.md"), "---\ntitle: Undated\n---\nChanged.\n")
	git("2013-01-02T03:04:05Z", "commit", "-q", "-am", "edit")

	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", dir, "--dest", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr.String())
	}
	feed, _ := os.ReadFile(filepath.Join(out, "index.xml"))
	for _, want := range []string{
		`<title>Undated</title><id>https://example.org/news/undated/</id><link rel="alternate" type="text/html" href="https://example.org/news/undated/"/><updated>2013-01-02T03:04:05Z</updated>`,
		// Committed on 1 November, dated 21 November: the date stands.
		"<published>2012-11-21T00:00:00Z</published><updated>2012-11-21T00:00:00Z</updated>",
		// The section without a file of its own: its newest page's
		// date, and its newest change.
		`<title>News</title><id>https://example.org/news/</id><link rel="alternate" type="text/html" href="https://example.org/news/"/><published>2012-11-21T00:00:00Z</published><updated>2013-01-02T03:04:05Z</updated>`,
		"<updated>2013-01-02T03:04:05Z</updated><author>",
	} {
		if !strings.Contains(string(feed), want) {
			t.Errorf("the feed lacks %q:\n%s", want, feed)
		}
	}
	if strings.Contains(string(feed), "1970") {
		t.Errorf("the feed still dates a page 1970:\n%s", feed)
	}
	sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if !strings.Contains(string(sitemap), "<loc>https://example.org/news/undated/</loc><lastmod>2013-01-02</lastmod>") {
		t.Errorf("the sitemap lacks the undated page's git date:\n%s", sitemap)
	}
}
