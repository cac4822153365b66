package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// slowLimit is how long rendering n bytes may take before it counts as
// the slowness the guard is for: d, or 50 times what n bytes of plain
// prose take right now if that is more. The inputs the guard stops take
// seconds to minutes where prose takes milliseconds; the floor of 50
// times prose keeps a machine busy with other test runs (under the race
// detector, CI's runs took ten times as long) from failing content that
// renders as fast as prose.
func slowLimit(c *Converter, n int, d time.Duration) time.Duration {
	prose := strings.Repeat("Some plain words in a sentence. ", n/32+1)
	start := time.Now()
	c.Convert([]byte(prose), Context{File: "content/prose.md"})
	return max(d, 50*time.Since(start))
}

// lines joins n lines made by line(i), i from 1.
func lines(n int, line func(i int) string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(line(i))
		b.WriteByte('\n')
	}
	return b.String()
}

// convertWithin renders src, failing the test if that takes longer than
// slowLimit(d).
func convertWithin(t *testing.T, d time.Duration, src string) (Result, []string) {
	t.Helper()
	c := New(Options{})
	limit := slowLimit(c, len(src), d)
	start := time.Now()
	res, probs := c.Convert([]byte(src), Context{File: "content/x.md"})
	if took := time.Since(start); took > limit {
		t.Errorf("Convert took %v; want under %v", took, limit)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	return res, msgs
}

// Content goldmark renders quickly passes the guard, however many '*',
// '_' and '`' it holds where they cannot make emphasis or leave a code
// span open: inside words, code, link addresses, table cells of their
// own.
func TestGuardPassesOrdinaryContent(t *testing.T) {
	cases := map[string]string{
		"table of file names": "| File |\n|---|\n" + lines(1100, func(i int) string {
			return fmt.Sprintf("| report_%d_final_v2.pdf |", i)
		}),
		"list of links": lines(800, func(i int) string {
			return fmt.Sprintf("- [Source %d](https://example.org/some_path_to_doc_%d)", i, i)
		}),
		"paragraph of code spans": strings.Repeat("`my_var_1_x` and ", 1100) + "\n",
		"indented code":           "An example:\n\n" + lines(1600, func(int) string { return "    x = a*b*c" }),
		"table with bold": "| Name | Note |\n| --- | :-: |\n" + lines(1500, func(i int) string {
			return fmt.Sprintf("| **Name %d** | seen _twice_ |", i)
		}),
		"table without outer pipes": "Name | Note\n--- | ---\n" + lines(1500, func(i int) string {
			return fmt.Sprintf("**Name %d** | *seen*", i)
		}),
		"list of linked names": lines(5000, func(i int) string {
			return fmt.Sprintf("- item **%d** [source](https://example.org/%d)", i, i)
		}),
		"table of links": "| a | b |\n|---|---|\n" + lines(5000, func(i int) string {
			return fmt.Sprintf("| **x%d** | [y](https://example.org/%d) |", i, i)
		}),
		"list of bold names": lines(3000, func(i int) string { return fmt.Sprintf("- **Name %d**: detained", i) }),
		"snake_case words":   strings.Repeat("the file_name of a snake_case_variable ", 5000) + "\n",
		"fenced code":        "```go\n" + lines(5000, func(int) string { return "x := *p_ * `q`" }) + "```\n",
		// A fence in a list item is counted as text (see guard.unsure);
		// code of a realistic length still passes.
		"fenced code in a list": "- Run it:\n\n  ```sh\n" + lines(500, func(int) string { return "  echo *_`" }) + "  ```\n",
		"emphasis in many paragraphs": lines(500, func(int) string {
			return strings.Repeat("Some *emphasised* words and **strong** ones. ", 10) + "\n"
		}),
		"code spans of two lengths": strings.Repeat("`a` and ``b ` c`` ", 3000) + "\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			if line, msg := checkComplexity(src); msg != "" {
				t.Fatalf("refused at line %d: %s", line, msg)
			}
			res, probs := convertWithin(t, 5*time.Second, src)
			if len(probs) > 0 || res.HTML == "" {
				t.Errorf("problems %v, %d bytes of HTML", probs, len(res.HTML))
			}
		})
	}
}

