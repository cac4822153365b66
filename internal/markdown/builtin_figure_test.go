package markdown

import (
	"strings"
	"testing"
)

// builtinContext is a page of a site without figure.html or details.html:
// the built-ins render. photo.jpg is beside the page; nothing else is.
func builtinContext() Context {
	return Context{
		File: "content/a/page.md",
		ResolveLink: func(dest string) (string, string, bool) {
			switch dest {
			case "photo.jpg":
				return "/a/photo.jpg", "", true
			case "clashes.md":
				return "/a/clashes/", "content/a/clashes.md", true
			}
			return "", "", false
		},
		HasShortcode: func(name string) bool { return name == "note" },
		Shortcode: func(c Shortcode) (string, error) {
			return "<aside>" + c.Inner + "</aside>", nil
		},
	}
}

func TestBuiltinShortcodes(t *testing.T) {
	for _, tc := range []struct {
		name, src, html, problems string
	}{
		{"figure as Hugo writes it",
			`{{< figure src="photo.jpg" alt="A rally" caption="In *Almaty*, 2012" title="Rally" attr="Ana" attrlink="https://example.org/ana" link="clashes.md" target="_blank" rel="noopener" class="wide" width="600" height="400" loading="lazy" >}}`,
			`<figure class="wide"><a href="/a/clashes/" target="_blank" rel="noopener"><img src="/a/photo.jpg" alt="A rally" width="600" height="400" loading="lazy"></a>` +
				`<figcaption><h4>Rally</h4><p>In <em>Almaty</em>, 2012 <a href="https://example.org/ana">Ana</a></p></figcaption></figure>`, ""},
		{"the caption is the alt text when there is none",
			`{{< figure src="photo.jpg" caption="In *Almaty* & Astana" />}}`,
			`<figure><img src="/a/photo.jpg" alt="In Almaty &amp; Astana"><figcaption><p>In <em>Almaty</em> &amp; Astana</p></figcaption></figure>`, ""},
		{"a picture on another site is refused as a markdown image is",
			`{{< figure src="https://other.example/x.jpg" alt="X" >}}`, "",
			`content/a/page.md:1: image "https://other.example/x.jpg" is on another site`},
		{"a missing picture is the missing file a markdown image is",
			`{{< figure src="gone.jpg" alt="X" >}}`, "",
			`content/a/page.md:1: link to missing file "gone.jpg"`},
		{"a misspelt argument",
			`{{< figure scr="photo.jpg" >}}`, "",
			`content/a/page.md:1: shortcode "figure" has no argument "scr"`},
		{"a width with a unit",
			`{{< figure src="photo.jpg" alt="X" width="600px" >}}`, "",
			`content/a/page.md:1: shortcode "figure": width="600px" is not a number`},
		{"details with markdown inside",
			"{{% details summary=\"The *whole* letter\" open=true class=\"letter\" name=\"g\" title=\"T\" %}}\nDear **sir**,\n{{% /details %}}",
			`<details class="letter" name="g" open title="T"><summary>The <em>whole</em> letter</summary><p>Dear <strong>sir</strong>,</p></details>`, ""},
		{"details with text inside",
			"{{< details >}}a <b> & b{{< /details >}}",
			`<details><summary>Details</summary>a &lt;b&gt; &amp; b</details>`, ""},
		{"details without a closing tag",
			"{{< details summary=\"x\" >}}", "",
			`content/a/page.md:1: shortcode "details": the call has no closing tag, so it has no text inside`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, probs := New(Options{}).Convert([]byte(tc.src), builtinContext())
			var got []string
			for _, p := range probs {
				got = append(got, p.Position()+": "+p.Message)
			}
			if g := strings.Join(got, "\n"); g != tc.problems {
				t.Errorf("problems:\n%s\nwant:\n%s", g, tc.problems)
			}
			if h := strings.TrimSpace(res.HTML); h != tc.html {
				t.Errorf("HTML:\n%s\nwant:\n%s", h, tc.html)
			}
		})
	}
}

// TestBuiltinGivesWay checks that a site's own figure.html replaces the
// built-in, as in Hugo.
func TestBuiltinGivesWay(t *testing.T) {
	ctx := builtinContext()
	ctx.HasShortcode = func(name string) bool { return name == "figure" }
	res, probs := New(Options{}).Convert([]byte(`{{< figure src="anything" >}}`), ctx)
	if len(probs) > 0 || strings.TrimSpace(res.HTML) != "<aside></aside>" {
		t.Errorf("got %q, problems %v; want the site's template's <aside></aside>", res.HTML, probs)
	}
}
