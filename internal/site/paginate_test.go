package site

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
)

// pagedHome is the home layout of a Hugo theme such as ink: it pages the
// posts, not the home page's own .Pages (its sections), through a where
// filter, and a partial pages again with .Paginator, which gives what
// .Paginate paged, as in Hugo.
const pagedHome = `{{ $pages := where .Site.RegularPages "Section" "posts" }}` +
	`{{ $paginator := .Paginate (where $pages "Params.hidden" "ne" true)%s }}` +
	`<ul>{{ range $paginator.Pages }}<li>{{ .Title }}: {{ .Summary }}</li>{{ end }}</ul>{{ partial "pager.html" . }}`

// paginateSite is a site of seven posts, one hidden, and an about page,
// whose home layout is pagedHome with size (" 2", or "" for paginate = 3).
func paginateSite(size string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":                      {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"Campaign\"\npaginate = 3\n")},
		"content/_index.md":              {Data: []byte("---\ntitle: Home\n---\n")},
		"content/posts/_index.md":        {Data: []byte("---\ntitle: Posts\n---\n")},
		"content/about.md":               {Data: []byte("---\ntitle: About\n---\nAbout us.\n")},
		"layouts/index.html":             {Data: []byte(fmt.Sprintf(pagedHome, size))},
		"layouts/partials/pager.html":    {Data: []byte(`{{ $pag := $.Paginator }}<p>{{ $pag.PageNumber }}/{{ $pag.TotalPages }}{{ if $pag.HasPrev }} prev={{ $pag.Prev.URL }}{{ end }}{{ if $pag.HasNext }} next={{ $pag.Next.URL }}{{ end }}</p>`)},
		"layouts/_default/list.html":     {Data: []byte(`{{ range .Pages }}{{ .Title }}{{ end }}`)},
		"layouts/_default/single.html":   {Data: []byte(`<h1>{{ .Title }}</h1>{{ .Content }}`)},
		"layouts/_default/term.html":     {Data: []byte(`{{ range (.Paginate .Pages.ByTitle 2).Pages }}{{ .Title }};{{ end }}`)},
		"layouts/_default/taxonomy.html": {Data: []byte(`{{ range .Pages }}{{ .Title }}{{ end }}`)},
	}
	for i := 1; i <= 7; i++ {
		hidden := ""
		if i == 4 {
			hidden = "params: {hidden: true}\n"
		}
		fsys[fmt.Sprintf("content/posts/p%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: P%d\ndate: 2012-01-0%d\ntags: [strike]\n%s---\nText %d.\n", i, i, hidden, i))}
	}
	return fsys
}

// builtText builds fsys, which must build without a problem, and returns
// its output files as text.
func builtText(t *testing.T, fsys fstest.MapFS) map[string]string {
	t.Helper()
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	out := map[string]string{}
	for name, data := range res.Files {
		out[name] = string(data)
	}
	return out
}

// .Paginate pages any list on the home page: the posts left by a where
// filter, newest first, paginate (site.toml) a page, with page/2/ written by
// the same template, page/1/ a redirect to the list, and no page/3/.
func TestPaginatePagesAnyList(t *testing.T) {
	out := builtText(t, paginateSite(""))
	wantIn(t, out,
		"index.html", "<li>P7: <p>Text 7.</p></li><li>P6: <p>Text 6.</p></li><li>P5: <p>Text 5.</p></li></ul><p>1/2 next=/page/2/</p>",
		"page/2/index.html", "<li>P3: <p>Text 3.</p></li><li>P2: <p>Text 2.</p></li><li>P1: <p>Text 1.</p></li></ul><p>2/2 prev=/</p>",
		"page/1/index.html", `<meta http-equiv="refresh" content="0; url=../../">`,
		"tags/strike/index.html", "P1;P2;",
		"tags/strike/page/4/index.html", "P7;",
	)
	for _, gone := range []string{"page/3/index.html", "posts/page/1/index.html", "posts/page/2/index.html", "tags/strike/page/5/index.html"} {
		if _, ok := out[gone]; ok {
			t.Errorf("%s is written", gone)
		}
	}
	if strings.Contains(out["index.html"]+out["page/2/index.html"], "P4") {
		t.Error("the hidden post is listed")
	}
	if strings.Contains(out["sitemap.xml"], "page/") {
		t.Errorf("sitemap.xml lists a page of a list:\n%s", out["sitemap.xml"])
	}
}

