package publish

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
)

// Header is one HTTP response header.
type Header struct {
	Name, Value string
}

// PermissionsPolicy turns off the powerful browser features a campaign
// site never uses, and Topics-based ad profiling.
const PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), " +
	"microphone=(), payment=(), usb=(), browsing-topics=()"

// ImmutableCacheControl is sent for fingerprinted files: their name
// changes whenever their content does.
const ImmutableCacheControl = "public, max-age=31536000, immutable"

// SecurityHeaders returns the headers every response of the site should
// carry, in the order _headers lists them; csp "" means DefaultCSP. The dev
// server and docs/nginx.conf send the same.
func SecurityHeaders(csp string) []Header {
	if csp == "" {
		csp = DefaultCSP
	}
	return []Header{
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"}, // readers' visits must not leak to the sites we link
		{"Permissions-Policy", PermissionsPolicy},
	}
}

// writeDeployFiles adds _headers (Netlify and Cloudflare Pages syntax) and
// .nojekyll (GitHub Pages would otherwise hide files starting with "_").
// A _headers the site ships in static/ is kept as written, since its author
// chose those rules; only the cache rules for fingerprinted files, whose
// names the author cannot know, are appended to it.
func writeDeployFiles(files map[string][]byte, assets map[string]asset, csp string) {
	var b strings.Builder
	if own, ok := files["_headers"]; ok {
		b.Write(own)
		if len(own) > 0 && own[len(own)-1] != '\n' {
			b.WriteByte('\n')
		}
	} else {
		b.WriteString("# Written by samizdat: security headers for every page (Netlify, Cloudflare Pages).\n/*\n")
		for _, h := range SecurityHeaders(csp) {
			b.WriteString("  " + h.Name + ": " + h.Value + "\n")
		}
	}
	paths := make([]string, 0, len(assets))
	for _, a := range assets {
		paths = append(paths, a.path)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b.WriteString("\n/" + p + "\n  Cache-Control: " + ImmutableCacheControl + "\n")
	}
	files["_headers"] = []byte(b.String())
	if _, ok := files[".nojekyll"]; !ok {
		files[".nojekyll"] = []byte{}
	}
}

// HeadersFor returns the headers a _headers file (file, in the Netlify
// and Cloudflare Pages syntax writeDeployFiles writes) gives a response at
// urlPath ("/about/"), in the file's order: those of every rule whose path
// matches, as both hosts send them all (the values of one name joined
// by commas). The build's check of inline code and the dev server read the
// site's policy here, so that what they allow is what the host will send,
// a _headers of the site's own in static/ included. "*" in a rule's path
// matches any text, "/:name" one segment; "! Name" (Cloudflare) drops
// that header of the rules before it; comments and malformed lines are
// skipped.
func HeadersFor(file []byte, urlPath string) []Header {
	var hs []Header
	match := false
	for line := range strings.Lines(string(file)) {
		line = strings.TrimRight(line, "\r\n")
		text := strings.TrimSpace(line)
		switch {
		case text == "" || text[0] == '#':
		case line[0] != ' ' && line[0] != '\t':
			match = rulePathMatches(rulePath(text), urlPath)
		case !match:
		case text[0] == '!':
			name := strings.TrimSpace(text[1:])
			hs = slices.DeleteFunc(hs, func(h Header) bool { return strings.EqualFold(h.Name, name) })
		default:
			if name, value, ok := strings.Cut(text, ":"); ok && strings.TrimSpace(name) != "" {
				hs = append(hs, Header{strings.TrimSpace(name), strings.TrimSpace(value)})
			}
		}
	}
	return hs
}

// rulePath returns the path of a _headers rule written as a full URL
// ("https://example.org/a/*"), which both hosts accept, and the rule's
// path as it is otherwise.
func rulePath(rule string) string {
	if strings.HasPrefix(rule, "/") {
		return rule
	}
	if _, rest, ok := strings.Cut(rule, "://"); ok {
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			return rest[i:]
		}
		return "/"
	}
	return rule
}

