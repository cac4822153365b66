package markdown

import (
	"fmt"
	"strings"
)

// goldmark has no limit on nesting and, like most markdown parsers, some
// inputs make it quadratic: `> ` ×50 000 takes seconds, "- " ×32 000
// takes seconds (goldmark #592), unmatched `*a_` or `[a](<b` ×50 000 take
// tens of seconds. It cannot be interrupted, so checkComplexity refuses
// such bodies up front. The limits are far beyond what prose needs:
const (
	maxNesting   = 32   // block quotes and list markers opened on one line
	maxIndent    = 128  // column where a line's content starts, outside fenced code
	maxBrackets  = 3000 // '[' in one block of text between blank lines
	maxEmphasis  = 3000 // runs of '*' or '_' in one such block
	maxBackticks = 1000 // runs of '`' in one such block
	maxAngles    = 3000 // '<' in one such block
)

// checkComplexity returns the line and message of the first place where
// src goes past a limit, or "" when goldmark can render it quickly.
//
// Lines inside fenced code are exempt, but the fence tracking here is
// deliberately conservative: a fence ends at any line that is less
// indented or less quoted than its opening line, which can only end it
// earlier than goldmark does, so every line goldmark parses as text is
// checked.
func checkComplexity(src string) (int, string) {
	var (
		blk                   blockCounts
		fence                 string // the fence's marker ("```", "~~~~"), "" outside
		fenceCol, fenceQuotes int
	)
	// The lines of strings.Split(src, "\n"), without making the list.
	for ln, rest, more := 1, src, true; more; ln++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		quotes, nesting, col, rest := lineShape(line)
		if fence != "" {
			if strings.TrimSpace(line) == "" {
				continue
			}
			if quotes >= fenceQuotes && col >= fenceCol {
				if isFenceClose(rest, fence) {
					fence = ""
				}
				continue
			}
			fence = ""
		}
		if nesting > maxNesting {
			return ln, fmt.Sprintf("markdown nested %d deep on one line; the limit is %d", nesting, maxNesting)
		}
		if col > maxIndent {
			return ln, fmt.Sprintf("line content starts at column %d; the limit is %d", col, maxIndent)
		}
		if f := fenceOpen(rest); f != "" {
			fence, fenceCol, fenceQuotes = f, col, quotes
			blk = blockCounts{}
			continue
		}
		if strings.TrimSpace(rest) == "" {
			blk = blockCounts{}
			continue
		}
		if msg := blk.add(rest); msg != "" {
			return ln, msg
		}
	}
	return 0, ""
}

// lineShape strips the container markers from the start of line: it
// returns the number of '>' seen, the number of '>' and list markers, the
// column where the content starts (tabs count 4) and the content.
func lineShape(line string) (quotes, nesting, col int, rest string) {
	rest = line
	for {
		n := 0
		for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
			if rest[n] == '\t' {
				col += 4
			} else {
				col++
			}
			n++
		}
		rest = rest[n:]
		switch {
		case strings.HasPrefix(rest, ">"):
			quotes++
			nesting++
			rest = rest[1:]
			col++
		case len(rest) >= 2 && strings.IndexByte("-*+", rest[0]) >= 0 && (rest[1] == ' ' || rest[1] == '\t'):
			nesting++
			rest = rest[1:]
			col++
		default:
			d := 0
			for d < len(rest) && d < 10 && rest[d] >= '0' && rest[d] <= '9' {
				d++
			}
			if d > 0 && d+1 < len(rest) && (rest[d] == '.' || rest[d] == ')') && (rest[d+1] == ' ' || rest[d+1] == '\t') {
				nesting++
				rest = rest[d+1:]
				col += d + 1
				continue
			}
			return quotes, nesting, col, rest
		}
	}
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

// blockCounts counts constructs in one block of text between blank lines.
type blockCounts struct {
	brackets, emphasis, backticks, angles int
}

// counted marks the bytes blockCounts.add looks at; the rest are skipped
// with one table look-up.
var counted = [256]bool{'[': true, '<': true, '*': true, '_': true, '`': true}

func (b *blockCounts) add(s string) string {
	for i := 0; i < len(s); i++ {
		if !counted[s[i]] {
			continue
		}
		switch c := s[i]; c {
		case '[':
			b.brackets++
		case '<':
			b.angles++
		case '*', '_', '`':
			if i > 0 && s[i-1] == c {
				continue
			}
			if c == '`' {
				b.backticks++
			} else {
				b.emphasis++
			}
		}
	}
	switch {
	case b.brackets > maxBrackets:
		return fmt.Sprintf("more than %d '[' in one paragraph", maxBrackets)
	case b.emphasis > maxEmphasis:
		return fmt.Sprintf("more than %d runs of '*' or '_' in one paragraph", maxEmphasis)
	case b.backticks > maxBackticks:
		return fmt.Sprintf("more than %d runs of '`' in one paragraph", maxBackticks)
	case b.angles > maxAngles:
		return fmt.Sprintf("more than %d '<' in one paragraph", maxAngles)
	}
	return ""
}
