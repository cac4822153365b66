package site

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
)

// Hugo's .GroupBy… methods of a list of pages (resources/page/pagegroup.go),
// for archives: {{ range .Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2>
// {{ range .Pages }}…{{ end }}{{ end }}. They take Hugo's arguments and
// give Hugo's groups and orders. Where they depart from Hugo, it is so that
// two builds give the same files and a mistake is a problem at the
// template's line: Hugo leaves keys it cannot sort (dates, pages) in a
// map's order, takes any unknown order word for the default, and groups
// every page under one key when a date layout names no part of a date.

// PageGroup is one group of a PagesGroup: the pages that share Key. It
// embeds Pages, as Hugo's does, so a group has the methods of a list too
// (.Len, .ByTitle, and .GroupBy… for groups within the group).
type PageGroup struct {
	Key any
	Pages
}

// PagesGroup is what the .GroupBy… methods give: groups in the order of
// their keys.
type PagesGroup []PageGroup

// Len is the number of pages in all the groups, as Hugo's.
func (g PagesGroup) Len() int {
	n := 0
	for _, x := range g {
		n += len(x.Pages)
	}
	return n
}

// Reverse is the groups from last to first, each with its pages in their
// order. It is a copy: Hugo's reverses the groups in place, so a second
// .Reverse of the same groups in a template would undo the first.
func (g PagesGroup) Reverse() PagesGroup {
	out := make(PagesGroup, len(g))
	for i, x := range g {
		out[len(g)-1-i] = x
	}
	return out
}

// GroupBy groups the pages by a page field without arguments, as Hugo's:
// .GroupBy "Section", "Type", "Kind", "Lang", "Weight", "Parent". The
// groups are in the order of their keys, A to Z (text in the list's
// language's alphabetical order, as Hugo's: see textOrder), smallest number first, false
// before true, oldest date first, pages by address; "desc" turns it
// round. Each group's pages keep the list's order.
func (ps Pages) GroupBy(key string, order ...string) (PagesGroup, error) {
	call := fmt.Sprintf(".GroupBy %q", key)
	read, err := pageField(call, key)
	if err != nil {
		return nil, err
	}
	desc, err := groupOrder(call, false, order)
	if err != nil {
		return nil, err
	}
	keys := make([]any, len(ps))
	for i, p := range ps {
		keys[i] = read(p)
	}
	return groupByKey(ps, keys, desc), nil
}

// GroupByParam groups the pages by a key of their .Params, in any case
// and dotted to reach into maps (.GroupByParam "author.name"), in the
// order GroupBy gives. As in Hugo, pages without the key are left out. A
// page whose value is a list or a map, or of another kind than the other
// pages' (2012 on one, "2012" on another), is a mistake: Hugo drops such
// a page from the groups without a word.
func (ps Pages) GroupByParam(key string, order ...string) (PagesGroup, error) {
	call := fmt.Sprintf(".GroupByParam %q", key)
	desc, err := groupOrder(call, false, order)
	if err != nil {
		return nil, err
	}
	with, keys, err := ps.paramValues(call, key)
	if err != nil {
		return nil, err
	}
	for i, v := range keys {
		if err := sameKind(call, key, v, with[i], keys[0], with[0]); err != nil {
			return nil, err
		}
	}
	return groupByKey(with, keys, desc), nil
}

// paramValues is the pages of ps that have key among their .Params, and
// their values. A key no page of the site has, in any language, is most
// likely misspelt, and a mistake. Hugo's GroupByParam stops the build
// when no page of the list has it; but a layout that lists each section,
// term or language may well list pages none of which has it, which is
// no mistake.
func (ps Pages) paramValues(call, key string) (Pages, []any, error) {
	path := strings.Split(key, ".")
	var with Pages
	var values []any
	for _, p := range ps {
		if v, ok := lookupParam(p.Params(), path); ok && v != nil {
			with, values = append(with, p), append(values, v)
		}
	}
	if len(with) == 0 && len(ps) > 0 && !ps[0].site.hasParam(path) {
		return nil, nil, noParam(call, key)
	}
	return with, values, nil
}

// hasParam reports whether a page of the build, in any language, has
// the key at path among its .Params, looked for once a build a key
// (Site.paramKeys).
func (s *Site) hasParam(path []string) bool {
	if s == nil || s.world == nil {
		return false
	}
	key := strings.Join(path, ".")
	if has, ok := s.paramKeys.Load(key); ok {
		return has.(bool)
	}
	has := false
	for _, p := range s.world.bySource {
		if v, ok := lookupParam(p.Params(), path); ok && v != nil {
			has = true
			break
		}
	}
	s.paramKeys.Store(key, has)
	return has
}