// The size given to .Paginate wins over site.toml's paginate.
func TestPaginateSize(t *testing.T) {
	res := build(t, paginateSite(" 2"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, want := range map[string]string{
		"index.html":        "<li>P7: <p>Text 7.</p></li><li>P6: <p>Text 6.</p></li></ul><p>1/3 next=/page/2/</p>",
		"page/2/index.html": "<li>P5: <p>Text 5.</p></li><li>P3: <p>Text 3.</p></li></ul><p>2/3 prev=/ next=/page/3/</p>",
		"page/3/index.html": "<li>P2: <p>Text 2.</p></li><li>P1: <p>Text 1.</p></li></ul><p>3/3 prev=/page/2/</p>",
	} {
		if got := string(res.Files[file]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", file, want, got)
		}
	}
	if _, ok := res.Files["page/4/index.html"]; ok {
		t.Error("page/4/index.html is written")
	}
}

// A link to page/3/ of a list paged with .Paginate is checked against the
// pages the template made, though the list's own .Pages (two sections)
// fit on one page: there when it paged into three, a problem that says
// how many it has when it paged into two.
func TestLinksToPagesOfAPaginatedList(t *testing.T) {
	for size, want := range map[string]string{
		" 2": "",
		"": "content/about.md:4: link to /page/3/: the site has no such page or file\n    " +
			"the list / has 2 pages, as its template pages it, so it has no page/3/; link to /, or to its last page, /page/2/\n",
	} {
		fsys := paginateSite(size)
		fsys["content/about.md"].Data = []byte("---\ntitle: About\n---\n[two](/page/2/) [three](/page/3/) [one](/page/1/)\n")
		res := build(t, fsys, Options{})
		if got := problems(res.Problems); got != want {
			t.Errorf("size %q: got problems\n%s\nwant\n%s", size, got, want)
		}
	}
}

// Two builds of the same site, with and without a cache, write the same
// bytes: the pages of a list come from what its template paged.
func TestPaginateIsDeterministic(t *testing.T) {
	fsys := paginateSite(" 2")
	first := build(t, fsys, Options{})
	cfg, _ := config.Load(fsys)
	cache := NewCache()
	for i := range 3 {
		var res Result
		if i == 0 {
			res = build(t, fsys, Options{})
		} else {
			res = Build(context.Background(), fsys, cfg, Options{Now: buildNow}, cache)
		}
		if !maps.EqualFunc(first.Files, res.Files, bytes.Equal) {
			t.Fatalf("build %d differs: %v; want %v", i, slices.Sorted(maps.Keys(res.Files)), slices.Sorted(maps.Keys(first.Files)))
		}
	}
}

// With the dev server's cache, a list paged with .Paginate follows every
// change to the pages it pages: a post's text (its summary), a post
// hidden, a new post that makes a page more, one deleted that makes one
// fewer. Each build is the same as one without a cache.
func TestPaginateWithCacheFollowsEdits(t *testing.T) {
	fsys := paginateSite(" 2")
	cfg, _ := config.Load(fsys)
	cache := NewCache()
	for _, step := range []struct {
		what string
		edit func()
		file string
		want string
	}{
		{"first build", func() {}, "page/3/index.html", "<li>P2: <p>Text 2.</p></li><li>P1: <p>Text 1.</p></li>"},
		{"text", func() {
			fsys["content/posts/p1.md"].Data = []byte("---\ntitle: P1\ndate: 2012-01-01\n---\nNew text.\n")
		},
			"page/3/index.html", "<li>P1: <p>New text.</p></li>"},
		{"hidden", func() {
			fsys["content/posts/p7.md"].Data = []byte("---\ntitle: P7\ndate: 2012-01-07\nparams: {hidden: true}\n---\nText 7.\n")
		},
			"index.html", "<li>P6: <p>Text 6.</p></li><li>P5: <p>Text 5.</p></li></ul><p>1/3 next=/page/2/</p>"},
		{"new", func() {
			fsys["content/posts/p8.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P8\ndate: 2012-01-08\n---\nText 8.\n")}
		},
			"page/3/index.html", "<li>P2: <p>Text 2.</p></li><li>P1: <p>New text.</p></li></ul><p>3/3 prev=/page/2/</p>"},
		{"more", func() {
			fsys["content/posts/p9.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P9\ndate: 2012-01-09\n---\nText 9.\n")}
		},
			"page/4/index.html", "<li>P1: <p>New text.</p></li></ul><p>4/4 prev=/page/3/</p>"},
		{"deleted", func() { delete(fsys, "content/posts/p9.md") }, "page/3/index.html", "<p>3/3 prev=/page/2/</p>"},
	} {
		step.edit()
		res := Build(context.Background(), fsys, cfg, Options{Now: buildNow}, cache)
		if len(res.Problems) > 0 {
			t.Fatalf("%s: problems:\n%s", step.what, problems(res.Problems))
		}
		if got := string(res.Files[step.file]); !strings.Contains(got, step.want) {
			t.Errorf("%s: %s lacks %q:\n%s", step.what, step.file, step.want, got)
		}
		if cold := build(t, fsys, Options{}); !maps.EqualFunc(cold.Files, res.Files, bytes.Equal) {
			t.Errorf("%s: the build with a cache differs from one without: %v; want %v", step.what,
				slices.Sorted(maps.Keys(res.Files)), slices.Sorted(maps.Keys(cold.Files)))
		}
	}
}

