package devserver

import (
	"bytes"
	"encoding/json"
	"html"
	"net"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
)

func TestHostAllowList(t *testing.T) {
	s, ts := newServer(t, Options{BindHost: "DevBox.lan"})
	s.Update(testSite())
	checkHosts(t, ts.Listener.Addr().String(), []string{
		"localhost:PORT", "LOCALHOST:PORT", "app.localhost:PORT", "a.b.localhost:PORT",
		"127.0.0.1:PORT", "[::1]:PORT", "devbox.lan:PORT", "DevBox.LAN:PORT",
	}, []string{
		"", "evil.example", "evil.example:1313", "127.0.0.1.nip.io", "localhost.", "localhost.:1313",
		"localhost:abc", "localhost:", "evillocalhost", "localhost.evil.example", ".localhost",
		"a..localhost", "a_b.localhost", "127.0.0.2", "0.0.0.0:1313", "[::2]:1313", "192.168.1.5",
		"[::ffff:127.0.0.1]", "2130706433", "0x7f000001", "devbox.lan.", "sub.devbox.lan",
		"evil.example:PORT", "127.0.0.1.nip.io:PORT", "localhost.:PORT", "127.0.0.2:PORT", "0.0.0.0:PORT",
		"[::2]:PORT", "192.168.1.5:PORT", "[::ffff:127.0.0.1]:PORT", "devbox.lan.:PORT", "sub.devbox.lan:PORT",
		"localhost:+PORT", "localhost:PORT:PORT",
	})
}

// TestHostAllowListNeedsTheServersPort: a browser that reaches the server
// directly names the port it used (RELIABILITY A.2); another port, or none
// (port 80), means something in between that --allow-host must name.
func TestHostAllowListNeedsTheServersPort(t *testing.T) {
	s, ts := newServer(t, Options{BindHost: "DevBox.lan"})
	s.Update(testSite())
	checkHosts(t, ts.Listener.Addr().String(), []string{"localhost:PORT", "devbox.lan:PORT"}, []string{
		"localhost", "localhost:OTHER", "localhost:0PORT", "app.localhost:OTHER", "a.b.localhost",
		"127.0.0.1", "127.0.0.1:1", "127.0.0.1:OTHER", "[::1]", "[::1]:OTHER", "::1", "devbox.lan", "devbox.lan:OTHER",
	})

	// The refusal says how to get in: port forwarding or a proxy is named
	// with --allow-host.
	addr := ts.Listener.Addr().String()
	r := rawGet(t, addr, "GET", "/", "localhost:9")
	if want := "--allow-host localhost:9"; r.status != 403 || !strings.Contains(string(r.body), want) {
		t.Errorf("Host localhost:9: got %d %q; want 403 naming %q", r.status, r.body, want)
	}
	if r := rawGet(t, addr, "GET", "/", "a_b:9"); r.status != 403 || strings.Contains(string(r.body), "--allow-host") {
		t.Errorf(`Host "a_b:9": got %d %q; want 403 without --allow-host`, r.status, r.body)
	}
}

// TestWildcardBindAllowsTheMachinesNames: bound to every interface, the
// server answers to the names other machines use for this one, and to no
// other.
func TestWildcardBindAllowsTheMachinesNames(t *testing.T) {
	for _, bind := range []string{"0.0.0.0", "::", ""} {
		t.Run(bind, func(t *testing.T) {
			s, ts := newServer(t, Options{BindHost: bind, Machine: fakeMachine})
			s.Update(testSite())
			checkHosts(t, ts.Listener.Addr().String(), []string{
				"localhost:PORT", "127.0.0.1:PORT", "[::1]:PORT",
				"192.0.2.7:PORT", "10.1.2.3:PORT", "[2001:db8::7]:PORT", "[fe80::1]:PORT",
				"campaign-laptop:PORT", "Campaign-Laptop.local:PORT",
			}, []string{
				"192.0.2.8:PORT", "192.0.2.7", "192.0.2.7:OTHER", "[2001:db8::8]:PORT", "[2001:db8::7]:OTHER",
				"2001:db8::7", "campaign-laptop.evil.example:PORT", "campaign-laptop.:PORT",
				"campaign-laptop.local.:PORT", "other-laptop.local:PORT", "evil.example:PORT", "",
			})
		})
	}
}

