package check

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// InlineKind is what kind of code written in a page an Inline is.
type InlineKind int

const (
	StyleElement  InlineKind = iota // <style>CSS</style>
	StyleAttr                       // style="CSS"
	ScriptElement                   // <script>code</script>, without src
	HandlerAttr                     // onclick="code" and the other on… attributes
)

// Inline is one piece of CSS or script written in an output page that
// the page's Content-Security-Policy blocks, as a problem at its place.
type Inline struct {
	problem.Problem
	Kind InlineKind
	Attr string // the attribute ("style", "onclick"); "" for an element
	// Code is the CSS or script as the page holds it, spaces collapsed,
	// cut short: the problem's message quotes it, and the build looks
	// for it in the sources.
	Code string
}

// Inlines returns the inline CSS and script of one output page that its
// Content-Security-Policy blocks, at most one problem a distinct piece of
// code: a <style> element with CSS in it, a style attribute, a <script>
// element with code in it and no src, and an event-handler attribute
// (onclick…). Browsers that get the policy ignore them, so a layout that
// writes one makes a page that looks right without the policy and is
// unstyled or broken with it. headerCSP are the Content-Security-Policy
// values the host sends with the page (publish.HeadersFor of _headers);
// the policies of the page's own <meta http-equiv> in its head apply too,
// to what follows them, as in browsers. The rules are CSP Level 3's: a
// directive allows inline code with 'unsafe-inline' and no nonce or
// hash, an element whose nonce or hash (of its text) the directive
// lists, and an attribute whose hash it lists with 'unsafe-hashes'.
// Files other than HTML are not read: a drawing's own style attributes
// are nothing a page's policy rules. Like Loads, it reads no other file,
// so the caller may run it on all cores.
func Inlines(name string, data []byte, headerCSP []string) []Inline {
	if !isHTML(name) {
		return nil
	}
	return inlinesOf(name, data, headerCSP, inlineTags(data))
}

// inlinesOf is Inlines of the page whose tags are tags (inlineTags).
func inlinesOf(name string, data []byte, headerCSP []string, tags []inlineTag) []Inline {
	var pols []cspPolicy
	for _, v := range headerCSP {
		pols = append(pols, parseCSP(v, "_headers")...)
	}
	var ls lines
	var out []Inline
	seen := map[string]bool{}
	report := func(off int, in Inline, msg, hint string) {
		in.Message = msg
		if seen[in.Message] {
			return // a layout that writes it twice in a page is one mistake
		}
		seen[in.Message] = true
		if ls == nil {
			ls = newLines(data)
		}
		in.File, in.Hint = name, hint+inlineHints[in.Kind]
		in.Line, in.Col = ls.pos(off)
		out = append(out, in)
	}
	for _, t := range tags {
		if t.name == "meta" && t.inHead && !t.noscript && strings.EqualFold(strings.TrimSpace(t.attr("http-equiv")), "content-security-policy") {
			pols = append(pols, parseCSP(t.attr("content"), "the page's <meta>")...)
			continue
		}
		if len(pols) == 0 {
			continue
		}
		for _, c := range t.blockable() {
			if by, dir := blocker(pols, c, t.attr("nonce")); by != "" {
				in := Inline{Kind: c.kind, Attr: c.attr, Code: snippet(c.code)}
				what := "inline <" + t.name + "> " + quote(in.Code)
				if c.attr != "" {
					what = c.attr + "=" + quote(in.Code)
				}
				hint := ""
				if strings.Contains(strings.ToLower(dir), "'sha") {
					// The policy means to allow this code by its hash, of
					// the code as written; the build's minifier rewrites it.
					hint = "the policy lists hashes, which must be of the code as the built page holds it: with minify on under [output] in site.toml (the default), " +
						"the build rewrites CSS and script (h1 { color: black } becomes h1{color:#000}), so hash the code as it is in the built page, or turn minify off; or "
				}
				report(c.off, in, fmt.Sprintf("%s is blocked by the Content-Security-Policy in %s (%s)", what, by, dir), hint)
			}
		}
	}
	return out
}

