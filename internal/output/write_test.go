package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree is a folder as data: slash path -> "mode content" for files,
// "mode/" for folders and "-> target" for links, so one comparison covers names, bytes and modes.
type tree map[string]string

func readTree(t *testing.T, root string) tree {
	t.Helper()
	got := tree{}
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, name)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(name)
			got[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		if d.IsDir() {
			got[filepath.ToSlash(rel)] = info.Mode().Perm().String() + "/"
			return nil
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		got[filepath.ToSlash(rel)] = info.Mode().Perm().String() + " " + string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func wantTree(files map[string][]byte, extraDirs ...string) tree {
	want := tree{".": "-rwxr-xr-x/", MarkerName: "-rw-r--r-- " + markerText}
	for p, b := range files {
		want[p] = "-rw-r--r-- " + string(b)
	}
	for _, d := range extraDirs {
		want[d] = "-rwxr-xr-x/"
	}
	return want
}

func diffTree(t *testing.T, got, want tree) {
	t.Helper()
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] {
			t.Errorf("%s: got %q; want %q", k, got[k], want[k])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: got %q; want no such entry", k, got[k])
		}
	}
}

// entries lists the names in dir, to show what WriteDir left beside dest.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func write(t *testing.T, dest string, files map[string][]byte) {
	t.Helper()
	o := &Output{Files: files}
	if err := o.WriteDir(dest, WriteOptions{}); err != nil {
		t.Fatalf("WriteDir: %v", err)
	}
}

func TestWriteDirWritesFreshSite(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "out", "public") // out/ does not exist yet
	files := map[string][]byte{
		"index.html":           []byte("<h1>home</h1>"),
		"style.css":            []byte("body{}"),
		"news/index.html":      []byte("news"),
		"news/a/index.html":    []byte("a"),
		"news/a/photo.jpg":     {0, 1, 2, 255},
		"tags/кириллица/x.txt": []byte("unicode names are fine"),
		"empty.txt":            {},
	}
	write(t, dest, files)

	diffTree(t, readTree(t, dest), wantTree(files, "news", "news/a", "tags", "tags/кириллица"))
	if got := entries(t, filepath.Join(parent, "out")); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: got %q; want only public", got)
	}
}

func TestWriteDirRemovesStaleFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string][]byte{
		"index.html":        []byte("old home"),
		"news/a/index.html": []byte("a"),
		"tags/x/index.html": []byte("x"),
	})
	next := map[string][]byte{
		"index.html":        []byte("new home"),
		"news/b/index.html": []byte("b"),
	}
	write(t, dest, next)

	diffTree(t, readTree(t, dest), wantTree(next, "news", "news/b"))
	if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: got %q; want only public", got)
	}
}

func TestWriteDirAcceptsEmptyFolder(t *testing.T) {
	dest := t.TempDir()
	files := map[string][]byte{"index.html": []byte("home")}
	write(t, dest, files)
	diffTree(t, readTree(t, dest), wantTree(files))
}

// inputs are what the CLI passes as WriteOptions.Inputs.
var inputs = []string{"content", "layouts", "static", "archetypes", "data", "i18n", "site.toml"}

func TestWriteDirRefusesUnsafeDestinations(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	source := filepath.Join(home, "campaign", "site")
	for _, dir := range []string{source, filepath.Join(root, "other"), filepath.Join(root, "olddocs"), filepath.Join(source, "static"), filepath.Join(source, "layouts")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(t, filepath.Join(source, "site.toml"), "title = 'x'")
	mustWrite(t, filepath.Join(root, "olddocs", "notes.txt"), "keep me")
	mustWrite(t, filepath.Join(root, "afile"), "a file")
	if err := os.Symlink(filepath.Join(root, "other"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(source, filepath.Join(root, "sitelink")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)

	tests := []struct {
		name, dest, reason string
	}{
		{"source folder", source, "source folder"},
		{"source folder by relative path", "./site", "source folder"},
		{"parent of source", filepath.Join(home, "campaign"), "holds the site's source folder"},
		{"grandparent of source", root, "holds the site's source folder"},
		{"home folder", home, "home folder"},
		{"folder with files of its own", filepath.Join(root, "olddocs"), "has no " + MarkerName},
		{"file", filepath.Join(root, "afile"), "is a file"},
		{"symbolic link", filepath.Join(root, "link"), "symbolic link"},
		{"link to source", filepath.Join(root, "sitelink"), "symbolic link"},
		// The next build would read what is written there back as source.
		{"new folder in static", filepath.Join(source, "static", "preview"), "static"},
		{"new folder in static by relative path", "./site/static/preview", "static"},
		{"new folder in a content folder not made yet", filepath.Join(source, "content", "out"), "content"},
		{"input folder itself", filepath.Join(source, "layouts"), "layouts"},
		{"static through a link to the source", filepath.Join(root, "sitelink", "static", "preview"), "static"},
		{"static in other letter case", filepath.Join(source, "Static", "preview"), "static"},
	}
	t.Chdir(filepath.Dir(source))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readTree(t, root)
			o := &Output{Files: map[string][]byte{"index.html": []byte("home")}}
			err := o.WriteDir(tt.dest, WriteOptions{Source: source, Inputs: inputs})
			wantRefused(t, err, tt.reason)
			diffTree(t, readTree(t, root), before)
		})
	}
}

