package layout

import (
	"html/template"
	"testing"
	"time"
)

type comparedPage struct{ Title string }

// The comparisons give Hugo's answers (gohugoio/hugo tpl/compare) where
// Go's built-in ones stop the build, as in the themes QA ported.
func TestComparisonsAreHugos(t *testing.T) {
	date := time.Date(2011, 12, 16, 0, 0, 0, 0, time.UTC)
	a, b := &comparedPage{"A"}, &comparedPage{"A"}
	data := map[string]any{
		"Params":  map[string]any{"date": date, "weight": 1, "rating": 2.0, "count": uint64(3), "name": "Kozlov"},
		"Empty":   map[string]any{},
		"Pages":   []any{a, b},
		"Content": template.HTML("<p>x</p>"),
		"Date":    date,
		"Same":    date.In(time.FixedZone("ALMT", 5*3600)),
		"A":       a,
		"B":       b,
		"Nil":     []any(nil),
	}
	runCases(t, Env{}, data, []funcCase{
		// The themes' own cases.
		{tmpl: `{{ if gt .Params.date 0 }}dated{{ end }}`, want: "dated"},
		{tmpl: `{{ if gt .Empty.date 0 }}dated{{ else }}undated{{ end }}`, want: "undated"},
		{tmpl: `{{ eq .Params.weight 1.0 }}`, want: "false"}, // an int never equals a float, as in Hugo
		{tmpl: `{{ eq .Params.weight 1 }}`, want: "true"},
		{tmpl: `{{ eq 1 "1" }}`, want: "false"},
		{tmpl: `{{ lt (len .Pages) 3.5 }}`, want: "true"},

		// eq and ne.
		{tmpl: `{{ eq .Params.rating 2.0 }} {{ eq (float .Params.weight) 1.0 }}`, want: "true true"},
		{tmpl: `{{ eq .Params.count 3 }}`, want: "true"},
		{tmpl: `{{ eq .Params.name "Ana" "Kozlov" }}`, want: "true"},
		{tmpl: `{{ eq .Params.name "Ana" "Ivan" }}`, want: "false"},
		{tmpl: `{{ eq .Content "<p>x</p>" }}`, want: "true"},
		{tmpl: `{{ eq .Empty.missing nil }} {{ eq .Nil nil }} {{ eq .Empty nil }}`, want: "true true false"},
		{tmpl: `{{ eq .Empty.missing 0 }} {{ eq .Empty.missing "" }}`, want: "false false"},
		{tmpl: `{{ eq .Date .Same }}`, want: "true"},
		{tmpl: `{{ eq .A .A }} {{ eq .A .B }} {{ eq (index .Pages 0) .A }}`, want: "true false true"},
		{tmpl: `{{ eq (slice 1 "a") (slice 1 "a") }} {{ eq (slice 1) (slice 1 2) }}`, want: "true false"},
		{tmpl: `{{ eq (dict "a" 1) (dict "a" 1) }} {{ eq (dict "a" 1) (dict "a" 2) }}`, want: "true false"},
		{tmpl: `{{ eq true true }} {{ eq true 1 }}`, want: "true false"},
		{tmpl: `{{ ne .Params.weight 1.0 }} {{ ne 1 2 1 }} {{ ne 1 2 3 }}`, want: "true false true"},

		// lt, le, gt and ge.
		{tmpl: `{{ lt 1 1.5 }} {{ le 2 2.0 }} {{ ge .Params.count 3 }}`, want: "true true true"},
		{tmpl: `{{ lt "9" "10" }} {{ lt "9" 10 }} {{ gt "1e3" 999 }}`, want: "true true true"},
		{tmpl: `{{ lt "Aktau" "Almaty" }} {{ lt "b" "a" }}`, want: "true false"},
		{tmpl: `{{ lt "abc" 1 }} {{ gt "abc" -1 }}`, want: "true true"}, // text that is no number is 0
		{tmpl: `{{ lt "NaN" "a" }}`, want: "true"},                      // as text, as Hugo has it
		{tmpl: `{{ gt .Pages 1 }} {{ gt .Empty 0 }}`, want: "true false"},
		{tmpl: `{{ gt .Date 1000000000 }} {{ lt .Date .Same }} {{ le .Date .Same }}`, want: "true false true"},
		{tmpl: `{{ gt true false }} {{ lt .Empty.missing 1 }} {{ lt .A 1 }}`, want: "true true true"},
		{tmpl: `{{ gt 10 2 1 }} {{ gt 10 2 11 }}`, want: "true false"},
		{tmpl: `{{ gt 5 (len .Content) }}`, want: "false"},

		// Hugo fails only when there is nothing to compare with.
		{tmpl: `{{ eq 1 }}`, err: "eq needs two values to compare"},
		{tmpl: `{{ ne 1 }}`, err: "ne needs two values to compare"},
		{tmpl: `{{ gt 1 }}`, err: "gt needs two values to compare"},
		{tmpl: `{{ lt .Empty.missing }}`, err: "lt needs two values to compare"},
	})
}

// html/template still escapes what the comparisons choose between: they
// replace Go's functions, not the escaper's.
func TestComparisonsKeepEscaping(t *testing.T) {
	data := map[string]any{"Name": `<b onclick="x">`, "URL": "javascript:alert(1)"}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ if eq .Name "" }}none{{ else }}{{ .Name }}{{ end }}`, want: "&lt;b onclick=&#34;x&#34;&gt;"},
		{tmpl: `<a href="{{ if ne .URL "" }}{{ .URL }}{{ end }}">`, want: `<a href="#ZgotmplZ">`},
		{tmpl: `<script>var n = {{ if gt 2 1 }}{{ .Name }}{{ end }};</script>`, want: `<script>var n = "\u003cb onclick=\"x\"\u003e";</script>`},
	})
}

// in and where tell a number from the same number written as text, as
// Hugo's do (tpl/collections): front matter's year: 2012 is not "2012".
func TestInAndWhereTellNumbersFromText(t *testing.T) {
	data := map[string]any{
		"Items": []any{map[string]any{"n": 1, "k": "a"}, map[string]any{"n": "1", "k": "b"}, map[string]any{"n": 2, "k": "c"}},
	}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ in (slice 1 2) "2" }} {{ in (slice "1" "2") 2 }} {{ in (slice 1 2) 2 }} {{ in (slice "1" "2") "2" }}`, want: "false false true true"},
		{tmpl: `{{ range where .Items "n" 1 }}{{ .k }}{{ end }}`, want: "a"},
		{tmpl: `{{ range where .Items "n" "1" }}{{ .k }}{{ end }}`, want: "b"},
		{tmpl: `{{ range where .Items "n" "!=" 1 }}{{ .k }}{{ end }}`, want: "c"}, // "1" is neither = nor != 1, as in Hugo
		{tmpl: `{{ range where .Items "n" ">=" 1 }}{{ .k }}{{ end }}`, want: "ac"},
		{tmpl: `{{ range where .Items "n" "in" (slice 2 3) }}{{ .k }}{{ end }}`, want: "c"},
		{tmpl: `{{ range where .Items "n" "not in" (slice 1) }}{{ .k }}{{ end }}`, want: "bc"},
		{tmpl: `{{ range sortBy .Items "k" "desc" }}{{ .n }}{{ end }}`, want: "211"},
	})
}
