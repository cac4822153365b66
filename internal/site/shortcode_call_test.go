package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// callSite is a site whose page content/news/a.md is body, with the
// shortcodes given.
func callSite(body string, shortcodes map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html": {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`<main>{{ .Content }}</main>`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/a.md":            {Data: []byte("---\ntitle: A\n---\n" + body)},
	}
	for name, src := range shortcodes {
		fsys["layouts/shortcodes/"+name+".html"] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// callPage builds fsys and returns content/news/a.md's page, failing on
// any problem.
func callPage(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	return string(res.Files["news/a/index.html"])
}

// Tabs as hugo-book writes them: each tab names its radio group by its
// parent's .Ordinal and itself by its own. Hugo 0.165 gives this page
// tabs-1-0, tabs-1-1 and tabs-2-0 (the first call of the page is 0; the
// escaped one is not a call).
func TestShortcodeParentOrdinal(t *testing.T) {
	fsys := callSite("{{< note >}}\n\nText {{</* tabs */>}}.\n\n"+
		"{{< tabs >}}\n{{< tab \"MacOS\" >}}mac{{< /tab >}}\n{{< tab \"Linux\" >}}linux{{< /tab >}}\n{{< /tabs >}}\n\n"+
		"{{< tabs >}}\n{{< tab \"A\" >}}a{{< /tab >}}\n{{< /tabs >}}\n",
		map[string]string{
			"note": `<hr>`,
			"tabs": `<div class="tabs">{{ .Inner }}</div>`,
			"tab": `{{ $id := printf "tabs-%d-%d" .Parent.Ordinal .Ordinal }}` +
				`<input type="radio" name="tabs-{{ .Parent.Ordinal }}" id="{{ $id }}"{{ if not .Ordinal }} checked{{ end }}>` +
				`<label for="{{ $id }}">{{ .Get 0 }}</label><div>{{ .Inner }}</div>`,
		})
	got := callPage(t, fsys)
	for _, want := range []string{
		`<input type="radio" name="tabs-1" id="tabs-1-0" checked><label for="tabs-1-0">MacOS</label><div>mac</div>`,
		`<input type="radio" name="tabs-1" id="tabs-1-1"><label for="tabs-1-1">Linux</label><div>linux</div>`,
		`<input type="radio" name="tabs-2" id="tabs-2-0" checked><label for="tabs-2-0">A</label><div>a</div>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
		}
	}
}

// Tabs as Docsy, Blowfish and the older hugo-book write them: each tab
// adds its title to .Parent.Scratch (or .Parent.Store), and the outer
// shortcode lists them after .Inner. The inner calls run first, as in
// Hugo, so the outer one reads them wherever it asks; each outer call has
// a pad of its own, and a nested pair its own too.
func TestShortcodeParentScratch(t *testing.T) {
	fsys := callSite("{{< tabs >}}\n"+
		"  {{< tab title=\"Kazakh\" >}}\n  Қазақша\n  {{< /tab >}}\n"+
		"  {{< tab title=\"Russian\" >}}\n  {{< tabs >}}{{< tab title=\"inner\" >}}x{{< /tab >}}{{< /tabs >}}\n  {{< /tab >}}\n"+
		"{{< /tabs >}}\n\n"+
		"{{< tabs >}}{{< tab title=\"English\" >}}en{{< /tab >}}{{< /tabs >}}\n",
		map[string]string{
			"tabs": `{{ .Store.Set "count" 0 }}{{ $noop := .Inner }}<ul id="t{{ .Ordinal }}">` +
				`{{ range $i, $t := .Scratch.Get "tabs" }}<li>{{ $i }} {{ $t.title }}: {{ $t.body }}</li>{{ end }}</ul>`,
			"tab": `{{ .Parent.Scratch.Add "tabs" (slice (dict "title" (.Get "title") "body" .InnerDeindent)) }}`,
		})
	got := callPage(t, fsys)
	for _, want := range []string{
		"<ul id=\"t0\"><li>0 Kazakh:\nҚазақша\n</li><li>1 Russian:\n<ul id=\"t0\"><li>0 inner: x</li></ul>\n</li></ul>",
		`<ul id="t1"><li>0 English: en</li></ul>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
		}
	}
}

