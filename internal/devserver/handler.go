package devserver

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reloadJS is the client: it follows the event stream, reloads, swaps
// stylesheets and draws the problems overlay and the warnings panel.
//
//go:embed reload.js
var reloadJS string // a string, so it cannot be changed

// Reserved paths. The script is a same-origin file rather than inline code,
// so a page whose CSP says script-src 'self' still runs it.
const (
	reservedPrefix = "/__samizdat/"
	scriptPath     = reservedPrefix + "reload.js"
	eventsPath     = reservedPrefix + "events"
	problemsPath   = reservedPrefix + "problems"
	warningsPath   = reservedPrefix + "warnings"
)

// ServeHTTP serves the last good build, the client script, the event
// stream and the problems and warnings lists. See the package doc for what it refuses.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSafetyHeaders(w.Header())
	own := localPort(r)
	if !s.hosts.hostAllowed(r.Host, own) {
		refuseHost(w, r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	t, ok := parseTarget(r.RequestURI)
	if !ok {
		http.Error(w, "400 bad request target", http.StatusBadRequest)
		return
	}
	if strings.HasPrefix(t.path, reservedPrefix) {
		s.serveReserved(w, r, t.path, own)
		return
	}
	s.serveSite(w, r, t)
}

// refuseHost answers a request for a host the allow-list does not hold. The
// message names the Host (quoted, cut short: it is the client's) and the
// two ways to a page that works, since the one who reads it is most often
// the campaigner who typed the address.
func refuseHost(w http.ResponseWriter, host string) {
	if len(host) > 100 {
		host = host[:100]
	}
	msg := fmt.Sprintf("403 forbidden: this server does not answer to Host %q.\nOpen it at an address samizdat serve printed", host)
	if CheckAllowHost(host) == nil {
		msg += ", or, if the name is yours (a proxy's or a tunnel's), start samizdat serve with --allow-host " + host
	}
	http.Error(w, msg+".", http.StatusForbidden)
}

// setSafetyHeaders sets what every response carries, refusals included.
// CORP stops other origins embedding responses as scripts, images or styles
// (browsers send Sec-Fetch-* to plain-HTTP origins unreliably, so nothing
// depends on those); no-store keeps stale builds out of the browser cache.
func setSafetyHeaders(h http.Header) {
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
}

// target is a request-target that passed parseTarget.
type target struct {
	path     string // decoded; starts with "/"
	rawPath  string // as sent
	rawQuery string // as sent, without "?"
}

// parseTarget accepts only an origin-form request-target ("/a/b?q") whose
// path, once percent-decoded, means exactly one thing: no "." or ".."
// segments, no empty segments but a trailing one, nothing encoded that
// could change the path's shape (".", "/", "\", "%"), no backslash or
// fragment, no control characters, valid UTF-8. It works on the raw
// target because url.URL.Path has already been decoded, which is where
// traversal checks usually go wrong.
func parseTarget(raw string) (target, bool) {
	if raw == "" || raw[0] != '/' {
		return target{}, false // absolute-form, authority-form, "*"
	}
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c <= ' ' || c >= 0x7f || c == '\\' || c == '#' {
			return target{}, false
		}
	}
	t := target{rawPath: raw}
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		t.rawPath, t.rawQuery = raw[:i], raw[i+1:]
	}
	p, ok := decodePath(t.rawPath)
	if !ok || !cleanSegments(p) {
		return target{}, false
	}
	t.path = p
	return t, true
}

// decodePath percent-decodes a raw path, refusing malformed escapes, the
// escapes listed in parseTarget, invalid UTF-8 and control characters.
func decodePath(raw string) (string, bool) {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '%' {
			if i+2 >= len(raw) {
				return "", false
			}
			hi, ok1 := unhex(raw[i+1])
			lo, ok2 := unhex(raw[i+2])
			if !ok1 || !ok2 {
				return "", false
			}
			c = hi<<4 | lo
			switch c {
			case '.', '/', '\\', '%':
				return "", false
			}
			i += 2
		}
		b.WriteByte(c)
	}
	p := b.String()
	if !utf8.ValidString(p) {
		return "", false
	}
	for _, r := range p {
		if unicode.IsControl(r) {
			return "", false
		}
	}
	return p, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// cleanSegments reports whether p ("/a/b/") has no "." or ".." segment and
// no empty segment except after a trailing slash.
func cleanSegments(p string) bool {
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return false
		case seg == "" && i != len(segs)-1:
			return false
		}
	}
	return true
}

