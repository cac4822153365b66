package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/samizdat-press/samizdat/internal/devserver"
)

// smallSite is a site for the dev server tests.
const smallSite = `
-- site.toml --
baseURL = "https://example.org/"
title = "Small"
-- layouts/_default/baseof.html --
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ relURL "css/site.css" }}"></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
-- layouts/_default/single.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
-- layouts/_default/list.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages }}<a href="{{ .URL }}">{{ .Title }}</a>{{ end }}{{ end }}
-- layouts/404.html --
{{ define "main" }}<h1>Not found</h1>{{ end }}
-- static/css/site.css --
body { color: black; }
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/news/first.md --
---
title: First
date: 2012-11-21
---
The first story.
`

// writeSite writes a txtar site into a new temporary folder.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs `samizdat serve` on a free port and returns its URL and
// a function that stops it and returns the exit code.
func startServe(t *testing.T, dir string, extra ...string) (string, func() int, *syncBuffer) {
	t.Helper()
	url, stop, _, stderr := startServeOut(t, dir, extra...)
	return url, stop, stderr
}

// startServeOut is startServe, also giving the server's standard output.
func startServeOut(t *testing.T, dir string, extra ...string) (string, func() int, *syncBuffer, *syncBuffer) {
	t.Helper()
	c := serveConfig{site: siteFlags{source: dir, fingerprint: false}, addr: "127.0.0.1:0", bind: "127.0.0.1"}
	for _, e := range extra {
		if e == "--poll" {
			c.poll = true
		}
	}
	return startServeConfig(t, c)
}

// startServeConfig is startServeOut for a config of the test's own; its
// ready is replaced.
func startServeConfig(t *testing.T, c serveConfig) (string, func() int, *syncBuffer, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	c.ready = func(u string) { urls <- u }
	go func() { done <- serve(ctx, c, &stdout, &stderr) }()
	var url string
	select {
	case url = <-urls:
	case code := <-done:
		t.Fatalf("serve exited with %d:\n%s\n%s", code, stdout.String(), stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	stop := func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { cancel() })
	return url, stop, &stdout, &stderr
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// quiet waits until out has not grown for half a second: the server has
// built what it was given.
func quiet(t *testing.T, out *syncBuffer) {
	t.Helper()
	last, since := out.String(), time.Now()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if now := out.String(); now != last {
			last, since = now, time.Now()
		} else if time.Since(since) >= 500*time.Millisecond {
			return
		}
	}
	t.Fatalf("the server did not go quiet:\n%s", last)
}

func TestServeRebuildsOnSaveAndRecoversFromMistakes(t *testing.T) {
	dir := writeSite(t, smallSite)
	url, stop, stderr := startServe(t, dir)
	page := filepath.Join(dir, "content/news/first.md")

	code, body := get(t, url+"news/first/")
	if code != 200 || !strings.Contains(body, "The first story.") || !strings.Contains(body, "/__samizdat/reload.js") {
		t.Fatalf("GET first: %d %q", code, body)
	}

	// A save shows up.
	writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\nAn edited story.\n")
	eventually(t, "the edit to be served", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "An edited story.")
	})

	// A mistake keeps the last good site and reports file and line.
	writeFile(t, page, "---\ntitel: First\n---\nBroken.\n")
	eventually(t, "the problem to be reported", func() bool {
		return strings.Contains(stderr.String(), "content/news/first.md:2")
	})
	_, body = get(t, url+"news/first/")
	if !strings.Contains(body, "An edited story.") {
		t.Errorf("after a mistake the last good page must stay served; got %q", body)
	}
	_, problems := get(t, url+"__samizdat/problems")
	if !strings.Contains(problems, "titel") {
		t.Errorf("problems endpoint = %q; want the unknown key", problems)
	}

	// Fixing it clears the problem without a restart.
	writeFile(t, page, "---\ntitle: First\n---\nFixed.\n")
	eventually(t, "the fix to be served", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "Fixed.")
	})
	_, problems = get(t, url+"__samizdat/problems")
	if strings.Contains(problems, "titel") {
		t.Errorf("problems not cleared after the fix: %q", problems)
	}

	// A new section folder with a page already in it.
	tmp := filepath.Join(t.TempDir(), "extra")
	writeFile(t, filepath.Join(tmp, "page.md"), "---\ntitle: Extra\n---\nExtra page.\n")
	if err := os.Rename(tmp, filepath.Join(dir, "content", "extra")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new folder's page", func() bool {
		code, body := get(t, url+"extra/page/")
		return code == 200 && strings.Contains(body, "Extra page.")
	})

	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// A site that does not build when serve starts has no last good build to