// GroupByDate groups the pages by .Date written with a Go layout, as
// Hugo's: .GroupByDate "2006" gives years, "January 2006" months. The key
// is written in the language of the list's first page, as dateFormat
// writes it there ("Май 2012" in Russian; Hugo, localising too, writes
// the month as after a day, "мая 2012"). A page without the date is in
// the group of the year 1, "0001" for "2006", as in Hugo: themes skip it
// by that key ({{ if ne .Key "0001" }}, as PaperMod's archive does). As
// in Hugo, the groups are newest first, "asc" turns them
// round, and a group's pages are in date order too; pages of one date
// are in the list's order with "asc", and in its reverse newest first.
func (ps Pages) GroupByDate(layout string, order ...string) (PagesGroup, error) {
	return ps.groupByDate(fmt.Sprintf(".GroupByDate %q", layout), layout, (*Page).Date, order)
}

// GroupByPublishDate is GroupByDate by .PublishDate.
func (ps Pages) GroupByPublishDate(layout string, order ...string) (PagesGroup, error) {
	return ps.groupByDate(fmt.Sprintf(".GroupByPublishDate %q", layout), layout, (*Page).PublishDate, order)
}

// GroupByLastmod is GroupByDate by .Lastmod.
func (ps Pages) GroupByLastmod(layout string, order ...string) (PagesGroup, error) {
	return ps.groupByDate(fmt.Sprintf(".GroupByLastmod %q", layout), layout, (*Page).Lastmod, order)
}

// GroupByExpiryDate is GroupByDate by .ExpiryDate; pages that do not
// expire are in the group of the year 1, "0001".
func (ps Pages) GroupByExpiryDate(layout string, order ...string) (PagesGroup, error) {
	return ps.groupByDate(fmt.Sprintf(".GroupByExpiryDate %q", layout), layout, (*Page).ExpiryDate, order)
}

// GroupByParamDate is GroupByDate by a date among the pages' .Params
// (.GroupByParamDate "eventDate" "2006"). Pages without the key have no
// date, and are in the group of the year 1, as in Hugo 0.165 (a key no
// page of the site has is a mistake: see paramValues). A date written as
// text is read as front matter's
// dates are (JSON has no dates of its own); a value that is no date is a
// mistake, where Hugo takes it for the year 1 without a word.
func (ps Pages) GroupByParamDate(key, layout string, order ...string) (PagesGroup, error) {
	call := fmt.Sprintf(".GroupByParamDate %q %q", key, layout)
	if _, err := dateGroupOrder(call, layout, order); err != nil {
		return nil, err
	}
	with, values, err := ps.paramValues(call, key)
	if err != nil {
		return nil, err
	}
	dates := make(map[*Page]time.Time, len(with)) // the others have none
	for i, p := range with {
		t, err := frontmatter.Date(values[i]) // as dateFormat reads it
		if err != nil {
			return nil, &groupMistake{
				msg:  fmt.Sprintf("%s: params.%s of %s %s", call, key, p.File(), err),
				hint: fmt.Sprintf("write it as a date, %s: 2024-03-09, or leave it out of that page: pages without it are in the group of the year 1, 0001", key[strings.LastIndex(key, ".")+1:]),
			}
		}
		dates[p] = t
	}
	return ps.groupByDate(call, layout, func(p *Page) time.Time { return dates[p] }, order)
}

// groupByDate groups ps by date(p) written with layout (see GroupByDate).
func (ps Pages) groupByDate(call, layout string, date func(*Page) time.Time, order []string) (PagesGroup, error) {
	desc, err := dateGroupOrder(call, layout, order)
	if err != nil {
		return nil, err
	}
	// Hugo sorts oldest first, keeping the list's order for pages of one
	// date, and turns the whole list round for newest first: there pages
	// of one date are in the reverse of the list's order.
	sorted := ps.sorted(func(a, b *Page) int { return date(a).Compare(date(b)) })
	if desc {
		slices.Reverse(sorted)
	}
	format := ps.dateKeys(layout)
	var out PagesGroup
	for _, p := range sorted {
		key := format(date(p))
		if len(out) == 0 || out[len(out)-1].Key != key {
			out = append(out, PageGroup{Key: key})
		}
		last := &out[len(out)-1]
		last.Pages = append(last.Pages, p)
	}
	return out, nil
}

