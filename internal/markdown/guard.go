package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// goldmark has no limit on nesting and, like most markdown parsers, some
// inputs make it quadratic: `> ` ×50 000 takes seconds, "- " ×32 000
// takes seconds (goldmark #592), unmatched `*a_` or `[a](<b` ×50 000 take
// tens of seconds. It cannot be interrupted, so checkComplexity refuses
// such bodies up front. The limits are far beyond what prose needs:
const (
	maxNesting  = 32   // block quotes and list markers opened on one line
	maxIndent   = 128  // column where a line's content starts, outside fenced code
	maxBrackets = 3000 // '[' in one paragraph, list item or table row
	maxAngles   = 3000 // '<' in one such context
	// maxBracketWork and maxAngleWork cap, for the whole page, the pairs
	// of '[' (or of '<') in one context, summed over the contexts: goldmark
	// matches each against those before it, about 20 ns a pair; two
	// paragraphs at the limit above pass.
	maxBracketWork = 10_000_000
	maxAngleWork   = 10_000_000

	// maxEmphasisWork caps, for the whole page, the steps goldmark may
	// take pairing '*', '_' and '~' (see inline): about 0.2 s at the
	// worst, measured, where a paragraph with a hundred emphasised words
	// takes about 20 000.
	maxEmphasisWork = 5_000_000
	// runSteps is what goldmark spends on each run of '*', '_' or '~'
	// besides the walks, counted as steps: a node for the run and one for
	// the text after it (about 0.7 µs, where a step is 12 to 40 ns).
	runSteps = 50
	// maxCodeScan caps, for the whole page, the bytes goldmark may read
	// looking for the ends of code spans (see inline.add): sixteen
	// readings of the largest body.
	maxCodeScan = 16 * MaxBodyBytes
)

// checkComplexity returns the line and message of the first place where
// src goes past a limit, or "" when goldmark can render it quickly.
//
// What it skips as code (fenced and indented code blocks) and where it
// starts a new inline context (a blank line, a list item, a table row)
// are decided conservatively: only where goldmark certainly does the
// same, so that every byte goldmark parses as inline text is counted, and
// counted with everything goldmark would match it against.
func checkComplexity(src string) (int, string) {
	g := guard{blank: true}
	// The lines of strings.Split(src, "\n"), without making the list.
	for ln, rest, more := 1, src, true; more; ln++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if msg := g.line(line); msg != "" {
			return ln, msg
		}
	}
	return 0, ""
}

// guard is checkComplexity's state from one line to the next.
type guard struct {
	// A fenced code block, skipped: its marker ("```", "~~~~"), "" outside,
	// and the block quotes it is in. A fence is skipped only when its
	// container is certain, so that where it ends is too: ending it early
	// or late, or opening one goldmark does not, would put the guard out
	// of step, taking goldmark's closing fence for an opening one and
	// skipping the text after it. At the first fence it cannot follow,
	// unsure is set and no fence is skipped any more.
	fence       string
	fenceQuotes int
	unsure      bool
	html        htmlEnds // how the HTML blocks that may be open end

	// Indented code, skipped.
	blank bool // the line before was blank, or this is the first line
	code  bool // the line before was indented code
	// listCol is at least the column where the content of any list item,
	// footnote or definition that may still be open starts; a line is
	// indented code only if indented four more than that.
	listCol int

	// The inline context being read: para is the paragraph (or list item);
	// row, while table is set, the table row, goldmark's inline contexts
	// being the row's cells. para goes on counting under a table, in case
	// a setext underline or a definition makes the whole paragraph one
	// context again.
	para, row inline
	table     bool
	lines     int   // lines of para
	prev      shape // the line before in para, a table's header row if the next is a delimiter row
	noTable   bool  // goldmark will find no table in this paragraph any more
	done      work  // work of the inline contexts already ended
}

// work is what inline contexts cost goldmark: steps pairing emphasis
// marks, bytes read looking for the ends of code spans, and pairs of '['
// and of '<' (see inline).
type work struct{ emphasis, code, links, tags int }

func (w *work) add(t *inline) {
	w.emphasis += t.emphasis
	w.code += t.code
	w.links += t.links
	w.tags += t.tags
}