// A template pages once: .Paginate after .Paginator, or again with
// another list or size, is a problem at the call, as Hugo's was, where
// the page would show another list than the one meant; .Paginate on a
// single page is one too, and so is a size that is no number of pages.
// The same .Paginate twice is no problem.
func TestPaginateMistakes(t *testing.T) {
	for _, c := range []struct {
		name, file, layout, at, want string
	}{
		{"after Paginator", "layouts/index.html", `{{ .Paginator.TotalPages }}` + "\n" + `{{ .Paginate .Site.RegularPages }}`,
			"layouts/index.html:2:3: while rendering content/_index.md: ",
			".Paginate after .Paginator: .Paginator already paged this page's own .Pages, and a page is paged once\n" +
				"    call .Paginate before anything uses .Paginator, at the top of the layout ({{ $paginator := .Paginate COLLECTION }}): .Paginator then gives what .Paginate paged, in partials too; or page .Pages with .Paginator alone\n"},
		{"another list", "layouts/index.html", `{{ .Paginate .Site.RegularPages }}{{ .Paginate .Pages }}`,
			"layouts/index.html:1:37: while rendering content/_index.md: ",
			".Paginate again with another list or size (2 pages, 3 a page; first 8 pages, 3 a page): a page is paged once\n" +
				"    call .Paginate once, at the top of the layout ({{ $paginator := .Paginate COLLECTION }}), and use $paginator, or .Paginator, which gives what .Paginate paged, after it\n"},
		{"another size", "layouts/index.html", `{{ .Paginate .Site.RegularPages }}{{ .Paginate .Site.RegularPages 2 }}`,
			"layouts/index.html:1:37: ", "(8 pages, 2 a page; first 8 pages, 3 a page)"},
		{"single page", "layouts/_default/single.html", `{{ .Paginate .Site.RegularPages }}`,
			"layouts/_default/single.html:1:3: while rendering content/about.md and 7 other pages: ",
			".Paginate pages a list on a list page, and this is a single page (kind page)\n" +
				"    page a list in the layout of the home page, a section, a taxonomy or a term"},
		{"size 0", "layouts/index.html", `{{ .Paginate .Pages 0 }}`, "layouts/index.html:1:3: ",
			".Paginate's page size must be a whole number above 0, not 0\n    write how many pages each page of the list shows"},
		{"two sizes", "layouts/index.html", `{{ .Paginate .Pages 2 3 }}`, "layouts/index.html:1:3: ",
			".Paginate takes a list and a page size, and was given 1 more\n"},
		{"not pages", "layouts/index.html", `{{ .Paginate (slice 1 2) }}`, "layouts/index.html:1:3: ",
			".Paginate pages a list of pages, and item 1 of it is int\n    give it pages"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := paginateSite("")
			fsys[c.file] = &fstest.MapFile{Data: []byte(c.layout)}
			res := build(t, fsys, Options{})
			got := problems(res.Problems)
			if len(res.Problems) != 1 || !strings.HasPrefix(got, c.at) || !strings.Contains(got, c.want) {
				t.Errorf("got problems\n%s\nwant one at\n%s\nwith\n%s", got, c.at, c.want)
			}
		})
	}
	fsys := paginateSite("")
	fsys["layouts/index.html"].Data = []byte(`{{ (.Paginate .Site.RegularPages).PageNumber }}{{ (.Paginate .Site.RegularPages 3).TotalPages }}`)
	if res := build(t, fsys, Options{}); len(res.Problems) > 0 {
		t.Errorf("the same .Paginate twice: problems\n%s", problems(res.Problems))
	}
}

