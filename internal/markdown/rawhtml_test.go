package markdown

import (
	"strings"
	"testing"
)

func TestRawHTMLLeftOutIsWarnedAboutOncePerPage(t *testing.T) {
	src := "Intro.\n\n<iframe src=\"https://video.example/x\"></iframe>\n\nText<br>more\n\n" +
		"<!-- a note for editors -->\n\n<div>\nblock\n</div>\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md", LineOffset: 4})
	if len(probs) != 0 {
		t.Fatalf("raw HTML is not a problem, got %v", probs)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("want one warning for the page, got %v", res.Warnings)
	}
	w := res.Warnings[0]
	if w.File != "content/a.md" || w.Line != 3+4 {
		t.Errorf("warning at %s; want content/a.md:7 (body line 3 after 4 lines of front matter)", w.Position())
	}
	for _, s := range []string{`<iframe src="https://video.example/x"></iframe>`, "lines 9, 13"} {
		if !strings.Contains(w.Message, s) {
			t.Errorf("message %q does not contain %q", w.Message, s)
		}
	}
	if !strings.Contains(w.Hint, "unsafe = true") || !strings.Contains(w.Hint, "component") {
		t.Errorf("hint does not say what to do: %q", w.Hint)
	}
	if strings.Contains(res.HTML, "iframe") || strings.Contains(res.HTML, "<br>") {
		t.Errorf("raw HTML was published: %s", res.HTML)
	}
	if !strings.Contains(w.Hint, `For a line break (<br>), end the line with a backslash (\)`) {
		t.Errorf("the page has a <br>, and the hint does not say how to break a line: %q", w.Hint)
	}
}

// The line-break advice is for pages with a <br> only.
func TestRawHTMLHintForBreaks(t *testing.T) {
	for src, want := range map[string]bool{
		"a<BR/>b\n": true, "a<br />b\n": true, "<span>a</span>\n": false, "<brx>\n": false,
	} {
		res, _ := New(Options{}).Convert([]byte(src), Context{File: "content/a.md"})
		if len(res.Warnings) != 1 {
			t.Fatalf("%q: warnings %v; want one", src, res.Warnings)
		}
		if got := strings.Contains(res.Warnings[0].Hint, "line break"); got != want {
			t.Errorf("%q: hint speaks of line breaks: %v, want %v", src, got, want)
		}
	}
}

func TestRawHTMLNotWarnedWhenInvisibleOrAllowed(t *testing.T) {
	for _, src := range []string{
		"<!-- note -->\n\nText <!-- inline note --> here.\n",
		"<?php echo 1; ?>\n\n<!DOCTYPE html>\n\n<![CDATA[ x ]]>\n",
		"A [link](https://example.org) and <https://example.org> autolink.\n",
		"`<b>code</b>` and\n\n```html\n<div></div>\n```\n",
	} {
		res, _ := New(Options{}).Convert([]byte(src), Context{File: "content/a.md"})
		if len(res.Warnings) != 0 {
			t.Errorf("%q: unexpected warnings %v", src, res.Warnings)
		}
	}
	res, _ := New(Options{UnsafeHTML: true}).Convert([]byte("<div>x</div>\n\na<br>b\n"), Context{File: "content/a.md"})
	if len(res.Warnings) != 0 {
		t.Errorf("raw HTML allowed by the site: unexpected warnings %v", res.Warnings)
	}
}

func TestRawHTMLWarningCutsLongListsAndSnippets(t *testing.T) {
	var b strings.Builder
	b.WriteString("<span title=\"" + strings.Repeat("x", 100) + "\">a</span>\n\n")
	for range 8 {
		b.WriteString("a<br>b\n\n")
	}
	res, _ := New(Options{}).Convert([]byte(b.String()), Context{File: "content/a.md"})
	if len(res.Warnings) != 1 {
		t.Fatalf("want one warning, got %v", res.Warnings)
	}
	msg := res.Warnings[0].Message
	if !strings.Contains(msg, "…") || strings.Contains(msg, strings.Repeat("x", 70)) {
		t.Errorf("snippet not cut: %q", msg)
	}
	if !strings.Contains(msg, "lines 3, 5, 7, 9, 11 and 3 more") {
		t.Errorf("want the first five other lines and a count: %q", msg)
	}
}

