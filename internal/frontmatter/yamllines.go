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

// lineMistake finds, in the front matter's lines up to line last (where
// go-yaml gave up), the first mistake that go-yaml names badly: the
// page's text, read as front matter because the closing "---" is
// missing. A quote that is never closed ends the search: the lines after
// it are its text.
func lineMistake(file string, src []byte, offset, last int) (problem.Problem, bool) {
	lastKey := 0
	for _, l := range yamlLines(src) {
		if l.n > last {
			break
		}
		if pageText(l) {
			n := offset + lastKey
			return problem.Problem{
				File: file, Line: offset + l.n,
				Message: fmt.Sprintf("this looks like the page's text: is the closing --- missing after line %d?", n),
				Hint:    fmt.Sprintf("end the front matter with a line of only --- after line %d, before the page's text", n),
			}, true
		}
		if _, v := lineValue(l.text); leftOpen(v) {
			return problem.Problem{}, false
		}
		lastKey = l.n
	}
	return problem.Problem{}, false
}

// pageText tells whether a line is more likely the page's text than a
// front matter line missing its colon: not indented, no "key: ", not
// starting with a known key, and a sentence, or words after a blank line.
func pageText(l yamlLine) bool {
	s := strings.TrimRight(l.text, " \t")
	if s == "" || strings.ContainsRune(" \t-", rune(s[0])) {
		return false
	}
	if k, after, ok := strings.Cut(s, ":"); ok && !strings.ContainsAny(k, " \t") && (after == "" || after[0] == ' ') {
		return false
	}
	words := strings.Fields(s)
	if _, _, known := canonical(strings.Trim(words[0], `"':`), nil); known {
		return false
	}
	sentence := strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "…")
	return sentence && len(words) >= 2 || l.afterBlank && len(words) >= 4
}

// leftOpen reports whether the value v opens a quote that its line does
// not close.
func leftOpen(v string) bool {
	return v != "" && (v[0] == '"' || v[0] == '\'') && quoteEnd(v) < 0
}

// quoteEnd returns the index of the quote that closes the quoted value v,
// which starts with its quote mark, on this line, or -1: " with \"
// escapes, ' with a doubled ' inside.
func quoteEnd(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}
