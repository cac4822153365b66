package site

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/problem"
	"golang.org/x/text/unicode/norm"
)

// owner is who made an output file: a page, a front matter key of a page
// (an alias), a source file, or something the build makes itself.
//
// content.Load already refuses two pages, aliases or bundle files that
// claim one address. What it cannot see are the files made later, here:
// an alias /index.xml would silently replace the Atom feed, and a page
// with url: /tags/ the tags page. So every file written records its
// owner, and checkOwners reports any file made twice.
type owner struct {
	page *Page  // the page it is made from or for, if any
	key  string // the front matter key of page that asks for it ("aliases")
	file string // the source file copied to it (static/, bundles)
	what string // what the build makes there ("the sitemap")
}

// late reports whether the owner is one content.Load cannot see, and so
// has not checked: a file the build makes itself, a static file, or a page
// no content file makes (taxonomies, terms). Pages, their aliases and
// their bundle files it checks against each other.
func (o owner) late() bool {
	switch {
	case o.file != "":
		return !strings.HasPrefix(o.file, content.Dir+"/")
	case o.page != nil && o.key == "" && o.what == "":
		return o.page.src == nil
	}
	return o.what != ""
}

// describe names the owner for a campaigner.
func (o owner) describe() string {
	switch {
	case o.file != "":
		return o.file
	case o.page != nil && o.key != "" && o.page.File() != "":
		return fmt.Sprintf("%s (%s)", o.page.File(), o.key)
	case o.page != nil && o.what != "":
		return fmt.Sprintf("%s of %s", o.what, describePage(o.page))
	case o.page != nil:
		return describePage(o.page)
	}
	return o.what
}

// describePage names a page by its file or, for the pages the build makes
// itself (taxonomies, terms), by what it is.
func describePage(p *Page) string {
	if f := p.File(); f != "" {
		return f + " (page)"
	}
	switch p.kind {
	case "taxonomy":
		return "the " + p.title + " index page"
	case "term":
		return "the page of the term " + p.title
	}
	return "the " + p.kind + " page " + p.url
}

// checkOwners reports every output file more than one owner made, and
// files whose names differ only in case or in how an accented letter is
// written (static/Report.pdf and static/report.pdf): Windows, macOS and
// the offline zip unpacked there keep one of them, and SHA256SUMS then
// reports the other as tampered with. Page writes carry no owner (there
// are thousands); for a file made twice they are found again from the
// page graph.
func (b *builder) checkOwners() {
	var twice []string
	folded := map[string][]string{}
	for name, claims := range b.owners {
		if len(claims) > 1 {
			twice = append(twice, name)
		}
		k := strings.ToLower(norm.NFC.String(name))
		folded[k] = append(folded[k], name)
	}
	var alike [][]string
	for _, names := range folded {
		if len(names) > 1 {
			sort.Strings(names)
			alike = append(alike, names)
		}
	}
	if len(twice) == 0 && len(alike) == 0 {
		return
	}
	sort.Strings(twice)
	slices.SortFunc(alike, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	byOutput := map[string][]*Page{}
	for _, p := range b.pages {
		out := content.OutputPath(p.url)
		byOutput[out] = append(byOutput[out], p)
	}
	for _, name := range twice {
		claims := b.claims(name, byOutput)
		if !slices.ContainsFunc(claims, owner.late) {
			continue // content.Load has reported it
		}
		b.reportClaims(claims, name, fmt.Sprintf("/%s is claimed by more than one source: %s", strings.TrimSuffix(name, "index.html"), describeAll(claims)))
	}
	for _, names := range alike {
		var claims []owner
		urls := make([]string, len(names))
		for i, name := range names {
			claims = append(claims, b.claims(name, byOutput)...)
			urls[i] = "/" + strings.TrimSuffix(name, "index.html")
		}
		if !slices.ContainsFunc(claims, owner.late) {
			continue // content.Load has reported it
		}
		b.reportClaims(claims, names[0], fmt.Sprintf("%s differ only in the case of letters or in how an accented letter is written, from %s: Windows, macOS and the offline copy unpacked there keep only one of them",
			strings.Join(urls, " and "), describeAll(claims)))
	}
}

// claims are the owners of the output file name, with the pages that
// write it found in byOutput.
func (b *builder) claims(name string, byOutput map[string][]*Page) []owner {
	var claims []owner
	pages := 0
	for _, o := range b.owners[name] {
		if o == (owner{}) {
			pages++
			continue
		}
		claims = append(claims, o)
	}
	if pages > 0 {
		for _, p := range byOutput[name] {
			claims = append(claims, owner{page: p})
		}
	}
	return claims
}

func describeAll(claims []owner) string {
	descs := make([]string, len(claims))
	for i, o := range claims {
		descs[i] = o.describe()
	}
	sort.Strings(descs)
	return strings.Join(descs, ", ")
}

// reportClaims gives the problem msg about the output file name to each
// of its sources a campaigner can change.
func (b *builder) reportClaims(claims []owner, name, msg string) {
	reported := false
	for _, o := range claims {
		switch {
		case o.file != "":
			b.problem(problem.Problem{File: o.file, Message: msg, Hint: "rename or move the file"})
		case o.what != "":
			continue // made by the build (a feed, a list's further page): the other source is to change
		case o.page != nil && o.page.src != nil:
			pr := problemAt(o.page, o.key, msg, "choose another address for the page: change its url, slug or aliases")
			if o.key == "" {
				pr.Line = firstLine(o.page, "url", "slug")
			}
			b.problem(pr)
		default:
			continue
		}
		reported = true
	}
	if !reported {
		b.problem(problem.Problem{File: name, Message: msg, Hint: "rename one of them"})
	}
}

// firstLine is the line of the first of keys the page's front matter sets
// (0 when it sets none).
func firstLine(p *Page, keys ...string) int {
	for _, k := range keys {
		if l := p.src.Meta.Lines[k]; l > 0 {
			return l
		}
	}
	return 0
}
