package site

import "testing"

// Page lists sort as Hugo's do, each method giving a sorted copy.
func TestPageListsSortLikeHugo(t *testing.T) {
	titles := func(list string) string {
		return `{{ range ` + list + ` }}{{ .Title }};{{ end }}`
	}
	out := renderFixture(t, map[string]string{
		"layouts/_default/list.html": `{{ define "main" }}<p>` +
			`date=` + titles(".Pages.ByDate") + ` newest=` + titles(".Pages.ByDate.Reverse") +
			` title=` + titles(".Pages.ByTitle") + ` weight=` + titles(".Pages.ByTitle.ByWeight") +
			` lastmod=` + titles(".RegularPages.ByLastmod") + ` published=` + titles(".RegularPages.ByPublishDate") +
			` link=` + titles(".Pages.ByLinkTitle.Reverse") + ` len={{ .Pages.Len }} default=` + titles(".Pages") +
			`</p>{{ end }}`,
		"layouts/index.html": `{{ define "main" }}<p>latest=` + titles("first 2 .Site.RegularPages.ByDate.Reverse") +
			` paged={{ .Paginator.Pages.Len }}</p>{{ end }}`,
	})
	wantIn(t, out,
		// Trials, a section with no date of its own, has its newest
		// page's (2012-05-01), as in Hugo.
		"stories/index.html", "date=The strike;The clashes;Trials; newest=Trials;The clashes;The strike; "+
			"title=The clashes;The strike;Trials; weight=Trials;The clashes;The strike; "+
			"lastmod=The strike;The clashes; published=The strike;The clashes; "+
			"link=Trials;The strike;The clashes; len=3 default=Trials;The clashes;The strike;",
		"index.html", "latest=The complaint;Activists; paged=2",
	)
}
