package site

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// paramsFiles are the fixture's site.toml with site params in mixed
// case, in English and for a second language, and the files given.
func paramsFiles(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	params := "[params]\npublisher = \"The fixture team\"\n"
	toml := strings.Replace(string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data), params,
		"[languages.ru]\nname = \"Русский\"\n[languages.ru.params]\nonlyRU = \"ru\"\n\n"+
			params+"petitionURL = \"https://example.org/sign\"\n[params.Social]\nmastodonHandle = \"@fixture\"\n", 1)
	out := map[string]string{"site.toml": toml}
	maps.Copy(out, files)
	return out
}

// A template that reads a .Site.Params or .Params key in another case
// than the site writes it would show nothing, where Hugo shows the value:
// each such read of site.toml's params is a problem at the template's
// line that names the key as the site writes it. A read of a page's
// .Params is a warning, and only when no page has the key as read: two
// sections may each write and read photo and Photo, and a partial's dot
// may not be a page at all. A read that chooses between cases (or,
// default, isset) is neither.
func TestParamKeyInAnotherCase(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	for name, data := range paramsFiles(t, map[string]string{
		"layouts/partials/petition.html": "<footer>\n" +
			`<a href="{{ .Site.Params.petitionurl }}">Sign</a> {{ with site.Params.social }}{{ .MastodonHandle }}{{ end }}` + "\n" +
			`{{ index .Site.Params "OnlyRU" }} {{ .Params.Role }} {{ .Params.linkTitle }} {{ .Params.Date.Year }}` + "\n" +
			`{{ .Params.Photo }} {{ .Params.photo }} {{ or .Params.heroImage .Params.heroimage }} {{ or .Site.Params.PetitionURL .Site.Params.petitionURL }}` + "\n</footer>",
		"layouts/partials/footer.html": `{{ partial "petition.html" . }}`,
		"content/people/alga.md":       "---\ntitle: Alga\nlinkTitle: Alga\nparams:\n  role: Party\n---\nText.\n",
		"content/people/zhakiyanov.md": "---\ntitle: Zhakiyanov\nparams:\n  role: Founder\n  photo: z.jpg\n  heroImage: h.jpg\n---\nText.\n",
		"content/stories/trial.md":     "---\ntitle: Trial\nparams:\n  Photo: t.jpg\n---\nText.\n",
	}) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	res := build(t, fsys, Options{})
	want := []string{
		"layouts/partials/petition.html:2:13: .Site.Params.petitionurl reads nothing: site.toml writes the key petitionURL\n" +
			"    write petitionURL for petitionurl: samizdat reads .Site.Params keys in the case site.toml writes them, where Hugo ignores case",
		"layouts/partials/petition.html:2:59: site.Params.social reads nothing: site.toml writes the key Social\n",
		"layouts/partials/petition.html:2:83: .MastodonHandle reads nothing: site.toml writes the key Social.mastodonHandle\n" +
			"    write Social for social, mastodonHandle for MastodonHandle:",
		`layouts/partials/petition.html:3:4: index .Site.Params "OnlyRU" reads nothing: site.toml writes the key onlyRU`,
	}
	wantWarnings := []string{
		"layouts/partials/petition.html:3:38: .Params.Role reads nothing for content/people/alga.md (and 2 other pages): its .Params has the key role\n" +
			"    write role for Role here, or write the key in one case in every page's front matter:",
		"layouts/partials/petition.html:3:57: .Params.linkTitle reads nothing for content/people/alga.md: its .Params has the key linktitle",
		"layouts/partials/petition.html:3:81: .Params.Date.Year reads nothing for content/complaint.md (and 3 other pages): its .Params has the key date",
	}
	got := problems(res.Problems)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack\n%s\ngot\n%s", w, got)
		}
	}
	if len(res.Problems) != len(want) {
		t.Errorf("got %d problems; want %d:\n%s", len(res.Problems), len(want), got)
	}
	warned := problems(res.Warnings)
	for _, w := range wantWarnings {
		if !strings.Contains(warned, w) {
			t.Errorf("warnings lack\n%s\ngot\n%s", w, warned)
		}
	}
	if n := strings.Count(warned, "layouts/partials/petition.html:"); n != len(wantWarnings) {
		t.Errorf("got %d warnings of petition.html; want %d:\n%s", n, len(wantWarnings), warned)
	}
	// docs/templates.md shows the first as the problem a build gives.
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("`(layouts/partials/petition.html:[^`]*)`").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/templates.md shows no problem of layouts/partials/petition.html")
	}
	if documented := strings.Join(strings.Fields(string(m[1])), " "); !strings.Contains(got, documented+"\n") {
		t.Errorf("docs/templates.md shows %q, which the build does not give:\n%s", documented, got)
	}
}

