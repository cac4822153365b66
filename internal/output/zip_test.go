package output

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// zipOf returns a write function for WriteZip that zips files the way
// publish.Zip does, with ZipComment.
func zipOf(files map[string]string) func(io.Writer) error { return zipWith(ZipComment, files) }

// zipWith is zipOf with another comment ("" for none, as other programs).
func zipWith(comment string, files map[string]string) func(io.Writer) error {
	return func(w io.Writer) error {
		zw := zip.NewWriter(w)
		if err := zw.SetComment(comment); err != nil {
			return err
		}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			f, err := zw.Create(name)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(f, files[name]); err != nil {
				return err
			}
		}
		return zw.Close()
	}
}

// readZip returns the files of the zip name and its comment.
func readZip(t *testing.T, name string) (map[string]string, string) {
	t.Helper()
	r, err := zip.OpenReader(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer r.Close()
	got := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got[f.Name] = string(b)
	}
	return got, r.Comment
}

func TestWriteZipReplacesItsOwnZip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "site.zip")
	opts := WriteOptions{Source: dir, Inputs: inputs}
	if err := WriteZip(name, "", opts, zipOf(map[string]string{"index.html": "v1", "old.html": "old"})); err != nil {
		t.Fatalf("first WriteZip: %v", err)
	}
	next := map[string]string{"index.html": "v2", "news/index.html": "news"}
	if err := WriteZip(name, "", opts, zipOf(next)); err != nil {
		t.Fatalf("second WriteZip: %v", err)
	}
	got, comment := readZip(t, name)
	if !maps.Equal(got, next) {
		t.Errorf("zip holds %q; want %q", got, next)
	}
	if comment != ZipComment {
		t.Errorf("zip comment %q; want %q", comment, ZipComment)
	}
	if info, err := os.Stat(name); err != nil || info.Mode().Perm() != fileMode {
		t.Errorf("zip mode: %v, %v; want %v", info.Mode().Perm(), err, fileMode)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"site.zip"}) {
		t.Errorf("beside the zip: got %q; want only site.zip", got)
	}
}

// A zip without ZipComment could never be replaced by a later build: it
// is refused, and nothing is left behind.
func TestWriteZipRefusesAZipWithoutItsComment(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "site.zip")
	err := WriteZip(name, "", WriteOptions{}, zipWith("", map[string]string{"index.html": "home"}))
	if err == nil || !strings.Contains(err.Error(), "not marked as samizdat's") {
		t.Errorf("got %v; want the zip refused as not marked", err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("left %q; want nothing", got)
	}
}

func TestWriteZipRefusesFilesItDidNotWrite(t *testing.T) {
	root := t.TempDir()
	source := filepath.Join(root, "site")
	mustWrite(t, filepath.Join(source, "site.toml"), "title = 'x'")
	mustWrite(t, filepath.Join(source, "content", "about", "_index.md"), "---\ntitle: About\n---\n")
	mustMkdir(t, filepath.Join(source, "static"))
	mustWrite(t, filepath.Join(root, "important.txt"), "my own words")
	mustMkdir(t, filepath.Join(root, "folder"))
	if err := os.Symlink(filepath.Join(root, "important.txt"), filepath.Join(root, "link.zip")); err != nil {
		t.Fatal(err)
	}
	// A zip that some other program wrote.
	other, err := os.Create(filepath.Join(root, "other.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zipWith("", map[string]string{"mine.txt": "mine"})(other); err != nil {
		t.Fatal(err)
	}
	other.Close()

	tests := []struct{ name, zip, reason string }{
		{"the site's config file", filepath.Join(source, "site.toml"), "site.toml in the site's source folder"},
		{"a page", filepath.Join(source, "content", "about", "_index.md"), "content/about/_index.md in the site's source folder"},
		{"a new file in static", filepath.Join(source, "static", "site.zip"), "static/site.zip in the site's source folder"},
		{"a file of its own", filepath.Join(root, "important.txt"), "samizdat did not write"},
		{"a zip of another program", filepath.Join(root, "other.zip"), "samizdat did not write"},
		{"a symbolic link", filepath.Join(root, "link.zip"), "symbolic link"},
		{"a folder", filepath.Join(root, "folder"), "folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readTree(t, root)
			err := WriteZip(tt.zip, "", WriteOptions{Source: source, Inputs: inputs}, zipOf(map[string]string{"index.html": "home"}))
			wantRefused(t, err, tt.reason)
			diffTree(t, readTree(t, root), before)
		})
	}
}

func TestWriteZipFailureLeavesNoHalfZip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "site.zip")
	first := map[string]string{"index.html": "v1"}
	if err := WriteZip(name, "", WriteOptions{}, zipOf(first)); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer) error {
		if _, err := w.Write([]byte("PK\x03\x04 half a zip")); err != nil {
			return err
		}
		return errors.New("disk full")
	}
	if err := WriteZip(name, "", WriteOptions{}, failing); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v; want the write's error", err)
	}
	if err := WriteZip(filepath.Join(dir, "new.zip"), "", WriteOptions{}, failing); err == nil {
		t.Fatal("got no error; want one")
	}
	if got, _ := readZip(t, name); !maps.Equal(got, first) {
		t.Errorf("after a failed write the zip holds %q; want the previous %q", got, first)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"site.zip"}) {
		t.Errorf("beside the zip: got %q; want only site.zip", got)
	}
}

