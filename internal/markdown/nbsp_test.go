package markdown

import (
	"strings"
	"testing"
)

func TestNonBreakingSpaceAfterHeadingOrQuoteMarkerIsASpace(t *testing.T) {
	src := "##\u00a0The verdict\n\n>\u00a0##\u00a0Quoted\n\n- ##\u00a0Listed\n\n" +
		"```\n##\u00a0code\n```\n\nA\u00a0sentence, 10\u00a0km, #\u00a0and -\u00a0dash.\n\n[x](missing.md)\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	for _, want := range []string{
		`<h2 id="the-verdict">The verdict `,
		"<blockquote>\n<h2 id=\"quoted\">Quoted ",
		"<ul>\n<li>\n<h2 id=\"listed\">Listed ",
		"<pre><code>##\u00a0code\n</code></pre>",
		"<p>A\u00a0sentence, 10\u00a0km, #\u00a0and -\u00a0dash.</p>",
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, res.HTML)
		}
	}
	if len(probs) != 1 || probs[0].Position() != "content/a/page.md:15" {
		t.Errorf("problems = %v; want the missing page at content/a/page.md:15, the line numbers unchanged", probs)
	}
}

// A non-breaking space after what could be a list marker is prose, put
// there so the line does not break: dialogue, a year ending a sentence,
// a phone number stay paragraphs.
func TestNonBreakingSpaceAfterListMarkerStaysText(t *testing.T) {
	for _, src := range []string{
		"-\u00a0Нет, -\u00a0сказал он.",
		"2011.\u00a0In December the strike ended.",
		"+\u00a07 727 123 45 67",
		"*\u202fstarred",
		"3)\u2007third",
		">\u00a0-\u00a0Нет, -\u00a0сказал он.",
	} {
		res, _ := New(Options{}).Convert([]byte(src), testContext())
		want := "<p>" + strings.TrimPrefix(src, ">\u00a0") + "</p>"
		if !strings.Contains(res.HTML, want) || strings.Contains(res.HTML, "<li>") {
			t.Errorf("Convert(%q) = %s; want a paragraph %s", src, res.HTML, want)
		}
	}
}

func TestAfterMarkers(t *testing.T) {
	for prefix, want := range map[string]bool{
		"##": true, "######": true, "#######": false, ">": true, "> ##": true, ">>": true, ">\u00a0>": true,
		">\u00a0##": true, "- ##": true, "  1. ##": true, "> - ##": true,
		"-": false, "  *": false, "+": false, "12.": false, "3)": false, "> -": false, ">\u00a0-": false,
		"-\u00a0##": false, "1.\u00a0##": false, "  ": false, "": false,
		"**": false, "--": false, "a": false, "## x": false, "1": false, "1234567890.": false, "- ": false, "#-": false,
	} {
		if got := afterMarkers(prefix); got != want {
			t.Errorf("afterMarkers(%q) = %v; want %v", prefix, got, want)
		}
	}
}
