// Package gobench times samizdat's build in-process on the benchmark corpus,
// the in-process counterpart of /work/shared/bench/run-builds (which times
// the samizdat binary from outside, like the peers).
//
// The site is bench/site plus the corpus's content/, copied into a fresh
// temporary folder. SAMIZDAT_CORPUS names the corpus folder (default
// /tmp/bench-runs/corpus/seed1-n1000); make one with
//
//	/work/shared/bench/gen-corpus --n 1000 --seed 1 --out /tmp/bench-runs/corpus/seed1-n1000
//
// and run
//
//	go test ./bench/gobench -run '^$' -bench . -benchmem
//	SAMIZDAT_CORPUS=/tmp/bench-runs/corpus/seed1-n10000 go test ./bench/gobench -run '^$' -bench . -benchtime 3x
package gobench

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/site"
)

const defaultCorpus = "/tmp/bench-runs/corpus/seed1-n1000"

// nowUnix (2026-01-01 UTC) is the build's "now": after every corpus date
// (2019-2025), so no page counts as future, and fixed, so every run builds
// the same site.
const nowUnix = 1767225600

// benchSite copies bench/site and the corpus into a temporary folder and
// returns it with its config.
func benchSite(b *testing.B) (fs.FS, config.Config) {
	b.Helper()
	_, fsys, cfg := benchSiteDir(b)
	return fsys, cfg
}

// benchSiteDir is benchSite, also giving the site's folder.
func benchSiteDir(b *testing.B) (string, fs.FS, config.Config) {
	b.Helper()
	corpus := os.Getenv("SAMIZDAT_CORPUS")
	if corpus == "" {
		corpus = defaultCorpus
	}
	if _, err := os.Stat(filepath.Join(corpus, "content")); err != nil {
		b.Skipf("no corpus in %s (set SAMIZDAT_CORPUS, or make it with: "+
			"/work/shared/bench/gen-corpus --n 1000 --seed 1 --out %s)", corpus, corpus)
	}
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../site")); err != nil {
		b.Fatalf("copy bench/site: %v", err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(corpus, "content"))); err != nil {
		b.Fatalf("copy corpus: %v", err)
	}
	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	for _, p := range probs {
		b.Error(p)
	}
	if b.Failed() {
		b.FailNow()
	}
	return dir, fsys, cfg
}

func build(b *testing.B, fsys fs.FS, cfg config.Config, cache *site.Cache) site.Result {
	b.Helper()
	// With a cache the build is the dev server's, which keeps asset names
	// (no fingerprints) so stylesheets can be swapped in place.
	res := site.Build(context.Background(), fsys, cfg, site.Options{Now: time.Unix(nowUnix, 0).UTC(), NoFingerprint: cache != nil}, cache)
	if !res.OK() {
		for _, p := range res.Problems {
			b.Error(p)
		}
		b.FailNow()
	}
	return res
}

func reportPages(b *testing.B, res site.Result) {
	b.ReportMetric(float64(res.Stats.Pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(len(res.Files)), "files")
}

// cpuTime is the user+sys CPU time the process has used so far. The
// benchmark machine is shared, so wall time per op is noisy; CPU time per
// op ("cpu-ms/op") is the steadier figure to compare two versions by.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuClock reports cpu-ms/op when the benchmark ends. Start it after the
// set-up, before the loop.
func cpuClock(b *testing.B) {
	start := cpuTime()
	b.Cleanup(func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	})
}

// BenchmarkBuild is a cold build: no cache, as `samizdat build` runs.
func BenchmarkBuild(b *testing.B) {
	fsys, cfg := benchSite(b)
	var res site.Result
	cpuClock(b)
	for b.Loop() {
		res = build(b, fsys, cfg, nil)
	}
	reportPages(b, res)
}

// BenchmarkRebuildUnchanged is the dev server's rebuild after a save that
// changed nothing: every expensive step should come from the cache.
func BenchmarkRebuildUnchanged(b *testing.B) {
	fsys, cfg := benchSite(b)
	cache := site.NewCache()
	res := build(b, fsys, cfg, cache)
	cpuClock(b)
	for b.Loop() {
		res = build(b, fsys, cfg, cache)
	}
	reportPages(b, res)
}

// BenchmarkRebuildOneEdit is the dev server's rebuild after a save that
// adds a paragraph at the end of one page, as bench/reload-latency does.
func BenchmarkRebuildOneEdit(b *testing.B) {
	dir, fsys, cfg := benchSiteDir(b)
	page, _ := editedPage(b, dir)
	cache := site.NewCache()
	res := build(b, fsys, cfg, cache)
	cpuClock(b)
	n := 0
	for b.Loop() {
		n++
		appendEdit(b, page, n)
		res = build(b, fsys, cfg, cache)
	}
	reportPages(b, res)
}

// editedPage is the page the edit benchmarks change: its path, and its
// slash path from the site root.
func editedPage(b *testing.B, dir string) (string, string) {
	b.Helper()
	pages, err := filepath.Glob(filepath.Join(dir, "content", "events", "*.md"))
	if err != nil || len(pages) < 2 {
		b.Fatalf("no pages in %s/content/events", dir)
	}
	page := pages[1] // pages[0] is _index.md
	rel, err := filepath.Rel(dir, page)
	if err != nil {
		b.Fatal(err)
	}
	return page, filepath.ToSlash(rel)
}

// appendEdit adds a paragraph at the end of page, as bench/reload-latency
// does.
func appendEdit(b *testing.B, page string, n int) {
	b.Helper()
	f, err := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(f, "\nAn edit, number %d.\n", n)
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPatchOneEdit is the dev server's fast path for the same save:
// site.Patch showing the edited page before the full build runs.
func BenchmarkPatchOneEdit(b *testing.B) {
	dir, fsys, cfg := benchSiteDir(b)
	page, rel := editedPage(b, dir)
	cache := site.NewCache()
	build(b, fsys, cfg, cache)
	cpuClock(b)
	n := 0
	for b.Loop() {
		n++
		appendEdit(b, page, n)
		if _, ok := site.Patch(context.Background(), cache, []string{rel}); !ok {
			b.Fatal("Patch refused a plain edit of a page's text")
		}
	}
}

// BenchmarkBuildAndWrite is `samizdat build` end to end: a cold build, then
// WriteDir replacing the previous output (on the temporary folder's file
// system; run-builds writes to tmpfs instead).
func BenchmarkBuildAndWrite(b *testing.B) {
	fsys, cfg := benchSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	var res site.Result
	cpuClock(b)
	for b.Loop() {
		res = build(b, fsys, cfg, nil)
		if err := res.WriteDir(dest, output.WriteOptions{ModTime: time.Unix(nowUnix, 0).UTC()}); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, res)
}