// TestUnclosedCommentIsWarned: a comment never closed with --> makes the
// rest of the page part of it, hidden from readers, with or without raw
// HTML allowed; closed ones, the summary marker and a "<!--" in text or
// code are no such thing.
func TestUnclosedCommentIsWarned(t *testing.T) {
	src := "Intro.\n\n<!-- draft: check with the lawyer\n\n## The trial\n\nThe court heard the case.\n"
	for _, unsafe := range []bool{false, true} {
		res, probs := New(Options{UnsafeHTML: unsafe}).Convert([]byte(src), Context{File: "content/a.md", LineOffset: 4})
		if len(probs) != 0 {
			t.Fatalf("problems %v", probs)
		}
		if len(res.Warnings) != 1 {
			t.Fatalf("unsafe=%v: want one warning, got %v", unsafe, res.Warnings)
		}
		want := "content/a.md:7: an HTML comment opened with <!-- here is never closed, so the rest of the page (5 lines) is hidden from readers\n    end the comment with --> where the hidden text should end, or delete the <!--"
		if got := res.Warnings[0].String(); got != want {
			t.Errorf("unsafe=%v: warning\n%s\nwant\n%s", unsafe, got, want)
		}
		if strings.Contains(res.HTML, "court") && !unsafe {
			t.Errorf("the hidden text was published: %s", res.HTML)
		}
	}
	for _, src := range []string{
		"<!-- note -->\n\nText.\n",
		"<!--\nnote\n-->\n\nText.\n",
		"Summary.\n\n<!--more-->\n\nRest.\n",
		"Text <!-- inline, never closed\n\nmore.\n",
		"```\n<!-- in code\n```\n",
	} {
		res, _ := New(Options{}).Convert([]byte(src), Context{File: "content/a.md"})
		if len(res.Warnings) != 0 {
			t.Errorf("%q: unexpected warnings %v", src, res.Warnings)
		}
	}
}

// TestInlineScriptTextLeftOut: an inline <script> or <style> is left out
// with its text, not only its tags ("alert(1)" was published as text);
// an unclosed one leaves the text, and with raw HTML allowed all stays.
func TestInlineScriptTextLeftOut(t *testing.T) {
	for src, want := range map[string]string{
		"Text <script>alert(1)</script> more.\n":                   "<p>Text <!-- raw HTML omitted --><!-- raw HTML omitted --> more.</p>\n",
		"A <SCRIPT type=x>a < b</SCRIPT> b <style>p{}</style> c\n": "<p>A <!-- raw HTML omitted --><!-- raw HTML omitted --> b <!-- raw HTML omitted --><!-- raw HTML omitted --> c</p>\n",
		"x <script>never closed\n":                                 "<p>x <!-- raw HTML omitted -->never closed</p>\n",
		"<scripts>are not scripts</scripts>\n":                     "<p><!-- raw HTML omitted -->are not scripts<!-- raw HTML omitted --></p>\n",
	} {
		res, _ := New(Options{}).Convert([]byte(src), Context{File: "content/a.md"})
		if res.HTML != want {
			t.Errorf("%q:\ngot  %q\nwant %q", src, res.HTML, want)
		}
	}
	res, _ := New(Options{UnsafeHTML: true}).Convert([]byte("Text <script>x()</script> more.\n"), Context{File: "content/a.md"})
	if !strings.Contains(res.HTML, "<script>x()</script>") {
		t.Errorf("raw HTML allowed: %q", res.HTML)
	}
}
