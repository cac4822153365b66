package frontmatter

import (
	"fmt"
	"sort"
	"strings"
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
	if s, ok := nearest(key, known); ok {
		return fmt.Sprintf("did you mean %q?", s)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	return "known keys: " + strings.Join(sorted, ", ")
}

// nearest returns the candidate closest to word by edit distance, if it is
// close enough to be the word the editor meant.
func nearest(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	if len(w) > 64 {
		return "", false // no key is that long; spare the quadratic comparison
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(w, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if len([]rune(w)) <= 4 {
		limit = 1
	}
	return best, bestDist >= 0 && bestDist <= limit
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours ("titel") cost one.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