func (g *guard) line(line string) string {
	sh := lineShape(line)
	empty := strings.TrimSpace(sh.rest) == ""
	if g.fence != "" {
		if sh.lead >= g.fenceQuotes {
			if !empty && sh.nesting == g.fenceQuotes && sh.indent() < 4 && isFenceClose(sh.rest, g.fence) {
				g.fence = ""
			}
			return ""
		}
		g.fence = "" // its block quote ended
	}
	g.html.see(sh.rest, empty && sh.nesting == 0)
	if sh.nesting > maxNesting {
		return fmt.Sprintf("markdown nested %d deep on one line; the limit is %d", sh.nesting, maxNesting)
	}
	if sh.col > maxIndent {
		return fmt.Sprintf("line content starts at column %d; the limit is %d", sh.col, maxIndent)
	}
	switch {
	case empty && sh.nesting == sh.lead: // blank, or blank within its quotes
		g.endContext()
		g.blank = true
		return ""
	case empty:
		// A list marker with nothing after it: an empty list item cannot
		// interrupt a paragraph, so "a\n* \nb" is one paragraph; nor can
		// a '>' indented four or more ("a\n    >").
		g.blank = false
		g.trackContainers(sh, false)
		return ""
	}
	afterBlank := g.blank
	g.blank = false
	if g.indentedCode(sh, afterBlank) {
		return ""
	}
	g.trackContainers(sh, afterBlank)
	if g.openFence(sh) {
		g.endContext()
		return ""
	}
	g.inline(line, sh)
	return g.over()
}

// openFence reports whether a line opens a fenced code block the guard
// can follow: in block quotes only, and not in an HTML block (where it is
// not a fence at all). A list item, footnote or definition it is in would
// end it at a line indented less than their content, which the guard
// does not know; a fence (or the quote it is in) indented less than two
// is in none, their content being indented two or more. A fence indented
// four or more is not one: "a\n    ```" is one paragraph.
func (g *guard) openFence(sh shape) bool {
	f := fenceOpen(sh.rest)
	if f == "" || sh.indent() >= 4 || g.unsure {
		return false
	}
	inList := g.listCol > 0 && (sh.leadPad >= 2 || sh.indent() >= 2)
	if sh.nesting != sh.lead || inList || g.html != 0 {
		g.unsure = true
		return false
	}
	g.fence, g.fenceQuotes = f, sh.lead
	return true
}

// endContext ends the inline context being read.
func (g *guard) endContext() {
	if g.table {
		g.done.add(&g.row)
	} else {
		g.done.add(&g.para)
	}
	g.para.reset()
	g.row.reset()
	g.table, g.noTable, g.prev, g.lines = false, false, shape{}, 0
}

// indentedCode reports, and remembers, whether a line is in an indented
// code block: after a blank line or more code, four columns past every
// container that may be open, with no list marker of its own. Anywhere
// else an indented line may be paragraph text.
func (g *guard) indentedCode(sh shape, afterBlank bool) bool {
	g.code = (afterBlank || g.code) && sh.nesting == sh.quotes && sh.col >= max(g.listCol, sh.base())+4
	return g.code
}

// trackContainers keeps listCol: list items, footnotes ("[^1]: ") and
// definitions (": ") open containers whose content is indented; an
// unindented line after a blank line closes them all.
func (g *guard) trackContainers(sh shape, afterBlank bool) {
	if afterBlank && sh.nesting == 0 && sh.col == 0 {
		g.listCol = 0
	}
	switch r := sh.rest; {
	case sh.nesting > sh.quotes:
		g.listCol = max(g.listCol, sh.col)
	case strings.HasPrefix(r, "[^"):
		g.listCol = max(g.listCol, sh.col+4)
	case len(r) > 1 && r[0] == ':' && (r[1] == ' ' || r[1] == '\t'):
		g.listCol = max(g.listCol, sh.col+8) // goldmark indents a definition 1 to 7 past the ':'
	}
}

