package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/problem"
	"go.yaml.in/yaml/v3"
)

// loadData reads data/ into nested maps: data/a/b.yaml is .Site.Data.a.b.
// YAML, TOML and JSON files are read; anything else is left alone.
func (b *builder) loadData() map[string]any {
	root := map[string]any{}
	err := fs.WalkDir(b.fsys, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		ext := path.Ext(p)
		v, ok := b.decodeData(p, ext)
		if !ok {
			return nil
		}
		node := root
		for _, dir := range strings.Split(path.Dir(strings.TrimPrefix(p, "data/")), "/") {
			if dir == "." {
				continue
			}
			next, _ := node[dir].(map[string]any)
			if next == nil {
				next = map[string]any{}
				node[dir] = next
			}
			node = next
		}
		node[strings.TrimSuffix(d.Name(), ext)] = v
		return nil
	})
	if err != nil && !isNotExist(err) {
		b.problem(problem.Problem{File: "data", Message: "cannot read the data folder: " + err.Error()})
	}
	return root
}

// yamlLine finds the line number in a YAML error message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

func (b *builder) decodeData(p, ext string) (any, bool) {
	var decode func([]byte, any) error
	switch ext {
	case ".yaml", ".yml":
		decode = yaml.Unmarshal
	case ".toml":
		decode = toml.Unmarshal
	case ".json":
		decode = json.Unmarshal
	default:
		return nil, false
	}
	src, err := fs.ReadFile(b.fsys, p)
	if err != nil {
		b.problem(problem.Problem{File: p, Message: "cannot read: " + err.Error()})
		return nil, false
	}
	src = []byte(strings.ReplaceAll(strings.TrimPrefix(string(src), "\ufeff"), "\r\n", "\n"))
	var v any
	if err := decode(src, &v); err != nil {
		line := 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		} else if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		b.problem(problem.Problem{File: p, Line: line, Message: "cannot read data file: " + err.Error(),
			Hint: "check the file's syntax; in YAML, indent with spaces and put text with a colon in quotes"})
		return nil, false
	}
	return v, true
}

// loadStrings reads i18n/<language>.toml, the interface strings T looks up.
func (b *builder) loadStrings() map[string]any {
	p := "i18n/" + b.site.LanguageCode() + ".toml"
	if _, err := fs.Stat(b.fsys, p); isNotExist(err) {
		return nil // T then shows each key as written
	}
	v, ok := b.decodeData(p, ".toml")
	if !ok {
		return nil
	}
	m, _ := v.(map[string]any)
	return m
}

// translate looks a key up in the language's strings. A plural entry is a
// table of forms ("one", "other"); {{ .Count }} in the text is replaced by
// the count. A missing key falls back to the key itself so a page still
// renders; the campaign sees it plainly on the page.
func (s *Site) translate(key string, count any) (string, error) {
	v, ok := s.strings[key]
	if !ok {
		return key, nil
	}
	text, isText := v.(string)
	if forms, isTable := v.(map[string]any); isTable {
		form := "other"
		if n, isNum := count.(int); isNum && n == 1 {
			form = "one"
		}
		text, _ = forms[form].(string)
		if text == "" {
			text, _ = forms["other"].(string)
		}
	} else if !isText {
		return "", fmt.Errorf("T: i18n key %q is neither text nor a table of plural forms", key)
	}
	if count != nil {
		text = strings.ReplaceAll(text, "{{ .Count }}", fmt.Sprint(count))
		text = strings.ReplaceAll(text, "{{.Count}}", fmt.Sprint(count))
	}
	return text, nil
}

// problemAt is a problem at the line of a front matter key of a page.
func problemAt(p *Page, key, msg, hint string) problem.Problem {
	pr := problem.Problem{File: p.File(), Message: msg, Hint: hint}
	if p.src != nil {
		pr.Line = p.src.Meta.Lines[key]
	}
	return pr
}

func cleanAlias(a string) string { return content.CleanURL(a) }

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
