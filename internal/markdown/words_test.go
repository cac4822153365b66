package markdown

import (
	"strings"
	"testing"
)

// TestWordCounterMatchesFields checks that counting words piece by piece,
// with runes cut anywhere between pieces, finds what strings.Fields finds
// in the whole text.
func TestWordCounterMatchesFields(t *testing.T) {
	texts := []string{
		"", " ", "a", "a b", "  a  b  ", "a\u00a0b", "a\u2003b\u3000c", "é è\u0085ê",
		"x\xffy z", "\xe2\x80", "word\xe2\x80\xa8word", "tab\tnew\nline\rcr\vvt\fff",
		"Déjà vu — “quoted” text, 12 words; fin.",
	}
	for _, s := range texts {
		want := len(strings.Fields(s))
		for cut1 := 0; cut1 <= len(s); cut1++ {
			for cut2 := cut1; cut2 <= len(s); cut2++ {
				var w wordCounter
				w.write([]byte(s[:cut1]))
				w.writeString(s[cut1:cut2])
				w.write([]byte(s[cut2:]))
				if got := w.end(); got != want {
					t.Fatalf("%q cut at %d, %d: %d words, strings.Fields finds %d", s, cut1, cut2, got, want)
				}
			}
		}
	}
}
