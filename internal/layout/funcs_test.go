package layout

import (
	"errors"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samizdat-press/samizdat/internal/markdown"
)

// execute runs one template text with env's function set and data.
func execute(t *testing.T, env Env, text string, data any) (string, error) {
	t.Helper()
	set, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(text)}}, env)
	if len(probs) > 0 {
		t.Fatalf("parse %s: %v", text, probs)
	}
	out, p := set.Execute("_default/single.html", data, "test")
	if p != nil {
		return "", errors.New(p.Message)
	}
	return string(out), nil
}

// markdownifyAsBuilt is Env.Markdownify as the build wires it: the real
// converter, with raw HTML left out.
func markdownifyAsBuilt() func(string) (template.HTML, error) {
	conv := markdown.New(markdown.Options{})
	return func(s string) (template.HTML, error) {
		r, probs := conv.Convert([]byte(s), markdown.Context{File: "markdownify"})
		if len(probs) > 0 {
			return "", probs[0]
		}
		return template.HTML(r.HTML), nil
	}
}

type funcCase struct {
	tmpl, want string
	err        string // part of the error, when it must fail
}

// runCases runs each template on data and checks its output or error.
func runCases(t *testing.T, env Env, data any, cases []funcCase) {
	t.Helper()
	for _, c := range cases {
		got, err := execute(t, env, c.tmpl, data)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: got %q, error %v; want an error with %q", c.tmpl, got, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.tmpl, err)
		case c.err == "" && got != c.want:
			t.Errorf("%s\ngot  %s\nwant %s", c.tmpl, got, c.want)
		}
	}
}

type stringer struct{}

func (stringer) String() string { return "from String" }

