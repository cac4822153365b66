package devserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/problem"
)

type stateData struct {
	Version  string        `json:"version"`
	Problems []problemJSON `json:"problems"`
	Warnings []problemJSON `json:"warnings"`
}

func decodeState(t testing.TB, ev event) stateData { t.Helper(); return decodeData[stateData](t, ev) }

type reloadJSON struct {
	Version string   `json:"version"`
	Pages   []string `json:"pages"`
}

func decodeReload(t testing.TB, ev event) reloadJSON {
	t.Helper()
	return decodeData[reloadJSON](t, ev)
}

// decodeData decodes an event's JSON data.
func decodeData[T any](t testing.TB, ev event) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(ev.data), &v); err != nil {
		t.Fatalf("%s event data %q: %v", ev.name, ev.data, err)
	}
	return v
}

func TestStreamStartsWithState(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	st := openStream(t, ts.Listener.Addr().String())
	got := decodeState(t, st.expect(t, eventState))
	if got.Version != s.version() || len(got.Problems) != 0 {
		t.Errorf("first event: got %+v; want version %s and no problems", got, s.version())
	}
}

func TestUpdateEvents(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	st := openStream(t, addr)
	first := decodeState(t, st.expect(t, eventState))

	// Content change: reload, and the new page is already being served.
	site2 := withFiles(site, map[string]string{"index.html": "<body><h1>Home v2</h1></body>"})
	s.Update(site2)
	ev := st.expect(t, eventReload)
	if r := decodeReload(t, ev); r.Version == first.Version || r.Version != s.version() || !slices.Equal(r.Pages, []string{"index.html"}) {
		t.Errorf("reload data %q; want the new version %q (old %q) and the page that changed", ev.data, s.version(), first.Version)
	}
	if r := rawGet(t, addr, "GET", "/", addr); !bytes.Contains(r.body, []byte("Home v2")) {
		t.Errorf("after the reload event GET / = %q; want the new build", r.body)
	}

	// Only a stylesheet changed: css.
	site3 := withFiles(site2, map[string]string{"style.css": "body { color: blue }"})
	s.Update(site3)
	if ev := st.expect(t, eventCSS); ev.data != s.version() {
		t.Errorf("css data %q; want version %q", ev.data, s.version())
	}

	// Nothing changed: no event, so the next one is the problems.
	before := s.version()
	s.Update(cloneOutput(site3))
	if s.version() != before {
		t.Errorf("an identical build changed the version from %s to %s", before, s.version())
	}
	p := problem.Problem{File: "content/a.md", Line: 2, Col: 1, Message: "front matter is not closed", Hint: "add a line with --- after the front matter"}
	s.Update(broken(p))
	ev = st.expect(t, eventProblems)
	var list []problemJSON
	if err := json.Unmarshal([]byte(ev.data), &list); err != nil || len(list) != 1 || list[0].Position != "content/a.md:2:1" || list[0].Hint != p.Hint {
		t.Errorf("problems data %q (%v); want the one problem with its position and hint", ev.data, err)
	}
	if r := rawGet(t, addr, "GET", "/", addr); !bytes.Contains(r.body, []byte("Home v2")) {
		t.Errorf("with problems GET / = %q; want the last good build", r.body)
	}

	// A page opened now learns the problems on connect.
	late := openStream(t, addr)
	if got := decodeState(t, late.expect(t, eventState)); len(got.Problems) != 1 || got.Version != s.version() {
		t.Errorf("state on connect with problems: got %+v", got)
	}

	// The fix is byte-identical to the last good build, yet the overlay
	// must go: reload.
	s.Update(cloneOutput(site3))
	st.expect(t, eventReload)
	late.expect(t, eventReload)

	// Broken again, then fixed with only a stylesheet change: still reload.
	s.Update(broken(p))
	st.expect(t, eventProblems)
	s.Update(withFiles(site3, map[string]string{"style.css": "body { color: green }"}))
	st.expect(t, eventReload)

	// A stylesheet added or removed may be linked from pages: reload.
	site4 := withFiles(site3, map[string]string{"extra.css": "p {}"})
	s.Update(site4)
	st.expect(t, eventReload)
	s.Update(withFiles(site4, map[string]string{"extra.css": ""}))
	st.expect(t, eventReload)
}

