package frontmatter

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// decoder fills a Meta from a value tree, strictly: every unknown key and
// every value of the wrong type is a problem at its line, and nothing is
// coerced in a way that could publish a draft.
type decoder struct {
	file       string
	format     format
	taxonomies []string
	meta       Meta
	probs      []problem.Problem
}

// problem records a problem. When a quoted argument holds an invisible
// character, %q shows it only as an escape ("\u00a0"), so the hint says
// in words what and where it is instead: that is the mistake to fix.
func (d *decoder) problem(line, col int, hint, format string, args ...any) {
	for _, a := range args {
		if s, ok := a.(string); ok && invisibleHint(s) != "" {
			hint = invisibleHint(s)
			break
		}
	}
	d.probs = append(d.probs, problem.Problem{
		File: d.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// example writes key and value the way the page's format does.
func (d *decoder) example(key, val string) string {
	switch d.format {
	case formatTOML:
		return key + " = " + val
	case formatJSON:
		return strconv.Quote(key) + ": " + val
	}
	return key + ": " + val
}

func (d *decoder) decode(root *value) {
	d.meta.Lines = map[string]int{}
	switch root.kind {
	case kindNull:
		return
	case kindMap:
	default:
		d.problem(root.line, root.col, d.example("title", `"My page"`)+", one per line",
			"front matter must be keys with values, got %s", root.describe())
		return
	}
	seen := map[string]field{}
	for _, f := range root.fields {
		name, taxonomy, ok := canonical(f.key, d.taxonomies)
		if !ok {
			if d.hugoKey(f) {
				continue
			}
			// Hugo takes any other top-level key as the page's own
			// (author, series); here they go under params, so that a
			// misspelt key is caught.
			read := ".Params." + f.key
			if strings.ContainsFunc(f.key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
				read = fmt.Sprintf("index .Params %q", f.key)
			}
			own := fmt.Sprintf("a value of your own goes under params (%s), where templates read it as %s; ",
				d.example("params", "{"+d.example(f.key, "…")+"}"), read)
			d.problem(f.line, f.col, unknownKeyHint(f.key, append(Known(), d.taxonomies...), own),
				"unknown front matter key %q", f.key)
			continue
		}
		if first, dup := seen[name]; dup {
			hint := "remove one of them"
			if !strings.EqualFold(f.key, first.key) { // pubdate and publishDate
				hint = fmt.Sprintf("both are the page's %s, as Hugo reads them; remove one of them", name)
			}
			d.problem(f.line, f.col, hint, "%q here repeats %q from line %d", f.key, first.key, first.line)
			continue
		}
		seen[name] = f
		d.meta.Lines[name] = f.line
		d.meta.Lines[f.key] = f.line
		if taxonomy {
			d.terms(name, f)
			continue
		}
		d.set(name, f)
	}
}

func (d *decoder) set(name string, f field) {
	m := &d.meta
	switch name {
	case "title":
		m.Title = d.prose(f, d.title(f))
	case "description":
		m.Description = d.prose(f, d.text(f))
	case "date":
		m.Date = d.date(f)
	case "lastmod":
		m.Lastmod = d.date(f)
	case "publishDate":
		if b, ok := f.val.scalar.(bool); ok && strings.EqualFold(f.key, "published") {
			d.jekyllPublished(f, b)
			return
		}
		m.PublishDate = d.date(f)
	case "expiryDate":
		m.ExpiryDate = d.date(f)
	case "draft":
		m.Draft = d.boolean(f)
	case "weight":
		m.Weight = d.integer(f.key, f.val)
	case "slug":
		m.Slug = d.text(f)
	case "url":
		m.URL = d.urlPath(f.key, f.val, d.text(f))
	case "aliases":
		for _, a := range d.list(f) {
			if a = d.urlPath(f.key, f.val, a); a != "" {
				m.Aliases = append(m.Aliases, a)
			}
		}
	case "summary":
		m.Summary = d.prose(f, d.text(f))
	case "layout":
		m.Layout = d.text(f)
	case "type":
		m.Type = d.text(f)
	case "toc":
		m.TOC = d.boolean(f)
	case "image":
		m.Image = d.text(f)
	case "translationKey":
		m.TranslationKey = d.text(f)
	case "params":
		m.Params = d.params(f)
	case "menu":
		m.Menus = d.menus(f)
		if m.Menus != nil {
			m.MenuValue = f.val.toAny()
		}
	case "linkTitle":
		m.LinkTitle = d.prose(f, d.text(f))
	case "build":
		m.List = d.build(f)
	case "sitemap":
		m.Sitemap = d.sitemap(f)
	case "resources":
		m.Resources = d.resources(f)
	}
}

// build reads Hugo's build options. list is kept; render and
// publishResources are accepted at the values samizdat always has, and
// refused otherwise rather than ignored: a page meant to stay unwritten
// would be published.
func (d *decoder) build(f field) string {
	list := ""
	for _, o := range d.options(f, "list, render and publishResources") {
		switch strings.ToLower(o.key) {
		case "list":
			// Hugo's older _build took true and false.
			switch v := strings.ToLower(d.text(o)); v {
			case "always", "true":
			case "local", "never":
				list = v
			case "false":
				list = "never"
			default:
				d.problem(o.val.line, o.val.col, "write list: never (in no list, feed, term page or sitemap), local (in its section's lists only) or always",
					"build list must be always, local or never, got %q", v)
			}
		case "render":
			if v := strings.ToLower(d.text(o)); v != "always" && v != "true" {
				d.problem(o.val.line, o.val.col, "to keep a page unpublished, write draft: true; to keep it out of lists, build: {list: never}",
					"build render %q: samizdat always writes a page", v)
			}
		case "publishresources":
			if !d.boolean(o) {
				d.problem(o.val.line, o.val.col, "move the files out of the page's folder instead",
					"build publishResources false: samizdat always publishes the files beside a page")
			}
		default:
			d.problem(o.line, o.col, unknownKeyHint(o.key, []string{"list", "render", "publishResources"}, ""), "unknown build key %q", o.key)
		}
	}
	return list
}

// sitemap reads Hugo's sitemap options.
func (d *decoder) sitemap(f field) Sitemap {
	var sm Sitemap
	for _, o := range d.options(f, "disable, changefreq and priority") {
		switch strings.ToLower(o.key) {
		case "disable":
			sm.Disable = d.boolean(o)
		case "changefreq":
			switch v := strings.ToLower(d.text(o)); v {
			case "always", "hourly", "daily", "weekly", "monthly", "yearly", "never":
				sm.ChangeFreq = v
			default:
				d.problem(o.val.line, o.val.col, "write one of always, hourly, daily, weekly, monthly, yearly or never",
					"sitemap changefreq %q is not one search engines know", v)
			}
		case "priority":
			p, ok := d.fraction(o)
			if !ok || p < 0 || p > 1 {
				d.problem(o.val.line, o.val.col, "write a number from 0.0 to 1.0, e.g. "+d.example("priority", "0.8"),
					"sitemap priority must be a number from 0.0 to 1.0, got %s", o.val.describe())
				continue
			}
			sm.Priority = &p
		default:
			d.problem(o.line, o.col, unknownKeyHint(o.key, []string{"disable", "changefreq", "priority"}, ""), "unknown sitemap key %q", o.key)
		}
	}
	return sm
}

// options are the fields of a group of keys such as build or sitemap;
// anything else is a problem naming the keys it takes.
func (d *decoder) options(f field, keys string) []field {
	switch f.val.kind {
	case kindNull:
		return nil
	case kindMap:
		return f.val.fields
	}
	d.problem(f.val.line, f.val.col, fmt.Sprintf("give %s as a group of keys (%s), one per line, indented", f.key, keys),
		"%q must be a group of keys, got %s", f.key, f.val.describe())
	return nil
}

// fraction reads a number, whole or not.
func (d *decoder) fraction(f field) (float64, bool) {
	switch n := f.val.scalar.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	}
	return 0, false
}

// urlPath refuses a url or alias that could not be a path on a web
// server: backslashes (a Windows path) or invisible control characters.
// It returns "" for a refused one.
func (d *decoder) urlPath(key string, v *value, s string) string {
	raw := s
	if strings.Contains(s, "%") {
		// "/%D0%BD%D0%BE/", an old address copied from a browser: servers
		// decode it before they look for the file, so the file is named
		// with the letters themselves ("%2e%2e" would be a folder no one
		// reaches; decoded, "..", it is resolved like any other). The
		// checks below read the decoded path: %2F%2F is // and %23 is #.
		dec, err := url.PathUnescape(s)
		if err != nil {
			d.problem(v.line, v.col, "write the letters themselves, e.g. "+d.example(key, "/новости/")+", or %25 for a % sign",
				"%q is %q: a %% there must start a %%-code of two hex digits", key, raw)
			return ""
		}
		s = dec
	}
	if strings.Contains(s, `\`) {
		d.problem(v.line, v.col, "use / between folders, e.g. "+d.example(key, "/campaign/letter/"),
			"%q must use / between folders, not \\: %q", key, raw)
		return ""
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		d.problem(v.line, v.col, "retype the address; it holds a character you cannot see (such as a tab)",
			"%q contains a control character: %q", key, raw)
		return ""
	}
	if strings.IndexFunc(s, invisible) >= 0 {
		d.problem(v.line, v.col, "", "%q contains an invisible character: %q", key, raw)
		return ""
	}
	if strings.HasPrefix(strings.TrimSpace(s), "//") {
		d.problem(v.line, v.col, "write the path on this site, e.g. "+d.example(key, "/campaign/letter/"),
			"%q is %q: an address that starts with // is another site's", key, raw)
		return ""
	}
	if strings.Contains(s, "#") {
		d.problem(v.line, v.col, "leave out the # and what follows it: browsers keep that part to themselves and never ask the server for it",
			"%q is %q: no one could reach an address with a # in it", key, raw)
		return ""
	}
	return s
}

// prose returns s, the text of a title, description or summary, and warns
// when YAML read the end of the line as a comment: in prose a " #" is
// meant as text ("the #1 story"), and the page would lose it silently.
func (d *decoder) prose(f field, s string) string {
	if i := strings.IndexAny(s, "\u202d\u202e"); i >= 0 {
		// A bidirectional override shows the text after it reversed, in
		// the page, its tab, lists and feeds (see markdown's bidi.go).
		d.meta.Warnings = append(d.meta.Warnings, problem.Problem{
			File: d.file, Line: f.val.line, Col: f.val.col,
			Message: fmt.Sprintf("the %s holds an invisible character (U+%04X, a direction override) that shows the text after it reversed", f.key, []rune(s[i:])[0]),
			Hint:    "readers would see something other than what is written; since it cannot be seen, delete the words around it and type them again",
		})
	}
	if f.val.comment == "" || f.val.kind != kindScalar {
		return s
	}
	whole := s + " " + f.val.comment
	d.meta.Warnings = append(d.meta.Warnings, problem.Problem{
		File: d.file, Line: f.val.line, Col: f.val.col,
		Message: fmt.Sprintf("the %s is %q: the text after \" #\" is a comment, left out of the page", f.key, s),
		Hint: fmt.Sprintf("if it belongs to the %s, put the whole %s in double quotes to keep the #: %s; if it is a note for editors, nothing is wrong",
			f.key, f.key, d.example(f.key, strconv.Quote(whole))),
	})
	return s
}

// visibleHint is hint, unless the value holds an invisible character:
// then "true" looks right on the screen and only the character is wrong.
func visibleHint(v *value, hint string) string {
	if h := invisibleHint(v.text); h != "" {
		return h
	}
	return hint
}

// title is text that must not be blank. "title:" with nothing after it is
// an editor who meant to write one; left unset it would publish a page
// listed as a blank link in its section, feeds and menus.
func (d *decoder) title(f field) string {
	t := d.text(f)
	if strings.TrimSpace(t) == "" && (f.val.kind == kindNull || f.val.kind == kindScalar) {
		hint := "write the page's title after " + strings.TrimSpace(d.example(f.key, "")) + ", or remove the line to use the file name"
		if f.val.comment != "" {
			hint = "YAML reads text after \" #\" as a comment; put the whole title in double quotes to keep the #: " +
				d.example(f.key, strconv.Quote(strings.TrimSpace(t+" "+f.val.comment)))
		}
		d.problem(f.line, f.col, hint, "title is empty")
	}
	return t
}

// text accepts any single value, as written: "title: 1984" is a fine title.
func (d *decoder) text(f field) string {
	return d.textValue(f.key, f.val)
}

func (d *decoder) textValue(key string, v *value) string {
	switch v.kind {
	case kindNull:
		return ""
	case kindScalar:
		if s, ok := v.scalar.(string); ok {
			return s
		}
		return v.text
	}
	d.problem(v.line, v.col, "put the whole value in quotes, e.g. "+d.example(key, `"[draft] My page"`),
		"%q must be text, got %s", key, v.describe())
	return ""
}

func (d *decoder) integer(key string, v *value) int {
	switch n := v.scalar.(type) {
	case nil:
		if v.kind == kindNull {
			return 0
		}
	case int64:
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int(n)
		}
		d.problem(v.line, v.col, "use a smaller number", "%q is too large: %d", key, n)
		return 0
	}
	hint := "write a whole number, e.g. " + d.example(key, "10")
	if v.quoted {
		hint = "remove the quotes: " + d.example(key, v.text)
	}
	d.problem(v.line, v.col, visibleHint(v, hint), "%q must be a whole number, got %s", key, v.describe())
	return 0
}

// boolean refuses "true" in quotes and YAML 1.1's yes/no/on/off: guessing
// wrong could publish a draft.
func (d *decoder) boolean(f field) bool {
	v := f.val
	switch b := v.scalar.(type) {
	case bool:
		return b
	case nil:
		if v.kind == kindNull {
			return false
		}
	}
	hint := "write true or false, e.g. " + d.example(f.key, "true")
	switch strings.ToLower(v.text) {
	case "true", "false":
		if v.quoted {
			hint = "remove the quotes: " + d.example(f.key, strings.ToLower(v.text))
		}
	case "yes", "no", "on", "off", "y", "n":
		hint = "write true or false; " + v.text + " is read as text, not as yes or no"
	}
	d.problem(v.line, v.col, visibleHint(v, hint), "%q must be true or false, got %s", f.key, v.describe())
	return false
}

func (d *decoder) date(f field) time.Time {
	v := f.val
	switch x := v.scalar.(type) {
	case time.Time:
		return x
	case string:
		t, err := parseDate(x)
		if err == nil {
			return t
		}
		d.problem(v.line, v.col, visibleHint(v, dateHint(f.key, d.format)), "%q %v", f.key, err)
		return time.Time{}
	case nil:
		if v.kind == kindNull {
			return time.Time{}
		}
	}
	d.problem(v.line, v.col, dateHint(f.key, d.format), "%q must be a date, got %s", f.key, v.describe())
	return time.Time{}
}

// list accepts one value or a list of them: "tags: news" is one tag.
func (d *decoder) list(f field) []string {
	v := f.val
	switch v.kind {
	case kindNull:
		return nil
	case kindScalar:
		return []string{d.textValue(f.key, v)}
	case kindList:
		out := make([]string, 0, len(v.items))
		for _, it := range v.items {
			if it.kind == kindNull {
				continue
			}
			out = append(out, d.textValue(f.key, it))
		}
		return out
	}
	d.problem(v.line, v.col, "write a list, e.g. "+d.example(f.key, "[news, zhanaozen]"),
		"%q must be a list, got %s", f.key, v.describe())
	return nil
}

func (d *decoder) terms(plural string, f field) {
	// Quotes say the text is one term ("Washington, D.C."), as in Hugo;
	// TOML's strings always have them, so only plain YAML text is taken
	// for a list written without its brackets.
	if s, ok := f.val.scalar.(string); ok && f.val.kind == kindScalar && !f.val.quoted && d.format == formatYAML && strings.Contains(s, ",") {
		// Not d.problem: the list is the fix even when the text holds a
		// non-breaking space, which the list leaves out.
		d.probs = append(d.probs, problem.Problem{File: d.file, Line: f.val.line, Col: f.val.col,
			Message: fmt.Sprintf("%s is one text, %q, not a list", f.key, s),
			Hint: "write it as a list: " + d.example(f.key, d.listOf(strings.Split(s, ","))) +
				"; or, if it is one, in quotes: " + d.example(f.key, strconv.Quote(s))})
		return
	}
	terms := d.list(f)
	if d.meta.Terms == nil {
		d.meta.Terms = map[string][]string{}
	}
	d.meta.Terms[plural] = terms
}

// listOf writes items as a list the way the page's format does: YAML
// leaves plain words unquoted, TOML and JSON quote every one.
func (d *decoder) listOf(items []string) string {
	var out []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		out = append(out, d.word(it))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func (d *decoder) params(f field) map[string]any {
	v := f.val
	switch v.kind {
	case kindNull:
		return nil
	case kindMap:
		for _, k := range v.fields {
			d.meta.Lines["params."+k.key] = k.line
		}
		return v.toAny().(map[string]any)
	}
	d.problem(v.line, v.col, "put the page's own settings under params, one per line, indented",
		"%q must be a group of keys, got %s", f.key, v.describe())
	return nil
}

var menuEntryKeys = []string{"name", "weight", "identifier", "parent"}

// menus accepts Hugo's three forms: "menu: main", "menu: [main, footer]"
// and a map of menu name to entry.
func (d *decoder) menus(f field) map[string]MenuEntry {
	v := f.val
	out := map[string]MenuEntry{}
	switch v.kind {
	case kindNull:
		return nil
	case kindScalar, kindList:
		for _, name := range d.list(f) {
			out[name] = MenuEntry{}
		}
		d.invisibleMenuNames(v)
	case kindMap:
		for _, m := range v.fields {
			out[m.key] = d.menuEntry(m)
		}
	}
	return out
}

// invisibleMenuNames reports a menu named in a list with an invisible
// character ("- main:" and a non-breaking space, valid YAML for a menu
// called "main: x"), which no menu of the site is called.
func (d *decoder) invisibleMenuNames(v *value) {
	items := v.items
	if v.kind == kindScalar {
		items = []*value{v}
	}
	for _, it := range items {
		if it.kind == kindScalar && strings.IndexFunc(it.text, invisible) >= 0 {
			d.problem(it.line, it.col, "", "the menu name %q holds an invisible character", it.text)
		}
	}
}

func (d *decoder) menuEntry(m field) MenuEntry {
	var e MenuEntry
	switch m.val.kind {
	case kindNull:
		return e
	case kindMap:
	default:
		d.problem(m.val.line, m.val.col, "give the entry as name, weight, identifier and parent, one per line, indented",
			"menu %q must be a group of keys, got %s", m.key, m.val.describe())
		return e
	}
	for _, f := range m.val.fields {
		switch strings.ToLower(f.key) {
		case "name":
			e.Name = d.text(f)
		case "weight":
			e.Weight = d.integer(f.key, f.val)
		case "identifier":
			e.Identifier = d.text(f)
		case "parent":
			e.Parent = d.text(f)
		default:
			if !d.menuEntryHugoKey(f) {
				d.problem(f.line, f.col, unknownKeyHint(f.key, menuEntryKeys, ""), "unknown menu entry key %q", f.key)
			}
		}
	}
	return e
}
