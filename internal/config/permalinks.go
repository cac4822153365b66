package config

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
)

// Hugo's [permalinks] made a page's address from a pattern
// (xmin's post = "/post/:year/:month/:day/:slug/", bear's
// blog = "/:slug/"). samizdat has none, so every such address changes,
// while links from other sites and readers' bookmarks still lead to the
// old ones: the hint shows, with the site's own rule, what an example
// page's old and new addresses are and how to keep the old one working.

// permalinksHint is the hint for [permalinks] when its rules are not at
// hand (Hugo's config/_default/permalinks.yaml): its example is of
// xmin's rule.
var permalinksHint = func() string {
	story, old, _ := permalinkExample("post", "/post/:year/:month/:day/:slug/")
	return permalinksAdvice(story, old)
}()

// permalinksAdvice is the hint for [permalinks], around what one rule
// did and does here (see permalinkExample).
func permalinksAdvice(story, old string) string {
	return "samizdat has no address patterns: a page's address comes from its folder and file name, or from url or slug in its front matter. " +
		story + ". So that links to the old addresses keep working, give each page its old one in its front matter, aliases: [" + old + "], " +
		"which publishes a page there that sends readers on (or write it as the page's url, to keep it); " +
		`then remove this. See "Coming from Hugo" in docs/settings.md`
}

// permalinksHintFor is the hint for the [permalinks] of site.toml's text
// src, with an example made from the first of its rules (by section)
// that gives an address other than samizdat's.
func permalinksHintFor(src []byte) string {
	var doc map[string]any
	if toml.Unmarshal(src, &doc) != nil {
		return permalinksHint
	}
	rules := map[string]string{}
	for key, v := range doc {
		if strings.EqualFold(key, "permalinks") {
			collectRules(v, rules)
		}
	}
	if len(rules) == 0 {
		return permalinksHint
	}
	for _, section := range slices.Sorted(maps.Keys(rules)) {
		if story, old, same := permalinkExample(section, rules[section]); !same {
			return permalinksAdvice(story, old)
		}
	}
	return "samizdat has no address patterns, and these rules give the addresses samizdat gives (a page's folder and file name); remove this"
}

// collectRules gathers section = "pattern" rules, from [permalinks] and
// from Hugo's newer [permalinks.page] and the like.
func collectRules(v any, rules map[string]string) {
	table, ok := v.(map[string]any)
	if !ok {
		return
	}
	for key, val := range table {
		switch val := val.(type) {
		case string:
			rules[key] = val
		case map[string]any:
			if strings.EqualFold(key, "page") {
				collectRules(val, rules)
			}
		}
	}
}

// permalinkToken is one of Hugo's :name tokens, with an optional slice
// (":sections[1:]").
var permalinkToken = regexp.MustCompile(`:([a-z]+)(\[[^\]]*\])?`)

// permalinkExample tells what address rule gave an example page of
// section in Hugo, and what it has here ('blog = "/:slug/" gave
// content/blog/my-post.md the address /my-post/; samizdat gives it
// /blog/my-post/'); old is the old address, and same reports whether
// the two are one.
func permalinkExample(section, rule string) (story, old string, same bool) {
	const name = "my-post"
	dated := false
	old = permalinkToken.ReplaceAllStringFunc(rule, func(tok string) string {
		m := permalinkToken.FindStringSubmatch(tok)
		switch m[1] {
		case "year", "month", "monthname", "day", "weekday", "weekdayname", "yearday":
			dated = true
		}
		if v, ok := exampleValues[m[1]]; ok {
			return v
		}
		if m[1] == "section" || m[1] == "sections" {
			return section
		}
		return tok
	})
	if !strings.HasPrefix(old, "/") {
		old = "/" + old
	}
	page := fmt.Sprintf("content/%s/%s.md", section, name)
	if dated {
		page += " dated 2024-03-05"
	}
	now := fmt.Sprintf("/%s/%s/", section, name)
	story = fmt.Sprintf("Here %s = %q gave %s the address %s; samizdat gives it %s", section, rule, page, old, now)
	return story, old, strings.TrimSuffix(old, "/") == strings.TrimSuffix(now, "/")
}

// exampleValues are the values of Hugo's permalink tokens for the example
// page, content/SECTION/my-post.md, dated Tuesday 5 March 2024, with no
// slug or title of its own.
var exampleValues = map[string]string{
	"year": "2024", "month": "03", "monthname": "march", "day": "05", "weekday": "2", "weekdayname": "tuesday", "yearday": "65",
	"title": "my-post", "slug": "my-post", "filename": "my-post", "slugorfilename": "my-post",
	"contentbasename": "my-post", "slugorcontentbasename": "my-post",
}
