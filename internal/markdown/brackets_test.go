package markdown

import (
	"strings"
	"testing"
)

// A link or picture markdown cannot read (a space in its file name) was
// published as its text without a word; it is a warning at its line,
// whose hint puts the file name in angle brackets.
func TestLinkMarkdownCannotReadIsWarnedAbout(t *testing.T) {
	src := "Intro.\n\n![Photo](my photo.jpg)\n\nSee [text](my page.md \"The page\") and *[b](x y.pdf)*.\n\n" +
		"> | a |\n> |---|\n> | [c](https://example.org/a b) |\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	const msg = "this looks like a link or picture that markdown could not read: "
	const hint = "a file name with spaces must be written in angle brackets, %s, or renamed without spaces"
	want := []struct{ pos, written, fixed string }{
		{"content/a/page.md:5", "![Photo](my photo.jpg)", "![Photo](<my photo.jpg>)"},
		{"content/a/page.md:7", "[b](x y.pdf)", "[b](<x y.pdf>)"},
		{"content/a/page.md:7", `[text](my page.md "The page")`, `[text](<my page.md> "The page")`},
		{"content/a/page.md:11", "[c](https://example.org/a b)", "[c](<https://example.org/a b>)"},
	}
	if len(probs) != 0 {
		t.Errorf("problems: %v; want none, the page is published", probs)
	}
	if len(res.Warnings) != len(want) {
		t.Fatalf("warnings: %v; want %d", res.Warnings, len(want))
	}
	for i, w := range want {
		p := res.Warnings[i]
		if p.Position() != w.pos || p.Message != msg+w.written || p.Hint != strings.Replace(hint, "%s", w.fixed, 1) {
			t.Errorf("warning %d = %s; want at %s: %s%s\n    %s", i, p, w.pos, msg, w.written, strings.Replace(hint, "%s", w.fixed, 1))
		}
	}
	// The hint's form works.
	res, probs = New(Options{}).Convert([]byte("![Photo](<my page.md>)"), testContext())
	if len(probs) != 0 || !strings.Contains(res.HTML, `<img src="/a/my-page/" alt="Photo">`) {
		t.Errorf("problems = %v, HTML = %s", probs, res.HTML)
	}
}

// Prose in brackets then parentheses ("[sic](p. 3)") is no file name: a
// warning whose hint fits text too, and never angle brackets, which would
// make the prose a broken link.
func TestProseLikeALinkIsAWarningWithoutAngleBrackets(t *testing.T) {
	src := "He was fined [KZT 150,000](approx. US$1,000).\n\nThe ruling [sic](p. 3) was upheld.\n\n" +
		"The law [on mass media](No. 451-I) and ![a map](fig. 2).\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	if len(probs) != 0 {
		t.Errorf("problems: %v; want none", probs)
	}
	const hint = "if it is a link, write a file name with spaces in angle brackets, [text](<my file.pdf>); " +
		"if it is text, ignore this or write %s to keep the brackets as they are"
	want := []struct{ pos, msg, kept string }{
		{"content/a/page.md:3", "this looks like a link that markdown could not read: [KZT 150,000](approx. US$1,000)", `\[KZT 150,000\]`},
		{"content/a/page.md:5", "this looks like a link that markdown could not read: [sic](p. 3)", `\[sic\]`},
		{"content/a/page.md:7", "this looks like a link that markdown could not read: [on mass media](No. 451-I)", `\[on mass media\]`},
		{"content/a/page.md:7", "this looks like a picture that markdown could not read: ![a map](fig. 2)", `!\[a map\]`},
	}
	if len(res.Warnings) != len(want) {
		t.Fatalf("warnings: %v; want %d", res.Warnings, len(want))
	}
	for i, w := range want {
		p := res.Warnings[i]
		if p.Position() != w.pos || p.Message != w.msg || p.Hint != strings.Replace(hint, "%s", w.kept, 1) {
			t.Errorf("warning %d = %s; want at %s: %s\n    %s", i, p, w.pos, w.msg, strings.Replace(hint, "%s", w.kept, 1))
		}
	}
	// The hint's form keeps the brackets.
	res, _ = New(Options{}).Convert([]byte(`The ruling \[sic\](p. 3) was upheld.`), testContext())
	if len(res.Warnings) != 0 || !strings.Contains(res.HTML, "<p>The ruling [sic](p. 3) was upheld.</p>") {
		t.Errorf("warnings = %v, HTML = %s", res.Warnings, res.HTML)
	}
}

