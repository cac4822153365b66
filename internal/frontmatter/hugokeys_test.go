package frontmatter

import (
	"strings"
	"testing"
)

// TestHugoKeys: each key of Hugo's own that samizdat does not read is
// named as Hugo's, with what samizdat does instead; never with the advice
// for a key of the site's own ("goes under params"), which for these
// would publish a headless page or lose a page's categories.
func TestHugoKeys(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		taxonomies []string
		want       []want
	}{
		{"headless", "---\ntitle: T\nheadless: true\n---\n", nil, []want{{3,
			`"headless" is Hugo's key: samizdat has no headless pages, so it would publish this page at its address`,
			"to keep the page off the site, write draft: true instead; to publish it at its address but leave it out of every list, feed and the sitemap, write build: {list: never}"}}},
		{"headless in TOML", "+++\nheadless = true\n+++\n", nil, []want{{2,
			`"headless" is Hugo's key`, `write draft = true instead; to publish it at its address but leave it out of every list, feed and the sitemap, write build = {list = "never"}`}}},
		{"headless false is what samizdat does", "---\nheadless: false\n---\n", nil, nil},
		{"cascade", "---\ncascade:\n  type: docs\n---\n", nil, []want{{2,
			`"cascade" is Hugo's key: samizdat has no cascade`, "write the values in the front matter of each page they are for"}}},
		{"outputs", "---\noutputs: [html, json]\n---\n", nil, []want{{2,
			`"outputs" is Hugo's key: samizdat writes every page as HTML, and an Atom feed for each list`, "set enabled = true under [search] in site.toml"}}},
		{"markup", "---\nmarkup: html\n---\n", nil, []want{{2, `"markup" is Hugo's key: samizdat reads every page as markdown`, "write the page in markdown"}}},
		{"markup markdown is what samizdat does", "---\nmarkup: goldmark\n---\n", nil, nil},
		{"isCJKLanguage", "---\nisCJKLanguage: true\n---\n", nil, []want{{2,
			`"isCJKLanguage" is Hugo's key: samizdat has no setting for Chinese, Japanese or Korean text`, "leave .WordCount and .ReadingTime out"}}},
		{"isCJKLanguage false", "---\niscjklanguage: false\n---\n", nil, nil},
		{"keywords", "---\nkeywords: [oil, strike]\n---\n", nil, []want{{2,
			`"keywords" is Hugo's key: samizdat has no keywords`, "make them tags: tags: [oil, strike]; for a layout of your own that reads them, put them under params: params: {keywords: [oil, strike]}"}}},
		{"keywords in TOML", "+++\nkeywords = [\"oil\"]\n+++\n", nil, []want{{2,
			`"keywords" is Hugo's key`, `tags = ["oil"]; for a layout of your own that reads them, put them under params: params = {keywords = ["oil"]}`}}},
		{"images", "---\nimages: [cover.jpg, other.jpg]\n---\n", nil, []want{{2,
			`"images" is what Hugo's share cards read: samizdat's share card has one picture, image`, "write image: cover.jpg: one file beside the page or in static/"}}},
		// A picture on another site: the build refuses it in image too,
		// so the hint says to download it and write its file name.
		{"images on another site", "---\nimages: ['https://images.unsplash.com/photo-1560032779-0a8809186efd?ixlib=rb-1.2.1&w=1350&q=80']\n---\n", nil, []want{{2,
			`"images" is what Hugo's share cards read: samizdat's share card has one picture, image`,
			"download the picture, put it beside the page and write image: photo.jpg (its file name): readers' browsers would otherwise load it from another site, which the build refuses"}}},
		{"images on another site, named", "+++\nimages = [\"//example.org/img/Rally.PNG\"]\n+++\n", nil, []want{{2,
			`"images" is what Hugo's share cards read`, `download the picture, put it beside the page and write image = "Rally.PNG" (its file name)`}}},
		{"categories on the default site", "---\ncategories: [history]\n---\n", []string{"tags"}, []want{{2,
			`"categories" is one of Hugo's default taxonomies; samizdat has only those site.toml names (here: tags)`,
			`with a page for each at /categories/NAME/, write in site.toml a [taxonomies] table with tag = "tags" and category = "categories", each on its own line`}}},
		{"tags on a site with no taxonomies", "---\ntags: [oil]\n---\n", []string{}, []want{{2,
			`"tags" is one of Hugo's default taxonomies; samizdat has only those site.toml names (here: none)`, `add tag = "tags" under [taxonomies] in site.toml`}}},
		{"Categories on a site with its own", "---\nCategories: [history]\n---\n", []string{"series"}, []want{{2,
			`(here: series)`, `add category = "categories" under [taxonomies] in site.toml, beside the taxonomies it names there`}}},
		{"menu entry keys", "---\nmenu:\n  main:\n    pre: <i>\n    title: Act now\n    params: {icon: fist}\n---\n", nil, []want{
			{4, `menu entry key "pre" is Hugo's: samizdat's menus hold no HTML of their own`, "by its identifier"},
			{5, `menu entry key "title" is Hugo's: samizdat's menu entries have no tooltip`, "name is the link's text"},
			{6, `menu entry key "params" is Hugo's: samizdat's menu entries have no params`, ".Page.Params.NAME"}}},
		{"linkTitle, sitemap and menus are read", "---\nlinktitle: Act\nsitemap: {changefreq: weekly}\nmenus: main\n---\n", nil, nil},
		{"a key of the site's own still goes under params", "---\nauthor: Ana\n---\n", nil, []want{{2,
			`unknown front matter key "author"`, "a value of your own goes under params (params: {author: …})"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taxonomies := tt.taxonomies
			if taxonomies == nil {
				taxonomies = []string{"tags", "categories"}
			}
			_, _, _, probs := ParseWith("content/a.md", []byte(tt.src), taxonomies)
			checkProblems(t, probs, tt.want)
		})
	}
}

