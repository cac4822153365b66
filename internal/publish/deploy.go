package publish

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"path"
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