func TestToString(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"x", "x"},
		{template.HTML("<b>x</b>"), "<b>x</b>"},
		{template.URL("/a?b"), "/a?b"},
		{[]byte("bytes"), "bytes"},
		{42, "42"},
		{int64(-7), "-7"},
		{uint8(7), "7"},
		{1.5, "1.5"},
		{float32(0.1), "0.1"},
		{true, "true"},
		{nil, ""},
		{stringer{}, "from String"},
		{errors.New("oops"), "oops"},
	}
	for _, tt := range tests {
		if got, err := toString(tt.in); err != nil || got != tt.want {
			t.Errorf("toString(%#v) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []any{map[string]any{}, []string{"a"}, struct{}{}} {
		if got, err := toString(bad); err == nil {
			t.Errorf("toString(%#v) = %q; want an error", bad, got)
		}
	}
}

// Hugo themes pass .Content, .Summary and .Inner, which are HTML, to the
// string functions.
func TestStringFunctionsTakeHTML(t *testing.T) {
	data := map[string]any{"Content": template.HTML("<p>Hello <em>THERE</em></p>"), "URL": template.URL("Css/Site.css"), "N": int64(8)}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ .Content | plainify }}`, want: "Hello THERE"},
		{tmpl: `{{ .Content | lower }}`, want: "&lt;p&gt;hello &lt;em&gt;there&lt;/em&gt;&lt;/p&gt;"},
		{tmpl: `{{ .Content | truncate 7 }}`, want: "<p>Hello…</p>"},
		{tmpl: `{{ .Content | truncate .N }}`, want: "<p>Hello…</p>"},
		{tmpl: `{{ .Content | truncate 8 "" }}`, want: "<p>Hello</p>"},
		{tmpl: `{{ replace .Content "THERE" "you" }}`, want: "&lt;p&gt;Hello &lt;em&gt;you&lt;/em&gt;&lt;/p&gt;"},
		{tmpl: `{{ hasPrefix .Content "<p>" }}`, want: "true"},
		{tmpl: `{{ relURL .URL }}`, want: "/Css/Site.css"},
		{tmpl: `{{ urlize .Content }}`, want: "p-hello-em-there-em-p"},
		{tmpl: `{{ len (split .Content " ") }}`, want: "2"},
		{tmpl: `{{ upper 12 }}`, want: "12"},
		{tmpl: `{{ lower (dict "a" 1) }}`, err: "cannot use a map[string]interface {} as text"},
		{tmpl: `{{ plainify (slice 1) }}`, err: "as text"},
		{tmpl: `{{ dateFormat .Content "2011-12-16" }}`, want: "&lt;p&gt;Hello &lt;em&gt;THERE&lt;/em&gt;&lt;/p&gt;"},
	})
}

// markdownify of HTML goes through the site's converter like any text:
// being template.HTML must not let raw HTML past a converter that drops it.
func TestMarkdownifyOfHTMLStaysSafe(t *testing.T) {
	env := Env{Markdownify: markdownifyAsBuilt()}
	data := map[string]any{"Inner": template.HTML("*hi* <script>alert(1)</script>")}
	got, err := execute(t, env, `{{ .Inner | markdownify }}`, data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "<script") || !strings.Contains(got, "<em>hi</em>") {
		t.Errorf("markdownify of HTML = %q; want the emphasis and no script", got)
	}
	got, err = execute(t, Env{}, `{{ .Inner | markdownify }}`, data)
	if err != nil {
		t.Fatal(err)
	}
	if want := "*hi* &lt;script&gt;alert(1)&lt;/script&gt;"; got != want {
		t.Errorf("markdownify of HTML without a converter = %q; want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	html := func(s string) template.HTML { return template.HTML(s) }
	tests := []struct {
		n    any
		args []any
		want any
	}{
		{10, []any{"short"}, "short"},
		{5, []any{"exact"}, "exact"},
		{12, []any{"Kazakhstan must not muzzle media"}, "Kazakhstan…"},
		{15, []any{"Kazakhstan must not muzzle media"}, "Kazakhstan must…"},
		{4, []any{"Жаңаөзен"}, "Жаңа…"},
		{6, []any{"Hello, world"}, "Hello…"},
		{0, []any{"abc"}, "…"},
		{-3, []any{"abc"}, "…"},
		{"5", []any{" (more)", "a long sentence"}, "a lon (more)"},
		{"7", []any{" (more)", "a long sentence"}, "a long (more)"},
		{8, []any{html("<p>Free <b>the</b> press</p>")}, html("<p>Free <b>the…</b></p>")},
		{6, []any{html("<p>Free <b>the</b> press</p>")}, html("<p>Free…</p>")},
		{5, []any{html("<a href=\"/x?a>b\">linked text</a>")}, html("<a href=\"/x?a>b\">linke…</a>")},
		{3, []any{html("a &amp; b &lt;c&gt;")}, html("a &amp;…")},
		{4, []any{html("<!-- a > b --><p>text<br>more</p>")}, html("<!-- a > b --><p>text…</p>")},
		{4, []any{html("<P>Some<IMG SRC=x />thing</P>")}, html("<P>Some…</p>")},
		{2, []any{html("<ul><li>a</li><li>b</li><li>c</li></ul>")}, html("<ul><li>a</li><li>b…</li></ul>")},
		{3, []any{"<&>", html("<i>abcdef</i>")}, html("<i>abc&lt;&amp;&gt;</i>")},
		{3, []any{html("<b>…</b>"), html("<i>abcdef</i>")}, html("<i>abc<b>…</b></i>")},
		{3, []any{html("a < b and c")}, html("a &lt;…")},
		{3, []any{html("b"), html("a < b and c")}, html("a &lt;b")},
		{3, []any{html("a & b and c")}, html("a &amp;…")},
		{20, []any{html("<p>fits</p>")}, html("<p>fits</p>")},
	}
	for _, tt := range tests {
		got, err := truncate(tt.n, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("truncate(%v, %q) = %#v, %v; want %#v", tt.n, tt.args, got, err, tt.want)
		}
	}
	for _, bad := range [][]any{{5}, {5, "a", "b", "c"}, {"five", "text"}, {5, map[string]int{}}, {5, []int{1}, "text"}} {
		if got, err := truncate(bad[0], bad[1:]...); err == nil {
			t.Errorf("truncate(%v) = %v; want an error", bad, got)
		}
	}
}

// A template can put a plain string's truncation anywhere: it stays text,
// escaped where it is written, and HTML stays HTML.
func TestTruncateEscapes(t *testing.T) {
	runCases(t, Env{}, nil, []funcCase{
		{tmpl: `{{ truncate 3 "<b>bold</b>" }}`, want: "&lt;b&gt;…"},
		{tmpl: `<meta content="{{ truncate 3 "a\"bcd" }}">`, want: `<meta content="a&#34;b…">`},
		{tmpl: `{{ truncate 3 "x" }}`, want: "x"},
		{tmpl: `{{ truncate }}`, err: "wrong number of args"},
	})
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"table of contents (TOC)", "Table of Contents (TOC)"},
		{"the voice of the republic", "The Voice of the Republic"},
		{"what they stand for", "What They Stand For"},
		{"strike: the oil workers of zhanaozen", "Strike: The Oil Workers of Zhanaozen"},
		{"  two  spaces ", "  Two  Spaces "},
		{"жаңаөзен in december", "Жаңаөзен in December"},
		{"'quoted' words", "'Quoted' Words"},
		{"", ""},
		{"2011", "2011"},
	}
	for _, tt := range tests {
		if got := title(tt.in); got != tt.want {
			t.Errorf("title(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSubstr(t *testing.T) {
	tests := []struct {
		nums []any
		want string
	}{
		{[]any{1, 2}, "bc"},
		{[]any{0}, "abcdef"},
		{[]any{-3}, "def"},
		{[]any{-3, 2}, "de"},
		{[]any{0, -1}, "abcde"},
		{[]any{2, -10}, ""},
		{[]any{-10, 2}, "ab"},
		{[]any{6}, ""},
		{[]any{10, 2}, ""},
		{[]any{1, 0}, ""},
		{[]any{4, 100}, "ef"},
		{[]any{"1", int64(2)}, "bc"},
	}
	for _, tt := range tests {
		if got, err := substr("abcdef", tt.nums...); err != nil || got != tt.want {
			t.Errorf("substr(abcdef, %v) = %q, %v; want %q", tt.nums, got, err, tt.want)
		}
	}
	if got, _ := substr(template.HTML("Жаңаөзен"), 4); got != "өзен" {
		t.Errorf("substr counts bytes, not characters: %q", got)
	}
	for _, bad := range [][]any{{}, {1, 2, 3}, {"one"}, {1, "two"}} {
		if got, err := substr("abc", bad...); err == nil {
			t.Errorf("substr(abc, %v) = %q; want an error", bad, got)
		}
	}
}

func TestCollectionFunctions(t *testing.T) {
	data := map[string]any{"Tags": []string{"a", "b"}, "Nil": nil, "M": map[string]int{"b": 2, "a": 1, "c": 3}}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ delimit .Tags ", " }}`, want: "a, b"},
		{tmpl: `{{ delimit .Tags ", " " and " }}`, want: "a and b"},
		{tmpl: `{{ delimit (slice "a") ", " " and " }}`, want: "a"},
		{tmpl: `{{ delimit (slice) ", " }}`, want: ""},
		{tmpl: `{{ delimit .M "-" }}`, want: "1-2-3"},
		{tmpl: `{{ delimit (slice 1 2.5 true) "/" }}`, want: "1/2.5/true"},
		{tmpl: `{{ delimit "abc" "," }}`, err: "expected a list"},
		{tmpl: `{{ delimit (slice (slice 1)) "," }}`, err: "as text"},
		{tmpl: `{{ delimit .Tags "," "and" "x" }}`, err: "use delimit"},
		{tmpl: `{{ append "c" .Tags }}`, want: "[a b c]"},
		{tmpl: `{{ append "c" "d" .Tags }}`, want: "[a b c d]"},
		{tmpl: `{{ append .Tags .Tags }}`, want: "[a b a b]"},
		{tmpl: `{{ append "x" .Nil }}`, want: "[x]"},
		{tmpl: `{{ $a := append "c" .Tags }}{{ .Tags }}`, want: "[a b]"},
		{tmpl: `{{ append "x" 5 }}`, err: "expected a list"},
		{tmpl: `{{ append .Tags }}`, err: "use append"},
		{tmpl: `{{ uniq (slice 1 2 1.0 "1" 2) }}`, want: "[1 2 1]"},
		{tmpl: `{{ len (uniq (slice (dict "a" 1) (dict "a" 1) (dict "a" 2))) }}`, want: "2"},
		{tmpl: `{{ uniq .Nil }}`, want: "[]"},
		{tmpl: `{{ uniq "abc" }}`, err: "expected a list"},
		{tmpl: `{{ after 1 .Tags }}`, want: "[b]"},
		{tmpl: `{{ after 5 .Tags }}`, want: "[]"},
		{tmpl: `{{ after 0 .Tags }}`, want: "[a b]"},
		{tmpl: `{{ after -1 .Tags }}`, err: "must not be negative"},
		{tmpl: `{{ after "x" .Tags }}`, err: "not a whole number"},
		{tmpl: `{{ after 1 5 }}`, err: "expected a list"},
		{tmpl: `{{ cond true "y" "n" }}{{ cond "" "y" "n" }}{{ cond .Tags "y" "n" }}{{ cond .Nil "y" "n" }}`, want: "ynyn"},
	})
}

func TestCasts(t *testing.T) {
	ints := []struct {
		in   any
		want int
	}{
		{"11", 11}, {"011", 9}, {"0x11", 17}, {"0b11", 3}, {" 7 ", 7}, {"-4", -4}, {11.9, 11}, {"11.5", 11}, // Hugo 0.165's cast cuts the fraction
		{int64(5), 5}, {uint16(5), 5}, {true, 1}, {false, 0}, {nil, 0}, {"", 0}, {template.HTML("3"), 3},
	}
	for _, tt := range ints {
		if got, err := toInt(tt.in); err != nil || got != tt.want {
			t.Errorf("toInt(%#v) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []any{"11.5.1", "eleven", "09", []int{1}, time.Time{}} {
		if got, err := toInt(bad); err == nil {
			t.Errorf("toInt(%#v) = %d; want an error", bad, got)
		}
	}
	floats := []struct {
		in   any
		want float64
	}{{"1.5", 1.5}, {"1e3", 1000}, {3, 3}, {float32(0.5), 0.5}, {true, 1}, {nil, 0}, {"", 0}}
	for _, tt := range floats {
		if got, err := toFloat(tt.in); err != nil || got != tt.want {
			t.Errorf("toFloat(%#v) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []any{"1,5", map[string]int{}} {
		if got, err := toFloat(bad); err == nil {
			t.Errorf("toFloat(%#v) = %v; want an error", bad, got)
		}
	}
}

func TestRegexpFunctions(t *testing.T) {
	runCases(t, Env{}, map[string]any{"HTML": template.HTML("<p>2011 and 2021</p>")}, []funcCase{
		{tmpl: `{{ findRE "[0-9]+" "a1b22c333" }}`, want: "[1 22 333]"},
		{tmpl: `{{ findRE "[0-9]+" "a1b22c333" 2 }}`, want: "[1 22]"},
		{tmpl: `{{ findRE "[0-9]+" "a1b22c333" 0 }}`, want: "[]"},
		{tmpl: `{{ findRE "x" "abc" }}`, want: "[]"},
		{tmpl: `{{ findRE "[0-9]{4}" .HTML }}`, want: "[2011 2021]"},
		{tmpl: `{{ replaceRE "a+" "-" "caaat bat" }}`, want: "c-t b-t"},
		{tmpl: `{{ replaceRE "a+" "-" "caaat bat" 1 }}`, want: "c-t bat"},
		{tmpl: `{{ replaceRE "a+" "-" "caaat bat" 0 }}`, want: "caaat bat"},
		{tmpl: `{{ replaceRE "^(\\w)" "<$1>" "ab ab" 1 }}`, want: "&lt;a&gt;b ab"},
		{tmpl: `{{ replaceRE "(?P<y>\\d{4})" "[${y}]" .HTML }}`, want: "&lt;p&gt;[2011] and [2021]&lt;/p&gt;"},
		{tmpl: `{{ replaceRE "" "-" "ab" }}`, want: "-a-b-"},
		{tmpl: `{{ findRE "(a" "abc" }}`, err: `invalid regular expression "(a"`},
		{tmpl: `{{ replaceRE "(?=a)" "" "abc" }}`, err: `invalid regular expression "(?=a)"`},
		{tmpl: `{{ findRE "a" "abc" 1 2 }}`, err: "at most one limit"},
		{tmpl: `{{ findRE "a" "abc" "x" }}`, err: "not a whole number"},
		{tmpl: `{{ replaceRE "a" (slice 1) "abc" }}`, err: "as text"},
	})
}

func TestRegexpsCachePatterns(t *testing.T) {
	var c regexps
	a, _ := c.compile("a+")
	b, _ := c.compile("a+")
	if a != b {
		t.Error("the same pattern was compiled twice")
	}
	for i := range maxCachedRegexps + 10 {
		if _, err := c.compile(strings.Repeat("x", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.re) != maxCachedRegexps {
		t.Errorf("the cache holds %d patterns; want at most %d", len(c.re), maxCachedRegexps)
	}
}

func TestTextEncodings(t *testing.T) {
	runCases(t, Env{}, nil, []funcCase{
		{tmpl: `{{ htmlEscape "<a href='x'>&</a>" | htmlUnescape }}`, want: "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"},
		{tmpl: `{{ htmlUnescape "&lt;script&gt;" }}`, want: "&lt;script&gt;"},
		{tmpl: `{{ sha256 "" }}`, want: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{tmpl: `{{ md5 "" }}`, want: "d41d8cd98f00b204e9800998ecf8427e"},
		{tmpl: `{{ base64Encode "Жаңаөзен" | base64Decode }}`, want: "Жаңаөзен"},
		{tmpl: `{{ base64Decode "<script>" }}`, err: "is not base64"},
		{tmpl: `{{ base64Decode "PGI+eDwvYj4=" }}`, want: "&lt;b&gt;x&lt;/b&gt;"},
		{tmpl: `{{ string (slice 1) }}`, err: "as text"},
		{tmpl: `{{ string .Missing }}`, err: ""},
		{tmpl: `{{ i18n "key" }} {{ i18n "key" 2 }}`, want: "key key"},
		{tmpl: `{{ i18n "key" 1 2 }}`, err: "at most one count"},
	})
}

// A Hugo theme that calls a function samizdat leaves out on purpose is
// told why and what to write instead; other unknown functions keep the
// general hint.
func TestLeftOutFunctionHints(t *testing.T) {
	for _, name := range []string{"safeJS", "safeCSS", "safeHTMLAttr", "safeJSStr", "now"} {
		_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte("<p>\n{{ " + name + " \"x\" }}")}}, Env{})
		if len(probs) != 1 {
			t.Fatalf("%s: problems %v; want one", name, probs)
		}
		if p := probs[0]; p.Line != 2 || p.Hint != leftOut[name] || !strings.Contains(p.Hint, name) {
			t.Errorf("%s: problem %+v; want line 2 and the hint %q", name, p, leftOut[name])
		}
	}
	_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(`{{ sfeHTML "x" }}`)}}, Env{})
	if len(probs) != 1 || strings.Contains(probs[0].Hint, "on purpose") {
		t.Errorf("misspelt function: %v", probs)
	}
}

// TestWholeNumbersOfAnyIntegerType: a count read from TOML front matter
// or site.toml is an int64, a literal in a template an int; first, last,
// add, sub, mul, div, mod and seq take both (int64 failed with "wrong
// type for value"). first, last, mod and seq take a float without a
// fraction, or text of a whole number, as Hugo's, and refuse the rest; add, sub, mul and div take fractions,
// as Hugo's (TestArithmeticAsHugos).
func TestWholeNumbersOfAnyIntegerType(t *testing.T) {
	data := map[string]any{"n": int64(2), "f": 3.0, "half": 2.5, "s": "2", "list": []any{"a", "b", "c"}}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ first .n .list }} {{ last .n .list }}`, want: "[a b] [b c]"},
		{tmpl: `{{ add .n 1 }} {{ sub .f .n }} {{ mul .n .n }} {{ div 7 .n }} {{ mod 7 .n }}`, want: "3 1 4 3 1"},
		{tmpl: `{{ range seq .n }}{{ . }}{{ end }}`, want: "12"},
		{tmpl: `{{ mod .half 1 }}`, err: "mod: 2.5 is not a whole number"},
		{tmpl: `{{ first .s .list }} {{ first (int .s) .list }} {{ range seq .s "3" }}{{ . }}{{ end }}`, want: "[a b] [a b] 23"}, // text, as Hugo's cast.ToIntE reads it
		{tmpl: `{{ first "2.5" .list }}`, err: "first: 2.5 is not a whole number (write int to turn text into one)"},
		{tmpl: `{{ div 1 0 }}`, err: "div: division by zero"},
	})
}

// TestSeqForms: seq in Hugo's three forms; more than 10 000 numbers is an
// error naming the limit (it gave nothing, silently).
func TestSeqForms(t *testing.T) {
	runCases(t, Env{}, nil, []funcCase{
		{tmpl: `{{ seq 3 }} {{ seq 0 }} {{ seq -2 }}`, want: "[1 2 3] [] [-1 -2]"},
		{tmpl: `{{ seq 2 4 }} {{ seq 4 2 }} {{ seq -1 1 }}`, want: "[2 3 4] [4 3 2] [-1 0 1]"},
		{tmpl: `{{ seq 1 3 10 }} {{ seq 10 -5 0 }}`, want: "[1 4 7 10] [10 5 0]"},
		{tmpl: `{{ seq 2000000 }}`, err: "2000000 numbers is more than the 10000 allowed"},
		{tmpl: `{{ seq 1 0 5 }}`, err: "the step 0 never reaches 5 from 1"},
		{tmpl: `{{ seq 1 -1 5 }}`, err: "the step -1 never reaches 5 from 1"},
		{tmpl: `{{ seq 1 2 3 4 }}`, err: "seq takes 1 to 3 numbers"},
	})
}
