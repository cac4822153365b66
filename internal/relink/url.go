package relink

import (
	"bytes"
	"net/url"
)

// url records the edit that makes u, a URL found at offset off of the file, right for a file in
// the folder dir ("" for the site root, "a/b" for "a/b/index.html"). Only the path part of u is
// replaced; surrounding whitespace, the query and the fragment keep their bytes.
//
// A root-relative path becomes page-relative, and so does an absolute one under the site's
// address (Options.BaseURL) when the browser fetches it with the page (fetched: a stylesheet, a
// script, a picture), as if it were written root-relative. With Options.Portable, a link to a
// folder also gets an explicit index.html, because file:// and object-storage REST endpoints
// serve no index documents; a root-relative link to a folder written without its trailing slash
// is recognised by the site's files. Anything else stays as it is.
func (r *rewriter) url(dir string, u []byte, off int, fetched bool) {
	lead, core, _ := trimSpace(u)
	pathEnd := len(core)
	if i := bytes.IndexAny(core, "?#"); i >= 0 {
		pathEnd = i
	}
	p := core[:pathEnd]
	root := p // p as a root-relative path, when it is one
	if fetched && !isRootRelative(p) {
		if rest, ok := r.addr.Path(p); ok {
			r.abs = append(append(r.abs[:0], '/'), rest...)
			root = r.abs
		}
	}
	start := len(r.repl)
	switch {
	case isRootRelative(root) && r.opts.Base != "":
		r.repl = append(append(r.repl, r.opts.Base...), root[1:]...)
	case isRootRelative(root):
		r.repl = appendRelative(r.repl, dir, root[1:])
		if r.opts.Portable {
			r.repl = r.appendIndex(r.repl, start, root)
		}
	case r.opts.Portable && isRelativeFolder(p):
		r.repl = append(r.repl, p...)
		if p[len(p)-1] != '/' {
			r.repl = append(r.repl, '/')
		}
		r.repl = append(r.repl, indexHTML...)
	default:
		return
	}
	if bytes.Equal(r.repl[start:], p) {
		r.repl = r.repl[:start]
		return
	}
	off += len(lead)
	r.edits = append(r.edits, edit{start: off, end: off + len(p), from: start, to: len(r.repl)})
}

const indexHTML = "index.html"

// isRootRelative reports whether the path part of a URL is root-relative: "/x", but neither
// protocol-relative "//host" nor "/\host" or "/<newline>/host", which browsers read as "//host"
// (URL parsers drop tabs and newlines anywhere).
func isRootRelative(p []byte) bool {
	if len(p) == 0 || p[0] != '/' {
		return false
	}
	for _, c := range p[1:] {
		switch c {
		case '\t', '\n', '\r':
			continue
		case '/', '\\':
			return false
		}
		break
	}
	return true
}

// isRelativeFolder reports whether the path part of a URL is a path-relative link to a folder:
// "a/", "../", ".", "..".
func isRelativeFolder(p []byte) bool {
	if len(p) == 0 || p[0] == '/' || p[0] == '\\' || hasScheme(p) {
		return false
	}
	last := p[bytes.LastIndexByte(p, '/')+1:]
	return len(last) == 0 || string(last) == "." || string(last) == ".."
}

// hasScheme reports whether p starts with a URL scheme ("https:", "mailto:"), as the WHATWG URL
// parser reads one: a letter, then letters, digits, "+", "-" or ".", then ":".
func hasScheme(p []byte) bool {
	for i, c := range p {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// appendRelative appends the path of target (a root-relative path without its leading slash)
// relative to the folder dir. The result is never empty and never reads as a scheme or as
// root-relative.
func appendRelative(dst []byte, dir string, target []byte) []byte {
	slash := bytes.LastIndexByte(target, '/')
	tdir, name := target[:slash+1], target[slash+1:]

	// Skip the folders dir and the target share.
	for len(dir) > 0 && len(tdir) > 0 {
		ds, dnext := cutSegment(dir)
		i := bytes.IndexByte(tdir, '/')
		if !segmentEqual(ds, tdir[:i]) {
			break
		}
		dir, tdir = dnext, tdir[i+1:]
	}
	start := len(dst)
	for len(dir) > 0 {
		_, dir = cutSegment(dir)
		dst = append(dst, "../"...)
	}
	if len(dst) == start && needsDotSlash(tdir, name) {
		dst = append(dst, "./"...)
	}
	dst = append(dst, tdir...)
	dst = append(dst, name...)
	if len(dst) == start {
		dst = append(dst, "./"...)
	}
	return dst
}

// needsDotSlash reports whether a relative path made of tdir and name, written as it is, would be
// read as something else: as a scheme ("a:b/"), as root-relative ("/x" from an empty segment in
// "/a//x", or " /x" once the URL parser strips the space) or, in an unquoted attribute value, as
// the start of a quoted one ("'x").
func needsDotSlash(tdir, name []byte) bool {
	first := tdir
	if len(first) == 0 {
		first = name
	}
	if len(first) > 0 && (first[0] <= ' ' || first[0] == '/' || first[0] == '\\' || first[0] == '"' || first[0] == '\'') {
		return true
	}
	if i := bytes.IndexByte(first, '/'); i >= 0 {
		first = first[:i]
	}
	return bytes.IndexByte(first, ':') >= 0
}

// appendIndex appends "index.html" when the root-relative path p, just written to dst[rel:] in
// relative form, names a folder: it ends with a slash, "." or "..", or the site has p/index.html
// and no file p.
func (r *rewriter) appendIndex(dst []byte, rel int, p []byte) []byte {
	if p[len(p)-1] == '/' {
		if string(dst[rel:]) == "./" {
			dst = dst[:rel] // "index.html" reads better than "./index.html"
		}
		return append(dst, indexHTML...)
	}
	if bytes.HasSuffix(p, []byte("/.")) || bytes.HasSuffix(p, []byte("/..")) {
		return append(dst, "/"+indexHTML...)
	}
	key := p[1:]
	if bytes.IndexByte(key, '%') >= 0 {
		s, err := url.PathUnescape(string(key))
		if err != nil {
			return dst
		}
		key = []byte(s)
	}
	if _, isFile := r.files[string(key)]; isFile {
		return dst
	}
	r.key = append(append(r.key[:0], key...), "/"+indexHTML...)
	if _, isFolder := r.files[string(r.key)]; !isFolder {
		return dst
	}
	return append(dst, "/"+indexHTML...)
}

// cutSegment splits the first folder off a slash path.
func cutSegment(dir string) (seg, rest string) {
	for i := 0; i < len(dir); i++ {
		if dir[i] == '/' {
			return dir[:i], dir[i+1:]
		}
	}
	return dir, ""
}

// segmentEqual reports whether a folder name from a file path and a path segment of a URL, which
// may be percent-encoded, name the same folder.
func segmentEqual(name string, seg []byte) bool {
	if name == string(seg) {
		return true
	}
	if bytes.IndexByte(seg, '%') < 0 {
		return false
	}
	s, err := url.PathUnescape(string(seg))
	return err == nil && s == name
}

// trimSpace splits off the spaces and control characters that URL parsers strip around a URL.
func trimSpace(u []byte) (lead, core, trail []byte) {
	i, j := 0, len(u)
	for i < j && u[i] <= ' ' {
		i++
	}
	for j > i && u[j-1] <= ' ' {
		j--
	}
	return u[:i], u[i:j], u[j:]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
