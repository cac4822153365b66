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
// missing; a quote that ends a quoted value early; text after a [list]
// or {group}. A quote that is never closed ends the search: the lines
// after it are its text.
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
		before, v := lineValue(l.text)
		if leftOpen(v) {
			return problem.Problem{}, false
		}
		if p, ok := valueMistake(file, offset+l.n, before, v); ok {
			return p, true
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

// valueMistake explains a value that YAML ends before its line does:
// 'Kozlov's trial', "The "best" trial", [Update] The trial. before is
// what comes before the value on its line, for the example.
func valueMistake(file string, line int, before, v string) (problem.Problem, bool) {
	if v == "" {
		return problem.Problem{}, false
	}
	var end int
	switch v[0] {
	case '"', '\'':
		end = quoteEnd(v)
	case '[', '{':
		end = flowEnd(v)
	default:
		return problem.Problem{}, false
	}
	if end < 0 {
		return problem.Problem{}, false
	}
	if rest := strings.TrimSpace(v[end+1:]); rest == "" || strings.ContainsRune("#:,]}", rune(rest[0])) {
		return problem.Problem{}, false
	}
	p := problem.Problem{File: file, Line: line}
	example := strings.TrimLeft(before, " \t")
	switch v[0] {
	case '\'':
		inner := strings.ReplaceAll(strings.TrimSuffix(v[1:], "'"), "''", "'")
		p.Message = "front matter is not valid YAML: an apostrophe inside '…' ends the value"
		p.Hint = "put the value in double quotes: " + example + quoteYAML(inner)
		if strings.Contains(inner, `"`) {
			p.Hint = "write each apostrophe inside '…' twice: " + example + quoteYAML(inner)
		}
	case '"':
		inner := strings.ReplaceAll(strings.TrimSuffix(v[1:], `"`), `\"`, `"`)
		p.Message = `front matter is not valid YAML: a double quote inside "…" ends the value`
		p.Hint = "put the value in single quotes: " + example + quoteYAML(inner)
	default:
		p.Message = fmt.Sprintf("front matter is not valid YAML: a value starting with %c needs quotes", v[0])
		p.Hint = "put the whole value in quotes: " + example + quoteYAML(v)
	}
	return p, true
}

// quoteYAML quotes text as a YAML value: in double quotes, or in single
// quotes (each ' written twice) when it holds a double quote or a
// backslash, which double quotes would read as an escape.
func quoteYAML(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
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

// flowEnd returns the index of the bracket that closes the [list] or
// {group} that v starts with, on this line, or -1. A quote opens a quoted
// item only where an item starts; "[it's]" is a list of one plain item.
func flowEnd(v string) int {
	depth, prev := 0, byte(0) // prev: the last byte before i that is not a space
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case (c == '"' || c == '\'') && strings.IndexByte("[{,:", prev) >= 0:
			e := quoteEnd(v[i:])
			if e < 0 {
				return -1
			}
			i += e
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth--; depth == 0 {
				return i
			}
		}
		if v[i] != ' ' {
			prev = v[i]
		}
	}
	return -1
}