// dateKeys writes the keys of date groups: as dateFormat writes a date in
// the language of the list's first page (the list's language: a site's
// lists are of one); no date is Hugo's, the year 1. A date equal to the
// last one written takes its key again: the locale library takes
// microseconds a date, and a sorted list has its pages of one date side
// by side.
func (ps Pages) dateKeys(layout string) func(time.Time) string {
	format := func(t time.Time) string { return t.Format(layout) }
	if len(ps) > 0 && ps[0].site != nil {
		format = func(t time.Time) string { return ps[0].site.formatDate(layout, t) }
	}
	var last time.Time
	lastKey, written := "", false
	return func(t time.Time) string {
		if !written || !t.Equal(last) {
			last, lastKey, written = t, format(t), true
		}
		return lastKey
	}
}

// dateGroupOrder checks the layout and reads the order of a date group
// call: newest first unless it says otherwise (see groupOrder).
func dateGroupOrder(call, layout string, order []string) (desc bool, err error) {
	if err := checkDateLayout(call, layout); err != nil {
		return false, err
	}
	return groupOrder(call, true, order)
}

// checkDateLayout refuses a layout that writes no part of a date: the
// layouts of other tools ("YYYY", "%Y") write themselves for every date,
// which puts every page in one group.
func checkDateLayout(call, layout string) error {
	a := time.Date(2001, 2, 3, 4, 5, 6, 7e6, time.UTC)
	b := time.Date(2012, 11, 21, 15, 16, 17, 0, time.UTC)
	if a.Format(layout) != b.Format(layout) {
		return nil
	}
	return &groupMistake{
		msg: fmt.Sprintf("%s: the layout %q writes no part of a date", call, layout),
		hint: "write the layout with the parts of Go's date Monday, 2 January 2006, as dateFormat takes it: " +
			`"2006" groups by year, "January 2006" by month, "2006-01" by month in numbers`,
	}
}

// groupOrder reads the order word of a .GroupBy… call: "asc" or "desc",
// or Hugo's "rev" and "reverse", which turn round the default (desc for
// date groups, else asc), in any case. Hugo takes any other word for the
// default; here it is a mistake, where a misspelt "dsc" would give the
// order it meant to turn round.
func groupOrder(call string, desc bool, order []string) (bool, error) {
	switch {
	case len(order) == 0:
		return desc, nil
	case len(order) > 1:
		return false, &groupMistake{
			msg:  fmt.Sprintf("%s takes one order word, and was given %d: %q", call, len(order), order),
			hint: orderHint(desc),
		}
	}
	switch strings.ToLower(order[0]) {
	case "asc":
		return false, nil
	case "desc":
		return true, nil
	case "rev", "reverse":
		return !desc, nil
	}
	return false, &groupMistake{
		msg:  fmt.Sprintf("%s: the order is \"asc\" or \"desc\", not %q", call, order[0]),
		hint: orderHint(desc),
	}
}

func orderHint(desc bool) string {
	if desc {
		return `write "desc" for the newest first (the default), "asc" for the oldest first, or no order`
	}
	return `write "asc" for A to Z and the smallest first (the default), "desc" for the other way round, or no order`
}

var pageType = reflect.TypeFor[*Page]()

// pageField is how GroupBy reads key of a page: a method of Page without
// arguments (a page's fields are all methods), giving one value a group
// can have as its key (see keyKind).
func pageField(call, key string) (func(*Page) any, error) {
	m, ok := pageType.MethodByName(key)
	if !ok {
		return nil, unknownField(call, key)
	}
	if m.Type.NumIn() > 1 {
		hint := `group by a field a page has without arguments, such as "Section" or "Type"`
		if key == "Param" {
			hint = `to group by a param, write .GroupByParam "role"`
		}
		return nil, &groupMistake{msg: fmt.Sprintf("%s: .%s takes arguments, and GroupBy reads a field without them", call, key), hint: hint}
	}
	if out := m.Type.Out(0); m.Type.NumOut() != 1 || kindOfType(out) == noKey {
		return nil, &groupMistake{
			msg: fmt.Sprintf("%s: .%s is %s, and a group's key is one value: text, a number, true or false, a date or a page", call, key, typeName(out)),
			hint: `group by a field with one value a page, such as "Section" or "Type"; ` +
				`for each page's terms of a taxonomy, range over .Site.Taxonomies.tags, whose terms have their .Pages`,
		}
	}
	return func(p *Page) any { return m.Func.Call([]reflect.Value{reflect.ValueOf(p)})[0].Interface() }, nil
}

