package frontmatter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// want is one expected problem: its line and words its message and hint
// must contain.
type want struct {
	line int
	msg  string
	hint string
}

func checkProblems(t *testing.T, got []problem.Problem, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d problems %v; want %d", len(got), got, len(wants))
	}
	for i, w := range wants {
		p := got[i]
		if p.File != "content/a.md" {
			t.Errorf("problem %d: file %q; want content/a.md", i, p.File)
		}
		if p.Line != w.line {
			t.Errorf("problem %d (%s): line %d; want %d", i, p.Message, p.Line, w.line)
		}
		if !strings.Contains(p.Message, w.msg) {
			t.Errorf("problem %d: message %q; want it to contain %q", i, p.Message, w.msg)
		}
		if !strings.Contains(p.Hint, w.hint) {
			t.Errorf("problem %d: hint %q; want it to contain %q", i, p.Hint, w.hint)
		}
	}
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseSplitsFrontMatterAndBody(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		title    string
		body     string
		bodyLine int
	}{
		{"yaml", "---\ntitle: A\n---\nbody\n", "A", "body\n", 3},
		{"toml", "+++\ntitle = \"A\"\n+++\nbody\n", "A", "body\n", 3},
		// A word processor's non-breaking or zero-width space after a
		// delimiter cannot be seen: the line is still the delimiter.
		{"delimiters with an invisible space after them", "---\u00a0\ntitle: A\n---\u200b\nbody\n", "A", "body\n", 3},
		{"no front matter", "# Heading\n\ntext\n", "", "# Heading\n\ntext\n", 0},
		{"empty file", "", "", "", 0},
		{"front matter only", "---\ntitle: A\n---", "A", "", 3},
		{"empty front matter", "---\n---\nbody", "", "body", 2},
		{"blank lines before", "\n\n---\ntitle: A\n---\nbody", "A", "body", 5},
		{"thematic break in body", "---\ntitle: A\n---\none\n---\ntwo\n", "A", "one\n---\ntwo\n", 3},
		{"spaces after delimiters", "--- \ntitle: A\n---\t\nbody", "A", "body", 3},
		{"bom", "\xef\xbb\xbf---\ntitle: A\n---\nbody\n", "A", "body\n", 3},
		{"crlf", "---\r\ntitle: A\r\n---\r\nbody\r\nmore\r\n", "A", "body\nmore\n", 3},
		{"lone cr", "---\rtitle: A\r---\rbody\r", "A", "body\n", 3},
		{"bom and crlf toml", "\xef\xbb\xbf+++\r\ntitle = 'A'\r\n+++\r\nbody", "A", "body", 3},
		{"json", "{\n  \"title\": \"A\"\n}\nbody\n", "A", "body\n", 3},
		{"json on one line", "{ \"title\": \"A\", \"tags\": [\"x\"] }\n\nbody", "A", "\nbody", 1},
		{"json, blank lines and crlf", "\r\n{\r\n\"title\": \"A\"}\r\nbody", "A", "body", 3},
		{"json empty", "{}\nbody", "", "body", 1},
		{"shortcode first is not json", "{{< quote >}}Hi{{< /quote >}}\n", "", "{{< quote >}}Hi{{< /quote >}}\n", 0},
		{"attribute first is not json", "{#top}\n# A\n", "", "{#top}\n# A\n", 0},
		{"body starting with text is not front matter", "intro\n---\ntitle: A\n---\n", "", "intro\n---\ntitle: A\n---\n", 0},
		// A line across the top of the page, then prose.
		{"rule then prose", "----\n\nThe trial began.\n", "", "----\n\nThe trial began.\n", 0},
		{"em dash then prose", "—\nThe trial began: it was cold.\n", "", "—\nThe trial began: it was cold.\n", 0},
		{"rule then a link", "- - -\nhttps://example.org: the site\n", "", "- - -\nhttps://example.org: the site\n", 0},
		{"rule then unknown key without value", "----\nNote:\n", "", "----\nNote:\n", 0},
		{"rule then a note", "----\nNote: the court sat.\n", "", "----\nNote: the court sat.\n", 0},
		{"spaced rule then a note, a rule below", "- - -\nNote: the court sat.\n\n----\n", "", "- - -\nNote: the court sat.\n\n----\n", 0},
		// Valid YAML: only a line where a key of a mapping starts is read
		// for an invisible character after a colon.
		{"non-breaking space after a colon in a quoted list item", "---\nparams:\n  schedule:\n    - \"Opening:\u00a010am\"\n---\nbody", "", "body", 5},
		{"non-breaking space after a colon in a list item", "---\nparams:\n  schedule:\n    - Opening:\u00a010am\n---\nbody", "", "body", 5},
		{"non-breaking space after a colon in a value's next line", "---\ndescription: The day\n  Time:\u00a010am\ntitle: A\n---\nbody", "A", "body", 5},
		{"non-breaking space after a colon in a quoted value's next line", "---\ndescription: \"The day,\n  Time:\u00a010am\"\ntitle: A\n---\nbody", "A", "body", 5},
		{"non-breaking space after a colon in a list over lines", "---\ntags: [a,\n  Time:\u00a010am]\ntitle: A\n---\nbody", "A", "body", 5},
		{"rule alone", "----\n", "", "----\n", 0},
		{"dashes in a block of text", "---\ndescription: |\n  one\n  —\n---\nbody", "", "body", 5},
		{"lone dash is a list item", "---\ntags:\n-\n- a\n---\nbody", "", "body", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta, body, bodyLine, probs := Parse("content/a.md", []byte(tt.src))
			checkProblems(t, probs, nil)
			if meta.Title != tt.title {
				t.Errorf("title %q; want %q", meta.Title, tt.title)
			}
			if string(body) != tt.body {
				t.Errorf("body %q; want %q", body, tt.body)
			}
			if bodyLine != tt.bodyLine {
				t.Errorf("bodyLine %d; want %d", bodyLine, tt.bodyLine)
			}
		})
	}
}

