package publish

import (
	"path"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// DefaultCSP is the Content-Security-Policy written to _headers when
// Options.CSP is empty: everything from the site itself, nothing inline,
// no plugins, no framing, no form posts.
const DefaultCSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Options says which optional steps Process runs. The zero value strips
// image metadata, checks SVGs and writes the deploy files with DefaultCSP.
type Options struct {
	// Minify shrinks HTML, CSS, JS, SVG, JSON and XML. The CLI turns it on
	// by default; the dev server may leave it off for readable output.
	Minify bool
	// Fingerprint renames every .css and .js file to name.<hash>.ext, so
	// hosts may cache it forever, and rewrites the references to it
	// (with the integrity a layout gave one, which must match the new
	// bytes).
	Fingerprint bool
	// CSP is the Content-Security-Policy for every page in _headers;
	// "" means DefaultCSP. It should match the <meta> policy in the layouts.
	CSP string
	// BaseURL is the site's absolute address ("https://example.org/").
	// With Fingerprint, references to a renamed file through it
	// ({{ "css/a.css" | absURL }}) get the new name too, and stay absolute:
	// package relink then makes those the browser fetches page-relative.
	BaseURL string
}

// Process turns a freshly rendered site into deployable output: it
// rewrites out.Files and appends to out.Problems. It never changes a byte
// slice it was given (static files may be shared with a build cache); it
// replaces them.
func Process(out *output.Output, opts Options) {
	if out.Files == nil {
		out.Files = map[string][]byte{}
	}
	var probs problem.List
	stripImages(out.Files, &probs)
	checkSVGs(out.Files, &probs)
	m := newMinifier()
	if opts.Minify {
		minifyAssets(m, out.Files, &probs)
	}
	addr := relink.ParseAddress(opts.BaseURL)
	var assets map[string]asset
	if opts.Fingerprint {
		assets = fingerprint(out.Files, addr, &probs)
	}
	processHTML(out.Files, assets, addr, m, opts.Minify, &probs)
	writeDeployFiles(out.Files, assets, opts.CSP)
	out.Problems = append(out.Problems, probs...)
}

// sortedPaths returns the paths of files whose extension (lower-cased,
// with the dot) is one of exts, in sorted order.
func sortedPaths(files map[string][]byte, exts ...string) []string {
	var ps []string
	for p := range files {
		e := strings.ToLower(path.Ext(p))
		for _, x := range exts {
			if e == x {
				ps = append(ps, p)
				break
			}
		}
	}
	sort.Strings(ps)
	return ps
}
