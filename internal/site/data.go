package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/samizdat-press/samizdat/internal/editorfile"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/problem"
	"go.yaml.in/yaml/v3"
)

// loadData reads data/ into nested maps: data/a/b.yaml is .Site.Data.a.b.
// YAML, TOML, JSON and CSV files are read; anything else is warned of,
// but notes for editors (.md, .txt).
func (b *builder) loadData() map[string]any {
	root := map[string]any{}
	if b.linkedRoot(dataDir) {
		return root
	}
	err := fs.WalkDir(b.fsys, dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != dataDir || !isNotExist(err) {
				b.problem(problem.Problem{File: p, Message: "cannot read: " + err.Error(), Hint: "check the file's permissions"})
			}
			return nil
		}
		name := d.Name()
		if d.Type()&fs.ModeSymlink != 0 {
			b.problem(problem.Problem{File: p, Message: "symbolic links are not read", Hint: "copy the file into data/ instead of linking to it"})
			return nil
		}
		if d.IsDir() {
			if p != dataDir && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || !d.Type().IsRegular() || editorfile.Temp(name) {
			return nil
		}
		ext := path.Ext(p)
		if !dataExts[strings.ToLower(ext)] {
			if ext != ".md" && ext != ".txt" { // notes for editors
				b.warn([]problem.Problem{{File: p, Message: "samizdat does not read this file: data files are YAML, TOML, JSON or CSV",
					Hint: "save it in one of those formats (.yaml, .toml, .json, .csv), or move it out of data/"}})
			}
			return nil
		}
		v, ok := b.decodeData(p, strings.ToLower(ext))
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
		node[strings.TrimSuffix(name, ext)] = v
		return nil
	})
	if err != nil && !isNotExist(err) {
		b.problem(problem.Problem{File: dataDir, Message: "cannot read the data folder: " + err.Error()})
	}
	return root
}

// dataExts are the formats of data files.
var dataExts = map[string]bool{".yaml": true, ".yml": true, ".toml": true, ".json": true, ".csv": true}

// The folders, relative to the site root, of data files and interface
// strings.
const (
	dataDir = "data"
	i18nDir = "i18n"
)

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
	case ".csv":
		decode = decodeCSV
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
		b.unread = true
		line, msg := 0, err.Error()
		var de *toml.DecodeError
		var ce *csv.ParseError
		if errors.As(err, &de) {
			var col int
			line, col = de.Position()
			msg = frontmatter.TOMLChar(msg, src, line, col)
		} else if errors.As(err, &ce) {
			line = ce.StartLine // the row's, where an unclosed quote opens
		} else if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		if q := frontmatter.UnclosedQuote(src, err.Error()); q > 0 && ext != ".toml" && ext != ".json" {
			b.problem(problem.Problem{File: p, Line: q, Message: "cannot read data file: the quote that opens the value on this line is not closed",
				Hint: `end the value with the same quote mark on this line, e.g. title: "Oil workers strike"`})
			return nil, false
		}
		hint := "check the file's syntax; in YAML, indent with spaces and put text with a colon in quotes"
		switch ext {
		case ".toml":
			hint = `check the file's syntax; in TOML, write each line as key = "text", with the text in double quotes`
		case ".json":
			hint = "check the file's syntax; in JSON, put every key and text in double quotes and commas between items"
		case ".csv":
			hint = `check the quotes of the row that starts on this line: a field holding a comma or a line break goes in double quotes, and a quote inside it is written twice ("")`
		}
		b.problem(problem.Problem{File: p, Line: line, Message: "cannot read data file: " + msg, Hint: hint})
		return nil, false
	}
	return asText(v), true
}

