package site

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// groupSite is a site of five posts in two sections, dated over two
// years (two of one day), with roles, weights and event dates, one
// translated into Russian; its home layout is home.
func groupSite(home string) fstest.MapFS {
	page := func(front string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "---\nText.\n")}
	}
	return fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"Campaign\"\npaginate = 2\n" +
			"[languages.en]\nname = \"English\"\n[languages.ru]\nname = \"Русский\"\n")},
		"content/_index.md":            page("title: Home\n"),
		"content/_index.ru.md":         page("title: Главная\n"),
		"content/news/_index.md":       page("title: News\n"),
		"content/news/strike.md":       page("title: Strike\ndate: 2012-05-03\nweight: 10\nexpiryDate: 2030-01-01\nparams:\n  role: organiser\n"),
		"content/news/strike.ru.md":    page("title: Забастовка\ndate: 2012-05-03\n"),
		"content/news/rally.md":        page("title: Rally\ndate: 2012-05-03\n"),
		"content/news/trial.md":        page("title: Trial\ndate: 2012-03-27\npublishDate: 2012-06-01\nweight: 2\nparams:\n  Role: witness\n"),
		"content/news/clashes.md":      page("title: Clashes\ndate: 2011-12-16\nparams:\n  role: witness\n  eventDate: \"2011-05-01\"\n"),
		"content/people/kozlov.md":     page("title: Kozlov\ndate: 2011-12-17\nweight: 2\nparams:\n  eventDate: 2012-01-24\n  author:\n    name: Ivanov\n"),
		"layouts/index.html":           {Data: []byte(home)},
		"layouts/_default/list.html":   {Data: []byte(`{{ range .Pages }}{{ .Title }}{{ end }}`)},
		"layouts/_default/single.html": {Data: []byte(`<h1>{{ .Title }}</h1>`)},
	}
}

// groups writes groups as "KEY: TITLE, TITLE; KEY: …".
const groups = `{{ range $j, $g := . }}{{ if $j }}; {{ end }}{{ .Key }}: {{ range $i, $p := .Pages }}{{ if $i }}, {{ end }}{{ $p.Title }}{{ end }}{{ end }}`

// groupsOn is a home layout that writes, for each call on
// .Site.RegularPages, its groups on a line of their own.
func groupsOn(calls ...string) string {
	var b strings.Builder
	b.WriteString(`{{ define "groups" }}` + groups + `{{ end }}`)
	for _, c := range calls {
		b.WriteString("\n" + c + " = {{ template \"groups\" (.Site.RegularPages." + strings.TrimPrefix(c, ".") + ") }}")
	}
	return b.String()
}

// .GroupByDate makes archives as Hugo's does: newest first, "asc" turned
// round, each group's pages in date order, and pages of one date (Strike
// and Rally, in that order in .Site.RegularPages, which puts Strike's
// weight first) in the list's order with "asc" and in its reverse newest
// first, as Hugo 0.165 gives them (it sorts oldest first and turns the
// list round); a Hugo 0.165 build of this site gives these lines. Pages without the date, or
// without the param date, are in the group of the year 1, "0001", as in
// Hugo, where themes look for them (PaperMod's archive skips the key
// "0001").
func TestGroupByDateMakesArchives(t *testing.T) {
	out := builtText(t, groupSite(groupsOn(
		`.GroupByDate "2006"`,
		`.GroupByDate "2006" "asc"`,
		`.GroupByDate "2006" "REV"`,
		`.GroupByDate "January 2006"`,
		`.GroupByPublishDate "Jan 2006"`,
		`.GroupByLastmod "2006-01"`,
		`.GroupByExpiryDate "2006"`,
		`.GroupByExpiryDate "Jan 2006" "asc"`,
		`.GroupByParamDate "eventdate" "2006"`,
	)))
	wantIn(t, out, "index.html", `.GroupByDate "2006" = 2012: Rally, Strike, Trial; 2011: Kozlov, Clashes
.GroupByDate "2006" "asc" = 2011: Clashes, Kozlov; 2012: Trial, Strike, Rally
.GroupByDate "2006" "REV" = 2011: Clashes, Kozlov; 2012: Trial, Strike, Rally
.GroupByDate "January 2006" = May 2012: Rally, Strike; March 2012: Trial; December 2011: Kozlov, Clashes
.GroupByPublishDate "Jan 2006" = Jun 2012: Trial; May 2012: Rally, Strike; Dec 2011: Kozlov, Clashes
.GroupByLastmod "2006-01" = 2012-05: Rally, Strike; 2012-03: Trial; 2011-12: Kozlov, Clashes
.GroupByExpiryDate "2006" = 2030: Strike; 0001: Clashes, Rally, Kozlov, Trial
.GroupByExpiryDate "Jan 2006" "asc" = Jan 0001: Trial, Kozlov, Rally, Clashes; Jan 2030: Strike
.GroupByParamDate "eventdate" "2006" = 2012: Kozlov; 2011: Clashes; 0001: Rally, Strike, Trial`)
}

