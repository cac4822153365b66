package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHeadingID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Суд над активистами", "суд-над-активистами"},
		{"Жаңаөзен: 16 желтоқсан 2011", "жаңаөзен-16-желтоқсан-2011"},
		{"ә і ң ғ ү ұ қ ө һ", "ә-і-ң-ғ-ү-ұ-қ-ө-һ"},
		{"ӘДІЛЕТ ҮШІН", "әділет-үшін"},
		{"Hello, World!", "hello-world"},
		{"  --Trim--  ", "trim"},
		{"a  --  b", "a-b"},
		{"Zero\u200bwidth", "zero-width"},
		{"e\u0301te\u0301", "été"}, // NFC: decomposed é becomes one letter
		{"हिन्दी", "हिन्दी"},       // combining marks kept
		{"!!!", "section"},
		{"", "section"},
		{"١٢٣ arabic-indic digits", "١٢٣-arabic-indic-digits"},
		{strings.Repeat("a", 1000), strings.Repeat("a", maxIDRunes)},
	}
	for _, tt := range tests {
		if got := headingID(tt.in); got != tt.want {
			t.Errorf("headingID(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsUniqueAndTOC(t *testing.T) {
	src := "# A\n\n## A\n\n## A-1 {#a-1}\n\n### A\n\n## Суд\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := []Heading{
		{Level: 1, ID: "a", Text: "A"},
		{Level: 2, ID: "a-2", Text: "A"}, // a-1 is taken by the explicit id
		{Level: 2, ID: "a-1", Text: "A-1"},
		{Level: 3, ID: "a-3", Text: "A"},
		{Level: 2, ID: "суд", Text: "Суд"},
	}
	if !reflect.DeepEqual(res.TOC, want) {
		t.Errorf("TOC = %+v; want %+v", res.TOC, want)
	}
	wantAnchors := []string{"a", "a-1", "a-2", "a-3", "суд"}
	if !reflect.DeepEqual(res.Anchors, wantAnchors) {
		t.Errorf("Anchors = %q; want %q", res.Anchors, wantAnchors)
	}
}

func TestAnchorsIncludeFootnotesAndExplicitIDs(t *testing.T) {
	src := "# T {#top}\n\nx[^1]\n\n[^1]: n\n"
	res, _ := New(Options{}).Convert([]byte(src), Context{})
	want := []string{"fn:1", "fnref:1", "top"}
	if !reflect.DeepEqual(res.Anchors, want) {
		t.Errorf("Anchors = %q; want %q", res.Anchors, want)
	}
}

func TestLinks(t *testing.T) {
	src := "intro\n\n[a](../zhanaozen/clashes.md#trial) [b](clashes.md) [c](../x/index.md#%D1%81%D1%83%D0%B4)\n\n[d](missing.md)\n"
	res, probs := New(Options{}).Convert([]byte(src), testContext())
	want := []Link{
		{Target: "content/zhanaozen/clashes.md", Fragment: "trial", Line: 5},
		{Target: "content/a/clashes.md", Fragment: "", Line: 5},
		{Target: "content/x/index.md", Fragment: "суд", Line: 5},
	}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("Links = %+v; want %+v", res.Links, want)
	}
	if len(probs) != 1 || probs[0].Line != 7 || !strings.Contains(probs[0].Message, `link to missing page "missing.md"`) || probs[0].Hint == "" {
		t.Errorf("problems = %v; want one missing page at line 7 with a hint", probs)
	}
	if strings.Contains(res.HTML, "missing.md") {
		t.Errorf("HTML keeps the missing link: %s", res.HTML)
	}
}

func TestResolveLinkGetsPathWithoutFragment(t *testing.T) {
	var got []string
	ctx := Context{ResolveLink: func(dest string) (string, string, bool) {
		got = append(got, dest)
		return "/p/", "content/p.md", true
	}}
	_, _ = New(Options{}).Convert([]byte("[a](p.md#x) [b](<dir/my file.md>) [c](p.md?q=1)"), ctx)
	want := []string{"p.md", "dir/my file.md", "p.md"} // nor the query
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveLink got %q; want %q", got, want)
	}
}