func TestSpecificBindAllowsNoMachineNames(t *testing.T) {
	s, ts := newServer(t, Options{BindHost: "192.0.2.7", Machine: fakeMachine})
	s.Update(testSite())
	checkHosts(t, ts.Listener.Addr().String(), []string{"localhost:PORT", "192.0.2.7:PORT"},
		[]string{"10.1.2.3:PORT", "campaign-laptop:PORT", "campaign-laptop.local:PORT"})
}

func TestAllowHosts(t *testing.T) {
	s, ts := newServer(t, Options{AllowHosts: []string{
		"Tunnel.example.org", "proxy.example.org:8443", "[2001:db8::9]:9000", "localhost:9999",
		"https://bad.example", "*.bad.example", "",
	}})
	s.Update(testSite())
	checkHosts(t, ts.Listener.Addr().String(), []string{
		"tunnel.example.org", "tunnel.example.org:PORT", "TUNNEL.example.org",
		"proxy.example.org:8443", "[2001:db8::9]:9000", "localhost:9999", "localhost:PORT",
	}, []string{
		"tunnel.example.org:OTHER", "sub.tunnel.example.org", "tunnel.example.org.", "proxy.example.org",
		"proxy.example.org:PORT", "[2001:db8::9]:PORT", "[2001:db8::9]", "localhost:9998", "localhost",
		"bad.example", "https://bad.example", "x.bad.example", "",
	})
}

