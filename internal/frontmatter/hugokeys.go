package frontmatter

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// hugoTaxonomies are Hugo's default taxonomies, plural to singular: a site
// moved from Hugo tags and categorises its pages with both, though
// samizdat's default is tags alone.
var hugoTaxonomies = map[string]string{"tags": "tag", "categories": "category"}

// hugoKey reports a key of Hugo's own that samizdat does not read, saying
// what samizdat does instead, and tells whether f is one. The advice for
// any other unknown key, "a value of your own goes under params", would
// change what is published here: a headless page, which Hugo never
// wrote, would be published; a page's categories, and the menu's link to
// /categories/, would be lost. Like build's render, a key written at the
// value samizdat always has (headless: false) is accepted without a word.
func (d *decoder) hugoKey(f field) bool {
	key := strings.ToLower(f.key)
	if singular, ok := hugoTaxonomies[key]; ok {
		d.taxonomyOff(f, singular)
		return true
	}
	hugo := func(does, hint string) bool {
		d.problem(f.line, f.col, hint, "%q is Hugo's key: samizdat %s", f.key, does)
		return true
	}
	switch key {
	case "headless":
		if b, ok := f.val.scalar.(bool); ok && !b {
			return true
		}
		return hugo("has no headless pages, so it would publish this page at its address, which Hugo never did",
			"to keep the page off the site, write "+d.example("draft", "true")+" instead; to publish it at its address but leave it out of every list, feed and the sitemap, write "+
				d.example("build", "{"+d.example("list", d.word("never"))+"}"))
	case "cascade":
		return hugo("has no cascade: a page's front matter is its own, and the pages below it do not take it",
			"write the values in the front matter of each page they are for; a value only layouts read may stay in this section's params:, "+
				"where a layout reads it for the section's pages as .Parent.Params.NAME")
	case "outputs":
		return hugo("writes every page as HTML, and an Atom feed for each list, with no other outputs (JSON, AMP, …)",
			"remove it; for a search page, which Hugo themes make from a JSON output, set enabled = true under [search] in site.toml (see docs/settings.md)")
	case "markup":
		if v := strings.ToLower(f.val.text); v == "markdown" || v == "goldmark" || v == "md" {
			return true
		}
		return hugo("reads every page as markdown",
			"remove it, and write the page in markdown (a page in HTML, AsciiDoc or Org would be published as markdown, its markup shown as text or left out)")
	case "iscjklanguage":
		if b, ok := f.val.scalar.(bool); ok && !b {
			return true
		}
		return hugo("has no setting for Chinese, Japanese or Korean text: its summaries go by paragraph, not by word count, "+
			"and .WordCount and .ReadingTime count the text between spaces",
			"remove it; leave .WordCount and .ReadingTime out of the layouts for pages in these languages, where they would come out low")
	case "keywords":
		list := d.listOf(d.items(f))
		if list == "[]" {
			list = "[…]"
		}
		return hugo("has no keywords (search engines no longer read them)",
			"to group pages by them, make them tags: "+d.example("tags", list)+
				"; for a layout of your own that reads them, put them under params: "+d.example("params", "{"+d.example("keywords", list)+"}"))
	case "images":
		first := "cover.jpg"
		if it := d.items(f); len(it) > 0 {
			first = it[0]
		}
		hint := "write " + d.example("image", d.word(first)) + ": one file beside the page or in static/"
		if remote(first) {
			// The build refuses a picture on another site in image too.
			hint = "download the picture, put it beside the page and write " + d.example("image", d.word(remoteName(first))) +
				" (its file name): readers' browsers would otherwise load it from another site, which the build refuses"
		}
		d.problem(f.line, f.col, hint, "%q is what Hugo's share cards read: samizdat's share card has one picture, image", f.key)
		return true
	}
	return false
}

// remote reports an address on another site: http(s):// or //.
func remote(addr string) bool {
	a := strings.ToLower(addr)
	return strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") || strings.HasPrefix(a, "//")
}

