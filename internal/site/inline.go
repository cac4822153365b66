package site

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/layout"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// checkInline refuses a site whose pages hold CSS or script written in
// the page (a <style> element, a style attribute, a <script> without src,
// an onclick) that the site's Content-Security-Policy blocks: the policy
// of the _headers the build writes (Netlify and Cloudflare Pages send it)
// and any <meta> policy the layouts write. Such a page looks right where
// no policy applies and is unstyled or broken where it does, so it is a
// problem, not a warning. The rule is check.Inlines', on the finished
// HTML, so the problems name the output file and line; each hint names
// the source files that hold the code. Problems are grouped as
// checkLoads groups its own (problem.Once). found are the inline code of
// each page.
func (b *builder) checkInline(found [][]check.Inline) {
	var holders map[string]inlineHolders
	var probs []problem.Problem
	for _, ins := range found {
		for _, in := range ins {
			if holders == nil {
				holders = b.inlineSources(found)
			}
			p := in.Problem
			switch h := holders[in.Message]; {
			case len(h.code) > 0:
				p.Hint = "it is written in " + strings.Join(h.code, ", ") + "; " + p.Hint
			case len(h.marker) > 0:
				p.Hint = "it is likely written in " + strings.Join(h.marker, ", ") + "; " + p.Hint
			default:
				p.Hint = "a layout in " + layout.Dir + "/ (or a partial or shortcode it calls) likely writes it; " + p.Hint
			}
			probs = append(probs, p)
		}
	}
	// A layout shows on every page: one problem a piece of code, at its
	// first file.
	probs = problem.Once(probs, func(i int) string { return probs[i].Message })
	b.probs = append(b.probs, probs...)
}

// headerCSP returns the Content-Security-Policy values that _headers
// gives the page file name, at the address readers ask for it by
// ("about/index.html" at "/about/").
func headerCSP(headers []byte, name string) []string {
	urlPath := "/" + name
	if path.Base(name) == "index.html" {
		urlPath = strings.TrimSuffix(urlPath, "index.html")
	}
	var csp []string
	for _, h := range publish.HeadersFor(headers, urlPath) {
		if strings.EqualFold(h.Name, "Content-Security-Policy") {
			csp = append(csp, h.Value)
		}
	}
	return csp
}

// inlineHolders are the source files that hold a piece of inline code:
// code, those where its text is (spaces and quotes aside: see squeeze);
// marker, when none is, those that write that kind of code at all
// (`<style`, `onclick=`), as a template may make the text.
type inlineHolders struct{ code, marker []string }

// inlineSources maps each problem's message to the source files that
// hold its code, at most three each, layouts first, as sourcesHolding
// does for loads. It reads the sources only when the build found inline
// code.
func (b *builder) inlineSources(found [][]check.Inline) map[string]inlineHolders {
	want := map[string]check.Inline{}
	for _, ins := range found {
		for _, in := range ins {
			want[in.Message] = in
		}
	}
	holders := map[string]inlineHolders{}
	search := func(p string) {
		if !inlineSourceExts[strings.ToLower(path.Ext(p))] {
			return
		}
		data, err := fs.ReadFile(b.fsys, p)
		if err != nil {
			return
		}
		squeezed, lower := squeeze(data), bytes.ToLower(data)
		for msg, in := range want {
			h := holders[msg]
			switch {
			case len(h.code) < 3 && bytes.Contains(squeezed, squeeze([]byte(strings.TrimSuffix(in.Code, "…")))):
				h.code = append(h.code, p)
			case len(h.marker) < 3 && bytes.Contains(lower, []byte(inlineMarker(in))):
				h.marker = append(h.marker, p)
			}
			holders[msg] = h
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
	return holders
}

// inlineSourceExts are the kinds of source file that can put markup in
// a page: not stylesheets and scripts, which hold the same code as the
// files it should move to.
var inlineSourceExts = map[string]bool{
	".html": true, ".htm": true, ".md": true, ".markdown": true,
	".toml": true, ".yaml": true, ".yml": true, ".json": true,
}

// inlineMarker is what a source file that writes in's kind of code holds,
// in lower case.
func inlineMarker(in check.Inline) string {
	switch in.Kind {
	case check.StyleElement:
		return "<style"
	case check.ScriptElement:
		return "<script>"
	}
	return in.Attr + "="
}

// squeeze returns b without spaces and with single quotes made double,
// as the minifier writes CSS and scripts, so that code found in a page is
// found in the source that wrote it.
func squeeze(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '\'':
			return '"'
		}
		return r
	}, b)
}