// TestHugoDateAliases: Hugo's other names for the dates are read as the
// dates they stand for; unpublishdate was taken for publishDate, which
// hid the page until the day it should have expired.
func TestHugoDateAliases(t *testing.T) {
	src := "---\nunpublishdate: 2030-01-01\npubdate: 2020-01-02\nmodified: 2020-01-03\n---\n"
	meta, _, _, probs := Parse("content/a.md", []byte(src))
	checkProblems(t, probs, nil)
	if !meta.ExpiryDate.Equal(date("2030-01-01T00:00:00Z")) || !meta.PublishDate.Equal(date("2020-01-02T00:00:00Z")) ||
		!meta.Lastmod.Equal(date("2020-01-03T00:00:00Z")) || !meta.Date.IsZero() {
		t.Errorf("got expiry %v, publish %v, lastmod %v, date %v", meta.ExpiryDate, meta.PublishDate, meta.Lastmod, meta.Date)
	}
	if meta.Lines["expiryDate"] != 2 || meta.Lines["pubdate"] != 3 {
		t.Errorf("lines %v; want the date's and the alias's", meta.Lines)
	}

	meta, _, _, probs = Parse("content/a.md", []byte("+++\nPublished = 2021-05-01\n+++\n"))
	checkProblems(t, probs, nil)
	if !meta.PublishDate.Equal(date("2021-05-01T00:00:00Z")) {
		t.Errorf("published: got publish date %v", meta.PublishDate)
	}

	for _, tt := range []struct {
		src  string
		want []want
	}{
		{"---\npublishDate: 2020-01-01\npubdate: 2020-01-02\n---\n", []want{{3,
			`"pubdate" here repeats "publishDate" from line 2`, "both are the page's publishDate, as Hugo reads them; remove one of them"}}},
		{"---\nmodified: 2020-01-01\nlastmod: 2020-01-02\n---\n", []want{{3, `"lastmod" here repeats "modified" from line 2`, "both are the page's lastmod"}}},
		{"---\nexpiryDate: 2030-01-01\nunpublishdate: 2030-01-02\n---\n", []want{{3, `"unpublishdate" here repeats "expiryDate" from line 2`, "remove one of them"}}},
		// Jekyll's published: false held a page back; here it is a date.
		{"---\npublished: false\n---\n", []want{{2, `"published" is the page's publish date, as Hugo reads it: false does not hold the page back`, "write draft: true instead"}}},
		{"---\npublished: true\n---\n", []want{{2, `"published" is the page's publish date, as Hugo reads it, not a yes or no`, "a page is published unless it is a draft"}}},
	} {
		_, _, _, probs := Parse("content/a.md", []byte(tt.src))
		checkProblems(t, probs, tt.want)
	}
}

// TestNoHugoKeyGoesUnderParams: the generic advice never reaches a key of
// Hugo's own, whatever its letter case.
func TestNoHugoKeyGoesUnderParams(t *testing.T) {
	for _, key := range []string{"headless", "Cascade", "outputs", "markup", "isCJKLanguage", "keywords", "images", "categories"} {
		_, _, _, probs := ParseWith("content/a.md", []byte("---\n"+key+": x\n---\n"), []string{"tags"})
		for _, p := range probs {
			if strings.Contains(p.Hint, "goes under params") || strings.Contains(p.Message, "unknown front matter key") {
				t.Errorf("%s: %v", key, p)
			}
		}
		if len(probs) != 1 {
			t.Errorf("%s: got %d problems %v; want 1", key, len(probs), probs)
		}
	}
}