// A pager's size is .PageSize, and .PagerSize as Hugo 0.128 and later
// name it (Hugo 0.165 has only .PagerSize), whether paginate or the call
// set it.
func TestPagerSize(t *testing.T) {
	fsys := paginateSite("")
	fsys["layouts/index.html"].Data = []byte(`{{ .Paginator.PagerSize }}/{{ .Paginator.PageSize }}`)
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte(`{{ (.Paginate .Pages 2).PagerSize }}`)}
	wantIn(t, builtText(t, fsys), "index.html", "3/3", "posts/index.html", "2")
}

// The example of docs/templates.md's "Paging a list" builds as it says:
// the posts but the hidden one, five a page, with links between pages.
func TestPaginateDocumentedExample(t *testing.T) {
	fsys := paginateSite("")
	fsys["layouts/index.html"].Data = templatesExample(t, "Paging a list")
	out := builtText(t, fsys)
	wantIn(t, out,
		"index.html", `<h2><a href="posts/p7/">P7</a></h2><h2><a href="posts/p6/">P6</a></h2><h2><a href="posts/p5/">P5</a></h2>`+
			`<h2><a href="posts/p3/">P3</a></h2><h2><a href="posts/p2/">P2</a></h2>`,
		"index.html", "1/2\n<a href=\"page/2/\">older</a>",
		"page/2/index.html", "<h2><a href=\"../../posts/p1/\">P1</a></h2>\n<a href=\"../../\">newer</a>\n2/2",
	)
	if strings.Contains(out["index.html"]+out["page/2/index.html"], "P4") {
		t.Error("the hidden post is listed")
	}
}

// At home, .Paginator pages every regular page of the site, as Hugo's
// does, so a theme's home layout lists the posts, not the sections.
func TestPaginatorAtHomePagesThePosts(t *testing.T) {
	fsys := paginateSite("")
	fsys["layouts/index.html"].Data = []byte(`{{ range .Paginator.Pages }}{{ .Title }};{{ end }}{{ .Paginator.TotalPages }}`)
	out := builtText(t, fsys)
	wantIn(t, out,
		"index.html", "P7;P6;P5;3",
		"page/2/index.html", "P4;P3;P2;3",
		"page/3/index.html", "P1;About;3",
	)
}

// On a section, .Paginator pages its regular pages, not its subsections,
// as Hugo's does; on a term page, the term's pages.
func TestPaginatorOfASectionPagesItsRegularPages(t *testing.T) {
	fsys := paginateSite("")
	fsys["content/posts/archive/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Archive\nweight: 1\n---\n")}
	fsys["layouts/_default/list.html"].Data = []byte(`{{ range .Paginator.Pages }}{{ .Title }};{{ end }}{{ .Paginator.TotalPages }}`)
	fsys["layouts/_default/term.html"].Data = fsys["layouts/_default/list.html"].Data
	out := builtText(t, fsys)
	wantIn(t, out,
		"posts/index.html", "P7;P6;P5;3",
		"posts/page/3/index.html", "P1;3",
		"tags/strike/index.html", "P7;P6;P5;3",
	)
	if strings.Contains(out["posts/index.html"]+out["posts/page/2/index.html"]+out["posts/page/3/index.html"], "Archive") {
		t.Error("the section's .Paginator pages its subsection")
	}
}