func TestURLScheme(t *testing.T) {
	tests := []struct{ dest, want string }{
		{"https://x", "https"},
		{"HTTP://x", "http"},
		{"mailto:a@b", "mailto"},
		{"../a.md", ""},
		{"#x", ""},
		{"//cdn/x", ""},
		{"a/b:c", ""},
		{"?q=a:b", ""},
		{"javascript:x", "javascript"},
		{"JaVaScRiPt:x", "javascript"},
		{"jav&#x61;script:x", "javascript"},
		{"jav&#97script:x", "javascript"},
		{"javascript&colon;x", "javascript"},
		{"java\tscript:x", "javascript"},
		{"java%09script:x", "javascript"},
		{"\x01javascript:x", "javascript"},
		{" javascript:x", "javascript"},
		{"java\u200bscript:x", "javascript"},
		{"data:image/png;base64,x", "data"},
		{"intent:x", "intent"},
	}
	for _, tt := range tests {
		if got := urlScheme(tt.dest); got != tt.want {
			t.Errorf("urlScheme(%q) = %q; want %q", tt.dest, got, tt.want)
		}
	}
}

func TestShortcodeCalls(t *testing.T) {
	var calls []Shortcode
	ctx := Context{LineOffset: 10, Shortcode: func(c Shortcode) (string, error) {
		calls = append(calls, c)
		return "<x-" + c.Name + ">", nil
	}}
	src := "a\n\n{{< one k=\"v\" n=2 >}}\n\n{{< two \"p\" >}}in{{< /two >}}\n\n{{< three />}}\n\n{{% four %}}*md*{{% /four %}}\n"
	_, probs := New(Options{}).Convert([]byte(src), ctx)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := []Shortcode{
		{Name: "one", Named: map[string]string{"k": "v", "n": "2"}, Line: 13, Column: 1},
		{Name: "two", Positional: []string{"p"}, Inner: "in", HasInner: true, Line: 15, Column: 1, ID: 1, Ordinal: 1},
		{Name: "three", SelfClosed: true, Line: 17, Column: 1, ID: 2, Ordinal: 2},
		{Name: "four", Inner: "<p><em>md</em></p>", HasInner: true, Markdown: true, Line: 19, Column: 1, ID: 3, Ordinal: 3},
	}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("calls:\n%+v\nwant:\n%+v", calls, want)
	}
}

func TestShortcodeWithoutRenderer(t *testing.T) {
	res, probs := New(Options{}).Convert([]byte("x {{< gallery >}} y"), Context{File: "content/a.md"})
	if len(probs) != 1 || probs[0].Position() != "content/a.md:1" || !strings.Contains(probs[0].Message, `unknown shortcode "gallery"`) {
		t.Errorf("problems = %v", probs)
	}
	if strings.Contains(res.HTML, "{{") {
		t.Errorf("HTML = %q", res.HTML)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name, src, summary string
		truncated          bool
	}{
		{"more", "One.\n\nTwo.\n\n<!--more-->\n\nThree.\n", "<p>One.</p>\n<p>Two.</p>", true},
		{"first paragraph", "# T\n\nFirst *p*.\n\nSecond.\n", "<p>First <em>p</em>.</p>", true},
		{"only paragraph", "Only.\n", "<p>Only.</p>", false},
		{"skips block shortcode", "{{< s >}}\n\nFirst.\n", "<p>First.</p>", true},
		{"empty", "", "", false},
		{"more in code is text", "```\n<!--more-->\n```\n\nP.\n", "<p>P.</p>", true},
	}
	ctx := Context{Shortcode: func(Shortcode) (string, error) { return "<div></div>", nil }}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, probs := New(Options{}).Convert([]byte(tt.src), ctx)
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			if res.Summary != tt.summary || res.Truncated != tt.truncated {
				t.Errorf("Summary, Truncated = %q, %v; want %q, %v", res.Summary, res.Truncated, tt.summary, tt.truncated)
			}
			if strings.Contains(res.HTML, "<!--more-->") || strings.Contains(res.HTML, "szq") {
				t.Errorf("HTML keeps a marker: %q", res.HTML)
			}
		})
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{"", 0},
		{"One two three.", 3},
		{"**Bold** and [a link](https://x) `code`", 5},
		{"# Суд над активистами\n\nТекст.", 4},
		{"<b>raw</b> word", 2},
		{"{{< x >}} word {{</* y */>}}", 4},
	}
	ctx := Context{Shortcode: func(Shortcode) (string, error) { return "<b>many words here</b>", nil }}
	for _, tt := range tests {
		res, _ := New(Options{}).Convert([]byte(tt.src), ctx)
		if res.WordCount != tt.want {
			t.Errorf("WordCount(%q) = %d; want %d", tt.src, res.WordCount, tt.want)
		}
	}
}