// A date group's key is written in the list's language, as dateFormat
// writes it there: the month on its own in the nominative.
func TestGroupByDateInTheListsLanguage(t *testing.T) {
	out := builtText(t, groupSite(`{{ range .Site.RegularPages.GroupByDate "January 2006" }}{{ .Key }}: {{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`))
	wantIn(t, out,
		"ru/index.html", "Май 2012: Забастовка",
		"index.html", "May 2012: RallyStrike",
	)
}

// .GroupBy and .GroupByParam order the groups by key, A to Z and smallest
// first unless "desc", numbers as numbers and pages by address; each
// group keeps the list's order, and pages without the param are left out
// (a list none of whose pages has it has no groups). A Hugo 0.165 build
// of this site gives these lines.
func TestGroupByFieldAndParam(t *testing.T) {
	out := builtText(t, groupSite(groupsOn(
		`.GroupBy "Section"`,
		`.GroupBy "Section" "desc"`,
		`.GroupBy "Weight"`,
		`.ByTitle.GroupBy "IsPage"`,
		`.GroupByParam "role"`,
		`.GroupByParam "ROLE" "desc"`,
		`.GroupByParam "author.name"`,
	)+
		"\nparent = {{ range .Site.RegularPages.GroupBy \"Parent\" }}{{ .Key.Title }} {{ .Len }}; {{ end }}"+
		"\nlen = {{ (.Site.RegularPages.GroupBy \"Section\").Len }}"+
		"\nreverse = {{ template \"groups\" (.Site.RegularPages.GroupByDate \"2006\").Reverse }}"+
		"\nwithin = {{ range .Site.RegularPages.GroupBy \"Section\" }}{{ .Key }}: {{ range .ByTitle.Reverse }}{{ .Title }} {{ end }}{{ end }}",
	))
	wantIn(t, out, "index.html", `.GroupBy "Section" = news: Trial, Strike, Rally, Clashes; people: Kozlov
.GroupBy "Section" "desc" = people: Kozlov; news: Trial, Strike, Rally, Clashes
.GroupBy "Weight" = 0: Rally, Clashes; 2: Trial, Kozlov; 10: Strike
.ByTitle.GroupBy "IsPage" = true: Clashes, Kozlov, Rally, Strike, Trial
.GroupByParam "role" = organiser: Strike; witness: Trial, Clashes
.GroupByParam "ROLE" "desc" = witness: Trial, Clashes; organiser: Strike
.GroupByParam "author.name" = Ivanov: Kozlov
parent = News 4; People 1;
len = 5
reverse = 2011: Kozlov, Clashes; 2012: Rally, Strike, Trial
within = news: Trial Strike Rally Clashes people: Kozlov`)
	// The Russian home lists one page, without a role: no groups, and no
	// problem, as other pages of the site have the key.
	wantIn(t, out, "ru/index.html", ".GroupByParam \"role\" =\n.GroupByParam \"ROLE\" \"desc\" =\n")
}

// Text keys are in the alphabetical order of the list's language, as
// Hugo 0.165 collates them (a real Hugo build gives this order): lower
// case before upper, a letter with an accent by its letter, Ё by Е and
// Kazakh's Қ after К, where the order of their codes puts Élise after
// Zoe, Ёж first of the Cyrillic and Қала after Яблоко.
func TestGroupByParamCollates(t *testing.T) {
	fsys := groupSite(`{{ range .Site.RegularPages.GroupByParam "city" }}[{{ .Key }}]{{ end }}`)
	for i, city := range []string{"Zoe", "Élise", "Ana", "ana", "Яблоко", "Ёж", "Арбуз", "Қала", "Кітап"} {
		fsys[fmt.Sprintf("content/cities/c%d.md", i)] = &fstest.MapFile{
			Data: fmt.Appendf(nil, "---\ntitle: C%d\ndate: 2012-01-01\nparams:\n  city: %s\n---\nText.\n", i, city),
		}
	}
	out := builtText(t, fsys)
	wantIn(t, out, "index.html", "[ana][Ana][Élise][Zoe][Арбуз][Ёж][Кітап][Қала][Яблоко]")
}