// unknownField is the mistake of GroupBy with a key that is no page field.
func unknownField(call, key string) error {
	e := &groupMistake{
		msg: fmt.Sprintf("%s: a page has no field %s", call, key),
		hint: `write a page field as docs/templates.md lists it, capitals and all: "Section", "Type", "Kind", "Lang", "Weight", "Parent"; ` +
			`to group by a front matter param, write .GroupByParam "role"; by a date, .GroupByDate "2006"`,
	}
	if p, ok := strings.CutPrefix(strings.ToLower(key), "params."); ok {
		e.hint = fmt.Sprintf("Hugo's GroupBy reads fields, not params: write .GroupByParam %q", key[len(key)-len(p):])
		return e
	}
	for i := range pageType.NumMethod() {
		if name := pageType.Method(i).Name; strings.EqualFold(name, key) {
			e.hint = fmt.Sprintf("write %q, with its capitals, as Hugo's field is named", name)
		}
	}
	return e
}

// noParam is the mistake of a key no page of the site has among its
// .Params.
func noParam(call, key string) error {
	hint := "check the key's spelling against the pages' front matter (params: {" + key + ": …}); " +
		"one page of the site with it is enough"
	if p, ok := strings.CutPrefix(strings.ToLower(key), "params."); ok {
		hint = fmt.Sprintf("write the key without Params.: .GroupByParam %q", key[len(key)-len(p):])
	}
	return &groupMistake{msg: fmt.Sprintf("%s: no page of the site has params.%s", call, key), hint: hint}
}

// sameKind checks that v, page p's value of a GroupByParam key, can be a
// key, of the same kind as first, the value of page firstPage.
func sameKind(call, key string, v any, p *Page, first any, firstPage *Page) error {
	k := kindOf(v)
	if k == noKey {
		return &groupMistake{
			msg: fmt.Sprintf("%s: params.%s of %s is %s, and a group's key is one value", call, key, p.File(), typeName(reflect.TypeOf(v))),
			hint: "give each page one value of the key (role: organiser); to list pages under each of several values, " +
				"make the key a taxonomy (tags: [a, b]) and range over .Site.Taxonomies.tags",
		}
	}
	if kindOf(first) == k {
		return nil
	}
	return &groupMistake{
		msg: fmt.Sprintf("%s: params.%s is %s in %s (%v) and %s in %s (%v)", call, key,
			kindOf(first), firstPage.File(), first, k, p.File(), v),
		hint: fmt.Sprintf("write %s one way in every page, all as numbers (2012) or all as text (\"2012\"), so the pages group together", key),
	}
}

// keyKind is the kind of a group key: keys are ordered within their
// kind, and the keys of one grouping are of one kind.
type keyKind int

const (
	noKey keyKind = iota
	textKey
	numberKey
	boolKey
	dateKey
	pageKey
)

func (k keyKind) String() string {
	return [...]string{"not a key", "text", "a number", "true or false", "a date", "a page"}[k]
}

func kindOf(v any) keyKind {
	if v == nil {
		return noKey
	}
	return kindOfType(reflect.TypeOf(v))
}

func kindOfType(t reflect.Type) keyKind {
	switch t {
	case reflect.TypeFor[time.Time]():
		return dateKey
	case pageType:
		return pageKey
	}
	switch t.Kind() {
	case reflect.String:
		return textKey
	case reflect.Bool:
		return boolKey
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return numberKey
	}
	return noKey
}

// typeName says what a value that is no key is, for a template's author.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map:
		return "a map"
	case reflect.Pointer:
		t = t.Elem()
	}
	return "a " + t.Name()
}

// groupByKey groups ps by keys (keys[i] is ps[i]'s, all of one kind) in
// the order of the keys, desc turning it round; each group's pages keep
// their order in ps.
func groupByKey(ps Pages, keys []any, desc bool) PagesGroup {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	text := textOrder(ps)
	cmpKeys := func(i, j int) int {
		if desc {
			return compareKeys(text, keys[j], keys[i])
		}
		return compareKeys(text, keys[i], keys[j])
	}
	slices.SortStableFunc(idx, cmpKeys)
	var out PagesGroup
	for n, i := range idx {
		if n == 0 || cmpKeys(idx[n-1], i) != 0 {
			out = append(out, PageGroup{Key: keys[i]})
		}
		last := &out[len(out)-1]
		last.Pages = append(last.Pages, ps[i])
	}
	return out
}

