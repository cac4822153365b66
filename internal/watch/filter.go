package watch

import (
	"fmt"
	"github.com/samizdat-press/samizdat/internal/editorfile"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// class is what the watcher does with a path.
type class int

const (
	skip     class = iota // never watched nor reported
	ancestor              // a directory on the way to a Dir or File: watched, not reported
	relevant              // inside a Dir, or a File: watched if a directory, and reported
)

// filter classifies slash paths relative to the root.
type filter struct {
	dirs, files, ignore []string // clean slash paths
}

func newFilter(dirs, files, ignore []string) (filter, error) {
	var f filter
	var err error
	if f.dirs, err = cleanPaths("Dirs", dirs, true); err != nil {
		return filter{}, err
	}
	if f.files, err = cleanPaths("Files", files, false); err != nil {
		return filter{}, err
	}
	if f.ignore, err = cleanPaths("Ignore", ignore, false); err != nil {
		return filter{}, err
	}
	return f, nil
}

func cleanPaths(field string, paths []string, rootOK bool) ([]string, error) {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		c := path.Clean(filepath.ToSlash(p))
		if !filepath.IsLocal(filepath.FromSlash(c)) || c == "." && !rootOK {
			return nil, fmt.Errorf("watch: Options.%s: %q is not a path inside Root", field, p)
		}
		out = append(out, c)
	}
	return out, nil
}

func (f filter) classify(rel string) class {
	if rel == "." {
		return ancestor
	}
	for part := range strings.SplitSeq(rel, "/") {
		if ignoredName(part) {
			return skip
		}
	}
	for _, ig := range f.ignore {
		if within(rel, ig) {
			return skip
		}
	}
	for _, d := range f.dirs {
		if within(rel, d) {
			return relevant
		}
	}
	for _, fl := range f.files {
		if rel == fl {
			return relevant
		}
	}
	for _, p := range f.dirs {
		if within(p, rel) {
			return ancestor
		}
	}
	for _, p := range f.files {
		if within(p, rel) {
			return ancestor
		}
	}
	return skip
}

// roots returns the Dirs and Files at or under the ancestor directory rel.
func (f filter) roots(rel string) []string {
	var out []string
	for _, p := range slices.Concat(f.dirs, f.files) {
		if within(p, rel) && f.classify(p) == relevant {
			out = append(out, p)
		}
	}
	return out
}

// within reports whether p is dir or lies under it.
func within(p, dir string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, dir+"/")
}

// ignoredName reports whether a file or directory name is never watched: a dotfile or dot
// directory, or an editor's temp, swap or backup file (Hugo commands/hugobuilder.go keeps the
// same list).
func ignoredName(name string) bool {
	// .git, .DS_Store, vim's .x.swp, emacs lock links .#x, gedit .goutputstream-*.
	return strings.HasPrefix(name, ".") || editorfile.Temp(name)
}