// TestWarningsEvents: a page is told the latest build's warnings on
// connect and when they change, a partial build (Update alone) keeps them,
// problems do not hide them from the protocol, and a build without
// warnings clears them.
func TestWarningsEvents(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	addr := ts.Listener.Addr().String()
	s.Update(site)
	w := problem.Problem{File: "content/news/rally.md", Line: 12, Message: "raw HTML is left out of the page: <iframe src=x>", Hint: "use a link instead"}
	s.SetWarnings([]problem.Problem{w})

	st := openStream(t, addr)
	got := decodeState(t, st.expect(t, eventState))
	if len(got.Warnings) != 1 || got.Warnings[0].Position != "content/news/rally.md:12" || got.Warnings[0].Message != w.Message || got.Warnings[0].Hint != w.Hint {
		t.Fatalf("state on connect: warnings %+v; want the one warning with position, message and hint", got.Warnings)
	}

	// The same warnings again (the next save keeps the iframe): no event,
	// so the next one is the reload of a partial build, which keeps them.
	s.SetWarnings([]problem.Problem{w})
	s.Update(withFiles(site, map[string]string{"index.html": "<body>patched</body>"}))
	st.expect(t, eventReload)
	if got := decodeState(t, openStream(t, addr).expect(t, eventState)); len(got.Warnings) != 1 {
		t.Errorf("after a partial build: warnings %+v; want them kept", got.Warnings)
	}

	// A second warning: an event with both.
	w2 := problem.Problem{File: "content/a.md", Line: 3, Message: "the image has no alt text"}
	s.SetWarnings([]problem.Problem{w, w2})
	if list := decodeData[[]problemJSON](t, st.expect(t, eventWarnings)); len(list) != 2 || list[1].Position != "content/a.md:3" {
		t.Errorf("warnings event: %+v; want both warnings", list)
	}

	// Problems and warnings coexist.
	p := problem.Problem{File: "content/a.md", Line: 2, Col: 1, Message: "front matter is not closed"}
	s.Update(broken(p))
	st.expect(t, eventProblems)
	if got := decodeState(t, openStream(t, addr).expect(t, eventState)); len(got.Problems) != 1 || len(got.Warnings) != 2 {
		t.Errorf("state with problems and warnings: got %+v", got)
	}

	// A build without warnings clears them.
	s.Update(site)
	st.expect(t, eventReload)
	s.SetWarnings(nil)
	if ev := st.expect(t, eventWarnings); ev.data != "[]" {
		t.Errorf("warnings event after a build without them: %q; want []", ev.data)
	}
	if got := decodeState(t, openStream(t, addr).expect(t, eventState)); got.Warnings == nil || len(got.Warnings) != 0 {
		t.Errorf("state after the warnings went: %+v; want an empty list", got.Warnings)
	}
}

func TestBrokenFirstBuild(t *testing.T) {
	s, ts := newServer(t, Options{})
	addr := ts.Listener.Addr().String()
	s.Update(broken(problem.Problem{File: "site.toml", Line: 1, Col: 9, Message: "invalid TOML"}))

	r := rawGet(t, addr, "GET", "/any/page/", addr)
	if r.status != 503 || !bytes.Contains(r.body, []byte(`<script src="/__samizdat/reload.js" data-version="`+s.version()+`" data-file="">`)) {
		t.Fatalf("before any good build: got %d %q; want 503 and a page with the reload script", r.status, r.body)
	}
	st := openStream(t, addr)
	got := decodeState(t, st.expect(t, eventState))
	if got.Version != s.version() || len(got.Problems) != 1 || got.Problems[0].Position != "site.toml:1:9" {
		t.Errorf("state: got %+v; want the page's version and the problem", got)
	}
	s.Update(testSite())
	st.expect(t, eventReload)
	if r := rawGet(t, addr, "GET", "/", addr); r.status != 200 {
		t.Errorf("after the first good build: got %d; want 200", r.status)
	}
}

