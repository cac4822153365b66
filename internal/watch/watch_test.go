package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// timeout bounds every wait; generous because tests run under -race on loaded machines.
const timeout = 10 * time.Second

// mode is one way of finding changes; every behaviour must hold in each.
type mode struct {
	name     string
	poll     bool
	backend  func() backend
	wantLogs []string // substrings, one per expected warning
}

var modes = []mode{
	{name: "notify"},
	{name: "poll", poll: true},
	{
		name:     "fallback",
		backend:  func() backend { return failingAdd(func(string) bool { return true }, syscall.ENOSPC) },
		wantLogs: []string{"fs.inotify.max_user_watches"},
	},
}

// failingAdd returns a backend whose watches fail with errno for the directories fail picks.
func failingAdd(fail func(dir string) bool, errno syscall.Errno) backend {
	be := osBackend()
	be.add = func(w *fsnotify.Watcher, dir string) error {
		if fail(dir) {
			return &os.SyscallError{Syscall: "inotify_add_watch", Err: errno}
		}
		return w.Add(dir)
	}
	return be
}

type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logs) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.lines)
}

// site is a site directory being watched.
type site struct {
	t       *testing.T
	base    string // parent of root, on the same file system, for moves from outside
	root    string
	ch      <-chan Batch
	got     []Batch
	logs    *logs
	settles int
}

