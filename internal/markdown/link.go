package markdown

import (
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode"
)

func htmlUnescape(s string) string { return html.UnescapeString(s) }

// urlScheme returns the lower-case scheme of dest as a browser could see
// it, or "" for a relative URL. It decodes HTML entities (also without
// the semicolon) and percent-encoding, and drops whitespace, control and
// invisible format characters first, so "jav&#x61;script:",
// "java\tscript:" and "java%0Ascript:" all give "javascript". Anything
// that might be a scheme counts as one: the allow-list decides.
func urlScheme(dest string) string {
	s := dest
	if !plainURL(dest) {
		s = decodeURL(dest)
	}
	i := strings.IndexAny(s, ":/?#")
	if i <= 0 || s[i] != ':' {
		return ""
	}
	return strings.ToLower(s[:i])
}

// decodeURL is dest as a browser reads it: HTML entities and
// percent-encoding decoded, whitespace, control and invisible format
// characters dropped.
func decodeURL(dest string) string {
	s := htmlUnescape(dest)
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// plainURL reports whether dest is printable ASCII without '&' or '%',
// which decodeURL leaves as it is: most links are.
func plainURL(dest string) bool {
	for i := 0; i < len(dest); i++ {
		if c := dest[i]; c <= ' ' || c >= 0x7f || c == '&' || c == '%' {
			return false
		}
	}
	return true
}

// allowedScheme is the allow-list: relative URLs, fragments, http,
// https and mailto. goldmark's own check is a block-list (javascript,
// vbscript, file, data), which lets intent:, ms-msdt: and the like pass.
func allowedScheme(scheme string) bool {
	switch scheme {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

func (t *transform) schemeProblem(line int, dest, scheme string) {
	t.p.problem(line, fmt.Sprintf("link to %q uses the %q scheme, which is not allowed", truncate(dest, 80), truncate(scheme, 20)),
		"only http:, https:, mailto:, relative links and #anchors are kept; the link shows as plain text")
}

// checkDest returns the destination to write for a link or image, or ok
// false when it must go (disallowed scheme, missing page). A destination
// naming a .md file is resolved through ctx.ResolveLink and recorded in
// page.links.
func (t *transform) checkDest(dest string, line int) (string, bool) {
	scheme := urlScheme(dest)
	if !allowedScheme(scheme) {
		t.schemeProblem(line, dest, scheme)
		return "", false
	}
	if scheme != "" {
		return dest, true
	}
	path, frag, hasFrag := strings.Cut(dest, "#")
	if !strings.HasSuffix(strings.ToLower(path), ".md") {
		return dest, true
	}
	file := path
	if u, err := url.PathUnescape(path); err == nil {
		file = u
	}
	var to, target string
	ok := false
	if t.p.ctx.ResolveLink != nil {
		to, target, ok = t.p.ctx.ResolveLink(file)
	}
	if !ok {
		t.p.problem(line, fmt.Sprintf("link to missing page %q", truncate(file, 80)),
			"the path is relative to this file (../section/page.md); check the spelling and that the page is not a draft")
		return "", false
	}
	fragment := frag
	if u, err := url.PathUnescape(frag); err == nil {
		fragment = u
	}
	t.p.links = append(t.p.links, Link{Target: target, Fragment: fragment, Line: line + t.p.ctx.LineOffset})
	if hasFrag && frag != "" {
		to += "#" + frag
	}
	return to, true
}
