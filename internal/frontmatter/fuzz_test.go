package frontmatter

import (
	"bytes"
	"testing"
)

// FuzzParse checks that no input makes Parse panic and that every problem
// points at a line the file has. The seed corpus is in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: A\ndate: 2020-01-02\ntags: [a, b]\n---\nbody\n"))
	f.Add([]byte("+++\ntitle = 'A'\n[menu.main]\nweight = 2\n+++\nbody\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		meta, body, bodyLine, probs := Parse("content/a.md", src)
		lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r"))
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines {
				t.Errorf("problem at line %d of a %d-line file: %v", p.Line, lines, p)
			}
			if p.File != "content/a.md" || p.Message == "" {
				t.Errorf("problem without file or message: %#v", p)
			}
		}
		if bodyLine < 0 || bodyLine > lines {
			t.Errorf("bodyLine %d of a %d-line file", bodyLine, lines)
		}
		if len(body) > len(src) {
			t.Errorf("body of %d bytes from a %d-byte file", len(body), len(src))
		}
		for key, line := range meta.Lines {
			if line < 1 || line > lines {
				t.Errorf("Lines[%q] = %d in a %d-line file", key, line, lines)
			}
		}
	})
}