// inline reads a line of text into its inline context.
func (g *guard) inline(line string, sh shape) {
	rest := sh.rest
	before := byte('\n') // goldmark looks at the byte before a line's text
	if i := len(line) - len(rest); i > 0 {
		before = line[i-1]
	}
	if g.table {
		g.done.add(&g.row)
		g.row.reset()
		if rowLike(sh) {
			g.row.add(rest, before)
			g.para.add(rest, before)
			return
		}
		g.table = false
		if !changesParagraph(rest) {
			g.para.reset() // its rows are counted already
		}
		g.endContext()
	}
	if sh.listStart {
		g.endContext()
	}
	if !g.noTable && g.lines > 0 {
		if cols := tableColumns(rest); cols > 0 {
			if delimiterRow(sh) && headerLike(g.prev) && headerCells(g.prev.rest) <= cols {
				g.table = true
				g.para.add(rest, before)
				return
			}
			g.noTable = true // goldmark tries only the first delimiter row
		}
	}
	if rest[0] == '[' {
		g.noTable = true // a link reference definition may take lines from the top
	}
	g.prev = sh
	g.lines++
	g.para.add(rest, before)
}

// over reports the inline context, or the page, going past a limit.
func (g *guard) over() string {
	cur := &g.para
	if g.table {
		cur = &g.row
	}
	total := g.done
	total.add(cur)
	switch {
	case cur.brackets > maxBrackets:
		return fmt.Sprintf("more than %d '[' in one paragraph", maxBrackets)
	case cur.angles > maxAngles:
		return fmt.Sprintf("more than %d '<' in one paragraph", maxAngles)
	case total.links > maxBracketWork:
		return "too many '[' in long paragraphs: working out which of them make links would take too long"
	case total.tags > maxAngleWork:
		return "too many '<' in long paragraphs: working out which of them make HTML tags would take too long"
	case total.emphasis > maxEmphasisWork:
		return "too many '*', '_' or '~' in long paragraphs: working out which of them make emphasis would take too long"
	case total.code > maxCodeScan:
		return "too many runs of '`' that no run of the same length closes: working out where code ends would take too long"
	}
	return ""
}

// inline counts, for one inline context (a paragraph, a list item, a
// table row), what goldmark's inline parser may spend its time on.
//
// Emphasis: goldmark puts every run of '*', '_' and '~' on a list, even
// one inside a word that can never be emphasis, and for each run that can
// close emphasis it walks back through the list for an opener. A walk
// that finds one removes what it passed, so only walks that find none add
// up, each at most as long as the runs before it: emphasis sums that over
// the runs that can close, which is where `*a_ ` ×50 000 is quadratic. An
// underscore inside a word cannot close, so it only lengthens the walks.
// Code spans, link addresses and autolinks, whose marks goldmark leaves
// off the list, are counted as if it did not: telling where they are
// takes goldmark's own parser, and one wrong guess would hide the rest of
// a paragraph from the count.
//
// Code spans: from a run of n '`' goldmark reads on to the next run of
// exactly n, or to the end of the context when there is none, which is
// where text between ever longer runs of '`' is quadratic. code sums that
// reading as if every run opened a span; goldmark's openers are some of
// them, so it reads no more. Matched spans cost little: runs of one
// length close each other.
type inline struct {
	work                 // what the context costs so far
	runs             int // runs of '*', '_' and '~' so far
	brackets, angles int // '[' and '<' so far
	// Runs of '`' still reading for a closing run, by length: short ones
	// in an array, so that a page's usual code spans take no allocation.
	short [8]int
	long  map[int]int
	open  int // their number
}

func (t *inline) reset() {
	t.work, t.runs, t.brackets, t.angles, t.open = work{}, 0, 0, 0, 0
	t.short = [8]int{}
	clear(t.long)
}

// reading is the number of runs of n '`' still reading.
func (t *inline) reading(n int) int {
	if n < len(t.short) {
		return t.short[n]
	}
	return t.long[n]
}

func (t *inline) setReading(n, v int) {
	if n < len(t.short) {
		t.short[n] = v
		return
	}
	if t.long == nil {
		t.long = map[int]int{}
	}
	t.long[n] = v
}

// special marks the bytes add looks at; the rest are skipped with one
// table look-up.
var special = [256]bool{'\\': true, '`': true, '*': true, '_': true, '~': true}

