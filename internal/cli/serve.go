package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/devserver"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/site"
	"github.com/samizdat-press/samizdat/internal/watch"
)

// maxPatch is the most changed files a batch may have for the dev server
// to show them before the full build (site.Patch).
const maxPatch = 8

// watchedDirs are the folders of a site whose changes trigger a rebuild.
var watchedDirs = []string{"content", "layouts", "static", "assets", "archetypes", "data", "i18n"}

func runServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("serve", "serve [flags]", stdout, stderr)
	sf.register(fs, false)
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on: 0.0.0.0 for every network (phones on the same Wi-Fi); anything but loopback exposes your drafts to the network")
	var allowHosts []string
	fs.Func("allow-host", "a `name` the site is opened by that the server cannot know (a reverse proxy's or a tunnel's), with :port when that is not the server's own; repeat the flag or separate names with commas", func(v string) error {
		for name := range strings.SplitSeq(v, ",") {
			name = strings.TrimSpace(name)
			if err := devserver.CheckAllowHost(name); err != nil {
				return err
			}
			allowHosts = append(allowHosts, name)
		}
		return nil
	})
	poll := fs.Bool("poll", false, "watch files by polling, for network and container file systems where change notifications do not arrive")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if !sf.usable(stderr) {
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, serveConfig{
		site: sf, addr: net.JoinHostPort(*bind, strconv.Itoa(*port)), bind: *bind, allowHosts: allowHosts, poll: *poll,
	}, stdout, stderr)
}

// A failed build whose problems are in files written less than
// settleWait ago (an empty page: less than settleEmpty ago) is built again
// after settleWait, at most settleTries times (see serve's rebuild). An
// emptied file is given longer: it is what a save caught half way looks
// like, and a loaded machine can pause the writer for half a second.
const (
	settleWait  = 150 * time.Millisecond
	settleEmpty = time.Second
	settleTries = 8
)

// justWritten reports whether a file that one of ps names was modified
// so recently that it is likely still being saved.
func (f *siteFlags) justWritten(ps []problem.Problem) bool {
	for _, p := range ps {
		if p.File == "" {
			continue
		}
		window := settleWait
		if p.Message == content.EmptyFile {
			window = settleEmpty
		}
		info, err := os.Stat(filepath.Join(f.source, filepath.FromSlash(p.File)))
		if err == nil && time.Since(info.ModTime()) < window {
			return true
		}
	}
	return false
}

type serveConfig struct {
	site       siteFlags
	addr       string
	bind       string
	allowHosts []string // --allow-host, each checked by devserver.CheckAllowHost
	poll       bool
	// machine reads this computer's addresses and host name for a
	// wildcard bind; nil means devserver.LocalMachine (tests pass fakes,
	// so as to bind nothing but 127.0.0.1).
	machine func() (devserver.Machine, error)
	// ready, when set, receives the server's URL once it listens (tests).
	ready func(url string)
}

// lookupMachine returns what the dev server needs to know of this computer
// to answer other machines: nothing unless it listens on every interface.
func (c serveConfig) lookupMachine(logf func(string, ...any)) devserver.Machine {
	if !devserver.Wildcard(c.bind) {
		return devserver.Machine{}
	}
	lookup := c.machine
	if lookup == nil {
		lookup = devserver.LocalMachine
	}
	m, err := lookup()
	if err != nil {
		logf("samizdat serve: cannot read this machine's addresses or name: %v\nother machines may be refused; name the address they use with --allow-host", err)
	}
	return m
}