func TestCodeBlocks(t *testing.T) {
	c := New(Options{MaxCodeBytes: 100})
	res, _ := c.Convert([]byte("```go\nx := 1\n```\n"), Context{})
	if !strings.Contains(res.HTML, `<pre class="chroma"><code class="language-go">`) || strings.Contains(res.HTML, "style=") {
		t.Errorf("small block: %s", res.HTML)
	}
	big := "```go\n" + strings.Repeat("x := 1\n", 20) + "```\n"
	res, _ = c.Convert([]byte(big), Context{})
	if !strings.HasPrefix(res.HTML, `<pre><code class="language-go">x := 1`) {
		t.Errorf("block over MaxCodeBytes is not plain: %.80s", res.HTML)
	}
}

func TestChromaCSS(t *testing.T) {
	a, b := ChromaCSS(), ChromaCSS()
	if !bytes.Equal(a, b) {
		t.Fatal("ChromaCSS is not deterministic")
	}
	css := string(a)
	for _, want := range []string{".chroma {", ".chroma .k {", "@media (prefers-color-scheme: dark) {"} {
		if !strings.Contains(css, want) {
			t.Errorf("ChromaCSS lacks %q", want)
		}
	}
	if i, j := strings.Index(css, "@media"), strings.LastIndex(css, ".chroma .k {"); j < i {
		t.Error("no dark rule for keywords inside @media")
	}
}

func TestOverSizeBody(t *testing.T) {
	res, probs := New(Options{}).Convert(bytes.Repeat([]byte("a"), MaxBodyBytes+1), Context{File: "content/big.md"})
	if len(probs) != 1 || res.HTML != "" {
		t.Errorf("got %d problems and %d bytes of HTML; want 1 problem and none", len(probs), len(res.HTML))
	}
}

