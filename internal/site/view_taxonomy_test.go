package site

import "testing"

// .Site.Taxonomies.tags is a map from term key to term, as Hugo's: both
// range forms and indexing by term work, and the lists Hugo's Taxonomy
// gives. Ranging it alone gives the terms in order, as before.
func TestTaxonomyIsAMapOfTerms(t *testing.T) {
	out := renderFixture(t, map[string]string{
		"layouts/index.html": `{{ define "main" }}<p>` +
			`pairs={{ range $key, $t := .Site.Taxonomies.tags }}{{ $key }}={{ $t.Name }}:{{ $t.Count }}:{{ $t.Page.URL }};{{ end }} ` +
			`values={{ range .Site.Taxonomies.tags }}{{ .Name }}({{ .Count }});{{ end }} ` +
			`one={{ .Site.Taxonomies.tags.zhanaozen.Count }}/{{ range .Site.Taxonomies.tags.zhanaozen.Pages }}{{ .Title }};{{ end }} ` +
			`alpha={{ range .Site.Taxonomies.tags.Alphabetical }}{{ .Name }};{{ end }} ` +
			`bycount={{ range .Site.Taxonomies.tags.ByCount }}{{ .Name }};{{ end }} ` +
			`count={{ .Site.Taxonomies.tags.Count "Zhanaozen" }}/{{ .Site.Taxonomies.tags.Count "none" }} ` +
			`get={{ range .Site.Taxonomies.tags.Get "labour" }}{{ .Title }};{{ end }} ` +
			`len={{ len .Site.Taxonomies.tags }}</p>{{ end }}`,
		"layouts/_default/taxonomy.html": `{{ define "main" }}<p>{{ .Data.Singular }}/{{ .Data.Plural }}:` +
			`{{ range .Data.Terms.ByCount }}{{ .Name }}({{ .Count }});{{ end }}</p>{{ end }}`,
		"layouts/_default/term.html": `{{ define "main" }}<p>{{ .Data.Singular }}/{{ .Data.Plural }}/{{ .Data.Term }}:` +
			`{{ range .Data.Pages }}{{ .Title }};{{ end }}</p>{{ end }}`,
	})
	wantIn(t, out,
		"index.html", "pairs=labour=labour:1:/tags/labour/;zhanaozen=zhanaozen:2:/tags/zhanaozen/; "+
			"values=labour(1);zhanaozen(2); one=2/The clashes;The strike; alpha=labour;zhanaozen; "+
			"bycount=zhanaozen;labour; count=2/0 get=The strike; len=2",
		"tags/index.html", "<p>tag/tags:zhanaozen(2);labour(1);</p>",
		"categories/index.html", "<p>category/categories:events(1);</p>",
		"tags/zhanaozen/index.html", "<p>tag/tags/zhanaozen:The clashes;The strike;</p>",
	)
}