// A zip write killed before its rename leaves a temporary file; the next
// WriteZip of the same name removes it.
func TestWriteZipRemovesLeftoverOfKilledWrite(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, tempPrefix("site.zip")+"123"), "PK half")
	mustWrite(t, filepath.Join(dir, tempPrefix("other.zip")+"123"), "PK not this one's")
	if err := WriteZip(filepath.Join(dir, "site.zip"), "", WriteOptions{}, zipOf(map[string]string{"a": "b"})); err != nil {
		t.Fatal(err)
	}
	want := []string{tempPrefix("other.zip") + "123", "site.zip"}
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("beside the zip: got %q; want %q", got, want)
	}
}

// The zip's folder is checked with the rest, before any build: a folder
// that is missing, a file, or not writable is refused by the user's name.
func TestCheckZipRefusesFolderItCannotWriteIn(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "notes.txt"), "my own words")
	locked := filepath.Join(root, "locked")
	readOnlyDir(t, locked)
	tests := []struct{ name, zip, reason string }{
		{"a missing folder", filepath.Join(root, "missing", "dir", "x.zip"), "the folder " + filepath.Join(root, "missing", "dir") + " does not exist"},
		{"a file as folder", filepath.Join(root, "notes.txt", "x.zip"), filepath.Join(root, "notes.txt") + " is a file, not a folder"},
		{"a read-only folder", filepath.Join(locked, "x.zip"), "cannot write in the folder " + locked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readTree(t, root)
			err := CheckZip(tt.zip, "", WriteOptions{})
			wantRefused(t, err, tt.reason)
			if !strings.Contains(err.Error(), tt.zip) || strings.Contains(err.Error(), "samizdat-tmp") {
				t.Errorf("got %q; want it to name %s and no temporary file", err, tt.zip)
			}
			diffTree(t, readTree(t, root), before)
		})
	}
}

// An error of the write names the zip the user gave, not the temporary
// file it was being written to.
func TestWriteZipErrorNamesTheZip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "site.zip")
	full := func(w io.Writer) error {
		// A disk full fails with the name of the file written to.
		tmp := "?"
		if f, ok := w.(interface{ Name() string }); ok {
			tmp = f.Name()
		}
		return &fs.PathError{Op: "write", Path: tmp, Err: syscall.ENOSPC}
	}
	err := WriteZip(name, "", WriteOptions{}, full)
	if err == nil || !strings.Contains(err.Error(), name) || strings.Contains(err.Error(), "samizdat-tmp") || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("got %v; want an error naming %s and the cause, and no temporary file", err, name)
	}
}

// A zip an earlier samizdat wrote, with its comment of then, is
// samizdat's own: a build may replace it.
func TestOldZipCommentsAreOwn(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "site.zip")
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	if err := zw.SetComment(oldZipComments[0]); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckZip(name, "", WriteOptions{}); err != nil {
		t.Errorf("a zip with an earlier samizdat comment was refused: %v", err)
	}
}

// TestCheckZipRefusesNameInOutputFolder: a zip written into public/ was
// accepted, and the hint for --zip public even suggested public/site.zip;
// the next build then refused public/, which held a file it did not write.
// Such a name is refused now, with a name beside the folder as the hint.
func TestCheckZipRefusesNameInOutputFolder(t *testing.T) {
	root := t.TempDir()
	source := filepath.Join(root, "site")
	mustWrite(t, filepath.Join(source, "site.toml"), "title = 'x'")
	dest := filepath.Join(source, "public")
	opts := WriteOptions{Source: source, Inputs: inputs, Manifest: "SHA256SUMS"}
	files := map[string][]byte{"index.html": []byte("home"), "posts/index.html": []byte("posts"), "SHA256SUMS": []byte("0000  index.html\n0000  posts/index.html\n")}
	if err := (&Output{Files: files}).WriteDir(dest, opts); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dest, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, zip, dest, reason, suggest string }{
		{"a new file in it", filepath.Join(dest, "site.zip"), dest, "inside the output folder " + dest, filepath.Join(source, "site.zip")},
		{"a file in a folder in it", filepath.Join(dest, "posts", "offline.zip"), dest, "inside the output folder", filepath.Join(source, "offline.zip")},
		{"the folder itself", dest, dest, "it is the output folder", filepath.Join(source, "site.zip")},
		{"by relative name", "./public/site.zip", dest, "inside the output folder", filepath.Join(source, "site.zip")},
		{"through a link to it", filepath.Join(root, "link", "site.zip"), dest, "inside the output folder", filepath.Join(source, "site.zip")},
		{"in an output folder not made yet", filepath.Join(root, "new", "site.zip"), filepath.Join(root, "new"), "inside the output folder", filepath.Join(root, "site.zip")},
		{"in an output folder refused anyway", filepath.Join(source, "site.zip"), source, "it is the site's source folder", filepath.Join(source, "public")},
	}
	t.Chdir(source)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readTree(t, root)
			err := CheckZip(tt.zip, tt.dest, opts)
			wantRefused(t, err, tt.reason)
			if de := (*DestError)(nil); errors.As(err, &de) && !strings.HasSuffix(de.Hint, ", such as "+tt.suggest) {
				t.Errorf("got hint %q; want it to suggest %s", de.Hint, tt.suggest)
			}
			diffTree(t, readTree(t, root), before)
		})
	}
	// Beside the output folder is fine.
	if err := CheckZip(filepath.Join(source, "site.zip"), dest, opts); err != nil {
		t.Errorf("CheckZip beside the output folder: %v", err)
	}
}