// TestConcurrentConvert shares one Converter between goroutines; run
// with -race.
func TestConcurrentConvert(t *testing.T) {
	c := New(Options{})
	src := []byte("# Суд\n\n## Суд\n\n[a](clashes.md#trial) {{< figure src=\"x\" >}}\n\n```go\nx := 1\n```\n\n{{% note %}}*n*{{% /note %}}\n")
	want, _ := c.Convert(src, testContext())
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				got, _ := c.Convert(src, testContext())
				if !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Convert differs:\n%+v\nwant\n%+v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// hostile are the inputs of RELIABILITY.md section D.
func hostile() map[string]string {
	nestedList := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "* a\n")
		}
		return b.String()
	}
	backticks := func() string {
		var b strings.Builder
		for i := 1; b.Len() < MaxBodyBytes-20000; i++ {
			b.WriteString("e" + strings.Repeat("`", i))
		}
		return b.String()
	}
	return map[string]string{
		"30 000 equal headings": strings.Repeat("# y\n", 30000), // ids y, y-1, … each found in one step
		"script":                "<script>alert(1)</script>",
		"img onerror":           "<img src=x onerror=alert(1)>",
		"iframe srcdoc":         `<iframe srcdoc="<script>alert(1)</script>">`,
		"svg onload":            "<svg onload=alert(1)>",
		"a javascript":          `<a href="javascript:alert(1)">x</a>`,
		"comment script":        "<!-- --><script>alert(1)</script>",
		"style":                 "<style>*{}</style>",
		"meta refresh":          `<meta http-equiv=refresh content="0;url=javascript:alert(1)">`,
		"link js":               "[x](javascript:alert(1))",
		"link JS case":          "[x](JaVaScRiPt:alert(1))",
		"link numeric entity":   "[x](&#106;avascript:alert(1))",
		"link mid entity":       "[x](java&#115;cript:alert(1))",
		"link named entity":     "[x](javascript&colon;alert(1))",
		"link no semicolon":     "[x](javascript&#058alert(1))",
		"autolink js":           "<javascript:alert(document.domain)>",
		"image js":              "![a](javascript:alert(1))",
		"link no scheme":        "[a](//evil.example/x) [b](&#x2F;/evil.example/x) [c](\\/\\/evil.example/x)",
		"image elsewhere":       "![a](https://tracker.example/p.gif) ![b](//tracker.example/p.gif) ![c](&#x2F;/tracker.example/p.gif)",
		"vbscript":              "[x](vbscript:msgbox(1))",
		"data html":             "[x](data:text/html,<script>alert(1)</script>)",
		"data svg":              "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
		"file":                  "[x](file:///etc/passwd)",
		"tab autolink":          "<java\tscript:alert(1)>",
		"control char":          "[x](\x01javascript:alert(1))",
		"title quotes":          `[link](/url '"><script>alert()</script>')`,
		"text quotes":           `[t-"<>&](/d-"<> 'ti-"<>&')`,
		"attr onclick":          "# T {onclick=\"alert(1)\"}",
		"attr style":            "# T {style=\"position:fixed;inset:0;background:url(//evil)\"}",
		"heading script":        "# <script>alert(1)</script>",
		"long heading":          "# " + strings.Repeat("long ", 2000),
		"rtl zero width":        "# \u202eevil\u200b\n\n# \u202eevil\u200b",
		"fence lang":            "```\"><script>alert(1)</script>\nx\n```",
		"5 MB fence":            "```go\n" + strings.Repeat("x := `a`\n", 600000) + "```",
		"nested emph":           strings.Repeat("*a **a ", 65000) + "b" + strings.Repeat(" a** a*", 65000),
		"emph openers":          strings.Repeat("a_ ", 65000),
		"emph closers":          strings.Repeat("a *", 65000),
		"link openers":          strings.Repeat("[a", 65000),
		"link closers":          strings.Repeat("a]", 65000),
		"mismatched":            strings.Repeat("*a_ ", 50000),
		"brackets":              strings.Repeat("[", 50000) + "a" + strings.Repeat("]", 50000),
		"quotes":                strings.Repeat("> ", 50000) + "x",
		"10000 quotes":          strings.Repeat(">", 10000) + "x",
		"10000 brackets":        strings.Repeat("[", 10000) + "x",
		"star storm":            strings.Repeat("*", 500000),
		"nested lists":          nestedList(1000),
		"nul":                   "abc\x00de",
		"backtick runs":         backticks(),
		"unclosed links":        strings.Repeat("[a](<b", 50000),
		"references":            strings.Repeat("[a]: u\n", 200000),
		"cdata":                 "a" + strings.Repeat(" <![CDATA[", 50000),
		"processing":            "a" + strings.Repeat("<?", 50000),
		"declaration":           "a" + strings.Repeat(" <!A ", 50000),
		"dash list":             strings.Repeat("- ", 32000) + "x\n",
		"shortcode storm":       strings.Repeat("{{< a >}}", 100000),
		"shortcode opens":       strings.Repeat("{{<", 100000),
		"shortcode nesting":     strings.Repeat("{{% a %}}", 1000) + strings.Repeat("{{% /a %}}", 1000),
		"escape storm":          strings.Repeat("{{</*", 100000),
		"table":                 "|" + strings.Repeat("a|", 5000) + "\n|" + strings.Repeat("-|", 5000) + "\n",
		"aligned table":         "|a|b|c|\n|:-|-:|:-:|\n|1|2|3|\n",
		"footnote refs":         strings.Repeat("[^a]", 200000) + "\n\n[^a]: x\n",
		"fence in quote trick":  "> ```\n" + strings.Repeat("[a](<b\n", 50000),
		"fence in list trick":   "- ```\n" + strings.Repeat("[a](<b\n", 50000),
	}
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<script`)
	eventAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	badURL      = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|vbscript|data|file):`)
	styleAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\sstyle\s*=`)
	remoteImage = regexp.MustCompile(`(?i)<img\s[^>]*src\s*=\s*"\s*(https?:|//)`)
	noScheme    = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*//`)
	jsAnywhere  = regexp.MustCompile(`(?i)javascript:`)
	templateBad = "ZgotmplZ"
)