// add counts one line of the context; before is the byte before it in the
// file, which decides whether a run at its start can close.
func (t *inline) add(s string, before byte) {
	t.links += pairs(&t.brackets, strings.Count(s, "["))
	t.tags += pairs(&t.angles, strings.Count(s, "<"))
	last := 0 // code is charged up to here
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !special[c] {
			continue
		}
		j := i + 1
		switch {
		case c == '\\' && j < len(s) && s[j] == '`':
			// An escaped '`' cannot open a span, the rest of its run can,
			// and the whole run can close one.
			k := runEnd(s, j)
			t.code += t.open * (j - last)
			last = j
			t.backticks(k-j, true)
			i = k - 1
		case c == '\\':
			if j < len(s) && util.IsPunct(s[j]) {
				i = j // an escaped mark is text
			}
		case c == '`':
			k := runEnd(s, i)
			t.code += t.open * (i - last)
			last = i
			t.backticks(k-i, false)
			i = k - 1
		default:
			k := runEnd(s, i)
			if canClose(s, i, k, before) {
				t.emphasis += t.runs
			}
			t.emphasis += runSteps
			t.runs++
			i = k - 1
		}
	}
	t.code += t.open * (len(s) - last + 1) // goldmark reads the newline too
}

// pairs adds n to *count and returns how many pairs the n make with
// those before them and with each other.
func pairs(count *int, n int) int {
	p := n**count + n*(n-1)/2
	*count += n
	return p
}

// backticks takes a run of n '`': it closes the runs of n still reading,
// and starts reading itself (and, after a backslash, the run without its
// escaped first '`' too).
func (t *inline) backticks(n int, escaped bool) {
	t.open += 1 - t.reading(n)
	t.setReading(n, 1)
	if escaped && n > 1 {
		t.setReading(n-1, t.reading(n-1)+1)
		t.open++
	}
}

// runEnd returns where the run of s[i] that starts at i ends.
func runEnd(s string, i int) int {
	j := i + 1
	for j < len(s) && s[j] == s[i] {
		j++
	}
	return j
}

// canClose is goldmark's test (parser.ScanDelimiter) of whether the run
// s[i:k] of '*', '_' or '~' can close emphasis. A '|' after it may end a
// table cell, which goldmark sees as the end of the text, so both are
// tried.
func canClose(s string, i, k int, before byte) bool {
	b := rune(before)
	if i > 0 {
		b, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	a := '\n'
	if k < len(s) {
		a, _ = utf8.DecodeRuneInString(s[k:])
	}
	return closes(s[i], b, a) || a == '|' && closes(s[i], b, ' ')
}

func closes(c byte, before, after rune) bool {
	bp, bs := util.IsPunctRune(before), util.IsSpaceRune(before)
	ap, as := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !as && (!ap || bs || bp)
	right := !bs && (!bp || as || ap)
	if c == '_' {
		return right && (!left || ap)
	}
	return right
}

// shape is a line with its container markers taken apart.
type shape struct {
	quotes   int  // '>' markers
	lead     int  // '>' markers before any other, each indented less than four: the block quotes the line is in
	leadPad  int  // the most any of those is indented
	nesting  int  // '>' and list markers
	col      int  // column where rest starts; a tab goes to the next multiple of 4
	markEnd  int  // column just after the last marker, 0 without one
	lastList bool // the last marker is a list item's
	// listStart: the line starts a list item, whatever paragraph is open:
	// its first list marker, after block quotes only, is a bullet or "1."
	// or "1)" (other numbers do not interrupt a paragraph) indented less
	// than four.
	listStart bool
	rest      string // the line after the markers and the white space
}

// lineShape takes the container markers off the start of line.
func lineShape(line string) (s shape) {
	rest := line
	for {
		n := 0
		for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
			if rest[n] == '\t' {
				s.col += 4 - s.col%4
			} else {
				s.col++
			}
			n++
		}
		rest = rest[n:]
		pad := s.col - s.markEnd
		switch {
		case strings.HasPrefix(rest, ">"):
			if rel := s.relative(pad); s.nesting == s.lead && rel < 4 {
				s.lead++
				s.leadPad = max(s.leadPad, rel)
			}
			s.quotes++
			s.nesting++
			rest = rest[1:]
			s.col++
			s.markEnd, s.lastList = s.col, false
		case len(rest) >= 2 && strings.IndexByte("-*+", rest[0]) >= 0 && (rest[1] == ' ' || rest[1] == '\t'):
			s.listMarker(pad, true)
			rest = rest[1:]
			s.col++
			s.markEnd, s.lastList = s.col, true
		default:
			d := 0
			for d < len(rest) && d < 10 && rest[d] >= '0' && rest[d] <= '9' {
				d++
			}
			if d > 0 && d+1 < len(rest) && (rest[d] == '.' || rest[d] == ')') && (rest[d+1] == ' ' || rest[d+1] == '\t') {
				s.listMarker(pad, rest[:d] == "1")
				rest = rest[d+1:]
				s.col += d + 1
				s.markEnd, s.lastList = s.col, true
				continue
			}
			s.rest = rest
			return s
		}
	}
}

