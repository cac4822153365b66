// Package markdown is THE goldmark setup of samizdat: one constructor,
// New, configures every extension, and Convert turns one page's markdown
// into a Result value (HTML, summary, table of contents, the links and
// anchors it saw, word count) plus the problems it found. It never reads
// files and keeps no state between calls, so one Converter is shared by
// all render workers.
//
// # Markdown
//
// CommonMark plus GFM (tables, ~~strikethrough~~, bare www. and https://
// links, task lists), footnotes ([^1]), typographic quotes and dashes,
// definition lists, and the attribute syntax {#id .class} after a
// heading. Only id and class attributes are kept; any other is dropped
// and reported. Raw HTML is replaced by <!-- raw HTML omitted --> unless
// Options.UnsafeHTML. A table column aligned with |:--|, |--:| or |:-:|
// gives each of its cells the class align-left, align-right or
// align-center, never an inline style, so a strict Content-Security-Policy
// (no style-src 'unsafe-inline') keeps the alignment; the site's
// stylesheet holds the three rules. A non-breaking space (U+00A0, U+202F,
// U+2007, which word processors paste) right after a heading's #s or a
// block quote's >, outside fenced code, counts as a space, so
// "##\u00a0Verdict" is a heading and not the text "## Verdict". After a
// list marker it stays text: "-\u00a0Нет, -\u00a0сказал он." (dialogue),
// "2011.\u00a0In December" and "+\u00a07 727 …" are no lists.
//
// # Heading ids
//
// Every heading gets an id. An explicit {#id} wins. Otherwise the id is
// the heading's plain text, NFC-normalised and lower-cased, with letters,
// digits and combining marks of any script kept and every other run of
// characters turned into one '-', none at the ends, at most 64 runes:
// "Суд над активистами" gives "суд-над-активистами", "Әділет үшін!"
// gives "әділет-үшін". Text with no letter or digit gives "section". A
// repeated id gets -1, -2… ("x", "x-1", "x-2"), skipping ids already
// taken; the same source always gives the same ids. Two equal explicit
// ids are a problem. Each heading ends with an anchor link:
//
//	<h2 id="x">Text <a class="anchor" href="#x" aria-label="Link to this section">#</a></h2>
//
// Result.TOC lists the headings in document order; Result.Anchors is
// every id in the output (headings, explicit ids, footnotes, ids in
// shortcode output), sorted.
//
// # Links
//
// A link or image destination is checked after decoding HTML entities and
// percent-encoding and removing whitespace, control and invisible
// characters. Allowed: relative URLs, #fragments, http:, https:, mailto:.
// Anything else (javascript:, data:, file:, intent:…), and a destination
// that starts with "//" once entities and backslash escapes are resolved
// (another site without a scheme, which the offline copy opens as
// file://host/…), is a problem at file:line and the link renders as its
// text. An image on another site (http:, https: or //host) is a problem
// too, and renders as its alt text: every reader's browser would fetch it
// from that site, which could see who reads the page. An image without alt
// text (![](photo.jpg)) is a warning in Result.Warnings at its line: it
// renders alt="", which screen readers skip as decoration; not inside a
// link with text of its own ([![](logo.png) Amnesty](https://…)), which
// names it. Every relative
// destination ("../zhanaozen/clashes.md#trial", "photo.png", "../people/")
// is resolved through Context.ResolveLink with the percent-decoded path,
// without fragment or query; the output gets the URL plus
// "?query#fragment", and Result.Links records a page target for checking
// the fragment once every page has rendered. One that does not resolve is
// a problem naming the path it looked for, and renders as its text. A
// root-relative destination that names no .md file, and a #fragment alone,
// are written as they are and recorded in Result.Links for the site to
// check. Autolinks are checked for their scheme but never resolved.
//
// A link markdown could not read is published as text, so text left as
// "[…](…)" outside code is a warning at its line, never a problem, as it
// may be prose ("[sic](p. 3)"). The hint puts the part in parentheses in
// angle brackets only when it holds a space and looks like a file or
// address (![Photo](my photo.jpg), which needs <my photo.jpg>), and
// straightens a title in curly quotes ("“Annual report”"). A reference
// link, [text][label], whose label has no definition is a warning too.
//
// # Shortcodes
//
// Hugo syntax, found in the source before markdown is parsed:
//
//	{{< name key="value" other=2 >}}raw inner{{< /name >}}
//	{{< name "positional" `raw string` >}}     (no closing tag: no inner)
//	{{< name />}}                              (self-closing)
//	{{% name %}}markdown inner{{% /name %}}     (inner rendered as markdown first)
//	{{</* name */>}}                           (shown literally as {{< name >}})
//
// Arguments are all named or all positional; values are "quoted" (with
// \" and \\), `raw` or a bare word. A value that starts with a curly
// quote (“ ” „ « ‘ ’, which word processors type for ") is a problem, as
// is a tag whose end lost its delimiter or a brace ("}}", ">}"). Names
// may contain letters, digits, _ - . and /. An opening tag is paired with the nearest later closing
// tag of the same name; an opening tag with no closing tag is a call
// without inner. Shortcodes nest; {{< >}} receives its inner as written,
// with nested calls already replaced by their HTML.
//
// Context.Shortcode renders each call; its HTML is spliced into the
// output as is, also when raw HTML is off (shortcodes are templates the
// site owner wrote, not editor input). A call alone on its lines is a
// block and is never wrapped in <p>. Like Hugo, shortcodes are expanded
// everywhere, inside code too: use the {{</* */>}} form to show one. An
// unterminated tag, a closing tag never opened, bad argument syntax, a
// nil Context.Shortcode or an error from it is a problem at file:line
// with a hint, and the call renders as nothing.
//
// # Code
//
// Fenced code in a known language (the highlighted table) is
// highlighted by chroma with CSS classes, never inline styles, so a
// strict Content-Security-Policy works; ChromaCSS is the stylesheet.
// Other languages, blocks over Options.MaxCodeBytes and blocks holding
// shortcode calls render as plain escaped <pre><code>.
//
// # Summary and words
//
// Result.Summary is the HTML before a <!--more--> line at the top level
// (Truncated is then true), or else the first top-level paragraph
// (Truncated when anything else follows). WordCount counts
// space-separated words of the text, code included, markup and
// shortcode output excluded.
//
// # Limits
//
// A body over MaxBodyBytes, or one past the nesting and density limits
// in guard.go (which make goldmark slow), is a problem and is not
// rendered. NUL bytes become U+FFFD.
package markdown
