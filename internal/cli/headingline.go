package cli

import (
	"bufio"
	"bytes"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// check finds headings in the built page ("more than one h1 in the page:
// "Trial"", "heading level skips from h2 to h4 at "Trial""), at a line of
// minified HTML that the campaigner never sees. atHeading moves such a
// problem to the line of the page's markdown that writes the heading,
// when one does: that is the line to change. A heading the layout writes
// (the title's h1) is left where it is.

// headingText finds the heading's text, quoted as check quotes it.
var headingText = regexp.MustCompile(`(?:h1 in the page: |skips from h\d to h\d at )("(?:[^"\\]|\\.)*")`)

// atHeading returns p at the line of src, the content file the page is
// made from, that writes the heading p is about, or p as it is.
func atHeading(p problem.Problem, src string, fsys fs.FS) problem.Problem {
	m := headingText.FindStringSubmatch(p.Message)
	if m == nil {
		return p
	}
	want, err := strconv.Unquote(m[1])
	if err != nil {
		return p
	}
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return p
	}
	line := headingLine(data, want)
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

// headingLine is the 1-based line of a markdown heading (# Title, or a
// Title line underlined with === or ---) of data whose text reads want,
// markup aside; 0 when none does. want ends in "…" when check cut it.
func headingLine(data []byte, want string) int {
	cut := strings.HasSuffix(want, "…")
	want = plainText(strings.TrimSuffix(want, "…"))
	if want == "" {
		return 0
	}
	matches := func(text string) bool {
		got := plainText(text)
		return got == want || cut && strings.HasPrefix(got, want)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	start := frontMatterEnd(lines)
	for i := start; i < len(lines); i++ {
		l := strings.TrimLeft(lines[i], " ")
		if len(lines[i])-len(l) > 3 {
			continue // indented code
		}
		if text, ok := atxHeading(l); ok && matches(text) {
			return i + 1
		}
		if i+1 < len(lines) && strings.TrimSpace(l) != "" && setextUnderline(lines[i+1]) && matches(l) {
			return i + 1
		}
	}
	return 0
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

// atxHeading is the text of a "# Title" line.
func atxHeading(l string) (string, bool) {
	n := len(l) - len(strings.TrimLeft(l, "#"))
	if n < 1 || n > 6 || len(l) > n && l[n] != ' ' && l[n] != '\t' {
		return "", false
	}
	text := strings.TrimSpace(l[n:])
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ")) {
		text = strings.TrimSpace(t) // the closing #s
	}
	return text, true
}

func setextUnderline(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
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