// keep: the terminal says the site is shown once it builds, not that the
// last good build is still served, and the fix brings the site.
func TestServeStartedOnAMistakeSaysNothingIsServed(t *testing.T) {
	dir := writeSite(t, smallSite)
	page := filepath.Join(dir, "content/news/first.md")
	writeFile(t, page, "---\ntitel: First\n---\nBroken.\n")
	url, stop, stderr := startServe(t, dir)
	eventually(t, "the problem to be reported", func() bool {
		return strings.Contains(stderr.String(), "content/news/first.md:2")
	})
	if got := stderr.String(); !strings.Contains(got, "1 problem; the site is shown once it builds.") || strings.Contains(got, "last good build") {
		t.Errorf("stderr = %q; want it to say the site is shown once it builds", got)
	}
	if code, _ := get(t, url+"news/first/"); code != 503 {
		t.Errorf("GET before any good build = %d; want 503", code)
	}
	writeFile(t, page, "---\ntitle: First\n---\nFixed.\n")
	eventually(t, "the fix to be served", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "Fixed.")
	})
	writeFile(t, page, "---\ntitel: First\n---\nBroken again.\n")
	eventually(t, "the second mistake to be reported", func() bool {
		return strings.Contains(stderr.String(), "still serving the last good build")
	})
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// TestServeShowsATextSaveAtOnce saves a page's text and a stylesheet: the
// dev server shows them from the last build (site.Patch) before the full
// build, which then brings the lists showing the page's summary up to date.
func TestServeShowsATextSaveAtOnce(t *testing.T) {
	dir := writeSite(t, smallSite)
	writeFile(t, filepath.Join(dir, "layouts/_default/list.html"),
		`{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<p class="summary">{{ .Summary }}</p>{{ end }}{{ end }}`)
	url, stop, stdout, stderr := startServeOut(t, dir)
	page := filepath.Join(dir, "content/news/first.md")

	writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\nA new first paragraph.\n")
	eventually(t, "the edit to be served", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "A new first paragraph.")
	})
	eventually(t, "the section list to show the new summary", func() bool {
		_, body := get(t, url+"news/")
		return strings.Contains(body, "A new first paragraph.")
	})
	if !strings.Contains(stdout.String(), "Updated 1 file in") {
		t.Errorf("a save of a page's text did not take the fast path:\n%s\n%s", stdout.String(), stderr.String())
	}

	// So is a stylesheet.
	before := strings.Count(stdout.String(), "Updated ")
	writeFile(t, filepath.Join(dir, "static/css/site.css"), "body { color: navy; }\n")
	eventually(t, "the new stylesheet", func() bool {
		_, body := get(t, url+"css/site.css")
		return strings.Contains(body, "navy")
	})
	eventually(t, "the stylesheet to take the fast path", func() bool { return strings.Count(stdout.String(), "Updated ") == before+1 })

	// A change of front matter is not patched: only a build can say where
	// the page now belongs. The stylesheet's write may come as two events
	// that a loaded machine delivers in two batches, each patched; wait
	// until the server is idle so a late one is not counted here.
	quiet(t, stdout)
	before = strings.Count(stdout.String(), "Updated ")
	writeFile(t, page, "---\ntitle: Renamed\ndate: 2012-11-21\n---\nA new first paragraph.\n")
	eventually(t, "the new title", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "<h1>Renamed</h1>")
	})
	if n := strings.Count(stdout.String(), "Updated "); n != before {
		t.Errorf("a front matter change was patched:\n%s", stdout.String())
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// TestServeBytesEqualBuild compares every served file with what `samizdat
// build` writes: the dev server may only add its script to HTML.
func TestServeBytesEqualBuild(t *testing.T) {
	dir := writeSite(t, smallSite)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--fingerprint=false", "--source", dir, "--dest", out, "--quiet"}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: %d %s", code, stderr.String())
	}
	url, stop, _ := startServe(t, dir)
	defer stop()
	n := 0
	err := filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || info.Name() == ".samizdat-output" {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		want, _ := os.ReadFile(p)
		code, got := get(t, url+filepath.ToSlash(rel))
		if code != 200 {
			t.Errorf("%s: status %d", rel, code)
		}
		if strings.HasSuffix(rel, ".html") {
			got = stripReloadScript(got)
		}
		if got != string(want) {
			t.Errorf("%s: served bytes differ from the built file", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Fatalf("compared only %d files", n)
	}
}

func stripReloadScript(s string) string {
	i := strings.Index(s, `<script src="/__samizdat/reload.js"`)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], "</script>")
	return s[:i] + s[i+j+len("</script>"):]
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write a temporary file and rename it over, as editors do.
	tmp := p + ".tmp~"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// TestServeConfigMistakeWhilePolling: with --poll, a mistake in site.toml
