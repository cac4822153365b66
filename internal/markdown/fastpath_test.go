package markdown

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomTexts calls fn with n strings of up to max pieces each, chosen
// with a fixed seed.
func randomTexts(seed uint64, pieces []string, max, n int, fn func(s string)) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	for range n {
		var b strings.Builder
		for range rng.IntN(max + 1) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		fn(b.String())
	}
}

// TestPlainURLNeedsNoDecoding checks the fast path of urlScheme: what
// plainURL accepts, decodeURL leaves as it is.
func TestPlainURLNeedsNoDecoding(t *testing.T) {
	pieces := []string{"a", "J", "java", "script", ":", "/", "?", "#", ".", "md", "http", "x+y", "-", "_", "~",
		"&", "&#58;", "&colon;", "%", "%3A", "%3a", "%zz", " ", "\t", "\x7f", "\x01", "é", "\u200b", "\u00a0"}
	randomTexts(3, pieces, 8, 100000, func(d string) {
		if plainURL(d) && decodeURL(d) != d {
			t.Fatalf("plainURL(%q), but decodeURL gives %q", d, decodeURL(d))
		}
	})
}

// TestHasTextIsTrimmedStrip checks hasText, which looks at the parts
// between markers in place, against stripping the markers and trimming.
func TestHasTextIsTrimmedStrip(t *testing.T) {
	p := &page{prefix: tokenPrefix([]byte("source"))}
	pieces := []string{"", " ", "\n", "\t", "\u00a0", "\u2003", "x", "<p>", "é",
		p.token(kindMore, 0), p.token(kindFirstBegin, 0), p.token(kindFirstEnd, 0),
		p.token(kindMore, 1), p.token(kindAtom, 0), p.prefix, p.prefix[:5]}
	randomTexts(5, pieces, 6, 100000, func(s string) {
		if got, want := p.hasText(s), strings.TrimSpace(p.stripMarkers(s)) != ""; got != want {
			t.Fatalf("hasText(%q) = %v; want %v", s, got, want)
		}
	})
}

// TestLineTableStartsLines checks newLineTable against the offsets after
// each newline, found byte by byte.
func TestLineTableStartsLines(t *testing.T) {
	randomTexts(7, []string{"\n", "a", "bc", "\r\n", "é"}, 12, 10000, func(s string) {
		want := lineTable{0}
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				want = append(want, i+1)
			}
		}
		if got := newLineTable(s); !slices.Equal(got, want) {
			t.Fatalf("newLineTable(%q) = %v; want %v", s, got, want)
		}
	})
}
