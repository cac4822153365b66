package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startServeOutput is startServe that also hands back stdout, where serve
// prints one "Built N files in N ms" line per good build.
func startServeOutput(t *testing.T, dir string) (url string, stop func() int, stdout, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	c := serveConfig{site: siteFlags{source: dir, fingerprint: false}, addr: "127.0.0.1:0", bind: "127.0.0.1", ready: func(u string) { urls <- u }}
	go func() { done <- serve(ctx, c, stdout, stderr) }()
	select {
	case url = <-urls:
	case code := <-done:
		t.Fatalf("serve exited with %d:\n%s\n%s", code, stdout.String(), stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	stop = func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { cancel() })
	return url, stop, stdout, stderr
}

// eventStream is a client of /__samizdat/events that records the name of
// every event it receives, as a browser page would see them.
type eventStream struct {
	mu     sync.Mutex
	events []string
	cancel context.CancelFunc
}

func openEvents(t *testing.T, url string) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"__samizdat/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("events: %s, Content-Type %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &eventStream{cancel: cancel}
	t.Cleanup(cancel)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				s.mu.Lock()
				s.events = append(s.events, name)
				s.mu.Unlock()
			}
		}
	}()
	return s
}

// since returns the events received after the first n.
func (s *eventStream) since(n int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.events[min(n, len(s.events)):]...)
}

func (s *eventStream) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.events)
}

func countOf(events []string, name string) int {
	n := 0
	for _, e := range events {
		if e == name {
			n++
		}
	}
	return n
}

