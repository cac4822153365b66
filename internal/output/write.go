package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/samizdat-press/samizdat/internal/editorfile"
)

// MarkerName is the file WriteDir puts at the root of every folder it writes,
// so that a later build knows the folder is its own and may replace it.
//
// The marker is not one of Output.Files, so the dev server, which serves from
// memory, never shows it. A deploy that copies the whole folder will upload
// it; it holds a fixed sentence and nothing about the build or the machine.
// Exclude it from the upload if you like (rsync --exclude=.samizdat-output).
const MarkerName = ".samizdat-output"

const markerText = "This folder is written by samizdat, which replaces it whole on every build.\n" +
	"A file added here by hand stops the next build until it is moved out: files the site needs belong in static/.\n"

// Modes of everything WriteDir writes, set explicitly so the umask of the
// machine that builds does not change the published site.
const (
	fileMode fs.FileMode = 0o644
	dirMode  fs.FileMode = 0o755
)

// syncWorkers is how many fsyncs run at once. A journaling file system
// commits concurrent fsyncs together: on ext4 this made fsyncing 3 000 files
// about four times faster than one at a time.
const syncWorkers = 16

// WriteOptions says what WriteDir must know beyond the files themselves.
// The zero value works but skips the source-folder check.
type WriteOptions struct {
	// Source is the site's source folder. WriteDir refuses a destination that
	// is this folder or one of its parents. The CLI always sets it.
	Source string
	// Inputs are the folders and files in Source that a build reads
	// ("content", "static", "site.toml"…). WriteDir refuses a destination
	// that is one of them or inside one: the next build would read the
	// output back as part of the site and publish it (a draft preview
	// written to static/preview, say). The CLI always sets it.
	Inputs []string
	// ModTime, when not zero, becomes the modification time of every file and
	// folder written, so that two builds of the same sources match down to
	// their timestamps. The CLI sets it from SOURCE_DATE_EPOCH
	// (reproducible-builds.org); zero leaves the times of the clock.
	ModTime time.Time
	// Manifest, when set, names the file in which a build lists every file
	// it wrote ("SHA256SUMS", lines "<hash>  <path>"). WriteDir then refuses
	// a marked dest holding a file its last build's manifest does not list:
	// a hand-added CNAME, or the git repository of a deploy made by `cd
	// public && git init`, which the swap would delete without a word.
	Manifest string
	// Logf, when set, is told what went wrong without failing the write:
	// a copy of an earlier site that could not be removed after the swap
	// (the new site is in place; the next WriteDir tries again). The CLI
	// prints it as a warning.
	Logf func(format string, args ...any)
}

// DestError is the error WriteDir returns when it refuses a destination.
// Nothing has been written or removed when it is returned.
type DestError struct {
	Dest   string // absolute path of the refused folder
	Reason string // what is wrong with it
	Hint   string // what to do instead
}

func (e *DestError) Error() string {
	return fmt.Sprintf("refusing to write the site to %s: %s; %s", e.Dest, e.Reason, e.Hint)
}

// WriteDir writes the files of o to the folder dest, replacing whatever
// samizdat wrote there before. Files of earlier builds that this build does
// not produce are gone afterwards.
//
// The site is written in full into a temporary folder beside dest
// (".<name>.samizdat-tmp-*"), every file and folder is fsynced, and only then
// does the new folder take dest's place: on Linux by one atomic exchange, on
// other systems (or file systems without the exchange) by two renames. So a
// build that fails or is killed leaves the previous site untouched; the
// temporary folder it may leave behind is removed by the next WriteDir. The
// previous site is removed after the swap; a copy of it that cannot be (its
// folders made read-only by another user, say) stays beside dest, is
// reported to opts.Logf and is tried again by the next WriteDir. With
// the two renames there is a moment without dest; a build killed exactly then
// leaves the previous site beside dest, and the next WriteDir puts it back
// before it starts.
//
// WriteDir refuses, with a *DestError, a destination that is the root of the
// file system, the user's home folder, the source folder or a parent of it,
// one of the source's Inputs or a folder inside one, a symbolic link, a file, or a folder that already holds files but has no
// MarkerName file. The litter file managers leave (.DS_Store, Thumbs.db…)
// does not count as files there, and goes with the rest. It refuses paths in Files that could land outside dest
// (absolute, "..", backslashes, NUL bytes) or that name both a file and a
// folder. Folders are made in sorted order, files written syncWorkers at a time,
// with modes 0644 and 0755.
//
// The swap needs a folder above dest that can be written in, and a dest
// that is not a mount point (a Docker volume, a tmpfs): when making the
// temporary folder or the swap fails for want of either, WriteDir returns
// a *DestError saying so and how to publish there instead (build
// elsewhere and copy in), and dest is as it was. It never falls back to
// writing into dest in place, which readers would see half done.
//
// Two WriteDir calls writing beside each other take turns (a lock on
// dest's parent folder; not on Windows, where they must not overlap).
func (o *Output) WriteDir(dest string, opts WriteOptions) error {
	return o.writeDir(dest, opts, removeTree)
}