// wantRefused fails the test unless err is a *DestError whose reason
// contains reason and that has a hint.
func wantRefused(t *testing.T, err error, reason string) {
	t.Helper()
	var de *DestError
	if !errors.As(err, &de) {
		t.Fatalf("got %v; want a *DestError", err)
	}
	if !strings.Contains(de.Reason, reason) || de.Hint == "" {
		t.Errorf("got reason %q hint %q; want reason with %q and a hint", de.Reason, de.Hint, reason)
	}
}

// public/ beside content/ and static/ is where the CLI writes by default.
func TestWriteDirAcceptsFolderBesideInputs(t *testing.T) {
	source := t.TempDir()
	mustMkdir(t, filepath.Join(source, "static"))
	files := map[string][]byte{"index.html": []byte("home")}
	for _, dest := range []string{filepath.Join(source, "public"), filepath.Join(source, "static-preview")} {
		o := &Output{Files: files}
		if err := o.WriteDir(dest, WriteOptions{Source: source, Inputs: inputs}); err != nil {
			t.Fatalf("WriteDir(%s): %v", dest, err)
		}
		diffTree(t, readTree(t, dest), wantTree(files))
	}
}

// The root is checked without WriteDir: were the refusal ever to break, a
// test run as root must not start writing beside /.
func TestCheckDestRefusesFileSystemRoot(t *testing.T) {
	var de *DestError
	if err := checkDest("/", WriteOptions{}); !errors.As(err, &de) || !strings.Contains(de.Reason, "root") {
		t.Errorf("got %v; want a *DestError about the root", err)
	}
}

func TestWriteDirRejectsUnsafePaths(t *testing.T) {
	bad := map[string]map[string][]byte{
		"absolute":       {"/etc/passwd": nil},
		"dot dot":        {"../escape.html": nil},
		"inner dot dot":  {"a/../../escape.html": nil},
		"backslash":      {`a\..\..\escape.html`: nil},
		"NUL":            {"a\x00b": nil},
		"empty":          {"": nil},
		"dot":            {".": nil},
		"double slash":   {"a//b": nil},
		"trailing slash": {"a/": nil},
		"marker":         {MarkerName: nil},
		"file as folder": {"news": []byte("x"), "news/index.html": []byte("y")},
	}
	for name, files := range bad {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			o := &Output{Files: files}
			if err := o.WriteDir(dest, WriteOptions{}); err == nil {
				t.Fatal("got no error; want one")
			}
			if got := entries(t, parent); len(got) != 0 {
				t.Errorf("got %q in the parent; want nothing written", got)
			}
		})
	}
}

func TestWriteDirFailureKeepsPreviousSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string][]byte{
		"index.html":      []byte("previous home"),
		"news/index.html": []byte("previous news"),
	})
	before := readTree(t, dest)

	// Valid as a path, but its last part is longer than any file system
	// allows, so the write fails after the files sorted before it are written.
	o := &Output{Files: map[string][]byte{
		"index.html":      []byte("new home"),
		"news/index.html": []byte("new news"),
		"zzz/" + strings.Repeat("x", 300) + ".html": []byte("too long"),
	}}
	if err := o.WriteDir(dest, WriteOptions{}); err == nil {
		t.Fatal("got no error; want one")
	}

	diffTree(t, readTree(t, dest), before)
	if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: got %q; want only public (the temporary folder removed)", got)
	}
}

