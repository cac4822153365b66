// Package config reads site.toml into a typed Config.
//
// Decoding is strict: a key Config does not know is a problem at
// site.toml:line naming the nearest known key, a value of the wrong type is
// a problem at its line, and values that parse but cannot work (a relative
// baseURL, a negative page size) are problems too. Defaults are applied in
// one place, Default, and a missing site.toml is the default site.
//
// Hugo's configuration files (hugo.toml, config.yaml, each file under
// config/_default/ or another environment's folder) are never read, and
// never passed over without a word: in a site without site.toml each is
// a problem, beside site.toml a warning in Config.Warnings; each says
// where its settings go in site.toml.
//
// Keys are matched case-insensitively, as Hugo matches them ("baseurl"
// is "baseURL").
package config

import (
	"sort"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// File is the name of the site configuration at the root of the source tree.
const File = "site.toml"

// Config is the site's configuration. It is a plain value: Load returns a
// fresh one each time, and callers that change its maps change only their
// copy's maps, which they own.
type Config struct {
	// BaseURL is the absolute http(s) URL the site is published at, with
	// any sub-path ("https://example.org/sub/"). It is used only where a
	// URL must be absolute (canonical links, feeds, sitemap, share cards);
	// navigation is page-relative. Empty means those absolute URLs are left
	// out.
	BaseURL string `toml:"baseURL"`
	// Title is the site's name, shown in page titles and feeds.
	Title string `toml:"title"`
	// Description is the site's one-line summary for feeds and share cards.
	Description string `toml:"description"`
	// LanguageCode is the BCP 47 tag of the default language ("en", "ru",
	// "kk"); it goes into <html lang> and feeds. Default "en".
	LanguageCode string `toml:"languageCode"`
	// Copyright is the notice templates print in the footer and feeds.
	Copyright string `toml:"copyright"`
	// Paginate is the number of pages per list page. Default 10.
	Paginate int `toml:"paginate"`
	// BudgetKB is the page weight budget in KiB (its HTML, CSS, JS and
	// fonts) that `samizdat check` holds each page to. Default 30.
	BudgetKB int `toml:"budgetKB"`
	// ImageBudgetKB is the most the pictures a page shows may weigh, in
	// KiB, as a phone loads them (the copies srcsets offer it), that
	// `samizdat check` holds each page to. Default 250: what a phone on a
	// slow 3G connection loads in about five seconds.
	ImageBudgetKB int `toml:"imageBudgetKB"`
	// Mirrors are other addresses the site is published at, listed on the
	// site so readers can find it when one is blocked.
	Mirrors []Mirror `toml:"mirrors"`
	// Onion is the site's onion service address ("http://xyz….onion/"),
	// or "".
	Onion string `toml:"onion"`

	// Params is the free-form [params] table, passed to templates as is:
	// strings, int64, float64, bool, time values, []any and map[string]any.
	Params map[string]any `toml:"params"`
	// Taxonomies maps each taxonomy's singular name to its plural, which is
	// its front matter key and URL section ("tag" -> "tags"). Nil means the
	// default {tag = "tags"}; an empty [taxonomies] table means none.
	Taxonomies map[string]string `toml:"taxonomies"`
	// Menus maps a menu name ("main") to its entries as written in
	// [[menus.main]]; pages add themselves through front matter.
	Menus map[string][]MenuEntry `toml:"menus"`
	// Markup configures markdown rendering.
	Markup Markup `toml:"markup"`
	// Output configures how the built files are finished for deployment.
	Output Output `toml:"output"`
	// Search configures the site search that works offline (package search).
	Search Search `toml:"search"`
	// Images configures what the build adds to the <img> of pages: sizes,
	// lazy loading and smaller copies for small screens (package publish).
	Images Images `toml:"images"`
	// Languages maps a language code ("ru", "kk") to how the site presents
	// it. Empty means a single-language site in LanguageCode.
	Languages map[string]Language `toml:"languages"`
	// Related configures templates' .Related, as Hugo's [related] does
	// (related.go).
	Related Related `toml:"related"`

	// Warnings are what the site loses without its settings being wrong,
	// set by Load: Hugo's configuration files beside site.toml, which are
	// not read. They do not stop the build; the caller prints them.
	Warnings []problem.Problem `toml:"-"`
}

// MenuEntry is one [[menus.<name>]] entry.
type MenuEntry struct {
	// Name is the link text.
	Name string `toml:"name"`
	// URL is a link to anywhere ("https://…" or "/donate/"); use PageRef for
	// pages of this site so the link follows the page when it moves.
	URL string `toml:"url"`
	// PageRef is a content path ("zhanaozen/_index.md"), resolved to the
	// page's URL by the build.
	PageRef string `toml:"pageRef"`
	// Weight orders entries, lightest first; ties go by name.
	Weight int `toml:"weight"`
	// Line is the entry's pageRef or url line in site.toml (its
	// [[menus.…]] line without one), for problems; 0 when unknown.
	Line int `toml:"-"`
	// Identifier names the entry for Parent references; default Name.
	Identifier string `toml:"identifier"`
	// Parent is the Identifier of the entry this one nests under.
	Parent string `toml:"parent"`
}

// Output is the [output] table. Both switches are on unless set to false.
type Output struct {
	// Minify shrinks HTML, CSS, JS, SVG, JSON and XML. Nil means on.
	Minify *bool `toml:"minify"`
	// Fingerprint puts a content hash in the names of CSS and JS files and
	// adds Subresource Integrity, so hosts can cache them forever. Nil means
	// on for `build`; `serve` leaves it off so a stylesheet can be swapped
	// without a reload.
	Fingerprint *bool `toml:"fingerprint"`
}

// On reports a switch that defaults to on.
func On(b *bool) bool { return b == nil || *b }

// Images is the [images] table. Defaults are set by WithDefaults.
type Images struct {
	// Resize writes smaller copies of each local JPEG and PNG a page shows
	// and lists them in the <img>'s srcset, so a phone loads a copy about
	// as wide as its screen. Nil means on: campaign readers are mostly on
	// phones and metered networks, and the cost is build time only.
	Resize *bool `toml:"resize"`
	// Widths are the widths in pixels of the copies; only those narrower
	// than the original are made. Default 480, 960, 1600.
	Widths []int `toml:"widths"`
	// Sizes is the sizes attribute written beside the srcset: how wide the
	// image is shown, for the browser to pick a copy before it has the
	// CSS. Default fits the campaign layout's 40rem text column.
	Sizes string `toml:"sizes"`
	// Quality is the JPEG quality of the copies, 1 to 100. Default 80.
	Quality int `toml:"quality"`
}

// Image defaults: see Images.
var (
	defaultImageWidths = []int{480, 960, 1600}
)

const (
	// DefaultImageSizes follows static/css/site.css: the text column is
	// --measure (42rem) wide with 1rem of padding each side, so an image
	// is the screen's width below 42rem and 40rem wide above.
	DefaultImageSizes   = "(max-width: 42rem) 100vw, 40rem"
	defaultImageQuality = 80
)

// Markup is the [markup] table.
type Markup struct {
	// Unsafe lets raw HTML in markdown through to the page. Off by default:
	// content comes from many editors and raw HTML can carry scripts.
	Unsafe bool `toml:"unsafe"`
	// MaxCodeBytes caps the size of a code block that is syntax
	// highlighted; larger blocks are shown plain. 0 means the markdown
	// package's own limit.
	MaxCodeBytes int `toml:"maxCodeBytes"`
	// HeadingAnchors writes a "#" link after each heading of a page's
	// content. Nil means on; false leaves them to a theme that adds its
	// own (PaperMod's anchored_headings, a heading render hook's output
	// written by hand), which would otherwise show two.
	HeadingAnchors *bool `toml:"headingAnchors"`
}

// Search is the [search] table.
type Search struct {
	// Enabled writes each language's search index (search-index.js) and
	// the script that reads it (search.js). Off by default: a site whose
	// layouts have no search page would publish them for nothing.
	Enabled bool `toml:"enabled"`
}

// Mirror is one other address of the site.
type Mirror struct {
	Name string `toml:"name"` // shown to readers ("IPFS", "Mirror in NL")
	URL  string `toml:"url"`  // absolute URL, any scheme (https, ipfs, …)
}

// Language is one [languages.<code>] table.
type Language struct {
	// Name is the language's own name for the language switcher ("Русский").
	Name string `toml:"name"`
	// Weight orders languages in the switcher, lightest first; ties go by
	// code.
	Weight int `toml:"weight"`
	// DateFormat is a Go time layout for dates shown in this language
	// ("2 January 2006"); empty means the templates' default.
	DateFormat string `toml:"dateFormat"`
	// Title and Description replace the site's in this language.
	Title       string `toml:"title"`
	Description string `toml:"description"`
	// Menus replace the site's menus in this language, so their names can
	// be translated; nil means the site's menus, with each pageRef pointing
	// at the page's translation where there is one.
	Menus map[string][]MenuEntry `toml:"menus"`
	// Params are the language's own [languages.<code>.params]: in this
	// language, .Site.Params holds them over the site's [params].
	Params map[string]any `toml:"params"`
	// Direction is Hugo's languageDirection, "rtl" or "ltr", which themes
	// write into <html dir>; empty, as in Hugo, when the site does not say.
	Direction string `toml:"languageDirection"`
	// Fallback is the language whose pages stand in for this language's
	// untranslated ones, where a page or menu looks one up (GetPage): a
	// Kazakh reader may read Russian better than the default English.
	// Empty means the default language.
	Fallback string `toml:"fallback"`
}

// LanguageCodes returns the site's languages in switcher order: the
// default language (LanguageCode) first, then the others by weight and
// code. A site without [languages] has just its LanguageCode.
func (c Config) LanguageCodes() []string {
	def := c.LanguageCode
	if def == "" {
		def = "en"
	}
	codes := []string{def}
	var others []string
	for code := range c.Languages {
		if code != def {
			others = append(others, code)
		}
	}
	sort.Slice(others, func(i, j int) bool {
		a, b := c.Languages[others[i]], c.Languages[others[j]]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return others[i] < others[j]
	})
	return append(codes, others...)
}

// Default returns the configuration of a site without site.toml. It is
// the one place defaults live.
func Default() Config {
	return Config{}.WithDefaults()
}

// WithDefaults returns c with every unset setting given its default. Load
// and Parse call it; code that builds a Config by hand (tests) should too.
func (c Config) WithDefaults() Config {
	if c.LanguageCode == "" {
		c.LanguageCode = "en"
	}
	if c.Paginate == 0 {
		c.Paginate = 10
	}
	if c.ImageBudgetKB == 0 {
		c.ImageBudgetKB = 250
	}
	if c.BudgetKB == 0 {
		c.BudgetKB = 30
	}
	if c.Taxonomies == nil {
		c.Taxonomies = map[string]string{"tag": "tags"}
	}
	if c.Images.Widths == nil {
		c.Images.Widths = append([]int(nil), defaultImageWidths...)
	}
	if c.Images.Sizes == "" {
		c.Images.Sizes = DefaultImageSizes
	}
	if c.Images.Quality == 0 {
		c.Images.Quality = defaultImageQuality
	}
	c.Related = c.Related.withDefaults(c.Taxonomies)
	return c
}

// TaxonomyPlurals returns the plural taxonomy names, sorted: the front
// matter keys that hold a page's terms.
func (c Config) TaxonomyPlurals() []string {
	taxonomies := c.WithDefaults().Taxonomies
	out := make([]string, 0, len(taxonomies))
	for _, plural := range taxonomies {
		out = append(out, plural)
	}
	sort.Strings(out)
	return out
}