// textOrder orders text keys as Hugo 0.165 does (resources/page's
// sortKeys): by the collation of the list's language, as its langs
// package makes it (English for a code x/text does not read), so "ana"
// comes before "Ana", "Élise" before "Zoe", and in Kazakh "Қ" after "К",
// not after "Я". Texts the collation holds equal are then ordered as
// written, so two builds agree. A collator is not safe on two cores at
// once, so each grouping makes its own, when it first compares two texts:
// keys that are numbers, dates or pages need none.
func textOrder(ps Pages) func(a, b string) int {
	var c *collate.Collator
	return func(a, b string) int {
		if c == nil {
			c = collate.New(listLanguage(ps))
		}
		return cmp.Or(c.CompareString(a, b), strings.Compare(a, b))
	}
}

// listLanguage is the language of the list's first page, the list's:
// English for a code x/text does not read.
func listLanguage(ps Pages) language.Tag {
	if len(ps) > 0 && ps[0].site != nil {
		if t, err := language.Parse(ps[0].site.lang); err == nil {
			return t
		}
	}
	return language.English
}

// compareKeys orders two keys of one kind: text by text, numbers by
// value, false before true, dates by time, pages by address (nothing
// first).
func compareKeys(text func(a, b string) int, a, b any) int {
	switch x := a.(type) {
	case time.Time:
		return x.Compare(b.(time.Time))
	case *Page:
		return comparePages(x, b.(*Page))
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	switch kindOf(a) {
	case textKey:
		return text(va.String(), vb.String())
	case boolKey:
		return cmp.Compare(boolRank(va.Bool()), boolRank(vb.Bool()))
	}
	if va.CanInt() && vb.CanInt() {
		return cmp.Compare(va.Int(), vb.Int())
	}
	return cmp.Compare(number(va), number(vb))
}

func comparePages(a, b *Page) int {
	if a == nil || b == nil {
		return cmp.Compare(boolRank(a != nil), boolRank(b != nil))
	}
	return strings.Compare(a.url, b.url)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func number(v reflect.Value) float64 {
	switch {
	case v.CanInt():
		return float64(v.Int())
	case v.CanUint():
		return float64(v.Uint())
	}
	return v.Float()
}

// groupMistake is a .GroupBy… call the build refuses: the template's
// problem is at the call's line, with the hint.
type groupMistake struct{ msg, hint string }

func (e *groupMistake) Error() string { return e.msg }

// Hint is what to do about it.
func (e *groupMistake) Hint() string { return e.hint }

// PageGroups is the groups on this page of a list of groups .Paginate
// paged ({{ .Paginate (.Pages.GroupByDate "2006") }}), as Hugo's: each
// page of the list has paginate pages, and a group the end of a page cuts
// goes on over the next one, under its key again. Empty when a list of
// pages was paged, as .Pages is when groups were.
func (pg *Pager) PageGroups() PagesGroup {
	if pg.groups == nil {
		return nil
	}
	lo, hi := pg.span()
	var out PagesGroup
	start := 0
	for _, g := range pg.groups {
		end := start + len(g.Pages)
		if a, b := max(lo, start), min(hi, end); a < b {
			out = append(out, PageGroup{Key: g.Key, Pages: g.Pages[a-start : b-start]})
		}
		start = end
	}
	return out
}

// pages is the pages of the groups, one group after another.
func (g PagesGroup) pages() Pages {
	out := make(Pages, 0, g.Len())
	for _, x := range g {
		out = append(out, x.Pages...)
	}
	return out
}

// groupsOf reads groups from a list as first, after and the like give
// them ({{ .Paginate (first 3 (.Pages.GroupByDate "2006")) }}).
func groupsOf(list []any) (PagesGroup, bool) {
	if len(list) == 0 {
		return nil, false
	}
	out := make(PagesGroup, len(list))
	for i, v := range list {
		g, ok := v.(PageGroup)
		if !ok {
			return nil, false
		}
		out[i] = g
	}
	return out, true
}

// sameGroups reports whether a and b have the same keys and pages.
func sameGroups(a, b PagesGroup) bool {
	return slices.EqualFunc(a, b, func(x, y PageGroup) bool {
		return x.Key == y.Key && slices.Equal(x.Pages, y.Pages)
	})
}
