package devserver

import (
	"strings"
	"testing"
)

func TestDevPolicy(t *testing.T) {
	const site = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; font-src 'self'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
	for _, tc := range []struct{ in, want string }{
		// The repo's own site: only the connections change.
		{site, strings.Replace(site, "connect-src 'none'", "connect-src 'self'", 1)},
		{"default-src 'none'", "default-src 'none'; script-src 'self'; connect-src 'self'"},
		{"default-src 'none'; script-src 'none'", "default-src 'none'; script-src 'self'; connect-src 'self'"},
		{"connect-src https://api.example.org", "connect-src https://api.example.org 'self'"},
		{"CONNECT-SRC 'none'", "connect-src 'self'"},
		{"script-src 'self'; script-src-elem 'none'", "script-src 'self'; script-src-elem 'self'"},
		// Nothing to do: unchanged, as written.
		{"default-src 'self'", "default-src 'self'"},
		{"img-src 'none'", "img-src 'none'"},
		{"connect-src *;  script-src 'self' ", "connect-src *;  script-src 'self' "},
		{"", ""},
	} {
		if got := devPolicy(tc.in); got != tc.want {
			t.Errorf("devPolicy(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestAllowDevScript(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{{
		name: "meta in head",
		in:   `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'none'"><title>T &amp; U</title></head><body><p>x</p></body></html>`,
		want: `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; connect-src &#39;self&#39;"><title>T &amp; U</title></head><body><p>x</p></body></html>`,
	}, {
		name: "any case, self-closing, unquoted",
		in:   `<html><head><META HTTP-EQUIV=content-security-policy CONTENT="connect-src 'none'" /></head><body></body></html>`,
		want: `<html><head><meta http-equiv="content-security-policy" content="connect-src &#39;self&#39;"></head><body></body></html>`,
	}, {
		name: "no head tags (minified)",
		in:   `<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"><title>x</title><p>x`,
		want: `<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src &#39;self&#39;"><title>x</title><p>x`,
	}, {
		name: "a policy in the body is left alone",
		in:   `<html><head></head><body><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"></body></html>`,
		want: `<html><head></head><body><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"></body></html>`,
	}, {
		name: "a policy that allows it already",
		in:   `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head>`,
		want: `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head>`,
	}, {
		name: "other meta tags",
		in:   `<head><meta name="description" content="connect-src 'none'"><meta http-equiv="refresh" content="0; url=/x/"></head>`,
		want: `<head><meta name="description" content="connect-src 'none'"><meta http-equiv="refresh" content="0; url=/x/"></head>`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			if got := string(allowDevScript(in)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if string(in) != tc.in {
				t.Error("allowDevScript changed its input")
			}
		})
	}
}

// The served page, with the site's strict policy, lets the reload script
// connect; the built page keeps the policy it was built with.
func TestServedPageAllowsTheEventStream(t *testing.T) {
	const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'none'"></head><body><p>Hi</p></body></html>`
	site := withFiles(testSite(), map[string]string{"index.html": page})
	s, ts := newServer(t, Options{})
	s.Update(site)
	r := rawGet(t, ts.Listener.Addr().String(), "GET", "/", ts.Listener.Addr().String())
	body := string(r.body)
	if r.status != 200 || !strings.Contains(body, `content="default-src &#39;self&#39;; connect-src &#39;self&#39;"`) || !strings.Contains(body, scriptPath) {
		t.Errorf("GET /: %d %s; want the policy to allow 'self' connections and the reload script", r.status, body)
	}
	if got := string(site.Files["index.html"]); got != page {
		t.Errorf("the site's own file changed to %s", got)
	}
}

// Every file of the build is served with the Content-Security-Policy its
// _headers gives it, as the host sends it, loosened only for the reload
// script and its stream; without a _headers, none is sent.
func TestServedFilesCarryTheDeployedPolicy(t *testing.T) {
	headers := "# Written by samizdat\n/*\n" +
		"  Content-Security-Policy: default-src 'self'; style-src 'self'; script-src 'self'\n" +
		"  Cache-Control: public, max-age=31536000, immutable\n" +
		"/a/*\n  Content-Security-Policy: default-src 'none', connect-src 'none'\n"
	site := withFiles(testSite(), map[string]string{"_headers": headers})
	s, ts := newServer(t, Options{})
	addr := ts.Listener.Addr().String()
	for _, tc := range []struct {
		path string
		want []string
	}{
		// The default policy allows the script and the stream as it is.
		{"/", []string{"default-src 'self'; style-src 'self'; script-src 'self'"}},
		{"/style.css", []string{"default-src 'self'; style-src 'self'; script-src 'self'"}},
		{"/no/such/page/", []string{"default-src 'self'; style-src 'self'; script-src 'self'"}},
		{"/a/b/", []string{"default-src 'self'; style-src 'self'; script-src 'self'",
			"default-src 'none'; script-src 'self'; connect-src 'self', connect-src 'self'"}},
	} {
		s.Update(site)
		r := rawGet(t, addr, "GET", tc.path, addr)
		if got := r.header.Values("Content-Security-Policy"); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("GET %s: Content-Security-Policy %q; want %q", tc.path, got, tc.want)
		}
		if got := r.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q; want no-store", tc.path, got)
		}
	}
	s.Update(withFiles(site, map[string]string{"_headers": ""}))
	if r := rawGet(t, addr, "GET", "/", addr); r.header.Values("Content-Security-Policy") != nil {
		t.Errorf("a build without _headers was served with %q", r.header.Values("Content-Security-Policy"))
	}
}