// fakeMachine stands for a laptop on a LAN, so that tests need not bind
// anything but 127.0.0.1.
var fakeMachine = Machine{
	Addrs: []net.Addr{
		&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
		&net.IPNet{IP: net.ParseIP("192.0.2.7").To4(), Mask: net.CIDRMask(24, 32)},
		&net.IPAddr{IP: net.ParseIP("10.1.2.3")},
		&net.IPNet{IP: net.ParseIP("2001:db8::7"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		&net.UnixAddr{Name: "/not/an/ip", Net: "unix"},
	},
	Hostname: "Campaign-Laptop",
}

// checkHosts checks that every page and reserved path answers the allowed
// Host values and refuses the rejected ones. PORT in a value stands for
// the server's port, OTHER for another.
func checkHosts(t *testing.T, addr string, allowed, rejected []string) {
	t.Helper()
	_, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	ports := strings.NewReplacer("PORT", port, "OTHER", strconv.Itoa(n+1))
	for _, path := range []string{"/", "/style.css", "/nope", scriptPath, problemsPath, eventsPath} {
		for _, host := range allowed {
			if path == eventsPath {
				continue // a stream never ends; covered by TestEventStreamHostCheck
			}
			host = ports.Replace(host)
			if got := rawGet(t, addr, "GET", path, host).status; got != 200 && got != 404 {
				t.Errorf("GET %s Host %q: got %d; want 200 or 404", path, host, got)
			}
		}
		for _, host := range rejected {
			host = ports.Replace(host)
			if got := rawGet(t, addr, "GET", path, host).status; got != 403 && got != 400 {
				t.Errorf("GET %s Host %q: got %d; want 403", path, host, got)
			}
		}
	}
}

func TestForwardedHeadersIgnored(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	for _, h := range []string{
		"X-Forwarded-Host: localhost", "X-Forwarded-For: 127.0.0.1", "Forwarded: host=localhost;for=127.0.0.1",
		"X-Forwarded-Proto: http",
	} {
		if got := rawGet(t, addr, "GET", "/", "evil.example", h).status; got != 403 {
			t.Errorf("Host evil.example with %q: got %d; want 403", h, got)
		}
	}
}

func TestEventStreamHostCheck(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	for _, host := range []string{"evil.example", "evil.example:80", "127.0.0.1.nip.io", ""} {
		r := rawGet(t, addr, "GET", eventsPath, host, "Accept: text/event-stream")
		if r.status != 403 {
			t.Errorf("event stream with Host %q: got %d; want 403", host, r.status)
		}
	}
	r := rawGet(t, addr, "GET", eventsPath, addr, "Origin: https://evil.example")
	if r.status != 403 {
		t.Errorf("event stream with a foreign Origin: got %d; want 403", r.status)
	}
	if got := s.streamCount(); got != 0 {
		t.Errorf("refused requests opened %d streams", got)
	}
}

// TestOriginCheckAcceptsAllowedHosts: a page opened by any name the
// server answers to (a LAN address, the mDNS name, a tunnel's https name)
// gets its event stream; an Origin on any other host or port does not.
func TestOriginCheckAcceptsAllowedHosts(t *testing.T) {
	s, ts := newServer(t, Options{BindHost: "0.0.0.0", Machine: fakeMachine, AllowHosts: []string{"tunnel.example.org"}})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	ports := strings.NewReplacer("PORT", port, "OTHER", strconv.Itoa(n+1))

	for _, c := range []struct{ host, origin string }{
		{"192.0.2.7:PORT", ""},
		{"192.0.2.7:PORT", "http://192.0.2.7:PORT"},
		{"[2001:db8::7]:PORT", "http://[2001:db8::7]:PORT"},
		{"campaign-laptop.local:PORT", "http://Campaign-Laptop.local:PORT"},
		{"192.0.2.7:PORT", "http://campaign-laptop.local:PORT"},
		{"localhost:PORT", "http://localhost:PORT"},
		{"tunnel.example.org", "https://tunnel.example.org"},
		{"localhost:PORT", "https://tunnel.example.org"}, // a tunnel that rewrites Host
	} {
		host, origin := ports.Replace(c.host), ports.Replace(c.origin)
		if got := streamStatus(t, addr, host, origin); got != 200 {
			t.Errorf("event stream, Host %q, Origin %q: got %d; want 200", host, origin, got)
		}
		if origin == "" {
			continue
		}
		if got := rawGet(t, addr, "GET", problemsPath, host, "Origin: "+origin).status; got != 200 {
			t.Errorf("GET %s, Host %q, Origin %q: got %d; want 200", problemsPath, host, origin, got)
		}
	}
	for _, origin := range []string{
		"https://evil.example", "http://evil.example:PORT", "http://192.168.1.5", "http://192.168.1.5:PORT",
		"http://192.0.2.7", "http://192.0.2.7:OTHER", "http://192.0.2.8:PORT", "null", "file://",
		"http://localhost:PORT/", "http://localhost:PORT/x", "http://x@localhost:PORT", "ftp://localhost:PORT",
		"http://tunnel.example.org.evil.example", "https://tunnel.example.org:OTHER", "localhost:PORT",
	} {
		origin = ports.Replace(origin)
		if got := streamStatus(t, addr, "192.0.2.7:"+port, origin); got != 403 {
			t.Errorf("event stream with Origin %q: got %d; want 403", origin, got)
		}
		if got := rawGet(t, addr, "GET", warningsPath, addr, "Origin: "+origin).status; got != 403 {
			t.Errorf("GET %s with Origin %q: got %d; want 403", warningsPath, origin, got)
		}
	}
}

// traversalCorpus is request-targets that must never be served (RELIABILITY
// B, A6), sent raw.
var traversalCorpus = []string{
	"/../../../../etc/passwd", "/..", "/../", "/a/../../etc/passwd", "/a/..", "/a/../index.html",
	"/./index.html", "/a/./", "/.", "/./", "/a/.", "/.env/.", "/secret/./", "//..", "/..//..",
	"/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/%2e/", "/.%2e/etc/passwd", "/%2e./etc/passwd",
	"/index%2ehtml", "/..%2f..%2fetc/passwd", "/..%2F..%2Fetc/passwd", "/a%2fb", "/%2fetc/passwd",
	"/%252e%252e/etc/passwd", "/%252e%252e%252fetc/passwd", "/%25%32%65%25%32%65/", "/%25",
	"/..%5c..%5cetc/passwd", "/..%5C..%5C", `/..\..\etc\passwd`, `/a\b`, `/\evil.example`,
	"/_site%2f..%2f_site-leak/secret.txt", "/%00", "/index.html%00", "/index.html%00.css",
	"/%0a", "/%0d%0aSet-Cookie:%20x=1", "/%09", "/%7f", "/%c2%85", "/%ff", "/%c0%ae%c0%ae/",
	"/%e0%80%ae", "/%ed%a0%80", "/%ZZ", "/%", "/%2", "/a%", "/#/../../etc/passwd", "/index.html#x",
	"//evil.example", "//evil.example/", "//evil.example/%2e%2e", "///etc/passwd", "/a//b", "/a//",
	"http://evil.example/index.html", "http://127.0.0.1/index.html", "https://localhost/", "*",
	"localhost:80", "index.html", "../etc/passwd", "%2e%2e/etc/passwd",
	"/.git/config", "/.env", "/.DS_Store", "/post.md~", "/.post.md.swp", "/media../.env",
	"/COM1", "/NUL", "/secret.txt::$DATA", "/SECRET~1.TXT", "/INDEX.HTML", "/index.html.",
	"/index.html/", "/..;/etc/passwd", "/;/../etc/passwd", "/index.html;jsessionid=1",
	"/etc/passwd", "/proc/self/environ", "/" + strings.Repeat("a", 70000),
	"/" + strings.Repeat("../", 2000) + "etc/passwd", "/\x01", "/caf\xe9", "/\xc3\xa9",
}

func TestTraversalCorpusRefused(t *testing.T) {
	if len(traversalCorpus) < 50 {
		t.Fatalf("corpus has %d targets; want at least 50", len(traversalCorpus))
	}
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	notFound := string(injectScript(site.Files["404.html"], s.version(), ""))
	for _, target := range traversalCorpus {
		r := rawGet(t, addr, "GET", target, addr)
		switch r.status {
		case 400, 403, 414, 431:
		case 404:
			if b := string(r.body); b != notFound {
				t.Errorf("GET %q: 404 with body %.100q; want the site's 404 page", target, b)
			}
		default:
			t.Errorf("GET %q: got %d (Location %q); want 400 or 404", target, r.status, r.header.Get("Location"))
		}
		if bytes.Contains(r.body, []byte("root:")) {
			t.Errorf("GET %q: body looks like /etc/passwd", target)
		}
	}
}

func TestQueryTricksServeOnlyOutput(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	home := string(injectScript(site.Files["index.html"], s.version(), "index.html"))
	for _, target := range []string{"/?raw??", "/?import&raw", "/?.svg", "/?../../etc/passwd", "/?%2e%2e"} {
		r := rawGet(t, addr, "GET", target, addr)
		if r.status != 200 || string(r.body) != home {
			t.Errorf("GET %q: got %d %.80q; want 200 and the home page", target, r.status, r.body)
		}
	}
}

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		raw, path, query string
	}{
		{"/", "/", ""},
		{"/a/b/", "/a/b/", ""},
		{"/a/b.html?x=1&y=%2e", "/a/b.html", "x=1&y=%2e"},
		{"/%D0%BA%D0%B8%D1%80/", "/кир/", ""},
		{"/a%20b", "/a b", ""},
		{"/media../x", "/media../x", ""},
	} {
		got, ok := parseTarget(tc.raw)
		if !ok || got.path != tc.path || got.rawQuery != tc.query {
			t.Errorf("parseTarget(%q) = %+v, %v; want path %q query %q", tc.raw, got, ok, tc.path, tc.query)
		}
	}
	for _, raw := range traversalCorpus {
		got, ok := parseTarget(raw)
		if !ok {
			continue
		}
		// Whatever passes must name a path with no way out of the root.
		if strings.Contains(got.path, "/../") || strings.Contains(got.path, "\\") || strings.ContainsRune(got.path, 0) ||
			strings.Contains(got.path, "/./") || strings.Contains(got.path[1:], "//") || strings.HasSuffix(got.path, "/..") {
			t.Errorf("parseTarget(%q) accepted %q", raw, got.path)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, raw := range traversalCorpus {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := parseTarget(raw)
		if !ok {
			return
		}
		if got.path[0] != '/' {
			t.Fatalf("parseTarget(%q) path %q does not start with /", raw, got.path)
		}
		for i, seg := range strings.Split(got.path[1:], "/") {
			if seg == "." || seg == ".." || seg == "" && i != len(strings.Split(got.path[1:], "/"))-1 {
				t.Fatalf("parseTarget(%q) accepted segment %q in %q", raw, seg, got.path)
			}
		}
		if strings.ContainsAny(got.path, "\\%") || !utf8.ValidString(got.path) ||
			strings.IndexFunc(got.path, unicode.IsControl) >= 0 {
			t.Fatalf("parseTarget(%q) accepted %q", raw, got.path)
		}
	})
}

func TestSafetyHeadersOnEveryResponse(t *testing.T) {
	s, ts := newServer(t, Options{})
	addr := ts.Listener.Addr().String()
	if r := rawGet(t, addr, "GET", "/", addr); r.status != 503 {
		t.Errorf("before the first build: got %d; want 503", r.status)
	}
	s.Update(testSite())
	emptySite := New(Options{})
	emptySite.Update(withFiles(testSite(), map[string]string{"404.html": ""}))
	bare := startServer(t, emptySite)

	type req struct{ addr, method, target, host string }
	reqs := []req{
		{addr, "GET", "/", addr},
		{addr, "HEAD", "/", addr},
		{addr, "GET", "/style.css", addr},
		{addr, "GET", "/img.png", addr},
		{addr, "GET", "/a", addr},
		{addr, "GET", "/missing", addr},
		{bare.Listener.Addr().String(), "GET", "/missing", bare.Listener.Addr().String()},
		{addr, "GET", "/%2e%2e/", addr},
		{addr, "GET", "/", "evil.example"},
		{addr, "POST", "/", addr},
		{addr, "OPTIONS", "/", addr},
		{addr, "GET", scriptPath, addr},
		{addr, "GET", problemsPath, addr},
		{addr, "HEAD", eventsPath, addr},
		{addr, "GET", "/__samizdat/nope", addr},
	}
	for _, q := range reqs {
		r := rawGet(t, q.addr, q.method, q.target, q.host, "Origin: https://evil.example",
			"Access-Control-Request-Method: GET")
		for h, want := range map[string]string{
			"Cross-Origin-Resource-Policy": "same-origin",
			"X-Content-Type-Options":       "nosniff",
			"Cache-Control":                "no-store",
		} {
			if got := r.header.Get(h); got != want {
				t.Errorf("%s %s (Host %s, status %d): %s = %q; want %q", q.method, q.target, q.host, r.status, h, got, want)
			}
		}
		for h := range r.header {
			if strings.HasPrefix(strings.ToLower(h), "access-control-") {
				t.Errorf("%s %s: CORS header %s present", q.method, q.target, h)
			}
		}
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		for _, target := range []string{"/", problemsPath, eventsPath} {
			if m == "CONNECT" {
				target = addr // CONNECT takes authority-form, which Go takes for the Host
			}
			r := rawGet(t, addr, m, target, addr)
			if r.status != 405 && r.status != 400 {
				t.Errorf("%s %s: got %d; want 405", m, target, r.status)
			}
			if r.status == 405 && r.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow = %q; want %q", m, target, r.header.Get("Allow"), "GET, HEAD")
			}
		}
	}
}