func TestParseDecodesEveryKey(t *testing.T) {
	yamlSrc := `---
title: Zhanaozen, ten years on
description: What happened
date: 2021-12-16
lastmod: 2021-12-17T10:00:00+05:00
publishDate: 2021-12-16 09:30
expiryDate: 2030-01-01T00:00:00Z
draft: false
weight: 5
slug: zhanaozen
url: /zhanaozen/
aliases: [/old/, /older/]
summary: Short
layout: wide
type: story
toc: true
image: cover.jpg
translationKey: zh
tags: [oil, strike]
categories: history
params:
  author: Ana
  n: 3
  list: [a, 1]
menu:
  main:
    name: Zhanaozen
    weight: 2
    identifier: zh
    parent: stories
---
`
	tomlSrc := `+++
title = "Zhanaozen, ten years on"
description = "What happened"
date = 2021-12-16
lastmod = 2021-12-17T10:00:00+05:00
publishDate = "2021-12-16 09:30"
expiryDate = 2030-01-01T00:00:00Z
draft = false
weight = 5
slug = "zhanaozen"
url = "/zhanaozen/"
aliases = ["/old/", "/older/"]
summary = "Short"
layout = "wide"
type = "story"
toc = true
image = "cover.jpg"
translationKey = "zh"
tags = ["oil", "strike"]
categories = "history"
[params]
author = "Ana"
n = 3
list = ["a", 1]
[menu.main]
name = "Zhanaozen"
weight = 2
identifier = "zh"
parent = "stories"
+++
`
	// JSON, as Hugo reads it, indented with tabs and with JSON's own
	// escapes ("\/"), which YAML lacks.
	jsonSrc := "{\n" +
		"\t\"title\": \"Zhanaozen, ten years on\",\n" +
		"\t\"description\": \"What \\u0068appened\",\n" +
		"\t\"date\": \"2021-12-16\",\n" +
		"\t\"lastmod\": \"2021-12-17T10:00:00+05:00\",\n" +
		"\t\"publishDate\": \"2021-12-16 09:30\",\n" +
		"\t\"expiryDate\": \"2030-01-01T00:00:00Z\",\n" +
		"\t\"draft\": false,\n" +
		"\t\"weight\": 5,\n" +
		"\t\"slug\": \"zhanaozen\",\n" +
		"\t\"url\": \"\\/zhanaozen\\/\",\n" +
		"\t\"aliases\": [\"/old/\", \"/older/\"],\n" +
		"\t\"summary\": \"Short\",\n" +
		"\t\"layout\": \"wide\",\n" +
		"\t\"type\": \"story\",\n" +
		"\t\"toc\": true,\n" +
		"\t\"image\": \"cover.jpg\",\n" +
		"\t\"translationKey\": \"zh\",\n" +
		"\t\"tags\": [\"oil\", \"strike\"],\n" +
		"\t\"categories\": \"history\",\n" +
		"\t\"params\": {\n" +
		"\t\t\"author\": \"Ana\", \"n\": 3, \"list\": [\"a\", 1]\n" +
		"\t},\n" +
		"\t\"menu\": {\"main\": {\"name\": \"Zhanaozen\", \"weight\": 2, \"identifier\": \"zh\", \"parent\": \"stories\"}}\n" +
		"}\n"
	want := Meta{
		Title:          "Zhanaozen, ten years on",
		Description:    "What happened",
		Date:           date("2021-12-16T00:00:00Z"),
		Lastmod:        date("2021-12-17T10:00:00+05:00"),
		PublishDate:    date("2021-12-16T09:30:00Z"),
		ExpiryDate:     date("2030-01-01T00:00:00Z"),
		Weight:         5,
		Slug:           "zhanaozen",
		URL:            "/zhanaozen/",
		Aliases:        []string{"/old/", "/older/"},
		Summary:        "Short",
		Layout:         "wide",
		Type:           "story",
		TOC:            true,
		Image:          "cover.jpg",
		TranslationKey: "zh",
		Terms:          map[string][]string{"tags": {"oil", "strike"}, "categories": {"history"}},
		Params:         map[string]any{"author": "Ana", "n": int64(3), "list": []any{"a", int64(1)}},
		Menus:          map[string]MenuEntry{"main": {Name: "Zhanaozen", Weight: 2, Identifier: "zh", Parent: "stories"}},
		MenuValue:      map[string]any{"main": map[string]any{"name": "Zhanaozen", "weight": int64(2), "identifier": "zh", "parent": "stories"}},
	}
	for name, src := range map[string]string{"yaml": yamlSrc, "toml": tomlSrc, "json": jsonSrc} {
		t.Run(name, func(t *testing.T) {
			meta, _, _, probs := Parse("content/a.md", []byte(src))
			checkProblems(t, probs, nil)
			if !meta.Lastmod.Equal(want.Lastmod) {
				t.Errorf("lastmod %v; want %v", meta.Lastmod, want.Lastmod)
			}
			meta.Lastmod = want.Lastmod
			lines := meta.Lines
			meta.Lines = nil
			if !reflect.DeepEqual(meta, want) {
				t.Errorf("got  %+v\nwant %+v", meta, want)
			}
			for key, line := range map[string]int{"title": 2, "weight": 9, "tags": 19, "params": 21} {
				if lines[key] != line {
					t.Errorf("Lines[%q] = %d; want %d", key, lines[key], line)
				}
			}
			if name == "yaml" && lines["menu"] != 25 {
				t.Errorf("Lines[menu] = %d; want 25", lines["menu"])
			}
		})
	}
}

// TestParseBuildAndSitemap: Hugo's build.list, its older _build with
// booleans, sitemap's keys and linkTitle are read.
func TestParseBuildAndSitemap(t *testing.T) {
	half := 0.5
	for _, tt := range []struct {
		src  string
		want Meta
	}{
		{"---\nbuild:\n  list: never\n  render: always\n---\n", Meta{List: "never"}},
		{"---\nbuild: {list: local, publishResources: true}\n---\n", Meta{List: "local"}},
		{"---\nbuild: {list: always}\n---\n", Meta{}},
		{"---\n_build:\n  list: false\n---\n", Meta{List: "never"}},
		{"+++\n[sitemap]\ndisable = true\nchangefreq = 'Weekly'\npriority = 0.5\n+++\n", Meta{Sitemap: Sitemap{Disable: true, ChangeFreq: "weekly", Priority: &half}}},
		{"---\nlinkTitle: Zhanaozen\n---\n", Meta{LinkTitle: "Zhanaozen"}},
	} {
		meta, _, _, probs := Parse("content/a.md", []byte(tt.src))
		checkProblems(t, probs, nil)
		meta.Lines = nil
		if !reflect.DeepEqual(meta, tt.want) {
			t.Errorf("%q: got %+v; want %+v", tt.src, meta, tt.want)
		}
	}
}

func TestParseKeyVariants(t *testing.T) {
	src := "---\npublishdate: 2020-01-02\nexpirydate: 2030-01-02\ntranslationkey: k\nlastMod: 2020-01-03\nTitle: T\nmenus: main\n---\n"
	meta, _, _, probs := Parse("content/a.md", []byte(src))
	checkProblems(t, probs, nil)
	if meta.PublishDate.IsZero() || meta.ExpiryDate.IsZero() || meta.Lastmod.IsZero() {
		t.Errorf("dates not set: %+v", meta)
	}
	if meta.TranslationKey != "k" || meta.Title != "T" {
		t.Errorf("got translationKey %q, title %q", meta.TranslationKey, meta.Title)
	}
	if _, ok := meta.Menus["main"]; !ok {
		t.Errorf("menus %v; want main", meta.Menus)
	}
	if meta.Lines["publishDate"] != 2 || meta.Lines["publishdate"] != 2 || meta.Lines["lastmod"] != 5 {
		t.Errorf("lines %v; want canonical and written spellings", meta.Lines)
	}
}

// The keys of params, one level down, have their own lines, so that a
// warning about one of a page's own settings points at it rather than at
// params:; in every format, and with a byte order mark and CRLF.
func TestParseLinesOfParamsKeys(t *testing.T) {
	for name, src := range map[string]string{
		"yaml":          "---\ntitle: A\nparams:\n  role: Leader\n  # the petition\n  Petition: https://example.org/sign\n  social:\n    mastodon: x\n---\n",
		"yaml bom crlf": "\xef\xbb\xbf---\r\ntitle: A\r\nParams:\r\n  role: Leader\r\n\r\n  Petition: https://example.org/sign\r\n  social: {mastodon: x}\r\n---\r\n",
		"toml":          "+++\ntitle = 'A'\n[params]\nrole = 'Leader'\n\nPetition = 'https://example.org/sign'\n[params.social]\nmastodon = 'x'\n+++\n",
		"json":          "{\n\"title\": \"A\",\n\"params\": {\n  \"role\": \"Leader\",\n\n  \"Petition\": \"https://example.org/sign\",\n  \"social\": {\"mastodon\": \"x\"}\n}\n}\n",
		"toml bom crlf": "\xef\xbb\xbf+++\r\ntitle = 'A'\r\n# its own settings\r\nparams.role = 'Leader'\r\n\r\nparams.Petition = 'https://example.org/sign'\r\nparams.social.mastodon = 'x'\r\n+++\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			meta, _, _, probs := Parse("content/a.md", []byte(src))
			checkProblems(t, probs, nil)
			for key, line := range map[string]int{"params.role": 4, "params.Petition": 6, "params.social": 7, "params.petition": 0, "params.mastodon": 0} {
				if meta.Lines[key] != line {
					t.Errorf("Lines[%q] = %d; want %d (all: %v)", key, meta.Lines[key], line, meta.Lines)
				}
			}
		})
	}
}

