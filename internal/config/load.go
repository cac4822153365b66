package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Load reads site.toml at the root of fsys. A missing file is the default
// configuration, not a problem, unless the site has Hugo's configuration
// instead: its settings would be silently ignored. Hugo's files beside
// site.toml are named in Config.Warnings, with how to merge each.
func Load(fsys fs.FS) (Config, []problem.Problem) {
	src, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), hugoConfigs(fsys, nil)
	}
	if err != nil {
		return Default(), []problem.Problem{{File: File, Message: "cannot read " + File + ": " + err.Error()}}
	}
	c, probs := Parse(src)
	c.Warnings = hugoConfigs(fsys, &c)
	return c, probs
}

// Parse decodes the text of site.toml. On problems the Config holds what
// could be decoded, with defaults, so a caller can still report more.
func Parse(src []byte) (Config, []problem.Problem) {
	src = bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	var c Config
	err := toml.NewDecoder(bytes.NewReader(src)).DisallowUnknownFields().Decode(&c)
	var strict *toml.StrictMissingError
	if err != nil && !errors.As(err, &strict) {
		return c.WithDefaults(), decodeProblems(err, src) // a syntax or type error stops go-toml
	}
	lines := keyLines(src)
	menuLines(c.Menus, "menus", lines)
	for code, l := range c.Languages {
		menuLines(l.Menus, "languages."+strings.ToLower(code)+".menus", lines)
	}
	if _, written := lines["taxonomies"]; written && c.Taxonomies == nil {
		c.Taxonomies = map[string]string{} // an empty [taxonomies]: the site wants none
	}
	// A quality written as 0 is not "unset": WithDefaults would make it
	// 80 without a word.
	var zero []problem.Problem
	if line, written := lines["images.quality"]; written && c.Images.Quality == 0 {
		zero = append(zero, problem.Problem{File: File, Line: line, Message: "images.quality must be between 1 and 100, got 0",
			Hint: "use a number from 1 to 100; 80 keeps photos sharp at a third of the size"})
	}
	c = c.WithDefaults()
	return c, append(append(decodeProblems(err, src), zero...), validate(c, lines)...)
}

// decodeProblems turns go-toml's errors into problems: every unknown key,
// or the first type or syntax error (go-toml stops at it) in src.
func decodeProblems(err error, src []byte) []problem.Problem {
	if err == nil {
		return nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		out := make([]problem.Problem, 0, len(strict.Errors))
		for _, e := range strict.Errors {
			line, col := e.Position()
			key := []string(e.Key())
			out = append(out, problem.Problem{
				File: File, Line: line, Col: col,
				Message: fmt.Sprintf("unknown key %q", strings.Join(key, ".")),
				Hint:    unknownKeyHint(key),
			})
			if strings.EqualFold(key[0], "permalinks") {
				out[len(out)-1].Hint = permalinksHintFor(src)
			}
		}
		return out
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg, hint := explain(de)
		msg = frontmatter.TOMLChar(msg, src, line, col)
		return []problem.Problem{{File: File, Line: line, Col: col, Message: msg, Hint: hint}}
	}
	return []problem.Problem{{File: File, Message: err.Error()}}
}

var typeErrorRE = regexp.MustCompile(`^toml: cannot decode TOML (\w+(?: \w+)?) into (?:.* of type )?(\S+)$`)

// explain rewrites a go-toml decode error in the words of someone
// editing site.toml, not of the Go code behind it.
func explain(de *toml.DecodeError) (msg, hint string) {
	key := strings.Join([]string(de.Key()), ".")
	m := typeErrorRE.FindStringSubmatch(de.Error())
	if m == nil || key == "" {
		msg = "site.toml is not valid TOML: " + strings.TrimPrefix(de.Error(), "toml: ")
		return msg, syntaxHint(msg)
	}
	want, example := goTypeWords(m[2])
	msg = fmt.Sprintf("%q must be %s, got %s", key, want, tomlTypeWords(m[1]))
	last := key[strings.LastIndexByte(key, '.')+1:]
	hint = fmt.Sprintf("write it as %s = %s", last, example)
	if m[1] == "string" && example != `"…"` {
		hint += " (without quotes)"
	}
	return msg, hint
}

func goTypeWords(t string) (want, example string) {
	switch {
	case t == "string":
		return "text in quotes", `"…"`
	case t == "bool":
		return "true or false", "true"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number", "10"
	case strings.HasPrefix(t, "[]"):
		return "a list", "[…]"
	}
	return "a table", "{ … } or a [table] section"
}

func tomlTypeWords(t string) string {
	switch t {
	case "string":
		return "text"
	case "integer":
		return "a whole number"
	case "float":
		return "a decimal number"
	case "boolean":
		return "true or false"
	case "array":
		return "a list"
	}
	if strings.Contains(t, "table") {
		return "a table"
	}
	if strings.Contains(t, "date") || strings.Contains(t, "time") {
		return "a date"
	}
	return "a TOML " + t
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "already defined"), strings.Contains(msg, "already exists"):
		return "a key or [table] is written twice; remove one of them"
	case strings.Contains(msg, "at start of value"):
		return `text in TOML needs quotes, e.g. title = "My site"`
	case strings.Contains(msg, "too large"):
		return "use a smaller number"
	}
	return "check the TOML on this line: key = value, text in quotes, [tables] on their own line"
}

// menuLines sets each menu entry's Line from keyLines: its pageRef's or
// url's, else its [[table]] header's. The maps are the config's own.
func menuLines(menus map[string][]MenuEntry, prefix string, lines map[string]int) {
	for name, entries := range menus {
		for i := range entries {
			entry := fmt.Sprintf("%s.%s.#%d", prefix, strings.ToLower(name), i)
			entries[i].Line = lines[entry]
			for _, key := range []string{".pageref", ".url"} {
				if l, ok := lines[entry+key]; ok {
					entries[i].Line = l
				}
			}
		}
	}
}