// A title in curly quotes, as a word processor types it, is no title to
// markdown: the hint straightens the quotes, it adds no angle brackets.
func TestLinkTitleInCurlyQuotesGetsStraightQuotes(t *testing.T) {
	src := "See [the report](https://example.org/report.pdf “Annual report”).\n\n" +
		"![Rally](rally photo.jpg ‘In Almaty’)\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	if len(probs) != 0 {
		t.Errorf("problems: %v; want none", probs)
	}
	want := []string{
		"a link's title needs straight quotes: [the report](https://example.org/report.pdf \"Annual report\")",
		"a link's title needs straight quotes: ![Rally](<rally photo.jpg> \"In Almaty\")",
	}
	if len(res.Warnings) != len(want) {
		t.Fatalf("warnings: %v; want %d", res.Warnings, len(want))
	}
	for i, w := range want {
		if got := res.Warnings[i].Hint; got != w {
			t.Errorf("hint %d = %q; want %q", i, got, w)
		}
	}
	// The hint's form works.
	res, _ = New(Options{}).Convert([]byte(`[the report](https://example.org/report.pdf "Annual report")`), testContext())
	if len(res.Warnings) != 0 || !strings.Contains(res.HTML, `<a href="https://example.org/report.pdf" title="Annual report">the report</a>`) {
		t.Errorf("warnings = %v, HTML = %s", res.Warnings, res.HTML)
	}
}

// Brackets that are not a link left as text are no problem: code, escaped
// brackets, prose, reference definitions, links that markdown read.
func TestBracketsThatAreNoLinkAreNotReported(t *testing.T) {
	src := "`[a](b c)` and ``![x](y z)``\n\n```\n[a](b c)\n```\n\n    [i](j k)\n\n" +
		"\\[a\\](b c) and \\[a](b c) and [a\\](b c)\n\n[sic] (as written) and [1] (2) and [a] [b]\n\n" +
		"[a]: https://example.org/x\n\n[ok](clashes.md) [ok2](<my page.md>) [a] ![alt](<my page.md>) [[nested]](clashes.md)\n\n" +
		"- [ ] task (one)\n- [x] done\n\n{{< args \"[a](b c)\" >}}\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	if len(probs) != 0 || len(res.Warnings) != 0 {
		t.Errorf("problems = %v, warnings = %v; want none", probs, res.Warnings)
	}
}

// A "[…](…" that is no link for another reason (a link inside a link's
// text, a destination not closed on its line) may be prose: a warning.
func TestOtherUnreadLinksAreWarnings(t *testing.T) {
	src := "[a [b](clashes.md) c](clashes.md)\n\n[see](the note\nbelow)\n\n[sic](as written)\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	wantOnlyWarnings(t, res, probs,
		"content/a/page.md:3: this looks like a link or picture that markdown could not read: [a [b](clashes.md) c](clashes.md)",
		"content/a/page.md:5: this looks like a link or picture that markdown could not read: [see](the note",
		"content/a/page.md:8: this looks like a link that markdown could not read: [sic](as written)")
}

// A reference link whose label has no definition was published as its
// text; it is a warning at its line. Brackets in prose are not.
func TestReferenceLinkWithoutDefinitionIsWarnedAbout(t *testing.T) {
	src := "Intro.\n\nSee [missing ref][nope] and [Report][] and [ok][def] and [Def][].\n\n" +
		"[sic] and [1] and [1][2] and [a] [b] and `[x][y]` and \\[x][y] and [^n]\n\n- *[in list][Gone]*\n\n" +
		"[def]: https://example.org/\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	if len(probs) != 0 {
		t.Errorf("problems: %v; want none", probs)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Warning())
	}
	want := []string{
		`content/a/page.md:5: warning: no link definition [Report]` + "\n    " +
			`add a line "[Report]: https://…" to the page, or write the address in the link: [Report](https://…)`,
		`content/a/page.md:5: warning: no link definition [nope]` + "\n    " +
			`add a line "[nope]: https://…" to the page, or write the address in the link: [missing ref](https://…)`,
		`content/a/page.md:9: warning: no link definition [Gone]` + "\n    " +
			`add a line "[Gone]: https://…" to the page, or write the address in the link: [in list](https://…)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(res.HTML, `<a href="https://example.org/">ok</a> and <a href="https://example.org/">Def</a>`) {
		t.Errorf("defined references do not link:\n%s", res.HTML)
	}
}