// TestRestartChangesVersion checks a page from before a server restart
// sees an unknown version on reconnect, and so reloads.
func TestRestartChangesVersion(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	a.Update(testSite())
	b.Update(testSite())
	if a.version() == b.version() {
		t.Errorf("two servers with the same build share version %q", a.version())
	}
}

func TestChanges(t *testing.T) {
	site := testSite()
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
		pages []string // for a reload: the pages named, nil for all
	}{
		{"same", nil, "", nil},
		{"css", map[string]string{"style.css": "x"}, eventCSS, nil},
		{"html", map[string]string{"index.html": "x"}, eventReload, []string{"index.html"}},
		{"two pages, a feed", map[string]string{"a/index.html": "x", "a/b/index.html": "y", "feed.xml": "z"}, eventReload, []string{"a/b/index.html", "a/index.html"}},
		{"added page", map[string]string{"new/index.html": "x"}, eventReload, []string{"new/index.html"}},
		{"removed page", map[string]string{"a/page.html": ""}, eventReload, []string{"a/page.html"}},
		{"page and css", map[string]string{"index.html": "x", "style.css": "y"}, eventReload, nil},
		{"page and script", map[string]string{"index.html": "x", "app.js": "y"}, eventReload, nil},
		{"image", map[string]string{"img.png": "x"}, eventReload, nil},
		{"css and js", map[string]string{"style.css": "x", "app.js": "y"}, eventReload, nil},
		{"added css", map[string]string{"new.css": "x"}, eventReload, nil},
		{"removed css", map[string]string{"style.css": ""}, eventReload, nil},
		{"removed image", map[string]string{"img.png": ""}, eventReload, nil},
		{"css with feed and sitemap", map[string]string{"style.css": "x", "feed.xml": "y", "sitemap.xml": "z"}, eventCSS, nil},
		{"feed alone", map[string]string{"feed.xml": "y"}, "", nil},
		{"robots alone", map[string]string{"robots.txt": "y"}, "", nil},
	} {
		kind, pages := changes(site, withFiles(site, tc.files))
		if kind != tc.want || !slices.Equal(pages, tc.pages) || (pages == nil) != (tc.pages == nil) {
			t.Errorf("%s: changes = %q %q; want %q %q", tc.name, kind, pages, tc.want, tc.pages)
		}
	}
	if kind, pages := changes(nil, site); kind != eventReload || pages != nil {
		t.Errorf("first build: changes = %q %q; want a reload of every page", kind, pages)
	}
	// Renaming a file keeps the count but is not a css change.
	renamed := withFiles(site, map[string]string{"style.css": "", "style2.css": string(site.Files["style.css"])})
	if kind, pages := changes(site, renamed); kind != eventReload || pages != nil {
		t.Errorf("renamed stylesheet: changes = %q %q; want a reload of every page", kind, pages)
	}
	// More pages than a reload names: every page reloads.
	many := map[string]string{}
	for i := range maxPages + 1 {
		many[fmt.Sprintf("p%d/index.html", i)] = "x"
	}
	if kind, pages := changes(site, withFiles(site, many)); kind != eventReload || pages != nil {
		t.Errorf("%d pages: changes = %q %d pages; want a reload of every page", len(many), kind, len(pages))
	}
}

