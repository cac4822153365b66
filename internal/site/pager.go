package site

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/samizdat-press/samizdat/internal/content"
)

// A list page's template pages a list with .Paginator (what Hugo's pages) or
// with Hugo's .Paginate COLLECTION [SIZE] (any list of pages), once per
// run: what it paged decides how many pages the list has, so the build
// learns the number of page/N/ addresses only by running the template
// (executePage records it in builder.paginated; links to page/N/ are
// checked against that, after the templates ran).

// Pager is one page of a paginated list.
type Pager struct {
	Pages      Pages // the pages on this page of the list
	PageNumber int   // 1-based
	TotalPages int
	HasPrev    bool
	HasNext    bool
	PrevURL    string // root-relative; "" on the first page
	NextURL    string // root-relative; "" on the last page

	list   string     // the list page's URL
	all    Pages      // everything paged, over all pages
	groups PagesGroup // what was paged when it was groups, whose pages all are; else nil
	size   int        // pages of all on each page
}

// newPager is page n of all, paged size at a time, on the list at url.
// When groups were paged, all is their pages one after another, and the
// pager's Pages is empty, as Hugo's: PageGroups has them.
func newPager(url string, all Pages, groups PagesGroup, size, n int) *Pager {
	total := max(1, (len(all)+size-1)/size)
	pg := &Pager{PageNumber: n, TotalPages: total, HasPrev: n > 1, HasNext: n < total,
		list: url, all: all, groups: groups, size: size}
	if groups == nil {
		lo, hi := pg.span()
		pg.Pages = all[lo:hi]
	}
	if pg.HasPrev {
		pg.PrevURL = pagerURL(url, n-1)
	}
	if pg.HasNext {
		pg.NextURL = pagerURL(url, n+1)
	}
	return pg
}

// URL is the address of this page of the list, as Hugo's .URL is.
func (pg *Pager) URL() string { return pagerURL(pg.list, pg.PageNumber) }

// Prev is the page before this one, nil on the first, as Hugo's (so
// themes' {{ $pag.Prev.URL }} works).
func (pg *Pager) Prev() *Pager {
	if !pg.HasPrev {
		return nil
	}
	return pg.at(pg.PageNumber - 1)
}

// Next is the page after this one, nil on the last.
func (pg *Pager) Next() *Pager {
	if !pg.HasNext {
		return nil
	}
	return pg.at(pg.PageNumber + 1)
}

// First is the list's first page.
func (pg *Pager) First() *Pager { return pg.at(1) }

// Last is the list's last page.
func (pg *Pager) Last() *Pager { return pg.at(pg.TotalPages) }

// Pagers is every page of the list, for numbered links:
// {{ range .Paginator.Pagers }}<a href="{{ .URL }}">{{ .PageNumber }}</a>{{ end }}.
func (pg *Pager) Pagers() []*Pager {
	out := make([]*Pager, pg.TotalPages)
	for i := range out {
		out[i] = pg.at(i + 1)
	}
	return out
}

// PageSize is how many pages each page of the list shows.
func (pg *Pager) PageSize() int { return pg.size }

// PagerSize is PageSize under the name Hugo gives it since 0.128; Hugo
// 0.165 has only this one, so themes written for it call .PagerSize.
func (pg *Pager) PagerSize() int { return pg.size }

// TotalNumberOfElements is the number of pages over all pages of the list.
func (pg *Pager) TotalNumberOfElements() int { return len(pg.all) }

// NumberOfElements is the number of pages on this page of the list.
func (pg *Pager) NumberOfElements() int {
	lo, hi := pg.span()
	return hi - lo
}

// span is where this page's pages are in all.
func (pg *Pager) span() (lo, hi int) {
	n := pg.PageNumber
	return min((n-1)*pg.size, len(pg.all)), min(n*pg.size, len(pg.all))
}

func (pg *Pager) at(n int) *Pager {
	if n == pg.PageNumber {
		return pg
	}
	return newPager(pg.list, pg.all, pg.groups, pg.size, n)
}

// pagerURL is the URL of page n of a list: the list itself, then
// list/page/2/ and on, as Hugo does.
func pagerURL(list string, n int) string {
	if n == 1 {
		return list
	}
	return pageNURL(list, n)
}

// pageNURL is list/page/n/. For n 1 it is not where the list's first page
// is but a redirect to it, as Hugo writes one (see executePage).
func pageNURL(list string, n int) string {
	return strings.TrimSuffix(list, "/") + "/page/" + itoa(n) + "/"
}

// paging is what one run of a list's template paged: execute gives one to
// the copy of the page it runs, so .Paginator and .Paginate of the page
// being written are told apart from those of any other page.
type paging struct {
	n      int        // the page of the list being written
	by     string     // ".Paginator" or ".Paginate" once the template paged; "" before
	list   Pages      // what .Paginate was given, or the pages of its groups
	groups PagesGroup // what .Paginate was given, when groups
	size   int        // .Paginate's page size
	pager  *Pager     // page n of what was paged
}

// total is the number of pages the run paged into; 0 when it paged nothing.
func (pp *paging) total() int {
	if pp == nil || pp.pager == nil {
		return 0
	}
	return pp.pager.TotalPages
}

// Paginator splits Pages into pages of the site's paginate size; after
// .Paginate, it is what .Paginate paged, as in Hugo. Asking for it is
// what makes the build write /page/2/ and on.
func (p *Page) Paginator() *Pager {
	pp := p.paging
	if pp == nil { // not the page being written: its first page
		return newPager(p.url, p.paged(), nil, p.site.paginate, 1)
	}
	if pp.pager == nil {
		pp.by = ".Paginator"
		pp.pager = newPager(p.url, p.paged(), nil, p.site.paginate, pp.n)
	}
	return pp.pager
}