// A mistake in a .GroupBy… call is a problem at the call, saying what to
// write: a field a page lacks or that is no one value, an order word
// that is not one, a layout with no part of a date, a param no page has,
// or one a page writes as a list, as another kind, or as no date.
func TestGroupByMistakes(t *testing.T) {
	for _, c := range []struct{ call, msg, hint string }{
		{`.GroupBy "Sectoin"`, `.GroupBy "Sectoin": a page has no field Sectoin`, `"Section", "Type", "Kind"`},
		{`.GroupBy "section"`, `a page has no field section`, `write "Section", with its capitals`},
		{`.GroupBy "Params.role"`, `a page has no field Params.role`, `write .GroupByParam "role"`},
		{`.GroupBy "Param"`, `.Param takes arguments`, `write .GroupByParam "role"`},
		{`.GroupBy "Pages"`, `.Pages is a list, and a group's key is one value`, `such as "Section"`},
		{`.GroupBy "Site"`, `.Site is a Site, and a group's key is one value`, `such as "Section"`},
		{`.GroupBy "Section" "dsc"`, `the order is "asc" or "desc", not "dsc"`, `"desc" for the other way round`},
		{`.GroupByDate "2006" "newest"`, `.GroupByDate "2006": the order is "asc" or "desc", not "newest"`, `"desc" for the newest first (the default)`},
		{`.GroupByDate "2006" "asc" "x"`, `takes one order word, and was given 2`, `"asc" for the oldest first`},
		{`.GroupByDate "YYYY"`, `.GroupByDate "YYYY": the layout "YYYY" writes no part of a date`, `"2006" groups by year`},
		{`.GroupByLastmod "%Y"`, `the layout "%Y" writes no part of a date`, `"January 2006" by month`},
		{`.GroupByParam "rol"`, `.GroupByParam "rol": no page of the site has params.rol`, `check the key's spelling`},
		{`.GroupByParamDate "rol" "2006"`, `.GroupByParamDate "rol" "2006": no page of the site has params.rol`, `check the key's spelling`},
		{`.GroupByParam "Params.role"`, `no page of the site has params.Params.role`, `write the key without Params.: .GroupByParam "role"`},
		{`.GroupByParam "author"`, `params.author of content/people/kozlov.md is a map, and a group's key is one value`, `make the key a taxonomy`},
		{`.GroupByParamDate "role" "2006"`, `params.role of content/news/trial.md must be a date like 2024-03-09, got "witness"`, `write it as a date, role: 2024-03-09, or leave it out of that page: pages without it are in the group of the year 1, 0001`},
		{`.GroupByParamDate "author" "2006"`, `params.author of content/people/kozlov.md must be a date like 2024-03-09, got map[name:Ivanov]`, `or leave it out of that page`},
	} {
		t.Run(c.call, func(t *testing.T) {
			res := build(t, groupSite("<p>\n{{ range .Site.RegularPages"+c.call+" }}{{ .Key }}{{ end }}</p>"), Options{})
			got := problems(res.Problems)
			at := "layouts/index.html:2:"
			if len(res.Problems) == 0 || !strings.HasPrefix(got, at) || !strings.Contains(got, c.msg) || !strings.Contains(got, c.hint) {
				t.Errorf("got problems\n%s\nwant one at %s with\n%s\n%s", got, at, c.msg, c.hint)
			}
		})
	}
}

// .GroupByParamDate and dateFormat read a date written as text by one
// rule, front matter's: both accept a text or both refuse it, with one
// message. Hugo 0.165 refuses a year or a month alone in both too.
func TestParamDateReadAsDateFormatReadsIt(t *testing.T) {
	for _, c := range []struct{ text, err string }{
		{"2011-05-01", ""},
		{"2011-05-01 10:30", ""},
		{"2011-05-01T10:30:00+05:00", ""},
		{"2011-05", ""}, // a month alone is its first day (frontmatter.Date)
		{"2011-5", `must be a date like 2024-03-09, got "2011-5"`},
		{"2011-02-30", `is not a real date: "2011-02-30"`},
	} {
		t.Run(c.text, func(t *testing.T) {
			for _, call := range []string{
				`{{ range .Site.RegularPages.GroupByParamDate "eventDate" "2006-01-02" }}{{ .Key }};{{ end }}`,
				`{{ range .Site.RegularPages }}{{ with .Params.eventDate }}{{ dateFormat "2006-01-02" . }};{{ end }}{{ end }}`,
			} {
				fsys := groupSite(call)
				fsys["content/news/clashes.md"].Data = []byte("---\ntitle: Clashes\nparams:\n  eventDate: \"" + c.text + "\"\n---\n")
				res := build(t, fsys, Options{})
				got := problems(res.Problems)
				if c.err == "" && (len(res.Problems) > 0 || !strings.Contains(string(res.Files["index.html"]), "2011-05-01;")) {
					t.Errorf("%s: got problems\n%s\nand %q, want 2011-05-01", call, got, res.Files["index.html"])
				}
				if c.err != "" && !strings.Contains(got, c.err) {
					t.Errorf("%s: got problems\n%s\nwant one with %s", call, got, c.err)
				}
			}
		})
	}
}

