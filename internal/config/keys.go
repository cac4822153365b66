package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// knownKeys lists the keys allowed in the table holding key path, read
// from Config's toml tags so the list cannot fall out of step with the
// struct.
func knownKeys(path []string) []string {
	t := reflect.TypeFor[Config]()
	for _, part := range path[:len(path)-1] {
		for t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := fieldByKey(t, part)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	for t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if name := tomlName(t.Field(i)); name != "-" { // set by the build, never written
			keys = append(keys, name)
		}
	}
	sort.Strings(keys)
	return keys
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); strings.EqualFold(tomlName(f), key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tomlName(f reflect.StructField) string {
	if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name != "" {
		return name
	}
	return f.Name
}

// unknownKeyHint names the known key nearest to the unknown one, or lists
// the keys its table allows.
func unknownKeyHint(path []string) string {
	if h, ok := hugoKeyHint(path); ok {
		return h
	}
	known := knownKeys(path)
	key := path[len(path)-1]
	if s, ok := problem.Nearest(key, known); ok {
		return fmt.Sprintf("did you mean %q?", s)
	}
	if len(known) == 0 {
		return "remove it"
	}
	return "known keys here: " + strings.Join(known, ", ")
}

// keyLines maps each key path, lower-cased and dotted, to the line it is
// first written on; the entries of [[array tables]] are "name.#0",
// "name.#1"…. It runs on a document that has already decoded.
func keyLines(src []byte) map[string]int {
	out := map[string]int{}
	record := func(path string, offset uint32) {
		if _, ok := out[path]; !ok {
			out[path] = 1 + strings.Count(string(src[:offset]), "\n")
		}
	}
	keyPath := func(prefix string, n *unstable.Node) string {
		path := prefix
		for it := n.Key(); it.Next(); {
			k := it.Node()
			if path != "" {
				path += "."
			}
			path += strings.ToLower(string(k.Data))
			record(path, k.Raw.Offset)
		}
		return path
	}
	arrays := map[string]int{}
	var p unstable.Parser
	p.Reset(src)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = keyPath("", e)
		case unstable.ArrayTable:
			base := keyPath("", e)
			table = fmt.Sprintf("%s.#%d", base, arrays[base])
			arrays[base]++
			first := e.Key()
			first.Next()
			record(table, first.Node().Raw.Offset)
		case unstable.KeyValue:
			keyPath(table, e)
		}
	}
	return out
}

