package markdown

import (
	"strings"
	"testing"
)

// Curly quotes typed by a word processor, and a tag whose end lost its
// '>', are each one problem saying what happened, at the call's line;
// neither is "mixes named and positional arguments", and no call is
// published with curly quotes in its values.
func TestShortcodeCurlyQuotesAndBrokenEnd(t *testing.T) {
	const curlyHint = " (word processors and some editors turn them curly)"
	for _, tc := range []struct {
		src, message, hint string
	}{
		{"a\n\n{{< args by=“Amnesty International” source=\"AI-2012\" >}}\n",
			`shortcode "args": the value of by starts with a curly quote “`,
			`shortcode values need straight quotes, by="Amnesty International"` + curlyHint},
		{"a\n\n{{< args by=“Amnesty” >}}\n",
			`shortcode "args": the value of by starts with a curly quote “`,
			`shortcode values need straight quotes, by="Amnesty"` + curlyHint},
		{"a\n\n{{< args by=„Amnesty“ >}}\n",
			`shortcode "args": the value of by starts with a curly quote „`,
			`shortcode values need straight quotes, by="Amnesty"` + curlyHint},
		{"a\n\n{{< args title=«Свобода» >}}\n",
			`shortcode "args": the value of title starts with a curly quote «`,
			`shortcode values need straight quotes, title="Свобода"` + curlyHint},
		{"a\n\n{{< args ‘x’ >}}\n",
			`shortcode "args": a value starts with a curly quote ‘`,
			`shortcode values need straight quotes, "x"` + curlyHint},
		{"a\n\n{{< args by=\"x\" }}\ntext\n{{< /args >}}\n",
			`shortcode "args": the call is not closed with >}}`,
			`end it with >}}: {{< args by="x" >}}`},
		{"a\n\n{{< args by=\"x\" >}\ntext\n{{< /args >}}\n",
			`shortcode "args": the call is not closed with >}}`,
			`end it with >}}: {{< args by="x" >}}`},
		{"a\n\n{{% args x}}\ntext\n{{% /args %}}\n",
			`shortcode "args": the call is not closed with %}}`,
			`end it with %}}: {{% args x %}}`},
	} {
		res, probs := New(Options{}).Convert([]byte(tc.src), testContext())
		if len(probs) != 1 || probs[0].Position() != "content/a/page.md:5" || probs[0].Message != tc.message || probs[0].Hint != tc.hint {
			t.Errorf("%q: problems = %v; want one at content/a/page.md:5: %s\n    %s", tc.src, probs, tc.message, tc.hint)
		}
		if strings.Contains(res.HTML, "[args") {
			t.Errorf("%q: the call was published: %s", tc.src, res.HTML)
		}
	}
}

// Curly quotes inside straight ones are the value's own.
func TestShortcodeCurlyQuotesInsideAValue(t *testing.T) {
	res, probs := New(Options{}).Convert([]byte(`{{< args by="Amnesty “International”" >}}`), testContext())
	if len(probs) != 0 || !strings.Contains(res.HTML, "Amnesty “International”") {
		t.Errorf("problems = %v, HTML = %s", probs, res.HTML)
	}
}
