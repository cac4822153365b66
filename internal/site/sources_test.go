package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// writeSite writes the fixture site into a real folder, so that symbolic
// links are the operating system's, as in `samizdat build`.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range siteFS(t, "testdata/fixture.txtar") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func buildDir(t *testing.T, fsys fs.FS) Result {
	t.Helper()
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		t.Fatalf("config: %v", probs)
	}
	return Build(context.Background(), fsys, cfg, Options{Now: buildNow}, nil)
}

func mustWriteFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A .git folder in static/ can hold a password in its config; dotfiles,
// editors' backups and Explorer's Thumbs.db (small copies of the folder's
// pictures) are never meant for readers. .well-known is.
func TestStaticSkipsDotFoldersAndBackups(t *testing.T) {
	dir := writeSite(t)
	for name, data := range map[string]string{
		"static/.git/config":       "[remote] url = https://user:token@example.org/x.git",
		"static/css/site.css~":     "a backup",
		"static/css/.site.css.swp": "a swap file",
		"static/#notes.txt#":       "emacs",
		"static/.env":              "SECRET=1",
		"static/img/Thumbs.db":     "small copies of pictures",
		"static/desktop.ini":       "[.ShellClassInfo]",
		"static/files/report (Ana's conflicted copy 2026-11-20).pdf": "an older report",
		"static/.well-known/security.txt":                            "Contact: mailto:security@example.org",
		"static/docs/.hidden/index.html":                             "hidden",
		"static/docs/complaint-summary.txt":                          "published",
	} {
		mustWriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	res := buildDir(t, os.DirFS(dir))
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	// A sync tool's conflict copy holds someone's work: left out, but said.
	if w := problems(res.Warnings); !strings.Contains(w, "static/files/report (Ana's conflicted copy 2026-11-20).pdf: this is a conflict copy of report.pdf, so it is not published") {
		t.Errorf("warnings lack the conflict copy:\n%s", w)
	}
	for _, name := range []string{".well-known/security.txt", "docs/complaint-summary.txt"} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("%s is not published", name)
		}
	}
	for name := range res.Files {
		if strings.Contains(name, ".git") || strings.HasSuffix(name, "~") || strings.Contains(name, ".swp") ||
			strings.Contains(name, "#") || name == ".env" || strings.Contains(name, ".hidden") || strings.Contains(name, "Thumbs") || name == "desktop.ini" || strings.Contains(name, "conflicted") {
			t.Errorf("%s is published", name)
		}
	}
}

// static/, data/ and i18n/ as links, and links inside data/ and i18n/,
// could publish any file of the machine: each is a problem, and nothing
// behind it is read.
func TestLinkedFoldersAreNotRead(t *testing.T) {
	outside := t.TempDir()
	mustWriteFile(t, filepath.Join(outside, "secret.txt"), "OUTSIDE-SECRET")
	mustWriteFile(t, filepath.Join(outside, "events.yaml"), "- title: OUTSIDE-SECRET\n")
	mustWriteFile(t, filepath.Join(outside, "en.toml"), "read_more = \"OUTSIDE-SECRET\"\n")
	link := func(t *testing.T, target, name string) {
		t.Helper()
		if err := os.RemoveAll(name); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		make func(t *testing.T, dir string)
		want string // the problem, as file: message
	}{
		{"static folder", func(t *testing.T, dir string) { link(t, outside, filepath.Join(dir, "static")) }, "static: symbolic links are not published"},
		{"data folder", func(t *testing.T, dir string) { link(t, outside, filepath.Join(dir, "data")) }, "data: symbolic links are not published"},
		{"data file", func(t *testing.T, dir string) {
			link(t, filepath.Join(outside, "events.yaml"), filepath.Join(dir, "data", "events.yaml"))
		}, "data/events.yaml: symbolic links are not read"},
		{"i18n folder", func(t *testing.T, dir string) { link(t, outside, filepath.Join(dir, "i18n")) }, "i18n: symbolic links are not published"},
		{"i18n file", func(t *testing.T, dir string) {
			link(t, filepath.Join(outside, "en.toml"), filepath.Join(dir, "i18n", "en.toml"))
		}, "i18n/en.toml: symbolic links are not read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSite(t)
			tc.make(t, dir)
			res := buildDir(t, os.DirFS(dir))
			got := problems(res.Problems)
			if !strings.Contains(got, tc.want) {
				t.Errorf("problems lack %q; got:\n%s", tc.want, got)
			}
			for name, data := range res.Files {
				if strings.Contains(string(data), "OUTSIDE-SECRET") || name == "secret.txt" {
					t.Errorf("%s holds what the link points to", name)
				}
			}
		})
	}
}

// errFS fails to open one path, as a folder without read permission does.
type errFS struct {
	fs.FS
	bad string
}

func (f errFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

// A page that cannot be read is a problem that names it and says what
// to do; the CLI script unreadable.txtar does the same with chmod 000,
// which root, who runs CI, reads anyway.
func TestUnreadableSourceIsAProblem(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["content/locked.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Locked\n---\nText.\n")}
	res := buildDir(t, errFS{fsys, "content/locked.md"})
	if !slices.ContainsFunc(res.Problems, func(p problem.Problem) bool {
		return p.File == "content/locked.md" && p.Message == "cannot read: permission denied" && p.Hint == "check the file's permissions"
	}) {
		t.Errorf("no problem for content/locked.md; got:\n%s", problems(res.Problems))
	}
}

// A data folder that cannot be read is a problem, not a silently missing
// .Site.Data entry.
func TestUnreadableDataIsAProblem(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["data/more/x.yaml"] = fsys["data/events.yaml"]
	res := buildDir(t, errFS{fsys, "data/more"})
	if !slices.ContainsFunc(res.Problems, func(p problem.Problem) bool {
		return p.File == "data/more" && strings.Contains(p.Message, "cannot read")
	}) {
		t.Errorf("no problem for data/more; got:\n%s", problems(res.Problems))
	}
}

// A data file with a quote left open is reported at the quote's line,
// where go-yaml names a missing key lines away.
func TestDataFileUnclosedQuote(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["data/events.yaml"].Data = []byte("# events\nevents:\n  - date: \"2011\"\n    title: \"Oil workers strike\n    text: \"For months.\"\n  - date: \"2012\"\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) != 1 || res.Problems[0].File != "data/events.yaml" || res.Problems[0].Line != 4 ||
		!strings.Contains(res.Problems[0].Message, "is not closed") {
		t.Errorf("got:\n%s\nwant one problem at data/events.yaml:4 about a quote not closed", problems(res.Problems))
	}
}

// A data file that cannot be read is its one problem: the templates that
// read it are not run, so they cannot bury it under follow-on problems.
func TestUnreadDataFileComesAlone(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ (index .Site.Data.events 0).title }}{{ end }}`), Mode: 0o644}
	fsys["data/events.yaml"].Data = []byte("- date: \"2011\n  title: x\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) != 1 || res.Problems[0].File != "data/events.yaml" {
		t.Errorf("got:\n%s\nwant the one problem of data/events.yaml", problems(res.Problems))
	}
}
