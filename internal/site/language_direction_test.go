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
