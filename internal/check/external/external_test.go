package external

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// linkServer answers like a real site: some pages there, some gone, one
// that refuses HEAD, one too slow. It records what it saw.
type linkServer struct {
	*httptest.Server
	inflight, maxInflight atomic.Int32
	mu                    sync.Mutex
	requests              []string // "METHOD /path"
	agents                map[string]bool
}

func newLinkServer(t *testing.T, all *atomic.Int32, allMax *atomic.Int32) *linkServer {
	s := &linkServer{agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trackMax(&s.inflight, &s.maxInflight, 1)
		trackMax(all, allMax, 1)
		counted := true
		uncount := func() {
			if counted {
				counted = false
				s.inflight.Add(-1)
				all.Add(-1)
			}
		}
		defer uncount()
		s.mu.Lock()
		s.requests = append(s.requests, r.Method+" "+r.URL.Path)
		s.agents[r.UserAgent()] = true
		s.mu.Unlock()
		time.Sleep(5 * time.Millisecond) // long enough for overlapping requests to show
		switch r.URL.Path {
		case "/ok", "/ok2", "/ok3":
		case "/gone":
			http.NotFound(w, r)
		case "/nohead":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
			}
		case "/robots-unwelcome":
			w.WriteHeader(http.StatusForbidden)
		case "/broken":
			w.WriteHeader(http.StatusInternalServerError)
		case "/slow":
			// The checker gives up on this one after its timeout and moves
			// on; the server only notices when the connection closes, which
			// may be later. The request stops counting once it is only
			// waiting, so the overlap measured is the checker's, not ours.
			uncount()
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func trackMax(n, max *atomic.Int32, d int32) {
	v := n.Add(d)
	for {
		m := max.Load()
		if v <= m || max.CompareAndSwap(m, v) {
			return
		}
	}
}

func TestExternal(t *testing.T) {
	var all, allMax atomic.Int32
	a := newLinkServer(t, &all, &allMax)
	others := []*linkServer{}
	for range 5 {
		others = append(others, newLinkServer(t, &all, &allMax))
	}
	body := `<a href="` + a.URL + `/ok#x">ok</a><a href="` + a.URL + `/ok">again</a>` + "\n" +
		`<a href="` + a.URL + `/gone">gone</a><a href="` + a.URL + `/nohead">x</a><a href="` + a.URL + `/robots-unwelcome">x</a>` + "\n" +
		`<a href="` + a.URL + `/broken">x</a><a href="` + a.URL + `/slow">x</a>` + "\n" +
		`<a href="https://example.org/own/">own site</a><a href="mailto:x@example.org">mail</a><a href="/local/">local</a>`
	for _, o := range others {
		body += `<a href="` + o.URL + `/ok">o</a><a href="` + o.URL + `/ok2">o</a><a href="` + o.URL + `/ok3">o</a>`
	}
	out := siteOf(map[string]string{
		"index.html": doc(body),
		"more.html":  doc(`<img alt="" src="` + a.URL + `/gone">`),
	})
	got := Check(context.Background(), out, Options{BaseURL: "https://example.org/", Timeout: 300 * time.Millisecond, Client: a.Client()})

	expectProblems(t, got, []string{
		`index.html:4:` + col(body, "/gone") + `: <a href> "` + a.URL + `/gone" is broken: the server answered 404 Not Found`,
		`index.html:5:` + col(body, "/broken") + `: the server answered 500 Internal Server Error`,
		`index.html:5:` + col(body, "/slow") + `: is broken: no answer`,
		`more.html:3:13: <img src> "` + a.URL + `/gone" is broken: the server answered 404`,
	})

	a.mu.Lock()
	defer a.mu.Unlock()
	count := map[string]int{}
	for _, r := range a.requests {
		count[r]++
	}
	if count["HEAD /ok"] != 1 || count["GET /ok"] != 0 {
		t.Errorf("requests for /ok: %v; want one HEAD for both links", count)
	}
	if count["GET /nohead"] != 1 {
		t.Errorf("a refused HEAD was not retried with GET: %v", count)
	}
	for ua := range a.agents {
		if !strings.Contains(ua, "samizdat") {
			t.Errorf("User-Agent %q does not name samizdat", ua)
		}
	}
	for _, s := range append(others, a) {
		if m := s.maxInflight.Load(); m > 1 {
			t.Errorf("%s saw %d requests at once; want one at a time", s.URL, m)
		}
	}
	if m := allMax.Load(); m > workers {
		t.Errorf("%d requests in flight; want at most %d", m, workers)
	}
}

// col returns the column, on its line, of the href attribute whose URL
// ends in suffix.
func col(body, suffix string) string {
	i := strings.Index(body, suffix+`"`)
	j := strings.LastIndex(body[:i], "href=")
	k := strings.LastIndex(body[:j], "\n") + 1
	return strconv.Itoa(j - k + 1)
}

func TestExternalCancelled(t *testing.T) {
	var all, allMax atomic.Int32
	a := newLinkServer(t, &all, &allMax)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := siteOf(map[string]string{"index.html": doc(`<a href="` + a.URL + `/gone">x</a>`)})
	if got := Check(ctx, out, Options{Client: a.Client()}); len(got) != 0 {
		t.Errorf("a cancelled check reported %v", positions(got))
	}
}

func doc(body string) string {
	return "<!doctype html><title>t</title>\n<h1>T</h1>\n" + body
}

func siteOf(files map[string]string) *output.Output {
	out := &output.Output{Files: map[string][]byte{}}
	for p, s := range files {
		out.Files[p] = []byte(s)
	}
	return out
}

func positions(ps []problem.Problem) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Position()+": "+p.Message)
	}
	return s
}

// expectProblems wants exactly the given problems, each written as
// "position: part of the message", in order.
func expectProblems(t *testing.T, got []problem.Problem, want []string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		pos, msg, _ := strings.Cut(want[i], ": ")
		ok = got[i].Position() == pos && strings.Contains(got[i].Message, msg) && got[i].Hint != ""
	}
	if !ok {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(positions(got), "\n  "), strings.Join(want, "\n  "))
	}
}
