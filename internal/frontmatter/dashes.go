package frontmatter

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// dashNames name the characters that word processors, Google Docs and
// macOS put where "---" was typed ("—", "—-", "–-"), and their other
// look-alikes, in words a campaigner knows.
var dashNames = map[rune]string{
	'—': "an em dash (—)",
	'–': "an en dash (–)",
	'‒': "a figure dash (‒)",
	'―': "a horizontal bar (―)",
	'−': "a minus sign (−)",
	'‐': "a Unicode hyphen (‐)",
	'‑': "a non-breaking hyphen (‑)",
}

// lookAlikeDelimiter reports whether line is only dashes, hyphens and
// spaces without being the "---" that opens and closes YAML front matter.
// A lone "-" is left alone: in YAML it is an empty list item.
func lookAlikeDelimiter(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || t == "-" || t == "---" {
		return false
	}
	for _, r := range t {
		if r != '-' && dashNames[r] == "" && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// lookAlikeClose reports whether a line inside YAML front matter is a
// look-alike of its closing "---". Dashes at the start of a line are
// never YAML; indented, they may be the text of a "|" block.
func lookAlikeClose(line string) bool {
	return line != "" && line[0] != ' ' && line[0] != '\t' && lookAlikeDelimiter(line)
}

// lookAlikeProblem explains a line that stands where "---" should, saying
// which characters it holds instead: %q would show "\u2014", which says
// nothing to someone who typed three hyphens.
// more goes at the end of the hint.
func lookAlikeProblem(file string, line int, s, more string) problem.Problem {
	t := strings.TrimSpace(s)
	var names []string
	smart := false
	for _, r := range t {
		if n := dashNames[r]; n != "" && !slices.Contains(names, n) {
			names = append(names, n)
			smart = smart || r == '—' || r == '–'
		}
	}
	what, hint := strings.Join(names, " and "), "replace the line with three hyphens: ---"
	if what != "" {
		hint += "; if your editor turns them into a dash again, turn off its smart dashes " +
			"(Word: AutoCorrect Options; Mac: Edit > Substitutions) or use a plain text editor"
	}
	switch {
	case smart:
		what += ", which word processors make of ---"
	case what == "" && strings.ContainsFunc(t, unicode.IsSpace):
		what = fmt.Sprintf("%d hyphens with spaces between them", strings.Count(t, "-"))
	case what == "":
		what = fmt.Sprintf("%d hyphens", strings.Count(t, "-"))
	}
	return problem.Problem{
		File: file, Line: line, Col: 1,
		Message: "front matter must start and end with a line of exactly three hyphens, ---, but this line has " + what,
		Hint:    hint + more,
	}
}

// lookAlikeOpen reports a file that starts with a line of dashes other
// than "---" followed by what can only be a front matter key: without the
// right opening line the whole front matter, draft: true included, would
// be published as the page's text. A horizontal rule followed by prose
// stays a horizontal rule: after a line markdown draws as a rule ("----",
// "- - -"), the key must be a known one, or two keys must come before a
// closing line, as "Note: the court sat." after a rule is prose. A look-alike closing line is reported too, so
// that one build names both.
func lookAlikeOpen(file string, text []byte, taxonomies []string) []problem.Problem {
	lines := strings.Split(string(text), "\n")
	open := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) != "" })
	if open < 0 || !lookAlikeDelimiter(lines[open]) {
		return nil
	}
	next := slices.IndexFunc(lines[open+1:], func(l string) bool { return strings.TrimSpace(l) != "" })
	if next < 0 || !keyLine(lines[open+1+next], taxonomies) {
		return nil
	}
	if drawsRule(lines[open]) && !knownKeyLine(lines[open+1+next], taxonomies) && !keysUpToClose(lines[open+1:], taxonomies) {
		return nil // "----" then "Note: the court sat.": a rule, then prose
	}
	probs := []problem.Problem{lookAlikeProblem(file, open+1, lines[open],
		" (if the line is meant to draw a line across the page, write *** instead)")}
	for i := open + 1; i < len(lines); i++ {
		if s := strings.TrimRight(lines[i], " \t"); s == "---" {
			break
		} else if lookAlikeClose(s) {
			probs = append(probs, lookAlikeProblem(file, i+1, s, ""))
			break
		}
	}
	return probs
}

// drawsRule reports whether markdown draws a line of dashes as a rule
// across the page: hyphens only (and spaces). A word processor's dash
// draws nothing, so a line of it is far more likely a mangled "---".
func drawsRule(line string) bool {
	return strings.Trim(line, "- \t") == ""
}

// knownKeyLine tells whether s is a known front matter key with its
// colon ("draft:", "title: A").
func knownKeyLine(s string, taxonomies []string) bool {
	key, f := frontKey(strings.TrimRight(s, " \t"))
	_, _, known := canonical(key, taxonomies)
	return f == formatYAML && known
}

// keysUpToClose tells whether lines, those after an opening look-alike,
// are at least two key lines, and then indented lines, list items or
// blank ones only, up to a "---" line or a look-alike of it: front matter
// with keys of its own ("author: Ana", "source: X"), where a rule is
// seldom followed by two such lines and another rule.
func keysUpToClose(lines []string, taxonomies []string) bool {
	keys := 0
	for _, l := range lines {
		s := strings.TrimRight(l, " \t")
		switch {
		case s == "---" || lookAlikeClose(s):
			return keys >= 2
		case s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == '-':
		case keyLine(s, taxonomies):
			keys++
		default:
			return false
		}
	}
	return false
}

// keyLine tells whether a line after a line of dashes is a front matter
// key: a known key with its colon ("draft:"), or a name made of letters,
// digits, "_" and "-", a colon, a space and a value ("author: Ana"),
// which prose that follows a horizontal rule seldom is.
func keyLine(s string, taxonomies []string) bool {
	key, f := frontKey(strings.TrimRight(s, " \t"))
	if f != formatYAML {
		return false
	}
	if _, _, known := canonical(key, taxonomies); known {
		return true
	}
	_, value, _ := strings.Cut(s, ":")
	if !strings.HasPrefix(value, " ") || strings.TrimSpace(value) == "" {
		return false
	}
	return keyName(key)
}

// keyName tells whether s is made like a key of a campaigner's own: an
// ASCII letter, then letters, digits, "_" and "-".
func keyName(s string) bool {
	for i, r := range s {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || r == '_' || r == '-'))) {
			return false
		}
	}
	return s != ""
}
