package frontmatter

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// maxFrontMatter caps the front matter so a pasted blob or a generated
// file cannot make YAML or TOML decoding the slowest part of a build.
const maxFrontMatter = 256 << 10

// resaveHint tells an editor how to fix a file saved in the wrong encoding,
// in the words of the two editors campaigners most often use.
const resaveHint = `re-save the file as UTF-8: in VS Code click the encoding in the status bar, ` +
	`choose "Save with Encoding" and pick "UTF-8"; in Notepad use "Save as" and set Encoding to "UTF-8"`

// normalise turns what editors actually save into UTF-8 text with "\n"
// line ends: the UTF-8 byte order mark is dropped and CRLF and lone CR
// become LF, so every later line number counts lines the way the editor
// shows them. Text that is not UTF-8 is refused rather than published as
// mojibake.
func normalise(file string, src []byte) ([]byte, []problem.Problem) {
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return nil, []problem.Problem{notUTF8(file, 1, 0, "it looks like UTF-16")}
	}
	src = bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		if looksUTF16(src) {
			return nil, []problem.Problem{notUTF8(file, line, col, "it looks like UTF-16")}
		}
		return nil, []problem.Problem{{
			File: file, Line: line, Col: col,
			Message: "file contains a NUL byte, so it is not a text file",
			Hint:    "if this is not meant to be a page, move it out of content/; otherwise " + resaveHint,
		}}
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		line, col := position(src, i)
		return nil, []problem.Problem{notUTF8(file, line, col, fmt.Sprintf("byte 0x%02X at offset %d", src[i], i))}
	}
	return src, nil
}

func notUTF8(file string, line, col int, detail string) problem.Problem {
	return problem.Problem{
		File: file, Line: line, Col: col,
		Message: "file is not UTF-8 text (" + detail + ")",
		Hint:    resaveHint,
	}
}

// looksUTF16 reports whether NUL bytes sit mostly on one parity, as they do
// in UTF-16 text that is mostly ASCII and lost its byte order mark.
func looksUTF16(b []byte) bool {
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	n := len(b) / 2
	return n > 0 && (even*4 >= n || odd*4 >= n)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// position returns the 1-based line and byte column of offset i in b.
func position(b []byte, i int) (line, col int) {
	line = 1 + bytes.Count(b[:i], []byte("\n"))
	return line, i - (bytes.LastIndexByte(b[:i], '\n') + 1) + 1
}

// countLines counts lines the way an editor numbers them: a final line
// without "\n" still counts, an empty file has none.
func countLines(b []byte) int {
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n
}
