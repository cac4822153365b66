package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		name, html string
		max        int
		want       string
	}{
		{"heading anchors left out", `<h2 id="x">A long strike <a class="anchor" href="#x" aria-label="Link">#</a></h2><p>For months</p>`, 100, "A long strike For months"},
		{"blocks apart, inline not", `<ul><li>one</li><li>two</li></ul><p>in<em>line</em> <code>x</code></p>`, 100, "one two inline x"},
		{"entities read", `<p>Tom &amp; Jerry &lt;3 &#1025;</p>`, 100, "Tom & Jerry <3 Ё"},
		{"scripts, styles, footnote links left out", `<p>a<sup><a href="#fn1" class="footnote-ref">1</a></sup></p><script>var x</script><style>p{}</style><p>b <a href="#r" class="footnote-backref">↩︎</a></p>`, 100, "a1 b"},
		{"cut at a word", `<p>Жаңаөзен оқиғасы туралы</p>`, 15, "Жаңаөзен"},
		{"a word longer than max", `<p>Жаңаөзендегі</p>`, 4, "Жаңа"},
		{"white space one space", "<p>a\n\n\tb</p>", 100, "a b"},
	} {
		if got := Text(c.html, c.max); got != c.want {
			t.Errorf("%s: Text(%q, %d) = %q; want %q", c.name, c.html, c.max, got, c.want)
		}
	}
}

// TestTextStopsEarly: a long page is read only as far as its entry needs.
func TestTextStopsEarly(t *testing.T) {
	long := strings.Repeat("<p>слово слово слово</p>", 100000)
	if got := Text(long, 20); got != "слово слово слово" {
		t.Errorf("Text of a long page = %q", got)
	}
}

// TestScriptEscapes: whatever a title holds, the index is one assignment
// whose JSON gives back the same strings, and no text can end a script
// element, a string or a line.
func TestScriptEscapes(t *testing.T) {
	ix := Index{Lang: "ru", Pages: []Page{{
		Title:       "</script><script>alert(1)</script> \"quoted\" 'single' \\ back",
		URL:         "a/",
		Description: "line\u2028separator\u2029and <!-- comment",
		Text:        "ё & Ә",
	}}}
	b := ix.Script()
	prefix, suffix := "window."+Global+"=", ";\n"
	if !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(suffix)) {
		t.Fatalf("Script() = %q; want %s…%q", b, prefix, suffix)
	}
	if bytes.ContainsAny(b, "<>\u2028\u2029") || bytes.Count(b, []byte("\n")) != 1 {
		t.Errorf("Script() holds <, >, U+2028, U+2029 or a line break as they are: %q", b)
	}
	var back Index
	if err := json.Unmarshal(b[len(prefix):len(b)-len(suffix)], &back); err != nil {
		t.Fatal(err)
	}
	if back.Lang != ix.Lang || len(back.Pages) != 1 || back.Pages[0] != ix.Pages[0] {
		t.Errorf("the index reads back as %+v; want %+v", back, ix)
	}
	if !bytes.Equal(b, ix.Script()) {
		t.Error("two calls of Script differ")
	}
}

// TestEmptyIndex: a language with nothing to find still gets a list, so
// the script finds nothing rather than failing.
func TestEmptyIndex(t *testing.T) {
	if got, want := string(Index{Lang: "kk"}.Script()), "window."+Global+`={"lang":"kk","pages":[]};`+"\n"; got != want {
		t.Errorf("Script() = %q; want %q", got, want)
	}
}