// serve builds, listens and rebuilds on every change until ctx is done.
// The HTTP server keeps running whatever a build does: a failed build
// leaves the last good site served and shows its problems in the browser.
func serve(ctx context.Context, c serveConfig, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var logMu sync.Mutex
	logf := func(format string, args ...any) {
		logMu.Lock()
		defer logMu.Unlock()
		fmt.Fprintf(stderr, format+"\n", args...)
	}
	if ip := net.ParseIP(c.bind); c.bind != "localhost" && (ip == nil || !ip.IsLoopback()) {
		logf("WARNING: serving on %s, which other machines can reach: they can read every page, drafts included.\nWARNING: use --bind 127.0.0.1 unless you mean to share it.", c.bind)
	}
	machine := c.lookupMachine(logf)
	cache := site.NewCache()
	srv := devserver.New(devserver.Options{BindHost: c.bind, Machine: machine, AllowHosts: c.allowHosts, Logf: logf})
	var buildMu sync.Mutex // one build at a time, so an older build never replaces a newer one
	// lastWarnings are the warnings printed last (guarded by buildMu):
	// each is printed when it appears, not again on every save.
	var lastWarnings string
	// built tells whether a good build has been served (guarded by
	// buildMu): until then a failed build has no last good site to keep,
	// and the browser shows a page that waits for the first one.
	built := false
	rebuild := func(changed []string) {
		buildMu.Lock()
		defer buildMu.Unlock()
		start := time.Now()
		// A save of a page's text is shown at once from the last build
		// (site.Patch); the full build then brings every other page, the
		// lists and feeds up to date, and catches what Patch cannot. A
		// save touches a file or two; a batch of many files (a checkout,
		// a search and replace) goes straight to one build and one reload.
		if len(changed) > maxPatch {
			changed = nil
		}
		if out, ok := site.Patch(ctx, cache, changed); ok {
			srv.Update(out)
			logMu.Lock()
			fmt.Fprintf(stdout, "Updated %s in %d ms; rebuilding the rest\n", plural(len(changed), "file", "files"), time.Since(start).Milliseconds())
			logMu.Unlock()
		}
		res := c.site.buildSite(ctx, cache, stderr)
		// An editor that truncates a file and then writes it, or a tool
		// writing many, can be caught in between: the half-written file
		// is a problem ("the file is empty") only for a moment. While the
		// files a failed build blames are still being written, look
		// again a moment later instead of flashing the problem.
		for range settleTries {
			if len(res.Problems) == 0 || !c.site.justWritten(res.Problems) || ctx.Err() != nil {
				break
			}
			time.Sleep(settleWait)
			res = c.site.buildSite(ctx, cache, stderr)
		}
		if ctx.Err() != nil {
			return // stopping: a build cut short is neither served nor reported
		}
		srv.Update(res.Output)
		// Only a full build knows the warnings; the patch above left the
		// last ones shown.
		srv.SetWarnings(res.Warnings)
		logMu.Lock()
		defer logMu.Unlock()
		var warnings strings.Builder
		printWarnings(&warnings, res.Warnings)
		if w := warnings.String(); w != lastWarnings {
			lastWarnings = w
			fmt.Fprint(stderr, w)
		}
		if len(res.Problems) > 0 {
			printProblems(stderr, res.Problems)
			kept := "still serving the last good build"
			if !built {
				kept = "the site is shown once it builds"
			}
			fmt.Fprintf(stderr, "%s; %s. Fix the file and save: the browser updates by itself.\n", plural(len(res.Problems), "problem", "problems"), kept)
			return
		}
		built = true
		fmt.Fprintf(stdout, "Built %s in %d ms\n", plural(len(res.Files), "file", "files"), time.Since(start).Milliseconds())
	}
	// Watch before the first build, so a save made while it runs is not lost.
	//
	// A save is built once watch's Quiet (50 ms) passes without another
	// change, so MaxWait never delays a single save. MaxWait only ends a
	// burst that never pauses for 50 ms: at watch's 300 ms default, the
	// 1 000 writes of a git checkout or a search-and-replace (0.25-0.5 s on
	// a loaded laptop) were cut into two builds and two page reloads, the
	// first showing a half-written site. 2 s lets a burst of up to 2 s
	// give one build and one reload; the price is that under an endless
	// storm (a tool rewriting files without a pause) the page updates every
	// 2 s instead of every 0.3 s. TestServeCoalescesAStorm checks it.
	batches, werr := watch.Watch(ctx, watch.Options{
		Root: c.site.source, Dirs: watchedDirs, Files: []string{"site.toml"},
		Ignore: []string{"public"}, Poll: c.poll, Logf: logf,
		MaxWait: 2 * time.Second,
		// A save (a file or two) is built after 10 ms instead of 50 ms:
		// most of the time a campaigner waits for the page.
		QuickQuiet: 10 * time.Millisecond,
	})
	rebuilt := make(chan struct{})
	if werr != nil {
		logf("samizdat serve: cannot watch %s for changes: %v; the site is served, but saves will not show until you restart", c.site.source, werr)
		close(rebuilt)
	} else {
		go func() {
			defer close(rebuilt)
			for batch := range batches { // closes when ctx is done and the watcher has stopped
				rebuild(batch.Paths)
			}
		}()
	}

	rebuild(nil)

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		fmt.Fprintf(stderr, "samizdat serve: cannot listen on %s: %v\n(is another server running? try --port 0 or another port)\n", c.addr, err)
		cancel()
		<-rebuilt
		return exitUsage
	}
	urls := devserver.URLs(ln.Addr(), c.bind, machine)
	httpServer := devserver.NewHTTPServer(c.addr, srv)
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	fmt.Fprintf(stdout, "Serving %s at %s (Ctrl-C to stop)\n", c.site.source, urls[0])
	for _, u := range urls[1:] {
		fmt.Fprintf(stdout, "  and to other machines at %s\n", u)
	}
	if c.ready != nil {
		c.ready(urls[0])
	}

	select {
	case <-ctx.Done():
	case err := <-served:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "samizdat serve: %v\n", err)
		}
	}
	cancel()
	srv.Close()
	shutdown, stopWaiting := context.WithTimeout(context.Background(), 5*time.Second)
	defer stopWaiting()
	_ = httpServer.Shutdown(shutdown)
	<-rebuilt
	fmt.Fprintln(stdout, "Stopped.")
	return exitOK
}