func TestServesOutputBytes(t *testing.T) {
	site := testSite()
	pristine := cloneOutput(site)
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	for _, name := range site.Paths() {
		// The tag says which file the page is, for reloads that name the
		// pages that changed.
		tag := `<script src="/__samizdat/reload.js" data-version="` + s.version() + `" data-file="` + html.EscapeString(name) + `"></script>`
		target := "/" + pathEscape(name)
		r := rawGet(t, addr, "GET", target, addr)
		want := site.Files[name]
		if r.status != 200 {
			t.Errorf("GET %s: got %d; want 200", target, r.status)
			continue
		}
		body := r.body
		if strings.HasSuffix(name, ".html") {
			if bytes.Count(body, []byte(tag)) != 1 {
				t.Errorf("GET %s: reload script tag not injected exactly once: %q", target, body)
			}
			body = bytes.Replace(body, []byte(tag), nil, 1)
		}
		if !bytes.Equal(body, want) {
			t.Errorf("GET %s: got %q; want %q", target, body, want)
		}
		if got := r.header.Get("Content-Length"); got != strconv.Itoa(len(r.body)) {
			t.Errorf("GET %s: Content-Length %s; body has %d bytes", target, got, len(r.body))
		}
		head := rawGet(t, addr, "HEAD", target, addr)
		if head.status != r.status || len(head.body) != 0 || head.header.Get("Content-Length") != r.header.Get("Content-Length") ||
			head.header.Get("Content-Type") != r.header.Get("Content-Type") {
			t.Errorf("HEAD %s: got %d, %d body bytes, %v; want GET's headers and no body", target, head.status, len(head.body), head.header)
		}
	}
	if !reflect.DeepEqual(site, pristine) {
		t.Error("serving modified the Output")
	}
}

