package frontmatter

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/samizdat-press/samizdat/internal/problem"
)

type format int

const (
	formatNone format = iota
	formatYAML
	formatTOML
	formatJSON // an object, as Hugo reads it; decoded as YAML, whose flow syntax JSON is
)

func (f format) delimiter() string {
	if f == formatTOML {
		return "+++"
	}
	return "---"
}

// parts is a file cut into front matter and body.
type parts struct {
	format   format
	open     int    // line of the opening delimiter; front matter line k is file line open+k
	front    []byte // the text between the delimiters
	body     []byte
	bodyLine int // lines before the body
}

// split finds front matter at the top of text. Blank lines before the
// opening delimiter are allowed, as Hugo allows them. Anything else before
// it means the file has no front matter and all of it is body.
func split(file string, text []byte) (parts, []problem.Problem) {
	var probs []problem.Problem
	line, rest := 0, text
	var first []byte
	firstStart := 0
	for len(rest) > 0 {
		firstStart = len(text) - len(rest)
		first, rest = cutLine(rest)
		line++
		if len(bytes.TrimSpace(first)) > 0 {
			break
		}
	}
	f := delimiterFormat(first)
	if f == formatNone {
		if jsonOpens(first) {
			return splitJSON(file, text, firstStart, line)
		}
		return parts{body: text}, nil
	}
	if trimmed := trimLineEnd(first); string(trimmed) != f.delimiter() {
		probs = append(probs, problem.Problem{
			File: file, Line: line, Col: 1,
			Message: fmt.Sprintf("front matter delimiter %q must start at the beginning of the line", f.delimiter()),
			Hint:    "remove the spaces before it",
		})
	}
	p := parts{format: f, open: line}
	start := len(text) - len(rest)
	for len(rest) > 0 {
		var l []byte
		lineStart := len(text) - len(rest)
		l, rest = cutLine(rest)
		line++
		if string(trimLineEnd(l)) == f.delimiter() {
			p.front = text[start:lineStart]
			p.body = rest
			p.bodyLine = line
			return p, append(probs, sizeProblems(file, p)...)
		}
		if f == formatYAML && lookAlikeClose(string(l)) {
			return parts{}, append(probs, lookAlikeProblem(file, line, string(l), ""))
		}
	}
	return parts{}, append(probs, unclosed(file, p.open, f, text[start:]))
}

// missingOpen reports front matter whose opening delimiter is missing: a
// file whose first lines, up to a "---" line, are all known keys followed
// by a colon, or whose first line is a known key followed by " =" and
// whose lines up to a "+++" line are TOML keys or tables. Read as markdown
// it would publish the front matter as text and title the page after its
// file name.
func missingOpen(file string, text []byte, taxonomies []string) []problem.Problem {
	first, firstLine, f := "", 0, formatNone
	for line, rest := 1, text; len(rest) > 0; line++ {
		var l []byte
		l, rest = cutLine(rest)
		s := string(bytes.TrimRight(l, " \t"))
		switch {
		case strings.TrimSpace(s) == "":
			continue
		case f != formatNone && s == f.delimiter():
			return []problem.Problem{{
				File: file, Line: firstLine, Col: 1,
				Message: fmt.Sprintf("the front matter's opening %s is missing", s),
				Hint:    fmt.Sprintf("add a line with %s above %s", s, first),
			}}
		case f == formatTOML:
			if !tomlLine(s) {
				return nil
			}
			continue
		}
		key, sep := frontKey(s)
		if sep == formatNone || (f != formatNone && sep != f) {
			return nil
		}
		if _, _, known := canonical(key, taxonomies); !known {
			return nil
		}
		if f == formatNone {
			first, firstLine, f = s, line, sep
		}
	}
	return nil
}

// frontKey cuts a front matter line's key: "title: A" is a YAML key,
// "title = 'A'" a TOML one. A line that starts with a space, or whose key
// holds one, is neither.
func frontKey(s string) (key string, f format) {
	if k, _, ok := strings.Cut(s, ":"); ok && strings.TrimSpace(k) == k && k != "" {
		if !strings.Contains(k, "=") {
			return k, formatYAML
		}
	}
	if k, _, ok := strings.Cut(s, "="); ok && strings.TrimRight(k, " ") != "" {
		if k = strings.TrimRight(k, " "); strings.TrimSpace(k) == k && !strings.ContainsAny(k, " \t") {
			return k, formatTOML
		}
	}
	return "", formatNone
}

// tomlLine tells whether a line can be TOML front matter after a first
// known key: another key ("weight = 2", any key: a table's keys are not
// top-level ones) or a table header ("[params]").
func tomlLine(s string) bool {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return true
	}
	_, f := frontKey(s)
	return f == formatTOML
}

// trimLineEnd drops what may follow a delimiter unseen: spaces, tabs and
// the non-breaking or zero-width spaces a word processor leaves at the
// end of a line. "---" followed by one is still the delimiter the editor
// sees.
func trimLineEnd(l []byte) []byte {
	return bytes.TrimRightFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
}

// delimiterFormat tells which front matter a first line opens, allowing
// surrounding spaces so that a misplaced delimiter is reported, not
// silently published as body text.
func delimiterFormat(line []byte) format {
	switch string(bytes.TrimSpace(line)) {
	case "---":
		return formatYAML
	case "+++":
		return formatTOML
	}
	return formatNone
}

func sizeProblems(file string, p parts) []problem.Problem {
	if len(p.front) <= maxFrontMatter {
		return nil
	}
	return []problem.Problem{{
		File: file, Line: p.open, Col: 1,
		Message: fmt.Sprintf("front matter is %d KiB, more than the %d KiB allowed", len(p.front)>>10, maxFrontMatter>>10),
		Hint:    "move long text into the page body, or data into a file of its own",
	}}
}

// unclosed explains a front matter block that never ends, naming the
// near-misses editors make: YAML's "..." end marker or the other format's
// delimiter.
func unclosed(file string, open int, f format, after []byte) problem.Problem {
	want := f.delimiter()
	hint := fmt.Sprintf("add a line containing only %q after the last front matter line", want)
	line := open
scan:
	for len(after) > 0 {
		var l []byte
		l, after = cutLine(after)
		line++
		switch s := string(bytes.TrimSpace(l)); {
		case f == formatYAML && s == "...":
			hint = fmt.Sprintf("line %d has \"...\"; front matter must close with %q, not \"...\"", line, want)
		case s == "---" || s == "+++":
			hint = fmt.Sprintf("line %d has %q; front matter opened with %q must close with %q too", line, s, want, want)
		default:
			continue
		}
		break scan
	}
	return problem.Problem{
		File: file, Line: open, Col: 1,
		Message: fmt.Sprintf("front matter opened with %q at line %d is never closed", want, open),
		Hint:    hint,
	}
}

// cutLine returns the first line of b without its "\n" and the rest.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}