// newSite writes files (slash paths relative to root; a trailing slash makes a directory),
// watches the site in mode m with the usual options changed by tweak, and stops the
// watcher when the test ends, checking the channel closes and only the wanted warnings were
// logged.
func newSite(t *testing.T, m mode, files map[string]string, tweak func(*Options)) *site {
	t.Helper()
	base := t.TempDir()
	s := &site{t: t, base: base, root: filepath.Join(base, "site"), logs: &logs{}}
	if err := os.Mkdir(s.root, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		s.write(name, data)
	}
	opts := Options{
		Root:         s.root,
		Dirs:         []string{"content", "layouts", "static", "archetypes", "data", "i18n"},
		Files:        []string{"site.toml"},
		Ignore:       []string{"public"},
		Poll:         m.poll,
		PollInterval: 50 * time.Millisecond,
		Logf:         s.logs.logf,
	}
	if tweak != nil {
		tweak(&opts)
	}
	be := osBackend()
	if m.backend != nil {
		be = m.backend()
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := watch(ctx, opts, be)
	if err != nil {
		cancel()
		t.Fatalf("watch: %v", err)
	}
	s.ch = ch
	t.Cleanup(func() {
		cancel()
		s.waitClosed()
		s.checkLogs(m.wantLogs)
	})
	return s
}

func (s *site) path(rel string) string { return filepath.Join(s.root, filepath.FromSlash(rel)) }

func (s *site) write(rel, data string) {
	s.t.Helper()
	p := s.path(rel)
	if strings.HasSuffix(rel, "/") {
		if err := os.MkdirAll(p, 0o755); err != nil {
			s.t.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) rename(from, to string) {
	s.t.Helper()
	if err := os.Rename(from, to); err != nil {
		s.t.Fatal(err)
	}
}

// waitFor receives batches until every path has been reported since the call.
func (s *site) waitFor(paths ...string) {
	s.t.Helper()
	missing := make(map[string]bool)
	for _, p := range paths {
		missing[p] = true
	}
	deadline := time.After(timeout)
	for len(missing) > 0 {
		select {
		case b, ok := <-s.ch:
			if !ok {
				s.t.Fatalf("channel closed while waiting for %v", slices.Sorted(mapKeys(missing)))
			}
			s.check(b)
			s.got = append(s.got, b)
			for _, p := range b.Paths {
				delete(missing, p)
			}
		case <-deadline:
			s.t.Fatalf("after %v still waiting for %v; got batches %v", timeout, slices.Sorted(mapKeys(missing)), s.got)
		}
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// check asserts the Batch contract: sorted, unique, slash paths relative to the root.
func (s *site) check(b Batch) {
	s.t.Helper()
	if len(b.Paths) == 0 {
		s.t.Errorf("empty batch")
	}
	for i, p := range b.Paths {
		if i > 0 && p <= b.Paths[i-1] {
			s.t.Errorf("batch %v is not sorted and unique at %q", b.Paths, p)
		}
		if filepath.IsAbs(p) || strings.Contains(p, `\`) || strings.HasPrefix(p, "..") {
			s.t.Errorf("batch path %q is not a slash path relative to the root", p)
		}
	}
}

// settle writes a file and waits for it: everything changed before has then been reported,
// since events arrive in order and a poll sees all of them at once.
func (s *site) settle() {
	s.t.Helper()
	s.settles++
	name := fmt.Sprintf("content/settle-%d.md", s.settles)
	s.write(name, "x")
	s.waitFor(name)
}

// mark returns a position in the received batches, for since.
func (s *site) mark() int { return len(s.got) }

// reported returns the paths reported since mark for which match is true.
func (s *site) reported(mark int, match func(string) bool) []string {
	var out []string
	for _, b := range s.got[mark:] {
		for _, p := range b.Paths {
			if match(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func (s *site) waitClosed() {
	s.t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case _, ok := <-s.ch:
			if !ok {
				return
			}
		case <-deadline:
			s.t.Errorf("channel not closed %v after cancel", timeout)
			return
		}
	}
}

func (s *site) checkLogs(want []string) {
	s.t.Helper()
	got := s.logs.all()
	if len(got) != len(want) {
		s.t.Errorf("warnings: got %q; want %d matching %q", got, len(want), want)
		return
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			s.t.Errorf("warning %d: got %q; want it to contain %q", i, got[i], w)
		}
	}
}

// behaviours are checked in every mode.
var behaviours = []struct {
	name  string
	files map[string]string
	tweak func(*Options)
	run   func(s *site)
}{
	{
		name:  "atomic saves are seen save after save",
		files: map[string]string{"content/a.md": "0"},
		run: func(s *site) {
			for i := range 5 {
				s.settle() // nothing of the previous save is left to satisfy this one
				if i%2 == 0 {
					// JetBrains, VS Code and friends: write a temp file, rename it over.
					s.write("content/a.md___jb_tmp___", fmt.Sprint(i))
					s.rename(s.path("content/a.md___jb_tmp___"), s.path("content/a.md"))
				} else {
					// vim with backupcopy=no: move the original aside, write anew, delete.
					s.rename(s.path("content/a.md"), s.path("content/a.md~"))
					s.write("content/a.md", fmt.Sprint(i))
					if err := os.Remove(s.path("content/a.md~")); err != nil {
						s.t.Fatal(err)
					}
				}
				s.waitFor("content/a.md")
			}
		},
	},
	{
		name:  "folder moved in with files already inside",
		files: map[string]string{"content/": ""},
		run: func(s *site) {
			out := filepath.Join(s.base, "outside")
			for _, f := range []string{"sec/a.md", "sec/sub/b.md"} {
				p := filepath.Join(out, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					s.t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
					s.t.Fatal(err)
				}
			}
			s.rename(filepath.Join(out, "sec"), s.path("content/sec"))
			s.waitFor("content/sec", "content/sec/a.md", "content/sec/sub/b.md")
			s.write("content/sec/sub/c.md", "x")
			s.waitFor("content/sec/sub/c.md")
		},
	},
	{
		name:  "nested new folder then a file in it later",
		files: map[string]string{"content/": ""},
		run: func(s *site) {
			s.write("content/a/b/c/x.md", "x")
			s.waitFor("content/a", "content/a/b/c/x.md")
			s.write("content/a/b/c/y.md", "y")
			s.waitFor("content/a/b/c/y.md")
		},
	},
	{
		name: "deleted folder then recreated",
		files: map[string]string{
			"content/sec/p.md":     "p",
			"content/sec/sub/q.md": "q",
		},
		run: func(s *site) {
			if err := os.RemoveAll(s.path("content/sec")); err != nil {
				s.t.Fatal(err)
			}
			s.waitFor("content/sec", "content/sec/p.md")
			s.write("content/sec/sub/r.md", "r")
			s.waitFor("content/sec/sub/r.md")
			s.settle()
			s.write("content/sec/sub/r.md", "r2")
			s.waitFor("content/sec/sub/r.md")
		},
	},
	{
		name: "renamed folder is watched under its new name only",
		files: map[string]string{
			"content/old/p.md":     "p",
			"content/old/sub/q.md": "q",
		},
		run: func(s *site) {
			s.rename(s.path("content/old"), s.path("content/new"))
			s.waitFor("content/old", "content/new", "content/new/p.md", "content/new/sub/q.md")
			s.settle()
			m := s.mark()
			s.write("content/new/sub/q.md", "q2")
			s.waitFor("content/new/sub/q.md")
			if stale := s.reported(m, func(p string) bool { return strings.HasPrefix(p, "content/old") }); stale != nil {
				s.t.Errorf("after the rename, got stale paths %v", stale)
			}
		},
	},
	{
		name: "folder moved out of the tree is forgotten",
		files: map[string]string{
			"content/gone/p.md":     "p",
			"content/gone/sub/q.md": "q",
		},
		run: func(s *site) {
			away := filepath.Join(s.base, "away")
			s.rename(s.path("content/gone"), away)
			s.waitFor("content/gone")
			s.settle()
			m := s.mark()
			if err := os.WriteFile(filepath.Join(away, "sub", "q.md"), []byte("q2"), 0o644); err != nil {
				s.t.Fatal(err)
			}
			s.settle()
			if got := s.reported(m, func(p string) bool { return !strings.HasPrefix(p, "content/settle-") }); got != nil {
				s.t.Errorf("writes outside the site reported as %v", got)
			}
		},
	},
	{
		name:  "storm of 1000 writes gives at most two batches",
		files: map[string]string{"content/storm/": ""},
		tweak: func(o *Options) {
			// The storm test is about coalescing, not the default windows: under -race on a
			// loaded machine 1000 writes can outlast the 300 ms default MaxWait, which then
			// rightly cuts a batch, and a scheduler stall can outlast a 50 ms quiet period.
			o.Quiet = 250 * time.Millisecond
			o.MaxWait = 5 * time.Second
		},
		run: func(s *site) {
			m := s.mark()
			var want []string
			for i := range 1000 {
				name := fmt.Sprintf("content/storm/f%04d.md", i)
				want = append(want, name)
				s.write(name, "x")
			}
			s.waitFor(want...)
			if n := len(s.got) - m; n > 2 {
				s.t.Errorf("1000 writes gave %d batches; want at most 2", n)
			}
		},
	},
	{
		name:  "editor temp files and dotfiles are ignored",
		files: map[string]string{"content/a.md": "a"},
		run: func(s *site) {
			m := s.mark()
			temps := []string{
				"content/a.md~", "content/.a.md.swp", "content/.a.md.swx", "content/.a.md.swo",
				"content/a.md.swp", "content/4913", "content/#a.md#", "content/.#a.md",
				"content/.goutputstream-XYZ123", "content/a.md___jb_tmp___",
				"content/a.md___jb_old___", "content/.DS_Store", "content/.hidden",
				"content/.dotdir/x.md", "content/sec/.dotdir/deeper/y.md",
			}
			for _, name := range temps {
				s.write(name, "x")
			}
			s.settle()
			if got := s.reported(m, func(p string) bool { return !strings.HasPrefix(p, "content/settle-") && p != "content/sec" }); got != nil {
				s.t.Errorf("temp files reported: %v", got)
			}
		},
	},
	{
		name: "output dir and .git are ignored even when the whole site is watched",
		files: map[string]string{
			"content/a.md":     "a",
			"public/old.html":  "o",
			".git/HEAD":        "ref",
			"public/css/x.css": "x",
		},
		tweak: func(o *Options) { o.Dirs = []string{"."} },
		run: func(s *site) {
			m := s.mark()
			s.write("public/index.html", "i")
			s.write("public/new/deep/x.html", "x")
			s.write("public/css/x.css", "y")
			s.write(".git/objects/ab/cdef", "z")
			s.write(".git/index", "z")
			s.settle()
			if got := s.reported(m, func(p string) bool { return !strings.HasPrefix(p, "content/settle-") }); got != nil {
				s.t.Errorf("output or .git reported: %v", got)
			}
			s.write("README.md", "r") // the whole site is watched
			s.waitFor("README.md")
		},
	},
	{
		name:  "missing dir and config file appear later",
		files: map[string]string{"content/": ""},
		run: func(s *site) {
			s.write("data/a.json", "{}")
			s.waitFor("data", "data/a.json")
			s.write("data/b.json", "{}")
			s.waitFor("data/b.json")
			m := s.mark()
			for i := range 2 {
				s.write("site.toml.new", fmt.Sprintf("title = %d", i))
				s.rename(s.path("site.toml.new"), s.path("site.toml"))
				s.waitFor("site.toml")
				s.settle()
			}
			s.write("README.md", "not a site file")
			s.write("drafts/x.md", "not a site dir")
			s.settle()
			if got := s.reported(m, func(p string) bool { return !strings.HasPrefix(p, "content/settle-") && p != "site.toml" }); got != nil {
				s.t.Errorf("files outside Dirs and Files reported: %v", got)
			}
		},
	},
	{
		name:  "removed file is reported, chmod is not",
		files: map[string]string{"content/a.md": "a", "content/b.md": "b"},
		run: func(s *site) {
			m := s.mark()
			if err := os.Chmod(s.path("content/a.md"), 0o600); err != nil {
				s.t.Fatal(err)
			}
			s.settle()
			if got := s.reported(m, func(p string) bool { return p == "content/a.md" }); got != nil {
				s.t.Errorf("chmod reported: %v", got)
			}
			if err := os.Remove(s.path("content/b.md")); err != nil {
				s.t.Fatal(err)
			}
			s.waitFor("content/b.md")
		},
	},
}

func TestBehaviours(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		for _, b := range behaviours {
			t.Run(m.name+"/"+b.name, func(t *testing.T) {
				t.Parallel()
				b.run(newSite(t, m, b.files, b.tweak))
			})
		}
	}
}

func TestMaxWaitBoundsAnEndlessStorm(t *testing.T) {
	t.Parallel()
	for _, m := range modes[:2] {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			s := newSite(t, m, map[string]string{"content/": ""}, func(o *Options) {
				o.Quiet = time.Hour // only MaxWait can end a batch
				o.MaxWait = 200 * time.Millisecond
			})
			deadline := time.After(timeout)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for i := 0; ; i++ {
				select {
				case b := <-s.ch:
					s.check(b)
					return
				case <-tick.C:
					s.write("content/a.md", fmt.Sprint(i))
				case <-deadline:
					t.Fatalf("no batch within %v of continuous writes", timeout)
				}
			}
		})
	}
}

// TestQuickQuietSendsASaveAtOnce: with QuickQuiet set, a save of one file
// is sent without waiting for Quiet, while a batch of many files still
// waits for it.
func TestQuickQuietSendsASaveAtOnce(t *testing.T) {
	s := newSite(t, modes[0], map[string]string{"content/": ""}, func(o *Options) {
		o.Quiet = time.Hour // only QuickQuiet can end a small batch
		o.MaxWait = time.Hour
		o.QuickQuiet = 10 * time.Millisecond
	})
	s.write("content/a.md", "saved")
	select {
	case b := <-s.ch:
		s.check(b)
		if !slices.Contains(b.Paths, "content/a.md") {
			t.Errorf("batch %v lacks the saved file", b.Paths)
		}
	case <-time.After(timeout):
		t.Fatalf("a one-file save was not sent within %v, though QuickQuiet is 10 ms", timeout)
	}
	// A folder moved in with ten files is a burst: it waits for Quiet.
	outside := filepath.Join(s.base, "many")
	for i := range 10 {
		if err := os.MkdirAll(outside, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(outside, fmt.Sprintf("p%d.md", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Rename(outside, s.path("content/many")); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-s.ch:
		t.Errorf("a burst of %d paths was sent before Quiet: %v", len(b.Paths), b.Paths)
	case <-time.After(500 * time.Millisecond):
	}
}

func TestFallsBackToPolling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		be      backend
		wantLog string
	}{
		{
			name:    "watch limit reached while adding a new folder",
			be:      failingAdd(func(dir string) bool { return strings.Contains(dir, "new") }, syscall.ENOSPC),
			wantLog: "fs.inotify.max_user_watches",
		},
		{
			name:    "too many open files when adding a new folder",
			be:      failingAdd(func(dir string) bool { return strings.Contains(dir, "new") }, syscall.EMFILE),
			wantLog: "fs.inotify.max_user_instances",
		},
		{
			name: "too many inotify instances",
			be: backend{
				newWatcher: func() (*fsnotify.Watcher, error) {
					return nil, fmt.Errorf("couldn't initialize inotify: %w", syscall.EMFILE)
				},
			},
			wantLog: "fs.inotify.max_user_instances",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := mode{name: tt.name, backend: func() backend { return tt.be }, wantLogs: []string{tt.wantLog}}
			s := newSite(t, m, map[string]string{"content/a.md": "a"}, nil)
			s.write("content/new/b.md", "b")
			s.waitFor("content/new/b.md")
			s.write("content/new/c.md", "c")
			s.waitFor("content/new/c.md")
			s.settle()
			s.write("content/a.md", "a2")
			s.waitFor("content/a.md")
		})
	}
}

func TestRejectsBadOptions(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	tests := []Options{
		{Root: filepath.Join(root, "missing")},
		{Root: root, Dirs: []string{"../elsewhere"}},
		{Root: root, Dirs: []string{"/abs"}},
		{Root: root, Files: []string{"."}},
	}
	for _, opts := range tests {
		if _, err := Watch(t.Context(), opts); err == nil {
			t.Errorf("Watch(%+v): got no error", opts)
		}
	}
}

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.md", false},
		{"index.html", false},
		{"4913.md", false},
		{"a#b.md", false},
		{"#", false},
		{"a.md~", true},
		{".a.md.swp", true},
		{"a.md.swp", true},
		{"a.md.swx", true},
		{"a.md.swo", true},
		{"a.md.bck", true},
		{"4913", true},
		{"#a.md#", true},
		{".#a.md", true},
		{".goutputstream-ABC", true},
		{"a.md___jb_tmp___", true},
		{"a.md___jb_old___", true},
		{"a.md___jb_bak___", true},
		{".DS_Store", true},
		{".git", true},
		{".env", true},
	}
	for _, tt := range tests {
		if got := ignoredName(tt.name); got != tt.want {
			t.Errorf("ignoredName(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	f, err := newFilter([]string{"content", "assets/css"}, []string{"config/site.toml"}, []string{"content/generated"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rel  string
		want class
	}{
		{".", ancestor},
		{"content", relevant},
		{"content/a/b.md", relevant},
		{"content/.git", skip},
		{"content/a/x.md~", skip},
		{"content/generated", skip},
		{"content/generated/x.html", skip},
		{"contentious", skip},
		{"assets", ancestor},
		{"assets/css/x.css", relevant},
		{"assets/js/x.js", skip},
		{"config", ancestor},
		{"config/site.toml", relevant},
		{"config/other.toml", skip},
		{"public", skip},
	}
	for _, tt := range tests {
		if got := f.classify(tt.rel); got != tt.want {
			t.Errorf("classify(%q) = %v; want %v", tt.rel, got, tt.want)
		}
	}
}

// TestCancelStopsEverything must not run in parallel: it counts goroutines.
func TestCancelStopsEverything(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			base := t.TempDir()
			if err := os.MkdirAll(filepath.Join(base, "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			be := osBackend()
			if m.backend != nil {
				be = m.backend()
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ch, err := watch(ctx, Options{Root: base, Dirs: []string{"content"}, Poll: m.poll, Logf: t.Logf}, be)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(base, "content", "a.md"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			select {
			case <-ch:
			case <-time.After(timeout):
				t.Fatalf("no batch within %v", timeout)
			}
			if err := os.WriteFile(filepath.Join(base, "content", "b.md"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			cancel() // a batch may be pending; it must not block the shutdown
			deadline := time.After(timeout)
			for open := true; open; {
				select {
				case _, open = <-ch:
				case <-deadline:
					t.Fatalf("channel not closed within %v of cancel", timeout)
				}
			}
			// The run goroutine closes the channel on its way out; give it time to return.
			leaked := watchGoroutines()
			for stop := time.Now().Add(timeout); leaked != "" && time.Now().Before(stop); leaked = watchGoroutines() {
				time.Sleep(10 * time.Millisecond)
			}
			if leaked != "" {
				t.Errorf("goroutines left after the channel closed:\n%s", leaked)
			}
		})
	}
}

// watchGoroutines returns the stacks of goroutines started by this package or fsnotify.
func watchGoroutines() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "created by github.com/samizdat-press/samizdat/internal/watch.") ||
			strings.Contains(g, "created by github.com/fsnotify/fsnotify.") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}

// TestOverflowRescans drives the watcher by hand: a real overflow needs a tiny
// fs.inotify.max_queued_events, which tests cannot set.
func TestOverflowRescans(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	var l logs
	w, err := newWatcher(Options{Root: root, Dirs: []string{"content"}, Logf: l.logf}, osBackend())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.start(); err != nil {
		t.Fatal(err)
	}
	defer w.stop()
	// Created while no event is read, as if its events had been lost.
	newDir := filepath.Join(root, "content", "new")
	if err := os.MkdirAll(newDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(newDir, "x.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	w.handleError(fsnotify.ErrEventOverflow)

	if !w.watched[newDir] {
		t.Errorf("after the rescan, %s is not watched", newDir)
	}
	for _, p := range []string{"content", "content/new", "content/new/x.md"} {
		if _, ok := w.batch.pending[p]; !ok {
			t.Errorf("after the rescan, %s is not reported; pending %v", p, w.batch.pending)
		}
	}
	if got := l.all(); len(got) != 1 || !strings.Contains(got[0], "max_queued_events") {
		t.Errorf("warnings: got %q; want one naming fs.inotify.max_queued_events", got)
	}
}
