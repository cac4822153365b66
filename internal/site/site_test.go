package site

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// buildNow is the fixture's "now": after its dated pages, before its
// future one.
var buildNow = time.Date(2012, 11, 28, 0, 0, 0, 0, time.UTC)

// siteFS reads a txtar archive into an in-memory site.
func siteFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	return mapFS(a.Files)
}

func mapFS(files []txtar.File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// build builds fsys with its own site.toml.
func build(t testing.TB, fsys fstest.MapFS, opts Options) Result {
	t.Helper()
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		t.Fatalf("config: %v", probs)
	}
	if opts.Now.IsZero() {
		opts.Now = buildNow
	}
	return Build(context.Background(), fsys, cfg, opts, nil)
}

func problems(ps []problem.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// TestFixtureGolden builds the fixture site and compares every output file
// with testdata/fixture.golden.txtar.
func TestFixtureGolden(t *testing.T) {
	res := build(t, siteFS(t, "testdata/fixture.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	compareGolden(t, res, "testdata/fixture.golden.txtar")
}

// normalizeNewline matches txtar, which ends every file with a newline.
func normalizeNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(append([]byte(nil), b...), '\n')
	}
	return b
}

func TestFixtureFeatures(t *testing.T) {
	res := build(t, siteFS(t, "testdata/fixture.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	has := func(file string, wants ...string) {
		t.Helper()
		data, ok := res.Files[file]
		if !ok {
			t.Errorf("%s was not built", file)
			return
		}
		for _, w := range wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q", file, w)
			}
		}
	}
	absent := func(file string) {
		t.Helper()
		if _, ok := res.Files[file]; ok {
			t.Errorf("%s was built; it must not exist", file)
		}
	}
	has("index.html", "Clashes in Zhanaozen", "<h2>Tags</h2>", "The complaint", "Activists")
	has("stories/strike/index.html", `id="demands"`, `id="суд-над-активистами"`, "footnote", "<dl>", `type="checkbox"`, "<table>", "<del>struck</del>", `href="https://example.com/auto"`, "1 minute")
	has("stories/clashes/index.html", `href="../strike/#demands"`, `href="../../the-complaint/"`, `<figure class="quote">`, "Words &amp; more", `<aside class="fact"><p>A <strong>fact</strong>.</p></aside>`, `class="chroma"`, "plain &lt;text&gt;")
	has("stories/index.html", "1/", `href="page/2/"`)
	has("stories/page/2/index.html", "2/")
	has("people/kozlov/index.html", `<p class="role">Leader of Alga</p>`, `src="portrait.svg"`)
	has("people/kozlov/portrait.svg", "<rect")
	has("old/clashes/index.html", `content="0; url=../../stories/clashes/"`, `rel="canonical" href="https://example.org/campaign/stories/clashes/"`, "noindex")
	// An unquoted date in a data file reaches templates as the text it
	// was written as, not as "2011-12-16 00:00:00 +0000 UTC".
	has("index.html", "<li>2011-12-16: Clashes in Zhanaozen</li>")
	has("tags/index.html", "labour", "zhanaozen")
	has("tags/zhanaozen/index.html", "The clashes", "The strike")
	has("categories/events/index.html", "The strike")
	has("index.xml", `&lt;a href=&#34;https://example.org/campaign/stories/strike/#demands&#34;&gt;`, `<feed xmlns="http://www.w3.org/2005/Atom"`, "<id>https://example.org/campaign/stories/clashes/</id>")
	has("stories/index.xml", "The strike")
	has("sitemap.xml", "<loc>https://example.org/campaign/people/kozlov/</loc>")
	has("robots.txt", "Sitemap: https://example.org/campaign/sitemap.xml")
	has("mirrors.json", `"site": "https://example.org/campaign/"`, `"mirrors": []`)
	// Hosts serve the 404 page at any depth: its links stay root-relative,
	// under baseURL's path.
	has("404.html", "Page not found", `href="/campaign/css/site.`, `href="/campaign/stories/"`)
	has(fingerprinted(t, res, "chroma.", ".css"), "prefers-color-scheme: dark")
	has(fingerprinted(t, res, "css/site.", ".css"), "system-ui")
	has("stories/clashes/index.html", `href="../../css/site.`)
	if bytes.Contains(res.Files["stories/clashes/index.html"], []byte("integrity=")) {
		t.Error("a page carries integrity, which makes a copy saved by a reader open without its stylesheet from file://")
	}
	has("_headers", "Content-Security-Policy", "immutable")
	has("the-complaint/index.html", `aria-current="page"`)
	for _, f := range []string{"stories/draft/index.html", "draft-alias/index.html", "tags/secret/index.html", "stories/future/index.html", "stories/expired/index.html"} {
		absent(f)
	}
	for name, data := range res.Files {
		for _, bad := range []string{"draft", "From the future", "Expired"} {
			if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") {
				if strings.Contains(string(data), ">"+bad) || strings.Contains(string(data), "/stories/"+strings.ToLower(bad)) {
					t.Errorf("%s mentions the unpublished page %q", name, bad)
				}
			}
		}
	}
}

