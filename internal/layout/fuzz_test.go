package layout

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzUrlize checks the promises URLs are built on: a segment never holds
// a '/', a space or an upper-case letter, and urlizing it again changes
// nothing (so a slug written as its own URL gives the same URL).
func FuzzUrlize(f *testing.F) {
	for _, s := range []string{"", "Hello World", "Жаңаөзен 2011", "a/b", "..", "e\u0301", "İstanbul", "ǅ", "a\tb\x00c", "--x--", "Ⅻ", "ß", "ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := Urlize(s)
		if !utf8.ValidString(u) {
			t.Fatalf("Urlize(%q) = %q: not UTF-8", s, u)
		}
		for _, r := range u {
			if r == '/' || r == '\\' || unicode.IsSpace(r) || unicode.IsUpper(r) || unicode.IsControl(r) {
				t.Fatalf("Urlize(%q) = %q: holds %q", s, u, r)
			}
		}
		if strings.HasPrefix(u, "-") || strings.HasSuffix(u, "-") || strings.Contains(u, "--") {
			t.Fatalf("Urlize(%q) = %q: a dash that joins nothing", s, u)
		}
		if again := Urlize(u); again != u {
			t.Fatalf("Urlize not idempotent: %q -> %q -> %q", s, u, again)
		}
	})
}