func TestParseMenuForms(t *testing.T) {
	tests := []struct {
		src  string
		want map[string]MenuEntry
	}{
		{"---\nmenu: main\n---\n", map[string]MenuEntry{"main": {}}},
		{"---\nmenu: [main, footer]\n---\n", map[string]MenuEntry{"main": {}, "footer": {}}},
		{"---\nmenu:\n  main:\n  footer:\n    weight: 3\n---\n", map[string]MenuEntry{"main": {}, "footer": {Weight: 3}}},
		{"+++\nmenu = \"main\"\n+++\n", map[string]MenuEntry{"main": {}}},
	}
	for _, tt := range tests {
		meta, _, _, probs := Parse("content/a.md", []byte(tt.src))
		checkProblems(t, probs, nil)
		if !reflect.DeepEqual(meta.Menus, tt.want) {
			t.Errorf("%q: menus %v; want %v", tt.src, meta.Menus, tt.want)
		}
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2012-11-21", "2012-11-21T00:00:00Z"},
		{`"2012-11-21"`, "2012-11-21T00:00:00Z"},
		{"2012-11-21T10:00:00Z", "2012-11-21T10:00:00Z"},
		{"2012-11-21T10:00:00", "2012-11-21T10:00:00Z"},
		{"2012-11-21 10:00", "2012-11-21T10:00:00Z"},
		{"2012-11-21 10:00:05", "2012-11-21T10:00:05Z"},
		{"2012-11-21T10:00:00+05:00", "2012-11-21T10:00:00+05:00"},
		{"2012-11-21T10:00:00.5-03:30", "2012-11-21T10:00:00.5-03:30"},
	}
	for _, tt := range tests {
		meta, _, _, probs := Parse("content/a.md", []byte("---\ndate: "+tt.in+"\n---\n"))
		checkProblems(t, probs, nil)
		want, _ := time.Parse(time.RFC3339Nano, tt.want)
		if !meta.Date.Equal(want) || meta.Date.Format(time.RFC3339Nano) != tt.want {
			t.Errorf("date: %s gave %v; want %v", tt.in, meta.Date, tt.want)
		}
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		wants []want
	}{
		// Input encoding.
		{"utf-16 le", "\xff\xfe-\x00-\x00-\x00", []want{{1, "file is not UTF-8 text", "Save with Encoding"}}},
		{"utf-16 be", "\xfe\xff\x00-\x00-", []want{{1, "file is not UTF-8 text", "UTF-8"}}},
		{"utf-16 without bom", "-\x00-\x00-\x00\n\x00t\x00", []want{{1, "looks like UTF-16", "UTF-8"}}},
		{"windows-1252", "---\ntitle: A\n---\nsmart \x93quotes\x94\n", []want{{4, "file is not UTF-8 text", "Save with Encoding"}}},
		{"truncated multibyte", "---\ntitle: \xd0\n---\n", []want{{2, "not UTF-8", "UTF-8"}}},
		{"nul byte", "---\ntitle: A\n---\nbo\x00dy long enough text here\n", []want{{4, "NUL byte", ""}}},

		// Delimiters.
		{"unclosed yaml", "---\ntitle: A\nbody\n", []want{{1, `front matter opened with "---" at line 1 is never closed`, `only "---"`}}},
		{"unclosed after blank lines", "\n---\ntitle: A\n", []want{{2, "at line 2 is never closed", ""}}},
		{"unclosed toml", "+++\ntitle = 'A'\n", []want{{1, `opened with "+++"`, `"+++"`}}},
		{"yaml closed with dots", "---\ntitle: A\n...\nbody\n", []want{{1, "never closed", `line 3 has "..."`}}},
		{"toml closed with dashes", "+++\ntitle = 'A'\n---\nbody\n", []want{{1, "never closed", `line 3 has "---"`}}},
		{"indented delimiter", " ---\ntitle: A\n---\n", []want{{1, "must start at the beginning of the line", "remove the spaces"}}},
		{"opening delimiter missing", "title: \"Zhanaozen\"\ndate: 2011-12-16\n---\nText.\n", []want{{1, "the front matter's opening --- is missing", `add a line with --- above title: "Zhanaozen"`}}},
		{"opening delimiter missing, blank lines", "\nTitle: Zhanaozen\n\ntags: a\nCategories: b\n---\n", []want{{2, "opening --- is missing", "above Title: Zhanaozen"}}},
		{"no front matter, a heading", "Title: the trial\n---\nText.\n", []want{{1, "opening --- is missing", ""}}},
		{"toml opening delimiter missing", "title = \"Zhanaozen\"\ndate = 2011-12-16\n\n[params]\nsource = 'x'\n+++\nText.\n", []want{{1, "the front matter's opening +++ is missing", `add a line with +++ above title = "Zhanaozen"`}}},
		{"toml opening delimiter missing, one key", "\ndraft = true\n+++\n", []want{{2, "opening +++ is missing", "above draft = true"}}},
		{"no front matter, toml-like prose", "Date = the day of the trial\nIt began.\n+++\n", nil},
		{"no front matter, toml unknown key", "author = 'B'\n+++\n", nil},
		{"no front matter, yaml then toml", "title: A\ndate = 2012-01-01\n+++\n", nil},
		{"no front matter, toml then dashes", "title = 'A'\n---\n", nil},
		{"no front matter, text then rule", "The trial began.\n---\nText.\n", nil},
		{"em dash for ---", "\xef\xbb\xbf—\ntitle: \"Secret plan\"\ndraft: true\n—\n\nWe will protest.\n", []want{
			{1, "front matter must start and end with a line of exactly three hyphens, ---, but this line has an em dash (—), which word processors make of ---", "replace the line with three hyphens: ---; "},
			{4, "but this line has an em dash (—)", "smart dashes"}}},
		{"closed with four hyphens, at the end", "---\ntitle: A\n----\n", []want{{3, "4 hyphens", "replace the line with three hyphens: ---"}}},
		{"em dash and hyphen for ---, crlf", "\r\n—-\r\ndraft: true\r\n---\r\nText.\r\n", []want{{2, "has an em dash (—), which word processors make of ---", "write *** instead"}}},
		{"en dash and hyphen for ---", "–-\nauthor: Ana\n", []want{{1, "has an en dash (–), which word processors make of ---", ""}}},
		{"four hyphens for ---", "----\ntitle: Secret plan\n----\nText.\n", []want{{1, "but this line has 4 hyphens", ""}, {3, "4 hyphens", ""}}},
		{"minus signs for ---", " −−− \nTitle:\n", []want{{1, "has a minus sign (−)", ""}}},
		{"spaced hyphens for ---", "- - -\ntags: [a]\n", []want{{1, "has 3 hyphens with spaces between them", ""}}},
		{"four hyphens for ---, keys of its own", "----\nauthor: Ana\nsource: Reuters\n----\nText.\n", []want{{1, "has 4 hyphens", ""}, {4, "4 hyphens", ""}}},
		{"closed with an em dash", "---\ntitle: \"Secret plan\"\ndraft: true\n—\n\nWe will protest.\n", []want{{4, "but this line has an em dash (—)", "replace the line with three hyphens"}}},
		{"closed with an em dash, a rule below", "---\ntitle: A\n—-\n\nText.\n\n---\n\nMore.\n", []want{{3, "has an em dash (—), which", ""}}},
		{"closed with four hyphens", "---\ntitle: A\n----\nText.\n", []want{{3, "has 4 hyphens", ""}}},
		{"closed with a horizontal bar", "\n---\ntitle: A\n―\nText.\n", []want{{4, "has a horizontal bar (―)", ""}}},
		{"json syntax", "{\n\"title\": \"A\",\n\"draft\": true,\n}\nText.\n", []want{{4, "the JSON front matter opened at line 1 has a mistake: invalid character '}'", `"key": value, separated by commas, with no comma after the last one`}}},
		{"json unclosed", "\n{\n\"title\": \"A\"\nText.\n", []want{{4, "JSON front matter opened at line 2 has a mistake", ""}}},
		{"json never closed", "{\n\"title\": \"A\"", []want{{1, `the JSON front matter opened with "{" at line 1 is never closed`, "end it with a line holding only }"}}},
		{"json text after brace", "{\"title\": \"A\"} Text.\n", []want{{1, "text follows the JSON front matter's closing }", "on a line of its own"}}},
		{"json unknown key", "{\n\"title\": \"A\",\n\"titel\": \"B\"\n}\n", []want{{3, `unknown front matter key "titel"`, `did you mean "title"?`}}},
		{"json bad date", "{\n\"date\": \"16.12.2011\"\n}\n", []want{{2, `"date"`, `"date": "2024-03-09"`}}},
		{"json duplicate key", "{\n\"title\": \"A\",\n\"title\": \"B\"\n}\n", []want{{3, `duplicate key "title"`, ""}}},
		{"json tags with commas", "{\"tags\": \"zhanaozen, trial\"}\n", nil},
		{"no front matter, unknown key", "title: A\nauthor: B\n---\n", nil},
		{"no front matter, indented key", " title: A\n---\n", nil},
		{"no front matter, no rule", "title: A\ndate: 2011-12-16\n", nil},
		{"key without its colon", "---\ntitle My page\ndate: 2024-01-01\n---\n", []want{{2, `front matter has no colon after the key on this line: title My page`, "write the key, a colon and a space, then the value: title: My page"}}},
		{"key without its colon, later", "---\ntitle: A\n\ndescription A page\ndraft: true\n---\n", []want{{4, `no colon after the key on this line: description A page`, "description: A page"}}},
		{"colon inside a value", "---\ntitle: Zhanaozen: the trial\n---\n", []want{{2, "mapping values are not allowed", `a colon inside a value needs the whole value in quotes`}}},
		{"dots inside", "---\ntitle: A\n...\nfoo: b\n---\n", []want{{3, `"..." ends the YAML early`, ""}}},

		// Keys.
		{"unknown key", "---\ntitle: A\ntitel: B\n---\n", []want{{3, `unknown front matter key "titel"`, `did you mean "title"?`}}},
		{"unknown key tittle", "---\ntittle: B\n---\n", []want{{2, `"tittle"`, `did you mean "title"?`}}},
		{"unknown key far away", "---\nzzzzqqq: B\n---\n", []want{{2, `unknown front matter key "zzzzqqq"`, "a value of your own goes under params (params: {zzzzqqq: …}), where templates read it as .Params.zzzzqqq; known keys: aliases, build, categories, date,"}}},
		{"unknown key of Hugo's own, toml", "+++\nauthor = 'Ana'\n+++\n", []want{{2, `unknown front matter key "author"`, "under params (params = {author = …}), where templates read it as .Params.author; known keys:"}}},
		{"unknown key with a dash, json", "{\"og-type\": \"article\"}\n", []want{{1, `unknown front matter key "og-type"`, `under params ("params": {"og-type": …}), where templates read it as index .Params "og-type"; known keys:`}}},
		{"unknown key toml", "+++\ntitle = 'A'\n\ndrfat = true\n+++\n", []want{{4, `"drfat"`, `did you mean "draft"?`}}},
		{"unknown key with bom and crlf", "\xef\xbb\xbf---\r\ntitle: A\r\nslgu: x\r\n---\r\n", []want{{3, `"slgu"`, `"slug"`}}},
		{"key indented with a non-breaking space", "---\ntitle: A\n\u00a0 sources: x\n---\n", []want{{3, `unknown front matter key "\u00a0 sources"`,
			"the line has an invisible character (a non-breaking space, often pasted from a word processor) before sources; delete the spaces before it and type them again"}}},
		{"zero-width space in a key", "---\nti\u200btle: A\n---\n", []want{{2, `unknown front matter key`, "(a zero-width space, often pasted from a word processor) in title; delete title and type it again"}}},
		{"soft hyphen after a key", "---\ndraft\u00ad: true\n---\n", []want{{2, `unknown front matter key`, "(a soft hyphen, often pasted from a word processor) after draft; delete what follows it"}}},
		{"byte order mark before a key", "---\ntitle: A\n\ufeffdate: 2012-01-01\n---\n", []want{{3, `unknown front matter key`, "(a byte order mark, often pasted from a word processor) before date"}}},
		{"direction mark before a key", "---\n\u200etitle: A\n---\n", []want{{2, `unknown front matter key`, "(an invisible formatting character, U+200E, often pasted from a word processor) before title"}}},
		{"narrow no-break space in a menu key", "---\nmenu:\n  main:\n    \u202fweight: 2\n---\n", []want{{4, `unknown menu entry key`, "(a narrow non-breaking space, often pasted from a word processor) before weight"}}},
		{"invisible after true", "---\ndraft: true\u00a0\n---\n", []want{{2, `"draft" must be true or false`, "(a non-breaking space, often pasted from a word processor) after true; delete what follows it"}}},
		{"invisible in a weight", "---\nweight: \u200b10\n---\n", []want{{2, `"weight" must be a whole number`, "(a zero-width space, often pasted from a word processor) before 10"}}},
		{"invisible in a date", "---\ndate: 2012-12-16\ufeff\n---\n", []want{{2, `"date"`, "(a byte order mark, often pasted from a word processor) after 2012-12-16"}}},
		{"invisible in an alias", "---\naliases: [/act\u200bnow/]\n---\n", []want{{2, `"aliases" contains an invisible character: "/act\u200bnow/"`, "(a zero-width space, often pasted from a word processor) in /actnow/; delete /actnow/ and type it again"}}},
		{"invisible in a url", "---\nurl: /act\u00a0now/\n---\n", []want{{2, `"url" contains an invisible character`, "in /act now/"}}},
		{"unknown menu key", "---\nmenu:\n  main:\n    wieght: 2\n---\n", []want{{4, `unknown menu entry key "wieght"`, `"weight"`}}},
		{"duplicate key", "---\ntitle: A\ndate: 2020-01-01\ntitle: B\n---\n", []want{{4, `duplicate key "title" (first written at line 2)`, "remove one"}}},
		{"duplicate nested key", "---\nparams:\n  a: 1\n  a: 2\n---\n", []want{{4, `duplicate key "a"`, ""}}},
		{"duplicate spelling", "---\npublishDate: 2020-01-01\npublishdate: 2020-01-02\n---\n", []want{{3, `"publishdate" here repeats "publishDate" from line 2`, ""}}},
		{"duplicate key toml", "+++\ntitle = 'A'\ntitle = 'B'\n+++\n", []want{{3, "already defined", "remove one"}}},

		// build and sitemap, as Hugo has them.
		{"build list wrong", "---\nbuild:\n  list: hidden\n---\n", []want{{3, `build list must be always, local or never, got "hidden"`, "write list: never"}}},
		{"build render never", "---\nbuild:\n  render: never\n---\n", []want{{3, `build render "never": samizdat always writes a page`, "draft: true"}}},
		{"build publishResources false", "---\n_build:\n  publishResources: false\n---\n", []want{{3, "samizdat always publishes the files beside a page", "move the files"}}},
		{"build unknown key", "---\nbuild:\n  lsit: never\n---\n", []want{{3, `unknown build key "lsit"`, `did you mean "list"?`}}},
		{"build not a group", "---\nbuild: never\n---\n", []want{{2, `"build" must be a group of keys`, "list, render and publishResources"}}},
		{"sitemap priority out of range", "---\nsitemap:\n  priority: 2\n---\n", []want{{3, "sitemap priority must be a number from 0.0 to 1.0", "priority: 0.8"}}},
		{"sitemap changefreq wrong", "+++\n[sitemap]\nchangefreq = 'sometimes'\n+++\n", []want{{3, `sitemap changefreq "sometimes"`, "weekly"}}},
		{"sitemap disable not a boolean", "---\nsitemap: {disable: yes}\n---\n", []want{{2, `"disable" must be true or false`, ""}}},

		// Taxonomies written as one text.
		{"tags with commas", "---\ntitle: A\ntags: zhanaozen, trial\n---\n", []want{{3, `tags is one text, "zhanaozen, trial", not a list`, "write it as a list: tags: [zhanaozen, trial]"}}},
		// Quotes make one term of text with commas, as in Hugo; TOML's
		// strings are always quoted.
		{"tags with commas, quoted", "---\ntags: \"Washington, D.C.\"\n---\n", nil},
		{"tags with commas toml", "+++\ntags = 'zhanaozen, trial'\n+++\n", nil},
		{"tags with commas and a non-breaking space", "---\ntags: zhanaozen,\u00a0trial\n---\n", []want{{2, "not a list", "write it as a list: tags: [zhanaozen, trial]"}}},
		{"tags one text", "---\ntags: zhanaozen\n---\n", nil},
		{"tags a list with a comma in an item", "---\ntags: [\"Almaty, 2012\"]\n---\n", nil},

		// Paths.
		{"url with backslashes", "---\ntitle: A\nurl: '\\\\server\\share'\n---\n", []want{{3, `"url" must use / between folders`, "url: /campaign/letter/"}}},
		{"alias with a tab", "---\naliases: [\"/old\\tpage/\"]\n---\n", []want{{2, `"aliases" contains a control character`, "cannot see"}}},
		{"alias with a fragment", "---\naliases: [\"/a#frag\"]\n---\n", []want{{2, `"aliases" is "/a#frag": no one could reach an address with a # in it`, "leave out the #"}}},
		{"url of another site", "---\nurl: //evil.example/\n---\n", []want{{2, `"url" is "//evil.example/": an address that starts with // is another site's`, "url: /campaign/letter/"}}},
		{"alias with a broken %-code", "---\naliases: [/50%-off/]\n---\n", []want{{2, `a % there must start a %-code of two hex digits`, "%25"}}},
		{"url with %-codes", "---\nurl: /posts/%2e%2e/x/\n---\n", nil},
		// The checks read the decoded path, as servers do.
		{"url of another site, %-coded", "---\nurl: /%2F%2Fevil.example/\n---\n", []want{{2, `"url" is "/%2F%2Fevil.example/": an address that starts with // is another site's`, ""}}},
		{"url with a %-coded #", "---\nurl: /c%23/\n---\n", []want{{2, `no one could reach an address with a # in it`, ""}}},
		{"alias with a %-coded zero-width space", "---\naliases: [\"/zw%E2%80%8Bsp/\"]\n---\n", []want{{2, `"aliases" contains an invisible character: "/zw%E2%80%8Bsp/"`, ""}}},
		{"alias with a %-coded NUL", "---\naliases: [\"/a%00b/\"]\n---\n", []want{{2, `"aliases" contains a control character: "/a%00b/"`, ""}}},

		// Types.
		{"weight not a number", "---\ntitle: A\n\n\nweight: abc\n---\n", []want{{5, `"weight" must be a whole number, got "abc"`, "weight: 10"}}},
		{"weight quoted", "---\nweight: \"10\"\n---\n", []want{{2, `"weight" must be a whole number, got "10"`, "remove the quotes"}}},
		{"weight with bom and crlf", "\xef\xbb\xbf---\r\ntitle: A\r\nweight: ten\r\n---\r\n", []want{{3, `"weight" must be a whole number`, ""}}},
		{"weight with lone cr", "---\rtitle: A\rweight: ten\r---\r", []want{{3, `"weight"`, ""}}},
		{"weight toml", "+++\ntitle = 'A'\nweight = 'abc'\n+++\n", []want{{3, `"weight" must be a whole number, got "abc"`, "weight = 10"}}},
		{"draft quoted", "---\ndraft: \"true\"\n---\n", []want{{2, `"draft" must be true or false, got "true"`, "remove the quotes: draft: true"}}},
		{"draft yes", "---\ndraft: yes\n---\n", []want{{2, `"draft" must be true or false`, "yes is read as text"}}},
		{"title list", "---\ntitle: [a, b]\n---\n", []want{{2, `"title" must be text, got a list`, "quotes"}}},
		{"tags map", "---\ntags:\n  a: b\n---\n", []want{{3, `"tags" must be a list`, ""}}},
		{"params list", "---\nparams: [a]\n---\n", []want{{2, `"params" must be a group of keys`, ""}}},
		{"front matter a list", "---\n- a\n- b\n---\n", []want{{2, "front matter must be keys with values", ""}}},
		{"empty title", "---\ntitle:\ndate: 2020-01-01\n---\nbody\n", []want{{2, "title is empty", "write the page's title after title:, or remove the line to use the file name"}}},
		{"null title", "---\ndate: 2020-01-01\ntitle: null\n---\n", []want{{3, "title is empty", "remove the line"}}},
		{"tilde title", "---\ntitle: ~\n---\n", []want{{2, "title is empty", ""}}},
		{"quoted empty title", "---\ntitle: \"\"\n---\n", []want{{2, "title is empty", ""}}},
		{"blank title", "---\ntitle: '   '\n---\n", []want{{2, "title is empty", ""}}},
		{"empty title toml", "+++\ntitle = ''\n+++\n", []want{{2, "title is empty", "after title =, or remove the line"}}},

		// Dates.
		{"impossible day", "---\ntitle: A\ndate: 2012-02-30\n---\n", []want{{3, `"date" is not a real date: "2012-02-30" (day out of range)`, "YYYY-MM-DD"}}},
		{"impossible month", "---\nlastmod: 2012-13-01\n---\n", []want{{2, "month out of range", "lastmod: 2024-03-09"}}},
		{"impossible quoted", "---\ndate: \"2024-13-45\"\n---\n", []want{{2, "not a real date", "YYYY-MM-DD"}}},
		{"words date", "---\ndate: 12th December 1984\n---\n", []want{{2, `"date" must be a date like 2024-03-09, got "12th December 1984"`, "YYYY-MM-DD"}}},
		{"date number", "---\ndate: 2024\n---\n", []want{{2, `"date" must be a date, got 2024`, "YYYY-MM-DD"}}},
		{"impossible date crlf bom", "\xef\xbb\xbf\r\n---\r\ntitle: A\r\n\r\ndate: 2012-02-30\r\n---\r\n", []want{{5, "not a real date", ""}}},
		{"impossible date toml", "+++\ntitle = 'A'\ndate = 2012-02-30\n+++\n", []want{{3, "impossible date", "YYYY-MM-DD"}}},
		{"impossible date toml string", "+++\ndate = '2012-02-30'\n+++\n", []want{{2, "not a real date", "date = 2024-03-09"}}},

		// YAML syntax.
		{"colon in title", "---\ntitle: My Page: A Guide\n---\n", []want{{2, "not valid YAML: mapping values are not allowed", "a colon inside a value needs the whole value in quotes"}}},
		{"colon in title line 3", "---\ndate: 2020-01-01\ntitle: My Page: A Guide\n---\n", []want{{3, "mapping values", "quotes"}}},
		{"colon with bom crlf", "\xef\xbb\xbf---\r\ndate: 2020-01-01\r\ntitle: My Page: A Guide\r\n---\r\n", []want{{3, "mapping values", ""}}},
		{"missing colon", "---\ntitle: A\nlinkTitle \"Functions\"\ndate: 2020-01-01\n---\n", []want{{3, `front matter has no colon after the key on this line: linkTitle "Functions"`, `linkTitle: "Functions"`}}},
		{"tab indent", "---\ntitle: A\n\tdate: 2020-01-01\n---\n", []want{{3, "tab", "spaces"}}},
		{"at sign", "---\ntitle: A\nauthor: @ana\n---\n", []want{{3, "cannot start any token", `"@name"`}}},
		{"star", "---\ntitle: A\nnote: *important*\n---\n", []want{{3, "not valid YAML", "* or &"}}},
		{"unclosed bracket", "---\ntitle: A\ntags: [a, b\ndate: 2020-01-01\n---\n", []want{{3, "did not find expected ',' or ']'", "closing"}}},
		{"bad list indent", "---\ntitle: A\ntags:\n  - a\n - b\n---\n", []want{{5, "did not find expected key", "indentation"}}},
		// The mistake is where the quote opens, not where YAML gives up.
		{"unclosed quote", "---\ntitle: \"A\ndate: 2020-01-01\n---\n", []want{{2, "quote that opens the value on this line is not closed", "same quote mark"}}},
		{"unclosed quote, later lines", "---\ntitle: \"Vladimir Kozlov\ndescription: x\nweight: 3\ntags: [a]\n---\n", []want{{2, "is not closed", ""}}},
		{"unclosed single quote in a list", "---\ntitle: ok\ntags:\n  - 'one\n  - two\n---\n", []want{{4, "is not closed", ""}}},
		{"non-breaking space after a colon", "---\ntitle:\u00a0\"The trial\"\ndescription: \"The trial of the oil workers\"\n---\n", []want{{2,
			"not valid YAML: after title: comes a non-breaking space (U+00A0), not a plain space, so title is not read as a key",
			"delete what is between title: and the value and type one plain space (word processors, and Option-Space on a Mac, type non-breaking spaces)"}}},
		{"non-breaking space after the only colon", "---\ntitle:\u00a0The trial\n---\n", []want{{2, "after title: comes a non-breaking space", ""}}},
		{"zero-width space after a nested colon", "---\nparams:\n  author:\u200b Ana\n---\n", []want{{3, "after author: comes a zero-width space (U+200B)", "between author: and the value"}}},
		// A list item is valid YAML with a non-breaking space after its colon.
		{"non-breaking space after a list item's colon", "---\nmenu:\n  - main:\u00a0x\n---\n", []want{{3, `the menu name "main:\u00a0x" holds an invisible character`, "(a non-breaking space, often pasted from a word processor) in main: x"}}},
		{"non-breaking space after a key in a list item", "---\nmenu:\n  main:\n    - name: x\n      weight:\u00a02\n---\n", []want{{5, "after weight: comes a non-breaking space", ""}}},
		{"non-breaking space after a key under a value over lines", "---\ndescription: The day\n  goes on\ntitle:\u00a0A\n---\n", []want{{4, "after title: comes a non-breaking space", ""}}},
		{"text of a | block with a non-breaking space after a colon", "---\ndescription: |\n  Time:\u00a010am\ntitle: A\n---\n", nil},
		{"closing --- missing, a rule further down", "---\ntitle: \"The trial\"\ndescription: \"A trial\"\n\nThe court sat for three weeks.\n\n---\n\nMore.\n", []want{{5,
			"this looks like the page's text: is the closing --- missing after line 3?", "end the front matter with a line of only --- after line 3, before the page's text"}}},
		{"closing --- missing, text right after a list", "---\ntitle: A\ntags:\n  - a\n  - b\nWe met at the akimat.\n---\n", []want{{6, "missing after line 5?", ""}}},
		{"closing --- missing, a heading first", "---\ntitle: A\n\n## The trial\n\nIt began in May and lasted weeks\n\n---\nMore.\n", []want{{6, "missing after line 2?", ""}}},
		{"closing --- missing, bold text first", "\n---\ntitle: A\n\n**Kozlov** was sentenced.\n---\n", []want{{5, "missing after line 3?", ""}}},
		// A value wrapped onto an unindented line, keys after it: the
		// closing --- is not missing, and adding it there would publish
		// the keys as text.
		{"value wrapped onto an unindented line", "---\ntitle: The trial\ndescription: In November 2012 a prosecutor asked a court to close\nsome 40 opposition media outlets as extremist.\ndate: 2012-11-21\ntags: [trial]\n---\nThe court sat for three weeks.\n", []want{{4,
			"not valid YAML: the value of description (line 3) goes on to this line, but a value that goes on to the next line must be indented",
			"indent this line by 2 spaces, or keep the value of description on one line, or put the whole value in quotes"}}},
		{"value wrapped onto two unindented lines", "---\nsummary: In November 2012 a prosecutor in Almaty asked a court\nto close some 40 opposition outlets\nas extremist.\ndraft: true\n---\n", []want{{3, "the value of summary (line 2) goes on to this line", ""}}},
		{"nested value wrapped onto an unindented line", "---\nparams:\n  note: The court sat\nfor three weeks.\ntitle: A\n---\n", []want{{4, "the value of note (line 3)", "indent this line by 4 spaces"}}},
		// After a short value's line, words without a full stop are a
		// wrap or a key missing its colon, and a sentence that no known
		// key follows is a wrap or the page's text: the hint gives both.
		{"short value wrapped onto an unindented line", "---\ntitle: Kozlov sentenced to\nseven and a half years\ndate: 2012-10-08\n---\nText.\n", []want{{3,
			"front matter is not valid YAML: this line is neither a key nor part of a value",
			"if it goes on from the value of title (line 2), indent it by 2 spaces; if seven is a key, write a colon after it: seven: and a half years"}}},
		{"key without its colon after a short value", "---\ntitle: A\nauthor Ana Petrova\ndate: 2012-10-08\n---\n", []want{{3,
			"this line is neither a key nor part of a value", "if author is a key, write a colon after it: author: Ana Petrova"}}},
		{"known key without its colon after a short value", "---\ntitle: Kozlov sentenced\ndate 2012-10-08\ndraft: false\n---\n", []want{{3,
			"no colon after the key on this line: date 2012-10-08", "date: 2012-10-08"}}},
		{"closing --- missing, a note and a rule in the text", "---\ntitle: Kozlov\ndescription: The court in Aktau sentenced him\nThe appeal failed.\n\nNote: we will update this page.\n\n---\n\nMore.\n", []want{{4,
			"this line is neither a key nor part of a value",
			"if it goes on from the value of description (line 3), indent it by 2 spaces; if it is the page's text, end the front matter with a line of only --- after line 3, before it"}}},
		{"closing --- missing, a note right after the text", "---\ntitle: Kozlov\ndescription: The court in Aktau sentenced him\nThe appeal failed.\nNote: we will update this page.\n---\nMore.\n", []want{{4,
			"neither a key nor part of a value", "if it is the page's text, end the front matter with a line of only --- after line 3"}}},
		{"closing --- missing, a note in the text", "---\ntitle: A\n\nThe court sat for three weeks.\n\nNote: it was cold.\n\n---\n", []want{{4, "is the closing --- missing after line 2?", ""}}},
		{"text between keys", "---\ntitle: \"The trial\"\n\nThe court sat for three weeks.\n\ndate: 2012-11-21\n---\n", []want{{4,
			"this line is neither a key nor part of a value, and keys follow it", "move it below the front matter's closing ---"}}},
		{"key without its colon after a blank line", "---\ntitle: A\n\nauthor Ana Petrova\n---\n", []want{{4, "no colon after the key on this line: author Ana Petrova", "author: Ana Petrova"}}},
		{"unclosed quote, then text", "---\ntitle: \"The trial\n\nThe court sat for three weeks.\n---\n", []want{{2, "quote that opens the value on this line is not closed", ""}}},
		{"apostrophe inside single quotes", "---\ntitle: 'Kozlov's trial'\n---\n", []want{{2,
			"not valid YAML: an apostrophe inside '…' ends the value", `put the value in double quotes: title: "Kozlov's trial"`}}},
		{"apostrophe inside single quotes, not closed", "---\ndate: 2012-06-01\ntitle: 'Kozlov's trial\n---\n", []want{{3, "an apostrophe inside '…' ends the value", `title: "Kozlov's trial"`}}},
		{"apostrophe inside single quotes with double quotes", "---\ntags:\n  - 'say \"no\", it's ours'\n---\n", []want{{3,
			"an apostrophe inside '…' ends the value", `write each apostrophe inside '…' twice: - 'say "no", it''s ours'`}}},
		{"double quote inside double quotes", "---\ntitle: \"The \"best\" trial\"\n---\n", []want{{2,
			`a double quote inside "…" ends the value`, `put the value in single quotes: title: 'The "best" trial'`}}},
		{"quoted words start a title", "---\ntitle: \"Zhanaozen\" massacre remembered\n---\n", []want{{2,
			`not valid YAML: the value starts with a quoted part, "Zhanaozen", followed by more text`,
			`put the whole value, its own quotes included, in quotes: title: '"Zhanaozen" massacre remembered'`}}},
		{"apostrophed words start a title", "---\ndate: 2012-06-01\ntitle: 'Svoboda' newspaper closed\n---\n", []want{{3,
			"the value starts with a quoted part, 'Svoboda', followed by more text", `title: "'Svoboda' newspaper closed"`}}},
		{"quoted words start a list item", "---\ntags:\n  - \"Respublika\" closed\n---\n", []want{{3, "starts with a quoted part", `- '"Respublika" closed'`}}},
		{"bracket starts a title", "---\ntitle: [Update] The trial\n---\n", []want{{2,
			"not valid YAML: a value starting with [ needs quotes", `put the whole value in quotes: title: "[Update] The trial"`}}},
		{"brace starts a title, later", "---\ndescription: x\ntitle: {Update} The \"trial\"\ndate: 2020-01-01\n---\n", []want{{3,
			"a value starting with { needs quotes", `title: '{Update} The "trial"'`}}},
		{"quotes and lists that are right", "---\ntitle: 'it''s' # note\ndescription: \"say \\\"no\\\"\"\ntags: ['it''s', \"a\", b] # c\ncategories: [it's, x]\n---\n", nil},
		{"quotes closed, other mistake", "---\ntitle: \"A \\\" B\"\nx: 'it''s'\n  bad: indent\n---\n", []want{{4, "not valid YAML", ""}}},

		// TOML syntax.
		{"toml bare string", "+++\ndate = 2020-01-01\ntitle = My Page\n+++\n", []want{{3, "not valid TOML", `title = "My Page"`}}},
		{"yaml inside plus", "+++\ntitle: x\n+++\n", []want{{2, "not valid TOML", ""}}},
		{"toml bare Cyrillic", "+++\ndate = 2020-01-01\ntitle = Жанаозен\n+++\n", []want{{3, "unexpected character U+0416 'Ж' at start of value", ""}}},

		// Limits.
		{"alias bomb", billionLaughs(), []want{{6, "expands to more than", "aliases"}}},
		{"many plain values", "---\nparams:\n" + manyKeys(10001) + "---\n", []want{{2, "expands to more than", "put it in a file under data/"}}},
		{"deep nesting", "---\na: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n---\n", []want{{2, "nested more than", ""}}},
		{"deep nesting block", "---\n" + deepMapping(100) + "---\n", []want{{67, "nested more than", ""}}},
		{"huge front matter", "---\ntitle: A\n" + strings.Repeat("# comment line that pads\n", 12000) + "---\nbody\n", []want{{1, "more than the 256 KiB allowed", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, probs := Parse("content/a.md", []byte(tt.src))
			checkProblems(t, probs, tt.wants)
		})
	}
}

func billionLaughs() string {
	var b strings.Builder
	b.WriteString("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	return b.String()
}

func itoa(i int) string { return string(rune('0' + i)) }

func deepMapping(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestParseTaxonomies(t *testing.T) {
	src := "---\ntags: [a]\nseries: one\nauthors: [x, y]\n---\n"
	meta, _, _, probs := ParseWith("content/a.md", []byte(src), []string{"tags", "series", "authors"})
	checkProblems(t, probs, nil)
	wantTerms := map[string][]string{"tags": {"a"}, "series": {"one"}, "authors": {"x", "y"}}
	if !reflect.DeepEqual(meta.Terms, wantTerms) {
		t.Errorf("terms %v; want %v", meta.Terms, wantTerms)
	}
	_, _, _, probs = Parse("content/a.md", []byte(src))
	checkProblems(t, probs, []want{
		{3, `unknown front matter key "series"`, ""},
		{4, `unknown front matter key "authors"`, ""},
	})
}

// A site's taxonomy written without its colon after a short value is a
// key missing its colon, as a known key is, not a value that wraps: the
// site's taxonomies are known keys.
func TestTaxonomyWithoutColonAfterAShortValue(t *testing.T) {
	taxonomies := []string{"tags", "series", "people"}
	for _, tc := range []struct {
		name, src string
		want      []want
	}{
		{"one term", "---\ntitle: Trial\nseries zhanaozen\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line: series zhanaozen", "series: zhanaozen"}}},
		{"a list item", "---\ntitle: Trial\ntags - zhanaozen\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line: tags - zhanaozen", "then the value: tags: [zhanaozen]"}}},
		{"a quoted list item", "---\ntitle: Trial\ntags  - \"Zhanaozen strike\"\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line", `then the value: tags: ["Zhanaozen strike"]`}}},
		{"a list item YAML would read as a comment", "---\ntitle: Trial\ntags - #hash\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line", `then the value: tags: ["#hash"]`}}},
		{"one word for slug", "---\ntitle: Trial\nslug trial-verdict\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line", "then the value: slug: trial-verdict"}}},
		{"True for draft", "---\ntitle: Trial\ndraft True\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line", "then the value: draft: True"}}},
		{"a fraction for weight", "---\ntitle: Trial\nweight 1.5\ndate: 2012-11-21\n---\n",
			[]want{{3, "no colon after the key on this line", "then the value: weight: 1.5"}}},
		{"text after a quoted part", "---\ntitle: Trial\nlinkTitle \"Functions\" more\ndate: 2012-11-21\n---\n",
			[]want{{3, "neither a key nor part of a value", `write a colon after it: linkTitle: "\"Functions\" more"`}}},
		{"text YAML would cut at a #", "---\ndescription: Families say the court gave\nsummary verdicts #1\ndate: 2012-11-21\n---\n",
			[]want{{3, "neither a key nor part of a value", `write a colon after it: summary: "verdicts #1"`}}},
		// A key's name that starts words of a value that goes on.
		{"a built-in key's name", "---\ndescription: Families say the court gave\nsummary verdicts\ndate: 2012-11-21\n---\n",
			[]want{{3, "this line is neither a key nor part of a value", "if it goes on from the value of description (line 2), indent it by 2 spaces; if summary is a key, write a colon after it: summary: verdicts"}}},
		{"words", "---\ndescription: The strike\npeople were killed in the square\ndate: 2012-11-21\n---\n",
			[]want{{3, "this line is neither a key nor part of a value", "if it goes on from the value of description (line 2), indent it by 2 spaces; if people is a key"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, probs := ParseWith("content/a.md", []byte(tc.src), taxonomies)
			checkProblems(t, probs, tc.want)
		})
	}
}