// Reads in the site's own case are no problem, nor are keys the site
// does not have in any case (optional ones), nor a page's .Params that
// holds no such key; .Param ignores case, as Hugo's does, and range over
// .Site.Params lists each key once, as written (mainSections, which the
// fixture's site.toml leaves out, is Hugo's default).
func TestParamKeysAsWritten(t *testing.T) {
	out := renderFixture(t, paramsFiles(t, map[string]string{
		"layouts/partials/footer.html": `<footer>[{{ .Site.Params.petitionURL }}][{{ .Site.Params.Social.mastodonHandle }}][{{ .Site.Params.nothing }}]` +
			`[{{ .Param "PETITIONURL" }}][{{ .Param "social.MastodonHandle" }}][{{ .Param "Role" }}][{{ .Param "publishDate" }}]` +
			`[{{ range $k, $v := .Site.Params }}{{ $k }},{{ end }}][{{ .Params.role }}]</footer>`,
	}))
	wantIn(t, out,
		"people/kozlov/index.html", "<footer>[https://example.org/sign][@fixture][][https://example.org/sign][@fixture][Leader of Alga][]"+
			"[Social,mainSections,petitionURL,publisher,][Leader of Alga]</footer>",
		"ru/index.html", "[Social,onlyRU,petitionURL,publisher,]", // no Russian section has pages
	)
}

// One page that writes a key in another case than the other pages and
// the templates do is that page's slip: the warning is at its front
// matter, and says which case the layouts read.
func TestPageParamKeyInAnotherCaseThanTheOthers(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(`<footer>{{ .Params.role }}</footer>`)}
	fsys["content/people/alga.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Alga\nparams:\n  Role: Party\n---\nText.\n")}
	fsys["content/people/zhakiyanov.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Zhakiyanov\nparams:\n  role: Founder\n---\nText.\n")}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	want := "content/people/alga.md:4: no layout reads params key Role of this page; they read role: " +
		".Params.role (layouts/partials/footer.html:1), .Params.role (layouts/people/single.html:1)\n" +
		"    write role for Role in this page's front matter, as the other pages do"
	if got := problems(res.Warnings); !strings.Contains(got, want) || strings.Count(got, "params key") != 1 {
		t.Errorf("warnings:\n%s\nwant one:\n%s", got, want)
	}
	// When as many pages write Role as role, the template is told.
	fsys["content/people/zhakiyanov.md"].Data = []byte("---\ntitle: Zhakiyanov\nparams:\n  Role: Founder\n---\nText.\n")
	res = build(t, fsys, Options{})
	if got := problems(res.Warnings); !strings.Contains(got, "layouts/partials/footer.html:1:12: .Params.role reads nothing for content/people/alga.md (and 1 other page)") {
		t.Errorf("warnings:\n%s\nwant one at the template", got)
	}
}

// The warning at a page's slip points at the line of the key under
// params: (or [params]), not at params: itself, in YAML and TOML, with a
// byte order mark and CRLF; for a key further down, at the key under
// params: that holds it.
func TestPageParamKeySlipAtItsLine(t *testing.T) {
	for _, tt := range []struct {
		name, page string
		line       int
		key        string
	}{
		{"yaml", "---\ntitle: Alga\nparams:\n  links:\n    petition: https://example.org/a\n  Role: Party\n---\nText.\n", 6, "Role"},
		{"yaml bom crlf", "\xef\xbb\xbf---\r\ntitle: Alga\r\nparams:\r\n  # who she is\r\n  Role: Party\r\n---\r\nText.\r\n", 5, "Role"},
		{"toml", "+++\ntitle = 'Alga'\n[params]\nweight = 2\n\nRole = 'Party'\n+++\nText.\n", 6, "Role"},
		{"toml bom crlf", "\xef\xbb\xbf+++\r\ntitle = 'Alga'\r\n\r\nparams.Role = 'Party'\r\n+++\r\nText.\r\n", 4, "Role"},
		{"nested", "---\ntitle: Alga\nparams:\n  role: Party\n  Links:\n    petition: https://example.org/a\n---\nText.\n", 5, "Links.petition"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteFS(t, "testdata/fixture.txtar")
			fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(`<footer>{{ .Params.role }}{{ .Params.links.petition }}</footer>`)}
			for _, name := range []string{"zhakiyanov", "sapargali"} {
				fsys["content/people/"+name+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + name + "\nparams:\n  role: Founder\n  links:\n    petition: https://example.org/b\n---\nText.\n")}
			}
			fsys["content/people/alga.md"] = &fstest.MapFile{Data: []byte(tt.page)}
			res := build(t, fsys, Options{})
			if len(res.Problems) > 0 {
				t.Fatalf("problems:\n%s", problems(res.Problems))
			}
			want := fmt.Sprintf("content/people/alga.md:%d: no layout reads params key %s of this page", tt.line, tt.key)
			if got := problems(res.Warnings); !strings.Contains(got, want) || strings.Count(got, "params key") != 1 {
				t.Errorf("warnings:\n%s\nwant one:\n%s", got, want)
			}
		})
	}
}

// A template that reads both cases of a key itself, one after the other
// rather than in one or, is not told it reads the wrong one.
func TestTemplateReadingBothCases(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(
		`<footer>{{ with .Params.photo }}{{ . }}{{ else }}{{ with .Params.Photo }}{{ . }}{{ end }}{{ end }}</footer>`)}
	fsys["content/people/alga.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Alga\nparams:\n  Photo: a.jpg\n---\nText.\n")}
	res := build(t, fsys, Options{})
	if got := problems(res.Warnings); strings.Contains(got, "footer.html") || strings.Contains(got, "params key") {
		t.Errorf("warnings:\n%s", got)
	}
}