// remoteName is the file name to save a picture of another site as: the
// last part of its address when that names a picture, else photo.jpg
// (an address such as images.unsplash.com/photo-1560032779?w=1350 names
// none).
func remoteName(addr string) string {
	if i := strings.IndexAny(addr, "?#"); i >= 0 {
		addr = addr[:i]
	}
	name := path.Base(addr)
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif":
		return name
	}
	return "photo.jpg"
}

// taxonomyOff reports tags or categories on a site that has not turned
// that taxonomy on, saying how to in site.toml's words: a [taxonomies]
// table replaces the default, so the hint keeps the taxonomies the site
// has.
func (d *decoder) taxonomyOff(f field, singular string) {
	plural := strings.ToLower(f.key)
	add := fmt.Sprintf("%s = %q", singular, plural)
	var hint string
	switch {
	case slices.Equal(d.taxonomies, []string{"tags"}):
		hint = fmt.Sprintf(`to keep them, with a page for each at /%s/NAME/, write in site.toml a [taxonomies] table with tag = "tags" and %s, each on its own line `+
			`(the table replaces the default, tags alone)`, plural, add)
	case len(d.taxonomies) == 0:
		hint = fmt.Sprintf("to keep them, with a page for each at /%s/NAME/, add %s under [taxonomies] in site.toml", plural, add)
	default:
		hint = fmt.Sprintf("to keep them, with a page for each at /%s/NAME/, add %s under [taxonomies] in site.toml, beside the taxonomies it names there", plural, add)
	}
	on := "none"
	if len(d.taxonomies) > 0 {
		on = strings.Join(d.taxonomies, ", ")
	}
	d.problem(f.line, f.col, hint, "%q is one of Hugo's default taxonomies; samizdat has only those site.toml names (here: %s)", f.key, on)
}

// menuEntryHugoKey reports a key of Hugo's menu entries that samizdat's
// do not have, and tells whether key is one; the nearest known key
// ("pre" is near "parent") would be the wrong advice.
func (d *decoder) menuEntryHugoKey(f field) bool {
	var does, hint string
	switch strings.ToLower(f.key) {
	case "pre", "post":
		does, hint = "menus hold no HTML of their own", `remove it; a layout can add an icon to an entry by its identifier: {{ if eq .Identifier "donate" }}…{{ end }}`
	case "title":
		does, hint = "menu entries have no tooltip", "remove it; name is the link's text"
	case "params":
		does, hint = "menu entries have no params", "move them into the page's own params:, which a layout reads for the entry as .Page.Params.NAME"
	default:
		return false
	}
	d.problem(f.line, f.col, hint, "menu entry key %q is Hugo's: samizdat's %s", f.key, does)
	return true
}

// items is a one-word or list value as text, for an example; nil when it
// is neither.
func (d *decoder) items(f field) []string {
	switch f.val.kind {
	case kindScalar:
		return []string{f.val.text}
	case kindList:
		var out []string
		for _, it := range f.val.items {
			if it.kind == kindScalar {
				out = append(out, it.text)
			}
		}
		return out
	}
	return nil
}

// word writes text as a value the way the page's format does: plain in
// YAML, quoted in TOML and JSON.
func (d *decoder) word(s string) string {
	if d.format == formatYAML && !strings.ContainsAny(s, `:#[]{}&*!|>'"%@,`+"`") {
		return s
	}
	return strconv.Quote(s)
}

// jekyllPublished reports "published: false", Jekyll's way to hold a page
// back, which a site moved from Jekyll through Hugo may still have. Hugo
// reads published as the publish date, and so does samizdat: a page
// meant to stay unpublished must be a draft.
func (d *decoder) jekyllPublished(f field, b bool) {
	if b {
		d.problem(f.val.line, f.val.col, "remove it: a page is published unless it is a draft",
			"%q is the page's publish date, as Hugo reads it, not a yes or no", f.key)
		return
	}
	d.problem(f.val.line, f.val.col, "to keep the page off the site, write "+d.example("draft", "true")+" instead",
		"%q is the page's publish date, as Hugo reads it: %s does not hold the page back, as it did in Jekyll", f.key, f.val.text)
}
