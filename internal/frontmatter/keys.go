package frontmatter

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// knownKeys are the top-level keys Meta decodes, in Hugo's spelling.
// Taxonomy keys come on top, from the site's configuration.
var knownKeys = [...]string{
	"aliases", "build", "date", "description", "draft", "expiryDate", "image", "lastmod", "layout",
	"linkTitle", "menu", "params", "publishDate", "resources", "sitemap", "slug", "summary", "title", "toc",
	"translationKey", "type", "url", "weight",
}

// keyAliases are other spellings Hugo accepts for a key, lower-cased:
// besides menus and _build, the dates' names in Hugo's front matter
// configuration (resources/page/pagemeta, dateFieldAliases). They are
// read as the dates they stand for rather than refused with a hint: a
// site moved from Hugo keeps its dates with no edit, where a refusal
// stops the build until each page is changed, and where the hint that
// names the nearest known key sent "unpublishdate" to publishDate,
// hiding the page until the day it should have expired. Two names for
// one date in a file are a problem, as two of any key are, naming both
// lines: Hugo would take one of them without a word.
var keyAliases = map[string]string{
	"menus": "menu", "_build": "build",
	"pubdate": "publishDate", "published": "publishDate",
	"modified":      "lastmod",
	"unpublishdate": "expiryDate",
}

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
// when none is near. A key with an invisible character in it (pasted from
// a word processor) is most likely a known key, or one indented with a
// non-breaking space; the hint says what is there, as %q shows only
// "\u00a0".
// orElse, when not "", goes before that list.
func unknownKeyHint(key string, known []string, orElse string) string {
	if h := invisibleHint(key); h != "" {
		return h
	}
	if s, ok := problem.Nearest(key, known); ok {
		return fmt.Sprintf("did you mean %q?", s)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	return orElse + "known keys: " + strings.Join(sorted, ", ")
}

// invisibleNames name the invisible characters word processors and web
// pages leave in pasted text, in words a campaigner knows.
var invisibleNames = map[rune]string{
	'\u00a0': "a non-breaking space",
	'\u2007': "a figure space",
	'\u202f': "a narrow non-breaking space",
	'\u200b': "a zero-width space",
	'\u200c': "a zero-width non-joiner",
	'\u200d': "a zero-width joiner",
	'\u2060': "a word joiner",
	'\u00ad': "a soft hyphen",
	'\ufeff': "a byte order mark",
}

// invisible reports whether r is a character that shows as nothing or as
// a plain space but is not one.
func invisible(r rune) bool {
	return invisibleNames[r] != "" || unicode.Is(unicode.Cf, r)
}

// invisibleHint says, for text quoted from the page, which invisible
// character it holds and where, and what to do; "" when it holds none.
func invisibleHint(s string) string {
	i := strings.IndexFunc(s, invisible)
	if i < 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	name := invisibleNames[r]
	if name == "" {
		name = fmt.Sprintf("an invisible formatting character, U+%04X", r)
	}
	clean := func(t string) string {
		return strings.TrimSpace(strings.Map(func(r rune) rune {
			switch {
			case unicode.Is(unicode.Cf, r):
				return -1 // zero-width: nothing was meant there
			case invisible(r):
				return ' '
			}
			return r
		}, t))
	}
	before, after := clean(s[:i]), clean(s[i:])
	what := fmt.Sprintf("the line has an invisible character (%s, often pasted from a word processor)", name)
	switch {
	case before == "" && after != "":
		return fmt.Sprintf("%s before %s; delete the spaces before it and type them again", what, after)
	case before != "" && after == "":
		return fmt.Sprintf("%s after %s; delete what follows it and type it again", what, before)
	case before != "":
		return fmt.Sprintf("%s in %s; delete %s and type it again", what, clean(s), clean(s))
	}
	return what + "; delete the line and type it again"
}