// decodeCSV reads a CSV data file as Hugo does: a list of rows, each a
// list of fields, the first row (the header, if it has one) included. A
// timeline kept in a spreadsheet can be exported as it is.
func decodeCSV(src []byte, v any) error {
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1 // rows may differ in length, as spreadsheets export them
	rows, err := r.ReadAll()
	if err != nil {
		return err
	}
	out := make([]any, len(rows))
	for i, row := range rows {
		fields := make([]any, len(row))
		for j, f := range row {
			fields[j] = f
		}
		out[i] = fields
	}
	*v.(*any) = out
	return nil
}

// asText makes what YAML reads mean what the file says whatever the
// quotes, as Hugo reads data files:
//
//   - dates read from unquoted values (date: 2011-12-16) become the text
//     they were written as, so templates get "2011-12-16", which
//     dateFormat reads, not a time.Time that prints as "2011-12-16
//     00:00:00 +0000 UTC"; a date with a time of day becomes RFC 3339
//     text;
//   - keys read as numbers or booleans (1: "Jan") become text, as Hugo's
//     stringifyMapKeys makes them: a map with such keys is otherwise one
//     that index, with the text a template has ("1"), finds nothing in.
func asText(v any) any {
	switch x := v.(type) {
	case time.Time:
		if x.Equal(x.Truncate(24*time.Hour)) && x.Location() == time.UTC {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339)
	case map[string]any:
		for k, e := range x {
			x[k] = asText(e)
		}
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(asText(k))] = asText(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = asText(e)
		}
	}
	return v
}

// stringsExts are the formats of i18n files, as Hugo reads them.
var stringsExts = []string{".toml", ".yaml", ".yml", ".json"}

// stringsFile is the language's i18n file: i18n/<lang>.toml, or .yaml,
// .yml or .json, the first that is there; others are the site's
// problem (see loadStrings). i18n/<lang>.toml when there is none, the
// file to write.
func (b *builder) stringsFile(lang string) string {
	for _, ext := range stringsExts {
		if p := i18nDir + "/" + lang + ext; fileExists(b.fsys, p) {
			return p
		}
	}
	return i18nDir + "/" + lang + ".toml"
}

// stringLine is an i18n file's line for key, as the file's format
// writes it.
func stringLine(file, key string) string {
	switch path.Ext(file) {
	case ".yaml", ".yml":
		return key + `: "…"`
	case ".json":
		return strconv.Quote(key) + `: "…"`
	}
	return key + ` = "…"`
}

func fileExists(fsys fs.FS, p string) bool {
	_, err := fs.Lstat(fsys, p)
	return err == nil
}

// loadStrings reads the language's i18n file (stringsFile), the
// interface strings T looks up. It says whether the file is there but
// could not be read (a problem already reported), and whether the site
// has any strings (has is true once one language's file was found).
func (b *builder) loadStrings(lang string, has bool) (table map[string]any, broken, hasAny bool) {
	p := b.stringsFile(lang)
	var more []string
	for _, ext := range stringsExts {
		if q := i18nDir + "/" + lang + ext; q != p && fileExists(b.fsys, q) {
			more = append(more, q)
		}
	}
	if len(more) > 0 {
		b.problem(problem.Problem{File: p, Message: fmt.Sprintf("the language %s has more than one i18n file: %s and %s", lang, p, strings.Join(more, ", ")),
			Hint: "keep one of them, with every string in it; " + p + " is the one read"})
	}
	info, err := fs.Lstat(b.fsys, p)
	if isNotExist(err) {
		return nil, false, has
	}
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		b.problem(problem.Problem{File: p, Message: "symbolic links are not read", Hint: "copy the file into i18n/ instead of linking to it"})
		return nil, true, true
	}
	v, ok := b.decodeData(p, path.Ext(p))
	if !ok {
		return nil, true, true
	}
	return b.stringsTable(p, v), false, true
}

// problemAt is a problem at the line of a front matter key of a page.
func problemAt(p *Page, key, msg, hint string) problem.Problem {
	pr := problem.Problem{File: p.File(), Message: msg, Hint: hint}
	if p.src != nil {
		pr.Line = p.src.Meta.Lines[key]
	}
	return pr
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
