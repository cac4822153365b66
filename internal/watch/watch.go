// Package watch reports changes to a site's source files as coalesced batches, for the dev
// server's rebuilds.
//
// The contract:
//   - Options.Dirs are watched recursively and Options.Files singly, all relative to
//     Options.Root. Root itself is watched without recursion, so a Dir or File that does not
//     exist yet is picked up when it appears.
//   - Directories are watched, never single files, so atomic saves (write a temp file, rename
//     it over the target) keep being seen save after save (fsnotify README, "Watching a file
//     doesn't work well").
//   - A directory that appears, even one moved in with files already inside, is watched and
//     everything inside it is reported. Removed and renamed directories lose their watches.
//   - Batch.Paths are slash-separated, relative to Root, sorted and unique. They name files and
//     directories that were created, written, removed or renamed. They are a hint for what
//     to rebuild or reload; a consumer that must be exact rebuilds everything.
//   - Never reported: editor temp, swap and backup files (see ignoredName), dotfiles and dot
//     directories (so .git), anything under Options.Ignore (the output directory), and
//     chmod-only changes.
//   - Changes are coalesced until Options.Quiet passes without one, or Options.MaxWait after
//     the first, so a burst gives one build and an endless storm still gives builds. While
//     the receiver is busy, new changes join the batch waiting for it.
//   - With Options.Poll the trees are walked every PollInterval and compared by modification
//     time and size. When the OS watch limits are hit (ENOSPC, EMFILE), Watch falls back to
//     polling by itself and says so through Options.Logf, naming the sysctl to raise.
//   - Watch starts one goroutine (plus fsnotify's reader). Both end, and the channel closes,
//     when ctx is done.
package watch

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configures Watch. The zero value of each duration picks its default.
type Options struct {
	// Root is the site directory. It must exist.
	Root string
	// Dirs are watched recursively, relative to Root, e.g. "content", "layouts".
	// "." watches the whole site.
	Dirs []string
	// Files are single files relative to Root, e.g. "site.toml". They are watched through
	// their parent directory.
	Files []string
	// Ignore names directories relative to Root that are never watched nor reported, e.g.
	// the output directory "public", which would otherwise feed rebuilds back to themselves.
	Ignore []string

	// Quiet is how long no change must arrive before a batch is sent. Default 50 ms.
	Quiet time.Duration
	// QuickQuiet, when set, replaces Quiet while the batch holds at most
	// quickPaths paths: an editor's save touches one or two files and is
	// over in a millisecond, so it need not wait the whole Quiet that a
	// burst of many files (a checkout, a search-and-replace) needs to end.
	QuickQuiet time.Duration
	// MaxWait bounds how long the first change of a batch waits for the burst to end.
	// Default 300 ms.
	MaxWait time.Duration

	// Poll walks the trees instead of asking the OS for notifications, for file systems
	// where those do not work: NFS, SMB, FUSE, Docker bind mounts, WSL2 /mnt/c.
	Poll bool
	// PollInterval is the time between walks when polling. Default 300 ms.
	PollInterval time.Duration

	// Logf receives warnings: the fallback to polling, lost events, unreadable directories.
	// Nil means log.Printf: a silent fallback is exactly what users cannot debug.
	Logf func(format string, args ...any)
}

// Batch is one coalesced set of changes.
type Batch struct {
	// Paths are slash-separated, relative to Options.Root, sorted and unique.
	Paths []string
}

const (
	defaultQuiet        = 50 * time.Millisecond
	defaultMaxWait      = 300 * time.Millisecond
	defaultPollInterval = 300 * time.Millisecond
)

// Watch starts watching and returns the channel of batches. Changes made after Watch returns
// are reported. The channel is closed once ctx is done and the watcher has stopped.
func Watch(ctx context.Context, opts Options) (<-chan Batch, error) {
	return watch(ctx, opts, osBackend())
}

// backend is how the watcher reaches fsnotify; tests replace it to simulate OS limits.
type backend struct {
	newWatcher func() (*fsnotify.Watcher, error)
	add        func(w *fsnotify.Watcher, dir string) error
}

func osBackend() backend {
	return backend{
		newWatcher: fsnotify.NewWatcher,
		add:        (*fsnotify.Watcher).Add,
	}
}

func watch(ctx context.Context, opts Options, be backend) (<-chan Batch, error) {
	w, err := newWatcher(opts, be)
	if err != nil {
		return nil, err
	}
	if err := w.start(); err != nil {
		return nil, err
	}
	go w.run(ctx)
	return w.out, nil
}

func withDefaults(opts Options) Options {
	if opts.Quiet <= 0 {
		opts.Quiet = defaultQuiet
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = defaultMaxWait
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = defaultPollInterval
	}
	if opts.Logf == nil {
		opts.Logf = log.Printf
	}
	return opts
}

// watcher is owned by the goroutine running run once Watch has returned.
type watcher struct {
	opts   Options
	root   string // absolute and clean
	filter filter
	be     backend
	out    chan Batch
	batch  *coalescer

	// Exactly one of fsw and ticker is non-nil.
	fsw     *fsnotify.Watcher
	watched map[string]bool // absolute directories added to fsw
	ticker  *time.Ticker
	snap    snapshot // the last walk, when polling

	warned map[string]bool // messages already logged, so a bad directory does not spam
}

func newWatcher(opts Options, be backend) (*watcher, error) {
	opts = withDefaults(opts)
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", opts.Root, err)
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("watch %s: not a directory", root)
	}
	f, err := newFilter(opts.Dirs, opts.Files, opts.Ignore)
	if err != nil {
		return nil, err
	}
	return &watcher{
		opts:   opts,
		root:   root,
		filter: f,
		be:     be,
		out:    make(chan Batch),
		batch:  newCoalescer(opts.Quiet, opts.QuickQuiet, opts.MaxWait),
		warned: make(map[string]bool),
	}, nil
}

// start sets up notifications, or polling, before Watch returns, so no change is missed.
func (w *watcher) start() error {
	if w.opts.Poll {
		w.startPolling(false)
		return nil
	}
	fsw, err := w.be.newWatcher()
	if isLimit(err) {
		w.fallBack(err, false)
		return nil
	}
	if err != nil {
		return fmt.Errorf("watch %s: %w", w.root, err)
	}
	w.fsw = fsw
	w.watched = make(map[string]bool)
	if err := w.addTree(w.root, false); err != nil {
		w.fallBack(err, false)
	}
	return nil
}

func (w *watcher) run(ctx context.Context) {
	defer close(w.out)
	defer w.stop()
	for {
		send, b := w.batch.outbox(w.out)
		select {
		case <-ctx.Done():
			return
		case ev := <-w.events():
			w.handleEvent(ev)
		case err := <-w.errors():
			w.handleError(err)
		case <-w.ticks():
			w.poll()
		case <-w.batch.timer.C:
			w.batch.fire()
		case send <- b:
			w.batch.sent()
		}
	}
}

func (w *watcher) stop() {
	w.batch.timer.Stop()
	w.stopNotify()
	if w.ticker != nil {
		w.ticker.Stop()
	}
}

// rel returns the slash path of name relative to the root, and false if it lies outside.
func (w *watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || !filepath.IsLocal(r) && r != "." {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// warnOnce logs a message the first time it is seen.
func (w *watcher) warnOnce(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if w.warned[msg] {
		return
	}
	w.warned[msg] = true
	w.opts.Logf("%s", msg)
}
