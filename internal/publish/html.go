package publish

import (
	"bytes"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
	"github.com/tdewolff/minify/v2"
	"golang.org/x/net/html"
)

// processHTML rewrites references to fingerprinted assets in every page
// and then minifies it. Pages are independent, so they are spread over
// GOMAXPROCS workers; results are stored by index and problems appended in
// path order, so the outcome does not depend on scheduling.
//
// The pages are taken out of files while the workers run, and each one's
// result replaces it in pages as soon as it is made, so a page's old
// bytes can be freed then: the site is held about once, not twice.
func processHTML(files map[string][]byte, assets map[string]asset, addr relink.Address, m *minify.M, doMinify bool, probs *problem.List) {
	if len(assets) == 0 && !doMinify {
		return
	}
	names := sortedPaths(files, ".html", ".htm")
	pages := make([][]byte, len(names))
	for i, n := range names {
		pages[i] = files[n]
		files[n] = nil
	}
	pageProbs := make([]problem.List, len(names))
	refs := newRefFinder(assets, addr)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				b := pages[i]
				if len(assets) > 0 {
					b = refs.rewriteHTML(b, assets)
				}
				if doMinify {
					if mb, ok := minifyFile(m, names[i], b, &pageProbs[i]); ok {
						b = mb
					}
				}
				pages[i] = b
			}
		})
	}
	wg.Wait()
	for i, n := range names {
		files[n] = pages[i]
		*probs = append(*probs, pageProbs[i]...)
	}
}

// rewriteHTML points root-relative references to fingerprinted assets at
// their new names (and, with the finder's addr, absolute ones under the
// site's address, which stay absolute), and corrects the integrity a layout gave the
// stylesheets and scripts among them. Only start tags change: text, comments, and the contents of
// <script>, <style>, <textarea> and <title> are copied as they are, so the
// output is the input byte for byte wherever nothing was renamed. The
// contents of <noscript> are HTML too and are rewritten the same way.
//
// Only the part of src up to the last place a reference could be is
// tokenized (see lastRef); the rest is copied as it is.
//
// It returns src itself when nothing changed.
func rewriteHTML(src []byte, assets map[string]asset) []byte {
	return newRefFinder(assets, relink.Address{}).rewriteHTML(src, assets)
}

// rewriteHTML is rewriteHTML with the finder made once for all pages.
func (f *refFinder) rewriteHTML(src []byte, assets map[string]asset) []byte {
	return f.rewriteHTMLUntil(src, assets, f.lastRef(src))
}

// rewriteHTMLUntil is rewriteHTML tokenizing src up to stop only.
func rewriteHTMLUntil(src []byte, assets map[string]asset, stop int) []byte {
	return newRefFinder(assets, relink.Address{}).rewriteHTMLUntil(src, assets, stop)
}

func (f *refFinder) rewriteHTMLUntil(src []byte, assets map[string]asset, stop int) []byte {
	if stop < 0 {
		return src
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	// out is the output for src[:copied], nil until a token changes; the
	// unchanged bytes after copied are added at the next change, at once.
	var out []byte
	copied := 0
	put := func(old, new []byte, pos int) {
		if bytes.Equal(old, new) {
			return
		}
		if out == nil {
			out = make([]byte, 0, len(src)+128)
		}
		out = append(out, src[copied:pos]...)
		out = append(out, new...)
		copied = pos + len(old)
	}
	finish := func() []byte {
		if out == nil {
			return src
		}
		return append(out, src[copied:]...)
	}
	inNoscript := false
	pos := 0
	for {
		if pos >= stop {
			// Nothing from here on can name an asset, nor can the
			// content of a <noscript> that starts here.
			return finish()
		}
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.ErrorToken:
			return finish()
		case html.StartTagToken, html.SelfClosingTagToken:
			b, name := rewriteTag(raw, assets, f.addr)
			put(raw, b, start)
			inNoscript = tt == html.StartTagToken && name == "noscript"
			continue
		case html.TextToken:
			if inNoscript {
				put(raw, f.rewriteHTML(raw, assets), start)
				inNoscript = false
				continue
			}
		}
		inNoscript = false
	}
}

