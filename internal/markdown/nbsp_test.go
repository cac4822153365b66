package markdown

import (
	"strings"
	"testing"
)

func TestNonBreakingSpaceAfterMarkersIsASpace(t *testing.T) {
	src := "##\u00a0The verdict\n\n-\u00a0one\n*\u202ftwo\n\n1.\u2007first\n\n>\u00a0-\u00a0quoted\n\n" +
		"```\n##\u00a0code\n```\n\nA\u00a0sentence, 10\u00a0km, #\u00a0and -\u00a0dash.\n\n[x](missing.md)\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	for _, want := range []string{
		`<h2 id="the-verdict">The verdict `,
		"<ul>\n<li>one</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>",
		"<ol>\n<li>first</li>\n</ol>",
		"<blockquote>\n<ul>\n<li>quoted</li>\n</ul>\n</blockquote>",
		"<pre><code>##\u00a0code\n</code></pre>",
		"<p>A\u00a0sentence, 10\u00a0km, #\u00a0and -\u00a0dash.</p>",
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, res.HTML)
		}
	}
	if len(probs) != 1 || probs[0].Position() != "content/a/page.md:18" {
		t.Errorf("problems = %v; want the missing page at content/a/page.md:18, the line numbers unchanged", probs)
	}
}

func TestAfterMarkers(t *testing.T) {
	for prefix, want := range map[string]bool{
		"##": true, "######": true, "#######": false, "-": true, "  *": true, "+": true, "12.": true, "3)": true,
		">": true, "> -": true, ">>": true, ">\u00a0-": true, "- ##": true, "  ": false, "": false,
		"**": false, "--": false, "a": false, "## x": false, "1": false, "1234567890.": false, "- ": false, "#-": false,
	} {
		if got := afterMarkers(prefix); got != want {
			t.Errorf("afterMarkers(%q) = %v; want %v", prefix, got, want)
		}
	}
}