// listMarker counts a list marker pad columns after the last marker.
func (s *shape) listMarker(pad int, interrupts bool) {
	if s.nesting == s.lead && s.lead == s.quotes {
		s.listStart = interrupts && s.relative(pad) < 4
	}
	s.nesting++
}

// relative is how far a marker pad columns after the last one (a quote's)
// is indented within it: the quote's first space is part of the quote.
func (s *shape) relative(pad int) int {
	if s.markEnd > 0 && pad > 0 {
		return pad - 1
	}
	return pad
}

// indent is how far rest is indented within its container, as CommonMark
// counts: a quote's first space and a list marker's one to four spaces
// are part of the marker.
func (s shape) indent() int {
	pad := s.col - s.markEnd
	switch {
	case s.lastList && pad <= 4:
		return 0
	case s.markEnd > 0 && pad > 0:
		return pad - 1
	}
	return pad
}

// base is the column where the content of the line's innermost quote
// starts, after its optional space; 0 outside quotes.
func (s shape) base() int {
	if s.quotes > 0 {
		return s.markEnd + 1
	}
	return 0
}

func fenceOpen(rest string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(rest) && rest[n] == c {
			n++
		}
		if n >= 3 && (c == '~' || !strings.Contains(rest[n:], "`")) {
			return rest[:n]
		}
	}
	return ""
}

func isFenceClose(rest, fence string) bool {
	rest = strings.TrimRight(rest, " \t\r")
	return len(rest) >= len(fence) && strings.Trim(rest, fence[:1]) == ""
}

// htmlEnds holds how the HTML blocks that may be open end (goldmark's
// parser/html_block.go): at a blank line, or at a line holding an end
// marker. A line starting with '<' may open one; the guard takes every
// such line for one, and the first line for holding no end marker unless
// it holds one after the opening, so that it can only think a block open
// longer than goldmark does.
type htmlEnds uint8

const (
	htmlBlank   htmlEnds = 1 << iota // <div>, <p> and any other tag
	htmlRaw                          // <script>, <pre>, <style>, <textarea>: </script> and the like
	htmlComment                      // <!--: -->
	htmlPI                           // <?: ?>
	htmlCDATA                        // <![CDATA[: ]]>
	htmlDecl                         // <!DOCTYPE and the like: >
)

var htmlMarkers = []struct {
	end   htmlEnds
	open  string
	close []string
}{
	{htmlComment, "<!--", []string{"-->"}},
	{htmlCDATA, "<![CDATA[", []string{"]]>"}},
	{htmlDecl, "<!", []string{">"}},
	{htmlPI, "<?", []string{"?>"}},
	{htmlRaw, "<script", []string{"</script>", "</pre>", "</style>", "</textarea>"}},
	{htmlRaw, "<pre", []string{"</script>", "</pre>", "</style>", "</textarea>"}},
	{htmlRaw, "<style", []string{"</script>", "</pre>", "</style>", "</textarea>"}},
	{htmlRaw, "<textarea", []string{"</script>", "</pre>", "</style>", "</textarea>"}},
}

