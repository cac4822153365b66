package markdown

import (
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Options are the site-wide settings that change how markdown renders.
// The zero value is the safe default.
type Options struct {
	// UnsafeHTML keeps raw HTML from markdown in the output. Off by default:
	// campaign content is edited by many hands and raw HTML is how script
	// gets in. site.toml: [markup] unsafe = true.
	UnsafeHTML bool
	// AnchorLabel is the aria-label of the "#" link after each heading, in
	// the page's language; "" means "Link to this section".
	AnchorLabel string
	// NoHeadingAnchors leaves out the "#" link after each heading, for a
	// theme that writes its own. site.toml: [markup] headingAnchors = false.
	NoHeadingAnchors bool
	// MaxCodeBytes is the largest fenced code block that is highlighted;
	// larger blocks render as plain escaped code. 0 means 64 KiB.
	MaxCodeBytes int
	// ReservedIDs are the ids the site's layouts give elements of every
	// page ("main", the skip link's target): a heading gets another
	// ("main-1"), and an explicit {#main} is a problem, as two elements
	// with one id break the skip link and the heading's anchor.
	ReservedIDs []string
}

// Context is what one Convert call needs to know about the page it renders.
type Context struct {
	// File is the source's slash path from the site root, for problems.
	File string
	// LineOffset is the number of lines before the markdown body in File
	// (the front matter), added to every line a problem reports.
	LineOffset int
	// ResolveLink maps the path of a relative link or image destination
	// (percent-decoded, without #fragment or ?query): a .md file, a page's
	// folder, an image or other file ("../zhanaozen/clashes.md",
	// "photo.png"); root-relative only when it names a .md file. It returns
	// the root-relative URL to write ("/zhanaozen/clashes/") and, when the
	// path names a page, that page's source path
	// ("content/zhanaozen/clashes.md"). ok false is a problem.
	// Nil: only .md links are known to name a source, and they fail; other
	// relative links are written as they are.
	ResolveLink func(dest string) (url, target string, ok bool)
	// Suggest names the source file a missing link's path may have meant
	// ("content/people/kozlov/index.md" for ".../Kozlov/index.md": the
	// same but for the case of its letters), or "". Nil: no suggestions.
	Suggest func(path string) string
	// Unpublished says why the page a relative link path names, one
	// ResolveLink found nothing at (as ResolveLink takes it:
	// "../zhanaozen/x.md", "../x/"), is left out of this build ("a draft
	// (draft: true)"), or "" when it names no page left out. Nil: links
	// to such pages say only that there is no page.
	Unpublished func(dest string) string
	// OtherLanguage gives the language code of the page a link leads to
	// (its source path, as ResolveLink gives it, or a site address such
	// as "/ru/complaint/") when that is not this page's language, else "".
	// The link then gets hreflang, so readers' tools and search engines
	// know it leads to, say, a Russian page. Nil: no link gets one.
	OtherLanguage func(target string) string
	// ResolveRef gives the address of the page a Hugo ref or relref names
	// (the path without #fragment: "first", "posts/first.md", "/about"),
	// found by Hugo's rules, which are looser than a link's. An error with
	// a Hint() string method is the problem at the call. Nil: the path is
	// written as a link's, and resolved as one.
	ResolveRef func(path string) (url string, err error)
	// HasShortcode reports whether the site has a template for a
	// shortcode; the built-in ref and relref give way to one of the same
	// name. Nil: none has.
	HasShortcode func(name string) bool
	// Shortcode renders one shortcode call. Nil means every shortcode is
	// unknown. An error with a Hint() string method is reported with its
	// own message and that hint; any other error is reported as
	// `shortcode "name": error` with a generic hint.
	Shortcode func(call Shortcode) (html string, err error)
}

// Shortcode is one `{{< name args >}}inner{{< /name >}}` call in a page.
type Shortcode struct {
	Name       string
	Named      map[string]string // key="value" arguments
	Positional []string          // "value" arguments, in order
	Inner      string            // HTML of what is between the tags, "" when self-closing: see Markdown
	HasInner   bool              // the call had a closing tag
	SelfClosed bool              // the call ended with />}}: no inner, as a call of a template that wants one (Hugo's .Inner is then "")
	Markdown   bool              // {{% %}} form: Inner is the markdown rendered; {{< >}}: the text escaped, nested calls' HTML as is
	Line       int               // line in File where the call starts (LineOffset already added)
	Column     int               // column of the call's "{{", from 1, in characters
	Indent     string            // the spaces and tabs before the call when nothing else is before it on its line
	ID         int               // the call's number, unique in one Convert: a call's Parent has the ID it runs with
	Ordinal    int               // the call's index, from 0, among the calls written directly in its Parent (in the page when it has none): Hugo's .Ordinal
	Parent     *Shortcode        // the call this one is written in, nil for none; its Inner is not made yet, as calls run innermost first
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int    // 1-6
	ID    string // the element id, unique within the page
	Text  string // plain text of the heading
}

// Link is one internal link found in a page, for checking once every page
// has rendered (an anchor can only be checked against the target's Result).
type Link struct {
	Target   string // source path of the linked page ("content/a/b.md"; File itself for "#x"), or a site address as written ("/zhanaozen/", percent-decoded)
	Fragment string // "" or the anchor without '#'
	Line     int    // line in File (LineOffset added)
}

// Result is one converted page.
type Result struct {
	HTML      string    // body HTML
	Summary   string    // HTML of the part before <!--more-->, or of the first paragraph
	Truncated bool      // the body holds more than Summary
	TOC       []Heading // headings in document order
	Anchors   []string  // every id in HTML (headings, footnotes, explicit {#id}), sorted
	Links     []Link    // links to other pages, in document order
	WordCount int       // words of plain text
	// Warnings are what the page loses without being wrong: raw HTML
	// left out (see rawhtml.go), images without alt text (alt.go),
	// brackets that may be a link left as text (brackets.go). The page
	// is still published.
	Warnings []problem.Problem
}

// Problems is the problem list Convert returns; an alias so callers need
// not import package problem for it.
type Problems = []problem.Problem
