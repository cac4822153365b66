package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// tomlByteRE is how go-toml names an unexpected character: by the first
// byte of its UTF-8, as if that byte were a character of its own.
var tomlByteRE = regexp.MustCompile(`U\+00[8-9A-F][0-9A-F] '.'`)

// TOMLChar rewrites go-toml's message about an unexpected character at
// line:col (1-based, col in bytes) of src to name the character written
// there. go-toml names the first byte of a letter outside ASCII: for an
// unquoted П it says "U+00D0 'Ð'", which sends a Russian or Kazakh
// translator looking for a letter that is not in the file.
func TOMLChar(msg string, src []byte, line, col int) string {
	loc := tomlByteRE.FindStringIndex(msg)
	if loc == nil || line < 1 || col < 1 {
		return msg
	}
	off := 0
	for range line - 1 {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return msg
		}
		off += i + 1
	}
	off += col - 1
	if off >= len(src) {
		return msg
	}
	r, size := utf8.DecodeRune(src[off:])
	if size < 2 {
		return msg
	}
	return msg[:loc[0]] + fmt.Sprintf("U+%04X '%c'", r, r) + msg[loc[1]:]
}
