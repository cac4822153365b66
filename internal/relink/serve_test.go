package relink_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/template"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/samizdat-press/samizdat/internal/browsertest"
	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// mirrorPath is where nginx also serves the site, as a mirror on object storage would.
const mirrorPath = "/mirror/deep/path/"

// testSite returns a small site as the build writes it, with root-relative URLs in every place
// Rewrite handles: links to folders at several depths, a stylesheet with a query, CSS url() in
// a file, an @import, a <style> element and a style attribute, srcset, a meta refresh, and an
// absolute canonical link that must stay on the primary domain.
func testSite(t *testing.T) map[string][]byte {
	t.Helper()
	page := func(title, body string) []byte {
		return []byte(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>
<link rel="canonical" href="https://example.org/">
<link rel="stylesheet" href="/css/site.css?v=1">
<style>.hero{background:url("/img/hero.png")}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/a/">A</a> <a href="/a/b/">B</a> <a href="/a/b/doc.html#p2">Doc</a> <a href="/old/">Old</a> <a href="https://example.org/x/">elsewhere</a></nav>
<main class="hero"><h1>` + title + `</h1>` + body + `</main>
<footer style="background-image:url(/img/foot.png)"><img src="/img/x.png" srcset="/img/x.png 1x, /img/x2.png 2x" alt=""></footer>
</body></html>
`)
	}
	return map[string][]byte{
		"index.html":     page("Home", `<p><a href="/a/b/#top">deep</a> <a href="/a">A without slash</a></p>`),
		"a/index.html":   page("A", `<form action="/a/b/"><button>go</button></form>`),
		"a/b/index.html": page("B", `<p><a href="../">up, already relative</a> <a href="/a/b/">self</a></p>`),
		"a/b/doc.html":   page("Doc", `<p id="p2"><a href="/a/b/doc.html">this</a></p>`),
		"old/index.html": []byte(`<!doctype html><html><head><meta charset="utf-8"><title>Moved</title>
<meta http-equiv="refresh" content="0; url=/a/b/"></head><body><main><a href="/a/b/">moved</a></main></body></html>
`),
		"css/site.css":  []byte("@import \"/css/base.css\";\nmain{color:rgb(1, 2, 3)}\nnav{background:url(../img/nav.png)}\n"),
		"css/base.css":  []byte("body{background:url('/img/bg.png') no-repeat}\n"),
		"img/x.png":     tinyPNG(t),
		"img/x2.png":    tinyPNG(t),
		"img/hero.png":  tinyPNG(t),
		"img/foot.png":  tinyPNG(t),
		"img/nav.png":   tinyPNG(t),
		"img/bg.png":    tinyPNG(t),
		"index.xml":     []byte(`<rss><channel><link>https://example.org/</link></channel></rss>`),
		"sitemap.xml":   []byte(`<urlset><url><loc>https://example.org/a/</loc></url></urlset>`),
		"robots.txt":    []byte("User-agent: *\n"),
		"img/notes.txt": []byte("not linked, not crawled\n"),
	}
}

func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.NRGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeSite writes files under a new temporary folder and returns it.
func writeSite(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// need returns the path of a program the test needs. Without it the test is skipped on a
// laptop but fails in CI, whose image installs it.
func need(t *testing.T, pkg string, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if q, err := exec.LookPath(p); err == nil {
			return q
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found; CI must install it (apt-get install -y %s)", paths[0], pkg)
	}
	t.Skipf("%s not found; apt-get install -y %s to run this test", paths[0], pkg)
	return ""
}

// startNginx serves site at / and at mirrorPath, from a configuration made from
// testdata/nginx.conf.tmpl, and returns the server's origin ("http://127.0.0.1:port"). nginx is
// stopped when the test ends.
func startNginx(t *testing.T, site string) string {
	t.Helper()
	bin := need(t, "nginx", "/usr/sbin/nginx", "nginx")
	tmpl := template.Must(template.ParseFiles(filepath.Join("testdata", "nginx.conf.tmpl")))
	var lastErr error
	for range 3 { // the free port may be taken between probe and nginx's bind
		dir := t.TempDir()
		port := freePort(t)
		conf := filepath.Join(dir, "nginx.conf")
		var b bytes.Buffer
		err := tmpl.Execute(&b, struct {
			Dir, Site string
			Port      int
			AsRoot    bool
		}{Dir: dir, Site: site, Port: port, AsRoot: os.Geteuid() == 0})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(conf, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "-p", dir, "-c", conf, "-e", filepath.Join(dir, "error.log"), "-g", "daemon off;")
		// A file, not a pipe: nginx's workers would hold a pipe open, and Wait with it.
		out, err := os.Create(filepath.Join(dir, "stderr.log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = out, out
		err = cmd.Start()
		out.Close()
		if err != nil {
			t.Fatalf("start nginx: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		stop := func() {
			_ = cmd.Process.Signal(syscall.SIGTERM) // fast shutdown: the master stops its workers
			select {
			case <-exited:
				return
			case <-time.After(10 * time.Second):
			}
			_ = cmd.Process.Kill()
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				t.Errorf("nginx (pid %d) did not exit", cmd.Process.Pid)
			}
		}
		origin := fmt.Sprintf("http://127.0.0.1:%d", port)
		if err := waitReady(origin+"/", exited); err != nil {
			stop()
			stderr, _ := os.ReadFile(filepath.Join(dir, "stderr.log"))
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			lastErr = fmt.Errorf("nginx did not start: %v\n%s%s", err, stderr, log)
			continue
		}
		t.Cleanup(stop)
		return origin
	}
	t.Fatal(lastErr)
	return ""
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitReady polls u until it answers, nginx exits or ten seconds pass.
func waitReady(u string, exited <-chan error) error {
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("exited: %v", err)
		default:
		}
		if resp, err := client.Get(u); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("timed out")
}

// crawl fetches start and everything it references, transitively, on start's origin: links,
// assets, srcset candidates, meta refresh targets and CSS url() and @import. It fails the test
// on any response but 200, on any internal reference that leaves the folder of start (a
// root-relative URL that escaped the rewrite would), and after maxURLs URLs. It returns the
// paths fetched, relative to start's folder, without query.
func crawl(t *testing.T, start string) []string {
	t.Helper()
	const maxURLs = 2000
	base, err := url.Parse(start)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	seen := map[string]bool{start: true}
	queue := []string{start}
	var fetched []string
	for len(queue) > 0 {
		if len(seen) > maxURLs {
			t.Fatalf("crawl of %s: more than %d URLs", start, maxURLs)
		}
		u := queue[0]
		queue = queue[1:]
		resp, err := client.Get(u)
		if err != nil {
			t.Errorf("GET %s: %v", u, err)
			continue
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s %v", u, resp.Status, err)
			continue
		}
		final := resp.Request.URL
		fetched = append(fetched, strings.TrimPrefix(final.Path, base.Path))
		var refs []string
		switch ct := resp.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/html"):
			refs = htmlRefs(body)
		case strings.HasPrefix(ct, "text/css"):
			refs = cssRefs(body)
		}
		for _, ref := range refs {
			r, err := url.Parse(strings.TrimSpace(ref))
			if err != nil {
				t.Errorf("%s: bad reference %q: %v", u, ref, err)
				continue
			}
			abs := final.ResolveReference(r)
			abs.Fragment = ""
			if abs.Scheme != base.Scheme || abs.Host != base.Host {
				continue // another origin: the canonical link, external links
			}
			if !strings.HasPrefix(abs.Path, base.Path) {
				t.Errorf("%s: %q resolves to %s, outside %s", u, ref, abs, base)
				continue
			}
			if s := abs.String(); !seen[s] {
				seen[s] = true
				queue = append(queue, s)
			}
		}
	}
	slices.Sort(fetched)
	return slices.Compact(fetched)
}

// htmlRefs returns the URLs an HTML page references, as a browser would fetch or follow them.
func htmlRefs(b []byte) []string {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	var refs []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attr := func(key string) (string, bool) {
			for _, a := range n.Attr {
				if a.Namespace == "" && a.Key == key {
					return a.Val, true
				}
			}
			return "", false
		}
		for _, key := range []string{"href", "src", "poster", "action", "data"} {
			if v, ok := attr(key); ok {
				refs = append(refs, v)
			}
		}
		if v, ok := attr("srcset"); ok {
			for _, c := range strings.Split(v, ",") {
				if f := strings.Fields(c); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
		}
		if v, ok := attr("http-equiv"); ok && strings.EqualFold(v, "refresh") {
			c, _ := attr("content")
			if _, target, ok := strings.Cut(strings.ToLower(c), "url="); ok {
				refs = append(refs, c[len(c)-len(target):])
			}
		}
		if v, ok := attr("style"); ok {
			refs = append(refs, cssRefs([]byte(v))...)
		}
		if n.Data == "style" && n.FirstChild != nil {
			refs = append(refs, cssRefs([]byte(n.FirstChild.Data))...)
		}
	}
	return refs
}

var cssURL = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// cssRefs returns the URLs of CSS url() and @import.
func cssRefs(b []byte) []string {
	var refs []string
	for _, m := range cssURL.FindAllSubmatch(b, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 {
				refs = append(refs, string(g))
			}
		}
	}
	return refs
}

// wantFetched lists what a crawl of files must reach: every file but those a site does not link
// (feeds, sitemap, robots.txt, notes), pages by their folder URL.
func wantFetched(files map[string][]byte) []string {
	var want []string
	for name := range files {
		switch path.Ext(name) {
		case ".xml", ".txt":
			continue
		}
		want = append(want, strings.TrimSuffix(name, "index.html"))
	}
	slices.Sort(want)
	return want
}

// TestServedByNginx serves the rewritten site with nginx at the domain root and under a deep
// sub-path, and crawls both: every page and asset must be reached, answer 200 and stay under the
// root it was crawled from.
func TestServedByNginx(t *testing.T) {
	files := testSite(t)
	want := wantFetched(files)
	relink.Rewrite(files, relink.Options{})
	origin := startNginx(t, writeSite(t, files))
	for name, root := range map[string]string{"root": "/", "mirror": mirrorPath} {
		t.Run(name, func(t *testing.T) {
			got := crawl(t, origin+root)
			// "a" (no slash) redirects to "a/", so both count as "a/".
			got = slices.Compact(slices.Sorted(func(yield func(string) bool) {
				for _, g := range got {
					if !yield(g) {
						return
					}
				}
			}))
			if !slices.Equal(got, want) {
				t.Errorf("crawl from %s reached\n%q\nwant\n%q", root, got, want)
			}
		})
	}
}

// TestPortableInBrowser opens the portable build from file:// in headless Chromium and follows
// every link by navigating to it: each must load a page of the site, with its stylesheet and
// images, never a directory listing or a missing file.
func TestPortableInBrowser(t *testing.T) {
	files := testSite(t)
	relink.Rewrite(files, relink.Options{Portable: true})
	var want []string
	for name := range files {
		if path.Ext(name) == ".html" {
			want = append(want, name)
		}
	}
	slices.Sort(want)
	visited := browse(t, writeSite(t, files), func(u string, st pageState) {
		if st.Title != "Moved" && st.Color != "rgb(1, 2, 3)" {
			t.Errorf("%s: main's color is %q: site.css did not load", u, st.Color)
		}
	})
	if !slices.Equal(visited, want) {
		t.Errorf("visited\n%q\nwant every page\n%q", visited, want)
	}
}

// pageState is what browse reads from each page it opens.
type pageState struct {
	Href, Title string
	Main        bool
	Color       string // main's computed color
	Broken      []string
	Links       []string
}

const inspectJS = `(() => {
	const main = document.querySelector("main");
	return {
		Href: location.href,
		Title: document.title,
		Main: !!main,
		Color: main ? getComputedStyle(main).color : "",
		Broken: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src),
		Links: Array.from(document.links, a => a.href),
	};
})()`

// browse opens dir/index.html from file:// in headless Chromium and follows every link inside
// dir to a page or folder by navigating to it, up to 500 pages; links to other files (feeds,
// documents) must name an existing file. Each must load (a missing file fails navigation), be
// a page (a title and a <main>, which a directory listing has not), load every subresource and
// image, and link nowhere outside dir. check adds the caller's own checks. It returns the pages
// visited, relative to dir, sorted.
func browse(t *testing.T, dir string, check func(u string, st pageState)) []string {
	t.Helper()
	root := "file://" + filepath.ToSlash(dir) + "/"
	actx := browsertest.Allocator(t)
	var failed loadFailures
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(failed.listen))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	seen := map[string]bool{root + "index.html": true}
	queue := []string{root + "index.html"}
	var visited []string
	for len(queue) > 0 && len(visited) < 500 {
		u := queue[0]
		queue = queue[1:]
		failed.reset()
		// Navigate fails on net::ERR_FILE_NOT_FOUND, so a missing page is reported here.
		if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
			t.Errorf("open %s: %v", u, err)
			continue
		}
		st, err := inspectPage[pageState](ctx, inspectJS)
		if err != nil {
			t.Errorf("inspect %s: %v", u, err)
			continue
		}
		// Pages are listed by file name; the browser names them by URL,
		// where a Cyrillic folder is percent-encoded.
		page := strings.TrimPrefix(u, root)
		if unescaped, err := url.PathUnescape(page); err == nil {
			page = unescaped
		}
		visited = append(visited, page)
		switch {
		case st.Title == "" || !st.Main:
			t.Errorf("%s: loaded %s with title %q and no <main>: not a page of the site", u, st.Href, st.Title)
		case !strings.HasPrefix(st.Href, root) || !strings.Contains(st.Href, ".html"):
			t.Errorf("%s: landed on %s", u, st.Href)
		default:
			check(u, st)
		}
		if f := failed.list(); len(f) > 0 {
			t.Errorf("%s: failed to load %q", u, f)
		}
		if len(st.Broken) > 0 {
			t.Errorf("%s: broken images %q", u, st.Broken)
		}
		for _, l := range st.Links {
			l, _, _ = strings.Cut(l, "#")
			if !strings.HasPrefix(l, "file:") || seen[l] {
				continue
			}
			if !strings.HasPrefix(l, root) {
				t.Errorf("%s: link %s leaves the site's folder", u, l)
				continue
			}
			seen[l] = true
			if ext := path.Ext(l); ext != "" && ext != ".html" {
				// A feed, a document, an image: it must exist, but is no page to inspect.
				if p, err := url.PathUnescape(strings.TrimPrefix(l, "file://")); err != nil {
					t.Errorf("%s: link %s: %v", u, l, err)
				} else if _, err := os.Stat(filepath.FromSlash(p)); err != nil {
					t.Errorf("%s: link %s: %v", u, l, err)
				}
				continue
			}
			queue = append(queue, l)
		}
	}
	slices.Sort(visited)
	return visited
}

// loadFailures collects the URLs whose loading failed, from the browser's network events.
type loadFailures struct {
	mu     sync.Mutex
	urls   map[network.RequestID]string
	failed []string
}

// listen is a chromedp listener: it must return fast and run no command.
func (f *loadFailures) listen(ev any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if f.urls == nil {
			f.urls = map[network.RequestID]string{}
		}
		f.urls[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			f.failed = append(f.failed, f.urls[ev.RequestID]+" ("+ev.ErrorText+")")
		}
	}
}

func (f *loadFailures) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.urls, f.failed = nil, nil
}

func (f *loadFailures) list() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.failed)
}

// inspectPage waits for the current page to load and evaluates expr in it. A page that moves on
// by itself (meta refresh) can destroy the context mid-evaluation; then it tries again, on the
// page that took its place.
func inspectPage[T any](ctx context.Context, expr string) (T, error) {
	var err error
	for range 5 {
		var v T
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(10*time.Second)))
		if err == nil {
			if v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr)); err == nil {
				return v, nil
			}
		}
		if ctx.Err() != nil {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	var zero T
	return zero, err
}