// .Name, .IsNamedParams and .Get of the parent are there while the call
// inside runs; the parent's .Inner is not made yet, as in Hugo, and a
// call in the page itself has no parent.
func TestShortcodeParentFields(t *testing.T) {
	fsys := callSite("{{< box kind=\"warning\" >}}{{< what />}}{{< /box >}}\n\n{{< what />}}\n",
		map[string]string{
			"box":  `<div>{{ .Inner }}</div>`,
			"what": `{{ with .Parent }}[{{ .Name }} {{ .IsNamedParams }} {{ .Get "kind" }} inner={{ .Inner }}]{{ else }}[top]{{ end }}`,
		})
	got := callPage(t, fsys)
	if want := `<div>[box true warning inner=]</div>`; !strings.Contains(got, want) {
		t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
	}
	if want := `[top]`; !strings.Contains(got, want) {
		t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
	}
}

// .Position names the call's file, line and column as Hugo prints it,
// for a shortcode's own message; the column counts characters.
func TestShortcodePosition(t *testing.T) {
	fsys := callSite("Text.\n\nЖаңаөзен {{< img >}}\n\n{{< at >}}\n",
		map[string]string{
			"img": `{{ with .Get "src" }}<img src="{{ . }}">{{ else }}{{ errorf "%s: img needs a src" .Position }}{{ end }}`,
			"at":  `{{ .Position.Filename }} {{ .Position.LineNumber }} {{ .Position.ColumnNumber }} {{ .Position.IsValid }}`,
		})
	res := build(t, fsys, Options{})
	if len(res.Problems) != 1 || res.Problems[0].Position() != "content/news/a.md:6" ||
		!strings.Contains(res.Problems[0].Message, `"content/news/a.md:6:10": img needs a src`) {
		t.Fatalf("problems:\n%s\nwant one at content/news/a.md:6 naming \"content/news/a.md:6:10\"", problems(res.Problems))
	}
	delete(fsys, "layouts/shortcodes/img.html")
	fsys["content/news/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n\n{{< at >}}\n")}
	if got, want := callPage(t, fsys), "content/news/a.md 5 1 true"; !strings.Contains(got, want) {
		t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
	}
}

// .InnerDeindent takes the call's indentation off its inner lines, as
// Hugo's: a call indented in a list item. .Inner keeps it.
func TestShortcodeInnerDeindent(t *testing.T) {
	fsys := callSite("- item\n\n    {{< code >}}\n    one\n      two\n    {{< /code >}}\n",
		map[string]string{"code": `<pre>{{ .InnerDeindent }}</pre><pre>{{ .Inner }}</pre>`})
	got := callPage(t, fsys)
	if want := "<pre>\none\n  two\n</pre><pre>\n    one\n      two\n    </pre>"; !strings.Contains(got, want) {
		t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
	}
}

// A shortcode's template that asks for what samizdat's calls lack gets
// the hint Hugo's names get elsewhere, not "check the call's arguments":
// .Ref, a misspelt field, and .Parent of a call written in no shortcode.
func TestShortcodeCallHints(t *testing.T) {
	fsys := callSite("{{< ref2 \"b.md\" >}}\n\n{{< ord >}}\n\n{{< tab >}}\n",
		map[string]string{
			"ref2": `<a href="{{ .Ref (dict "path" (.Get 0)) }}">x</a>`,
			"ord":  `{{ .Ordnial }}`,
			"tab":  `{{ .Parent.Scratch.Add "tabs" 1 }}`,
		})
	res := build(t, fsys, Options{})
	want := map[string]string{
		"content/news/a.md:4": `samizdat has no .Ref: find the page with .Site.GetPage`,
		"content/news/a.md:6": `did you mean .Ordinal?`,
		"content/news/a.md:8": `this call is not written inside another shortcode, so its .Parent is nothing (layouts/shortcodes/tab.html:1:10)`,
	}
	for _, p := range res.Problems {
		if w, ok := want[p.Position()]; ok && strings.Contains(p.Hint, w) {
			delete(want, p.Position())
		}
	}
	if len(want) > 0 {
		t.Errorf("problems:\n%s\nwant hints %v", problems(res.Problems), want)
	}
}

// .Params of a call with positional arguments is their list, as Hugo's
// (a gallery ranges over its files); of named ones, their map.
func TestShortcodeParamsPositional(t *testing.T) {
	fsys := callSite("{{< g \"a.jpg\" \"b.jpg\" >}}\n\n{{< g k=\"v\" >}}\n\n{{< g >}}\n",
		map[string]string{"g": `{{ range $i, $v := .Params }}[{{ $i }}={{ $v }}]{{ end }} {{ len .Params }}`})
	got := callPage(t, fsys)
	for _, want := range []string{"[0=a.jpg][1=b.jpg] 2", "[k=v] 1", "\n0\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("page is\n%q\nwant it to hold\n%q", got, want)
		}
	}
}
