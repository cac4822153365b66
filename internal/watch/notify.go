package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// isLimit reports whether err means the OS ran out of watches or descriptors, the cases
// where polling still works (fsnotify README, "no space left on device" and "too many open
// files").
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) ||
		errors.Is(err, syscall.EMFILE) ||
		errors.Is(err, syscall.ENFILE)
}

func (w *watcher) events() <-chan fsnotify.Event {
	if w.fsw == nil {
		return nil
	}
	return w.fsw.Events
}

func (w *watcher) errors() <-chan error {
	if w.fsw == nil {
		return nil
	}
	return w.fsw.Errors
}

func (w *watcher) stopNotify() {
	if w.fsw == nil {
		return
	}
	if err := w.fsw.Close(); err != nil {
		w.opts.Logf("watch: close: %v", err)
	}
	w.fsw = nil
	w.watched = nil
}

func (w *watcher) handleEvent(ev fsnotify.Event) {
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) &&
		!ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
		return // chmod only: antivirus, Spotlight, touch -a
	}
	rel, ok := w.rel(ev.Name)
	if !ok {
		return
	}
	c := w.filter.classify(rel)
	if c == skip {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.removed(ev.Name, rel, c)
	}
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) {
		return
	}
	info, err := os.Lstat(ev.Name)
	if err != nil {
		// A ghost: the path was removed or its directory renamed before we looked; the
		// Remove or Rename event reports it (Hugo handleEvents does the same).
		return
	}
	if info.IsDir() {
		if ev.Has(fsnotify.Create) {
			w.created(ev.Name)
		}
		return
	}
	if c == relevant {
		w.batch.add(rel)
	}
}

func (w *watcher) removed(name, rel string, c class) {
	if name == w.root {
		w.warnOnce("watch: the site directory %s was removed or renamed; restart to watch it again", w.root)
	}
	w.unwatchTree(name)
	if c == relevant {
		w.batch.add(rel)
		return
	}
	// The children of a renamed directory get no events of their own.
	for _, p := range w.filter.roots(rel) {
		w.batch.add(p)
	}
}

// created watches a directory that appeared and reports everything in it: it may have been
// moved in whole, or filled before its watch was added.
func (w *watcher) created(dir string) {
	if err := w.addTree(dir, true); err != nil {
		w.fallBack(err, true)
	}
}

func (w *watcher) handleError(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.opts.Logf("watch: the kernel event queue overflowed and changes were lost; rescanning " +
			"(raise fs.inotify.max_queued_events if this repeats)")
		if err := w.addTree(w.root, true); err != nil {
			w.fallBack(err, true)
		}
		return
	}
	w.warnOnce("watch: %v", err)
}

// addTree watches dir and every directory under it that the filter keeps, adding the watch
// before reading each directory so that nothing created meanwhile is missed. With report,
// it also reports every relevant path it finds. It returns only errors for which isLimit is
// true; others are logged.
func (w *watcher) addTree(dir string, report bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.warnOnce("watch: %v", err)
			}
			return nil // WalkDir skips an unreadable directory by itself
		}
		rel, ok := w.rel(p)
		if !ok {
			return nil
		}
		c := w.filter.classify(rel)
		if c == skip {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.watchDir(p); err != nil {
				return err
			}
		}
		if report && c == relevant {
			w.batch.add(rel)
		}
		return nil
	})
}

func (w *watcher) watchDir(dir string) error {
	if w.watched[dir] {
		return nil
	}
	err := w.be.add(w.fsw, dir)
	switch {
	case isLimit(err):
		return err
	case errors.Is(err, fs.ErrNotExist):
		return nil // gone already; its Remove event follows
	case err != nil:
		w.warnOnce("watch: %s: %v", dir, err)
		return nil
	}
	w.watched[dir] = true
	return nil
}

// unwatchTree drops the watches on dir and below. fsnotify drops the watch of a renamed
// directory, but not those of its subdirectories, which would then report events under the
// old name (fsnotify #694).
func (w *watcher) unwatchTree(dir string) {
	if !w.watched[dir] {
		return
	}
	prefix := dir + string(filepath.Separator)
	for d := range w.watched {
		if d == dir || strings.HasPrefix(d, prefix) {
			// The watch may be gone already (deleted directory); nothing to do then.
			_ = w.fsw.Remove(d)
			delete(w.watched, d)
		}
	}
}