// is shown as a problem while the last good site stays served, and the fix
// is picked up without a restart.
func TestServeConfigMistakeWhilePolling(t *testing.T) {
	dir := writeSite(t, smallSite)
	url, stop, _ := startServe(t, dir, "--poll")
	config := filepath.Join(dir, "site.toml")

	writeFile(t, config, "baseURL = \"https://example.org/\"\ntitel = \"Small\"\n")
	eventually(t, "the config problem", func() bool {
		_, problems := get(t, url+"__samizdat/problems")
		return strings.Contains(problems, "site.toml") && strings.Contains(problems, "titel")
	})
	if code, body := get(t, url+"news/first/"); code != 200 || !strings.Contains(body, "The first story.") {
		t.Errorf("after a config mistake the last good site must stay served; got %d %q", code, body)
	}

	writeFile(t, config, "baseURL = \"https://example.org/\"\ntitle = \"Renamed\"\n")
	eventually(t, "the fixed config", func() bool {
		_, problems := get(t, url+"__samizdat/problems")
		return !strings.Contains(problems, "titel")
	})
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// TestServeShowsAConfigSyntaxErrorAlone starts the dev server on a site.toml
// with a syntax error: the problem shown is that one alone, not the
// template errors a half-read config would cause on every page, and the
// fix is picked up without a restart.
func TestServeShowsAConfigSyntaxErrorAlone(t *testing.T) {
	dir := writeSite(t, smallSite)
	writeFile(t, filepath.Join(dir, "layouts/_default/single.html"),
		`{{ define "main" }}<h1>{{ .Title }}</h1><img src="{{ absURL (.Image | default .Site.Params.image) }}">{{ end }}`)
	config := filepath.Join(dir, "site.toml")
	writeFile(t, config, "baseURL = \"https://example.org/\"\ntitle = \"unterminated\n[params]\nimage = \"card.svg\"\n")
	url, stop, stderr := startServe(t, dir)

	_, problems := get(t, url+"__samizdat/problems")
	if !strings.Contains(problems, `"site.toml:2:`) || strings.Count(problems, `"position"`) != 1 {
		t.Errorf("problems = %s; want the site.toml syntax error alone", problems)
	}
	if strings.Contains(stderr.String(), "layouts/") {
		t.Errorf("a config mistake was reported with template errors:\n%s", stderr.String())
	}

	writeFile(t, config, "baseURL = \"https://example.org/\"\ntitle = \"Small\"\n[params]\nimage = \"card.svg\"\n")
	eventually(t, "the fixed config", func() bool {
		code, body := get(t, url+"news/first/")
		return code == 200 && strings.Contains(body, `src="../../card.svg"`) // absURL's, made page-relative
	})
	if _, problems := get(t, url+"__samizdat/problems"); strings.Contains(problems, "site.toml") {
		t.Errorf("problems not cleared after the fix: %s", problems)
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// An editor that empties a file and then writes it (or a slow disk) can
// be caught in between; the half-saved file is no problem to show: the
// server looks again a moment later, and the save simply appears.
func TestServeDoesNotFlashAHalfSavedFile(t *testing.T) {
	dir := writeSite(t, smallSite)
	url, stop, stderr := startServe(t, dir)
	defer stop()
	page := filepath.Join(dir, "content/news/first.md")
	writeFile(t, page, "")
	time.Sleep(60 * time.Millisecond) // past the watcher's quiet time: a build sees the empty file
	writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\nSaved at last.\n")
	eventually(t, "the save to be served", func() bool {
		_, body := get(t, url+"news/first/")
		return strings.Contains(body, "Saved at last.")
	})
	time.Sleep(300 * time.Millisecond)
	if s := stderr.String(); strings.Contains(s, "empty") {
		t.Errorf("the half-saved file was shown as a problem:\n%s", s)
	}
}

// TestServePrintsAWarningWhenItAppears: raw HTML left out of a page is
// told once when it appears, not again on every save that keeps it, and
// again if it comes back after a fix. The browser gets it too, from
// /__samizdat/warnings, until the fix.
func TestServePrintsAWarningWhenItAppears(t *testing.T) {
	dir := writeSite(t, smallSite)
	url, stop, stdout, stderr := startServeOut(t, dir)
	page := filepath.Join(dir, "content/news/first.md")
	const warning = "content/news/first.md:5: warning: raw HTML is left out of the page: <br>"
	builds := func() int { return strings.Count(stdout.String(), "Built ") }
	save := func(body, marker string) {
		t.Helper()
		before := builds()
		writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\n"+body)
		eventually(t, "the save to be served and built", func() bool {
			_, got := get(t, url+"news/first/")
			return strings.Contains(got, marker) && builds() > before
		})
	}

	warned := func() bool {
		_, list := get(t, url+"__samizdat/warnings")
		return strings.Contains(list, `"position":"content/news/first.md:5"`) && strings.Contains(list, "raw HTML is left out of the page")
	}
	save("One<br>two.\n", "One")
	eventually(t, "the warning at /__samizdat/warnings", warned)
	save("Three<br>four.\n", "Three")
	if !warned() {
		t.Errorf("a save keeping the raw HTML cleared the warning in the browser")
	}
	if n := strings.Count(stderr.String(), warning); n != 1 {
		t.Errorf("after two saves with the same raw HTML, the warning was printed %d times; want 1:\n%s", n, stderr.String())
	}
	save("Fixed.\n", "Fixed.")
	if _, list := get(t, url+"__samizdat/warnings"); list != "[]" {
		t.Errorf("after the fix /__samizdat/warnings = %s; want []", list)
	}
	save("Five<br>six.\n", "Five")
	if n := strings.Count(stderr.String(), warning); n != 2 {
		t.Errorf("raw HTML that came back was warned about %d times in all; want 2:\n%s", n, stderr.String())
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit code = %d; want 0", code)
	}
}

// TestServeOnEveryInterfaceAnswersTheLAN: --bind 0.0.0.0 prints the URLs
// other machines can open and answers them by the machine's addresses and
// names, and by --allow-host names; any other Host is still refused. It
// listens on 127.0.0.1 only: the machine's addresses are fakes.
func TestServeOnEveryInterfaceAnswersTheLAN(t *testing.T) {
	dir := writeSite(t, smallSite)
	lan := devserver.Machine{
		Addrs: []net.Addr{
			&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.ParseIP("192.0.2.7"), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.ParseIP("2001:db8::7"), Mask: net.CIDRMask(64, 128)},
		},
		Hostname: "campaign-laptop",
	}
	for _, bind := range []string{"0.0.0.0", "127.0.0.1"} {
		t.Run(bind, func(t *testing.T) {
			c := serveConfig{
				site: siteFlags{source: dir}, addr: "127.0.0.1:0", bind: bind,
				allowHosts: []string{"tunnel.example.org"},
				machine: func() (devserver.Machine, error) {
					return lan, errors.New("lookup hostname: no such host")
				},
			}
			u, stop, stdout, stderr := startServeConfig(t, c)
			_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(u, "http://"), "/"))
			lanHosts := []string{"192.0.2.7:" + port, "[2001:db8::7]:" + port, "campaign-laptop:" + port, "campaign-laptop.local:" + port}
			var others []string
			for _, h := range lanHosts[:2] {
				others = append(others, "and to other machines at http://"+h+"/\n")
			}
			want := map[string]int{"tunnel.example.org": 200, "localhost:" + port: 200, "192.0.2.8:" + port: 403, "evil.example:" + port: 403}
			for _, h := range lanHosts {
				want[h] = 403
			}
			if bind == "0.0.0.0" {
				for _, h := range lanHosts {
					want[h] = 200
				}
				if u != "http://127.0.0.1:"+port+"/" {
					t.Errorf("ready got %s; want the loopback URL", u)
				}
				for _, line := range others {
					if !strings.Contains(stdout.String(), line) {
						t.Errorf("stdout lacks %q:\n%s", line, stdout)
					}
				}
				if !strings.Contains(stderr.String(), "cannot read this machine's addresses or name: lookup hostname: no such host") {
					t.Errorf("stderr does not tell that the lookup failed:\n%s", stderr)
				}
			} else if strings.Contains(stdout.String(), "other machines") {
				t.Errorf("bound to loopback, stdout names other machines:\n%s", stdout)
			}
			if strings.Contains(stdout.String(), "0.0.0.0") || strings.Contains(stdout.String(), "[::]") {
				t.Errorf("stdout names a wildcard address, which does not open:\n%s", stdout)
			}
			for host, status := range want {
				req, err := http.NewRequest("GET", u+"news/first/", nil)
				if err != nil {
					t.Fatal(err)
				}
				req.Host = host
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != status {
					t.Errorf("bind %s, Host %s: got %d; want %d", bind, host, resp.StatusCode, status)
				}
			}
			if code := stop(); code != 0 {
				t.Errorf("serve exited with %d", code)
			}
		})
	}
}