func TestMailboxCoalesces(t *testing.T) {
	s := New(Options{})
	s.Update(testSite())
	c := &client{mailbox: make(chan message, 1)}
	s.mu.Lock()
	s.deliverLocked(c, message{kind: eventCSS, frame: []byte("css 1")})
	s.deliverLocked(c, message{kind: eventCSS, frame: []byte("css 2")})
	s.mu.Unlock()
	if m := <-c.mailbox; string(m.frame) != "css 2" {
		t.Errorf("two css events: pending %q; want the later one", m.frame)
	}
	s.mu.Lock()
	s.deliverLocked(c, message{kind: eventCSS, frame: []byte("css")})
	s.deliverLocked(c, message{kind: eventProblems, frame: []byte("problems")})
	s.mu.Unlock()
	if m := <-c.mailbox; m.kind != eventState {
		t.Errorf("css then problems: pending %q; want a state event", m.kind)
	}
	// Two reloads may name different pages: the later one alone could skip
	// a page the first one named.
	s.mu.Lock()
	s.deliverLocked(c, message{kind: eventReload, frame: []byte(`reload {"pages":["a/index.html"]}`)})
	s.deliverLocked(c, message{kind: eventReload, frame: []byte(`reload {"pages":["b/index.html"]}`)})
	s.mu.Unlock()
	if m := <-c.mailbox; m.kind != eventState {
		t.Errorf("two reloads: pending %q; want a state event", m.kind)
	}
	select {
	case m := <-c.mailbox:
		t.Errorf("mailbox held a second message %q", m.frame)
	default:
	}
}

func TestUpdateNeverBlocksOnAStream(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	// A stream whose reader has stopped: its mailbox fills at once.
	st := openStream(t, ts.Listener.Addr().String())
	st.expect(t, eventState)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 1000 {
			s.Update(withFiles(testSite(), map[string]string{"index.html": fmt.Sprint(i)}))
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("1000 updates with one idle stream did not finish in 10 s")
	}
	// Whatever was coalesced, the page ends up told to reload.
	if ev := st.nextEvent(t); ev.name != eventReload && ev.name != eventState {
		t.Errorf("after many updates: got %q; want reload or state", ev.name)
	}
}

