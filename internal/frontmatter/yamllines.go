package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
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
// there, and says so at another line, or not at all. Only a line that
// stands where a key of a mapping would is read so; in a list item, or a
// line that goes on from a value, the same text is valid YAML, and is
// named only when YAML, whose error is yamlErr, fails at that line or the
// next.
func colonThenInvisible(file string, src []byte, offset int, yamlErr error) (problem.Problem, bool) {
	if bytes.IndexFunc(src, invisible) < 0 {
		return problem.Problem{}, false // nearly every page: nothing to look for
	}
	failed := -1
	if yamlErr != nil {
		failed, _ = yamlErrorLine(src, yamlErr)
	}
	lines := yamlLines(src)
	atKey := keyPlaces(lines)
	for i, l := range lines {
		s := strings.TrimPrefix(strings.TrimLeft(l.text, " \t"), "- ")
		key, after, ok := strings.Cut(s, ":")
		if !ok || key == "" || strings.ContainsAny(key, " \t\"'") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(after)
		if !invisible(r) || !atKey[i] && failed != l.n && failed != l.n+1 {
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

// keyPlaces tells, for each of lines, whether it stands where a key of a
// mapping starts: at the indentation of the keys around it, or further in
// under a key without a value. A list item, a line that goes on from a
// plain value (indented further than its key), and the lines of a quoted
// value or a [list] or {group} that runs over several lines are not.
func keyPlaces(lines []yamlLine) []bool {
	out := make([]bool, len(lines))
	var levels []int // the indentation of each mapping open at this line
	child := false   // the line before is a key without a value
	goesOn := -1     // the indentation of the line whose plain value later lines may go on from
	var quote byte   // the quote mark of a quoted value left open
	flow := 0        // brackets of a [list] or {group} left open
	for i, l := range lines {
		t := strings.TrimLeft(l.text, " ")
		indent := len(l.text) - len(t)
		switch {
		case quote != 0:
			if strings.IndexByte(t, quote) >= 0 {
				quote = 0
			}
			continue
		case flow > 0:
			flow += brackets(t)
			continue
		case goesOn >= 0 && indent > goesOn:
			continue
		}
		goesOn = -1
		if child && (len(levels) == 0 || indent > levels[len(levels)-1]) || len(levels) == 0 {
			levels = append(levels, indent)
		}
		for len(levels) > 1 && levels[len(levels)-1] > indent {
			levels = levels[:len(levels)-1]
		}
		item := t == "-" || strings.HasPrefix(t, "- ")
		out[i] = !item && levels[len(levels)-1] == indent
		child = false
		before, v := lineValue(l.text)
		hasKey := strings.HasSuffix(strings.TrimSpace(before), ":") || strings.HasSuffix(v, ":")
		keyIndent := indent
		if item && hasKey {
			keyIndent = indent + len(t) - len(strings.TrimLeft(t[1:], " ")) + 1
			levels = append(levels, keyIndent) // "- name: x": the item is a mapping
		}
		switch {
		case hasKey && (v == "" || strings.HasSuffix(v, ":") && !strings.Contains(v, " ")):
			child = true
		case leftOpen(v):
			quote = v[0]
		case v != "" && (v[0] == '[' || v[0] == '{') && flowEnd(v) < 0:
			flow = brackets(v)
		default:
			goesOn = keyIndent
		}
	}
	return out
}

// brackets returns how many more [ and { than ] and } the text s has.
func brackets(s string) int {
	return strings.Count(s, "[") + strings.Count(s, "{") - strings.Count(s, "]") - strings.Count(s, "}")
}

// lineMistake finds, in the front matter's lines up to line last (where
// go-yaml gave up), the first mistake that go-yaml names badly: the
// page's text, read as front matter because the closing "---" is
// missing; a quote that ends a quoted value early; text after a [list]
// or {group}. A quote that is never closed ends the search: the lines
// after it are its text.
func lineMistake(file string, src []byte, offset, last int, taxonomies []string) (problem.Problem, bool) {
	lastKey := 0
	lines := yamlLines(src)
	for i, l := range lines {
		if l.n > last {
			break
		}
		keysFollow := slices.ContainsFunc(lines[i+1:], func(k yamlLine) bool { return keyLine(k.text, taxonomies) })
		knownFollow := slices.ContainsFunc(lines[i+1:], func(k yamlLine) bool { return knownKeyLine(k.text, taxonomies) })
		j := wrappedFrom(lines[:i+1])
		if pageText(l) && (keysFollow && j >= 0 || knownFollow) {
			return textAmongKeys(file, offset, lines[:i+1], knownFollow), true
		}
		if keysFollow && l.n == last && j >= 0 && (wrapsLong(lines[j]) || !strings.ContainsRune(l.text, ':') && !startsWithKnownKey(l.text, taxonomies)) {
			// Words without a full stop or a colon after a value: a
			// value wrapped after a long line, or after a short one a
			// wrap or a key missing its colon; "date 2012-11-21" is the
			// latter, and missingColon below says so.
			return textAmongKeys(file, offset, lines[:i+1], knownFollow), true
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

// textAmongKeys explains a line of text, the last of lines, that keys
// follow, so that the front matter is closed further down: most often a
// value that goes on to the next line without its indentation, as a long
// description wraps in an editor. Adding the --- that "closing ---
// missing?" would ask for there would publish the keys after it as text.
// When the value's line is short, the wrap is one reading among others:
// a key missing its colon ("author Ana Petrova"), or, when no known key
// follows (knownFollow false), the page's text with the closing ---
// missing and a "Note: …" of the text taken for a key. The hint then
// gives both ways out, the likelier first.
func textAmongKeys(file string, offset int, lines []yamlLine, knownFollow bool) problem.Problem {
	l := lines[len(lines)-1]
	j := wrappedFrom(lines)
	if j < 0 {
		return problem.Problem{
			File: file, Line: offset + l.n,
			Message: "front matter is not valid YAML: this line is neither a key nor part of a value, and keys follow it",
			Hint: "if it is the page's text, move it below the front matter's closing ---; " +
				"if it goes on from the value above, indent it by two spaces",
		}
	}
	before, _ := lineValue(lines[j].text)
	key, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(before), "- "), ":")
	indent := len(before) - len(strings.TrimLeft(before, " ")) + 2
	wrapped := fmt.Sprintf("if it goes on from the value of %s (line %d), indent it by %d spaces", key, offset+lines[j].n, indent)
	neither := problem.Problem{File: file, Line: offset + l.n,
		Message: "front matter is not valid YAML: this line is neither a key nor part of a value"}
	if !wrapsLong(lines[j]) {
		if k, v, ok := keyWithoutColon(l.text); ok && !pageText(l) {
			neither.Hint = fmt.Sprintf("%s; if %s is a key, write a colon after it: %s", wrapped, k, keyValue(k, v))
			return neither
		}
		if !knownFollow && pageText(l) {
			n := offset + lines[len(lines)-2].n
			neither.Hint = fmt.Sprintf("%s; if it is the page's text, end the front matter with a line of only --- after line %d, before it", wrapped, n)
			return neither
		}
	}
	return problem.Problem{
		File: file, Line: offset + l.n,
		Message: fmt.Sprintf("front matter is not valid YAML: the value of %s (line %d) goes on to this line, "+
			"but a value that goes on to the next line must be indented", key, offset+lines[j].n),
		Hint: fmt.Sprintf("indent this line by %d spaces, or keep the value of %s on one line, or put the whole value in quotes",
			indent, key),
	}
}

// wrapsLong tells whether a key line is long enough that an editor would
// wrap it: the line after it then most likely goes on with its value.
func wrapsLong(l yamlLine) bool { return len(l.text) >= 50 }

// startsWithKnownKey tells whether a line is a known front matter key
// and a value of its kind, written without the colon: a date for a date
// ("date 2012-11-21"), true or false, a number for weight, one word for
// a key whose value is one (slug, url, layout…) or for a taxonomy ("tags
// zhanaozen"), a whole quoted value or a list for any key (`linkTitle
// "Functions"`, "tags - zhanaozen"). Free text after a key's name is as
// likely a value that goes on: keys are plain words ("summary verdicts",
// "people were killed in the square").
func startsWithKnownKey(s string, taxonomies []string) bool {
	k, v, ok := keyWithoutColon(s)
	if !ok {
		return false
	}
	name, taxonomy, known := canonical(k, taxonomies)
	if !known {
		return false
	}
	v = strings.TrimSpace(v)
	if item, isItem := strings.CutPrefix(v, "- "); isItem {
		v = strings.TrimSpace(item)
	}
	oneWord := v != "" && !strings.ContainsAny(v, " \t")
	switch name {
	case "date", "lastmod", "publishDate", "expiryDate":
		return v != "" && v[0] >= '0' && v[0] <= '9'
	case "draft", "toc":
		return strings.EqualFold(v, "true") || strings.EqualFold(v, "false")
	case "weight":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case "slug", "url", "layout", "type", "translationKey", "image", "aliases":
		return oneWord || quotedWhole(v)
	}
	return quotedWhole(v) || taxonomy && oneWord
}

// keyWithoutColon splits a line written like a key and its value
// without the colon ("author Ana Petrova") into the two.
func keyWithoutColon(s string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(strings.TrimSpace(s), " ")
	if !ok || !keyName(key) {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}

// wrappedFrom returns the index in lines of the key line whose plain
// value the last of lines, unindented and not a key, would go on from,
// over lines like it with no blank line between; or -1.
func wrappedFrom(lines []yamlLine) int {
	if t := lines[len(lines)-1].text; t[0] == ' ' || t[0] == '\t' {
		return -1
	}
	for j := len(lines) - 2; j >= 0; j-- {
		if lines[j+1].afterBlank {
			return -1 // a value wraps; a blank line ends a paragraph
		}
		before, v := lineValue(lines[j].text)
		key, _, isKey := strings.Cut(strings.TrimPrefix(strings.TrimSpace(before), "- "), ":")
		if !isKey || strings.ContainsAny(key, " \t\"'") {
			if strings.HasPrefix(strings.TrimLeft(lines[j].text, " \t"), "-") {
				return -1 // a list item
			}
			continue // an earlier line of the same value
		}
		if v == "" || strings.ContainsRune("\"'[{|>&*!", rune(v[0])) {
			return -1
		}
		return j
	}
	return -1
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
	switch {
	case (v[0] == '"' || v[0] == '\'') && v[end+1] == ' ' && v[len(v)-1] != v[0]:
		// "Zhanaozen" massacre remembered: the quotes are the value's own.
		p.Message = fmt.Sprintf("front matter is not valid YAML: the value starts with a quoted part, %s, "+
			"followed by more text, and YAML ends the value at the quote that closes that part", v[:end+1])
		p.Hint = "put the whole value, its own quotes included, in quotes: " + example + quoteYAML(v)
	case v[0] == '\'':
		inner := strings.ReplaceAll(strings.TrimSuffix(v[1:], "'"), "''", "'")
		p.Message = "front matter is not valid YAML: an apostrophe inside '…' ends the value"
		p.Hint = "put the value in double quotes: " + example + quoteYAML(inner)
		if strings.Contains(inner, `"`) {
			p.Hint = "write each apostrophe inside '…' twice: " + example + quoteYAML(inner)
		}
	case v[0] == '"':
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