// lastRef (a method of refFinder, below) returns the end of the last place
// in src where a reference to one of assets could be, or -1 when there is
// none. A reference that
// rewriteTag matches is an attribute value that, once its character
// references and %-escapes are decoded, ends in an asset's name, extension
// included. Each character of the extension is in src as it is, or
// written as a %-escape (so src has a '%', perhaps as &percnt;) or a
// numeric character reference; no named reference stands for a letter, a
// digit or '.', except &period;. So past the last of these, no tag can
// change. (Of the '%' signs, only those that may start an escape count;
// see lastEscape.)
//
// refFinder is what lastRef needs to know of the assets, worked out once
// for all pages.
type refFinder struct {
	exts     []string
	relevant map[rune]bool
	addr     relink.Address // the site's address: references under it are the site's too
}

func newRefFinder(assets map[string]asset, addr relink.Address) *refFinder {
	f := &refFinder{relevant: map[rune]bool{'%': true}, addr: addr}
	for name := range assets {
		ext := path.Ext(name)
		if ext == "" {
			ext = path.Base(name)
		}
		if !slices.Contains(f.exts, ext) {
			f.exts = append(f.exts, ext)
			for _, r := range ext {
				f.relevant[r] = true
			}
		}
	}
	return f
}

func (f *refFinder) lastRef(src []byte) int {
	exts, relevant := f.exts, f.relevant
	last := -1
	found := func(end int) { last = max(last, end) }
	for _, ext := range exts {
		if i := lastIndex(src, ext); i >= 0 {
			found(i + len(ext))
		}
	}
	if i := lastEscape(src); i >= 0 {
		found(i + 1)
	}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '&')
		if j < 0 {
			break
		}
		i += j + 1
		rest := src[i:]
		switch {
		case len(rest) < 2:
			continue
		case rest[0] == 'p' || rest[0] == 'P':
			if hasPrefixFold(rest, "period") || hasPrefixFold(rest, "percnt") {
				found(i + len("period"))
			}
			continue
		case rest[0] != '#':
			continue
		}
		k, base := 1, 10
		if rest[1] == 'x' || rest[1] == 'X' {
			k, base = 2, 16
		}
		n, digits := 0, 0
		for k < len(rest) {
			d := hexDigit(rest[k])
			if d < 0 || d >= base {
				break
			}
			n = min(n*base+d, 0x110000) // past U+10FFFF all decode to U+FFFD
			k++
			digits++
		}
		// 0x80-0x9F decode to Windows-1252 characters: kept as possible.
		if digits > 0 && (relevant[rune(n)] || 0x80 <= n && n <= 0x9f) {
			found(i + k)
		}
	}
	return last
}

// lastIndex is bytes.LastIndex(b, []byte(sep)), found with the forward
// search, which skips text many times faster than LastIndex's Rabin-Karp
// or LastIndexByte's plain loop: most pages hold no asset name and no
// '%' past their <head>.
func lastIndex(b []byte, sep string) int {
	if sep == "" {
		return len(b)
	}
	last := -1
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(sep))
		if j < 0 {
			return last
		}
		last = i + j
		i = last + 1
	}
}

// lastEscape returns the index of the last '%' in b that may start a
// %-escape: one followed by a hex digit, or by '&', which may stand for
// one. A value with any other '%' is not %-decoded at all (resolveRef
// keeps it as written when url.PathUnescape fails), so such a '%' cannot
// stand for a character of an asset's name: "50% off" in the text does
// not make the whole page worth tokenizing.
func lastEscape(b []byte) int {
	last := -1
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '%')
		if j < 0 {
			return last
		}
		i += j + 1
		if i < len(b) && (hexDigit(b[i]) >= 0 || b[i] == '&') {
			last = i - 1
		}
	}
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// tagAttr is one attribute of a raw start tag, as byte offsets into it.
type tagAttr struct {
	name       string // lower case
	valStart   int    // value without quotes: raw[valStart:valEnd]; -1 when there is no value
	valEnd     int
	start, end int // the whole value including its quotes
}