func TestStuckStreamDroppedOthersServed(t *testing.T) {
	s, ts := newServer(t, Options{WriteTimeout: 300 * time.Millisecond})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()

	stuck, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	stuck.(*net.TCPConn).SetReadBuffer(4 << 10)
	io.WriteString(stuck, "GET /__samizdat/events HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	good := openStream(t, addr)
	good.expect(t, eventState)
	if !waitFor(5*time.Second, func() bool { return s.streamCount() == 2 }) {
		t.Fatalf("got %d streams; want 2", s.streamCount())
	}

	// Big problem lists fill the stuck page's socket buffers; its handler
	// then blocks in a write until the deadline drops it.
	big := strings.Repeat("x", 1<<20)
	giveUp := time.Now().Add(10 * time.Second)
	for i := 0; s.streamCount() == 2; i++ {
		if time.Now().After(giveUp) {
			t.Fatalf("the stuck stream was not dropped after %d updates in 10 s", i)
		}
		start := time.Now()
		s.Update(broken(problem.Problem{Message: fmt.Sprint(i, big)}))
		ev := good.expect(t, eventProblems)
		if !strings.HasPrefix(ev.data, fmt.Sprintf(`[{"position":"site","file":"","line":0,"col":0,"message":"%d`, i)) {
			t.Fatalf("update %d: got problems %.80q", i, ev.data)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("update %d reached the good page after %v; the stuck one held it up", i, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The good page keeps getting events after the drop.
	s.Update(testSite())
	good.expect(t, eventReload)
}

func TestManyStreamsAllNotified(t *testing.T) {
	const n = 200
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	streams := openStreams(t, ts.Listener.Addr().String(), n)

	s.Update(withFiles(testSite(), map[string]string{"index.html": "v2"}))
	errs := make(chan error, n)
	for _, st := range streams {
		go func() {
			ev, err := st.next(10 * time.Second)
			if err == nil && ev.name != eventReload {
				err = fmt.Errorf("got %q; want reload", ev.name)
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// openStreams opens n event streams and reads each one's state event.
func openStreams(t testing.TB, addr string, n int) []*stream {
	t.Helper()
	streams := make([]*stream, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range streams {
		wg.Go(func() {
			st, err := dialStream(addr)
			if err != nil {
				errs <- err
				return
			}
			streams[i] = st
			if ev, err := st.next(10 * time.Second); err != nil || ev.name != eventState {
				errs <- fmt.Errorf("stream %d first event %q: %v", i, ev.name, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	t.Cleanup(func() {
		for _, st := range streams {
			if st != nil {
				st.conn.Close()
			}
		}
	})
	for err := range errs {
		t.Fatal(err)
	}
	return streams
}

// BenchmarkBroadcast200 measures the time from Update to each of 200 pages
// reading its event, and reports the 99th percentile.
func BenchmarkBroadcast200(b *testing.B) {
	const n = 200
	s, ts := newServer(b, Options{})
	s.Update(testSite())
	streams := openStreams(b, ts.Listener.Addr().String(), n)
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		got := make(chan time.Duration, n)
		start := time.Now()
		for _, st := range streams {
			go func() {
				if _, err := st.next(10 * time.Second); err != nil {
					got <- -1
					return
				}
				got <- time.Since(start)
			}()
		}
		s.Update(withFiles(testSite(), map[string]string{"index.html": fmt.Sprint(i)}))
		for range n {
			d := <-got
			if d < 0 {
				b.Fatal("a stream missed the event")
			}
			lat = append(lat, d)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}

func TestConnectDisconnectCyclesLeaveNoGoroutines(t *testing.T) {
	const cycles = 10000 // about 3 s, 7 s with -race: no need to skip in -short
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	// Warm up, so pooled goroutines of net/http and the runtime exist
	// before the baseline.
	for range 10 {
		st := openStream(t, addr)
		st.expect(t, eventState)
		st.conn.Close()
	}
	settle(t, s)
	before, fdsBefore := runtime.NumGoroutine(), openFDs()

	for i := range cycles {
		st, err := dialStream(addr)
		if err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
		if ev, err := st.next(5 * time.Second); err != nil || ev.name != eventState {
			t.Fatalf("cycle %d: first event %q: %v", i, ev.name, err)
		}
		st.conn.Close()
	}

	settle(t, s)
	const tolerance = 5
	if !waitFor(5*time.Second, func() bool { return runtime.NumGoroutine() <= before+tolerance }) {
		buf := make([]byte, 1<<20)
		t.Fatalf("goroutines: %d before %d cycles, %d after\n%s", before, cycles, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
	}
	if fdsBefore >= 0 && !waitFor(5*time.Second, func() bool { return openFDs() <= fdsBefore+tolerance }) {
		t.Errorf("open files: %d before %d cycles, %d after", fdsBefore, cycles, openFDs())
	}
}

// openFDs counts this process's open file descriptors, or returns -1 where
// /proc/self/fd does not exist.
func openFDs() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(fds)
}

// settle waits until the server has no streams and the connections of
// finished ones are gone.
func settle(t *testing.T, s *Server) {
	t.Helper()
	if !waitFor(10*time.Second, func() bool { return s.streamCount() == 0 }) {
		t.Fatalf("%d streams still open", s.streamCount())
	}
	time.Sleep(100 * time.Millisecond)
}

func TestCloseEndsStreams(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	streams := openStreams(t, addr, 5)

	closed := make(chan struct{})
	go func() {
		s.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		t.Fatal("Close did not return within 2 s")
	}
	if n := s.streamCount(); n != 0 {
		t.Errorf("after Close: %d streams", n)
	}
	for i, st := range streams {
		if _, err := st.next(2 * time.Second); !errors.Is(err, io.EOF) {
			t.Errorf("stream %d after Close: got %v; want EOF", i, err)
		}
	}
	if r := rawGet(t, addr, "GET", eventsPath, addr); r.status != http.StatusServiceUnavailable {
		t.Errorf("new stream after Close: got %d; want 503", r.status)
	}
	if r := rawGet(t, addr, "GET", "/", addr); r.status != 200 {
		t.Errorf("page after Close: got %d; want 200", r.status)
	}
	s.Close() // idempotent
}

func TestHeartbeat(t *testing.T) {
	s, ts := newServer(t, Options{Heartbeat: 50 * time.Millisecond})
	s.Update(testSite())
	st := openStream(t, ts.Listener.Addr().String())
	st.expect(t, eventState)
	ev, err := st.next(2 * time.Second)
	if err != nil || !ev.comment {
		t.Errorf("got %+v, %v; want a heartbeat comment", ev, err)
	}
}

// TestStreamOutlivesReadTimeout checks that http.Server.ReadTimeout, which
// NewHTTPServer sets, does not end a stream: net/http clears the read
// deadline before its background read of a bodiless request. Should that
// change, the stream handler must lift the deadline itself.
func TestStreamOutlivesReadTimeout(t *testing.T) {
	s := New(Options{})
	s.Update(testSite())
	ts := httptest.NewUnstartedServer(s)
	ts.Config.ReadTimeout = 200 * time.Millisecond
	ts.Start()
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)

	st := openStream(t, ts.Listener.Addr().String())
	st.expect(t, eventState)
	time.Sleep(600 * time.Millisecond)
	s.Update(withFiles(testSite(), map[string]string{"index.html": "v2"}))
	st.expect(t, eventReload)
}

func TestNewHTTPServerLimits(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadHeaderTimeout > 10*time.Second {
		t.Errorf("ReadHeaderTimeout %v; want (0, 10s]", srv.ReadHeaderTimeout)
	}
	if srv.ReadTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("ReadTimeout %v, IdleTimeout %v; want both set", srv.ReadTimeout, srv.IdleTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("WriteTimeout %v; want none, it would end event streams", srv.WriteTimeout)
	}
	if srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 1<<20 {
		t.Errorf("MaxHeaderBytes %d; want bounded", srv.MaxHeaderBytes)
	}
}

// TestCloseThenShutdown checks the shutdown order the CLI uses: Close ends
// the streams, so http.Server.Shutdown finds every connection idle.
func TestCloseThenShutdown(t *testing.T) {
	s := New(Options{})
	s.Update(testSite())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(ln.Addr().String(), s)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	st := openStream(t, ln.Addr().String())
	st.expect(t, eventState)

	s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown after Close: %v", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v; want http.ErrServerClosed", err)
	}
}

// A page that connects with an older version is told it is fresh when no
// build since changed it, so one save (a partial build, then the full one)
// reloads it once, not twice.
func TestConnectingPageIsFreshUnlessItChanged(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	site := testSite()
	s.Update(site)
	v1 := s.version()
	fresh := func(v, file string) bool {
		t.Helper()
		c, ok := s.subscribe(v, file)
		if !ok {
			t.Fatal("server closed")
		}
		defer s.unsubscribe(c)
		m := <-c.mailbox
		var st struct {
			Version string
			Fresh   *bool
		}
		data := strings.TrimSuffix(strings.SplitN(string(m.frame), "data: ", 2)[1], "\n\n")
		if m.kind != eventState || json.Unmarshal([]byte(data), &st) != nil || st.Fresh == nil || st.Version != s.version() {
			t.Fatalf("first event %q; want a state with the current version and fresh", m.frame)
		}
		return *st.Fresh
	}
	site = withFiles(site, map[string]string{"a/index.html": "<body>section a, edited</body>"})
	s.Update(site)
	v2 := s.version()
	if v2 == v1 {
		t.Fatal("an edit made no new version")
	}
	for _, tc := range []struct {
		v, file string
		want    bool
	}{
		{v2, "a/index.html", true},   // current
		{v1, "a/b/index.html", true}, // older, but unchanged since
		{v1, "a/index.html", false},  // changed since
		{v1, "", false},              // a 404 or "building" page: any change may concern it
		{"other.1", "a/b/index.html", false},
		{"garbage", "a/b/index.html", false},
	} {
		if got := fresh(tc.v, tc.file); got != tc.want {
			t.Errorf("version %q, file %q: fresh = %v; want %v", tc.v, tc.file, got, tc.want)
		}
	}
	// A stylesheet change concerns every page.
	site = withFiles(site, map[string]string{"style.css": "body { color: blue }"})
	s.Update(site)
	if fresh(v2, "a/b/index.html") {
		t.Error("a page older than a stylesheet change is fresh")
	}
}
