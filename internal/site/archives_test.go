package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// paperModArchives is PaperMod's layouts/_default/archives.html as it is
// (adityatelange/hugo-PaperMod): it groups what where gives.
const paperModArchives = `{{- define "main" }}

<header class="page-header">
  <h1>{{ .Title }}</h1>
</header>

{{- $pages := where site.RegularPages "Type" "in" site.Params.mainSections }}
{{- range $pages.GroupByPublishDate "2006" }}
{{- if ne .Key "0001" }}
<div class="archive-year">
  <h2 class="archive-year-header">{{- replace .Key "0001" "" }}</h2>
  {{- range .Pages.GroupByDate "January" }}
  <div class="archive-month">
    <h3 class="archive-month-header">{{- .Key }}</h3>
    <div class="archive-posts">
      {{- range .Pages  }}
      {{- if eq .Kind "page" }}
      <div class="archive-entry">
        <h3 class="archive-entry-title">
          {{- .Title | markdownify }}
        </h3>
        <div class="archive-meta">
          {{- if or .Params.author .Site.Params.author }}
          {{- .Params.author | default .Site.Params.author }} ·
          {{- end }}
          {{- if $.Site.Params.ShowReadingTime }}
          {{ .ReadingTime }}{{ i18n "read_time" | default "min read" }}&nbsp;·&nbsp;{{ end }}
          {{- .Date.Format "January 2, 2006" -}}
        </div>
        <a class="entry-link" aria-label="post link to {{ .Title | plainify }}" href="{{ .Permalink }}"></a>
      </div>
      {{- end }}
      {{- end }}
    </div>
  </div>
  {{- end }}
</div>
{{- end }}
{{- end }}

{{- end  }}{{/* end main */}}
`

// stackArchives is Stack's layouts/_default/archives.html
// (CaiJimmy/hugo-theme-stack) without its list of categories (which
// reads them with the two-argument .Site.GetPage of old Hugo, tested in
// getpage_test.go): it groups what intersect makes of two lists from where.
const stackArchives = `{{ define "body-class" }}template-archives{{ end }}
{{ define "main" }}
    {{ $pages := where .Site.RegularPages "Type" "in" .Site.Params.mainSections }}
    {{ $notHidden := where .Site.RegularPages "Params.hidden" "!=" true }}
    {{ $filtered := ($pages | intersect $notHidden) }}

    {{ range $filtered.GroupByDate "2006" }}
    {{ $id := lower (replace .Key " " "-") }}
    <div class="archives-group" id="{{ $id }}">
        <h2 class="archives-date section-title"><a href="{{ $.RelPermalink }}#{{ $id }}">{{ .Key }}</a></h2>
        <div class="article-list--compact">
            {{ range .Pages }}
                {{ partial "article-list/compact" . }}
            {{ end }}
        </div>
    </div>
    {{ end }}

    {{ partialCached "footer/footer" . }}
{{ end }}
`

// TestThemeArchivesGroupWhatWhereGives: where and intersect give a list
// of pages, as Hugo's do, so PaperMod's and Stack's archives group it by
// year; a plain list has no GroupByDate, and the build stopped. The
// output is Hugo 0.165's for the same site.
func TestThemeArchivesGroupWhatWhereGives(t *testing.T) {
	for name, tc := range map[string]struct{ layout, want string }{
		"PaperMod": {paperModArchives, "2012 March A January C 2011 July E"},
		"Stack":    {stackArchives, "2012 A C 2011 E"},
	} {
		fsys := fstest.MapFS{
			"site.toml":                                  {Data: []byte("title = \"T\"\n[params]\nmainSections = [\"posts\"]\n")},
			"layouts/_default/baseof.html":               {Data: []byte(`{{ block "main" . }}{{ end }}`)},
			"layouts/_default/single.html":               {Data: []byte(`{{ define "main" }}{{ .Title }}{{ end }}`)},
			"layouts/_default/list.html":                 {Data: []byte(`{{ define "main" }}{{ .Title }}{{ end }}`)},
			"layouts/_default/archives.html":             {Data: []byte(tc.layout)},
			"layouts/partials/article-list/compact.html": {Data: []byte(`<p>{{ .Title }}</p>`)},
			"layouts/partials/footer/footer.html":        {Data: []byte(`<footer></footer>`)},
			"content/archives.md":                        {Data: []byte("---\ntitle: Archive\nlayout: archives\n---\n")},
			"content/posts/a.md":                         {Data: []byte("---\ntitle: A\ndate: 2012-03-01\n---\n")},
			"content/posts/b.md":                         {Data: []byte("---\ntitle: B\ndate: 2011-05-02\nparams:\n  hidden: true\n---\n")},
			"content/posts/c.md":                         {Data: []byte("---\ntitle: C\ndate: 2012-01-10\n---\n")},
			"content/posts/e.md":                         {Data: []byte("---\ntitle: E\ndate: 2011-07-04\n---\n")},
			"content/notes/d.md":                         {Data: []byte("---\ntitle: D\ndate: 2012-02-01\n---\n")},
		}
		if name == "PaperMod" { // PaperMod shows hidden pages: B is there, in May
			tc.want = strings.Replace(tc.want, "July E", "July E May B", 1)
		}
		res := build(t, fsys, Options{})
		if len(res.Problems) > 0 {
			t.Fatalf("%s: problems:\n%s", name, problems(res.Problems))
		}
		if got := headingsAndEntries(res.Files["archives/index.html"]); got != tc.want {
			t.Errorf("%s archives: %q; want %q", name, got, tc.want)
		}
	}
}

// headingsAndEntries is the text of a page's headings and entries, in
// their order.
func headingsAndEntries(html []byte) string {
	re := regexp.MustCompile(`<(?:h2|h3|p)[^>]*>\s*(?:<a[^>]*>)?([^<]*?)\s*<`)
	var out []string
	for _, m := range re.FindAllSubmatch(html, -1) {
		if t := strings.TrimSpace(string(m[1])); t != "" && t != "Archive" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// slice of pages, and pages appended to an empty slice, are pages, as in
// Hugo (a page is its collections.Slicer): a theme that collects pages in
// a range sorts them after. A Hugo 0.165 build gives these lines.
func TestSliceAndAppendOfPages(t *testing.T) {
	out := builtText(t, orderSite(`{{ $a := index .Site.RegularPages 0 }}{{ $b := index .Site.RegularPages 2 }}`+
		`S: {{ range (slice $b $a).ByTitle }}{{ .Title }}|{{ end }}`+
		`A: {{ $l := slice }}{{ $l = $l | append $b }}{{ $l = $l | append $a }}{{ range $l.ByTitle }}{{ .Title }}|{{ end }}`+
		`P: {{ range (.Paginate (slice $b $a)).Pages }}{{ .Title }}|{{ end }}`))
	wantIn(t, out, "index.html", "S: New|Old heavy|A: New|Old heavy|P: New|Old heavy|")
}