// see follows the HTML blocks that may be open through one more line.
func (h *htmlEnds) see(rest string, blank bool) {
	if blank {
		*h &^= htmlBlank
		return
	}
	if *h&^htmlBlank != 0 {
		for _, m := range htmlMarkers {
			if *h&m.end != 0 && holdsFold(rest, m.close) {
				*h &^= m.end
			}
		}
	}
	if !strings.HasPrefix(rest, "<") {
		return
	}
	for _, m := range htmlMarkers {
		if len(rest) >= len(m.open) && strings.EqualFold(rest[:len(m.open)], m.open) {
			if !holdsFold(rest[len(m.open):], m.close) {
				*h |= m.end
			}
			return
		}
	}
	*h |= htmlBlank
}

// holdsFold reports whether s holds any of subs, ignoring ASCII case.
func holdsFold(s string, subs []string) bool {
	for _, sub := range subs {
		for i := 0; i+len(sub) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(sub)], sub) {
				return true
			}
		}
	}
	return false
}

// rowLike reports whether a line goes on the paragraph before it, and so
// on a table, as goldmark reads it: it starts no other block (a heading,
// quote, list, HTML, fence, thematic break or footnote) and does not turn
// the paragraph into something else (a setext underline, a definition).
func rowLike(sh shape) bool {
	if sh.nesting > 0 {
		return false
	}
	r := sh.rest
	switch r[0] {
	case '#', '<', '=', ':':
		return false
	case '`', '~':
		return fenceOpen(r) == ""
	case '[':
		return !strings.HasPrefix(r, "[^")
	case '-', '*', '_':
		return strings.Trim(r, r[:1]+" \t") != ""
	}
	return true
}

// headerLike reports whether goldmark certainly reads a line as part of
// a paragraph, so that it may be a table's header row: rowLike, not
// indented, not a link reference definition (which goldmark takes out of
// the paragraph), and not the last line of an HTML block (which ends at a
// line holding "-->", "</pre>" and the like).
func headerLike(sh shape) bool {
	return sh.rest != "" && rowLike(sh) && sh.indent() < 4 && sh.rest[0] != '[' && !strings.Contains(sh.rest, ">")
}

// delimiterRow reports whether a line that tableColumns takes for a
// delimiter row is certainly a line of the paragraph before it: with a
// '|' it is no setext underline or thematic break, and it is no list item
// or definition (": ") either.
func delimiterRow(sh shape) bool {
	r := sh.rest
	return sh.nesting == 0 && sh.indent() < 4 && strings.IndexByte(r, '|') >= 0 &&
		!(r[0] == ':' && (len(r) == 1 || r[1] == ' ' || r[1] == '\t'))
}

// changesParagraph reports a line after which goldmark reads the
// paragraph before it as one piece after all: a setext underline makes it
// a heading, ": " a definition's term.
func changesParagraph(r string) bool {
	return r[0] == '=' || r[0] == ':' || strings.Trim(r, "- \t") == ""
}

// tableColumns is goldmark's test of a table's delimiter row
// (extension/table.go parseDelimiter): its number of columns, 0 if it is
// not one.
func tableColumns(r string) int {
	dashes := true
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '-':
		case ' ', '\t', '\r', '|', ':':
			dashes = false
		default:
			return 0
		}
	}
	if dashes {
		return 0
	}
	cols := strings.Split(r, "|")
	if strings.TrimSpace(cols[0]) == "" {
		cols = cols[1:]
	}
	if len(cols) > 0 && strings.TrimSpace(cols[len(cols)-1]) == "" {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		c = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(c), ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cols)
}

// headerCells counts a header row's cells as goldmark does (parseRow):
// the row trimmed, a leading and a trailing '|' dropped, split at each '|'
// not right after a backslash. goldmark makes a table when they are no
// more than the delimiter row's columns.
func headerCells(r string) int {
	r = strings.Trim(r, " \t\r")
	pos, limit := 0, len(r)
	if limit > 0 && r[0] == '|' {
		pos++
	}
	if limit > 0 && r[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		end := pos
		for end < limit && (r[end] != '|' || end > 0 && r[end-1] == '\\') {
			end++
		}
		n++
		pos = end + 1
	}
	return n
}
