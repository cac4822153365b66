// Package frontmatter splits a content file into its front matter and body
// and decodes the front matter strictly into Meta: YAML between "---" lines
// or TOML between "+++" lines, Hugo's keys, every unknown key a problem at
// file:line that names the nearest known key, or says in words which
// invisible character (a pasted non-breaking space) makes it unknown, or,
// for a key of Hugo's own that samizdat does not read, what samizdat does
// instead. What a page loses without being wrong, a title cut short by a
// YAML comment, is a warning in Meta.Warnings: the build prints it and
// goes on.
package frontmatter

import (
	"time"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Meta is a page's decoded front matter. Field names follow Hugo's keys so
// campaigners and themes can move over. Every field is optional.
type Meta struct {
	Title       string
	Description string
	Date        time.Time // zero when unset
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Draft       bool
	Weight      int
	Slug        string
	URL         string   // "url": the page's whole URL path, overriding section and slug
	Aliases     []string // old URL paths that redirect here
	Summary     string
	Layout      string
	Type        string
	TOC         bool
	Image       string // share image, relative to the page or the site root
	// TranslationKey links translations whose file names differ.
	TranslationKey string
	// Terms holds the taxonomy keys ("tags", and any declared in site.toml),
	// plural name -> terms as written.
	Terms map[string][]string
	// Params is the free-form "params" map, passed to templates as is.
	Params map[string]any
	// Menus are the menus the page puts itself in ("menu: main" or a map of
	// menu name -> {name, weight, identifier, parent}).
	Menus map[string]MenuEntry
	// MenuValue is the menu key's value as written (a name, a list of
	// names or a map), for templates' .Params.menu: Hugo keeps it there,
	// and themes ask {{ if .Params.menu }} to tell menu pages apart.
	MenuValue any
	// LinkTitle is the shorter title for menus and lists ("linkTitle").
	LinkTitle string
	// List is Hugo's build.list: "always" (the default, written ""),
	// "local" (in its section's lists only) or "never" (published, but in
	// no list, feed, term page or sitemap).
	List string
	// Sitemap is Hugo's sitemap: {disable, changefreq, priority}.
	Sitemap Sitemap
	// Resources are Hugo's resources: names, titles and params for the
	// files beside the page (resources.go).
	Resources []ResourceMeta
	// Warnings are what the page loses without being wrong, such as text
	// after " #" in a title, which YAML reads as a comment. They do not
	// stop the build; the caller prints them.
	Warnings []problem.Problem
	// Lines maps each top-level key as written to its 1-based line in the
	// file, so later stages (an impossible date, a clashing slug) can point
	// at it; and each key of params, one level down and as written, after
	// "params." ("params.Petition"), for a warning about one of the page's
	// own settings.
	Lines map[string]int
}

// Sitemap is how a page appears in the sitemap.
type Sitemap struct {
	Disable    bool     // left out of sitemap.xml
	ChangeFreq string   // "always", "hourly", "daily", "weekly", "monthly", "yearly" or "never"; "" for none
	Priority   *float64 // 0.0 to 1.0; nil for none
}

// MenuEntry is how a page appears in one menu.
type MenuEntry struct {
	Name       string // defaults to the page title
	Weight     int
	Identifier string
	Parent     string
}
