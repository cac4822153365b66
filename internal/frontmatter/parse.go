package frontmatter

import "github.com/samizdat-press/samizdat/internal/problem"

// Parse splits a content file into front matter and body and decodes the
// front matter, with "tags" and "categories" as the taxonomy keys (Hugo's
// default). file names the file in problems. See ParseWith.
func Parse(file string, src []byte) (meta Meta, body []byte, bodyLine int, problems []problem.Problem) {
	return ParseWith(file, src, []string{"tags", "categories"})
}

// ParseWith is Parse with the taxonomy keys the site declares: their
// plural names, as in site.toml's [taxonomies].
//
// The input is normalised first: a UTF-8 byte order mark is dropped and
// CRLF and lone CR line ends become LF; text that is not UTF-8, or holds a
// NUL byte, is a problem and nothing else is returned. Front matter is YAML
// between "---" lines, TOML between "+++" lines or a JSON object ("{" …
// "}", as Hugo reads it), optionally after blank lines; a file without it
// is all body, unless its first lines up to a "---" (or "+++") line are
// all known keys: that is front matter whose opening delimiter is
// missing, a problem. So is a line of dashes other than "---" (an em
// dash, "—-", "----") where YAML front matter opens or closes, when a
// key follows it: the front matter would be published as text. After a
// line of hyphens only, which markdown draws as a rule, that key must be
// a known one, or two keys must come before a closing line.
//
// body is the normalised text after the closing delimiter and bodyLine the
// number of lines before it, so body line N is file line bodyLine+N.
// Problems carry file lines. Keys are matched case-insensitively, as Hugo
// matches them ("publishdate", "lastMod"); "menus" is read as "menu", and
// Hugo's other names for the dates as those dates ("pubdate" and
// "published" as publishDate, "modified" as lastmod, "unpublishdate" as
// expiryDate). A key of Hugo's that samizdat does not read ("headless",
// "cascade", a default taxonomy the site has not turned on) is a problem
// that says what samizdat does instead. An empty value ("date:") leaves
// the field unset, except for title, where it is a problem.
func ParseWith(file string, src []byte, taxonomies []string) (meta Meta, body []byte, bodyLine int, problems []problem.Problem) {
	text, problems := normalise(file, src)
	if problems != nil {
		return Meta{}, nil, 0, problems
	}
	p, problems := split(file, text)
	if p.format == formatNone {
		if problems == nil {
			problems = lookAlikeOpen(file, text, taxonomies)
		}
		if problems == nil {
			problems = missingOpen(file, text, taxonomies)
		}
		return Meta{}, p.body, p.bodyLine, problems
	}
	if len(p.front) > maxFrontMatter {
		return Meta{}, p.body, p.bodyLine, problems
	}
	tree, more := decodeTree(file, p, taxonomies)
	problems = append(problems, more...)
	if tree == nil {
		return Meta{}, p.body, p.bodyLine, problems
	}
	d := decoder{file: file, format: p.format, taxonomies: taxonomies}
	d.decode(tree)
	return d.meta, p.body, p.bodyLine, append(problems, d.probs...)
}

func decodeTree(file string, p parts, taxonomies []string) (*value, []problem.Problem) {
	if p.format == formatTOML {
		return fromTOML(file, p.front, p.open)
	}
	return fromYAML(file, p.front, p.open, taxonomies)
}
