package frontmatter

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// yamlLine is a line of YAML front matter that YAML reads as keys and
// values: not blank, not a comment, not the text of a "|" or ">" block.
type yamlLine struct {
	n          int    // 1-based, in the front matter
	text       string // as written
	afterBlank bool   // a blank line or a comment ("# Heading" in markdown) comes before it
}

var blockIndicatorRE = regexp.MustCompile(`^[|>][-+1-9]*(\s+#.*)?$`)

// yamlLines returns the lines of YAML text src that hold keys and values.
func yamlLines(src []byte) []yamlLine {
	var out []yamlLine
	block := -1 // indentation of the line whose "|" or ">" block is being read
	afterBlank := false
	for i, l := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case block >= 0 && (t == "" || indent > block):
			continue
		case t == "" || t[0] == '#':
			block, afterBlank = -1, true
			continue
		}
		out = append(out, yamlLine{n: i + 1, text: l, afterBlank: afterBlank})
		block, afterBlank = -1, false
		if _, v := lineValue(l); blockIndicatorRE.MatchString(v) {
			block = indent
		}
	}
	return out
}

// lineValue cuts a line of YAML into what comes before its value (the
// indentation, "- " and "key: ") and the value, without surrounding
// spaces. A line that starts with a quote is all value.
func lineValue(line string) (before, v string) {
	v = strings.TrimLeft(line, " \t")
	if rest, ok := strings.CutPrefix(v, "- "); ok {
		v = strings.TrimLeft(rest, " \t") // a list item
	}
	if k := strings.Index(v, ": "); k >= 0 && !strings.HasPrefix(v, `"`) && !strings.HasPrefix(v, "'") {
		v = strings.TrimLeft(v[k+2:], " \t")
	}
	return line[:len(line)-len(v)], strings.TrimRight(v, " \t")
}

// colonThenInvisible finds a key whose colon is followed by an invisible
// character where a space should be ("title:" and a non-breaking space,
// which Word and a Mac's Option-Space type): YAML does not see a key
// there, and says so at another line, or not at all.
func colonThenInvisible(file string, src []byte, offset int) (problem.Problem, bool) {
	for _, l := range yamlLines(src) {
		s := strings.TrimPrefix(strings.TrimLeft(l.text, " \t"), "- ")
		key, after, ok := strings.Cut(s, ":")
		if !ok || key == "" || strings.ContainsAny(key, " \t\"'") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(after)
		if !invisible(r) {
			continue
		}
		name := invisibleNames[r]
		if name == "" {
			name = "an invisible formatting character"
		}
		return problem.Problem{
			File: file, Line: offset + l.n,
			Message: fmt.Sprintf("front matter is not valid YAML: after %s: comes %s (U+%04X), not a plain space, so %s is not read as a key",
				key, name, r, key),
			Hint: fmt.Sprintf("delete what is between %s: and the value and type one plain space "+
				"(word processors, and Option-Space on a Mac, type non-breaking spaces)", key),
		}, true
	}
	return problem.Problem{}, false
}
