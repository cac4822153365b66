package publish

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
)

// asset is a fingerprinted file, keyed by its old path in the map
// fingerprint returns.
type asset struct {
	path      string // new path: "css/site.0123456789.css"
	hash      string // the 10 hex digits in the name
	integrity string // Subresource Integrity of the final bytes: "sha256-<base64>"
}

// hashLen is how many hex digits of SHA-256 go into a file name: 40 bits,
// enough that two versions of one file practically never collide.
const hashLen = 10

// fingerprint renames every CSS and JS file to name.<hash>.ext, after
// rewriting the references inside stylesheets to files renamed before
// them: a stylesheet is hashed after everything it imports, so its hash
// changes when an import does. Stylesheets that import each other in a
// loop cannot be hashed that way; they keep their names and are reported.
//
// References through the site's absolute address addr count too
// ("https://example.org/css/a.css"), and are renamed keeping that address.
func fingerprint(files map[string][]byte, addr relink.Address, probs *problem.List) map[string]asset {
	return fingerprintFiles(files, sortedPaths(files, ".css", ".js"), addr, probs)
}

// fingerprintFiles fingerprints the files named, which must be sorted.
func fingerprintFiles(files map[string][]byte, names []string, addr relink.Address, probs *problem.List) map[string]asset {
	deps := map[string][]string{}
	for _, p := range names {
		if strings.EqualFold(path.Ext(p), ".css") {
			deps[p] = cssDeps(p, files[p], files, addr)
		}
	}
	order, cycles := dependencyOrder(names, deps)
	for _, c := range cycles {
		probs.Add(c[0], 0, 0, "stylesheets import each other in a loop: "+strings.Join(c, " -> "),
			"remove one of the @import rules or url() references in the loop; these files are published without a fingerprint")
	}
	inCycle := map[string]bool{}
	for _, c := range cycles {
		for _, p := range c {
			inCycle[p] = true
		}
	}

	assets := map[string]asset{}
	for _, p := range order {
		b := files[p]
		if len(deps[p]) > 0 {
			b = rewriteCSS(p, b, assets, addr)
			files[p] = b
		}
		if inCycle[p] {
			continue
		}
		sum := sha256.Sum256(b)
		h := hex.EncodeToString(sum[:])[:hashLen]
		np := insertHash(p, h)
		if _, taken := files[np]; taken {
			probs.Add(p, 0, 0, "cannot fingerprint: "+np+" already exists",
				"rename "+np+"; names ending in .<10 hex digits>"+path.Ext(p)+" are made by fingerprinting")
			continue
		}
		delete(files, p)
		files[np] = b
		assets[p] = asset{path: np, hash: h, integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:])}
	}
	return assets
}

// dependencyOrder returns names ordered so that each comes after its
// dependencies (depth first, in sorted order, so the order is stable), and
// every import loop found, each starting and ending with the same file.
func dependencyOrder(names []string, deps map[string][]string) (order []string, cycles [][]string) {
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(p string)
	visit = func(p string) {
		state[p] = visiting
		stack = append(stack, p)
		for _, d := range deps[p] {
			switch state[d] {
			case unseen:
				visit(d)
			case visiting:
				i := len(stack) - 1
				for stack[i] != d {
					i--
				}
				c := append([]string{}, stack[i:]...)
				cycles = append(cycles, append(c, d))
			}
		}
		stack = stack[:len(stack)-1]
		state[p] = done
		order = append(order, p)
	}
	for _, p := range names {
		if state[p] == unseen {
			visit(p)
		}
	}
	return order, cycles
}

// insertHash turns "css/site.css" into "css/site.<h>.css".
func insertHash(p, h string) string {
	ext := path.Ext(p)
	return p[:len(p)-len(ext)] + "." + h + ext
}

