package content

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
	"golang.org/x/text/language"
)

// pageFiles keeps the markdown files whose names and places make pages,
// and reports the others: published as the pages they look like, they
// would be pages no one meant.
func (l *loader) pageFiles(files []mdFile) []mdFile {
	bundles := l.bundles(files)
	kept := files[:0]
	for _, f := range files {
		if prob, sure, ok := l.wrongLang(f); ok && sure {
			l.probs = append(l.probs, prob)
			continue
		} else if ok {
			l.warnings = append(l.warnings, prob)
		}
		if d, ok := l.bundleOf(f.rel, bundles); ok {
			l.probs = append(l.probs, l.inBundle(f, d, bundles[d]))
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// bundles maps each folder with an index.md (or a translation of one) to
// the names of those files.
func (l *loader) bundles(files []mdFile) map[string][]string {
	b := map[string][]string{}
	for _, f := range files {
		if base, _ := l.splitLang(path.Base(f.rel)); base == "index.md" && path.Dir(f.rel) != "." {
			b[path.Dir(f.rel)] = append(b[path.Dir(f.rel)], path.Base(f.rel))
		}
	}
	return b
}

// bundleOf reports the outermost leaf bundle whose folder holds a markdown file
// other than the bundle's own index.md and its translations. Hugo reads
// such a file as one of the bundle's resources, never as a page. An
// _index.md beside an index.md is left to the claims check: the two are
// one address.
func (l *loader) bundleOf(rel string, bundles map[string][]string) (string, bool) {
	d := path.Dir(rel)
	if base, _ := l.splitLang(path.Base(rel)); base == "index.md" || base == "_index.md" {
		d = path.Dir(d)
	}
	outer := ""
	for ; d != "."; d = path.Dir(d) {
		if bundles[d] != nil {
			outer = d
		}
	}
	return outer, outer != ""
}

// inBundle is the problem of a markdown file in the leaf bundle dir,
// whose index files are index: where it could go to be a page, how the
// folder could become a section, and where notes belong.
func (l *loader) inBundle(f mdFile, dir string, index []string) problem.Problem {
	inside := strings.TrimPrefix(f.rel, dir+"/")
	out := path.Join(Dir, path.Dir(dir), l.outOf(path.Base(dir), inside))
	renames := make([]string, len(index))
	for i, n := range index {
		renames[i] = n + " to _" + n
	}
	return problem.Problem{File: f.p,
		Message: fmt.Sprintf("%s/%s/ is one page, as it has an %s: %s in it is not a page of its own, so it is not published",
			Dir, dir, index[0], inside),
		Hint: fmt.Sprintf("to publish it as a page of its own, move it out of the folder, for example to %s; "+
			"to make the folder a section with several pages, rename %s; "+
			"if it is notes not meant for readers, keep it outside %s/",
			out, strings.Join(renames, " and "), Dir)}
}

// outOf is a name for the file inside, a path in the bundle folder
// bundle, once moved beside that folder: "kozlov-notes.ru.md" for
// "notes.ru.md", "kozlov-drafts.md" for "drafts/_index.md".
func (l *loader) outOf(bundle, inside string) string {
	name := path.Base(inside)
	base, lang := l.splitLang(name)
	stem := path.Join(path.Dir(inside), strings.TrimSuffix(base, path.Ext(base)))
	if base == "index.md" || base == "_index.md" {
		stem = path.Dir(inside)
	}
	suffix := path.Ext(name)
	if base != name {
		suffix = "." + lang + suffix
	}
	return bundle + "-" + strings.ReplaceAll(stem, "/", "-") + suffix
}

// wrongLang reports a file whose name ends in what looks like a language
// but is none of the site's ("_index.kz.md", "trial.RU.md",
// "trial.ru-RU.md", "trial.rus.md", "trial.de.md"): read as part of the
// name, it would publish a translation as a page of the default language,
// at an address such as /about/_index.kz/.
//
// sure is false where the code may as well be a word of the name
// ("what.is.md", "faq.it.md", "election.us.md"): the page is then
// published under that name, with a warning, rather than stop the build.
// An index file's suffix is always a language; and a country whose
// language is the site's first ("us" on an English site) says nothing,
// as the page is in that language either way.
func (l *loader) wrongLang(f mdFile) (prob problem.Problem, sure, ok bool) {
	name := path.Base(f.rel)
	stem := strings.TrimSuffix(name, path.Ext(name))
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return problem.Problem{}, false, false
	}
	if base, _ := l.splitLang(name); base != name {
		return problem.Problem{}, false, false
	}
	code := stem[i+1:]
	g, ok := guessLang(code, l.opts.Languages)
	if !ok {
		return problem.Problem{}, false, false
	}
	if g.word && g.other == "" && len(g.meant) == 1 && g.meant[0] == l.opts.Languages[0] {
		return problem.Problem{}, false, false // "election.us.md": English either way
	}
	index := stem[:i] == "index" || stem[:i] == "_index"
	sure = !g.word || index || !englishWords[code]
	msg := fmt.Sprintf("the file name ends in .%s%s, but %s is not one of the site's languages (%s), so this page is not published",
		code, path.Ext(name), code, strings.Join(l.opts.Languages, ", "))
	if !sure {
		msg = fmt.Sprintf("the file name ends in .%s%s, which reads like a language the site does not have (%s is none of %s): the page is published as %s",
			code, path.Ext(name), code, strings.Join(l.opts.Languages, ", "), l.opts.Languages[0])
	}
	return problem.Problem{File: f.p, Message: msg, Hint: l.langHint(g, stem[:i], code, path.Ext(name))}, sure, true
}

// englishWords are language or country codes that are also short English
// words, as names like "what.is.md", "log.in.md" and "faq.it.md" use
// them: such a name is taken as written, with a warning, not refused.
var englishWords = map[string]bool{
	"am": true, "an": true, "as": true, "at": true, "be": true, "by": true, "do": true, "go": true,
	"he": true, "hi": true, "id": true, "if": true, "in": true, "is": true, "it": true, "la": true,
	"me": true, "my": true, "no": true, "of": true, "on": true, "or": true, "so": true, "to": true,
	"up": true, "us": true, "we": true, "eu": true, "ii": true, "iv": true,
}

// langHint says what to do with the file name+"."+code+ext, which g
// guessed the language of: which names it may have been meant to have,
// how to add the language, or how to keep the code as part of the name.
func (l *loader) langHint(g langGuess, name, code, ext string) string {
	rename := func(c string) string { return name + "." + c + ext }
	var hints []string
	if len(g.meant) > 0 {
		names := make([]string, len(g.meant))
		for j, c := range g.meant {
			names[j] = rename(c)
			if c == l.opts.Languages[0] {
				names[j] += " (or " + name + ext + ": a page in the default language needs no code)"
			}
		}
		hints = append(hints, fmt.Sprintf("did you mean %s? %s: rename the file %s",
			strings.Join(g.meant, " or "), g.why, strings.Join(names, " or ")))
	}
	if g.other != "" {
		add := fmt.Sprintf("to publish pages in the language %s, add [languages.%s] to site.toml", g.other, g.other)
		if g.other != code {
			add += " and name the file " + rename(g.other)
		}
		hints = append(hints, add+` (see docs/content.md, "Translations")`)
	}
	if g.word && name != "index" && name != "_index" {
		hints = append(hints, fmt.Sprintf("if .%s is part of the page's name, not a language, write %s-%s%s (slug: %s.%s in its front matter keeps its address)", code, name, code, ext, name, code))
	}
	return strings.Join(hints, "; ")
}

// langGuess is what a name's last dotted part, not one of the site's
// languages, may stand for.
type langGuess struct {
	meant []string // the site's languages it may stand for
	why   string   // why it is not written as one of them
	other string   // a language the site does not have, which it names
	word  bool     // it may be meant as part of the name: a country's or another language's code ("us", "no")
}

// guessLang says whether code looks like a language, and which: one of
// the site's written in other letter case ("RU"), with a country
// ("ru-RU", "ru_RU") or as its three-letter code ("rus"); a country
// whose language the site has ("kz", Kazakhstan: kk, and ru, which most
// there read); or a real language the site does not have ("de"). Words
// that happen to be three-letter codes of other languages ("old", "new",
// "fin") are not taken for one, nor are "v2", "final" or "001".
func guessLang(code string, langs []string) (langGuess, bool) {
	for _, c := range langs {
		if strings.EqualFold(code, c) {
			return langGuess{meant: []string{c}, why: fmt.Sprintf("the site writes this language %s", c)}, true
		}
	}
	if tag, err := language.Parse(code); err == nil {
		base, _ := tag.Base()
		first, _, sep := strings.Cut(strings.ReplaceAll(code, "_", "-"), "-")
		for _, c := range langs {
			if cb, _, ok := siteLang(c); ok && cb == base {
				why := fmt.Sprintf("the site writes this language %s", c)
				if sep {
					why = fmt.Sprintf("the site's language is %s, without a country or script", c)
				}
				return langGuess{meant: []string{c}, why: why}, true
			}
		}
		if len(first) != 2 || len(base.String()) != 2 {
			return langGuess{}, false
		}
		g := countryGuess(code, langs)
		if len(g.meant) > 0 {
			g.why = fmt.Sprintf("%s is the code of a country as well as of a language the site does not have", code)
		}
		g.other, g.word = base.String(), true
		return g, true
	}
	g := countryGuess(code, langs)
	return g, len(g.meant) > 0
}

// siteLang is the language and likely country of one of the site's
// language codes; ok is false for a code that names no language.
func siteLang(code string) (language.Base, language.Region, bool) {
	tag, err := language.Parse(code)
	if err != nil {
		return language.Base{}, language.Region{}, false
	}
	base, conf := tag.Base()
	region, _ := tag.Region()
	return base, region, conf == language.Exact
}

// countryGuess is the site's languages of the country whose two-letter
// code is code: those whose home it is (kk for KZ), then the one most
// spoken there (ru for KZ), as the Unicode CLDR data has them.
func countryGuess(code string, langs []string) langGuess {
	if len(code) != 2 {
		return langGuess{}
	}
	region, err := language.ParseRegion(code)
	if err != nil || !region.IsCountry() {
		return langGuess{}
	}
	var meant []string
	for _, c := range langs {
		if _, r, ok := siteLang(c); ok && r == region {
			meant = append(meant, c)
		}
	}
	if t, err := language.Compose(region); err == nil {
		main, _ := t.Base()
		for _, c := range langs {
			if b, _, ok := siteLang(c); ok && b == main && !slices.Contains(meant, c) {
				meant = append(meant, c)
			}
		}
	}
	return langGuess{meant: meant, why: fmt.Sprintf("%s is the code of a country, not of a language", code), word: true}
}
