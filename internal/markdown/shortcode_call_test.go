package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// Each call tells its template where it is: its line and column, the
// call it is written in and its index among that call's calls (or the
// page's), as Hugo's .Position, .Parent and .Ordinal do. Hugo 0.165 gives
// the same ordinals for this page: escapes are not calls, a ref is one,
// and the calls inside a {{% %}} call count from 0 again. Calls run
// innermost first, so a call's parent has no Inner yet.
func TestShortcodeCallPlace(t *testing.T) {
	src := "Text {{< a >}} and {{</* a */>}} shown.\n" + // 1
		"\n" +
		"{{< box >}}\n" + // 3
		"  one {{< a x >}} two {{< a y=\"1\" >}}\n" + // 4
		"  {{% box k=\"v\" %}}deep {{< a >}}{{% /box %}}\n" + // 5
		"{{< /box >}}\n" +
		"\n" +
		"{{% box %}}\n" + // 8
		"**md** {{< a >}}\n" +
		"{{% /box %}}\n" +
		"\n" +
		"See [c]({{< ref \"clashes.md\" >}}).\n" +
		"\n" +
		"Жаңаөзен {{< a >}}\n" // 14
	ctx := testContext()
	var got []string
	ids := map[int]string{}
	ctx.Shortcode = func(sc Shortcode) (string, error) {
		where := fmt.Sprintf("%s#%d@%d:%d", sc.Name, sc.Ordinal, sc.Line, sc.Column)
		if prev, ok := ids[sc.ID]; ok {
			t.Errorf("%s has the ID of %s", where, prev)
		}
		ids[sc.ID] = where
		for q := sc.Parent; q != nil; q = q.Parent {
			if q.Inner != "" {
				t.Errorf("%s: parent %s has an Inner before it ran: %q", where, q.Name, q.Inner)
			}
			where += fmt.Sprintf(" in %s#%d@%d:%d(%s)", q.Name, q.Ordinal, q.Line, q.Column, q.Named["k"])
		}
		got = append(got, where)
		return "[" + sc.Name + "]", nil
	}
	if _, probs := New(Options{}).Convert([]byte(src), ctx); len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	off := ctx.LineOffset
	want := []string{
		fmt.Sprintf("a#0@%d:6", 1+off),
		fmt.Sprintf("a#0@%d:7 in box#1@%d:1()", 4+off, 3+off),
		fmt.Sprintf("a#1@%d:23 in box#1@%d:1()", 4+off, 3+off),
		fmt.Sprintf("a#0@%d:25 in box#2@%d:3(v) in box#1@%d:1()", 5+off, 5+off, 3+off),
		fmt.Sprintf("box#2@%d:3 in box#1@%d:1()", 5+off, 3+off),
		fmt.Sprintf("box#1@%d:1", 3+off),
		fmt.Sprintf("a#0@%d:8 in box#2@%d:1()", 9+off, 8+off),
		fmt.Sprintf("box#2@%d:1", 8+off),
		fmt.Sprintf("a#4@%d:10", 14+off), // in characters: 18 in bytes, Hugo's count
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("calls ran as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A call's Indent is what is before it on its line when that is only
// spaces and tabs: what Hugo's .InnerDeindent takes off its lines.
func TestShortcodeCallIndent(t *testing.T) {
	src := "- item\n\n    {{< code >}}\n    a\n      b\n    {{< /code >}}\n\nx {{< code >}}c{{< /code >}}\n"
	ctx := testContext()
	var got []string
	ctx.Shortcode = func(sc Shortcode) (string, error) {
		got = append(got, fmt.Sprintf("%q", sc.Indent))
		return "", nil
	}
	New(Options{}).Convert([]byte(src), ctx)
	if want := `"    " ""`; strings.Join(got, " ") != want {
		t.Errorf("indents = %s, want %s", strings.Join(got, " "), want)
	}
}
