package publish

import (
	"reflect"
	"testing"
)

// HeadersFor reads back what writeDeployFiles writes, and the rules a
// site's own static/_headers may hold, as Netlify and Cloudflare Pages
// match them.
func TestHeadersFor(t *testing.T) {
	out := process(t, map[string][]byte{"index.html": []byte("<p>hi</p>")}, Options{Fingerprint: true})
	if got, want := HeadersFor(out.Files["_headers"], "/about/"), SecurityHeaders(""); !reflect.DeepEqual(got, want) {
		t.Errorf("HeadersFor(written _headers) = %v; want %v", got, want)
	}

	own := []byte(`# the campaign's own
/*
  Content-Security-Policy: default-src 'self'
  X-Frame-Options: DENY

/petition/*
  Content-Security-Policy: style-src 'self' 'unsafe-inline'
  ! X-Frame-Options

https://example.org/news/:slug/
  X-Robots-Tag: noindex
/a:b
  X-Literal: yes
not a rule line
	Tabbed: value
  no colon here
`)
	for _, tc := range []struct {
		path string
		want []Header
	}{
		{"/", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"}}},
		{"/petition/sign/", []Header{{"Content-Security-Policy", "default-src 'self'"},
			{"Content-Security-Policy", "style-src 'self' 'unsafe-inline'"}}},
		{"/news/first/", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"},
			{"X-Robots-Tag", "noindex"}}},
		{"/news/first/more/", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"}}},
		{"/news//", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"}}},
		{"/a:b", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"}, {"X-Literal", "yes"}}},
		{"/axb", []Header{{"Content-Security-Policy", "default-src 'self'"}, {"X-Frame-Options", "DENY"}}},
	} {
		if got := HeadersFor(own, tc.path); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("HeadersFor(own, %q) = %v; want %v", tc.path, got, tc.want)
		}
	}
	if got := HeadersFor(nil, "/"); got != nil {
		t.Errorf("HeadersFor(nil) = %v; want none", got)
	}
}