func TestParseYAMLIsVersion12(t *testing.T) {
	meta, _, _, probs := Parse("content/a.md", []byte("---\nparams:\n  country: NO\n  on: off\n---\n"))
	checkProblems(t, probs, nil)
	if meta.Params["country"] != "NO" || meta.Params["on"] != "off" {
		t.Errorf("params %v; want yes/no/on/off kept as text", meta.Params)
	}
}

func TestParseBOMAndCRLFMatchPlain(t *testing.T) {
	plain := "---\ntitle: A\ntags: [x]\ndate: 2020-01-02\n---\nline one\nline two\n"
	variants := []string{
		"\xef\xbb\xbf" + plain,
		strings.ReplaceAll(plain, "\n", "\r\n"),
		strings.ReplaceAll(plain, "\n", "\r"),
		"\xef\xbb\xbf" + strings.ReplaceAll(plain, "\n", "\r\n"),
	}
	wantMeta, wantBody, wantLine, _ := Parse("content/a.md", []byte(plain))
	for _, v := range variants {
		meta, body, line, probs := Parse("content/a.md", []byte(v))
		checkProblems(t, probs, nil)
		if !reflect.DeepEqual(meta, wantMeta) || string(body) != string(wantBody) || line != wantLine {
			t.Errorf("%q parsed differently from the plain file", v)
		}
	}
}