// Inputs that take goldmark from a second to half a minute are refused,
// and quickly; among them the ways around a guard that counts by
// paragraph: many paragraphs, marks it did not count, and text that looks
// like code, a table or a new list item to a careless reader but is one
// long paragraph to goldmark.
func TestGuardStopsSlowInputs(t *testing.T) {
	starsAndUnderscores := func(n int) string { return strings.Repeat("*a_ ", n) }
	// 30 000 lines of them, each after prefix, are 4 s of goldmark's time
	// when they make one paragraph.
	marks := func(prefix string) string { return lines(30000, func(int) string { return prefix + "*a_ " }) }
	cases := map[string]string{
		"mismatched marks":                  starsAndUnderscores(50000),
		"many paragraphs":                   strings.Repeat(starsAndUnderscores(1499)+"\n\n", 170),
		"tildes":                            strings.Repeat("~a ", 300000) + strings.Repeat("a_ ", 2900),
		"underscores inside words":          strings.Repeat("a_a", 300000) + strings.Repeat(" a*", 2900),
		"indented fence":                    "a\n    ```\n" + marks("    "),
		"table after a definition":          "[a]: /u\n|-|\n" + marks("| "),
		"table after a two-line definition": "[a]:\n/u\n|-|\n" + marks("| "),
		"table after HTML":                  "<pre>\na | b</pre>\n|-|\n" + marks("| "),
		"indented list marker":              "*a_\n" + marks("    - "),
		"numbered lines":                    "x\n" + marks("2. "),
		"empty list items":                  "x\n" + strings.Repeat("*a_ \n* \n", 15000),
		"indented quote marks":              "x\n" + strings.Repeat("*a_ \n    >\n", 15000),
		"indented quote, then a list":       "x\n" + marks("    > - "),
		"quote after a table":               "| a |\n|---|\n| b |\n> *a_\n" + marks(""),
		"footnote paragraph":                "[^1]: x\n\n" + marks("    "),
		"list item paragraph":               "- x\n\n" + marks("    "),
		"list item paragraph, tabs":         "- x\n\n" + marks("  \t"),
		"definition paragraph":              "term\n: x\n\n" + marks("    "),
		"tilde fence inside a fence":        "  ```\n~~~\n```\n" + marks(""),
		"fence closed less indented":        "  ```\n```\n" + marks(""),
		"fence in an HTML block":            "<div>\n```\n\n" + marks(""),
		"fence in a pre block":              "<pre>\n```\n</pre>\n" + marks(""),
		"fence in a comment":                "<!--\n\n```\n-->\n" + marks(""),
		"fence in a quote in a list":        "- a\n  > ```\n" + marks("> "),
		"brackets in many paragraphs":       strings.Repeat(strings.Repeat("[", 2999)+"a"+strings.Repeat("]", 2999)+"\n\n", 150),
		"unclosed links in many paragraphs": strings.Repeat(strings.Repeat("[a](<b", 2999)+"\n\n", 100),
		"backtick runs":                     risingBackticks(MaxBodyBytes - 20000),
		"backtick runs in many paragraphs":  strings.Repeat(risingBackticks(600000)+"\n\n", 3),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			if len(src) > MaxBodyBytes {
				t.Fatalf("the input is %d bytes, more than MaxBodyBytes", len(src))
			}
			if _, msg := checkComplexity(src); msg == "" {
				t.Fatal("not refused")
			}
			if _, probs := convertWithin(t, 5*time.Second, src); len(probs) != 1 {
				t.Errorf("problems = %v; want one", probs)
			}
		})
	}
}

// The problem says which marks are too many, at the line where the page
// goes past the limit.
func TestGuardSaysWhatAndWhere(t *testing.T) {
	for _, c := range []struct {
		src  string
		line int
		msg  string
	}{
		{"# Title\n\n" + strings.Repeat("*a_ ", 50000), 3, "too many '*', '_' or '~'"},
		{"intro\n\n" + risingBackticks(MaxBodyBytes/2), 3, "runs of '`' that no run of the same length closes"},
	} {
		line, msg := checkComplexity(c.src)
		if line != c.line || !strings.Contains(msg, c.msg) {
			t.Errorf("checkComplexity(%.30q…) = %d, %q; want line %d and %q", c.src, line, msg, c.line, c.msg)
		}
	}
}

// risingBackticks is text between ever longer runs of '`', size bytes or
// a little more.
func risingBackticks(size int) string {
	var b strings.Builder
	for i := 1; b.Len() < size; i++ {
		b.WriteString("e" + strings.Repeat("`", i))
	}
	return b.String()
}