func TestWriteDirCleansUpAfterKilledBuild(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, dest, map[string][]byte{"index.html": []byte("v1")})

	// What builds killed at various points leave behind.
	killedMidWrite := filepath.Join(parent, tempPrefix("public")+"111")
	mustWrite(t, filepath.Join(killedMidWrite, MarkerName), markerText)
	mustWrite(t, filepath.Join(killedMidWrite, "news", "index.html"), "half")
	killedAtStart := filepath.Join(parent, tempPrefix("public")+"222")
	mustMkdir(t, killedAtStart)
	killedAfterSwap := filepath.Join(parent, trashPrefix("public")+"333")
	mustWrite(t, filepath.Join(killedAfterSwap, MarkerName), markerText)
	mustWrite(t, filepath.Join(killedAfterSwap, "index.html"), "v0")
	// Same pattern but not ours: left alone.
	notOurs := filepath.Join(parent, tempPrefix("public")+"mine")
	mustWrite(t, filepath.Join(notOurs, "notes.txt"), "keep")

	files := map[string][]byte{"index.html": []byte("v2")}
	write(t, dest, files)

	diffTree(t, readTree(t, dest), wantTree(files))
	want := []string{tempPrefix("public") + "mine", "public"}
	if got := entries(t, parent); !slices.Equal(got, want) {
		t.Errorf("beside dest: got %q; want %q", got, want)
	}
}

// A copy of the previous site that cannot be removed after the swap (its
// folders made read-only by another user, say) does not fail the build:
// the new site is in place. The caller is warned, with the folder and how
// to delete it, and the next build tries again.
func TestWriteDirWarnsOfAPreviousSiteItCannotRemove(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, dest, map[string][]byte{"index.html": []byte("v1")})
	var warnings []string
	opts := WriteOptions{Logf: func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }}
	cannot := func(dir string) error {
		return &fs.PathError{Op: "unlinkat", Path: filepath.Join(dir, "index.html"), Err: fs.ErrPermission}
	}

	v2 := map[string][]byte{"index.html": []byte("v2")}
	if err := (&Output{Files: v2}).writeDir(dest, opts, cannot); err != nil {
		t.Fatalf("writeDir: %v; want the site written", err)
	}
	diffTree(t, readTree(t, dest), wantTree(v2))
	left := leftovers(parent, tempPrefix("public"), true)
	if len(left) != 1 {
		t.Fatalf("beside dest: %q; want one leftover", entries(t, parent))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], left[0]) || !strings.Contains(warnings[0], "rm -rf") {
		t.Fatalf("warnings %q; want one naming %s and how to delete it", warnings, left[0])
	}

	// The next build tries again, and warns again if it cannot.
	warnings = nil
	if err := (&Output{Files: v2}).writeDir(dest, opts, cannot); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 || !strings.Contains(strings.Join(warnings, "\n"), left[0]) {
		t.Errorf("warnings %q; want the old leftover and the new one", warnings)
	}
	warnings = nil
	if err := (&Output{Files: v2}).WriteDir(dest, opts); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) || len(warnings) != 0 {
		t.Errorf("beside dest: %q, warnings %q; want only public and no warning", got, warnings)
	}
}

func TestWriteDirRestoresSiteOfInterruptedSwap(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, dest, map[string][]byte{"index.html": []byte("previous")})
	before := readTree(t, dest)
	// A build killed between the two renames of swapByRenames.
	if err := os.Rename(dest, filepath.Join(parent, trashPrefix("public")+"444")); err != nil {
		t.Fatal(err)
	}

	o := &Output{Files: map[string][]byte{"zzz/" + strings.Repeat("x", 300): nil}}
	if err := o.WriteDir(dest, WriteOptions{}); err == nil {
		t.Fatal("got no error; want one")
	}

	diffTree(t, readTree(t, dest), before)
}

func TestSwapByRenamesReplacesDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, dest, map[string][]byte{"old.html": []byte("old")})
	tmp := filepath.Join(parent, tempPrefix("public")+"555")
	mustWrite(t, filepath.Join(tmp, "new.html"), "new")

	old, err := swapByRenames(tmp, dest)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dest, "new.html")); err != nil || string(got) != "new" {
		t.Errorf("dest/new.html: got %q, %v; want %q", got, err, "new")
	}
	if got, err := os.ReadFile(filepath.Join(old, "old.html")); err != nil || string(got) != "old" {
		t.Errorf("old/old.html: got %q, %v; want %q", got, err, "old")
	}
	if want := trashPrefix("public") + "555"; filepath.Base(old) != want {
		t.Errorf("old: got %s; want %s", filepath.Base(old), want)
	}
}

