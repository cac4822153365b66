package relink

import (
	"bytes"
	"net/url"
	"strings"
)

// Address is the absolute address a site is published at, its baseURL, for telling the absolute
// URLs that name the site's own files: "https://example.org/sub/css/a.css" names css/a.css of
// the site at "https://example.org/sub/". Hugo themes write such URLs for stylesheets and scripts
// ({{ "css/a.css" | absURL }}, {{ .Site.BaseURL }}css/a.css). The zero Address has nothing under
// it.
type Address struct {
	host   string   // lower case, without the port; "" for no address
	port   string   // "" for the scheme's default
	folder []string // the path's segments, decoded: ["sub"] for "https://example.org/sub/"
}

// ParseAddress returns the Address of baseURL, an absolute http or https URL. Anything else, ""
// included, gives the zero Address.
func ParseAddress(baseURL string) Address {
	if baseURL == "" {
		return Address{}
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
		return Address{}
	}
	a := Address{host: strings.ToLower(u.Hostname()), port: u.Port()}
	if a.port == defaultPort(u.Scheme) {
		a.port = ""
	}
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			a.folder = append(a.folder, seg)
		}
	}
	return a
}

func defaultPort(scheme string) string {
	switch strings.ToLower(scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// Path returns the path from the site's root folder, as written ("css/a.css", "" for the root),
// that p names when p, the path part of a URL (without its query and fragment), is an http,
// https or protocol-relative URL under the address. Hosts are compared as browsers compare them:
// either scheme, the host in any case, the scheme's default port written or not. It reports
// false for every other URL, and for one that a browser may read differently from this (a user
// name or a control character in the host, a backslash, an empty first segment) or that may
// climb out of the site's folder (a ".." segment, "%2e%2e" included): those stay as they are.
func (a Address) Path(p []byte) (rest []byte, ok bool) {
	if a.host == "" {
		return nil, false
	}
	scheme := ""
	switch {
	case hasPrefixFold(p, "https://"):
		scheme, p = "https", p[len("https://"):]
	case hasPrefixFold(p, "http://"):
		scheme, p = "http", p[len("http://"):]
	case bytes.HasPrefix(p, []byte("//")):
		p = p[2:]
	default:
		return nil, false
	}
	end := bytes.IndexByte(p, '/')
	if end < 0 {
		end = len(p)
	}
	authority, p := p[:end], p[end:]
	for _, c := range authority {
		if c <= ' ' || c == '@' || c == '\\' {
			return nil, false
		}
	}
	host, port := authority, []byte(nil)
	if i := bytes.LastIndexByte(authority, ':'); i >= 0 && bytes.IndexByte(authority[i:], ']') < 0 {
		host, port = authority[:i], authority[i+1:]
	}
	if len(host) > 2 && host[0] == '[' && host[len(host)-1] == ']' {
		host = host[1 : len(host)-1] // an IPv6 address, which Hostname gave without brackets
	}
	if string(port) == defaultPort(scheme) {
		port = nil
	}
	if !bytes.EqualFold(host, []byte(a.host)) || string(port) != a.port {
		return nil, false
	}
	if len(p) > 0 {
		p = p[1:]
	}
	for i, name := range a.folder {
		seg, next, more := bytes.Cut(p, []byte("/"))
		if !segmentEqual(name, seg) {
			return nil, false
		}
		if !more {
			if i < len(a.folder)-1 {
				return nil, false
			}
			next = nil // "https://example.org/sub": the site's root
		}
		p = next
	}
	if bytes.HasPrefix(p, []byte("/")) || bytes.IndexByte(p, '\\') >= 0 {
		return nil, false // "//x" would read as protocol-relative, "\" as "/"
	}
	for seg := range bytes.SplitSeq(p, []byte("/")) {
		if segmentEqual("..", seg) {
			return nil, false
		}
	}
	return p, true
}
