package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/util"
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
		"links may use only http:, https:, mailto:, a path in the site or a #anchor, so that none can run a script or open a program; "+
			"write the address in one of those forms, or remove the link")
}

// protocolRelative reports whether dest, as goldmark writes it into the
// page (backslash escapes and character references resolved, see
// util.URLEscape), starts with "//": a browser reads what follows as
// another site's host, and from file:// as a network path.
func protocolRelative(dest string) bool {
	if plainURL(dest) && !strings.Contains(dest, `\`) {
		return strings.HasPrefix(dest, "//")
	}
	return bytes.HasPrefix(util.URLEscape([]byte(dest), true), []byte("//"))
}

// hostOf is the site an absolute or protocol-relative dest leads to, for
// messages; "" when it cannot be told.
func hostOf(dest string) string {
	u, err := url.Parse(string(util.URLEscape([]byte(dest), true)))
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// remoteImageProblem reports an image that readers' browsers would fetch
// from another site, which then learns who reads the page and when: the
// published site promises to load nothing from any other site.
func (t *transform) remoteImageProblem(line int, dest string) {
	site := "that site"
	if h := hostOf(dest); h != "" {
		site = truncate(h, 60)
	}
	t.p.problem(line, fmt.Sprintf("image %q is on another site", truncate(dest, 80)),
		"download the image and put it beside the page (or in static/), and link it by its file name, "+
			"such as ![what it shows](photo.jpg) (a file in static/ by its address, such as /img/photo.jpg); "+
			"readers' browsers would otherwise load it from "+site+", which can see who reads the page")
}

// protocolRelativeProblem reports a link that starts with "//". Such a
// link keeps the scheme the page was opened with: from a mirror on http:
// it goes out unencrypted, and from the offline copy it opens
// file://host/path, a network path on Windows that hands the reader's
// login to whoever runs that host.
func (t *transform) protocolRelativeProblem(line int, dest string) {
	rest := truncate(strings.TrimLeft(string(util.URLEscape([]byte(dest), true)), "/"), 100)
	t.p.problem(line, fmt.Sprintf("link to %q starts with // instead of https://", truncate(dest, 80)),
		fmt.Sprintf("write the full address, https://%s; from the offline copy a link starting with // opens file://%s, "+
			"a network path on Windows", rest, rest))
}

// shortcodeInAddress reports a link whose address is a shortcode call,
// such as Hugo's [text]({{< ref "page.md" >}}): its output is spliced in
// after links are checked, so the address could never be checked, and
// the call's placeholder would be all the reader got.
func (t *transform) shortcodeInAddress(line int, dest string) {
	name, arg := "", ""
	if i := strings.Index(dest, t.p.prefix); i >= 0 {
		if kind, n, _, ok := t.p.parseToken(dest[i:]); ok && kind == kindAtom && n < len(t.p.calls) {
			c := t.p.calls[n]
			name = c.Name
			if len(c.Positional) > 0 {
				arg = c.Positional[0]
			}
		}
	}
	hint := "write the address itself in the link"
	if name == "ref" || name == "relref" {
		if arg == "" {
			arg = "page.md"
		}
		hint = fmt.Sprintf("link to the page's file instead, [text](%s): samizdat finds and checks the page itself, as Hugo's %s does "+
			"(a path from this file's folder, or from content/ when it starts with /)", truncate(arg, 80), name)
	}
	t.p.problem(line, fmt.Sprintf("a link's address is the shortcode %q, which cannot run inside an address", name), hint)
}

// checkDest returns the destination to write for a link or image, or ok
// false when it must go (disallowed scheme, starting with "//", an image
// on another site, nothing there).
//
// A relative path is resolved through ctx.ResolveLink, whatever it names:
// a page's .md file, a page's folder, an image or other file. Without a
// ResolveLink only .md links are known to name a source, and only they
// fail. A path that starts with "/" and names no .md file is an address
// on the site, which only the whole site can check: it is written as it
// is and recorded in page.links, as is a #fragment of this page itself.
func (t *transform) checkDest(dest string, line int, image bool) (string, bool) {
	if t.p.prefix != "" && strings.Contains(dest, t.p.prefix) {
		t.shortcodeInAddress(line, dest)
		return "", false
	}
	scheme := urlScheme(dest)
	if !allowedScheme(scheme) {
		t.schemeProblem(line, dest, scheme)
		return "", false
	}
	if image && (scheme == "http" || scheme == "https" || protocolRelative(dest)) {
		t.remoteImageProblem(line, dest)
		return "", false
	}
	if protocolRelative(dest) {
		t.protocolRelativeProblem(line, dest)
		return "", false
	}
	if scheme != "" {
		if t.invisibleInAddress(line, dest) {
			return "", false
		}
		return dest, true // another site's
	}
	rest, frag, hasFrag := strings.Cut(dest, "#")
	rawPath, query, hasQuery := strings.Cut(rest, "?")
	fragment := unescapePath(frag)
	if rawPath == "" {
		if fragment != "" {
			t.addLink(t.p.ctx.File, fragment, line)
		}
		return dest, true
	}
	file := unescapePath(rawPath)
	md := strings.HasSuffix(strings.ToLower(file), ".md")
	if strings.HasPrefix(file, "/") && !md {
		t.addLink(file, fragment, line)
		return dest, true
	}
	if t.p.ctx.ResolveLink == nil && !md {
		return dest, true
	}
	var to, target string
	ok := false
	if t.p.ctx.ResolveLink != nil {
		to, target, ok = t.p.ctx.ResolveLink(file)
	}
	if !ok {
		t.missingProblem(line, dest, file, md)
		return "", false
	}
	if target != "" {
		t.addLink(target, fragment, line)
	}
	if hasQuery {
		to += "?" + query
	}
	if hasFrag && frag != "" {
		to += "#" + frag
	}
	return to, true
}

func (t *transform) addLink(target, fragment string, line int) {
	t.p.links = append(t.p.links, Link{Target: target, Fragment: fragment, Line: line + t.p.ctx.LineOffset})
}

// unescapePath is s percent-decoded, or s when it is not valid encoding.
func unescapePath(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// missingProblem reports a relative link that leads nowhere, naming the
// file or folder it looked for: links are relative to the folder of the
// markdown file, as a campaigner previews them on GitHub or in an editor.
// When the address cannot be a file as written (an invisible character
// in it, or another site's name without https://), the hint says that
// instead: the usual one would send the editor looking for a file.
// suggest is ctx.Suggest, when there is one.
func (t *transform) suggest(path string) string {
	if t.p.ctx.Suggest == nil {
		return ""
	}
	return t.p.ctx.Suggest(path)
}

func (t *transform) missingProblem(line int, dest, file string, md bool) {
	where := file
	switch {
	case strings.HasPrefix(file, "/"):
		where = path.Join("content", file) // as the site resolves it: from content/
	case t.p.ctx.File != "":
		where = path.Join(path.Dir(t.p.ctx.File), file)
	}
	dir := path.Dir(t.p.ctx.File) + "/"
	cause := ""
	if rest, ok := strings.CutPrefix(where, "static/"); ok && !md {
		// The path an editor's completion gives from content/ to static/.
		cause = fmt.Sprintf("the files of static/ are published at the site's root, without static/: link %s by its address on the site, /%s (and check that the file is there)",
			truncate(where, 120), truncate(rest, 120))
	} else if before, ok := invisibleAfter(file); ok {
		cause = "the address has an invisible character (often pasted from a word processor) " + before +
			"; delete it and type the address again"
	} else if looksLikeDomain(file) {
		cause = fmt.Sprintf("did you mean https://%s? A link to another site needs https:// in front", truncate(dest, 100))
	} else if s := t.suggest(where); s != "" {
		cause = fmt.Sprintf("did you mean %s? Only the case of some letters differs, and the published site tells capitals from small letters", truncate(s, 120))
	}
	var msg, hint string
	why := ""
	if t.p.ctx.Unpublished != nil {
		why = t.p.ctx.Unpublished(file)
	}
	switch {
	case why != "":
		msg, hint = NotPublished(fmt.Sprintf("link to %q", truncate(file, 80)), why)
	case md && t.fromContent(file) != "":
		msg = fmt.Sprintf("link to missing page %q", truncate(file, 80))
		hint = fmt.Sprintf("the path names content/ itself: write %s, as a path starting with / starts from content/", truncate(t.fromContent(file), 120))
	case md && strings.HasPrefix(file, "/"):
		msg = fmt.Sprintf("link to missing page %q", truncate(file, 80))
		switch {
		case !strings.HasPrefix(where, "content/"):
			hint = "a path starting with / starts from content/, and this one leads out of it with ../; write the path from content/"
		default:
			hint = fmt.Sprintf("there is no %s: a path starting with / starts from content/; check the spelling", truncate(where, 120))
		}
	case md && t.p.ctx.File != "" && !strings.HasPrefix(where, "content/"):
		msg = fmt.Sprintf("link to missing page %q", truncate(file, 80))
		hint = fmt.Sprintf("the path leads out of content/, to %s: it starts from this file's folder (%s), and each ../ goes up one folder; check how many it has",
			truncate(where, 120), truncate(dir, 80))
	case md:
		msg = fmt.Sprintf("link to missing page %q", truncate(file, 80))
		hint = fmt.Sprintf("there is no %s: the path starts from this file's folder (%s), and ../ goes up one folder; check the spelling",
			truncate(where, 120), truncate(dir, 80))
	case IsFolderLink(file):
		msg = fmt.Sprintf("link to %q: no page there", truncate(file, 80))
		hint = fmt.Sprintf("a folder is a page when it holds %s/_index.md (a section) or %s/index.md (a page with its files), and that page is not a draft; or link to a page's .md file",
			truncate(where, 120), truncate(where, 120))
	default:
		msg = fmt.Sprintf("link to missing file %q", truncate(file, 80))
		hint = fmt.Sprintf("there is no %s: put the file there, or correct the path, which is relative to this file's folder (%s); "+
			"a file in static/ is linked by its address on the site, such as /css/site.css", truncate(where, 120), truncate(dir, 80))
	}
	if cause != "" {
		hint = cause
	}
	t.p.problem(line, msg, hint)
}

// fromContent is the path from content/ ("/news/a.md") of a link path
// that names content/ itself ("/content/news/a.md", or "content/news/a.md"
// from a page's folder) when a page is there, else "".
func (t *transform) fromContent(file string) string {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(file, "/"), "content/")
	if !ok || t.p.ctx.ResolveLink == nil {
		return ""
	}
	if _, _, there := t.p.ctx.ResolveLink("/" + rest); there {
		return "/" + rest
	}
	return ""
}

// NotPublished is the message and hint of a link to a page that is there
// but left out of this build, why (content.LeftOut.Why: "a draft
// (draft: true)"), however the link names it: what is the link
// ("link to \"d.md\"", a menu entry's). It says the page is there, as
// a campaigner who marked it a draft expects, and how to see it.
func NotPublished(what, why string) (msg, hint string) {
	return what + ": that page is not published: it is " + why,
		"link to it once it is published, or remove the link if the page is past its expiryDate; to see it now, preview with samizdat serve --drafts (--future, --expired for dated pages)"
}

// invisibleInAddress reports, as a problem, another site's address that
// holds an invisible character: it makes an address other than the one
// the editor sees and readers are shown, such as a host that does not
// exist or belongs to someone else.
func (t *transform) invisibleInAddress(line int, dest string) bool {
	before, ok := invisibleAfter(unescapePath(dest))
	if ok {
		t.p.problem(line, fmt.Sprintf("link to %q has an invisible character (often pasted from a word processor) %s", truncate(dest, 80), before),
			"it would lead somewhere other than the address you see; delete the address and type it again")
	}
	return ok
}

// invisibleAfter reports whether file holds an invisible character (a
// format character such as U+200B or a soft hyphen, or a non-breaking
// space), and says where: after the part of its name before it (after
// "vladimir"), or at the start.
func invisibleAfter(file string) (string, bool) {
	i := strings.IndexFunc(file, func(r rune) bool { return r == '\u00a0' || unicode.Is(unicode.Cf, r) })
	if i < 0 {
		return "", false
	}
	before := file[:i]
	if name := before[strings.LastIndexByte(before, '/')+1:]; name != "" {
		before = name
	}
	if before == "" {
		return "at the start", true
	}
	return fmt.Sprintf("after %q", truncate(before, 40)), true
}

// looksLikeDomain reports whether a relative link path starts with a
// host name, www.amnesty.org or amnesty.org/en: its first part starts
// with "www." or ends in a common top-level domain that is not also a
// common file extension (.md, .pl and .py are left out).
func looksLikeDomain(file string) bool {
	host, _, _ := strings.Cut(file, "/")
	host = strings.ToLower(host)
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || strings.HasPrefix(host, ".") || strings.Contains(host, "..") {
		return false
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return strings.HasPrefix(host, "www.") && len(host) > len("www.") || commonTLD[host[dot+1:]]
}

// commonTLD holds the top-level domains campaign links most often end in.
var commonTLD = map[string]bool{
	"com": true, "org": true, "net": true, "info": true, "edu": true, "gov": true, "int": true,
	"eu": true, "uk": true, "de": true, "fr": true, "nl": true, "be": true, "ch": true, "at": true,
	"se": true, "no": true, "fi": true, "dk": true, "es": true, "it": true, "cz": true, "us": true,
	"ca": true, "au": true, "io": true, "co": true, "me": true, "tv": true, "news": true,
	"kz": true, "ru": true, "ua": true, "by": true, "uz": true, "kg": true, "tj": true, "am": true,
	"ge": true, "az": true, "su": true,
}

// IsFolderLink reports whether a link path names a folder: "docs/", ".", "..".
func IsFolderLink(p string) bool {
	base := p[strings.LastIndexByte(p, '/')+1:]
	return base == "" || base == "." || base == ".."
}