// serveReserved serves the paths under /__samizdat/. They refuse requests
// whose Origin header names another site: same-origin fetches carry no
// Origin or their own, and nothing else has any business here. own is the
// port the request came in on.
func (s *Server) serveReserved(w http.ResponseWriter, r *http.Request, p, own string) {
	if o := r.Header.Get("Origin"); o != "" && !s.hosts.originAllowed(o, own) {
		http.Error(w, "403 forbidden: cross-origin request", http.StatusForbidden)
		return
	}
	switch p {
	case scriptPath:
		writeBody(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(reloadJS))
	case problemsPath, warningsPath:
		s.mu.Lock()
		list := s.problems
		if p == warningsPath {
			list = s.warnings
		}
		s.mu.Unlock()
		writeBody(w, r, http.StatusOK, "application/json", list)
	case eventsPath:
		s.serveEvents(w, r)
	default:
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// buildingPage stands in for every page until the first good build.
const buildingPage = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Building…</title>
<body><p>The site has not been built yet. This page reloads by itself when it has.</p></body></html>
`

// serveSite serves a file of the current build: the file itself, a folder's
// index.html, a redirect to a folder's slash form, or the 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, t target) {
	b := s.site.Load()
	if b == nil {
		// The page carries the script, so it shows the first build's
		// problems and reloads when a good build arrives.
		writeFile(w, r, http.StatusServiceUnavailable, "building.html", []byte(buildingPage), s.version())
		return
	}
	setSitePolicy(w.Header(), b.out, t.path)
	name := t.path[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := b.out.Files[name]; ok {
		writeFile(w, r, http.StatusOK, name, data, b.version)
		return
	}
	if _, ok := b.out.Files[name+"/index.html"]; ok {
		redirectToFolder(w, t)
		return
	}
	if data, ok := b.out.Files["404.html"]; ok {
		writeFile(w, r, http.StatusNotFound, "404.html", data, b.version)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// redirectToFolder sends "/a/b" to "/a/b/". The Location is relative and
// starts with "./", so no request path ("//evil.example", "/x:y") can make
// it name another host or scheme; http.Redirect is not used because it
// turns relative targets into absolute ones. 302, not 301: a later build
// may make the path a file again, and browsers keep 301s.
func redirectToFolder(w http.ResponseWriter, t target) {
	loc := "./" + t.rawPath[strings.LastIndexByte(t.rawPath, '/')+1:] + "/"
	if t.rawQuery != "" {
		loc += "?" + t.rawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusFound)
}

// writeFile serves one Output file. HTML gets the reload script in a copy;
// data itself is never written to.
func writeFile(w http.ResponseWriter, r *http.Request, status int, name string, data []byte, version string) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		file := name
		if status != http.StatusOK {
			file = "" // a 404 or "building" page stands for a page that may appear: it reloads on any change
		}
		data = injectScript(allowDevScript(data), version, file)
	}
	writeBody(w, r, status, ctype, data)
}

func writeBody(w http.ResponseWriter, r *http.Request, status int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body) // an error means the client went away; nothing to do
	}
}

// injectScript returns a copy of doc with the reload script tag before its
// last </body>, or at the end if it has none. data-version is the build the
// page came from, so the script can tell when it missed an update;
// data-file is the Output file it is, so the script can tell whether a
// reload that names the pages that changed concerns it ("" for any).
func injectScript(doc []byte, version, file string) []byte {
	tag := `<script src="` + scriptPath + `" data-version="` + version + `" data-file="` + html.EscapeString(file) + `"></script>`
	at := lastBodyClose(doc)
	if at < 0 {
		at = len(doc)
	}
	out := make([]byte, 0, len(doc)+len(tag))
	out = append(out, doc[:at]...)
	out = append(out, tag...)
	return append(out, doc[at:]...)
}

// lastBodyClose returns the index of the last "</body" in doc, in any case,
// or -1.
func lastBodyClose(doc []byte) int {
	for i := bytes.LastIndex(doc, []byte("</")); i >= 0; i = bytes.LastIndex(doc[:i], []byte("</")) {
		if i+6 <= len(doc) && bytes.EqualFold(doc[i+2:i+6], []byte("body")) {
			return i
		}
	}
	return -1
}

// contentType picks a file's Content-Type from its extension. The types a
// site is made of come from this fixed table first, because the system
// tables mime.TypeByExtension also reads are known to be wrong on some
// machines (.js as text/plain on Windows, golang/go#32350), and a wrong
// type plus nosniff breaks the page.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".xml":
		return "text/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".webp":
		return "image/webp"
	case ".ico":
		return "image/x-icon"
	}
	t := mime.TypeByExtension(ext)
	switch {
	case t == "":
		return "application/octet-stream"
	case strings.HasPrefix(t, "text/") && !strings.Contains(t, "charset="):
		return t + "; charset=utf-8"
	}
	return t
}