func TestWriteDirSetsModTime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mtime := time.Unix(1700000000, 0)
	o := &Output{Files: map[string][]byte{"index.html": nil, "a/b/index.html": nil}}
	if err := o.WriteDir(dest, WriteOptions{ModTime: mtime}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".", MarkerName, "index.html", "a", "a/b", "a/b/index.html"} {
		info, err := os.Stat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().Equal(mtime) {
			t.Errorf("%s: got mtime %v; want %v", p, info.ModTime(), mtime)
		}
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, name, content string) {
	t.Helper()
	mustMkdir(t, filepath.Dir(name))
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWriteDirRefusesToDeleteFilesItDidNotWrite: a marked folder holding
// files its last build's manifest does not list (a deploy's .git made by
// `cd public && git init`, a hand-added CNAME, a link) is refused, naming
// them: replacing it deleted them without a word. Without a manifest, or
// with only the build's own files, it is replaced as before.
func TestWriteDirRefusesToDeleteFilesItDidNotWrite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{
		"index.html":   []byte("home"),
		"a/index.html": []byte("a"),
		"SHA256SUMS":   []byte("0000  index.html\n0000  a/index.html\n"),
	}
	opts := WriteOptions{Manifest: "SHA256SUMS"}
	for range 2 { // the second replaces a folder of its own files only
		if err := (&Output{Files: files}).WriteDir(dest, opts); err != nil {
			t.Fatalf("WriteDir: %v", err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dest, ".git", "objects"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dest, ".git", "objects", "x"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dest, ".git", "HEAD"), []byte("ref: refs/heads/main"), 0o644)
	os.WriteFile(filepath.Join(dest, "CNAME"), []byte("example.org"), 0o644)
	os.Symlink("/etc", filepath.Join(dest, "a", "leak"))
	err := (&Output{Files: files}).WriteDir(dest, opts)
	var de *DestError
	if !errors.As(err, &de) {
		t.Fatalf("WriteDir = %v; want a *DestError", err)
	}
	for _, want := range []string{"it holds files that samizdat did not write, which replacing it would delete: .git/, CNAME, a/leak;", "belongs in static/"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "CNAME")); err != nil {
		t.Errorf("the refused write removed CNAME: %v", err)
	}
	// Without a manifest to tell them by, the folder is replaced.
	if err := (&Output{Files: files}).WriteDir(dest, WriteOptions{}); err != nil {
		t.Fatalf("WriteDir without Manifest: %v", err)
	}
}

// TestWriteDirReplacesFileManagersLitter: the files Finder and Explorer
// leave in a folder they showed (.DS_Store, ._*, Thumbs.db, desktop.ini)
// blocked every later build, and the refusal asked to delete files the
// file manager hides. They are replaced with the rest now; a file of the
// user's beside them is still refused, by its path.
func TestWriteDirReplacesFileManagersLitter(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{
		"index.html":       []byte("home"),
		"posts/index.html": []byte("posts"),
		"SHA256SUMS":       []byte("0000  index.html\n0000  posts/index.html\n"),
	}
	opts := WriteOptions{Manifest: "SHA256SUMS"}
	write := func() error { return (&Output{Files: files}).WriteDir(dest, opts) }
	if err := write(); err != nil {
		t.Fatalf("WriteDir: %v", err)
	}
	litter := []string{".DS_Store", "posts/.DS_Store", "._index.html", "Thumbs.db", "posts/THUMBS.DB", "desktop.ini", "posts/Desktop.ini", "ehthumbs.db", ".directory", "posts/Icon\r"}
	for _, name := range litter {
		mustWrite(t, filepath.Join(dest, name), "litter")
	}
	if err := write(); err != nil {
		t.Fatalf("WriteDir over a file manager's litter: %v", err)
	}
	diffTree(t, readTree(t, dest), wantTree(files, "posts"))

	for _, name := range litter {
		mustWrite(t, filepath.Join(dest, name), "litter")
	}
	mustWrite(t, filepath.Join(dest, "posts", "notes.txt"), "mine")
	err := write()
	var de *DestError
	if !errors.As(err, &de) || !strings.HasSuffix(de.Reason, "would delete: posts/notes.txt") {
		t.Fatalf("WriteDir = %v; want a *DestError naming posts/notes.txt alone", err)
	}
}