// inlineHints say what to do with each kind, and why it matters.
var inlineHints = [...]string{
	StyleElement: `move the CSS into a file under static/ (e.g. static/css/site.css) and link it in the <head> with ` +
		`<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">: browsers ignore CSS written in the page ` +
		`wherever the site's Content-Security-Policy applies (Netlify and Cloudflare Pages send it from _headers), and show the page unstyled`,
	StyleAttr: `give the element a class instead (class="…") and style that class in a stylesheet under static/css/: ` +
		`browsers ignore style="" wherever the site's Content-Security-Policy applies (Netlify and Cloudflare Pages send it from _headers)`,
	ScriptElement: `move the script into a file under static/js/ (e.g. static/js/site.js) and load it with ` +
		`<script src="{{ "js/site.js" | relURL }}" defer></script> (data for it may stay in the page as <script type="application/json">): ` +
		`browsers do not run script written in the page wherever the site's Content-Security-Policy applies (Netlify and Cloudflare Pages send it from _headers)`,
	HandlerAttr: `remove the attribute and add an event listener in a script file under static/js/ instead ` +
		`(document.querySelector("…").addEventListener("click", …)), loaded with <script src="…" defer>: ` +
		`browsers do not run on… attributes wherever the site's Content-Security-Policy applies (Netlify and Cloudflare Pages send it from _headers)`,
}

// inlineTag is a start tag of a page that may hold inline code or a
// policy, with its attributes.
type inlineTag struct {
	token
	name     string // "style", "script" or "meta"; "" for others
	text     []byte // a <style>'s or <script>'s text, as written
	inHead   bool   // before anything that ends the head, where a <meta> policy counts
	noscript bool   // inside <noscript>, whose markup only browsers without scripts read
}

// inlineTags returns the tags of a page that Inlines reads: every <style>,
// <script> and head <meta http-equiv>, and the tags that may have a style
// or on… attribute. It reads the page as loadRefs does (pickedTags).
func inlineTags(data []byte) []inlineTag {
	s := newInlineScan()
	relink.Tags(data, func(raw []byte, off int) { s.tag(data, raw, off) }, func(css []byte, _ int) { s.css(css) })
	return s.done()
}

// inlineScan is inlineTags fed a page's tags and <style> texts by
// relink.Tags.
type inlineScan struct {
	tags        []inlineTag
	picked      pickedTags
	inHead      bool // no tag read so far ends the head
	noscriptEnd int  // the offset of the </noscript> closing the last <noscript>
}

func newInlineScan() *inlineScan { return &inlineScan{inHead: true, noscriptEnd: -1} }

// tag reads the start tag raw at offset off of the page data.
func (s *inlineScan) tag(data, raw []byte, off int) {
	t := inlineTag{noscript: off < s.noscriptEnd}
	need := false
	switch name := lowerName(raw); name {
	case "style":
		t.name, need = name, true // the css callback, right after, gives its text
	case "script":
		t.name, t.text, need = name, scriptText(data[off+len(raw):]), true
	case "meta":
		t.name, need = name, s.inHead && containsFold(raw, "http-equiv")
	case "noscript":
		s.noscriptEnd = off + len(raw) + indexFold(data[off+len(raw):], "</noscript")
	case "html", "head", "title", "base", "link", "template":
	default:
		// The head ends at <body> or at anything that cannot be in it.
		s.inHead = false
	}
	t.inHead = s.inHead
	if need || mayHaveInlineAttr(raw) {
		s.tags = append(s.tags, t)
		s.picked.add(raw, off)
	}
}

// css takes the text of the <style> element tag has just read.
func (s *inlineScan) css(css []byte) {
	if n := len(s.tags) - 1; n >= 0 && s.tags[n].name == "style" && s.tags[n].text == nil {
		s.tags[n].text = css
	}
}

