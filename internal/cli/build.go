package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/gitinfo"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
	"github.com/samizdat-press/samizdat/internal/site"
)

// siteFlags are the flags every command that builds shares.
type siteFlags struct {
	source  string
	baseURL string
	drafts  bool
	future  bool
	expired bool
	// fingerprint allows content hashes in CSS and JS names (site.toml
	// can still turn them off). On for build; off for serve, so a
	// stylesheet change can be swapped in without a reload.
	fingerprint bool
	portable    bool // explicit index.html in links, for file:// and object storage

	// lastmods are the content files' git dates, read once: serve builds
	// on every save, and a save is not a commit.
	lastmods     map[string]time.Time
	lastmodsRead bool
}

// gitLastmods reads when each content file last changed from git, once;
// a site outside git, or without git installed, has none.
func (f *siteFlags) gitLastmods(stderr io.Writer) map[string]time.Time {
	if !f.lastmodsRead {
		f.lastmodsRead = true
		var err error
		f.lastmods, err = gitinfo.Lastmods(context.Background(), f.source, "content")
		if err != nil && !errors.Is(err, gitinfo.ErrNoGit) {
			fmt.Fprintf(stderr, "samizdat: warning: cannot read the pages' dates from git: %v\n", err)
		}
	}
	return f.lastmods
}

func (f *siteFlags) fsys() fs.FS { return os.DirFS(f.source) }

// usable reports whether the flags can make a site, and when not says why
// on stderr: a usage error, found before anything is built or served.
func (f *siteFlags) usable(stderr io.Writer) bool {
	if why, hint := config.CheckBaseURL(f.baseURL); why != "" {
		fmt.Fprintf(stderr, "samizdat: --base-url %s\n    %s\n", why, hint)
		return false
	}
	return f.hasSite(stderr)
}

// hasSite reports whether --source names a site folder, and when not says
// so on stderr: a mistyped folder would otherwise "build" an empty site
// or, in serve, wait forever for one with misleading messages.
func (f *siteFlags) hasSite(stderr io.Writer) bool {
	info, err := os.Stat(f.source)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "samizdat: cannot open the site folder %s: %v\n    run samizdat in the site's folder, or pass it with --source\n", f.source, plainError(err))
		return false
	case !info.IsDir():
		fmt.Fprintf(stderr, "samizdat: %s is a file, not a site folder\n    pass the folder that holds site.toml and content/ with --source\n", f.source)
		return false
	}
	for _, name := range []string{config.File, "content"} {
		if _, err := os.Stat(filepath.Join(f.source, name)); err == nil {
			return true
		}
	}
	fmt.Fprintf(stderr, "samizdat: %s holds no site: no %s and no content/ folder\n    run samizdat in the site's folder, or pass it with --source\n", f.source, config.File)
	return false
}

// plainError is err without the path it repeats.
func plainError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func (f *siteFlags) register(fs *flag.FlagSet, fingerprint bool) {
	fs.BoolVar(&f.fingerprint, "fingerprint", fingerprint, "put content hashes in CSS and JS file names, so hosts may cache them for ever")
	fs.StringVar(&f.source, "source", ".", "the site `folder` (holding content/, layouts/, static/ and site.toml)")
	fs.StringVar(&f.baseURL, "base-url", "", "the site's public `URL`, overriding baseURL in site.toml")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&f.future, "future", false, "include pages dated in the future")
	fs.BoolVar(&f.expired, "expired", false, "include pages past their expiryDate")
}