// A new folder that a file manager has shown holds only its litter, and
// is as good as empty.
func TestWriteDirAcceptsFolderWithOnlyLitter(t *testing.T) {
	dest := t.TempDir()
	mustWrite(t, filepath.Join(dest, ".DS_Store"), "litter")
	mustWrite(t, filepath.Join(dest, "Thumbs.db"), "litter")
	files := map[string][]byte{"index.html": []byte("home")}
	write(t, dest, files)
	diffTree(t, readTree(t, dest), wantTree(files))
}

// TestWriteDirErrorsSayWhatTheSwapNeeds: a folder above dest that cannot be
// written in, or a dest that is a mount point, failed the write with the
// bare error of mkdir or rename. They are told apart by that error, and
// become a refusal that says what samizdat needs and how to do without
// it; any other error stays as it was.
func TestWriteDirErrorsSayWhatTheSwapNeeds(t *testing.T) {
	root := t.TempDir()
	source := filepath.Join(root, "site")
	dest := filepath.Join(root, "www", "html")
	opts := WriteOptions{Source: source}
	mkdir := func(errno syscall.Errno) error {
		return &fs.PathError{Op: "mkdir", Path: filepath.Join(root, "www", ".html.samizdat-tmp-1"), Err: errno}
	}
	rename := func(errno syscall.Errno) error {
		return &os.LinkError{Op: "rename", Old: filepath.Join(root, "www", ".html.samizdat-tmp-1"), New: dest, Err: errno}
	}
	tests := []struct {
		name   string
		err    error
		reason string // "" when the error must stay as it was
	}{
		{"folder above not writable", tempDirError(dest, opts, mkdir(syscall.EACCES)), "cannot make a folder in " + filepath.Join(root, "www") + " (permission denied)"},
		{"folder above not permitted", tempDirError(dest, opts, mkdir(syscall.EPERM)), "cannot make a folder in"},
		{"folder above read-only", tempDirError(dest, opts, mkdir(syscall.EROFS)), "cannot make a folder in"},
		{"disk full", tempDirError(dest, opts, mkdir(syscall.ENOSPC)), ""},
		{"mount point", swapError(dest, opts, rename(syscall.EBUSY)), "it is a mount point, or on another file system than " + filepath.Join(root, "www") + ", so it cannot be swapped (device or resource busy)"},
		{"another file system", swapError(dest, opts, rename(syscall.EXDEV)), "it is a mount point"},
		{"rename not permitted", swapError(dest, opts, rename(syscall.EPERM)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.reason == "" {
				var de *DestError
				if errors.As(tt.err, &de) || !strings.HasPrefix(tt.err.Error(), "write site to "+dest+": ") {
					t.Errorf("got %v; want the error as it was, after the folder", tt.err)
				}
				return
			}
			wantRefused(t, tt.err, tt.reason)
			for _, want := range []string{"builds the new site in a folder beside the output folder and then swaps the two, so the folder above it must be writable and the output folder must not be a mount point",
				"build to a folder elsewhere, such as " + filepath.Join(source, "public") + ", then copy it in: rsync -a --delete " + filepath.Join(source, "public") + "/ " + dest + "/"} {
				if !strings.Contains(tt.err.Error(), want) {
					t.Errorf("got %q; want it to say %q", tt.err, want)
				}
			}
		})
	}
}

// The folder offered to build into instead is never dest, inside it or
// beside it.
func TestCopyInHintOffersAnotherFolder(t *testing.T) {
	root := t.TempDir()
	for _, dest := range []string{filepath.Join(root, "site", "public"), filepath.Join(root, "site"), filepath.Join(root, "www")} {
		hint := copyInHint(dest, WriteOptions{Source: filepath.Join(root, "site")})
		alt, _, _ := strings.Cut(strings.TrimPrefix(hint, "build to a folder elsewhere, such as "), ",")
		if _, in := inside(alt, dest); in || filepath.Dir(alt) == filepath.Dir(dest) {
			t.Errorf("copyInHint(%s) = %q; want a folder away from it", dest, hint)
		}
	}
}
