package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// jsonOpens tells whether a file's first line opens JSON front matter, as
// Hugo reads it: a "{" that starts an object ("{" alone, or followed by a
// key's quote or "}"). "{{< quote >}}" and "{#id}" do not.
func jsonOpens(line []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("{"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) == 0 || rest[0] == '"' || rest[0] == '}'
}

// splitJSON cuts JSON front matter, the object that starts at offset
// start (line open), from the body, which starts on the line after the
// object's closing brace. The object is decoded as YAML, whose flow
// syntax JSON is (see asYAML), so that problems get the lines and hints
// YAML's get.
func splitJSON(file string, text []byte, start, open int) (parts, []problem.Problem) {
	dec := json.NewDecoder(bytes.NewReader(text[start:]))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return parts{}, []problem.Problem{jsonSyntax(file, text, start, open, err)}
	}
	end := start + int(dec.InputOffset())
	tail, rest := cutLine(text[end:])
	line := open + bytes.Count(text[start:end], []byte("\n"))
	if len(bytes.TrimSpace(tail)) > 0 {
		return parts{}, []problem.Problem{{File: file, Line: line, Col: 1,
			Message: "text follows the JSON front matter's closing } on its line",
			Hint:    "end the front matter with } on a line of its own, and start the page's text on the next line"}}
	}
	p := parts{format: formatJSON, open: open - 1, body: rest, bodyLine: line, front: asYAML(text[start:end])}
	return p, sizeProblems(file, p)
}

// asYAML rewrites valid JSON as the YAML it nearly is: each string is
// written again as Go quotes it, whose escapes YAML's double quotes read
// ("\/" and UTF-16 surrogate pairs, which JSON allows, YAML does not), and
// tabs between tokens, which YAML refuses as indentation, become spaces.
// JSON strings hold no newline, so every line stays where it was.
func asYAML(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\t':
			out = append(out, ' ')
		case '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			var s string
			_ = json.Unmarshal(src[i:j+1], &s) // valid: the decoder read it
			out = strconv.AppendQuote(out, s)
			i = j
		default:
			out = append(out, c)
		}
	}
	return out
}

// jsonSyntax explains JSON front matter that does not parse, at the line
// where the decoder stopped.
func jsonSyntax(file string, text []byte, start, open int, err error) problem.Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line := open + bytes.Count(text[start:start+int(syn.Offset)], []byte("\n"))
		return problem.Problem{File: file, Line: line, Col: 1,
			Message: fmt.Sprintf("the JSON front matter opened at line %d has a mistake: %v", open, syn),
			Hint:    `write each entry as "key": value, separated by commas, with no comma after the last one`}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return problem.Problem{File: file, Line: open, Col: 1,
			Message: fmt.Sprintf("the JSON front matter opened with \"{\" at line %d is never closed", open),
			Hint:    "end it with a line holding only }"}
	case errors.As(err, &typ):
		return problem.Problem{File: file, Line: open, Col: 1,
			Message: "the front matter starting with \"{\" is not a JSON object",
			Hint:    `write it as { "title": "…", "date": "…" }, or in YAML between --- lines`}
	}
	return problem.Problem{File: file, Line: open, Col: 1, Message: "JSON front matter: " + err.Error(),
		Hint: "write it in YAML between --- lines instead"}
}
