package devserver

import (
	"bytes"
	"html"
	"net/http"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// setSitePolicy sets on h the Content-Security-Policy headers the build's
// _headers gives urlPath, as Netlify and Cloudflare Pages would send them
// with the published file, so that a page blocked there is blocked here
// too: the preview is the site as published. Each is loosened only as
// allowDevScript loosens a <meta> policy (devPolicy), for the reload script
// and its event stream. The other headers of _headers are not sent: its
// Cache-Control would keep stale builds, and the server's own safety
// headers stay as the package doc says.
func setSitePolicy(h http.Header, out *output.Output, urlPath string) {
	for _, hd := range publish.HeadersFor(out.Files["_headers"], urlPath) {
		if !strings.EqualFold(hd.Name, "Content-Security-Policy") {
			continue
		}
		// A value may join several policies with commas, each enforced.
		var ps []string
		for p := range strings.SplitSeq(hd.Value, ",") {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, devPolicy(p))
			}
		}
		if len(ps) > 0 {
			h.Add("Content-Security-Policy", strings.Join(ps, ", "))
		}
	}
}

// allowDevScript returns doc with each Content-Security-Policy <meta> of
// its head changed so that the page may run the reload script and open the
// event stream, both from its own origin. A campaign site's strict policy
// (connect-src 'none', as the repo's own site has) would otherwise block
// live reload and the error overlay in the browser, while every curl check
// passes. Only the served copy changes: the built site keeps its policy.
// doc is returned as it is when it has no such policy.
func allowDevScript(doc []byte) []byte {
	z := xhtml.NewTokenizer(bytes.NewReader(doc))
	var out []byte
	at, copied := 0, 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := len(z.Raw())
		name, hasAttr := z.TagName()
		if tt == xhtml.EndTagToken && string(name) == "head" || tt == xhtml.StartTagToken && string(name) == "body" {
			break // a policy in the body is ignored by browsers
		}
		if (tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken) && string(name) == "meta" && hasAttr {
			if tag, ok := devPolicyTag(z); ok {
				out = append(append(out, doc[copied:at]...), tag...)
				copied = at + raw
			}
		}
		at += raw
	}
	if out == nil {
		return doc
	}
	return append(out, doc[copied:]...)
}

// devPolicyTag reads the attributes of the <meta> tag z is at and, when it
// is a Content-Security-Policy that needs it, returns the tag rewritten
// with devPolicy.
func devPolicyTag(z *xhtml.Tokenizer) (string, bool) {
	type attr struct{ key, val string }
	var attrs []attr
	isCSP, policy := false, -1
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		attrs = append(attrs, attr{string(k), string(v)})
		switch string(k) {
		case "http-equiv":
			isCSP = strings.EqualFold(strings.TrimSpace(string(v)), "content-security-policy")
		case "content":
			policy = len(attrs) - 1
		}
	}
	if !isCSP || policy < 0 {
		return "", false
	}
	p := devPolicy(attrs[policy].val)
	if p == attrs[policy].val {
		return "", false
	}
	attrs[policy].val = p
	var b strings.Builder
	b.WriteString("<meta")
	for _, a := range attrs {
		b.WriteString(" " + a.key + `="` + html.EscapeString(a.val) + `"`)
	}
	b.WriteString(">")
	return b.String(), true
}

// devPolicy returns policy with the page's own origin ('self') allowed for
// scripts and connections: the reload script is /__samizdat/reload.js and
// its event stream /__samizdat/events. A directive that is absent falls
// back to default-src, which gets its own connect-src or script-src then.
func devPolicy(policy string) string {
	var dirs [][]string
	for d := range strings.SplitSeq(policy, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			f[0] = strings.ToLower(f[0])
			dirs = append(dirs, f)
		}
	}
	find := func(name string) int {
		for i, d := range dirs {
			if d[0] == name {
				return i
			}
		}
		return -1
	}
	allowsSelf := func(d []string) bool {
		for _, s := range d[1:] {
			if s == "'self'" || s == "*" {
				return true
			}
		}
		return false
	}
	changed := false
	for _, name := range []string{"script-src", "script-src-elem", "connect-src"} {
		i := find(name)
		if i < 0 {
			def := find("default-src")
			if name == "script-src-elem" || def < 0 || allowsSelf(dirs[def]) {
				continue // no script-src-elem: script-src rules; no default-src: no limit
			}
			dirs = append(dirs, []string{name, "'self'"})
			changed = true
			continue
		}
		if allowsSelf(dirs[i]) {
			continue
		}
		d := []string{name}
		for _, s := range dirs[i][1:] {
			if s != "'none'" {
				d = append(d, s)
			}
		}
		dirs[i] = append(d, "'self'")
		changed = true
	}
	if !changed {
		return policy
	}
	parts := make([]string, len(dirs))
	for i, d := range dirs {
		parts[i] = strings.Join(d, " ")
	}
	return strings.Join(parts, "; ")
}
