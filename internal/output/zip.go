package output

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// ZipComment is the comment of every zip WriteZip writes: the zip's
// counterpart of MarkerName, by which a later build knows that the file is
// its own and may replace it. Like the marker it is a fixed sentence, so
// two builds of the same sources still give the same bytes.
//
// Readers see it too (unzip prints it), so it says what the zip is.
const ZipComment = "An offline copy of a website, made by samizdat: unzip it and open index.html in the folder it makes."

// oldZipComments are the ZipComments of earlier versions: their zips are
// samizdat's too.
var oldZipComments = []string{"Written by samizdat, which replaces this file whole on every build."}

// CheckZip returns a *DestError when the file name must not be replaced by
// a zip: when it is dest, the site's output folder, or inside it (the zip
// would be part of the site it holds, and the next WriteDir would refuse
// to delete it); when it is one of opts.Inputs or inside one (the site's
// site.toml, a page, a file in static/ that the next build would publish),
// a symbolic link, a folder, or an existing file that is not a zip with
// ZipComment; and when its folder does not exist or cannot be written in.
// A name inside a dest that WriteDir would refuse gets that refusal. A new
// name in a folder samizdat can write in is fine. Callers check before
// they build, so that a refused name leaves everything as it was.
func CheckZip(name, dest string, opts WriteOptions) error {
	name, err := filepath.Abs(name)
	if err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	refuse := func(reason, hint string) error {
		return &DestError{Dest: name, Reason: reason, Hint: hint}
	}
	if err := checkZipOutsideDest(name, dest, opts, refuse); err != nil {
		return err
	}
	if in := sourceInput(name, opts); in != "" {
		return refuse(inputReason(in), "give another file name, such as "+filepath.Join(absOrSame(opts.Source), "site.zip"))
	}
	if err := checkZipFolder(name, refuse); err != nil {
		return err
	}
	info, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write zip %s: %w", name, plainError(err))
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link", "give the file it points to, or a new file name")
	case info.IsDir():
		return refuse("it is a folder", "give a file name, such as "+filepath.Join(name, "site.zip"))
	case !isOwnZip(name):
		return refuse("it is a file that samizdat did not write (not a zip with samizdat's comment)",
			"give a new file name, or remove the file yourself if you mean to replace it")
	}
	return nil
}

// checkZipOutsideDest refuses a zip name that is the output folder dest or
// inside it, and suggests one beside dest instead ("site.zip" beside
// "public"). Such a dest is checked as WriteDir would first, so that a
// --dest that is refused anyway is what the user hears about.
func checkZipOutsideDest(name, dest string, opts WriteOptions, refuse func(reason, hint string) error) error {
	if dest == "" {
		return nil
	}
	dest = absOrSame(dest)
	rest, ok := inside(name, dest)
	if !ok {
		return nil
	}
	if err := checkDest(dest, opts); err != nil {
		return err
	}
	where := "it is inside the output folder " + dest
	if rest == "." {
		where = "it is the output folder"
	}
	base := filepath.Base(name)
	if rest == "." || !strings.EqualFold(filepath.Ext(base), ".zip") {
		base = "site.zip"
	}
	return refuse(where+", so the zip would be inside the site it holds and would block the next build, which refuses to delete files it did not write",
		"give a file name outside it, such as "+filepath.Join(filepath.Dir(dest), base))
}

// checkZipFolder refuses a zip whose folder is missing, is a file, or
// cannot be written in: WriteZip makes its temporary file there. It tries
// making one, the only test that is right for every system and user (root
// passes permission bits, a read-only mount does not).
func checkZipFolder(name string, refuse func(reason, hint string) error) error {
	dir := filepath.Dir(name)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return refuse("the folder "+dir+" does not exist", "make the folder first, or give a file name in a folder that exists")
	case err != nil:
		return fmt.Errorf("write zip %s: %w", name, plainError(err))
	case !info.IsDir():
		return refuse(dir+" is a file, not a folder", "give a file name in a folder, such as "+filepath.Join(filepath.Dir(dir), "site.zip"))
	}
	f, err := os.CreateTemp(dir, tempPrefix(filepath.Base(name))+"*")
	if err != nil {
		return refuse("samizdat cannot write in the folder "+dir+" ("+plainError(err).Error()+")",
			"give a file name in a folder you can write to")
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// plainError is err without the file name that *fs.PathError and
// *os.LinkError carry: for WriteZip that is its temporary file, which
// the user never named.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteZip writes the zip that write makes (publish.Zip, say) to the file
// name, after CheckZip with the output folder dest. The zip goes to a temporary file beside name
// (".<name>.samizdat-tmp-*"), must carry ZipComment (write sets it), gets
// mode 0644 and opts.ModTime, is fsynced and only then renamed over name: a
// write that fails or is killed never leaves a half zip under name. The
// temporary file of a killed write is removed by the next WriteZip.
func WriteZip(name, dest string, opts WriteOptions, write func(io.Writer) error) error {
	if err := CheckZip(name, dest, opts); err != nil {
		return err
	}
	name, err := filepath.Abs(name)
	if err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	dir, base := filepath.Dir(name), filepath.Base(name)
	for _, tmp := range leftovers(dir, tempPrefix(base), false) {
		os.Remove(tmp) // a killed WriteZip's; the name is samizdat's own
	}
	f, err := os.CreateTemp(dir, tempPrefix(base)+"*")
	if err != nil {
		return fmt.Errorf("write zip %s: %w", name, plainError(err))
	}
	err = fillZip(f, opts, write)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write zip %s: %w", name, plainError(err))
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("write zip %s: %w", name, plainError(err))
	}
	return nil
}

// fillZip writes the zip into the empty file f, checks it carries
// ZipComment, and sets its mode and time and fsyncs it.
func fillZip(f *os.File, opts WriteOptions, write func(io.Writer) error) error {
	if err := write(f); err != nil {
		return err
	}
	if info, err := f.Stat(); err != nil {
		return err
	} else if r, err := zip.NewReader(f, info.Size()); err != nil || r.Comment != ZipComment {
		// A zip without it could never be replaced by a later build.
		return fmt.Errorf("the zip written is not marked as samizdat's (%v)", err)
	}
	if err := f.Chmod(fileMode); err != nil {
		return err
	}
	if !opts.ModTime.IsZero() {
		if err := os.Chtimes(f.Name(), opts.ModTime, opts.ModTime); err != nil {
			return err
		}
	}
	return f.Sync()
}

// isOwnZip reports whether name is a zip with ZipComment.
func isOwnZip(name string) bool {
	r, err := zip.OpenReader(name)
	if err != nil {
		return false
	}
	defer r.Close()
	return r.Comment == ZipComment || slices.Contains(oldZipComments, r.Comment)
}