// hugoKeys are Hugo's site settings that sites moved from Hugo bring,
// lower-cased, with what to write here instead. Looked up by the whole
// dotted path, then by its first key.
var hugoKeys = map[string]string{
	"menu":                     "samizdat calls it menus: write [[menus.main]]",
	"theme":                    "samizdat has no themes: copy the theme's layouts/, static/ and i18n/ folders into the site's own, then remove this line",
	"themesdir":                "samizdat has no themes: copy the theme's layouts/, static/ and i18n/ folders into the site's own, then remove this line",
	"markup.goldmark":          "samizdat sets up markdown itself; its settings are [markup] unsafe = true (to let raw HTML through) and maxCodeBytes",
	"markup.highlight":         "samizdat highlights code with CSS classes (chroma.css) and needs no settings for it; remove this",
	"markup.tableofcontents":   "every page's .TableOfContents lists its headings; remove this",
	"defaultcontentlanguage":   "the site's first language is languageCode: write languageCode = \"en\"",
	"pagination":               "write paginate = N at the top of site.toml, N being the number of pages in a list page (Hugo's pagerSize)",
	"permalinks":               permalinksHint,
	"enablerobotstxt":          "samizdat always writes robots.txt, and a file static/robots.txt replaces it; remove this",
	"enablegitinfo":            "samizdat reads git without it: a page whose front matter has no lastmod takes its .Lastmod from its file's last commit, when the site is in git (there is no .GitInfo); remove this",
	"googleanalytics":          "a samizdat site loads nothing from other sites, so it has no analytics: remove this",
	"services":                 "a samizdat site loads nothing from other sites, so it has no such services: remove this",
	"privacy":                  "a samizdat site loads nothing from other sites, so it needs no privacy settings: remove this",
	"outputs":                  "samizdat writes HTML pages and Atom feeds, with no setting for other outputs; remove this ([output] is for minify and fingerprint)",
	"disablekinds":             "samizdat has no setting to leave out kinds of pages; remove this (a page's own front matter build: {list: never} keeps it out of lists)",
	"summarylength":            "a summary is the text before <!--more-->, else the first paragraph, or front matter summary; remove this",
	"builddrafts":              "samizdat leaves drafts out unless asked, per build: run samizdat build --drafts (or serve --drafts); remove this",
	"buildfuture":              "samizdat leaves future pages out unless asked, per build: run samizdat build --future; remove this",
	"buildexpired":             "samizdat leaves expired pages out unless asked, per build: run samizdat build --expired; remove this",
	"relativeurls":             "samizdat always makes the site's links relative to each page, so it works under any sub-path; for file:// and offline copies run samizdat build --portable; remove this",
	"uglyurls":                 "samizdat writes every page as a folder with index.html; for links that work from file:// run samizdat build --portable; remove this",
	"canonifyurls":             "samizdat keeps links relative and writes full addresses only where they must be (canonical links, feeds, the sitemap); remove this",
	"enableemoji":              "samizdat leaves :emoji: codes as written; type the emoji itself (😀); remove this",
	"author":                   "samizdat has no author setting: write it under [params] (author = \"…\" there, or a [params.author] table), where layouts read it as .Site.Params.author; then remove this",
	"disqusshortname":          "a samizdat site loads nothing from other sites, and Disqus's comments come from disqus.com: remove this, and the theme's comments partial",
	"ignorefiles":              "samizdat has no setting for files to skip: in content/ it skips files and folders whose names start with a dot, folders whose names start with _, and editors' temporary and backup files (name~, .swp, .bak, .orig, .tmp); other files beside the pages are published with them. Move what is not for readers out of content/ (or into a folder whose name starts with _), then remove this",
	"ignoreerrors":             "samizdat has no setting to pass over errors: each problem says what to fix, and a build with problems writes nothing; remove this",
	"blackfriday":              "samizdat sets up markdown itself (goldmark, with footnotes, tables and typographic quotes); its settings are [markup] unsafe = true (to let raw HTML through) and maxCodeBytes; remove this",
	"pluralizelisttitles":      "samizdat does not make list titles plural: a section's title is its _index.md's title, else its folder's name with a capital letter (post gives Post); write the title you want in the section's _index.md, and remove this",
	"hascjklanguage":           "samizdat has no setting for Chinese, Japanese or Korean text: summaries go by paragraph, not by word count, and .WordCount and .ReadingTime count the text between spaces (countwords counts such letters one by one); remove this",
	"paginatepath":             "samizdat writes a list's further pages at page/2/, page/3/ and on, Hugo's default, with no setting to change it; remove this",
	"languages.*.paginate":     "samizdat has one page size for every language: write paginate = N at the top of site.toml, and remove this",
	"languages.*.pagination":   "samizdat has one page size for every language: write paginate = N at the top of site.toml, and remove this",
	"languages.*.languagename": "samizdat calls it name: write name = with the language's name in that language, such as name = \"Русский\"",
	"languages.*.label":        "samizdat calls it name: write name = with the language's name in that language, such as name = \"Русский\"",
	"languages.*.languagecode": "a language's code is its table's name ([languages.ru]), and the site's first language is languageCode at the top; remove this",
	"languages.*.locale":       "a language's code is its table's name ([languages.ru]), and the site's first language is languageCode at the top; remove this",
	"locale":                   "the site's first language is languageCode: write languageCode = \"en\"",
	"mainsections":             "samizdat reads mainSections under [params] (mainSections = [\"news\"]), where themes read .Site.Params.mainSections; without it, that is the section with the most pages, as in Hugo; move it there",
	"imaging":                  "samizdat has no [imaging] table: write the quality, anchor and filter in each processing spec, {{ $img.Fill \"1200x630 q80 TopLeft Lanczos\" }} (without them: quality 75, Center, Box, as Hugo's defaults); the build strips pictures' metadata itself; remove this",
	"timezone":                 "dates without a zone are read as UTC; write the zone in the date itself (2012-11-21T10:00:00+06:00); remove this",
	"frontmatter":              "samizdat reads date, lastmod, publishDate and expiryDate from front matter as Hugo does by default, and takes lastmod from git; remove this",
	"capitalizelisttitles":     "samizdat shows a tag's title as written: capitalise it in the layout with {{ .Title | title }}; remove this",
	"languages.*.contentdir":   "translations live beside their source pages, with the language before .md (page.ru.md); remove this",
	"languages.*.related":      "samizdat has one [related] table for every language: write it at the top level of site.toml, and remove this",
	// A menu entry's keys that samizdat's do not have; the nearest known
	// key ("pre" is near "parent") would be the wrong advice.
	"menus.*.pre":    menuHTMLHint,
	"menus.*.post":   menuHTMLHint,
	"menus.*.title":  "samizdat's menu entries have no tooltip: remove this; name is the link's text",
	"menus.*.params": "samizdat's menu entries have no params: remove this; a layout can tell entries apart by their identifier",
}

// menuHTMLHint is for Hugo's pre and post, HTML around a menu entry's
// name (an icon).
const menuHTMLHint = `samizdat's menus hold no HTML of their own: remove this; a layout can add an icon to an entry by its identifier, {{ if eq .Identifier "donate" }}…{{ end }}`

// hugoKeyPrefixes are the beginnings of Hugo's families of settings,
// lower-cased, with what to write instead: pygmentsStyle,
// pygmentsCodeFences…; footnoteReturnLinkContents, footnoteAnchorPrefix.
var hugoKeyPrefixes = map[string]string{
	"pygments": `samizdat highlights fenced code itself, always, with CSS classes: the colours are in chroma.css, which a layout links as <link rel="stylesheet" href="{{ relURL "chroma.css" }}">; there is nothing to set, so remove this`,
	"footnote": "samizdat writes footnotes ([^1]) itself, each with a link back to the text, and has no settings for them; remove this",
}

// hugoKeyHint is what to write instead of a Hugo setting.
func hugoKeyHint(path []string) (string, bool) {
	lower := make([]string, len(path))
	for i, p := range path {
		lower[i] = strings.ToLower(p)
	}
	if len(lower) >= 3 && lower[0] == "languages" {
		lower[1] = "*" // any language's table
		if lower[2] == "menus" {
			lower = lower[2:] // a language's menus are menus
		}
	}
	if len(lower) >= 3 && lower[0] == "menus" {
		lower[1] = "*" // any menu
	}
	for n := len(lower); n > 0; n-- {
		if h, ok := hugoKeys[strings.Join(lower[:n], ".")]; ok {
			return h, true
		}
	}
	if len(lower) == 1 {
		for prefix, h := range hugoKeyPrefixes {
			if strings.HasPrefix(lower[0], prefix) {
				return h, true
			}
		}
	}
	return "", false
}
