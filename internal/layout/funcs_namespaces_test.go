package layout

import (
	"html/template"
	"math"
	"strings"
	"testing"
	"testing/fstest"
)

// Hugo's namespace functions run through html/template's escaper, in a
// pipe (the text last), and give Hugo's results.
func TestNamespaceFunctions(t *testing.T) {
	data := map[string]any{"File": "content/blog/a.md", "Content": template.HTML("<p>a &amp; b</p>"), "n": int64(7)}
	runCases(t, Env{BaseURL: "https://example.org/"}, data, []funcCase{
		{tmpl: `{{ .File | strings.TrimPrefix "content/" | strings.TrimSuffix ".md" }}`, want: "blog/a"},
		{tmpl: `{{ strings.Contains .Content "&amp;" }} {{ strings.HasSuffix .File ".md" }} {{ strings.Count "a" "banana" }}`, want: "true true 3"},
		{tmpl: `<a title="{{ strings.Repeat 2 "<b>" }}">{{ strings.ToUpper "<i>" }}</a>`, want: `<a title="&lt;b&gt;&lt;b&gt;">&lt;I&gt;</a>`},
		{tmpl: `{{ strings.TrimLeft "ab" "abcba" }} {{ strings.TrimRight "ab" "abcba" }} {{ strings.TrimSpace " x " }}`, want: "cba abc x"},
		{tmpl: `{{ strings.FirstUpper "" }}|{{ strings.FirstUpper "ñu" }}|{{ strings.RuneCount "a b" }}`, want: "|Ñu|3"},
		{tmpl: `{{ strings.Repeat -1 "a" }}`, err: "cannot repeat a text -1 times"},
		{tmpl: `{{ strings.Repeat 100000000 "ab" }}`, err: "passes the 64 MB a page may have"},
		{tmpl: `{{ strings.ReplaceRE "(a)" "<$1>" "bab" }} {{ strings.FindRE "a." "abac" }}`, want: "b&lt;a&gt;b [ab ac]"},
		{tmpl: `{{ math.Add .n 1 }} {{ math.ModBool 4 2 }} {{ math.Ceil "1.2" }} {{ math.Min (slice) 3 }}`, want: "8 true 2 3"},
		{tmpl: `{{ math.Max }}`, err: "math.Max needs at least one number"},
		{tmpl: `{{ math.Sum (slice) }} {{ math.Max (slice) (slice) }} {{ math.Product (slice) }}`, want: "0 0 0"}, // as Hugo's
		{tmpl: `{{ math.Sqrt "x" }}`, err: `"x" is not a number`},
		{tmpl: `{{ math.Pow 4 0.5 }} {{ math.Pow 2 -1 }}`, want: "2 0.5"},
		{tmpl: `{{ math.Pow 2 1.5 }}`, err: "only a whole-number power"},
		{tmpl: `{{ path.Join "a" (slice "b" "../c") }} {{ path.Ext "a.tar.gz" }} {{ path.Dir "a" }}`, want: "a/c .gz ."},
		{tmpl: `{{ with path.Split "a/b" }}{{ .Dir }}|{{ .File }}{{ end }}`, want: "a/|b"},
		{tmpl: `{{ path.Split "blog/a.md" }} {{ path.Split "a.md" }}`, want: "blog/|a.md |a.md"}, // as Hugo prints it
		{tmpl: `{{ $s := collections.NewScratch }}{{ $s.Add "n" 2 }}{{ $s.Add "n" 3 }}{{ $s.Get "n" }}`, want: "5"},
		{tmpl: `{{ urls.AbsURL "a" }} {{ urls.JoinPath }}|{{ urls.RelURL "a" }}`, want: "https://example.org/a |/a"},
		{tmpl: `{{ with urls.Parse "https://a.org/x?q=1#f" }}{{ .Scheme }} {{ .Path }} {{ .Query.Get "q" }} {{ .Fragment }}{{ end }}`, want: "https /x 1 f"},
		{tmpl: `{{ urls.Parse "%zz" }}`, err: "invalid URL escape"},
		{tmpl: `{{ (time "2024-05-01T10:00:00+05:00").Hour }} {{ time.Format "2006" (time.AsTime "2011-12-16") }}`, want: "10 2011"},
		{tmpl: `{{ time "2024-05-01" "Asia/Almaty" }}`, err: "time takes one date, not 2 arguments"},
		{tmpl: `{{ time "soon" }}`, err: `must be a date like 2024-03-09, got "soon"`},
		// Dates are read by front matter's rules (frontmatter.Date), and a
		// year or a month alone is its first day, where Hugo 0.165 refuses
		// them; a time without seconds is one, as it is in front matter.
		{tmpl: `{{ (time "2012").Month }} {{ dateFormat "January 2006" "2012-05" }}`, want: "January May 2012"},
		{tmpl: `{{ dateFormat "2006" "2012-5" }}`, err: `must be a date like 2024-03-09, got "2012-5"`},
		{tmpl: `{{ time.AsTime "2012-02-30" }}`, err: `is not a real date: "2012-02-30"`},
		{tmpl: `{{ dateFormat "15:04" "2011-12-16 10:30" }}`, want: "10:30"},
		{tmpl: `{{ dateFormat "2006" 2012 }}`, err: `got 2012, which is neither a date nor text`},
		{tmpl: `{{ dateFormat ":date_short" "2011-12-16" }}`, err: `":date_short" is Hugo's name for a date layout`},
		{tmpl: `{{ collections.Where (slice (dict "a" 1) (dict "a" 2)) "a" "gt" 1 }} {{ collections.In (slice 1 2) 2 }}`, want: "[map[a:2]] true"},
		{tmpl: `{{ compare.Eq 1 1 }} {{ compare.Conditional false 1 2 }} {{ cast.ToInt "0x11" }} {{ cast.ToString 1.5 }}`, want: "true 2 17 1.5"},
		{tmpl: `{{ cast.ToInt "4.2" }} {{ int "-4.7" }} {{ int "4.0" }} {{ int "011" }}`, want: "4 -4 4 9"}, // as Hugo's
		{tmpl: `{{ int "4.2.1" }}`, err: `"4.2.1" is not a whole number`},
		{tmpl: `{{ int "0x1.8p1" }}`, err: `is not a whole number`},
		{tmpl: `{{ encoding.Jsonify (slice 1) }} {{ strings.Substr (crypto.SHA256 "") 0 8 }}`, want: "[1] e3b0c442"},
		{tmpl: `{{ fmt.Print "a" 1 }} {{ fmt.Println "a" }}`, want: "a1 a\n"},
		{tmpl: `{{ safe.URL "javascript:x" }} {{ safe.HTML "<b>" }}`, want: "javascript:x <b>"},
		{tmpl: `{{ reflect.IsMap .Content }} {{ reflect.IsSlice (slice) }}`, want: "false true"},
		{tmpl: `{{ transform.Plainify .Content }} {{ transform.HTMLUnescape "&amp;" }}`, want: "a &amp;amp; b &amp;"},
	})
}

