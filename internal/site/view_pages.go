package site

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Pages is a list of pages as templates get it (.Pages, .Site.Pages,
// .Paginator.Pages …), with Hugo's sorting methods. Each method returns a
// sorted copy and leaves the list it is called on as it was; ties keep
// the list's order.
type Pages []*Page

// Len is the number of pages.
func (ps Pages) Len() int { return len(ps) }

// ByDate sorts by .Date, oldest first; .ByDate.Reverse is newest first.
func (ps Pages) ByDate() Pages { return ps.byTime((*Page).Date) }

// ByLastmod sorts by .Lastmod, oldest first.
func (ps Pages) ByLastmod() Pages { return ps.byTime((*Page).Lastmod) }

// ByPublishDate sorts by .PublishDate, oldest first.
func (ps Pages) ByPublishDate() Pages { return ps.byTime((*Page).PublishDate) }

// ByTitle sorts by .Title, A to Z.
func (ps Pages) ByTitle() Pages {
	return ps.sorted(func(a, b *Page) int { return strings.Compare(a.title, b.title) })
}

// ByLinkTitle sorts by .LinkTitle, A to Z.
func (ps Pages) ByLinkTitle() Pages {
	return ps.sorted(func(a, b *Page) int { return strings.Compare(a.LinkTitle(), b.LinkTitle()) })
}

// ByWeight sorts in the default order of lists, Hugo's: by weight (pages
// without one last), then date, newest first, then title.
func (ps Pages) ByWeight() Pages {
	out := slices.Clone(ps)
	sortPages(out)
	return out
}

// Reverse is the list from last to first.
func (ps Pages) Reverse() Pages {
	out := slices.Clone(ps)
	slices.Reverse(out)
	return out
}

func (ps Pages) byTime(at func(*Page) time.Time) Pages {
	return ps.sorted(func(a, b *Page) int { return at(a).Compare(at(b)) })
}

func (ps Pages) sorted(cmp func(a, b *Page) int) Pages {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, cmp)
	return out
}

// Slice is items as pages when each is a page, as Hugo's Page.Slice (its
// collections.Slicer): slice and append make a list of pages of pages,
// {{ (slice $a $b).ByTitle }}. It fails for any other list.
func (p *Page) Slice(items any) (any, error) {
	list, ok := items.([]any)
	if !ok {
		return nil, fmt.Errorf("Slice takes a list, not %T", items)
	}
	out, bad := asPages(list)
	if bad > 0 {
		return nil, fmt.Errorf("item %d of the list is %T, not a page", bad, list[bad-1])
	}
	return out, nil
}

// asPages is list as pages, or the number, from 1, of its first item
// that is no page.
func asPages(list []any) (Pages, int) {
	out := make(Pages, len(list))
	for i, v := range list {
		q, ok := v.(*Page)
		if !ok || q == nil {
			return nil, i + 1
		}
		out[i] = q
	}
	return out, 0
}
