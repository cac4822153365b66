package markdown

import (
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/yuin/goldmark/util"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Hugo has shortcodes of its own that sites moved from it call: ref and
// relref (see builtinRef), figure and details. samizdat has the same,
// with Hugo's arguments and HTML, and a site's template of the same name
// (layouts/shortcodes/figure.html) replaces each, as in Hugo. Hugo's
// youtube, vimeo, x, instagram and gist are left out: they load another
// site into the page (see leftOut).

// builtin renders a call of a built-in shortcode the site has no
// template for. ok is false for any other call.
func (p *page) builtin(c *call, inner string) (html string, ok bool) {
	if p.siteHas(c.Name) {
		return "", false
	}
	switch c.Name {
	case "figure":
		return p.figure(c), true
	case "details":
		return p.details(c, inner), true
	}
	return "", false
}

// siteHas reports whether the site has a template for a shortcode.
func (p *page) siteHas(name string) bool {
	return p.ctx.HasShortcode != nil && p.ctx.HasShortcode(name)
}

// Builtins are the names of the shortcodes samizdat has without a
// template, for the list of a site's shortcodes in hints.
var Builtins = []string{"details", "figure", "ref", "relref"}

// figureArgs are the arguments of Hugo's figure.
var figureArgs = []string{"alt", "attr", "attrlink", "caption", "class", "height", "link", "loading", "rel", "src", "target", "title", "width"}

// figure is Hugo's figure: a picture with a caption, its src resolved
// and checked as a markdown image's is (a file beside the page, a page
// bundle's file, an address on the site; never another site's), its
// link and attrlink as a markdown link's are. Its HTML is Hugo's, without
// the whitespace:
//
//	<figure class="c"><a href="link" target="t" rel="r"><img src="s" alt="a" width="w" height="h" loading="l"></a>
//	<figcaption><h4>title</h4><p>caption<a href="attrlink">attr</a></p></figcaption></figure>
func (p *page) figure(c *call) string {
	if !p.builtinArgs(c, figureArgs, `{{< figure src="photo.jpg" alt="What it shows" caption="Who, where, when" >}}`) {
		return ""
	}
	arg := c.Named
	if arg["src"] == "" {
		p.problem(c.Line, `shortcode "figure" has no src`,
			`give the picture's file name: {{< figure src="photo.jpg" alt="What it shows" >}}`)
		return ""
	}
	t := &transform{p: p}
	src, ok := t.checkDest(arg["src"], c.Line, true)
	if !ok {
		return ""
	}
	if !p.numberArg(c, "width") || !p.numberArg(c, "height") || !p.oneOfArg(c, "loading", "lazy", "eager") {
		return ""
	}
	caption := p.inlineMarkdown(arg["caption"], c.Line)
	alt, hasAlt := arg["alt"]
	if !hasAlt {
		alt = plainText(caption) // Hugo's: the caption stands for the picture
	}
	if strings.TrimSpace(alt) == "" && !hasAlt {
		p.warn(c.Line, fmt.Sprintf("figure %q has no alt text", truncate(arg["src"], 80)),
			`describe what the picture shows, alt="Protesters in Zhanaozen, 16 December 2011", `+
				"so readers who cannot see it get it too; without it, screen readers skip the picture")
	}
	var b strings.Builder
	b.WriteString("<figure")
	attr(&b, "class", arg["class"])
	b.WriteString(">")
	link := ""
	if arg["link"] != "" {
		if link, ok = t.checkDest(arg["link"], c.Line, false); !ok {
			return ""
		}
		b.WriteString(`<a href="` + escapeURL(link) + `"`)
		attr(&b, "target", arg["target"])
		attr(&b, "rel", arg["rel"])
		b.WriteString(">")
	}
	b.WriteString(`<img src="` + escapeURL(src) + `" alt="` + html.EscapeString(alt) + `"`)
	for _, k := range []string{"width", "height", "loading"} {
		attr(&b, k, arg[k])
	}
	b.WriteString(">")
	if link != "" {
		b.WriteString("</a>")
	}
	title, attribution := arg["title"], p.inlineMarkdown(arg["attr"], c.Line)
	if title != "" || caption != "" || attribution != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<h4>" + html.EscapeString(title) + "</h4>")
		}
		if caption != "" || attribution != "" {
			b.WriteString("<p>" + caption)
			if caption != "" && attribution != "" {
				b.WriteString(" ") // Hugo's has a line break there when the credit is linked
			}
			if p.figureCredit(&b, t, c, attribution) {
				return ""
			}
			b.WriteString("</p>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

// figureCredit writes the credit (attr), linked to attrlink when there
// is one, and reports whether attrlink was refused.
func (p *page) figureCredit(b *strings.Builder, t *transform, c *call, attribution string) (refused bool) {
	if c.Named["attrlink"] == "" {
		b.WriteString(attribution)
		return false
	}
	dest, ok := t.checkDest(c.Named["attrlink"], c.Line, false)
	if !ok {
		return true
	}
	b.WriteString(`<a href="` + escapeURL(dest) + `">` + attribution + "</a>")
	return false
}

// builtinArgs checks a built-in's arguments: named, each one it knows.
// example is a correct call, for the hint.
func (p *page) builtinArgs(c *call, known []string, example string) bool {
	if len(c.Positional) > 0 {
		p.problem(c.Line, fmt.Sprintf("shortcode %q takes named arguments, not %q", c.Name, truncate(c.Positional[0], 40)),
			"write each as name=\"value\": "+example)
		return false
	}
	var unknown []string
	for k := range c.Named {
		if !contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return true
	}
	sort.Strings(unknown)
	hint := fmt.Sprintf("%s takes %s", c.Name, strings.Join(known, ", "))
	if near, ok := problem.Nearest(unknown[0], known); ok {
		hint = "did you mean " + near + "? " + hint
	}
	p.problem(c.Line, fmt.Sprintf("shortcode %q has no argument %q", c.Name, unknown[0]), hint)
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// numberArg checks that argument k, when given, is a whole number (of
// pixels).
func (p *page) numberArg(c *call, k string) bool {
	v := c.Named[k]
	if v == "" || strings.Trim(v, "0123456789") == "" {
		return true
	}
	p.problem(c.Line, fmt.Sprintf("shortcode %q: %s=%q is not a number", c.Name, k, truncate(v, 40)),
		fmt.Sprintf("give the %s in pixels, without a unit: %s=\"600\"", k, k))
	return false
}

// oneOfArg checks that argument k, when given, is one of values.
func (p *page) oneOfArg(c *call, k string, values ...string) bool {
	v := c.Named[k]
	if v == "" || contains(values, v) {
		return true
	}
	p.problem(c.Line, fmt.Sprintf("shortcode %q: %s=%q is not one of %s", c.Name, k, truncate(v, 40), strings.Join(values, ", ")),
		fmt.Sprintf("write %s=%q, or leave it out", k, values[0]))
	return false
}

// attr writes ` k="v"` when v is not empty.
func attr(b *strings.Builder, k, v string) {
	if v != "" {
		b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
	}
}

// escapeURL writes a checked destination as goldmark writes a link's.
func escapeURL(dest string) string {
	return string(util.EscapeHTML(util.URLEscape([]byte(dest), true)))
}

// inlineMarkdown renders a short argument (a caption, a credit, a
// summary) as markdown, as Hugo's markdownify does: one paragraph loses
// its <p>. Its links are checked as the page's are.
func (p *page) inlineMarkdown(s string, line int) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	out := strings.TrimSpace(p.render([]node{{text: s, line: line}}, true))
	if inner, ok := strings.CutPrefix(out, "<p>"); ok && strings.HasSuffix(inner, "</p>") && !strings.Contains(inner, "<p>") {
		out = strings.TrimSuffix(inner, "</p>")
	}
	return out
}

// plainText is HTML without its tags, its entities decoded, as Hugo's
// plainify gives it.
func plainText(h string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		h = h[i+j+1:]
	}
	return html.UnescapeString(b.String())
}
