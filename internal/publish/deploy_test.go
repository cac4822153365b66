package publish

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path"
	"strings"
	"testing"
	"time"
)

func TestDeployFiles(t *testing.T) {
	out := process(t, map[string][]byte{"index.html": []byte("<p>hi</p>")}, Options{CSP: "default-src 'self'"})
	want := "# Written by samizdat: security headers for every page (Netlify, Cloudflare Pages).\n" +
		"/*\n" +
		"  Content-Security-Policy: default-src 'self'\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  Referrer-Policy: no-referrer\n" +
		"  Permissions-Policy: " + PermissionsPolicy + "\n"
	if got := string(out.Files["_headers"]); got != want {
		t.Errorf("_headers:\n%s\nwant:\n%s", got, want)
	}
	if b, ok := out.Files[".nojekyll"]; !ok || len(b) != 0 {
		t.Error(".nojekyll missing or not empty")
	}

	out = process(t, map[string][]byte{}, Options{})
	if !strings.Contains(string(out.Files["_headers"]), "  Content-Security-Policy: "+DefaultCSP+"\n") {
		t.Error("an empty CSP option did not give DefaultCSP")
	}
}

func TestDeployFilesKeepTheSitesOwnHeaders(t *testing.T) {
	own := "/*\n  Content-Security-Policy: default-src 'self' https://maps.example"
	out := process(t, map[string][]byte{
		"_headers":   []byte(own),
		".nojekyll":  []byte("kept"),
		"js/a.js":    []byte("a()"),
		"index.html": []byte(`<script src="/js/a.js"></script>`),
	}, Options{Fingerprint: true})
	got := string(out.Files["_headers"])
	if !strings.HasPrefix(got, own+"\n\n/js/a.") || !strings.HasSuffix(got, ".js\n  Cache-Control: "+ImmutableCacheControl+"\n") {
		t.Errorf("_headers:\n%s", got)
	}
	if strings.Count(got, "Content-Security-Policy") != 1 {
		t.Error("a second policy was added to the site's own _headers")
	}
	if string(out.Files[".nojekyll"]) != "kept" {
		t.Error(".nojekyll was overwritten")
	}
}

func TestManifest(t *testing.T) {
	files := map[string][]byte{
		"index.html":     []byte("<p>hi</p>"),
		"a b/с.css":      []byte("p{}"),
		"SHA256SUMS":     []byte("old"),
		"odd\\name.txt":  []byte("x"),
		"css/site.css":   nil,
		"zhanaozen/a.js": []byte("y"),
	}
	got := string(Manifest(files))
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	want := sum("p{}") + "  a b/с.css\n" +
		sum("") + "  css/site.css\n" +
		sum("<p>hi</p>") + "  index.html\n" +
		"\\" + sum("x") + "  odd\\\\name.txt\n" +
		sum("y") + "  zhanaozen/a.js\n"
	if got != want {
		t.Errorf("Manifest:\n%s\nwant:\n%s", got, want)
	}
	// Each line is what `sha256sum -c` reads: 64 hex, two spaces, a name.
	sc := bufio.NewScanner(strings.NewReader(got))
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\\")
		if len(line) < 67 || line[64:66] != "  " {
			t.Errorf("malformed line %q", sc.Text())
		}
	}
}

func TestZipFolder(t *testing.T) {
	for baseURL, want := range map[string]string{
		"https://example.org/":          "example.org",
		"https://user.github.io/repo/":  "user.github.io-repo",
		"https://example.org/a/b":       "example.org-a-b",
		"http://xn--e1afmkfd.xn--p1ai/": "xn--e1afmkfd.xn--p1ai",
		"":                              "site",
	} {
		if got := ZipFolder(baseURL); got != want {
			t.Errorf("ZipFolder(%q) = %q; want %q", baseURL, got, want)
		}
	}
}

func TestZipIsDeterministic(t *testing.T) {
	files := testSite(t)
	mod := time.Unix(1767225600, 0) // 2026-01-01, as from SOURCE_DATE_EPOCH
	var a, b bytes.Buffer
	if err := Zip(files, &a, mod, "a comment", "site"); err != nil {
		t.Fatal(err)
	}
	if err := Zip(clone(files), &b, mod, "a comment", "site"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two zips of the same files differ")
	}

	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(files) {
		t.Fatalf("%d entries for %d files", len(zr.File), len(files))
	}
	prev := ""
	for _, f := range zr.File {
		if f.Name <= prev {
			t.Errorf("%s after %s: names not sorted", f.Name, prev)
		}
		prev = f.Name
		if len(f.Extra) != 0 {
			t.Errorf("%s has extra fields % X", f.Name, f.Extra)
		}
		if f.Mode() != 0o644 {
			t.Errorf("%s mode %v", f.Name, f.Mode())
		}
		if !f.Modified.Equal(mod) {
			t.Errorf("%s modified %v", f.Name, f.Modified)
		}
		if compressed[path.Ext(f.Name)] != (f.Method == zip.Store) {
			t.Errorf("%s method %d", f.Name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		name, inFolder := strings.CutPrefix(f.Name, "site/")
		if !inFolder {
			t.Errorf("%s is not in the zip's folder site/", f.Name)
		}
		if err != nil || !bytes.Equal(body, files[name]) {
			t.Errorf("%s: content differs (%v)", f.Name, err)
		}
	}

	var c bytes.Buffer
	Zip(files, &c, mod.Add(time.Hour), "a comment", "site")
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("the modification time is not in the zip")
	}
}

func TestMsDosTimeClamps(t *testing.T) {
	d, tm := msDosTime(time.Unix(0, 0))
	if d != 1<<5|1 || tm != 0 {
		t.Errorf("1970 became %04X %04X, want 1980-01-01", d, tm)
	}
	d, tm = msDosTime(time.Date(2024, 2, 29, 13, 45, 31, 0, time.FixedZone("ALMT", 5*3600)))
	if want := uint16(29 | 2<<5 | 44<<9); d != want || tm != uint16(15|45<<5|8<<11) {
		t.Errorf("got %04X %04X", d, tm)
	}
}