// fingerprinted finds the one output file named prefix + hash + suffix.
func fingerprinted(t *testing.T, res Result, prefix, suffix string) string {
	t.Helper()
	var found []string
	for name := range res.Files {
		if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix) && !strings.Contains(strings.TrimPrefix(name, prefix), "/") {
			found = append(found, name)
		}
	}
	if len(found) != 1 {
		t.Errorf("files %s*%s: %v; want exactly one", prefix, suffix, found)
		return prefix + suffix
	}
	return found[0]
}

func TestDraftsFutureExpiredFlags(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	res := build(t, fsys, Options{Drafts: true, Future: true, Expired: true})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for _, f := range []string{"stories/draft/index.html", "draft-alias/index.html", "tags/secret/index.html", "stories/future/index.html", "stories/expired/index.html"} {
		if _, ok := res.Files[f]; !ok {
			t.Errorf("%s missing with --drafts --future --expired", f)
		}
	}
}

// TestDeterministic builds twice with different core counts and time
// zones and wants the same bytes.
func TestDeterministic(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	first := build(t, fsys, Options{})
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	loc := time.Local
	time.Local = time.FixedZone("UTC+6", 6*3600)
	defer func() { time.Local = loc }()
	second := build(t, fsys, Options{})
	if len(first.Files) != len(second.Files) {
		t.Fatalf("%d files then %d", len(first.Files), len(second.Files))
	}
	for name, data := range first.Files {
		if !bytes.Equal(data, second.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestNoMachinePathsInOutput(t *testing.T) {
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	res := build(t, siteFS(t, "testdata/fixture.txtar"), Options{})
	for name, data := range res.Files {
		for _, p := range []string{wd, home, os.TempDir()} {
			if p != "" && p != "/" && bytes.Contains(data, []byte(p)) {
				t.Errorf("%s contains the machine path %s", name, p)
			}
		}
	}
}

// TestCoreImportsNoServer keeps the build pipeline pure: site and the
// packages of this module below it never import the network, the watcher
// or the dev server (ARCHITECTURE.md, rule 1). Third-party packages are
// judged by what they are used for, not their import lists: minify links
// net/http for an HTTP middleware the build never calls.
func TestCoreImportsNoServer(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/samizdat-press/samizdat/"
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || !strings.HasPrefix(fields[0], module) {
			continue
		}
		seen++
		for _, imp := range fields[1:] {
			switch {
			case imp == "net/http", strings.HasPrefix(imp, "net/http/"), strings.HasPrefix(imp, "github.com/fsnotify/"),
				imp == module+"internal/devserver", imp == module+"internal/watch", imp == module+"internal/cli":
				t.Errorf("%s imports %s", fields[0], imp)
			}
		}
	}
	if seen < 8 {
		t.Fatalf("saw only %d packages of this module; the go list output was not understood", seen)
	}
}

// TestPortableHasNoIntegrity: browsers refuse Subresource Integrity for
// files opened from the disk, so a portable build must not carry it (nor
// fingerprinted names, which are only for caching hosts).
func TestPortableHasNoIntegrity(t *testing.T) {
	res := build(t, siteFS(t, "testdata/fixture.txtar"), Options{Portable: true})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if _, ok := res.Files["css/site.css"]; !ok {
		t.Error("css/site.css is not under its own name in a portable build")
	}
	for name, data := range res.Files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("integrity=")) {
			t.Errorf("%s carries integrity in a portable build", name)
		}
	}
	if got := string(res.Files["stories/clashes/index.html"]); !strings.Contains(got, `href="../strike/index.html#demands"`) {
		t.Errorf("portable links lack index.html:\n%s", got)
	}
	// No host serves a portable copy's 404 page for a missing address:
	// opened from the disk, its links must work like any page's.
	if got := string(res.Files["404.html"]); !strings.Contains(got, `href="css/site.css"`) || !strings.Contains(got, `href="stories/index.html"`) {
		t.Errorf("the portable 404 page's links are not relative:\n%s", got)
	}
}

// TestBaseURLShapesAbsoluteAddresses: without a baseURL there is no
// sitemap (it may only list absolute URLs) and robots.txt names none; a
// baseURL with a non-ASCII host is written in ASCII (punycode), which
// links can hold as they are.
func TestBaseURLShapesAbsoluteAddresses(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cfg.BaseURL = ""
	res := Build(context.Background(), fsys, cfg, Options{Now: buildNow}, nil)
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if _, ok := res.Files["sitemap.xml"]; ok {
		t.Error("a sitemap was written without a baseURL")
	}
	if got := string(res.Files["robots.txt"]); strings.Contains(got, "Sitemap") {
		t.Errorf("robots.txt names a sitemap without a baseURL:\n%s", got)
	}

	cfg.BaseURL = "https://пример.рф/кампания/"
	res = Build(context.Background(), fsys, cfg, Options{Now: buildNow}, nil)
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["sitemap.xml"]); !strings.Contains(got, "<loc>https://xn--e1afmkfd.xn--p1ai/%D0%BA%D0%B0%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F/stories/</loc>") {
		t.Errorf("the sitemap's addresses are not ASCII:\n%s", got)
	}
	if got := string(res.Files["stories/clashes/index.html"]); !strings.Contains(got, `href="https://xn--e1afmkfd.xn--p1ai/`) {
		t.Errorf("the canonical link's host is not punycode:\n%s", got)
	}
}
