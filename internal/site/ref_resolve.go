package site

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/markdown"
)

// resolveRef is markdown.Context.ResolveRef for page p: the address of
// the page a Hugo ref or relref names, found as Hugo finds it. The path
// ("first", "posts/first.md", "/about", without #fragment) names a page's
// file with or without .md, or a folder for its section (_index.md) or
// bundle (index.md); without a leading / it is tried from p's folder,
// then from content/, then as the end of exactly one page's path
// anywhere ("first" for content/posts/first.md). Ordinary links keep
// their stricter rules (resolveLink).
func (b *builder) resolveRef(p *Page, ref string) (string, error) {
	rel, bases := refBases(p, ref)
	for _, base := range bases {
		if q := b.refAt(base, p.site.lang); q != nil {
			return q.url, nil
		}
	}
	if strings.HasPrefix(ref, "/") {
		return "", b.refMissing(p, ref)
	}
	found := b.refByName(rel, p.site.lang)
	switch len(found) {
	case 0:
		return "", b.refMissing(p, ref)
	case 1:
		return found[0].url, nil
	}
	var files []string
	for _, q := range found {
		files = append(files, describe(q))
	}
	sort.Strings(files)
	return "", &callMistake{msg: fmt.Sprintf("ref %q: more than one page has that name", ref),
		hint: fmt.Sprintf("it could be %s; write the path from content/, such as \"/%s\"",
			strings.Join(files, ", "), strings.TrimSuffix(strings.TrimPrefix(files[0], content.Dir+"/"), ".md"))}
}

// refBases are the paths, without .md, where the page ref names is looked
// for first (content/posts/first for "/posts/first.md"), and rel is ref as
// the end of a page's path from content/ ("posts/first").
func refBases(p *Page, ref string) (rel string, bases []string) {
	rel = path.Clean(strings.TrimSuffix(strings.TrimSuffix(ref, "/"), ".md"))
	if strings.HasPrefix(ref, "/") {
		return rel, []string{path.Join(content.Dir, rel)}
	}
	return rel, []string{path.Join(path.Dir(p.src.File), rel), path.Join(content.Dir, rel)}
}

// refAt is the page whose file is base.md (or base.LANG.md), or whose
// folder base is, in lang or else another language; nil if none.
func (b *builder) refAt(base, lang string) *Page {
	for _, s := range b.sitesFrom(lang) {
		files := []string{base + "." + s.lang + ".md"}
		if s.IsDefaultLanguage() {
			files = append(files, base+".md")
		}
		for _, f := range files {
			if q := b.world.bySource[f]; q != nil && q.site == s {
				return q
			}
		}
	}
	if dir, ok := strings.CutPrefix(base+"/", content.Dir+"/"); ok {
		if pages := b.folderPages(strings.TrimSuffix(dir, "/"), lang); len(pages) > 0 {
			return pages[0]
		}
	}
	return nil
}

// refByName lists the pages whose path from content/, without .md and
// language (a section or bundle by its folder), ends with name: those in
// lang when there are any.
func (b *builder) refByName(name, lang string) []*Page {
	var all, own []*Page
	for _, q := range b.pages {
		key := refKey(q)
		if key == "" || key != name && !strings.HasSuffix(key, "/"+name) {
			continue
		}
		all = append(all, q)
		if q.site.lang == lang {
			own = append(own, q)
		}
	}
	if len(own) > 0 {
		return own
	}
	return all
}

// refKey is a page's path from content/ as a ref names it: "posts/first"
// for content/posts/first.md (or first.fr.md), "about" for
// content/about/_index.md or index.md; "" for a page with no file.
func refKey(q *Page) string {
	f := q.File()
	if f == "" {
		if q.src != nil {
			return q.src.SectionDir // a section made up for a folder
		}
		return ""
	}
	return fileRefKey(f, []string{q.site.lang})
}

// fileRefKey is refKey of the content file f, whose language is one of
// langs.
func fileRefKey(f string, langs []string) string {
	f = strings.TrimSuffix(strings.TrimPrefix(f, content.Dir+"/"), ".md")
	for _, lang := range langs {
		if k, ok := strings.CutSuffix(f, "."+lang); ok {
			f = k
			break
		}
	}
	if base := path.Base(f); base == "index" || base == "_index" {
		f = path.Dir(f)
	}
	if f == "." {
		return ""
	}
	return f
}

// refLeftOut says why the page ref would name, were every page published,
// is left out of this build (a draft), or "" when no page left out has
// that name: found by resolveRef's rules, the first file by name when
// more than one has it.
func (b *builder) refLeftOut(p *Page, ref string) string {
	rel, bases := refBases(p, ref)
	byName := !strings.HasPrefix(ref, "/")
	return b.world.leftOutNamed(func(key string) bool {
		return slices.Contains(bases, path.Join(content.Dir, key)) || byName && (key == rel || strings.HasSuffix(key, "/"+rel))
	})
}

// leftOutNamed says why the first page left out of this build, by file
// name, whose path from content/ as a ref names it (refKey) is named is
// left out; "" when none is.
func (w *world) leftOutNamed(named func(key string) bool) string {
	for _, f := range slices.Sorted(maps.Keys(w.unpublished)) {
		if key := fileRefKey(f, w.langs); key != "" && named(key) {
			return w.unpublished[f].Why
		}
	}
	return ""
}

// refMissing is the problem of a ref that names no page, or only one
// left out of this build.
func (b *builder) refMissing(p *Page, ref string) error {
	if why := b.refLeftOut(p, ref); why != "" {
		msg, hint := markdown.NotPublished(fmt.Sprintf("link to %q", ref), why)
		return &callMistake{msg: msg, hint: hint}
	}
	where := "from content/"
	if !strings.HasPrefix(ref, "/") {
		where = fmt.Sprintf("from this file's folder (%s/), then from content/, then as the name of one page anywhere", path.Dir(p.src.File))
	}
	return &callMistake{msg: fmt.Sprintf("link to missing page %q", ref),
		hint: "the ref was looked for " + where + "; check the spelling and that the page is not a draft"}
}
