package content

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// FuzzURL loads a site of one page whose file name, slug and url come from
// the fuzzer, and checks the URL every page gets: root-relative, without
// "." or ".." segments, "//", backslashes or control characters, and an
// output path that stays inside the output folder.
func FuzzURL(f *testing.F) {
	f.Add("a", "", "")
	f.Add("Zhanaozen 2011", "", "")
	f.Add("a", "../../etc/passwd", "")
	f.Add("a", "", "../../x.html")
	f.Add("a", "", "//evil.example/")
	f.Add("a", `\..\x`, `\\server\share`)
	f.Add("sub/_index", "", "")
	f.Add("sub/b/index", "..", ".")
	f.Add("ℍ", "a\x00b", "/a/\x7f/b")
	f.Add("a", "a..b", "/a/./b/../c.html")
	f.Fuzz(func(t *testing.T, name, slug, url string) {
		file := "content/" + name + ".md"
		if !fs.ValidPath(file) {
			t.Skip()
		}
		var fm strings.Builder
		fm.WriteString("---\ntitle: T\n")
		if slug != "" {
			fm.WriteString("slug: " + strconv.Quote(slug) + "\n")
		}
		if url != "" {
			fm.WriteString("url: " + strconv.Quote(url) + "\n")
		}
		fm.WriteString("---\nText.\n")
		site, _ := Load(fstest.MapFS{file: {Data: []byte(fm.String())}}, Options{})
		for _, p := range site.Pages {
			checkURL(t, p.File, p.URL, p.OutputPath())
		}
		for _, f := range site.Files {
			checkURL(t, f.Source, "/"+f.Output, f.Output)
		}
	})
}

func checkURL(t *testing.T, src, url, out string) {
	t.Helper()
	if !strings.HasPrefix(url, "/") {
		t.Fatalf("%s: URL %q is not root-relative", src, url)
	}
	if strings.Contains(url, "//") || strings.Contains(url, `\`) {
		t.Fatalf("%s: URL %q holds // or a backslash", src, url)
	}
	for _, seg := range strings.Split(strings.Trim(url, "/"), "/") {
		if seg == "." || seg == ".." {
			t.Fatalf("%s: URL %q has a %q segment", src, url, seg)
		}
	}
	for _, r := range url {
		if unicode.IsControl(r) {
			t.Fatalf("%s: URL %q holds control character %q", src, url, r)
		}
	}
	if !fs.ValidPath(out) || strings.HasPrefix(out, "/") {
		t.Fatalf("%s: output path %q could leave the output folder", src, out)
	}
}