// TestServeCoalescesAStorm writes 1 000 files in well under a second, as
// a `git checkout` or a search-and-replace over the site does, and
// requires at most two builds, exactly one reload of the open page, and
// then a served site that equals a clean `samizdat build`.
func TestServeCoalescesAStorm(t *testing.T) {
	const pages, rounds = 50, 20 // 1 000 writes
	dir := writeSite(t, smallSite)
	storyFile := func(i int) string {
		return filepath.Join(dir, "content", "storm", fmt.Sprintf("story-%02d.md", i))
	}
	story := func(i, round int) []byte {
		return fmt.Appendf(nil, "---\ntitle: Story %d\ndate: 2012-11-%02d\n---\nStory %d, round %d.\n", i, 1+i%28, i, round)
	}
	for i := range pages {
		writeFile(t, storyFile(i), string(story(i, 0)))
	}

	url, stop, stdout, stderr := startServeOutput(t, dir)
	defer stop()
	events := openEvents(t, url)
	eventually(t, `the first event, "state"`, func() bool { return events.count() > 0 })
	if first := events.since(0)[0]; first != "state" {
		t.Fatalf("first event = %q; want state", first)
	}
	builds := func() int { return strings.Count(stdout.String(), "Built ") }

	// storm writes every page rounds times and waits until the server has
	// served the last write and gone quiet. It returns how long the writes
	// took, the longest pause between two of them, and the builds and
	// events that followed.
	storm := func(attempt int) (took, pause time.Duration, n int, got []string) {
		buildsBefore, eventsBefore := builds(), events.count()
		start := time.Now()
		prev := start
		for round := range rounds {
			for i := range pages {
				// Plain writes in place, the way tools that rewrite many
				// files do (no temporary file renamed over).
				if err := os.WriteFile(storyFile(i), story(i, attempt*rounds+round+1), 0o644); err != nil {
					t.Fatal(err)
				}
				now := time.Now()
				pause = max(pause, now.Sub(prev))
				prev = now
			}
		}
		took = time.Since(start)

		last := fmt.Sprintf("Story %d, round %d.", pages-1, (attempt+1)*rounds)
		eventually(t, "the last write to be served", func() bool {
			_, body := get(t, url+fmt.Sprintf("storm/story-%02d/", pages-1))
			return strings.Contains(body, last)
		})
		// Quiet: no new build and no new event for well past watch's
		// Quiet and serve's MaxWait.
		eventually(t, "the server to go quiet", func() bool {
			b, e := builds(), events.count()
			time.Sleep(2500 * time.Millisecond)
			return b == builds() && e == events.count()
		})
		return took, pause, builds() - buildsBefore, events.since(eventsBefore)
	}

	// A storm counts only if it was one: all writes within serve's MaxWait
	// (2 s) and no pause as long as watch's Quiet (50 ms), which ends a
	// batch by design. On a loaded machine (the race detector, other
	// builds) the writing goroutine can be descheduled for longer; such a
	// storm is measured and logged, and another one is tried.
	counted := false
	for attempt := range 3 {
		took, pause, n, got := storm(attempt)
		t.Logf("storm %d: %d writes in %v (longest pause %v): %d builds, events %v", attempt+1, pages*rounds, took, pause, n, got)
		if took > 1800*time.Millisecond || pause > 30*time.Millisecond {
			t.Logf("storm %d was not one burst on this machine; not counted", attempt+1)
			continue
		}
		counted = true
		if n < 1 || n > 2 {
			t.Errorf("the storm gave %d builds; want 1 or 2\nstdout:\n%s", n, stdout.String())
		}
		if r := countOf(got, "reload"); r != 1 {
			t.Errorf("the storm gave %d reload events (all events: %v); want exactly 1", r, got)
		}
		break
	}
	if !counted {
		t.Logf("no storm was one burst on this machine: builds and reloads not checked")
	}
	if strings.TrimSpace(stderr.String()) != "" {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	// Every file served equals a clean build of the folder as it is now.
	out := filepath.Join(t.TempDir(), "public")
	var bout, berr bytes.Buffer
	if code := Main([]string{"build", "--fingerprint=false", "--source", dir, "--dest", out, "--quiet"}, &bout, &berr); code != 0 {
		t.Fatalf("build: %d %s", code, berr.String())
	}
	compared := 0
	err := filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || info.Name() == ".samizdat-output" {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		code, got := get(t, url+filepath.ToSlash(rel))
		if code != http.StatusOK {
			t.Errorf("%s: status %d", rel, code)
		}
		if strings.HasSuffix(rel, ".html") {
			got = stripReloadScript(got)
		}
		if got != string(want) {
			t.Errorf("%s: served bytes differ from a clean build:\n--- served\n%s\n--- built\n%s", rel, got, want)
		}
		compared++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if compared < pages {
		t.Fatalf("compared only %d files", compared)
	}
}

// TestServeStopsOnSIGTERM runs `samizdat serve` as its own process (the
// test binary, which TestMain puts in PATH as samizdat) and stops it the
// way service managers and `docker stop` do.
func TestServeStopsOnSIGTERM(t *testing.T) {
	bin, err := exec.LookPath("samizdat")
	if err != nil {
		t.Skipf("samizdat is not in PATH (TestMain puts it there): %v", err)
	}
	dir := writeSite(t, smallSite)
	cmd := exec.Command(bin, "serve", "--port", "0", "--source", dir)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() // only if the test fails before Wait

	var stdout syncBuffer
	serving := make(chan struct{})
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(pipe)
		once := sync.Once{}
		for sc.Scan() {
			stdout.Write([]byte(sc.Text() + "\n"))
			if strings.HasPrefix(sc.Text(), "Serving ") {
				once.Do(func() { close(serving) })
			}
		}
	}()
	select {
	case <-serving:
	case <-copied:
		t.Fatalf("serve ended before serving:\n%s\n%s", stdout.String(), stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("no Serving line after 30 s:\n%s\n%s", stdout.String(), stderr.String())
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		<-copied // Wait closes the pipe: read it all first
		exited <- cmd.Wait()
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v (want exit status 0)\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve still running 10 s after SIGTERM:\n%s\n%s", stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "Stopped.") {
		t.Errorf("stdout lacks Stopped.:\n%s", stdout.String())
	}
}