// checkSafe fails when html could run script, load an image from
// another site or link to one without a scheme.
func checkSafe(t testing.TB, src, out string) {
	t.Helper()
	for _, re := range []*regexp.Regexp{scriptTag, eventAttr, badURL, styleAttr, remoteImage, noScheme} {
		if loc := re.FindStringIndex(out); loc != nil {
			t.Fatalf("unsafe output for %.200q: %q", src, out[max(0, loc[0]-40):min(len(out), loc[1]+40)])
		}
	}
	if strings.Contains(out, templateBad) {
		t.Fatalf("output for %.200q contains %s", src, templateBad)
	}
	// javascript: may show as text (a dropped link), never inside a tag.
	for _, m := range jsAnywhere.FindAllStringIndex(out, -1) {
		open := strings.LastIndexByte(out[:m[0]], '<')
		if open > strings.LastIndexByte(out[:m[0]], '>') {
			t.Fatalf("output for %.200q has javascript: inside a tag: %q", src, out[open:min(len(out), m[1]+20)])
		}
	}
}

func TestHostileInputs(t *testing.T) {
	c := New(Options{})
	for name, src := range hostile() {
		t.Run(name, func(t *testing.T) {
			var res Result
			done := make(chan struct{})
			go func() {
				defer close(done)
				res, _ = c.Convert([]byte(src), Context{File: "content/x.md"})
			}()
			limit := slowLimit(c, len(src), 5*time.Second)
			timer := time.NewTimer(limit)
			defer timer.Stop()
			select {
			case <-done:
			case <-timer.C:
				t.Fatalf("Convert did not finish within %v", limit)
			}
			checkSafe(t, src, res.HTML)
			checkSafe(t, src, res.Summary)
			if strings.ContainsRune(res.HTML, 0) {
				t.Fatal("NUL in output")
			}
		})
	}
}

func ExampleConverter_Convert() {
	c := New(Options{})
	res, _ := c.Convert([]byte("## Суд над активистами\n\nText."), Context{})
	fmt.Println(res.HTML)
	fmt.Println(res.TOC[0].ID, res.Summary)
	// Output:
	// <h2 id="суд-над-активистами">Суд над активистами <a class="anchor" href="#суд-над-активистами" aria-label="Link to this section">#</a></h2>
	// <p>Text.</p>
	//
	// суд-над-активистами <p>Text.</p>
}

type hintedErr struct{}

func (hintedErr) Error() string { return `unknown shortcode "qoute"` }
func (hintedErr) Hint() string  { return "the shortcodes are: quote" }

// A renderer's error that carries a hint is reported as it is, not
// wrapped in a generic message that points at a file that may not exist.
func TestShortcodeErrorHint(t *testing.T) {
	_, probs := New(Options{}).Convert([]byte("a\n\n{{< qoute >}}"), Context{File: "content/a.md", LineOffset: 3,
		Shortcode: func(Shortcode) (string, error) { return "", hintedErr{} }})
	if len(probs) != 1 || probs[0].Position() != "content/a.md:6" || probs[0].Message != `unknown shortcode "qoute"` || probs[0].Hint != "the shortcodes are: quote" {
		t.Errorf("problems = %+v", probs)
	}
}

// A tag without a name (the name quoted by mistake) says so, with a hint
// about the name, not about arguments.
func TestShortcodeWithoutName(t *testing.T) {
	_, probs := New(Options{}).Convert([]byte(`{{< "quote" >}}`), Context{File: "content/a.md",
		Shortcode: func(Shortcode) (string, error) { return "", nil }})
	if len(probs) != 1 || probs[0].Message != "shortcode has no name" || !strings.Contains(probs[0].Hint, "shortcode's name, without quotes") {
		t.Errorf("problems = %+v", probs)
	}
}
