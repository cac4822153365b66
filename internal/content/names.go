package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// pageFiles keeps the markdown files whose names and places make pages,
// and reports the others: published as the pages they look like, they
// would be pages no one meant.
func (l *loader) pageFiles(files []mdFile) []mdFile {
	bundles := l.bundles(files)
	kept := files[:0]
	for _, f := range files {
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
