package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"time"
)

// entry is what polling compares between two walks. File systems with coarse timestamps
// can hide a same-size rewrite within one tick; that is the price of not reading contents.
type entry struct {
	mod  time.Time
	size int64
	dir  bool
}

// snapshot maps relevant slash paths to their entries.
type snapshot map[string]entry

func (w *watcher) ticks() <-chan time.Time {
	if w.ticker == nil {
		return nil
	}
	return w.ticker.C
}

// fallBack switches from notifications to polling after an OS limit was hit. With report,
// everything is reported once, since changes may have been lost in the switch.
func (w *watcher) fallBack(err error, report bool) {
	w.opts.Logf("%s", limitMessage(err, w.opts.PollInterval))
	w.stopNotify()
	w.startPolling(report)
}

func limitMessage(err error, interval time.Duration) string {
	if errors.Is(err, syscall.ENOSPC) {
		return "watch: " + err.Error() + ": the inotify watch limit is reached, so changes are " +
			"now found by polling every " + interval.String() + ". For instant rebuilds raise " +
			"fs.inotify.max_user_watches, e.g. sudo sysctl fs.inotify.max_user_watches=524288"
	}
	return "watch: " + err.Error() + ": too many inotify instances or open files, so changes " +
		"are now found by polling every " + interval.String() + ". For instant rebuilds raise " +
		"fs.inotify.max_user_instances (e.g. sudo sysctl fs.inotify.max_user_instances=512) " +
		"or the open file limit (ulimit -n)"
}

func (w *watcher) startPolling(report bool) {
	w.snap = w.scan()
	if report {
		for rel := range w.snap {
			w.batch.add(rel)
		}
	}
	w.ticker = time.NewTicker(w.opts.PollInterval)
}

// poll walks the trees and reports what differs from the last walk. Directories count as
// created or removed only: their times change with their contents, which are reported.
func (w *watcher) poll() {
	next := w.scan()
	for rel, e := range next {
		old, ok := w.snap[rel]
		if !ok || old.dir != e.dir || !e.dir && (!old.mod.Equal(e.mod) || old.size != e.size) {
			w.batch.add(rel)
		}
	}
	for rel := range w.snap {
		if _, ok := next[rel]; !ok {
			w.batch.add(rel)
		}
	}
	w.snap = next
}

func (w *watcher) scan() snapshot {
	snap := make(snapshot, len(w.snap))
	// Errors are logged, never returned, so the walk never fails.
	_ = filepath.WalkDir(w.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.warnOnce("watch: %v", err)
			}
			return nil
		}
		rel, ok := w.rel(p)
		if !ok {
			return nil
		}
		switch w.filter.classify(rel) {
		case skip:
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case ancestor:
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed since the directory was read
		}
		snap[rel] = entry{mod: info.ModTime(), size: info.Size(), dir: d.IsDir()}
		return nil
	})
	return snap
}
