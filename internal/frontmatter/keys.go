package frontmatter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// knownKeys are the top-level keys Meta decodes, in Hugo's spelling.
// Taxonomy keys come on top, from the site's configuration.
var knownKeys = [...]string{
	"aliases", "date", "description", "draft", "expiryDate", "image", "lastmod", "layout",
	"menu", "params", "publishDate", "slug", "summary", "title", "toc", "translationKey",
	"type", "url", "weight",
}

// keyAliases are other spellings Hugo accepts for a key.
var keyAliases = map[string]string{"menus": "menu"}

// Known returns the top-level front matter keys in Hugo's spelling, sorted,
// without the taxonomy keys (which depend on the site's configuration).
func Known() []string {
	out := append([]string(nil), knownKeys[:]...)
	sort.Strings(out)
	return out
}

// canonical returns the Hugo spelling of key, matched case-insensitively as
// Hugo does ("publishdate", "lastMod"), or the plural taxonomy name.
func canonical(key string, taxonomies []string) (name string, taxonomy, ok bool) {
	for _, k := range knownKeys {
		if strings.EqualFold(k, key) {
			return k, false, true
		}
	}
	if k, found := keyAliases[strings.ToLower(key)]; found {
		return k, false, true
	}
	for _, t := range taxonomies {
		if t != "" && strings.EqualFold(t, key) {
			return t, true, true
		}
	}
	return "", false, false
}

// unknownKeyHint names the known key nearest to key, or lists them all
// when none is near.
func unknownKeyHint(key string, known []string) string {
	if s, ok := problem.Nearest(key, known); ok {
		return fmt.Sprintf("did you mean %q?", s)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	return "known keys: " + strings.Join(sorted, ", ")
}
