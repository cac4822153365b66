package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Every list whose template asks for .Paginator gets list/page/1/, a
// redirect to the list as Hugo writes one, in every language: the home
// page, sections, the taxonomy page and terms. Its link is relative, so
// it works from a sub-path and from file://, and it is no page: neither
// the sitemaps nor the feeds list it.
func TestPageOneRedirectsToTheList(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte(
		`{{ define "main" }}<ul>{{ range .Paginator.Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}`)}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, back := range map[string]string{
		"page/1/index.html":                      "../../",
		"ru/page/1/index.html":                   "../../",
		"kk/page/1/index.html":                   "../../",
		"zhanaozen/page/1/index.html":            "../../",
		"ru/zhanaozen/page/1/index.html":         "../../",
		"tags/page/1/index.html":                 "../../",
		"tags/zhanaozen/page/1/index.html":       "../../",
		"ru/tags/жанаозен/page/1/index.html":     "../../",
		"zhanaozen/clashes/page/1/index.html":    "", // a page, not a list
		"ru/zhanaozen/clashes/page/1/index.html": "",
	} {
		got, ok := res.Files[file]
		if back == "" {
			if ok {
				t.Errorf("%s is written; want none", file)
			}
			continue
		}
		for _, want := range []string{`<meta http-equiv="refresh" content="0; url=` + back + `">`, `<a href="` + back + `">`,
			`<meta name="robots" content="noindex">`, `<link rel="canonical" href="https://example.org/`} {
			if !strings.Contains(string(got), want) {
				t.Errorf("%s lacks %s:\n%s", file, want, got)
			}
		}
	}
	if got := string(res.Files["ru/page/1/index.html"]); !strings.Contains(got, `<html lang="ru">`) || !strings.Contains(got, `href="https://example.org/ru/"`) {
		t.Errorf("ru/page/1/index.html is not the Russian home page's redirect:\n%s", got)
	}
	for name, data := range res.Files {
		if (strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".json")) && strings.Contains(string(data), "page/1") {
			t.Errorf("%s lists a page/1/ redirect:\n%s", name, data)
		}
	}
}

// A list that does not paginate has no page/1/: nothing links there.
func TestNoPageOneWithoutPaginator(t *testing.T) {
	res := build(t, siteFS(t, "testdata/i18n.txtar"), Options{})
	for name := range res.Files {
		if strings.Contains(name, "page/1/") {
			t.Errorf("%s is written for a list that does not paginate", name)
		}
	}
}

// page/1/ of a list is an address the build takes, as page/2/ is: a page
// there is a problem that names both.
func TestPageAtPageOneOfAList(t *testing.T) {
	for name, file := range map[string]string{
		"content/stories/page/1.md": "---\ntitle: One\n---\nText.\n",
		"content/one.md":            "---\ntitle: One\nurl: /stories/page/1/\n---\nText.\n",
	} {
		t.Run(name, func(t *testing.T) {
			fsys := siteFS(t, "testdata/fixture.txtar")
			fsys[name] = &fstest.MapFile{Data: []byte(file)}
			res := build(t, fsys, Options{})
			got := problems(res.Problems)
			want := ": /stories/page/1/ is claimed by more than one source: " + name + " (page), the redirect from page 1 of the list of content/stories/_index.md (page)"
			if len(res.Problems) != 1 || !strings.HasPrefix(got, name) || !strings.Contains(got, want) {
				t.Errorf("got problems:\n%s\nwant one at %s with %q", got, name, want)
			}
		})
	}
}

// A link to a list's page/N/ or its page/1/ redirect is checked against
// what the templates made: there when the list's template asks for
// .Paginator, even for a list of one page; a problem when it does not,
// even for a list long enough to have a page 2.
func TestLinksToPagesOfAListFollowTheTemplate(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["site.toml"].Data = []byte(strings.Replace(string(fsys["site.toml"].Data), "title =", "paginate = 1\ntitle =", 1))
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ range .Paginator.Pages }}{{ .Title }}{{ end }}{{ end }}`)}
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n[a](/page/1/) [b](/page/2/) [c](/zhanaozen/page/1/) [d](/zhanaozen/page/2/)\n")}
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	for _, want := range []string{"content/about.md:4: link to /zhanaozen/page/1/", "content/about.md:4: link to /zhanaozen/page/2/"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "link to /page/") || len(res.Problems) != 2 {
		t.Errorf("want the two problems of the list without .Paginator only:\n%s", got)
	}
	if want := "the list /zhanaozen/ is one page: its template uses neither .Paginator nor .Paginate, so it has no page/N/; link to /zhanaozen/"; strings.Count(got, want) != 2 {
		t.Errorf("the hints do not say why:\n%s", got)
	}
	if _, ok := res.Files["page/1/index.html"]; !ok {
		t.Error("page/1/index.html is not written")
	}
}

// A list whose template fails, or that has none, is not known to have
// page/N/ or not: its own problem is reported, and links to its pages are
// not blamed for it.
func TestLinksToPagesOfAListWhoseTemplateFails(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	fsys["site.toml"].Data = []byte(strings.Replace(string(fsys["site.toml"].Data), "title =", "paginate = 1\ntitle =", 1))
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ index 1 5 }}{{ range .Paginator.Pages }}{{ .Title }}{{ end }}{{ end }}`)}
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n[a](/page/1/) [b](/page/2/)\n")}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); strings.Contains(got, "link to") || !strings.Contains(got, "layouts/index.html") {
		t.Errorf("want the template's problem and no link problems:\n%s", got)
	}
}
