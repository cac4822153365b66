package site

import "testing"

// Hugo's fields for where a page is: its sections, ancestors, menus,
// language, link title and text.
func TestPagePlaceInTheSite(t *testing.T) {
	titles := func(list string) string {
		return `{{ range ` + list + ` }}{{ .Title }};{{ end }}`
	}
	out := renderFixture(t, map[string]string{
		"layouts/_default/baseof.html": `<nav>{{ range .Site.Menus.main }}{{ .Name }}` +
			`{{ if $.IsMenuCurrent "main" . }}[current]{{ end }}{{ if $.HasMenuCurrent "main" . }}[has]{{ end }};{{ end }}</nav>` +
			`{{ block "main" . }}{{ end }}`,
		"layouts/_default/single.html": `{{ define "main" }}<p>current={{ .CurrentSection.Title }} first={{ .FirstSection.Title }} ` +
			`ancestors=` + titles(".Ancestors") + ` link={{ .LinkTitle }} lang={{ .Language.Lang }}/{{ .Site.Language.LanguageName }} ` +
			`node={{ .IsNode }} plain={{ .Plain }}</p>{{ end }}`,
		"layouts/_default/list.html": `{{ define "main" }}<p>current={{ .CurrentSection.Title }} first={{ .FirstSection.Title }} ` +
			`sections=` + titles(".Sections") + ` node={{ .IsNode }}</p>{{ end }}`,
		"layouts/index.html": `{{ define "main" }}<p>current={{ .CurrentSection.Title }} first={{ .FirstSection.Title }} ` +
			`sections=` + titles(".Sections") + `</p>{{ end }}`,
		"layouts/_default/term.html":          `{{ define "main" }}<p>current={{ .CurrentSection.Title }} first={{ .FirstSection.Title }}</p>{{ end }}`,
		"content/stories/trials/activists.md": "---\ntitle: Activists\ndate: 2012-05-01\n---\nSeven *activists* &amp;\n\nfriends.\n",
	})
	wantIn(t, out,
		"stories/trials/activists/index.html", "<nav>Stories[has];Complaint;Feed;</nav>",
		"stories/trials/activists/index.html", "current=Trials first=Stories ancestors=Trials;Stories;Home; link=Activists "+
			"lang=en/en node=false plain=Seven activists &amp; friends.</p>",
		"the-complaint/index.html", "<nav>Stories;Complaint[current];Feed;</nav>",
		"the-complaint/index.html", "current=Home first=Home ancestors=Home;",
		"stories/index.html", "<nav>Stories[current];Complaint;Feed;</nav>",
		"stories/index.html", "current=Stories first=Stories sections=Trials; node=true",
		"stories/trials/index.html", "current=Trials first=Stories sections= node=true",
		// Stories is dated by its newest page; People has no dates.
		"index.html", "current=Home first=Home sections=Stories;People;",
		"tags/zhanaozen/index.html", "current=zhanaozen first=Tags",
	)
}

// A page that puts itself in a menu without a name, or that a menu of
// site.toml names by pageRef without a name, is named there by its link
// title, as in Hugo: linkTitle is the short title for menus.
func TestMenuEntryOfAPageIsItsLinkTitle(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml":                    site + "\n[[menus.main]]\npageRef = \"appeal.md\"\nweight = 9\n",
		"layouts/_default/baseof.html": `<nav>{{ range .Site.Menus.main }}{{ .Name }};{{ end }}</nav>{{ block "main" . }}{{ end }}`,
		"content/letter.md":            "---\ntitle: An open letter to the prosecutor\nlinkTitle: Letter\nmenu: main\n---\nText.\n",
		"content/appeal.md":            "---\ntitle: An appeal to the court of Aktau\nlinkTitle: Appeal\n---\nText.\n",
	})
	wantIn(t, out, "letter/index.html", "<nav>Stories;Complaint;Appeal;Feed;Letter;</nav>")
}

// Menus are in Hugo's order, so a theme's menu comes over as it was: an
// entry without a weight goes after every weighted one (a theme's
// "Subscribe" added without one stays at the end), a negative weight
// before the rest; equal weights go by name, letter case aside.
func TestMenuEntriesWithoutWeightComeLast(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml": site + "\n[[menus.main]]\nname = \"Subscribe\"\nurl = \"/index.xml\"\n" +
			"\n[[menus.main]]\nname = \"archive\"\nurl = \"https://archive.example.org/\"\n" +
			"\n[[menus.main]]\nname = \"Top\"\nurl = \"#top\"\nweight = -1\n",
		"layouts/index.html": `<nav>{{ range .Site.Menus.main }}{{ .Name }};{{ end }}</nav>`,
	})
	// Stories, Complaint and Feed weigh 1, 2 and 9 (testdata/fixture.txtar).
	wantIn(t, out, "index.html", "<nav>Top;Stories;Complaint;Feed;archive;Subscribe;</nav>")
}

// A menu entry without a weight of its own, from front matter or a
// pageRef, weighs what its page weighs, as Hugo's MenuEntry.Weight.
func TestMenuEntryWeighsItsPage(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml":          site + "\n[[menus.side]]\npageRef = \"c.md\"\n[[menus.side]]\nname = \"Last\"\nurl = \"https://example.net/\"\nweight = 9\n",
		"content/a.md":       "---\ntitle: A\nweight: 3\nmenu: side\n---\n",
		"content/b.md":       "---\ntitle: B\nweight: 1\nmenu:\n  side: {}\n---\n",
		"content/c.md":       "---\ntitle: C\nweight: 2\n---\n",
		"content/d.md":       "---\ntitle: D\nweight: 5\nmenu:\n  side:\n    weight: 10\n---\n",
		"layouts/index.html": `<nav>{{ range .Site.Menus.side }}{{ .Name }}={{ .Weight }};{{ end }}</nav>`,
	})
	wantIn(t, out, "index.html", "<nav>B=1;C=2;A=3;Last=9;D=10;</nav>")
}