// A param written as a number on one page and as text on another is a
// problem naming both pages: Hugo drops the page of the other kind.
func TestGroupByParamOfTwoKinds(t *testing.T) {
	fsys := groupSite(`{{ range .Site.RegularPages.GroupByParam "year" }}{{ .Key }}{{ end }}`)
	fsys["content/news/rally.md"].Data = []byte("---\ntitle: Rally\ndate: 2012-05-03\nparams:\n  year: 2012\n---\n")
	fsys["content/news/trial.md"].Data = []byte("---\ntitle: Trial\ndate: 2012-03-27\nparams:\n  year: \"2012\"\n---\n")
	got := problems(build(t, fsys, Options{}).Problems)
	want := `.GroupByParam "year": params.year is a number in content/news/rally.md (2012) and text in content/news/trial.md (2012)`
	if !strings.Contains(got, want) || !strings.Contains(got, `write year one way in every page`) {
		t.Errorf("got problems\n%s\nwant\n%s", got, want)
	}
}

// .Paginate pages groups as Hugo's does: paginate pages a page, a group
// cut by a page's end going on over the next under its key again, in
// .PageGroups; .Pages is empty, and .Paginator gives the same pager.
func TestPaginateGroups(t *testing.T) {
	out := builtText(t, groupSite(`{{ $p := .Paginate (.Site.RegularPages.GroupByDate "2006") }}`+
		`{{ range $p.PageGroups }}<h2>{{ .Key }}</h2>{{ range .Pages }}{{ .Title }};{{ end }}{{ end }}`+
		`|{{ len $p.Pages }}|{{ $p.NumberOfElements }}/{{ $p.TotalNumberOfElements }}|{{ .Paginator.PageNumber }}/{{ .Paginator.TotalPages }}`+
		`|{{ len .Paginator.PageGroups }}|{{ with $p.Next }}{{ range .PageGroups }}{{ .Key }}{{ end }}{{ end }}`))
	wantIn(t, out,
		"index.html", "<h2>2012</h2>Rally;Strike;|0|2/5|1/3|1|20122011",
		"page/2/index.html", "<h2>2012</h2>Trial;<h2>2011</h2>Kozlov;|0|2/5|2/3|2|2011",
		"page/3/index.html", "<h2>2011</h2>Clashes;|0|1/5|3/3|1|",
	)
	// A list of pages still pages as before: no groups.
	out = builtText(t, groupSite(`{{ $p := .Paginate .Site.RegularPages }}{{ len $p.Pages }}|{{ len $p.PageGroups }}|{{ $p.NumberOfElements }}`))
	wantIn(t, out, "index.html", "2|0|2", "page/3/index.html", "1|0|1")
}

// Paging the same groups twice is one paging; other groups are a mistake.
func TestPaginateGroupsOnce(t *testing.T) {
	fsys := groupSite(`{{ (.Paginate (.Site.RegularPages.GroupByDate "2006")).TotalPages }}{{ (.Paginate (.Site.RegularPages.GroupByDate "2006")).TotalPages }}`)
	if res := build(t, fsys, Options{}); len(res.Problems) > 0 {
		t.Errorf("the same groups twice: problems\n%s", problems(res.Problems))
	}
	fsys = groupSite(`{{ (.Paginate (.Site.RegularPages.GroupByDate "2006")).TotalPages }}{{ (.Paginate (.Site.RegularPages.GroupByDate "2006-01")).TotalPages }}`)
	if got := problems(build(t, fsys, Options{}).Problems); !strings.Contains(got, ".Paginate again with another list or size") {
		t.Errorf("other groups: problems\n%s\nwant .Paginate again", got)
	}
}

// The example of docs/templates.md's "Grouping a list" builds as it says.
func TestGroupByDocumentedExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n## Grouping a list\n.*?```gotemplate\n(.*?)```\n.*?```html\n(.*?)```\n").FindSubmatch(doc)
	if m == nil {
		t.Fatal(`docs/templates.md has no example and output under "Grouping a list"`)
	}
	out := builtText(t, groupSite(string(m[1])))
	wantIn(t, out, "index.html", strings.TrimSpace(string(m[2])))
}
