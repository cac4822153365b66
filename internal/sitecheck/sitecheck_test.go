package sitecheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/site"
)

// repoRoot is the campaign site: the root of this repository.
const repoRoot = "../.."

// toolsDir is where `npm ci --prefix tools` installs the checkers.
var toolsDir = filepath.Join(repoRoot, "tools", "node_modules")

// built is the campaign site, built once for every test of the package.
var built struct {
	once  sync.Once
	cfg   config.Config
	out   *output.Output
	dir   string // the output written to disk, for vnu and the web server
	err   string // why the build failed
	tmp   string // removed by TestMain
	pages []string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.tmp != "" {
		os.RemoveAll(built.tmp)
	}
	os.Exit(code)
}

// buildSite builds the repository's site as `samizdat build` does
// (fingerprinted CSS and JS, minified HTML) and writes it to a temporary
// folder. A build with problems fails every test that needs it.
func buildSite(t *testing.T) (config.Config, *output.Output, string) {
	t.Helper()
	built.once.Do(func() {
		start := time.Now()
		fsys := os.DirFS(repoRoot)
		cfg, probs := config.Load(fsys)
		res := site.Build(context.Background(), fsys, cfg, site.Options{Now: time.Now()}, nil)
		probs = append(probs, res.Problems...)
		if len(probs) > 0 {
			var b strings.Builder
			for _, p := range probs {
				fmt.Fprintln(&b, p.String())
			}
			built.err = fmt.Sprintf("the campaign site does not build:\n%s", b.String())
			return
		}
		tmp, err := os.MkdirTemp("", "sitecheck-")
		if err != nil {
			built.err = err.Error()
			return
		}
		built.tmp = tmp
		dir := filepath.Join(tmp, "public")
		if err := res.WriteDir(dir, output.WriteOptions{}); err != nil {
			built.err = err.Error()
			return
		}
		built.cfg, built.out, built.dir = cfg, res.Output, dir
		for _, p := range res.Paths() {
			if strings.HasSuffix(p, ".html") {
				built.pages = append(built.pages, p)
			}
		}
		sort.Strings(built.pages)
		fmt.Fprintf(os.Stderr, "sitecheck: built %d pages in %v\n", len(built.pages), time.Since(start).Round(time.Millisecond))
	})
	if built.err != "" {
		t.Fatal(built.err)
	}
	return built.cfg, built.out, built.dir
}

// pages lists every .html file of the built site, sorted.
func pages(t *testing.T) []string {
	t.Helper()
	buildSite(t)
	if len(built.pages) == 0 {
		t.Fatal("the campaign site has no pages")
	}
	return built.pages
}

// missing skips the test on a laptop and fails it in CI, where .ci/run
// installs every tool the checks need.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; .ci/run must install it", msg)
	}
	t.Skipf("%s; install the tools with `npm ci --prefix tools` (and java, chromium) to run this check", msg)
}

// tool finds a file of an npm package: at $env when set, else under
// tools/node_modules.
func tool(t *testing.T, env, rel string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join(toolsDir, rel)
	}
	if _, err := os.Stat(p); err != nil {
		missing(t, "%s not found (set $%s or run `npm ci --prefix tools`)", p, env)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestSiteCheck runs samizdat's own output checks: links and anchors,
// requests to other sites, page weight, alt text, headings, duplicate ids.
func TestSiteCheck(t *testing.T) {
	cfg, out, _ := buildSite(t)
	start := time.Now()
	probs := check.Site(out, check.Options{BudgetKB: cfg.BudgetKB, BaseURL: cfg.BaseURL})
	for _, p := range probs {
		t.Error(p.String())
	}
	t.Logf("checked %d pages in %v", len(built.pages), time.Since(start).Round(time.Millisecond))
}

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type        string `json:"type"`
	SubType     string `json:"subType"`
	URL         string `json:"url"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// TestNuHTML runs the Nu HTML Checker over every page in one JVM.
func TestNuHTML(t *testing.T) {
	t.Parallel()
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java not found")
	}
	jar := tool(t, "VNU_JAR", "vnu-jar/build/dist/vnu.jar")
	_, _, dir := buildSite(t)
	// vnu needs a deep stack (it says so on a StackOverflowError); the
	// client compiler and serial GC start fastest for one short run.
	args := []string{"-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "--errors-only", "--format", "json"}
	ps := pages(t)
	for _, p := range ps {
		args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
	}
	start := time.Now()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	t.Logf("vnu checked %d pages in %v", len(ps), time.Since(start).Round(time.Millisecond))

	// vnu writes its report to stderr and exits 1 when it found errors.
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	raw := bytes.TrimSpace(stderr.Bytes())
	if i := bytes.IndexByte(raw, '{'); i >= 0 {
		raw = raw[i:]
	}
	if err := json.Unmarshal(raw, &report); err != nil {
		t.Fatalf("vnu: %v (%v); output:\n%s\n%s", err, runErr, stdout.String(), stderr.String())
	}
	n := 0
	for _, m := range report.Messages {
		if m.Type == "info" {
			continue
		}
		n++
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
		t.Errorf("%s:%d:%d: %s: %s\n\tin: %s", file, m.LastLine, m.FirstColumn, m.Type, m.Message, strings.TrimSpace(m.Extract))
	}
	if n == 0 && runErr != nil {
		t.Fatalf("vnu failed without reporting an error: %v\n%s%s", runErr, stdout.String(), stderr.String())
	}
}
