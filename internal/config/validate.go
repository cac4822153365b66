package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// validator checks values that decode but cannot work, pointing at the
// line each was written on.
type validator struct {
	lines map[string]int
	probs problem.List
}

func validate(c Config, lines map[string]int) []problem.Problem {
	v := validator{lines: lines}
	v.baseURL(c.BaseURL)
	v.positive("paginate", c.Paginate)
	v.positive("budgetKB", c.BudgetKB)
	v.positive("imageBudgetKB", c.ImageBudgetKB)
	v.positive("markup.maxCodeBytes", c.Markup.MaxCodeBytes)
	v.taxonomies(c.Taxonomies)
	v.menus(c.Menus)
	v.mirrors(c.Mirrors)
	v.onion(c.Onion)
	v.languages(c)
	v.images(c.Images)
	v.related(c.Related, c.WithDefaults().Taxonomies)
	return v.probs
}

// add reports a problem at the line of key path, or of the nearest
// enclosing table written in the file.
func (v *validator) add(path, hint, format string, args ...any) {
	p := strings.ToLower(path)
	line := 0
	for p != "" {
		if l, ok := v.lines[p]; ok {
			line = l
			break
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	v.probs.Addf(File, line, hint, format, args...)
}

func (v *validator) baseURL(s string) {
	if why, hint := CheckBaseURL(s); why != "" {
		v.add("baseURL", hint, "baseURL %s", why)
	}
}

// CheckBaseURL says why s cannot be the address a site is published at,
// and what to write instead; both are "" when it can be. The one rule
// for baseURL in site.toml and for the --base-url flag that overrides it:
// a relative path, a query, a login or another scheme would be pasted
// into every canonical link and feed.
func CheckBaseURL(s string) (why, hint string) {
	if s == "" {
		return "", ""
	}
	if masked, ok := maskLogin(s); ok {
		// Said without the password, which would end up in CI logs too.
		return fmt.Sprintf("%q holds a user name or password, which every feed, the sitemap and robots.txt would publish", masked),
			"remove the user:password@ part; a host that asks for a login gets it from the deploy tool, never from the site"
	}
	u, err := url.Parse(s)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.RawQuery == "" && u.Fragment == "" {
		return "", ""
	}
	return fmt.Sprintf("%q is not an absolute http or https address", s),
		"write the full address the site is published at, e.g. https://example.org/, or leave it empty"
}

// maskLogin finds a login in an address ("https://user:pass@host/") and
// returns the address with the password masked. It reads the address as
// text, not with url.Parse, which gives up on a password holding "/",
// "#", "?" or a space, as generated ones often do, and would then say the
// address is not one, repeating the password.
func maskLogin(s string) (string, bool) {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return "", false
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return "", false
	}
	user, _, hasPass := strings.Cut(rest[:at], ":")
	if strings.ContainsAny(user, "/?#") || (!hasPass && strings.ContainsAny(rest[:at], "/?#")) {
		return "", false // an @ in the path ("/@campaign/"), not a login
	}
	scheme := s[:len(s)-len(rest)]
	if !hasPass {
		return scheme + user + "@" + rest[at+1:], true
	}
	return scheme + user + ":xxxxx@" + rest[at+1:], true
}

// PlaceholderBaseURL reports whether s is an address kept for examples
// and tests (RFC 2606 and 6761: example.org, *.example, *.test,
// localhost), which no reader can reach: share links, canonical links,
// feeds and the sitemap would all point there.
func PlaceholderBaseURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	switch host {
	case "example.org", "example.com", "example.net", "localhost", "127.0.0.1", "::1":
		return true
	}
	for _, tld := range []string{".example.org", ".example.com", ".example.net", ".example", ".test", ".invalid", ".localhost"} {
		if strings.HasSuffix(host, tld) {
			return true
		}
	}
	return false
}

func (v *validator) positive(key string, n int) {
	if n < 0 {
		v.add(key, "use a number of 0 or more", "%q must not be negative, got %d", key, n)
	}
}