// done returns the tags read, with their attributes.
func (s *inlineScan) done() []inlineTag {
	s.picked.read(func(i int, t token) {
		t.raw = nil // picked's, gone after the call
		s.tags[i].token = t
	})
	return s.tags
}

// inlineCode is one piece of code of a tag that a policy may block.
type inlineCode struct {
	kind InlineKind
	attr string
	code string
	off  int
}

// blockable returns the code of t that a policy may block. Markup inside
// <noscript> is read only by browsers that run no script, so its scripts
// and handlers never run there, while its CSS is still applied, or
// blocked.
func (t inlineTag) blockable() []inlineCode {
	var cs []inlineCode
	switch {
	case t.name == "style" && isBlank(t.text):
	case t.name == "style":
		// A <style> of another type than CSS is not applied, so there is
		// nothing to block.
		if ty, ok := t.token.attr("type"); !ok || ty == "" || strings.EqualFold(strings.TrimSpace(ty), "text/css") {
			cs = append(cs, inlineCode{StyleElement, "", string(t.text), t.off})
		}
	case t.name == "script" && !t.noscript && !isBlank(t.text) && t.hasNoAttr("src") && runsAsScript(t.token):
		cs = append(cs, inlineCode{ScriptElement, "", string(t.text), t.off})
	}
	for _, a := range t.attrs {
		switch {
		case strings.TrimSpace(a.val) == "":
		case a.key == "style":
			cs = append(cs, inlineCode{StyleAttr, a.key, a.val, a.off})
		case isHandler(a.key) && !t.noscript:
			cs = append(cs, inlineCode{HandlerAttr, a.key, a.val, a.off})
		}
	}
	return cs
}

func (t inlineTag) attr(key string) string {
	v, _ := t.token.attr(key)
	return v
}

func (t inlineTag) hasNoAttr(key string) bool {
	_, ok := t.token.attr(key)
	return !ok
}

// runsAsScript reports whether a <script> without src runs its text,
// by HTML's "prepare the script element": a classic script (no type, or
// a JavaScript MIME type), a module, an import map or speculation rules.
// Any other type makes a data block, such as JSON-LD
// (type="application/ld+json") or JSON for a script to read: the browser
// stops preparing it before the step that asks the Content-Security-Policy
// (CSP3 "Should element's inline type behavior be blocked" is called only
// for scripts it will run), so no policy blocks it, nor reports it, and
// search engines still read it.
func runsAsScript(t token) bool {
	ty, hasType := t.attr("type")
	if lang, ok := t.attr("language"); !hasType && ok && lang != "" {
		ty, hasType = "text/"+lang, true
	}
	ty = strings.ToLower(strings.Trim(ty, htmlSpace))
	if !hasType || ty == "" {
		return true
	}
	switch ty {
	case "module", "importmap", "speculationrules",
		"application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
		"text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
		"text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
		"text/x-ecmascript", "text/x-javascript":
		return true
	}
	return false
}

// isHandler reports whether an attribute is an event handler that
// browsers run: "on" and an event HTML, SVG or CSS names. Other names
// that start with "on" ("one", "on-tap" of a script library) run nothing.
func isHandler(key string) bool {
	return len(key) > 2 && strings.HasPrefix(key, "on") && strings.Contains(handlerEvents, " "+key[2:]+" ")
}

