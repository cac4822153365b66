package relink_test

import (
	"bytes"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/cli"
)

// buildCampaign builds the repository's own campaign site with the CLI, as a user would, and
// returns the output folder and its pages (slash paths of the HTML files but the 404 pages, which
// hosts serve at any path and nothing links to).
func buildCampaign(t *testing.T, portable bool) (dir string, pages []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "public")
	args := []string{"build", "-source", filepath.Join("..", ".."), "-dest", dir, "-quiet"}
	if portable {
		args = append(args, "-portable")
	}
	var stdout, stderr bytes.Buffer
	if code := cli.Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("samizdat %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.Bytes(), stderr.Bytes())
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		// Every language has a 404 page, which no page links to.
		if rel = filepath.ToSlash(rel); path.Base(rel) != "404.html" {
			pages = append(pages, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("the build wrote no pages into %s", dir)
	}
	slices.Sort(pages)
	return dir, pages
}

// TestCampaignSiteServedByNginx crawls the repository's campaign site, served by nginx at the
// domain root and under a deep sub-path: every page must be reached, every reference must
// answer 200 and stay under the root.
func TestCampaignSiteServedByNginx(t *testing.T) {
	dir, pages := buildCampaign(t, false)
	origin := startNginx(t, dir)
	for name, root := range map[string]string{"root": "/", "mirror": mirrorPath} {
		t.Run(name, func(t *testing.T) {
			fetched := crawl(t, origin+root)
			for _, p := range pages {
				if u := strings.TrimSuffix(p, "index.html"); !slices.Contains(fetched, u) {
					t.Errorf("crawl from %s never reached %s", root, u)
				}
			}
		})
	}
}

// TestCampaignSitePortableInBrowser opens the portable build of the campaign site from file://
// in headless Chromium and follows every link.
func TestCampaignSitePortableInBrowser(t *testing.T) {
	dir, pages := buildCampaign(t, true)
	visited := browse(t, dir, func(string, pageState) {})
	for _, p := range pages {
		if !slices.Contains(visited, p) {
			t.Errorf("never reached %s", p)
		}
	}
}
