package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkConvertCorpus converts the bodies of a benchmark corpus
// (SAMIZDAT_CORPUS, made by /work/shared/bench/gen-corpus), one op a page.
func BenchmarkConvertCorpus(b *testing.B) {
	dir := os.Getenv("SAMIZDAT_CORPUS")
	if dir == "" {
		b.Skip("set SAMIZDAT_CORPUS to a corpus folder")
	}
	var bodies [][]byte
	_ = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, _ := os.ReadFile(p)
		if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
			if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
				src = rest[i+5:]
			}
		}
		bodies = append(bodies, src)
		return nil
	})
	c := New(Options{UnsafeHTML: true})
	ctx := Context{File: "content/x.md", ResolveLink: func(dest string) (string, string, bool) {
		return "/x/", "content/x.md", true
	}}
	b.ResetTimer()
	for i := range b.N {
		c.Convert(bodies[i%len(bodies)], ctx)
	}
}