// A namespace function samizdat leaves out, or lacks, is found when the
// layouts are read, at its line, with what to write instead; so are the
// functions of namespaces samizdat has none of. js is also Go's own
// function, which the parser knows.
func TestNamespaceFunctionsLeftOutFoundAtParse(t *testing.T) {
	lines := []string{
		`{{ strings.Chomp .Title }}`,
		`{{ time.Now.Year }}`,
		`{{ math.Counter }}`,
		`{{ collections.Shuffle .Pages }}`,
		`{{ os.Getenv "HOME" }}`,
		`{{ with js.Build "a.js" }}{{ end }}`,
		`{{ safe.JS "x" }}`,
		`{{ strings.Foo "x" }}`,
		`{{ "x" | strings.ToUpper | strings.Shout }}`,
		`{{ $p := merge .Params (dict "a" 1) }}`,
		`{{ warnf "old layout" }}`,
		`{{ range getJSON "https://example.org/x.json" }}{{ end }}`,
		`{{ symdiff (slice 1) (slice 2) }}`,
		`{{ collections.Group "k" .Pages }}`,
	}
	_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(strings.Join(lines, "\n"))}}, Env{})
	want := []struct{ msg, hint string }{
		{`function "strings.Chomp" not defined`, "write trim TEXT"},
		{`function "time.Now" not defined`, "a build must give the same files every time"},
		{`function "math.Counter" not defined`, "pages are rendered in parallel"},
		{`function "collections.Shuffle" not defined`, "a random order would make every build differ"},
		{`function "os.Getenv" not defined`, "leaves getenv out"},
		{`function "js.Build" not defined`, "put it in assets/"},
		{`function "safe.JS" not defined`, "leaves safeJS out on purpose"},
		{`function "strings.Foo" not defined`, "samizdat's strings namespace has no Foo; it has Contains, ContainsAny"},
		{`function "strings.Shout" not defined`, "samizdat's strings namespace has no Shout"},
		// Hugo's short names of namespace functions samizdat leaves out
		// get their hint, not "check its spelling".
		{`function "merge" not defined`, "build the map you need with dict"},
		{`function "warnf" not defined`, "samizdat has no warnf"},
		{`function "getJSON" not defined`, "a build reads nothing from the network"},
		{`function "symdiff" not defined`, "samizdat has no symdiff"},
		{`function "collections.Group" not defined`, ".GroupByParam"},
	}
	if len(probs) != len(want) {
		t.Fatalf("problems %v; want %d", probs, len(want))
	}
	for i, w := range want {
		if p := probs[i]; p.Line != i+1 || p.Message != w.msg || !strings.Contains(p.Hint, w.hint) {
			t.Errorf("problem %d: %s (%s); want line %d, %q with a hint holding %q", i, p.Error(), p.Hint, i+1, w.msg, w.hint)
		}
	}
}