func TestParseAliasBombIsFast(t *testing.T) {
	start := time.Now()
	_, _, _, probs := Parse("content/a.md", []byte(billionLaughs()))
	if len(probs) != 1 {
		t.Fatalf("problems %v; want one", probs)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestKnown(t *testing.T) {
	k := Known()
	if len(k) != len(knownKeys) || k[0] != "aliases" {
		t.Errorf("Known() = %v", k)
	}
	k[0] = "changed"
	if Known()[0] != "aliases" {
		t.Error("Known returned shared storage")
	}
}

func TestParseWarnsOfCommentsInProse(t *testing.T) {
	tests := []struct {
		name, src string
		title     string
		wants     []want
	}{
		{"title", "---\ntitle: Zhanaozen - the #1 story\n---\n", "Zhanaozen - the", []want{{2,
			`the title is "Zhanaozen - the": the text after " #" is a comment`,
			`put the whole title in double quotes to keep the #: title: "Zhanaozen - the #1 story"`}}},
		{"description and summary", "---\ntitle: A\ndescription: Who was tried #trials\nsummary: Read  # all\n---\n", "A", []want{
			{3, `the description is "Who was tried"`, `description: "Who was tried #trials"`},
			{4, `the summary is "Read"`, `summary: "Read # all"`}}},
		{"quoted, the comment is meant", "---\ntitle: \"A\" # the page's name\n---\n", "A", nil},
		{"other keys keep their comments", "---\ntitle: A\ndraft: true # until checked\nslug: a # short\ntags: [a] # t\n---\n", "A", nil},
		{"a block scalar", "---\ntitle: A\nsummary: | # note\n  text\n---\n", "A", nil},
		{"hash without a space", "---\ntitle: C#1\n---\n", "C#1", nil},
		// A direction override shows the rest reversed, everywhere the
		// title is shown.
		{"override in a title", "---\ntitle: \"Photo \u202egpj.exe\"\ndescription: \"x\u202dy\"\n---\n", "Photo \u202egpj.exe", []want{
			{2, "the title holds an invisible character (U+202E, a direction override) that shows the text after it reversed", "delete the words around it"},
			{3, "the description holds an invisible character (U+202D", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta, _, _, probs := Parse("content/a.md", []byte(tt.src))
			if len(probs) > 0 {
				t.Fatalf("problems %v; want none", probs)
			}
			if meta.Title != tt.title {
				t.Errorf("title %q; want %q", meta.Title, tt.title)
			}
			checkProblems(t, meta.Warnings, tt.wants)
		})
	}
	_, _, _, probs := Parse("content/a.md", []byte("---\ntitle: #1 story\n---\n"))
	checkProblems(t, probs, []want{{2, "title is empty", `YAML reads text after " #" as a comment; put the whole title in double quotes to keep the #: title: "#1 story"`}})
}

// manyKeys is n lines "  kN: N", a large map without aliases.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: %d\n", i, i)
	}
	return b.String()
}

// An address copied from a browser's address bar is %-encoded; servers
// decode it before they look for the file, so the build must name the
// file with the letters themselves, and "%2e%2e" is "..".
func TestURLPathsAreDecoded(t *testing.T) {
	m, _, _, probs := ParseWith("p.md", []byte("---\nurl: /posts/%2e%2e/x/\naliases: [\"/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/\"]\n---\n"), nil)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if m.URL != "/posts/../x/" || len(m.Aliases) != 1 || m.Aliases[0] != "/новости/" {
		t.Errorf("url %q, aliases %q; want /posts/../x/ and /новости/", m.URL, m.Aliases)
	}
}
