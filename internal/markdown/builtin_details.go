package markdown

import (
	"fmt"
	"strings"
)

// detailsArgs are the arguments of Hugo's details.
var detailsArgs = []string{"class", "name", "open", "summary", "title"}

// details is Hugo's details: a part of the page the reader opens by
// clicking its summary, which is markdown ("Details" when not given).
// inner is the call's inner: markdown rendered for {{% %}}, the text
// for {{< >}}. Its HTML is Hugo's, without the whitespace:
//
//	<details class="c" name="n" open title="t"><summary>summary</summary>inner</details>
func (p *page) details(c *call, inner string) string {
	if !p.builtinArgs(c, detailsArgs, `{{% details summary="The whole letter" %}}…{{% /details %}}`) {
		return ""
	}
	if !c.HasInner && !c.SelfClosed {
		p.problem(c.Line, `shortcode "details": the call has no closing tag, so it has no text inside`,
			"end the text it wraps with {{% /details %}}")
		return ""
	}
	open := false
	switch v := strings.ToLower(c.Named["open"]); v {
	case "", "false", "0":
	case "true", "1":
		open = true
	default:
		p.problem(c.Line, fmt.Sprintf(`shortcode "details": open=%q is neither true nor false`, truncate(c.Named["open"], 40)),
			`write open=true to show the text when the page opens, or leave it out`)
		return ""
	}
	summary := p.inlineMarkdown(c.Named["summary"], c.Line)
	if summary == "" {
		summary = "Details"
	}
	var b strings.Builder
	b.WriteString("<details")
	attr(&b, "class", c.Named["class"])
	attr(&b, "name", c.Named["name"])
	if open {
		b.WriteString(" open")
	}
	attr(&b, "title", c.Named["title"])
	b.WriteString("><summary>" + summary + "</summary>" + inner + "</details>")
	return b.String()
}
