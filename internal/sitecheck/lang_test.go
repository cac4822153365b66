package sitecheck

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// latinRun is three or more words in Latin letters in a row: English on a
// Russian or Kazakh page ("Public statement issued in the days after…").
// Two words are let through: names such as "Amnesty International".
var latinRun = regexp.MustCompile(`[A-Za-z’']+(?:[ ,:/-]+[A-Za-z’']+){2,}`)

// cyrillicRun is three or more words in Cyrillic letters in a row: Russian
// or Kazakh on an English page.
var cyrillicRun = regexp.MustCompile(`[\p{Cyrillic}’']+(?:[ ,:/-]+[\p{Cyrillic}’']+){2,}`)

// siteLangs are the languages' folders; pages elsewhere are the default
// language's.
var siteLangs = map[string]bool{"ru": true, "kk": true}

// pageLang is the language of the page an address of the site leads to,
// from its first folder.
func pageLang(p string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if siteLangs[first] {
		return first
	}
	return "en"
}

// TestOtherLanguagesMarked reads every page and fails where words or links
// in another language than the text around them are not marked as such
// (WCAG 3.1.2): three English words in a row on a Russian or Kazakh page,
// or Cyrillic ones on an English page, outside an element whose lang says
// so; and a link the layouts write (outside the page's own text, whose
// authors say it in words) to a page in another language (a Kazakh page's
// link to a Russian page standing in for one not translated yet) without
// hreflang naming it.
func TestOtherLanguagesMarked(t *testing.T) {
	_, _, dir := buildSite(t)
	for _, p := range pages(t) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		base, _ := url.Parse("/" + p)
		var walk func(n *html.Node, lang string, authored, skip bool)
		walk = func(n *html.Node, lang string, authored, skip bool) {
			if n.Type == html.TextNode && !skip {
				run := latinRun
				if strings.HasPrefix(lang, "en") {
					run = cyrillicRun
				}
				for _, m := range run.FindAllString(n.Data, -1) {
					t.Errorf("%s: %q is in another language than lang=%q around it: mark it with lang", p, m, lang)
				}
			}
			if n.Type != html.ElementNode && n.Type != html.DocumentNode {
				return
			}
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if l, ok := attr["lang"]; ok {
				lang = l
			}
			class := " " + attr["class"] + " "
			switch {
			case n.Data == "script" || n.Data == "style" || n.Data == "code" || n.Data == "head":
				skip = true
			case strings.Contains(class, " visually-hidden "):
				skip = true
			case n.Data == "nav" && strings.Contains(class, " languages "):
				return // the language switcher marks each language
			case strings.Contains(class, " content "):
				authored = true
			}
			if n.Data == "a" && !authored {
				checkLangLink(t, p, base, attr)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, lang, authored, skip)
			}
		}
		walk(doc, "", false, false)
	}
}

// checkLangLink fails a link on page p to a page of the site in another
// language that has no hreflang naming that language.
func checkLangLink(t *testing.T, p string, base *url.URL, attr map[string]string) {
	t.Helper()
	href, ok := attr["href"]
	if !ok || strings.HasPrefix(href, "#") {
		return
	}
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return
	}
	target := base.ResolveReference(u).Path
	if !strings.HasSuffix(target, "/") && path.Ext(target) != ".html" {
		return // a feed, a stylesheet, a file
	}
	want := pageLang(target)
	// Against the page's language, not the link text's: a Russian title
	// on a Kazakh page still needs hreflang="ru".
	if pl := pageLang("/" + p); want != pl && attr["hreflang"] != want {
		t.Errorf("%s: the link to %s (a page in %s) has hreflang=%q: give it hreflang=%q and say the language after it (partials/lang-link.html)", p, target, want, attr["hreflang"], want)
	}
}
