package gitinfo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestParseLog(t *testing.T) {
	out := []byte("\x1e2026-11-27T08:46:48+03:00\x00\ncontent/a.md\x00content/жанаозен b.md\x00" +
		"\x1e2012-11-21T10:00:00Z\x00\ncontent/a.md\x00content/old.md\x00other/x.md\x00")
	got := parseLog(out, "")
	want := map[string]time.Time{
		"content/a.md":          time.Date(2026, 11, 27, 5, 46, 48, 0, time.UTC),
		"content/жанаозен b.md": time.Date(2026, 11, 27, 5, 46, 48, 0, time.UTC),
		"content/old.md":        time.Date(2012, 11, 21, 10, 0, 0, 0, time.UTC),
		"other/x.md":            time.Date(2012, 11, 21, 10, 0, 0, 0, time.UTC),
	}
	if len(got) != len(want) {
		t.Errorf("got %v; want %v", got, want)
	}
	for k, v := range want {
		if !got[k].Equal(v) {
			t.Errorf("%s: got %v; want %v (the newest commit wins)", k, got[k], v)
		}
	}
	if got := parseLog(out, "site/"); len(got) != 0 {
		t.Errorf("files outside the site's folder were kept: %v", got)
	}
}

// TestLastmodsFromARealRepository runs git: a site in a subfolder of a
// repository, a file changed in a second commit, one never committed.
func TestLastmodsFromARealRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	run := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("2012-11-21T10:00:00Z", "init", "-q")
	write("content/a.md", "a")
	write("content/b.md", "b")
	run("2012-11-21T10:00:00Z", "add", ".")
	run("2012-11-21T10:00:00Z", "commit", "-q", "-m", "one")
	write("content/b.md", "b2")
	run("2013-01-02T03:04:05Z", "commit", "-q", "-am", "two")
	write("content/new.md", "not committed")

	got, err := Lastmods(context.Background(), site, "content")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]time.Time{
		"content/a.md": time.Date(2012, 11, 21, 10, 0, 0, 0, time.UTC),
		"content/b.md": time.Date(2013, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	if len(got) != len(want) || !got["content/a.md"].Equal(want["content/a.md"]) || !got["content/b.md"].Equal(want["content/b.md"]) {
		t.Errorf("got %v; want %v", got, want)
	}

	if _, err := Lastmods(context.Background(), t.TempDir(), "content"); !errors.Is(err, ErrNoGit) {
		t.Errorf("a folder outside any repository: got %v; want ErrNoGit", err)
	}
}
