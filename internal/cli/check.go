package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/check/external"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/site"
)

// runCheck builds the site in memory, as it would be deployed, and reports
// every problem a reader would meet: the build's own, then broken links,
// requests to other sites, missing alt text, heading order, duplicate ids,
// page weight and image metadata. Nothing is written.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("check", "check [flags]", stdout, stderr)
	sf.register(fs, true)
	portable := fs.Bool("portable", false, "check the build made for file:// and object storage (explicit index.html links)")
	ext := fs.Bool("external", false, "also check links to other sites over the network (slow; off by default)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if !sf.usable(stderr) {
		return exitUsage
	}
	sf.portable = *portable
	res := sf.buildSite(context.Background(), nil, stderr)
	probs, warnings := res.Problems, res.Warnings
	if len(probs) == 0 {
		cfg := sf.config()
		// check is what runs before a deploy: the last chance to say that
		// every share link, canonical link and feed points to an example.
		if config.PlaceholderBaseURL(cfg.BaseURL) {
			w := problem.Problem{File: config.File,
				Message: fmt.Sprintf("baseURL is %s, an address kept for examples: share links, canonical links, feeds and the sitemap would point there", cfg.BaseURL),
				Hint:    "before you publish, set baseURL in site.toml to the site's address, or build with --base-url https://…"}
			if sf.baseURL != "" {
				w = problem.Problem{File: "--base-url",
					Message: fmt.Sprintf("%s is an address kept for examples: share links, canonical links, feeds and the sitemap would point there", cfg.BaseURL),
					Hint:    "give the address the site is published at"}
			}
			warnings = append(warnings, w)
		}
		probs = append(probs, fromSources(check.Site(res.Output, check.Options{BudgetKB: cfg.BudgetKB, ImageBudgetKB: cfg.ImageBudgetKB, BaseURL: cfg.BaseURL}), res.Sources, sf.fsys())...)
		if *ext {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			probs = append(probs, external.Check(ctx, res.Output, external.Options{BaseURL: cfg.BaseURL})...)
			cancel()
		}
	}
	printTranslationGaps(stdout, res.Translations)
	printWarnings(stderr, warnings)
	if len(probs) > 0 {
		problem.Sort(probs)
		printProblems(stderr, probs)
		fmt.Fprintf(stderr, "samizdat check: %s\n", plural(len(probs), "problem", "problems"))
		return exitProblems
	}
	fmt.Fprintf(stdout, "samizdat check: %s, no problems\n", plural(len(res.Files), "file", "files"))
	return exitOK
}

// config reads the site's config for the checks that need it; the build
// has already reported any problem in it.
func (f *siteFlags) config() config.Config {
	cfg, _ := config.Load(f.fsys())
	if f.baseURL != "" {
		cfg.BaseURL = f.baseURL
	}
	return cfg
}

// printTranslationGaps lists pages not yet translated and translations
// older than their source: work for translators, not problems, so they do
// not change the exit code.
func printTranslationGaps(w io.Writer, gaps []site.TranslationGap) {
	var missing, stale []site.TranslationGap
	for _, g := range gaps {
		if g.Translation == "" {
			missing = append(missing, g)
		} else {
			stale = append(stale, g)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "Not yet translated (%d):\n", len(missing))
		for _, g := range missing {
			fmt.Fprintf(w, "  %s: no %s translation\n", g.Source, g.Lang)
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(w, "Translations older than their source (%d):\n", len(stale))
		for _, g := range stale {
			fmt.Fprintf(w, "  %s changed after %s\n", g.Source, g.Translation)
		}
	}
}

// fromSources is madeFrom of each problem, each told once: a paged
// list's pages (news/, news/page/2/) show the same markdown, so a heading
// problem of it is found on each and moves to the same line. The first
// kept names its built page.
func fromSources(ps []problem.Problem, sources map[string]string, fsys fs.FS) []problem.Problem {
	type at struct {
		file      string
		line, col int
		message   string
	}
	seen := map[at]bool{}
	var out []problem.Problem
	for _, p := range ps {
		p = madeFrom(p, sources, fsys)
		k := at{p.File, p.Line, p.Col, p.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// madeFrom names the content file behind a problem found in an output
// page, which is the file the campaigner has to edit; a problem of a
// heading the markdown writes is moved to that heading's line
// (atHeading).
func madeFrom(p problem.Problem, sources map[string]string, fsys fs.FS) problem.Problem {
	src, ok := sources[p.File]
	if !ok {
		return p
	}
	if q := atHeading(p, src, fsys); q.File != p.File {
		return q
	}
	p.Hint = strings.TrimSpace(p.Hint + " (the page is made from " + src + ")")
	return p
}