// handlerEvents are the events of HTML's event handler content attributes
// (GlobalEventHandlers, WindowEventHandlers), with those of CSS
// animations and transitions, pointers, touch and SVG animation.
const handlerEvents = " abort afterprint animationcancel animationend animationiteration animationstart auxclick " +
	"beforecopy beforecut beforeinput beforematch beforepaste beforeprint beforetoggle beforeunload begin blur " +
	"cancel canplay canplaythrough change click close contentvisibilityautostatechange contextlost contextmenu " +
	"contextrestored copy cuechange cut dblclick drag dragend dragenter dragleave dragover dragstart drop " +
	"durationchange emptied end ended error focus focusin focusout formdata fullscreenchange fullscreenerror " +
	"gotpointercapture hashchange input invalid keydown keypress keyup languagechange load loadeddata " +
	"loadedmetadata loadstart lostpointercapture message messageerror mousedown mouseenter mouseleave mousemove " +
	"mouseout mouseover mouseup mousewheel offline online pagehide pagereveal pageshow pageswap paste pause play " +
	"playing pointercancel pointerdown pointerenter pointerleave pointermove pointerout pointerover pointerrawupdate " +
	"pointerup popstate progress ratechange rejectionhandled repeat reset resize scroll scrollend scrollsnapchange " +
	"scrollsnapchanging search securitypolicyviolation seeked seeking select selectionchange selectstart " +
	"slotchange stalled storage submit suspend timeupdate toggle touchcancel touchend touchmove touchstart " +
	"transitioncancel transitionend transitionrun transitionstart unhandledrejection unload volumechange waiting " +
	"webkitanimationend webkitanimationiteration webkitanimationstart webkittransitionend wheel zoom "

// cspPolicy is one Content-Security-Policy: its directives by lower-case
// name (the first of a name, as browsers keep), each with its sources.
type cspPolicy struct {
	dirs map[string][]string
	from string // "_headers" or "the page's <meta>"
}

// parseCSP parses a policy value; commas separate several policies, all
// enforced, as a host joins the values of rules that all match.
func parseCSP(value, from string) []cspPolicy {
	var ps []cspPolicy
	for v := range strings.SplitSeq(value, ",") {
		p := cspPolicy{dirs: map[string][]string{}, from: from}
		for d := range strings.SplitSeq(v, ";") {
			f := strings.Fields(d)
			if len(f) == 0 {
				continue
			}
			if name := strings.ToLower(f[0]); p.dirs[name] == nil {
				p.dirs[name] = append([]string{}, f[1:]...)
			}
		}
		if len(p.dirs) > 0 {
			ps = append(ps, p)
		}
	}
	return ps
}

// fallbacks are the directives that rule each kind of inline code, most
// specific first (CSP3 "directive fallback list").
var fallbacks = [...][]string{
	StyleElement:  {"style-src-elem", "style-src", "default-src"},
	StyleAttr:     {"style-src-attr", "style-src", "default-src"},
	ScriptElement: {"script-src-elem", "script-src", "default-src"},
	HandlerAttr:   {"script-src-attr", "script-src", "default-src"},
}

// blocker returns where the first policy of pols that blocks c is
// written and its ruling directive as written ("style-src 'self'"), or
// "" when every policy allows c. nonce is the element's nonce attribute.
func blocker(pols []cspPolicy, c inlineCode, nonce string) (from, directive string) {
	for _, p := range pols {
		for _, name := range fallbacks[c.kind] {
			srcs, ok := p.dirs[name]
			if !ok {
				continue
			}
			if !allowsInline(srcs, c, nonce) {
				return p.from, strings.TrimSpace(name + " " + strings.Join(srcs, " "))
			}
			break
		}
	}
	return "", ""
}

// allowsInline is CSP3's "Does element match source list for type and
// source".
func allowsInline(srcs []string, c inlineCode, nonce string) bool {
	unsafeInline, unsafeHashes, noncesOrHashes := false, false, false
	for _, s := range srcs {
		switch l := strings.ToLower(s); {
		case l == "'unsafe-inline'":
			unsafeInline = true
		case l == "'unsafe-hashes'":
			unsafeHashes = true
		case l == "'strict-dynamic'" && c.kind == ScriptElement || l == "'strict-dynamic'" && c.kind == HandlerAttr:
			noncesOrHashes = true // it, too, turns 'unsafe-inline' off for scripts
		case strings.HasPrefix(l, "'nonce-"), isHashSource(l):
			noncesOrHashes = true
		}
	}
	if unsafeInline && !noncesOrHashes {
		return true
	}
	element := c.kind == StyleElement || c.kind == ScriptElement
	for _, s := range srcs {
		l := strings.ToLower(s)
		if element && nonce != "" && strings.HasPrefix(l, "'nonce-") && s == "'nonce-"+nonce+"'" {
			return true
		}
		if (element || unsafeHashes) && isHashSource(l) && hashMatches(s, c.code) {
			return true
		}
	}
	return false
}

