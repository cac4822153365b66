package site

import "testing"

// .Language.LanguageDirection is site.toml's languageDirection, as Hugo's,
// which themes such as PaperMod write into <html dir>; a language that does
// not set it gives "", so the theme's default applies.
func TestLanguageDirection(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml": site + "\n[languages.en]\nname = \"English\"\n[languages.ar]\nname = \"العربية\"\nlanguageDirection = \"rtl\"\n",
		"layouts/_default/single.html": `<html dir="{{ .Language.LanguageDirection | default "auto" }}">` +
			`{{ .Site.Language.LanguageDirection }}</html>`,
		"content/letter.md":    "---\ntitle: Letter\n---\nText.\n",
		"content/letter.ar.md": "---\ntitle: رسالة\n---\nText.\n",
	})
	wantIn(t, out,
		"letter/index.html", `<html dir="auto"></html>`,
		"ar/letter/index.html", `<html dir="rtl">rtl</html>`,
	)
}

// .Language.Params is the language's [languages.X.params] over the site's
// [params], as Hugo 0.165's: PaperMod's language switch reads
// .Language.Params.languageAltTitle of each translation.
func TestLanguageParams(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml":                    site + "\n[languages.en]\nname = \"English\"\n[languages.ru]\nname = \"Русский\"\n[languages.ru.params]\nlanguageAltTitle = \"По-русски\"\n",
		"layouts/_default/single.html": `{{ range .Translations | append . }}{{ .Lang }}={{ .Language.Params.languageAltTitle | default .Language.LanguageName }};{{ end }}`,
		"content/letter.md":            "---\ntitle: Letter\n---\nText.\n",
		"content/letter.ru.md":         "---\ntitle: Письмо\n---\nText.\n",
	})
	wantIn(t, out, "letter/index.html", "ru=По-русски;en=English;")
}