// A namespace function given the wrong arguments is a problem at its
// line that says how it is called.
func TestNamespaceCallWithWrongArguments(t *testing.T) {
	for call, hint := range map[string]string{
		`{{ strings.TrimPrefix "a" }}`:       `call it as {{ strings.TrimPrefix PREFIX TEXT }}`,
		`{{ strings.Contains (slice) "a" }}`: `call it as {{ strings.Contains TEXT PART }}`,
		`{{ "a" | path.Base "b" }}`:          `call it as {{ path.Base PATH }}`,
		`{{ time.Format "2006" }}`:           `call it as {{ time.Format LAYOUT DATE }}`,
		`{{ math.Round "x" }}`:               `call it as {{ math.Round NUMBER }}`,
	} {
		probs := hugoProblems(t, "<p>\n"+call)
		if len(probs) != 1 || probs[0].Line != 2 || probs[0].Hint != hint+", as Hugo's is called (Namespaces in docs/templates.md)" {
			t.Errorf("%s: problems %v; want one at line 2 with the hint %q", call, probs, hint)
		}
	}
}

// partials.Include is partial, at the depth it is called from: a partial
// that includes itself so stops at the depth limit, not the stack's.
func TestPartialsIncludeCountsDepth(t *testing.T) {
	set, probs := Parse(fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte(`{{ partials.Include "loop.html" . }}`)},
		"layouts/partials/loop.html":   {Data: []byte(`x{{ partials.Include "loop" . }}`)},
		"layouts/partials/hi.html":     {Data: []byte(`hi {{ . }}`)},
		"layouts/_default/list.html":   {Data: []byte(`{{ partials.Include "hi.html" "Ana" }} {{ templates.Exists "partials/hi.html" }} {{ templates.Exists "hi.html" }}`)},
	}, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, p := set.Execute("_default/single.html", nil, "x"); p == nil || !strings.Contains(p.Message, "more than 100 levels deep") {
		t.Errorf("problem %v; want the depth limit's", p)
	}
	if out, p := set.Execute("_default/list.html", nil, "x"); p != nil || string(out) != "hi Ana true false" {
		t.Errorf("got %q, %v", out, p)
	}
}

// Every namespace function has its arguments for the hint, and each
// short name Hugo gives one is samizdat's same function, or has a hint.
func TestNamespaceTables(t *testing.T) {
	funcs := Env{}.funcMap(&Set{})
	for ns := range (Env{}).namespaces(&Set{}, nil) {
		for _, fn := range namespaceFuncs(ns) {
			if _, ok := nsArgs[ns+"."+fn]; !ok {
				t.Errorf("%s.%s has no arguments in nsArgs", ns, fn)
			}
		}
	}
	for name := range nsArgs {
		ns, fn, _ := strings.Cut(name, ".")
		if fn != "" && !namespaceHas(funcs, ns, fn) {
			t.Errorf("nsArgs has %s, which samizdat lacks", name)
		}
	}
	for name, short := range hugoAliases {
		ns, fn, _ := strings.Cut(name, ".")
		_, has := funcs[short]
		switch {
		case namespaceHas(funcs, ns, fn) && !has && !builtins[short]:
			t.Errorf("%s is samizdat's, but its short name %s is not", name, short)
		case !namespaceHas(funcs, ns, fn) && has && nsLeftOut[name] == "":
			t.Errorf("%s is left out with no reason, but its short name %s is samizdat's", name, short)
		case !namespaceHas(funcs, ns, fn) && namespaceHint(name) == "":
			t.Errorf("%s is left out with no hint", name)
		}
	}
	for name := range nsLeftOut {
		ns, fn, _ := strings.Cut(name, ".")
		if fn != "" && namespaceHas(funcs, ns, fn) {
			t.Errorf("nsLeftOut has %s, which samizdat has", name)
		}
	}
}

// portableLog is within a few units in the last place of math.Log, and
// exact where the logarithm is.
func TestPortableLog(t *testing.T) {
	for _, x := range []float64{1e-300, 0.001, 0.5, 0.7071, 0.9999999, 1.0000001, 2, math.E, 10, 1234.5, 1e300, math.MaxFloat64} {
		got, want := portableLog(x), math.Log(x)
		if ulps := math.Abs(got-want) / (math.Nextafter(want, math.Inf(1)) - want); ulps > 2 {
			t.Errorf("log %v = %v; want %v (%v ulps off)", x, got, want, ulps)
		}
	}
	if portableLog(1) != 0 || !math.IsInf(portableLog(0), -1) || !math.IsNaN(portableLog(-1)) || !math.IsInf(portableLog(math.Inf(1)), 1) {
		t.Error("special cases")
	}
	for x := 0.01; x < 100; x *= 1.37 {
		if got, want := portableLog(x), math.Log(x); math.Abs(got-want) > 4e-16*math.Max(1, math.Abs(want)) {
			t.Errorf("log %v = %v; want %v", x, got, want)
		}
	}
}

