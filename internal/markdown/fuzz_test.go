package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzConvert renders arbitrary markdown with the production options and
// checks that nothing in the output can run script, that Convert does not
// panic, and that it is deterministic.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# Суд\n\n[a](b.md#c) {{< x k=\"v\" >}}\n",
		"[x](jav&#x61;script:alert(1))",
		"<javascript:alert(1)>",
		"{{% a %}}*b*{{% /a %}}",
		"```go\nx\n```",
		"# T {#id .c onclick=\"x\"}",
	} {
		f.Add([]byte(s))
	}
	c := New(Options{})
	ctx := Context{
		File:        "content/f.md",
		ResolveLink: func(string) (string, string, bool) { return "/p/", "content/p.md", true },
		Shortcode:   func(Shortcode) (string, error) { return `<span class="sc"></span>`, nil },
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, _ := c.Convert(src, ctx)
		checkSafe(t, string(src), res.HTML)
		checkSafe(t, string(src), res.Summary)
		again, _ := c.Convert(src, ctx)
		if again.HTML != res.HTML || again.Summary != res.Summary {
			t.Fatalf("Convert(%q) is not deterministic", src)
		}
	})
}

// FuzzHeadingID checks the id rules: never empty, bounded, only
// lower-case letters, digits, marks and single inner dashes, and stable
// when applied to its own output.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{"Суд над активистами", "Әділет үшін!", "a--b", "", "\u202eevil\u200b", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		id := headingID(text)
		if id == "" || utf8.RuneCountInString(id) > maxIDRunes+maxIDRunes/2 {
			t.Fatalf("headingID(%q) = %q: empty or too long", text, id)
		}
		if strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
			t.Fatalf("headingID(%q) = %q: stray dash", text, id)
		}
		for _, r := range id {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
				t.Fatalf("headingID(%q) = %q: contains %q", text, id, r)
			}
		}
		if again := headingID(id); again != id {
			t.Fatalf("headingID(%q) = %q, but headingID(%q) = %q", text, id, id, again)
		}
	})
}