// buildSite loads the config and builds the site in memory. A config with
// problems is reported alone, without a build: the values it lacks would
// fail the templates on every page and bury the one real mistake under
// dozens of made-up ones.
func (f *siteFlags) buildSite(ctx context.Context, cache *site.Cache, stderr io.Writer) site.Result {
	fsys := f.fsys()
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		return site.Result{Output: &output.Output{Problems: probs}}
	}
	if f.baseURL != "" {
		cfg.BaseURL = f.baseURL
	}
	// Future and expired pages are decided by the clock, never by
	// SOURCE_DATE_EPOCH: a CI that sets it to the last commit's time (as
	// docs/deploy.md shows, for reproducible zips) would otherwise keep an
	// embargoed page out and an expired one up until the next commit.
	res := site.Build(ctx, fsys, cfg, site.Options{Drafts: f.drafts, Future: f.future, Expired: f.expired, Now: time.Now().UTC(), NoFingerprint: !f.fingerprint, Portable: f.portable,
		Lastmods: f.gitLastmods(stderr)}, cache)
	res.Warnings = append(cfg.Warnings, res.Warnings...) // Hugo's config files beside site.toml
	return res
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("build", "build [flags]", stdout, stderr)
	sf.register(fs, true)
	dest := fs.String("dest", "", "the output `folder` (default SOURCE/public)")
	quiet := fs.Bool("quiet", false, "print nothing but problems")
	fs.BoolVar(&sf.portable, "portable", false, "write explicit index.html in links, and CSS and JS names without content hashes (--fingerprint is not used), so the site works from file:// and object storage")
	zipFile := fs.String("zip", "", "also write an offline copy of the site, with portable links, to this zip `file` (outside the output folder)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if !sf.usable(stderr) {
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	opts := output.WriteOptions{Source: sf.source, Inputs: sourceInputs(), Manifest: publish.ManifestName, Logf: func(format string, args ...any) {
		fmt.Fprintf(stderr, "samizdat: warning: "+format+"\n", args...)
	}}
	if os.Getenv("SOURCE_DATE_EPOCH") != "" {
		opts.ModTime = now(stderr)
	}
	if *zipFile != "" {
		// Before the build, so that a refused name leaves --dest as it was too.
		if err := output.CheckZip(*zipFile, *dest, opts); err != nil {
			return writeFailed(stderr, err)
		}
	}
	start := time.Now()
	// With --zip the site is built twice, the second time with portable
	// links; one cache lets the second reuse the first's work that does
	// not depend on links (rendered markdown, pictures' smaller copies),
	// which made --zip take twice as long, and far longer with photos.
	var cache *site.Cache
	if *zipFile != "" {
		cache = site.NewCache()
	}
	res := sf.buildSite(context.Background(), cache, stderr)
	printWarnings(stderr, res.Warnings)
	if len(res.Problems) > 0 {
		printProblems(stderr, res.Problems)
		fmt.Fprintf(stderr, "samizdat: %s; nothing was written, %s is unchanged\n", plural(len(res.Problems), "problem", "problems"), *dest)
		return exitProblems
	}
	if err := res.WriteDir(*dest, opts); err != nil {
		return writeFailed(stderr, err)
	}
	if *zipFile != "" {
		if code := writeZip(sf, *zipFile, *dest, opts, cache, stderr); code != exitOK {
			return code
		}
	}
	if !*quiet {
		printSummary(stdout, res, *dest, time.Since(start))
	}
	return exitOK
}

// writeFailed reports an error of writing the site or its zip. A refused
// --dest or --zip is a usage error: the name is one samizdat must not
// write to.
func writeFailed(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "samizdat: %v\n", err)
	var refused *output.DestError
	if errors.As(err, &refused) {
		return exitUsage
	}
	return exitProblems
}

// writeZip builds the portable variant of the site and writes it as a zip
// whose bytes depend only on the sources (and SOURCE_DATE_EPOCH): two
// builds of the same sources give the same file, so mirrors can compare
// checksums.
func writeZip(sf siteFlags, name, dest string, opts output.WriteOptions, cache *site.Cache, stderr io.Writer) int {
	sf.portable = true
	res := sf.buildSite(context.Background(), cache, stderr)
	if len(res.Problems) > 0 {
		printProblems(stderr, res.Problems)
		return exitProblems
	}
	modTime := opts.ModTime
	if modTime.IsZero() {
		modTime = time.Date(2012, 11, 21, 0, 0, 0, 0, time.UTC) // a fixed time keeps the zip reproducible without SOURCE_DATE_EPOCH
	}
	folder := publish.ZipFolder(sf.config().BaseURL)
	err := output.WriteZip(name, dest, opts, func(w io.Writer) error {
		return publish.Zip(res.Files, w, modTime, output.ZipComment, folder)
	})
	if err != nil {
		return writeFailed(stderr, err)
	}
	return exitOK
}

// sourceInputs are the folders and the file of a site that builds read, so
// that nothing samizdat writes may go in them.
func sourceInputs() []string { return append(slices.Clone(watchedDirs), config.File) }

func printSummary(w io.Writer, res site.Result, dest string, took time.Duration) {
	s := res.Stats
	warnings := ""
	if len(res.Warnings) > 0 {
		warnings = " and " + plural(len(res.Warnings), "warning", "warnings")
	}
	fmt.Fprintf(w, "Built %s, %s, %s and %s with %s%s in %d ms into %s\n",
		plural(s.Pages, "page", "pages"), plural(s.Sections, "section", "sections"),
		plural(s.Terms, "term", "terms"), plural(s.Static, "static file", "static files"),
		plural(len(res.Problems), "problem", "problems"), warnings, took.Milliseconds(), dest)
}

// printProblems writes each problem as "file:line:col: message" with its
// hint indented below, the form editors and terminals make clickable.
func printProblems(w io.Writer, ps []problem.Problem) {
	for _, p := range ps {
		fmt.Fprintln(w, p.String())
	}
}

// printWarnings writes each warning as "file:line: warning: message", the
// hint indented below.
func printWarnings(w io.Writer, ws []problem.Problem) {
	for _, p := range ws {
		fmt.Fprintln(w, p.Warning())
	}
}