func isHashSource(l string) bool {
	return strings.HasPrefix(l, "'sha256-") || strings.HasPrefix(l, "'sha384-") || strings.HasPrefix(l, "'sha512-")
}

// hashMatches reports whether the hash source s ('sha256-…') is the hash
// of code, in base64 or base64url.
func hashMatches(s, code string) bool {
	alg, want, _ := strings.Cut(strings.Trim(s, "'"), "-")
	var sum []byte
	switch strings.ToLower(alg) {
	case "sha256":
		h := sha256.Sum256([]byte(code))
		sum = h[:]
	case "sha384":
		h := sha512.Sum384([]byte(code))
		sum = h[:]
	default:
		h := sha512.Sum512([]byte(code))
		sum = h[:]
	}
	norm := strings.NewReplacer("-", "+", "_", "/", "=", "")
	return norm.Replace(want) == norm.Replace(base64.StdEncoding.EncodeToString(sum))
}

// scriptText returns the text of a <script> element from rest, what
// follows its start tag: up to the first "</script" that ends it. (The
// script data states let "<!--<script>" hide one, which a layout does
// not write; either way the text is not blank.)
func scriptText(rest []byte) []byte {
	for i := 0; ; {
		j := indexFold(rest[i:], "</script")
		if j == len(rest)-i {
			return rest
		}
		end := i + j + len("</script")
		if end == len(rest) || isSpace(rest[end]) || rest[end] == '/' || rest[end] == '>' {
			return rest[:i+j]
		}
		i = end
	}
}

// lowerName returns the name of a raw start tag in lower case if it is
// one inlineTags tells apart (eight letters at most), else "x". It makes
// no string: it runs on every tag of every page.
func lowerName(raw []byte) string {
	var buf [8]byte
	i := 1
	for ; i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>'; i++ {
		if i > len(buf) {
			return "x"
		}
		c := raw[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i-1] = c
	}
	for _, n := range [...]string{"style", "script", "meta", "noscript", "html", "head", "title", "base", "link", "template"} {
		if n == string(buf[:i-1]) {
			return n
		}
	}
	return "x"
}

// mayHaveInlineAttr reports whether a raw tag may have a style or on…
// attribute: "style" or "on", in any case, where an attribute name can
// start (after a space, a slash or a closing quote). Most tags have
// neither and are not tokenized.
func mayHaveInlineAttr(raw []byte) bool {
	for i := 1; i+2 < len(raw); i++ {
		if c := raw[i-1]; !isSpace(c) && c != '/' && c != '"' && c != '\'' {
			continue
		}
		if r := raw[i:]; len(r) > 2 && (r[0]|0x20) == 'o' && (r[1]|0x20) == 'n' || len(r) > 5 && bytes.EqualFold(r[:5], []byte("style")) {
			return true
		}
	}
	return false
}

// containsFold reports whether b holds s (lower case) in any ASCII case.
func containsFold(b []byte, s string) bool { return indexFold(b, s) < len(b) }

// indexFold returns the index of s (lower case) in b in any ASCII case,
// or len(b).
func indexFold(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if (b[i]|0x20) == s[0] && bytes.EqualFold(b[i:i+len(s)], []byte(s)) {
			return i
		}
	}
	return len(b)
}

func isBlank(b []byte) bool { return len(bytes.Trim(b, htmlSpace)) == 0 }

// snippet returns code with its spaces collapsed, cut after 40
// characters.
func snippet(code string) string {
	s := strings.Join(strings.Fields(code), " ")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}