func pathEscape(name string) string {
	var b strings.Builder
	for _, c := range []byte(name) {
		if c >= 0x80 {
			b.WriteString("%" + strings.ToUpper(hex2(c)))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func TestFolderIndexAndRedirect(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	for target, want := range map[string]string{
		"/":     "index.html",
		"/a/":   "a/index.html",
		"/a/b/": "a/b/index.html",
		"/%D0%BA%D0%B8%D1%80%D0%B8%D0%BB%D0%BB%D0%B8%D1%86%D0%B0/": "кириллица/index.html",
	} {
		r := rawGet(t, addr, "GET", target, addr)
		if r.status != 200 || !bytes.HasPrefix(r.body, site.Files[want][:10]) {
			t.Errorf("GET %s: got %d %.60q; want 200 and %s", target, r.status, r.body, want)
		}
	}
	for target, loc := range map[string]string{
		"/a":      "./a/",
		"/a?x=1":  "./a/?x=1",
		"/a/b":    "./b/",
		"/a/b?q#": "",
		"/%D0%BA%D0%B8%D1%80%D0%B8%D0%BB%D0%BB%D0%B8%D1%86%D0%B0": "./%D0%BA%D0%B8%D1%80%D0%B8%D0%BB%D0%BB%D0%B8%D1%86%D0%B0/",
	} {
		r := rawGet(t, addr, "GET", target, addr)
		if loc == "" {
			if r.status != 400 {
				t.Errorf("GET %s: got %d; want 400", target, r.status)
			}
			continue
		}
		if r.status != 302 || r.header.Get("Location") != loc {
			t.Errorf("GET %s: got %d Location %q; want 302 %q", target, r.status, r.header.Get("Location"), loc)
		}
	}
	// A folder with no index.html is not a page, and no Location may ever
	// name another host.
	for _, target := range []string{"/evil.example", "//evil.example", "//evil.example/", "/evil.example/"} {
		r := rawGet(t, addr, "GET", target, addr)
		if r.status == 302 || r.header.Get("Location") != "" {
			t.Errorf("GET %s: got %d Location %q; want no redirect", target, r.status, r.header.Get("Location"))
		}
	}
}

func TestNotFoundPage(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()

	r := rawGet(t, addr, "GET", "/no/such/page/", addr)
	if r.status != 404 || string(r.body) != string(injectScript(site.Files["404.html"], s.version(), "")) {
		t.Errorf("unknown path: got %d %q; want 404 and the site's 404.html with the script", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("404 page Content-Type %q", ct)
	}

	s.Update(withFiles(site, map[string]string{"404.html": ""}))
	r = rawGet(t, addr, "GET", "/no/such/page/", addr)
	if r.status != 404 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") || bytes.Contains(r.body, []byte("<script")) {
		t.Errorf("unknown path, site without 404.html: got %d %s %q; want a plain-text 404", r.status, r.header.Get("Content-Type"), r.body)
	}
}

func TestInjectScript(t *testing.T) {
	tag := `<script src="/__samizdat/reload.js" data-version="v" data-file="a/&#34;b&#34; &amp; c.html"></script>`
	for _, tc := range []struct{ in, want string }{
		{"<body>x</body></html>", "<body>x" + tag + "</body></html>"},
		{"<BODY>x</BODY>", "<BODY>x" + tag + "</BODY>"},
		{"<body>'</body>'</body >", "<body>'</body>'" + tag + "</body >"},
		{"<p>no body", "<p>no body" + tag},
		{"", tag},
		{"</bod", "</bod" + tag},
		{"</", "</" + tag},
	} {
		in := []byte(tc.in)
		if got := string(injectScript(in, "v", `a/"b" & c.html`)); got != tc.want {
			t.Errorf("injectScript(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if string(in) != tc.in {
			t.Errorf("injectScript modified its input %q", tc.in)
		}
	}
}

func TestInjectionOnlyInHTML(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()
	for _, name := range []string{"style.css", "app.js", "feed.xml", "logo.svg", "data.json", "robots.txt", "img.png"} {
		r := rawGet(t, addr, "GET", "/"+name, addr)
		if !bytes.Equal(r.body, site.Files[name]) {
			t.Errorf("GET /%s: got %q; want the file byte for byte", name, r.body)
		}
	}
}

func TestContentTypes(t *testing.T) {
	for name, want := range map[string]string{
		"a.html":           "text/html; charset=utf-8",
		"A.HTM":            "text/html; charset=utf-8",
		"s.css":            "text/css; charset=utf-8",
		"app.js":           "text/javascript; charset=utf-8",
		"feed.xml":         "text/xml; charset=utf-8",
		"logo.svg":         "image/svg+xml",
		"data.json":        "application/json",
		"site.webmanifest": "application/manifest+json",
		"robots.txt":       "text/plain; charset=utf-8",
		"f.woff2":          "font/woff2",
		"i.png":            "image/png",
		"i.jpg":            "image/jpeg",
		"i.webp":           "image/webp",
		"favicon.ico":      "image/x-icon",
		"noext":            "application/octet-stream",
		"x.qqqzz":          "application/octet-stream",
	} {
		if got := contentType(name); got != want {
			t.Errorf("contentType(%q) = %q; want %q", name, got, want)
		}
	}
}

func TestProblemsEndpoint(t *testing.T) {
	site := testSite()
	s, ts := newServer(t, Options{})
	s.Update(site)
	addr := ts.Listener.Addr().String()

	get := func() []problemJSON {
		t.Helper()
		r := rawGet(t, addr, "GET", problemsPath, addr)
		if r.status != 200 || r.header.Get("Content-Type") != "application/json" {
			t.Fatalf("GET %s: got %d %s", problemsPath, r.status, r.header.Get("Content-Type"))
		}
		var list []problemJSON
		if err := json.Unmarshal(r.body, &list); err != nil {
			t.Fatalf("GET %s: %v in %q", problemsPath, err, r.body)
		}
		return list
	}
	if got := get(); len(got) != 0 {
		t.Errorf("good build: got problems %v", got)
	}

	p := problem.Problem{File: "content/a.md", Line: 3, Col: 7, Message: "unknown key \"titel\" <script>", Hint: "did you mean \"title\"?"}
	s.Update(broken(p, problem.Problem{Message: "no layouts"}))
	got := get()
	want := []problemJSON{
		{Position: "content/a.md:3:7", File: "content/a.md", Line: 3, Col: 7, Message: p.Message, Hint: p.Hint},
		{Position: "site", Message: "no layouts"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems: got %+v; want %+v", got, want)
	}
	if r := rawGet(t, addr, "GET", "/", addr); !bytes.Contains(r.body, []byte("<h1>Home</h1>")) {
		t.Errorf("with problems, GET / = %q; want the last good home page", r.body)
	}

	s.Update(site)
	if got := get(); len(got) != 0 {
		t.Errorf("after the fix: got problems %v", got)
	}
}

// TestWarningsEndpoint: /__samizdat/warnings lists the latest build's
// warnings beside the problems, and is emptied by a build without any.
func TestWarningsEndpoint(t *testing.T) {
	s, ts := newServer(t, Options{})
	s.Update(testSite())
	addr := ts.Listener.Addr().String()
	get := func(p string) []problemJSON {
		t.Helper()
		r := rawGet(t, addr, "GET", p, addr)
		if r.status != 200 || r.header.Get("Content-Type") != "application/json" {
			t.Fatalf("GET %s: got %d %s", p, r.status, r.header.Get("Content-Type"))
		}
		var list []problemJSON
		if err := json.Unmarshal(r.body, &list); err != nil || list == nil {
			t.Fatalf("GET %s: %v in %q; want a JSON list", p, err, r.body)
		}
		return list
	}
	if got := get(warningsPath); len(got) != 0 {
		t.Errorf("no warnings yet: got %v", got)
	}

	w := problem.Problem{File: "content/a.md", Line: 12, Message: "raw HTML is left out of the page: <iframe>", Hint: "link to the video"}
	s.SetWarnings([]problem.Problem{w})
	p := problem.Problem{File: "content/b.md", Line: 1, Message: "front matter is not closed"}
	s.Update(broken(p))
	want := []problemJSON{{Position: "content/a.md:12", File: "content/a.md", Line: 12, Message: w.Message, Hint: w.Hint}}
	if got := get(warningsPath); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings: got %+v; want %+v", got, want)
	}
	if got := get(problemsPath); len(got) != 1 || got[0].File != "content/b.md" {
		t.Errorf("problems beside warnings: got %+v; want the one problem", got)
	}
	if r := rawGet(t, addr, "GET", warningsPath, addr, "Origin: http://evil.example"); r.status != 403 {
		t.Errorf("cross-origin GET %s: got %d; want 403", warningsPath, r.status)
	}

	s.SetWarnings(nil)
	if got := get(warningsPath); len(got) != 0 {
		t.Errorf("after a build without warnings: got %v", got)
	}
}

// TestReloadScript runs reload.js under node against stubbed browser APIs
// (testdata/reload_harness.js), when node is installed.
func TestReloadScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed; .ci/run installs it with npm")
		}
		t.Skip("node not installed")
	}
	if out, err := exec.Command(node, "--check", "reload.js").CombinedOutput(); err != nil {
		t.Fatalf("node --check reload.js: %v\n%s", err, out)
	}
	if out, err := exec.Command(node, "testdata/reload_harness.js", "reload.js").CombinedOutput(); err != nil {
		t.Fatalf("reload.js harness: %v\n%s", err, out)
	}
	for _, forbidden := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "document.write"} {
		if strings.Contains(reloadJS, forbidden) {
			t.Errorf("reload.js uses %s", forbidden)
		}
	}
}
