package site

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// checkPages reads each finished HTML, CSS and SVG file once, for what
// checkLoads and checkInline refuse (check.LoadsAndInlines): splitting a
// page into its tags is most of either's work.
func (b *builder) checkPages() {
	var names []string
	for n := range b.files {
		if ext := strings.ToLower(path.Ext(n)); ext == ".html" || ext == ".css" || ext == ".svg" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	headers := b.files["_headers"]
	loads := make([][]check.Load, len(names))
	inlines := make([][]check.Inline, len(names))
	b.workers(len(names), func(i int) {
		var csp []string
		if strings.EqualFold(path.Ext(names[i]), ".html") {
			csp = headerCSP(headers, names[i])
		}
		loads[i], inlines[i] = check.LoadsAndInlines(names[i], b.files[names[i]], b.cfg.BaseURL, csp)
	})
	b.checkLoads(loads)
	b.checkInline(inlines)
}

// checkLoads refuses a site that makes readers' browsers fetch anything
// from another site (a web font, an analytics script, an embedded video):
// the site promises to load nothing from elsewhere, where a blocked host
// breaks the page and every request tells that host who reads it. The
// rule is `samizdat check`'s (check.Loads); the build applies it to the
// finished HTML and CSS, so the problems name the output file and line as
// check's do, and each hint names the source files that hold the address.
// Markdown refuses images on other sites itself and renders none, so they
// are not found here again. found are the loads of each file.
func (b *builder) checkLoads(found [][]check.Load) {
	var holders map[string][]string
	var probs []problem.Problem
	for _, loads := range found {
		for _, l := range loads {
			if holders == nil {
				holders = b.sourcesHolding(found)
			}
			p := l.Problem
			if hs := holders[l.URL]; len(hs) > 0 && l.Copy && !slices.ContainsFunc(hs, notSetting) {
				p.Hint = l.SettingHint(strings.Join(hs, ", "))
			} else if len(hs) > 0 {
				p.Hint = "it is written in " + strings.Join(hs, ", ") + "; " + p.Hint
			} else if hs := holders[l.Host]; len(hs) > 0 {
				p.Hint = l.Host + " is named in " + strings.Join(hs, ", ") + "; " + p.Hint
			} else {
				p.Hint = "a layout in " + layout.Dir + "/ (or a partial or shortcode it calls) or a stylesheet in " + staticDir + "/ likely writes it; " + p.Hint
			}
			probs = append(probs, p)
		}
	}
	// A layout shows on every page: one problem a load, at its first
	// file, keeps the one mistake from burying everything else.
	probs = problem.Once(probs, func(i int) string { return probs[i].Message })
	b.probs = append(b.probs, probs...)
}

// notSetting reports a source file that is not site.toml (or another
// file at the site's root), a data file or an interface string file: one
// whose addresses are not written into pages by the layouts.
func notSetting(file string) bool {
	return strings.Contains(file, "/") && !strings.HasPrefix(file, dataDir+"/") && !strings.HasPrefix(file, i18nDir+"/")
}

// loadSourceDirs are the folders whose files can put an address in the
// output: layouts, partials and shortcodes; static stylesheets and a
// theme's assets; pages (raw HTML, shortcode arguments, front matter);
// data and strings.
var loadSourceDirs = []string{layout.Dir, staticDir, assetsDir, content.Dir, dataDir, i18nDir}

// loadSourceExts are the kinds of source file that can hold an address.
var loadSourceExts = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".svg": true, ".md": true, ".markdown": true,
	".toml": true, ".yaml": true, ".yml": true, ".json": true, ".txt": true,
}

// sourcesHolding maps each URL and host of loads to the text files of the
// source that contain it, at most three each, layouts first. It reads the
// sources only when the build found such a load, so a clean build pays
// nothing for it.
func (b *builder) sourcesHolding(found [][]check.Load) map[string][]string {
	want := map[string]bool{}
	for _, loads := range found {
		for _, l := range loads {
			want[l.URL], want[l.Host] = true, true
		}
	}
	delete(want, "")
	holders := map[string][]string{}
	search := func(p string) {
		if !loadSourceExts[strings.ToLower(path.Ext(p))] {
			return // pictures and videos can be large, and write no addresses
		}
		data, err := fs.ReadFile(b.fsys, p)
		if err != nil {
			return
		}
		for s := range want {
			if len(holders[s]) < 3 && bytes.Contains(data, []byte(s)) {
				holders[s] = append(holders[s], p)
			}
		}
	}
	for _, dir := range loadSourceDirs {
		fs.WalkDir(b.fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				search(p)
			}
			return nil
		})
	}
	matches, _ := fs.Glob(b.fsys, "*.toml")
	for _, p := range matches {
		search(p)
	}
	return holders
}
