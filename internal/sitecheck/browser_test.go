package sitecheck

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/samizdat-press/samizdat/internal/browsertest"
)

var screenshotDir = flag.String("screenshots", "", "TestScreenshots writes full-page PNGs of every page into this `folder`")

// Every page is checked and photographed in each color scheme at each
// viewport width: a phone's and a desktop's.
var (
	schemes = []string{"light", "dark"}
	widths  = []int64{390, 1280}
)

// pageLog records what one page did in the browser: every request, every
// request that failed, every error it logged.
type pageLog struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	requests []string
	problems []string
}

func (l *pageLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls, l.requests, l.problems = map[network.RequestID]string{}, nil, nil
}

// listen runs on chromedp's reading goroutine: it only records.
func (l *pageLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.urls == nil {
		l.urls = map[network.RequestID]string{}
	}
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		l.urls[e.RequestID] = e.Request.URL
		l.requests = append(l.requests, e.Request.URL)
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			l.problems = append(l.problems, fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL))
		}
	case *network.EventLoadingFailed:
		l.problems = append(l.problems, fmt.Sprintf("request failed: %s: %s %s", l.urls[e.RequestID], e.ErrorText, e.BlockedReason))
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			l.problems = append(l.problems, fmt.Sprintf("logged error (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		l.problems = append(l.problems, fmt.Sprintf("script exception: %s (%s:%d)", msg, d.URL, d.LineNumber+1))
	}
}

// take returns the problems of the page since reset, with every request to
// a host other than the test server's.
func (l *pageLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	probs := append([]string(nil), l.problems...)
	for _, r := range l.requests {
		u, err := url.Parse(r)
		if err != nil {
			probs = append(probs, fmt.Sprintf("request to an unparsable URL %q", r))
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Hostname() != "127.0.0.1" {
			probs = append(probs, "request to another site: "+r)
		}
	}
	return probs
}

// session is one headless Chromium with one tab, and the site served on
// 127.0.0.1.
type session struct {
	ctx  context.Context
	base string // the server's URL, without a trailing slash
	log  *pageLog
}

// openBrowser serves the built site and starts Chromium.
func openBrowser(t *testing.T) *session {
	t.Helper()
	_, _, dir := buildSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)

	actx := browsertest.Allocator(t, chromedp.Flag("hide-scrollbars", true))
	s := &session{base: srv.URL, log: &pageLog{}}
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(s.log.listen))
	// The first Run starts the browser; it must not carry a timeout.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`)); err != nil {
		cancelCtx()
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx() })
	s.ctx = ctx
	return s
}

// pageURL is the address of an output file: "x/index.html" is served as "x/".
func (s *session) pageURL(p string) string {
	switch {
	case p == "index.html":
		return s.base + "/"
	case strings.HasSuffix(p, "/index.html"):
		return s.base + "/" + strings.TrimSuffix(p, "index.html")
	}
	return s.base + "/" + p
}

// emulate sets the viewport width and the color scheme of the tab; the
// open page follows at once.
func (s *session) emulate(width int64, scheme string) chromedp.Action[chromedp.Void] {
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	return chromedp.Steps(
		chromedp.EmulateViewport(width, 900),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, media)
			return err
		}),
	)
}

// open sets the viewport width and the color scheme, then loads the page.
func (s *session) open(p string, width int64, scheme string) error {
	return chromedp.Do(s.ctx, s.emulate(width, scheme), chromedp.Navigate(s.pageURL(p)))
}

// axeResult is what the script in runAxe returns.
type axeResult struct {
	Scheme     string `json:"scheme"`
	Width      int64  `json:"width"`
	Violations []struct {
		ID      string `json:"id"`
		Impact  string `json:"impact"`
		Help    string `json:"help"`
		HelpURL string `json:"helpUrl"`
		Nodes   []struct {
			Target  string `json:"target"`
			HTML    string `json:"html"`
			Summary string `json:"summary"`
		} `json:"nodes"`
	} `json:"violations"`
	Incomplete []struct {
		ID    string `json:"id"`
		Nodes int    `json:"nodes"`
	} `json:"incomplete"`
}