// fmt.Errorf is errorf: its message is the template's own, in a page and
// in a shortcode, and one naming a site file sends the editor there.
func TestFmtErrorfIsErrorf(t *testing.T) {
	set, probs := Parse(fstest.MapFS{
		"layouts/_default/single.html":  {Data: []byte("a\n{{ fmt.Errorf \"page %s needs a photo\" . }}")},
		"layouts/shortcodes/needs.html": {Data: []byte(`{{ fmt.Errorf "data/timeline.yaml: the event %q has no date" "Strike" }}`)},
	}, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	_, prob := set.Execute("_default/single.html", "x.md", "content/x.md")
	if prob == nil || prob.Position() != "layouts/_default/single.html:2:6" || prob.Message != "while rendering content/x.md: page x.md needs a photo" ||
		!strings.Contains(prob.Hint, "the template stopped with this message of its own (errorf)") {
		t.Errorf("page: %+v", prob)
	}
	_, err := set.Shortcode("needs", "")
	h, ok := err.(interface{ Hint() string })
	if !ok || err.Error() != `shortcode "needs": data/timeline.yaml: the event "Strike" has no date` || !strings.HasPrefix(h.Hint(), "fix data/timeline.yaml, which the message names") {
		t.Errorf("shortcode: %v", err)
	}
}

// add, sub, mul and div are Hugo's, under both names: whole numbers
// give a whole number, a fraction among them gives a fraction (div
// (float 7) 2 gave a silent 3), and they take more than two numbers.
func TestArithmeticAsHugos(t *testing.T) {
	data := map[string]any{"words": int64(350), "json": 7.0, "half": 2.5, "u": uint64(4), "s": "2"}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ div 7 2 }} {{ math.Div 7 2.0 }} {{ div (float 7) 2 }} {{ div .json 2 }}`, want: "3 3.5 3.5 3.5"},
		{tmpl: `{{ math.Round (div (float .words) 200) }} {{ math.Round (div .words 200) }}`, want: "2 1"},
		{tmpl: `{{ add 1.5 2 }} {{ sub 5 7.5 }} {{ mul 2 2.5 }} {{ mul .u .words }}`, want: "3.5 -2.5 5 1400"},
		{tmpl: `{{ add 1 2 3 }} {{ math.Div 100 5 2 }} {{ math.Mul 2 3 0.5 }} {{ sub 10 1 2.5 }}`, want: "6 10 3 6.5"},
		{tmpl: `{{ printf "%T %T" (add 1 2) (add .half 0.5) }}`, want: "int float64"},
		{tmpl: `{{ div 1 0 }}`, err: "div: division by zero"},
		{tmpl: `{{ div 1.5 0.0 }}`, err: "div: division by zero"},
		{tmpl: `{{ math.Div 6 2 0 }}`, err: "div: division by zero"},
		{tmpl: `{{ add .s 1 }}`, err: "add: 2 is not a number (write int or float to turn text into one)"},
		{tmpl: `{{ add 1 }}`, err: "wrong number of args for add"},
	})
}

// default keeps a bool, false included, as Hugo's: a page's toc: false
// turned a theme's {{ default true .Params.toc }} back to true.
func TestDefaultKeepsFalse(t *testing.T) {
	data := map[string]any{"toc": false, "none": nil, "n": 0, "s": ""}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ default true .toc }} {{ compare.Default true .toc }} {{ default true .none }} {{ default true .missing }}`, want: "false false true true"},
		{tmpl: `{{ default 5 .n }} {{ default "x" .s }} {{ .toc | default true }}`, want: "5 x false"},
	})
}

// templates.Exists finds a file by Hugo 0.146's name for it too, as
// Hugo 0.165 does: a theme checks "_partials/x.html", and its partial is
// in partials/ here.
func TestTemplatesExistsByHugosNewNames(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte(`{{ templates.Exists "_partials/nav.html" }} {{ templates.Exists "single.html" }} ` +
			`{{ templates.Exists "_shortcodes/note.html" }} {{ templates.Exists "_partials/none.html" }} {{ templates.Exists "baseof.html" }}`)},
		"layouts/partials/nav.html":    {Data: []byte(`nav`)},
		"layouts/shortcodes/note.html": {Data: []byte(`note`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	out, p := set.Execute("_default/single.html", nil, "test")
	if p != nil || string(out) != "true true true false false" {
		t.Errorf("got %q, %v; want true true true false false", out, p)
	}
}