// rulePathMatches reports whether the request path p matches a _headers
// rule's path pattern: "*" matches any text, slashes too; a segment
// starting with ":" any one non-empty segment; the rest itself.
func rulePathMatches(pattern, p string) bool {
	segStart := false // pattern is just after a "/"
	for pattern != "" {
		switch {
		case pattern[0] == '*':
			for i := len(p); i >= 0; i-- {
				if rulePathMatches(pattern[1:], p[i:]) {
					return true
				}
			}
			return false
		case pattern[0] == ':' && segStart && len(pattern) > 1:
			seg := strings.IndexByte(p, '/')
			if seg < 0 {
				seg = len(p)
			}
			if seg == 0 {
				return false
			}
			rest := strings.IndexByte(pattern, '/')
			if rest < 0 {
				rest = len(pattern)
			}
			pattern, p, segStart = pattern[rest:], p[seg:], false
		case p == "" || pattern[0] != p[0]:
			return false
		default:
			segStart = pattern[0] == '/'
			pattern, p = pattern[1:], p[1:]
		}
	}
	return p == ""
}

// ManifestName is the file Manifest's output is written to.
const ManifestName = "SHA256SUMS"

// Manifest returns the contents of SHA256SUMS for files, in the format
// `sha256sum -c` reads: "<hex>  <path>" per line, sorted by path, every
// file except SHA256SUMS itself. Paths holding a backslash or a newline
// are escaped the way GNU coreutils does (a leading backslash on the line).
func Manifest(files map[string][]byte) []byte { return ManifestWith(files, nil) }

// ManifestWith is Manifest with the checksums a caller already knows:
// known returns a file's SHA-256 when it has it (the dev server keeps
// them for files that did not change), and nil known means none.
func ManifestWith(files map[string][]byte, known func(path string) ([32]byte, bool)) []byte {
	paths := make([]string, 0, len(files))
	for p := range files {
		if p != ManifestName {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		sum, ok := [32]byte{}, false
		if known != nil {
			sum, ok = known(p)
		}
		if !ok {
			sum = sha256.Sum256(files[p])
		}
		name := p
		if strings.ContainsAny(p, "\\\n\r") {
			b.WriteByte('\\')
			name = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`).Replace(p)
		}
		b.WriteString(hex.EncodeToString(sum[:]) + "  " + name + "\n")
	}
	return []byte(b.String())
}

// compressed lists extensions whose contents are already compressed:
// Zip stores them as they are instead of deflating them again.
var compressed = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true, ".avif": true,
	".woff": true, ".woff2": true, ".zip": true, ".gz": true, ".br": true, ".zst": true,
	".mp4": true, ".webm": true, ".mp3": true, ".ogg": true, ".opus": true, ".pdf": true,
}

// Zip writes files as a zip archive that is byte-identical for the same
// files and modTime: names sorted, one modification time for all (pass
// SOURCE_DATE_EPOCH), mode 0644, no extra fields, no directory entries.
// modTime is stored in MS-DOS form: UTC, 2-second steps, clamped to
// 1980–2107. comment becomes the zip's comment (the CLI's says samizdat
// wrote it, so a later build may replace it). Every file is under the
// folder folder (see ZipFolder), so that unzipping makes one folder, not
// the site's dozens of files and folders beside the reader's others.
func Zip(files map[string][]byte, w io.Writer, modTime time.Time, comment, folder string) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	date, tm := msDosTime(modTime)
	zw := zip.NewWriter(w)
	if err := zw.SetComment(comment); err != nil {
		return err
	}
	for _, p := range paths {
		fh := &zip.FileHeader{
			Name:   folder + "/" + p,
			Method: zip.Deflate,
			// Setting the deprecated fields, not Modified, because
			// Modified adds an extended-timestamp extra field.
			ModifiedDate: date,
			ModifiedTime: tm,
		}
		if compressed[strings.ToLower(path.Ext(p))] {
			fh.Method = zip.Store
		}
		fh.SetMode(0o644)
		f, err := zw.CreateHeader(fh)
		if err != nil {
			return err
		}
		if _, err := f.Write(files[p]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ZipFolder is the folder a site's zip unpacks into, named after where the
// site lives ("example.org", "user.github.io-repo" for
// https://user.github.io/repo/), or "site" without a baseURL.
func ZipFolder(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Hostname() == "" {
		return "site"
	}
	name := u.Hostname()
	if p := strings.Trim(u.EscapedPath(), "/"); p != "" {
		name += "-" + strings.ReplaceAll(p, "/", "-")
	}
	return name
}

// msDosTime converts t to the MS-DOS date and time zip headers use.
func msDosTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	switch lo, hi := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC); {
	case t.Before(lo):
		t = lo
	case t.After(hi):
		t = hi
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}