func (v *validator) taxonomies(t map[string]string) {
	frontKeys := frontmatter.Known()
	plurals := map[string]string{}
	for _, singular := range sortedKeys(t) {
		plural := t[singular]
		path := "taxonomies." + singular
		switch {
		case singular == "" || plural == "":
			v.add(path, `write it as singular = "plural", e.g. tag = "tags"`, "taxonomy %q needs both a singular and a plural name", singular)
		case contains(frontKeys, plural):
			v.add(path, "choose another plural name", "taxonomy plural %q is already a front matter key", plural)
		case plurals[strings.ToLower(plural)] != "":
			v.add(path, "give each taxonomy its own plural", "taxonomies %q and %q have the same plural %q",
				plurals[strings.ToLower(plural)], singular, plural)
		default:
			plurals[strings.ToLower(plural)] = singular
		}
	}
}

func (v *validator) menus(menus map[string][]MenuEntry) {
	for _, name := range sortedKeys(menus) {
		for i, e := range menus[name] {
			path := fmt.Sprintf("menus.%s.#%d", name, i)
			switch {
			case e.Name == "" && e.PageRef == "": // a page's entry shows its linkTitle, as in Hugo
				v.add(path, `give the entry its link text, e.g. name = "Home" (an entry with pageRef may leave it out: it shows the page's linkTitle, else its title)`,
					"menu %q entry %d has no name", name, i+1)
			case e.URL == "" && e.PageRef == "":
				v.add(path, `link it to a page, e.g. pageRef = "zhanaozen/_index.md", or to an address with url = "…"`,
					"menu %q entry %q links nowhere", name, e.Name)
			case e.URL != "" && e.PageRef != "":
				v.add(path, "keep one of them", "menu %q entry %q has both url and pageRef", name, e.Name)
			}
		}
	}
}

func (v *validator) mirrors(mirrors []Mirror) {
	for i, m := range mirrors {
		u, err := url.Parse(m.URL)
		if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "" && u.Path == "") {
			v.add(fmt.Sprintf("mirrors.#%d", i), `write the full address, e.g. url = "https://mirror.example.net/"`,
				"mirror %d url %q is not an absolute address", i+1, m.URL)
		}
	}
}

func (v *validator) onion(s string) {
	if s == "" {
		return
	}
	raw := s
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err == nil && strings.HasSuffix(u.Hostname(), ".onion") {
		return
	}
	v.add("onion", `write the onion service address, e.g. onion = "http://abc…xyz.onion/"`, "onion %q is not an .onion address", s)
}

var languageCodeRE = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

func (v *validator) languages(c Config) {
	codes := c.LanguageCodes()
	for _, code := range sortedKeys(c.Languages) {
		if !languageCodeRE.MatchString(code) {
			v.add("languages."+code, `name the table after the language code, e.g. [languages.kk]`,
				"%q is not a language code", code)
		}
		if d := c.Languages[code].Direction; d != "" && d != "ltr" && d != "rtl" {
			v.add("languages."+code+".languageDirection", `write languageDirection = "rtl" or "ltr"`,
				"languageDirection %q of language %q is neither rtl nor ltr", d, code)
		}
		if fb := c.Languages[code].Fallback; fb != "" && (fb == code || !slices.Contains(codes, fb)) {
			others := slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c == code })
			v.add("languages."+code+".fallback", fmt.Sprintf("give another language of the site: %s", strings.Join(others, ", ")),
				"fallback %q of language %q is not another language of the site", fb, code)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// images checks the [images] table: copies need a width a screen can
// use, and JPEG quality runs from 1 to 100.
func (v *validator) images(im Images) {
	for _, w := range im.Widths {
		if w < 16 || w > 8192 {
			v.add("images.widths", "use widths in pixels between 16 and 8192, such as widths = [480, 960, 1600]",
				"images.widths: %d is not a width a copy can have", w)
			break
		}
	}
	if im.Quality < 0 || im.Quality > 100 {
		v.add("images.quality", "use a number from 1 to 100; 80 keeps photos sharp at a third of the size",
			"images.quality must be between 1 and 100, got %d", im.Quality)
	}
	if strings.ContainsAny(im.Sizes, "<>\"\n") {
		v.add("images.sizes", `write a sizes attribute value, such as "(max-width: 42rem) 100vw, 40rem"`,
			"images.sizes %q is not a sizes attribute value", im.Sizes)
	}
}
