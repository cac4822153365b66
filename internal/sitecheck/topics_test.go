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

// topicPage is a topic's own page (not its list of all topics, nor a
// further page of a long list).
var topicPage = regexp.MustCompile(`^((ru|kk)/)?tags/[^/]+/index\.html$`)

// switcherLink is one language of a page's language switcher.
type switcherLink struct {
	href       string // the site's file it leads to, "ru/tags/жанаозен/index.html"
	translated bool   // no "(not yet translated)" after it
}

// TestTopicsTranslated fails where a topic page's language switcher says
// the topic is not yet translated into a language its pages are
// translated into, where that language has topics at all: the topic is
// then written in that language on those translations, and samizdat
// could not tell which tag it is (docs/content.md, Translations). It
// works from the built HTML, as a reader with JavaScript off gets it:
// the switcher's links and the head's hreflang alternates.
func TestTopicsTranslated(t *testing.T) {
	_, _, dir := buildSite(t)
	read := func(p string) *html.Node {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return doc
	}
	// A language with no topic pages has translations that carry no
	// tags: its translators have not tagged yet, which is no mistake.
	hasTopics := map[string]bool{}
	for _, p := range pages(t) {
		if topicPage.MatchString(p) {
			hasTopics[pageLang("/"+p)] = true
		}
	}
	topics := 0
	for _, p := range pages(t) {
		if !topicPage.MatchString(p) {
			continue
		}
		topics++
		doc := read(p)
		switcher, alternates := languageLinks(p, doc)
		translated := map[string][]string{} // language -> the topic's pages translated into it
		for _, listed := range cardLinks(p, doc) {
			theirs, _ := languageLinks(listed, read(listed))
			for lang, l := range theirs {
				if l.translated && !switcher[lang].translated && hasTopics[lang] {
					translated[lang] = append(translated[lang], strings.TrimSuffix(listed, "index.html"))
				}
			}
		}
		for lang, listed := range translated {
			t.Errorf("%s: the language switcher says this topic is not yet translated into %s, though its pages are (%s). Give the %s translations of these pages one same tag for this topic (tags: in their front matter), or write the tag the same way in both languages; docs/content.md, \"Translations\", says how topics are matched",
				strings.TrimSuffix(p, "index.html"), lang, strings.Join(listed, ", "), lang)
		}
		for lang, l := range switcher {
			if l.translated && !topicPage.MatchString(l.href) {
				t.Errorf("%s: the language switcher links %s for %s, which is not a topic page", p, l.href, lang)
			}
			if l.translated && alternates[lang] != l.href {
				t.Errorf("%s: the switcher links %s for %s, but the head's hreflang alternate is %q", p, l.href, lang, alternates[lang])
			}
		}
	}
	if topics == 0 {
		t.Fatal("the campaign site has no topic pages")
	}
}

// languageLinks reads page p's language switcher (nav.languages), by
// language, and its <link rel="alternate" hreflang> addresses as the
// site's files.
func languageLinks(p string, doc *html.Node) (map[string]switcherLink, map[string]string) {
	switcher, alternates := map[string]switcherLink{}, map[string]string{}
	var walk func(n *html.Node, inSwitcher bool)
	walk = func(n *html.Node, inSwitcher bool) {
		if n.Type == html.ElementNode {
			a := attrs(n)
			switch {
			case n.Data == "nav" && strings.Contains(" "+a["class"]+" ", " languages "):
				inSwitcher = true
			case n.Data == "link" && a["rel"] == "alternate" && a["hreflang"] != "":
				alternates[a["hreflang"]] = siteFile(p, a["href"])
			case n.Data == "li" && inSwitcher:
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "a" {
						ca := attrs(c)
						switcher[ca["hreflang"]] = switcherLink{href: siteFile(p, ca["href"]), translated: true}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if ca := attrs(c); c.Type == html.ElementNode && ca["class"] == "untranslated" {
						l := switcher[ca["lang"]]
						l.translated = false
						switcher[ca["lang"]] = l
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSwitcher)
		}
	}
	walk(doc, false)
	return switcher, alternates
}

// cardLinks are the site's files of the pages a list page shows as cards.
func cardLinks(p string, doc *html.Node) []string {
	var out []string
	var walk func(n *html.Node, inTitle bool)
	walk = func(n *html.Node, inTitle bool) {
		if n.Type == html.ElementNode {
			a := attrs(n)
			if strings.Contains(" "+a["class"]+" ", " card-title ") {
				inTitle = true
			}
			if inTitle && n.Data == "a" {
				out = append(out, siteFile(p, a["href"]))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inTitle)
		}
	}
	walk(doc, false)
	return out
}

// siteFile is the file of the built site that href, on page p, leads to:
// "ru/tags/жанаозен/index.html". An absolute address is read as one of
// the site's, whatever its host (the hreflang alternates are absolute).
func siteFile(p, href string) string {
	base, _ := url.Parse("/" + p)
	u, err := base.Parse(href)
	if err != nil {
		return href
	}
	f := strings.TrimPrefix(path.Clean(u.Path), "/")
	if strings.HasSuffix(u.Path, "/") {
		f = path.Join(f, "index.html")
	}
	return f
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[a.Key] = a.Val
	}
	return m
}
