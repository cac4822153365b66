package cli

import (
	"bufio"
	"bytes"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// check finds headings in the built page ("more than one h1 in the page:
// "Trial"", "heading level skips from h2 to h4 at "Trial""), at a line of
// minified HTML that the campaigner never sees. atHeading moves such a
// problem to the line of the page's markdown that writes the heading,
// when one does: that is the line to change. A heading the layout writes
// (the title's h1) is left where it is.

// headingText finds the heading's level and text, quoted as check quotes
// it: "more than one h1 in the page: "…"" is about an h1, "skips from h2
// to h4 at "…"" about an h4.
var headingText = regexp.MustCompile(`(?:h(1) in the page: |skips from h\d to h(\d) at )("(?:[^"\\]|\\.)*")`)

// atHeading returns p at the line of src, the content file the page is
// made from, that writes the heading p is about, or p as it is.
func atHeading(p problem.Problem, src string, fsys fs.FS) problem.Problem {
	m := headingText.FindStringSubmatch(p.Message)
	if m == nil {
		return p
	}
	level := 1 // "more than one h1", else the h a skip skips to
	if m[1] == "" {
		level = int(m[2][0] - '0')
	}
	want, err := strconv.Unquote(m[3])
	if err != nil {
		return p
	}
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return p
	}
	line := headingLine(data, level, want)
	if line == 0 {
		return p
	}
	p.Hint = strings.TrimSpace(p.Hint + " (in the built page " + p.Position() + ")")
	p.Message = firstOnLine.ReplaceAllString(p.Message, "(the first is on line $1 of the built page)")
	p.File, p.Line, p.Col = src, line, 0
	return p
}

// firstOnLine is check's note of where a page's first h1 is, a line of
// the built page, not of the markdown the problem moves to.
var firstOnLine = regexp.MustCompile(`\(the first is on line (\d+)\)`)

// headingLine is the 1-based line of the markdown heading of level
// (# Title, or a Title line underlined with === or ---) of data whose text
// reads want, markup aside; 0 when none does, or when more than one does
// (which one the built page's is cannot be told). want ends in "…" when
// check cut it at 60 characters.
func headingLine(data []byte, level int, want string) int {
	cut := strings.HasSuffix(want, "…") && utf8.RuneCountInString(want) == headingCut
	exact, prefix := plainText(want), plainText(strings.TrimSuffix(want, "…"))
	if exact == "" {
		return 0
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	var found, cutFound []int
	fence := ""
	for i := frontMatterEnd(lines); i < len(lines); i++ {
		l := strings.TrimLeft(lines[i], " ")
		if len(lines[i])-len(l) > 3 {
			continue // indented code
		}
		if f := fenceOf(l); f != "" && (fence == "" || strings.HasPrefix(f, fence) && strings.TrimSpace(strings.TrimLeft(l, f[:1])) == "") {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue // a "# comment" in a shell example is no heading
		}
		text, n, ok := atxHeading(l)
		if !ok && i+1 < len(lines) && strings.TrimSpace(l) != "" {
			if u := setextLevel(lines[i+1]); u > 0 {
				text, n, ok = l, u, true
			}
		}
		if !ok || n != level {
			continue
		}
		switch got := plainText(text); {
		case got == exact:
			found = append(found, i+1)
		case cut && strings.HasPrefix(got, prefix):
			cutFound = append(cutFound, i+1)
		}
	}
	if len(found) == 0 {
		found = cutFound
	}
	if len(found) != 1 {
		return 0
	}
	return found[0]
}

// headingCut is the length, in characters, check cuts a heading's text
// to (check's heading.name).
const headingCut = 60

// fenceOf is the fence a line opens or closes a code block with (```,
// ~~~~), or "".
func fenceOf(l string) string {
	for _, c := range []string{"`", "~"} {
		if n := len(l) - len(strings.TrimLeft(l, c)); n >= 3 {
			return l[:n]
		}
	}
	return ""
}

// frontMatterEnd is the index of the first line after the front matter.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	delim := strings.TrimPrefix(strings.TrimSpace(lines[0]), "\ufeff")
	if delim != "---" && delim != "+++" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == delim {
			return i + 1
		}
	}
	return 0
}

// atxHeading is the text and level of a "# Title" line.
func atxHeading(l string) (string, int, bool) {
	n := len(l) - len(strings.TrimLeft(l, "#"))
	if n < 1 || n > 6 || len(l) > n && l[n] != ' ' && l[n] != '\t' {
		return "", 0, false
	}
	text := strings.TrimSpace(l[n:])
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ")) {
		text = strings.TrimSpace(t) // the closing #s
	}
	return text, n, true
}

// setextLevel is the level a line underlines the one before it with: 1
// for ===, 2 for ---, else 0.
func setextLevel(l string) int {
	switch t := strings.TrimSpace(l); {
	case t == "":
		return 0
	case strings.Trim(t, "=") == "":
		return 1
	case strings.Trim(t, "-") == "":
		return 2
	}
	return 0
}

var (
	attrBlock  = regexp.MustCompile(`\s*\{[^{}]*\}\s*$`)
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	typography = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'",
		"—", "-", "–", "-", "---", "-", "--", "-", "…", "...", "\u00a0", " ")
)

// plainText is a heading's text without its markup, for comparing the
// markdown's with the built page's: {#id}, links and emphasis gone,
// typographic quotes and dashes as typed, spaces collapsed.
func plainText(s string) string {
	s = attrBlock.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "*", "", "_", "", "`", "", "~~", "", `\`, "").Replace(s)
	s = typography.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
