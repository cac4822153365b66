package devserver

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// testSite is a small build with every kind of file the server treats
// differently.
func testSite() *output.Output {
	return &output.Output{Files: map[string][]byte{
		"index.html":           []byte("<!doctype html><html><head><link rel=stylesheet href=style.css></head><body><h1>Home</h1></body></html>\n"),
		"a/index.html":         []byte("<!doctype html><title>A</title><body>section a</body>"),
		"a/b/index.html":       []byte("<!doctype html><title>B</title><body>section b</body>"),
		"a/page.html":          []byte("<p>no body tag at all</p>"),
		"upper.html":           []byte("<HTML><BODY>shouting</BODY></HTML>"),
		"two-bodies.html":      []byte("<body><script>var s = '</body>';</script></body>"),
		"style.css":            []byte("body { color: red } /* </body> */\n"),
		"app.js":               []byte("document.write('</body>');\n"),
		"feed.xml":             []byte("<?xml version=\"1.0\"?><rss><channel><description>&lt;/body&gt;</description></channel></rss></body>"),
		"sitemap.xml":          []byte("<?xml version=\"1.0\"?><urlset></urlset>"),
		"logo.svg":             []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
		"data.json":            []byte(`{"a":1}`),
		"site.webmanifest":     []byte(`{"name":"x"}`),
		"robots.txt":           []byte("User-agent: *\n"),
		"font.woff2":           {'w', 'O', 'F', '2', 0, 1, 2},
		"img.png":              {0x89, 'P', 'N', 'G', 0, 0xff, 0xfe},
		"photo.jpg":            {0xff, 0xd8, 0xff, 0},
		"photo.webp":           []byte("RIFF\x00\x00WEBP"),
		"favicon.ico":          {0, 0, 1, 0},
		"evil.example/x":       []byte("a folder named like a host, without index"),
		"unknown.qqqzz":        []byte("?"),
		"404.html":             []byte("<!doctype html><title>Not found</title><body>no such page</body>"),
		"кириллица/index.html": []byte("<body>unicode path</body>"),
	}}
}

// cloneOutput deep-copies out, so a test can check it was not modified.
func cloneOutput(out *output.Output) *output.Output {
	c := &output.Output{Files: make(map[string][]byte, len(out.Files))}
	for k, v := range out.Files {
		c.Files[k] = bytes.Clone(v)
	}
	c.Problems = append([]problem.Problem(nil), out.Problems...)
	return c
}

// withFiles returns a copy of out with files replaced or added; an empty
// value removes the file.
func withFiles(out *output.Output, files map[string]string) *output.Output {
	c := &output.Output{Files: maps.Clone(out.Files)}
	for k, v := range files {
		if v == "" {
			delete(c.Files, k)
			continue
		}
		c.Files[k] = []byte(v)
	}
	return c
}

func broken(ps ...problem.Problem) *output.Output {
	return &output.Output{Files: map[string][]byte{"index.html": []byte("half-built")}, Problems: ps}
}

// startServer runs s behind an httptest server on 127.0.0.1, configured as
// NewHTTPServer configures the real one. Streams are closed before the
// listener, as the CLI must do.
func startServer(t testing.TB, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(s)
	ts.Config = NewHTTPServer("", s)
	ts.Start()
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	return ts
}

func newServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	if opts.Logf == nil {
		opts.Logf = func(format string, args ...any) {}
	}
	s := New(opts)
	return s, startServer(t, s)
}

// rawResponse is a response read off the wire.
type rawResponse struct {
	status int
	header http.Header
	body   []byte
}

// rawGet sends one request exactly as written, so that Go's client cannot
// clean the target first. extra is added to the header block verbatim.
func rawGet(t testing.TB, addr, method, target, host string, extra ...string) rawResponse {
	t.Helper()
	return rawDo(t, addr, method, rawRequest(method, target, host, append(extra[:len(extra):len(extra)], "Connection: close")...))
}

// rawRequest writes a request; a host of "\x00" leaves out the Host header.
func rawRequest(method, target, host string, extra ...string) string {
	var req strings.Builder
	fmt.Fprintf(&req, "%s %s HTTP/1.1\r\n", method, target)
	if host != "\x00" {
		fmt.Fprintf(&req, "Host: %s\r\n", host)
	}
	for _, h := range extra {
		req.WriteString(h + "\r\n")
	}
	req.WriteString("\r\n")
	return req.String()
}

func rawDo(t testing.TB, addr, method, request string) rawResponse {
	t.Helper()
	resp, conn := rawSend(t, addr, method, request)
	defer conn.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading body of response to %q: %v", request, err)
	}
	return rawResponse{status: resp.StatusCode, header: resp.Header, body: body}
}

// rawSend sends request and reads the response's status and header; its
// body is read from conn, which the caller closes.
func rawSend(t testing.TB, addr, method, request string) (*http.Response, net.Conn) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		conn.Close()
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		conn.Close()
		t.Fatalf("reading response to %q: %v", request, err)
	}
	return resp, conn
}

// streamStatus asks for the event stream with the given Host and Origin
// ("" for none) and returns the response status, without waiting for the
// stream to end.
func streamStatus(t testing.TB, addr, host, origin string) int {
	t.Helper()
	extra := []string{"Accept: text/event-stream"}
	if origin != "" {
		extra = append(extra, "Origin: "+origin)
	}
	resp, conn := rawSend(t, addr, "GET", rawRequest("GET", eventsPath, host, extra...))
	conn.Close() // closing resp.Body instead would read the stream to its end
	return resp.StatusCode
}

// stream is one event-stream connection, read as the browser would.
type stream struct {
	conn net.Conn
	r    *bufio.Reader
}

// event is one SSE frame: an event, or comment lines only (a heartbeat).
type event struct {
	name    string
	data    string
	comment bool
}

// openStream connects to the event stream and returns once the response
// headers are in.
func openStream(t testing.TB, addr string) *stream {
	t.Helper()
	st, err := dialStream(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.conn.Close() })
	return st
}

func dialStream(addr string) (*stream, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, "GET /__samizdat/events HTTP/1.1\r\nHost: "+addr+"\r\nAccept: text/event-stream\r\n\r\n"); err != nil {
		conn.Close()
		return nil, err
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		conn.Close()
		return nil, fmt.Errorf("event stream: got %s %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	return &stream{conn: conn, r: bufio.NewReader(resp.Body)}, nil
}

// next reads the next event or heartbeat within d. Frames with no event
// and no comment (the retry field) are skipped.
func (st *stream) next(d time.Duration) (event, error) {
	st.conn.SetReadDeadline(time.Now().Add(d))
	for {
		var ev event
		seen := false
		for {
			line, err := st.r.ReadString('\n')
			if err != nil {
				return event{}, err
			}
			line = strings.TrimSuffix(line, "\n")
			if line == "" {
				break
			}
			seen = true
			switch {
			case strings.HasPrefix(line, ":"):
				ev.comment = true
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
		if seen && (ev.name != "" || ev.comment) {
			return ev, nil
		}
	}
}

// nextEvent reads the next event, skipping heartbeats.
func (st *stream) nextEvent(t testing.TB) event {
	t.Helper()
	for {
		ev, err := st.next(5 * time.Second)
		if err != nil {
			t.Fatalf("waiting for an event: %v", err)
		}
		if !ev.comment {
			return ev
		}
	}
}

func (st *stream) expect(t testing.TB, name string) event {
	t.Helper()
	ev := st.nextEvent(t)
	if ev.name != name {
		t.Fatalf("got event %q (data %.200s); want %q", ev.name, ev.data, name)
	}
	return ev
}

// waitFor polls cond until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