// paged is what .Paginator pages, as Hugo's (hugolib/page__paginator.go):
// on the home page every regular page of the site (Hugo kept that when the
// home page's .Pages became its sections), so a theme's home page lists
// its posts; on a taxonomy or term page its .Pages; on a section its
// regular pages, without its subsections, so a theme's post list shows
// posts, not a "2012" folder among them.
func (p *Page) paged() Pages {
	switch p.kind {
	case content.KindHome:
		return p.site.RegularPages()
	case "taxonomy", "term":
		return p.children
	}
	return p.RegularPages()
}

// Paginate is Hugo's .Paginate COLLECTION [SIZE]: it splits any list of
// pages (.Site.RegularPages, what where gives …) into pages of SIZE, else
// of the site's paginate size, on a list page, and the build writes
// /page/2/ and on for them. A template pages once, as Hugo's did before it
// let later calls quietly return the first's pages: .Paginate after
// .Paginator, or again with another list or size, is a mistake, where the
// page would show another list than the one the template meant.
func (p *Page) Paginate(coll any, size ...any) (*Pager, error) {
	if !p.IsNode() {
		return nil, &pagingMistake{
			msg: fmt.Sprintf(".Paginate pages a list on a list page, and this is a single page (kind %s)", p.kind),
			hint: "page a list in the layout of the home page, a section, a taxonomy or a term (layouts/index.html, " +
				"layouts/_default/list.html …); on a single page, show a part of it with first: {{ range first 10 COLLECTION }}",
		}
	}
	list, groups, err := pagesOf(coll)
	if err != nil {
		return nil, err
	}
	n, err := pagerSize(p.site.paginate, size)
	if err != nil {
		return nil, err
	}
	pp := p.paging
	if pp == nil { // not the page being written: its first page
		return newPager(p.url, list, groups, n, 1), nil
	}
	switch pp.by {
	case ".Paginator":
		return nil, &pagingMistake{
			msg: ".Paginate after .Paginator: .Paginator already paged this page's own .Pages, and a page is paged once",
			hint: "call .Paginate before anything uses .Paginator, at the top of the layout ({{ $paginator := .Paginate COLLECTION }}): " +
				".Paginator then gives what .Paginate paged, in partials too; or page .Pages with .Paginator alone",
		}
	case ".Paginate":
		if n != pp.size || !slices.Equal(list, pp.list) || !sameGroups(groups, pp.groups) {
			return nil, &pagingMistake{
				msg: fmt.Sprintf(".Paginate again with another list or size (%d pages, %d a page; first %d pages, %d a page): a page is paged once",
					len(list), n, len(pp.list), pp.size),
				hint: "call .Paginate once, at the top of the layout ({{ $paginator := .Paginate COLLECTION }}), " +
					"and use $paginator, or .Paginator, which gives what .Paginate paged, after it",
			}
		}
		return pp.pager, nil
	}
	pp.by, pp.list, pp.groups, pp.size = ".Paginate", list, groups, n
	pp.pager = newPager(p.url, list, groups, n, pp.n)
	return pp.pager, nil
}

// pagesOf reads .Paginate's list: a list of pages as the page and site
// methods give it, or as where, first, after and the like give it; or
// groups of pages, as .GroupBy… gives them, whose pages are returned one
// group after another, with the groups.
func pagesOf(coll any) (Pages, PagesGroup, error) {
	switch c := coll.(type) {
	case nil:
		return nil, nil, nil
	case Pages:
		return c, nil, nil
	case []*Page:
		return c, nil, nil
	case PagesGroup:
		return c.pages(), c, nil
	case []any:
		if g, ok := groupsOf(c); ok {
			return g.pages(), g, nil
		}
		out, bad := asPages(c)
		if bad > 0 {
			return nil, nil, notPages(fmt.Sprintf("item %d of it is %T", bad, c[bad-1]))
		}
		return out, nil, nil
	}
	return nil, nil, notPages(fmt.Sprintf("it was given %T", coll))
}

func notPages(what string) error {
	return &pagingMistake{msg: ".Paginate pages a list of pages, and " + what,
		hint: "give it pages: .Pages, .Site.RegularPages, or what where makes of them, {{ .Paginate (where .Site.RegularPages \"Section\" \"posts\") }}"}
}

// pagerSize is .Paginate's page size: its argument, else the site's
// paginate (def).
func pagerSize(def int, size []any) (int, error) {
	if len(size) == 0 {
		return def, nil
	}
	bad := &pagingMistake{msg: fmt.Sprintf(".Paginate's page size must be a whole number above 0, not %v", size[0]),
		hint: "write how many pages each page of the list shows, {{ .Paginate COLLECTION 5 }}, or leave it out for paginate in site.toml"}
	if len(size) > 1 {
		bad.msg = fmt.Sprintf(".Paginate takes a list and a page size, and was given %d more", len(size)-1)
		return 0, bad
	}
	var n int
	switch v := size[0].(type) {
	case int:
		n = v
	case int64:
		n = int(min(v, math.MaxInt32))
	case float64:
		if v != math.Trunc(v) {
			return 0, bad
		}
		n = int(min(v, math.MaxInt32))
	case string:
		var err error
		if n, err = strconv.Atoi(strings.TrimSpace(v)); err != nil {
			return 0, bad
		}
	default:
		return 0, bad
	}
	if n <= 0 {
		return 0, bad
	}
	return n, nil
}

// pagingMistake is a .Paginate call the build refuses: the template's
// problem is at the call's line, with the hint.
type pagingMistake struct{ msg, hint string }

func (e *pagingMistake) Error() string { return e.msg }

// Hint is what to do about it.
func (e *pagingMistake) Hint() string { return e.hint }