// writeDir is WriteDir with the function that removes the folders of
// earlier builds, which tests replace to see what a removal that fails
// does.
func (o *Output) writeDir(dest string, opts WriteOptions, remove func(dir string) error) error {
	if dest == "" {
		return errors.New("write site: no output folder given")
	}
	dest, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if err := o.checkPaths(); err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	parent, name := filepath.Dir(dest), filepath.Base(dest)
	if err := checkDest(dest, opts); err != nil {
		return err
	}
	if err := os.MkdirAll(parent, dirMode); err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	unlock, waited, err := lockDir(parent)
	if err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	defer unlock()
	if waited && opts.Logf != nil {
		opts.Logf("waited for another samizdat build writing to %s to finish", parent)
	}
	// A missing dest passes checkDest whether or not a killed build left
	// the previous site beside it; put it back before anything else.
	restoreInterrupted(parent, name)
	removeLeftovers(parent, name, opts, remove)

	tmp, err := os.MkdirTemp(parent, tempPrefix(name))
	if err != nil {
		return tempDirError(dest, opts, err)
	}
	if err := o.fill(tmp, opts.ModTime); err != nil {
		remove(tmp)
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	old, err := swap(tmp, dest)
	if err != nil {
		return swapError(dest, opts, err)
	}
	if err := syncDir(parent); err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	if old != "" {
		// The new site is in place: the publish has succeeded whether or
		// not the old copy goes.
		if err := remove(old); err != nil {
			opts.warnLeftover(old, err)
		}
	}
	return nil
}

// swapNeeds is what WriteDir needs of dest and the folder above it, said
// when the error of making the temporary folder or of the swap shows that
// one of them is missing.
const swapNeeds = "builds the new site in a folder beside the output folder and then swaps the two, " +
	"so the folder above it must be writable and the output folder must not be a mount point"

// tempDirError is the error of making the temporary folder beside dest. A
// folder above dest that cannot be written in (its permissions, a
// read-only file system) gets a *DestError saying what WriteDir needs and
// how to do without it; nothing has been written then.
func tempDirError(dest string, opts WriteOptions, err error) error {
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	reason := fmt.Sprintf("samizdat cannot make a folder in %s (%v): it %s", filepath.Dir(dest), plainError(err), swapNeeds)
	return &DestError{Dest: dest, Reason: reason, Hint: copyInHint(dest, opts)}
}

// swapError is the error of swapping the new site in for dest. A dest
// that is a mount point (a Docker volume, a tmpfs), which no rename can
// move, gets a *DestError saying what WriteDir needs and how to do
// without it; swap has left dest as it was and removed the new site then.
func swapError(dest string, opts WriteOptions, err error) error {
	if !errors.Is(err, syscall.EBUSY) && !errors.Is(err, syscall.EXDEV) {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	reason := fmt.Sprintf("it is a mount point, or on another file system than %s, so it cannot be swapped (%v): samizdat %s",
		filepath.Dir(dest), plainError(err), swapNeeds)
	return &DestError{Dest: dest, Reason: reason, Hint: copyInHint(dest, opts)}
}

// copyInHint says how to publish to a dest that WriteDir cannot swap:
// build into a folder it can, and copy that into dest. The folder offered
// is public/ in the source folder, unless that is dest, inside it or
// beside it (the folder above may be the one that cannot be written in).
func copyInHint(dest string, opts WriteOptions) string {
	alt := filepath.Join(os.TempDir(), "samizdat-"+filepath.Base(dest))
	if opts.Source != "" {
		public := filepath.Join(absOrSame(opts.Source), "public")
		if _, in := inside(public, dest); !in && filepath.Dir(public) != filepath.Dir(dest) {
			alt = public
		}
	}
	return fmt.Sprintf("build to a folder elsewhere, such as %s, then copy it in: rsync -a --delete %s/ %s/", alt, alt, dest)
}

// warnLeftover tells opts.Logf of the copy of an earlier site in dir that
// could not be removed, and how to delete it.
func (opts WriteOptions) warnLeftover(dir string, err error) {
	if opts.Logf == nil {
		return
	}
	opts.Logf("the site is written, but the copy of an earlier build in %s could not be removed: %v\n"+
		"    the next build tries again; or delete it yourself: chmod -R u+w '%s' && rm -rf '%s'", dir, err, dir, dir)
}

// removeTree removes a folder samizdat wrote, its MarkerName file last: a
// removal that fails halfway (a read-only folder inside) leaves a folder
// that the next build still knows as its own, and removes. It removes all
// it can and returns the first error, which says enough: a read-only
// folder makes every name in it fail alike.
func removeTree(dir string) error {
	entries, first := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == MarkerName {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return first
	}
	return os.RemoveAll(dir)
}

func tempPrefix(name string) string  { return "." + name + ".samizdat-tmp-" }
func trashPrefix(name string) string { return "." + name + ".samizdat-old-" }

// checkPaths reports every path in Files that is unsafe to join to a folder,
// and every path that is both a file and the parent of another file.
func (o *Output) checkPaths() error {
	var errs []error
	for _, p := range o.Paths() {
		if err := checkPath(p); err != nil {
			errs = append(errs, err)
			continue
		}
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			if _, ok := o.Files[dir]; ok {
				errs = append(errs, fmt.Errorf("output path %q is a file, so %q cannot be inside it", dir, p))
				break
			}
		}
	}
	return errors.Join(errs...)
}

func checkPath(p string) error {
	switch {
	case strings.ContainsRune(p, 0):
		return fmt.Errorf("output path %q contains a NUL byte", p)
	case strings.Contains(p, `\`):
		return fmt.Errorf("output path %q contains a backslash; use / between folders", p)
	case p == "." || !fs.ValidPath(p) || !filepath.IsLocal(filepath.FromSlash(p)):
		return fmt.Errorf("output path %q must be relative, clean and inside the output folder", p)
	case p == MarkerName:
		return fmt.Errorf("output path %q is the name samizdat uses to mark its output folders", p)
	}
	return nil
}

// checkDest returns a *DestError when dest must not be replaced. It compares
// folders with os.SameFile, so symbolic links, bind mounts and the letter
// case of case-insensitive file systems cannot hide a match.
func checkDest(dest string, opts WriteOptions) error {
	refuse := func(reason, hint string) error {
		return &DestError{Dest: dest, Reason: reason, Hint: hint}
	}
	if in := sourceInput(dest, opts); in != "" {
		return refuse(inputReason(in), "give another folder, such as "+filepath.Join(absOrSame(opts.Source), "public"))
	}
	info, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link", "give the folder it points to, or a new folder")
	case !info.IsDir():
		return refuse("it is a file, not a folder", "give a new folder, or remove the file yourself")
	case filepath.Dir(dest) == dest:
		return refuse("it is the root of the file system", "give a new folder, such as ./public")
	}
	if home, err := os.UserHomeDir(); err == nil && sameDir(info, home) {
		return refuse("it is your home folder", "give a new folder, such as "+filepath.Join(home, "public"))
	}
	if opts.Source != "" {
		if err := checkNotAbove(info, opts.Source, refuse); err != nil {
			return err
		}
	}
	if isMarked(dest) {
		if foreign := foreignFiles(dest, opts.Manifest); len(foreign) > 0 {
			return refuse("it holds files that samizdat did not write, which replacing it would delete: "+strings.Join(foreign, ", "),
				"move them out of the folder first (a CNAME or other file the site needs belongs in static/; a git repository "+
					"to deploy from belongs elsewhere, with the site copied into it), or delete them yourself")
		}
		return nil
	}
	empty, err := isEmptyDir(dest)
	if err != nil {
		return fmt.Errorf("write site to %s: %w", dest, err)
	}
	if !empty {
		return refuse("it already holds files that samizdat did not write (it has no "+MarkerName+" file)",
			"give a new or empty folder, or empty this one yourself if you mean to replace it")
	}
	return nil
}

// checkNotAbove refuses dest when it is source or one of source's parents,
// by name and by real path.
func checkNotAbove(dest fs.FileInfo, source string, refuse func(reason, hint string) error) error {
	abs, err := filepath.Abs(source)
	if err != nil {
		return fmt.Errorf("source folder %s: %w", source, err)
	}
	starts := []string{abs}
	if real, err := filepath.EvalSymlinks(abs); err == nil && real != abs {
		starts = append(starts, real)
	}
	for _, start := range starts {
		for dir := start; ; dir = filepath.Dir(dir) {
			if sameDir(dest, dir) {
				if dir == start {
					return refuse("it is the site's source folder",
						"give a folder for the output, such as "+filepath.Join(abs, "public"))
				}
				return refuse("it holds the site's source folder "+abs,
					"give a folder for the output, such as "+filepath.Join(abs, "public"))
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return nil
}

// sourceInput returns the entry of opts.Inputs that the absolute path p is
// or is inside, with the rest of p below it ("static/preview"), or "" when
// p is outside them all. An input's name is matched in any letter case, so
// that one that does not exist yet is matched on case-insensitive file
// systems too.
func sourceInput(p string, opts WriteOptions) string {
	if opts.Source == "" || len(opts.Inputs) == 0 {
		return ""
	}
	source := absOrSame(opts.Source)
	for _, rel := range relsInside(p, source) {
		first, rest, _ := strings.Cut(rel, "/")
		for _, in := range opts.Inputs {
			if strings.EqualFold(first, in) {
				return path.Join(in, rest)
			}
		}
	}
	dirs := make([]string, len(opts.Inputs))
	for i, in := range opts.Inputs {
		dirs[i] = filepath.Join(source, in)
	}
	if i, rest := sameFolderAbove(p, dirs); i >= 0 {
		return path.Join(opts.Inputs[i], rest)
	}
	return ""
}

// inside reports whether the absolute path p is the folder dir or inside
// it, and returns the rest of p below dir ("." for dir itself).
func inside(p, dir string) (rest string, ok bool) {
	if rels := relsInside(p, dir); len(rels) > 0 {
		return rels[0], true
	}
	if i, rest := sameFolderAbove(p, []string{dir}); i == 0 {
		return rest, true
	}
	return "", false
}

// relsInside returns the slash paths of p below dir, one for each way of
// naming both that puts p in dir: as given and with their symbolic links
// resolved. Being only names, these match folders that do not exist yet.
func relsInside(p, dir string) []string {
	var rels []string
	for _, d := range []string{dir, realPath(dir)} {
		for _, q := range []string{p, realPath(p)} {
			if rel, err := filepath.Rel(d, q); err == nil && filepath.IsLocal(rel) {
				rels = append(rels, filepath.ToSlash(rel))
			}
		}
	}
	return rels
}

// sameFolderAbove returns the index in dirs of the folder that p or an
// existing folder above it is, by os.SameFile, so that neither a bind
// mount nor letter case hides it, and the rest of p below that folder;
// -1 when there is none.
func sameFolderAbove(p string, dirs []string) (int, string) {
	for dir := p; ; dir = filepath.Dir(dir) {
		if info, err := os.Stat(dir); err == nil {
			for i, d := range dirs {
				if sameDir(info, d) {
					rel, _ := filepath.Rel(dir, p)
					return i, filepath.ToSlash(rel)
				}
			}
		}
		if filepath.Dir(dir) == dir {
			return -1, ""
		}
	}
}

// inputReason says why a path that sourceInput matched is refused.
func inputReason(in string) string {
	return "it is " + in + " in the site's source folder, which samizdat reads to build the site"
}

// realPath is p with the symbolic links of its deepest existing folder
// resolved and the rest, which does not exist yet, kept as given.
func realPath(p string) string {
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// absOrSame is the absolute form of p, or p itself when the working
// folder cannot be found.
func absOrSame(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

func sameDir(info fs.FileInfo, dir string) bool {
	other, err := os.Stat(dir)
	return err == nil && os.SameFile(info, other)
}

// maxForeign is how many foreign entries the refusal names.
const maxForeign = 5

// foreignFiles lists what in dir, a marked output folder, holds a file
// the manifest of its last build does not list: top-level files by name,
// a folder with one such file by that file's path ("posts/notes.txt"), a
// folder with more by its name and a "/" (".git/"). The litter of file
// managers does not count (see disposable). None when there is no
// manifest (nothing to tell them by) or manifest is "".
func foreignFiles(dir, manifest string) []string {
	if manifest == "" {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, manifest))
	if err != nil {
		return nil
	}
	written := map[string]bool{MarkerName: true, manifest: true}
	for line := range strings.Lines(string(data)) {
		if _, name, ok := strings.Cut(strings.TrimRight(line, "\n"), "  "); ok {
			written[name] = true
		}
	}
	var out []string
	count := map[string]int{} // foreign files under each top-level name
	// WalkDir goes in lexical order, so the files under one top-level
	// folder come one after another, and its entry is the last of out.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type().IsRegular() && disposable(d.Name()) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if written[rel] {
			return nil
		}
		top, _, nested := strings.Cut(rel, "/")
		count[top]++
		switch {
		case !nested || count[top] == 1:
			out = append(out, rel)
		case count[top] == 2:
			out[len(out)-1] = top + "/"
		}
		if len(out) > maxForeign {
			return fs.SkipAll
		}
		return nil
	})
	if len(out) > maxForeign {
		out = append(out[:maxForeign], "…")
	}
	return out
}

// disposable reports whether name is one of the files that file managers
// leave in the folders they show (editorfile.FileManager: Finder's
// .DS_Store, Explorer's Thumbs.db, KDE's .directory…): opening public/ in
// one must not block the next build, and replacing the folder loses
// nothing by deleting them with the rest.
func disposable(name string) bool { return editorfile.FileManager(name) }

func isMarked(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, MarkerName))
	return err == nil && info.Mode().IsRegular()
}

// isEmptyDir reports whether dir holds nothing, or nothing but disposable
// files.
func isEmptyDir(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	for {
		entries, err := f.ReadDir(64)
		for _, e := range entries {
			if !e.Type().IsRegular() || !disposable(e.Name()) {
				return false, nil
			}
		}
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// restoreInterrupted puts back a previous site that a build killed between
// the two renames of the fallback swap left beside a missing dest.
func restoreInterrupted(parent, name string) {
	dest := filepath.Join(parent, name)
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	for _, old := range leftovers(parent, trashPrefix(name), true) {
		if isMarked(old) && os.Rename(old, dest) == nil {
			return
		}
	}
}

// removeLeftovers removes the temporary folders of earlier builds that were
// killed or failed to clean up, and warns of those it still cannot remove. A
// leftover without the marker is removed only if it is empty: it may be the
// empty folder an earlier build replaced.
func removeLeftovers(parent, name string, opts WriteOptions, remove func(dir string) error) {
	for _, prefix := range []string{tempPrefix(name), trashPrefix(name)} {
		for _, dir := range leftovers(parent, prefix, true) {
			if isMarked(dir) {
				if err := remove(dir); err != nil {
					opts.warnLeftover(dir, err)
				}
			} else {
				os.Remove(dir)
			}
		}
	}
}

// leftovers lists the folders (dirs true) or the other entries in parent
// whose names start with prefix.
func leftovers(parent, prefix string, dirs bool) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() == dirs && strings.HasPrefix(e.Name(), prefix) {
			names = append(names, filepath.Join(parent, e.Name()))
		}
	}
	return names
}

// fill writes the marker and every file into the empty folder root, sets the
// times and fsyncs it all. Folders are made first, in sorted order; the
// files are then written by syncWorkers goroutines, each file fsynced
// through the handle that wrote it.
func (o *Output) fill(root string, modTime time.Time) error {
	if err := os.Chmod(root, dirMode); err != nil {
		return err
	}
	// The marker first: a leftover of a build killed while writing is
	// recognised by it.
	if err := writeFile(filepath.Join(root, MarkerName), []byte(markerText), modTime); err != nil {
		return err
	}
	paths := o.Paths()
	dirs := []string{root}
	made := map[string]bool{".": true}
	for _, p := range paths {
		newDirs, err := makeParents(root, path.Dir(p), made)
		if err != nil {
			return err
		}
		dirs = append(dirs, newDirs...)
	}
	err := parallel(len(paths), func(i int) error {
		p := paths[i]
		if err := writeFile(filepath.Join(root, filepath.FromSlash(p)), o.Files[p], modTime); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !modTime.IsZero() {
		// After every file: writing into a folder changes its time.
		if err := setTimes(dirs, modTime); err != nil {
			return err
		}
	}
	return syncAll(dirs, syncDir)
}

// parallel calls fn for every index in [0,n) on syncWorkers goroutines and
// returns the error of the lowest index that failed, so the error does not
// depend on scheduling.
func parallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(syncWorkers, n) {
		wg.Go(func() {
			for {
				next.Lock()
				j := i
				i++
				next.Unlock()
				if j >= n {
					return
				}
				errs[j] = fn(j)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// makeParents creates dir (a slash path under root) and the parents it
// lacks, and returns the folders it created, parents first.
func makeParents(root, dir string, made map[string]bool) ([]string, error) {
	if made[dir] {
		return nil, nil
	}
	created, err := makeParents(root, path.Dir(dir), made)
	if err != nil {
		return nil, err
	}
	name := filepath.Join(root, filepath.FromSlash(dir))
	if err := os.Mkdir(name, dirMode); err != nil {
		return nil, fmt.Errorf("make folder %s: %w", dir, err)
	}
	if err := os.Chmod(name, dirMode); err != nil {
		return nil, fmt.Errorf("make folder %s: %w", dir, err)
	}
	made[dir] = true
	return append(created, name), nil
}

// writeFile creates name, which must not exist, so that nothing already in
// the folder (a link planted there, say) is followed; it sets the file's
// times to modTime unless that is zero, and fsyncs it.
func writeFile(name string, data []byte, modTime time.Time) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(fileMode)
	}
	if err == nil && !modTime.IsZero() {
		err = os.Chtimes(name, modTime, modTime)
	}
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// setTimes gives every folder the time t, deepest first because setting a
// folder's time does not change its parent's, but making one in it does.
func setTimes(dirs []string, t time.Time) error {
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Chtimes(dirs[i], t, t); err != nil {
			return err
		}
	}
	return nil
}

// syncAll calls sync on every name, syncWorkers at a time, and returns every
// error.
func syncAll(names []string, sync1 func(string) error) error {
	work := make(chan string)
	errs := make([]error, syncWorkers)
	var wg sync.WaitGroup
	for i := range syncWorkers {
		wg.Go(func() {
			for name := range work {
				if err := sync1(name); err != nil {
					errs[i] = errors.Join(errs[i], err)
				}
			}
		})
	}
	for _, name := range names {
		work <- name
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

func syncDir(name string) error {
	if runtime.GOOS == "windows" {
		return nil // folders cannot be opened for fsync there; NTFS journals renames itself
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// swap puts the finished folder tmp in dest's place and returns the folder
// now holding the previous site, for the caller to remove ("" if none). When
// swap fails, dest is as it was and tmp has been removed, unless the error
// says otherwise.
func swap(tmp, dest string) (old string, err error) {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dest); err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
		return "", nil
	}
	err = exchange(tmp, dest)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		os.RemoveAll(tmp)
		return "", err
	}
	return swapByRenames(tmp, dest)
}

// swapByRenames is swap for systems without the exchange: dest moves aside
// to a trash name, then tmp moves to dest. Between the two there is no dest.
func swapByRenames(tmp, dest string) (old string, err error) {
	name := filepath.Base(dest)
	trash := filepath.Join(filepath.Dir(tmp), trashPrefix(name)+strings.TrimPrefix(filepath.Base(tmp), tempPrefix(name)))
	if err := os.Rename(dest, trash); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		if back := os.Rename(trash, dest); back != nil {
			return "", fmt.Errorf("%w; the previous site is in %s and the new one in %s", errors.Join(err, back), trash, tmp)
		}
		os.RemoveAll(tmp)
		return "", err
	}
	return trash, nil
}
