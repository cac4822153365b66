package site

import (
	"fmt"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// stringsTable is an i18n file's strings by key. Hugo reads two forms, and
// so does samizdat: a table of key = text (or key = {one, other}), and
// go-i18n's older list of {id, translation}, which themes such as PaperMod
// ship (- id: read_time / translation: {one: …, other: …}). A list entry
// without an id is a problem at file p.
func (b *builder) stringsTable(p string, v any) map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return v
	case []any:
		m := make(map[string]any, len(v))
		for i, e := range v {
			entry, _ := e.(map[string]any)
			id, _ := entry["id"].(string)
			if id == "" {
				b.problem(problem.Problem{File: p, Message: fmt.Sprintf("entry %d of the list has no id", i+1),
					Hint: "give each entry an id and a translation (- id: read_more / translation: \"Read more\"), or write the file as a table (read_more: \"Read more\")"})
				continue
			}
			m[id] = entry["translation"]
		}
		return m
	}
	return nil
}