// parseTag splits a raw start tag ("<link rel=stylesheet href='/a.css'>")
// into its lower-case name and attributes, following the HTML tokenizer's
// rules for where names and values end.
// attrsEnd is where the name or the last attribute ends: where a new
// attribute can go.
func parseTag(raw []byte) (name string, attrs []tagAttr, attrsEnd int) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := 1
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	name = strings.ToLower(string(raw[1:i]))
	attrsEnd = i
	for {
		for i < len(raw) && (isSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			return name, attrs, attrsEnd
		}
		ns := i
		i++ // a name may start with '='
		for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '=' {
			i++
		}
		a := tagAttr{name: strings.ToLower(string(raw[ns:i])), valStart: -1}
		j := i
		for j < len(raw) && isSpace(raw[j]) {
			j++
		}
		if j < len(raw) && raw[j] == '=' {
			j++
			for j < len(raw) && isSpace(raw[j]) {
				j++
			}
			a.start = j
			if j < len(raw) && (raw[j] == '"' || raw[j] == '\'') {
				q := raw[j]
				k := bytes.IndexByte(raw[j+1:], q)
				if k < 0 {
					a.valStart, a.valEnd, a.end = j+1, len(raw), len(raw)
				} else {
					a.valStart, a.valEnd, a.end = j+1, j+1+k, j+2+k
				}
			} else {
				k := j
				for k < len(raw) && !isSpace(raw[k]) && raw[k] != '>' {
					k++
				}
				a.valStart, a.valEnd, a.end = j, k, k
			}
			i = a.end
		} else {
			a.start, a.end = i, i
		}
		attrs = append(attrs, a)
		attrsEnd = i
	}
}

// rewriteTag rewrites one raw start tag; it returns raw itself when
// nothing in it refers to a fingerprinted asset.
func rewriteTag(raw []byte, assets map[string]asset, addr relink.Address) ([]byte, string) {
	name, attrs, _ := parseTag(raw)
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	var integrity string
	integrityAt := -1
	stylesheet := false
	for i, a := range attrs {
		if a.valStart < 0 {
			continue
		}
		v := html.UnescapeString(string(raw[a.valStart:a.valEnd]))
		switch a.name {
		case "rel":
			for _, t := range strings.Fields(strings.ToLower(v)) {
				stylesheet = stylesheet || t == "stylesheet"
			}
		case "integrity":
			integrityAt = i
		}
		target, ok := resolveRef(addr, "", v, false)
		if !ok {
			continue
		}
		as, ok := assets[target]
		if !ok {
			continue
		}
		edits = append(edits, edit{a.start, a.end, `"` + html.EscapeString(hashRef(v, as.hash)) + `"`})
		if name == "link" && a.name == "href" || name == "script" && a.name == "src" {
			integrity = as.integrity
		}
	}
	if len(edits) == 0 {
		return raw, name
	}
	// No integrity is added: for the site's own files it guards against
	// nothing the page itself is not open to, and browsers refuse it from
	// file://, so a copy of the site saved by a reader ("Save page as",
	// wget) would open without its stylesheet and scripts. One a layout
	// wrote is a problem of the build (package layout); if it gets here,
	// it is at least made right for the new bytes.
	if integrity != "" && integrityAt >= 0 && (name == "script" || stylesheet) {
		a := attrs[integrityAt]
		edits = append(edits, edit{a.start, a.end, `"` + integrity + `"`})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	out := make([]byte, 0, len(raw)+len(integrity)+32)
	last := 0
	for _, e := range edits {
		out = append(out, raw[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, raw[last:]...), name
}