// cssRefRes find references in CSS: url(...) in any of its three forms and
// @import with a bare string (@import url(...) is caught by the first).
var cssRefRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\burl\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^)"'\s]*))`),
	regexp.MustCompile(`(?i)@import\s+(?:"([^"\n]*)"|'([^'\n]*)')`),
}

// cssRef is one reference found in a stylesheet: the bytes [start, end)
// hold the reference exactly as written, without quotes.
type cssRef struct {
	start, end int
	target     string // the file it names, as a key of Files
}

// cssRefs returns the references in a stylesheet at path p to files that
// exist, in order. Root-relative, relative and absolute references under
// addr count: hand-written stylesheets in static/ often import their
// neighbours.
func cssRefs(p string, b []byte, files map[string][]byte, addr relink.Address) []cssRef {
	var refs []cssRef
	for _, re := range cssRefRes {
		for _, m := range re.FindAllSubmatchIndex(b, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] < 0 {
					continue
				}
				if t, ok := resolveRef(addr, path.Dir(p), strings.TrimSpace(string(b[m[g]:m[g+1]])), true); ok {
					if _, exists := files[t]; exists {
						refs = append(refs, cssRef{m[g], m[g+1], t})
					}
				}
				break
			}
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].start < refs[j].start })
	return refs
}

// cssDeps returns the CSS and JS files a stylesheet refers to, sorted and
// without repeats.
func cssDeps(p string, b []byte, files map[string][]byte, addr relink.Address) []string {
	seen := map[string]bool{}
	var ds []string
	for _, r := range cssRefs(p, b, files, addr) {
		e := strings.ToLower(path.Ext(r.target))
		if (e == ".css" || e == ".js") && !seen[r.target] {
			seen[r.target] = true
			ds = append(ds, r.target)
		}
	}
	sort.Strings(ds)
	return ds
}

// rewriteCSS points the references of stylesheet p at the fingerprinted
// names of the assets renamed so far. It returns a new slice.
func rewriteCSS(p string, b []byte, assets map[string]asset, addr relink.Address) []byte {
	var out []byte
	last := 0
	for _, re := range cssRefs(p, b, assetFiles(assets), addr) {
		a := assets[re.target]
		out = append(out, b[last:re.start]...)
		out = append(out, hashRef(string(b[re.start:re.end]), a.hash)...)
		last = re.end
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// assetFiles presents the renamed assets as a set of paths for cssRefs.
func assetFiles(assets map[string]asset) map[string][]byte {
	m := make(map[string][]byte, len(assets))
	for p := range assets {
		m[p] = nil
	}
	return m
}

// hashRef inserts the hash into a reference as written ("../css/a.css?v=2"
// becomes "../css/a.<h>.css?v=2"): only the file name changes, so the
// reference stays root-relative, relative or absolute as it was.
func hashRef(ref, h string) string {
	p, suffix := splitSuffix(strings.TrimSpace(ref))
	return insertHash(p, h) + suffix
}

// splitSuffix splits a reference before its query or fragment.
func splitSuffix(ref string) (p, suffix string) {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		return ref[:i], ref[i:]
	}
	return ref, ""
}

// resolveRef returns the Files key a reference names, given the directory
// of the file it appears in ("." at the root). Absolute and
// protocol-relative references name files of this site when they are
// under its address addr; other references with a scheme or a host, and
// fragments, do not. Relative ones count only if relative is true.
func resolveRef(addr relink.Address, dir, ref string, relative bool) (string, bool) {
	p, _ := splitSuffix(ref)
	if rest, ok := addr.Path([]byte(p)); ok {
		p = "/" + string(rest)
	}
	if p == "" || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return "", false
	}
	if i := strings.IndexAny(p, ":/"); i >= 0 && p[i] == ':' {
		return "", false // data:, https:, mailto:
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(path.Clean(p), "/")
	} else if relative {
		p = path.Join(dir, p)
		if p == ".." || strings.HasPrefix(p, "../") {
			return "", false
		}
	} else {
		return "", false
	}
	return p, p != "" && p != "."
}