// axeRun runs axe-core over the open page with the WCAG 2.0, 2.1 and 2.2
// A and AA rules, and reports the scheme the page sees.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
	resultTypes: ['violations'],
}).then(r => ({
	scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
	width: innerWidth,
	violations: r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), html: n.html, summary: n.failureSummary || ''})),
	})),
	incomplete: r.incomplete.map(v => ({id: v.id, nodes: v.nodes.length})),
}))`

// TestAxe opens every page in light and dark schemes, at a phone's and a
// desktop's width, and runs axe-core in each; no violation, no request to
// another site, no failed request and no logged error is allowed.
func TestAxe(t *testing.T) {
	t.Parallel()
	axeJS := tool(t, "AXE_JS", "axe-core/axe.min.js")
	src, err := os.ReadFile(axeJS)
	if err != nil {
		t.Fatal(err)
	}
	inject := string(src) + "\n;typeof axe === 'object'"
	ps := pages(t)
	s := openBrowser(t)

	start := time.Now()
	runs := 0
	for _, p := range ps {
		// One load per page; axe runs in each scheme and width in turn.
		// The page has no transitions, so a switch shows at once.
		s.log.reset()
		if err := s.open(p, widths[0], schemes[0]); err != nil {
			t.Errorf("%s: loading: %v", p, err)
			continue
		}
		if ok, err := chromedp.Run(s.ctx, chromedp.Evaluate[bool](inject)); err != nil || !ok {
			t.Fatalf("%s: injecting axe-core from %s: %v", p, axeJS, err)
		}
		for _, scheme := range schemes {
			for _, width := range widths {
				where := fmt.Sprintf("%s (%s, %d px)", p, scheme, width)
				if err := chromedp.Do(s.ctx, s.emulate(width, scheme)); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				res, err := chromedp.Run(s.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Errorf("%s: running axe: %v", where, err)
					continue
				}
				runs++
				if res.Scheme != scheme || res.Width != width {
					t.Errorf("%s: the page sees prefers-color-scheme: %s at %d px", where, res.Scheme, res.Width)
				}
				for _, v := range res.Violations {
					var b strings.Builder
					fmt.Fprintf(&b, "%s: axe %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, v.HelpURL)
					for _, n := range v.Nodes {
						fmt.Fprintf(&b, "\n\t- %s\n\t  %s\n\t  %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t  "))
					}
					t.Error(b.String())
				}
				for _, v := range res.Incomplete {
					t.Logf("%s: axe could not decide %s on %d elements (review by hand)", where, v.ID, v.Nodes)
				}
			}
		}
		for _, msg := range s.log.take() {
			t.Errorf("%s: %s", p, msg)
		}
	}
	t.Logf("axe checked %d pages in %d runs in %v", len(ps), runs, time.Since(start).Round(time.Millisecond))
}

// TestScreenshots writes full-page PNGs of every page at 390 and 1280 px
// wide, light and dark, into the folder of -screenshots. Without the flag
// it does nothing: `make screenshots` runs it.
func TestScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("run with -args -screenshots=DIR (make screenshots)")
	}
	dir, err := filepath.Abs(*screenshotDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ps := pages(t)
	s := openBrowser(t)
	n := 0
	for _, p := range ps {
		for _, width := range widths {
			for _, scheme := range schemes {
				if err := s.open(p, width, scheme); err != nil {
					t.Errorf("%s: %v", p, err)
					continue
				}
				png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Errorf("%s: screenshot: %v", p, err)
					continue
				}
				name := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", shotName(p), width, scheme))
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "sitecheck: wrote %d screenshots into %s\n", n, dir)
}

// shotName names a page's screenshots: "people/x/index.html" is "people-x",
// "index.html" is "home", "404.html" is "404".
func shotName(p string) string {
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".html"), "index")
	p = strings.Trim(strings.ReplaceAll(p, "/", "-"), "-")
	if p == "" {
		return "home"
	}
	return p
}
