package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/markdown"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// leftOut are Hugo's shortcodes that samizdat leaves out on purpose, each
// with what it would have loaded and the text of a link to it: they put
// another site into the page, which then learns who reads it, and which
// readers' networks may block or watch.
var leftOut = map[string]leftOutShortcode{
	"youtube": video("a YouTube video"), "youtube_simple": video("a YouTube video"),
	"vimeo": video("a Vimeo video"), "vimeo_simple": video("a Vimeo video"),
	"x": post("a post on X"), "x_simple": post("a post on X"),
	"twitter": post("a post on X"), "twitter_simple": post("a post on X"), "tweet": post("a post on X"),
	"instagram": {"an Instagram post", "See the post"}, "instagram_simple": {"an Instagram post", "See the post"},
	"gist":        {"a GitHub gist", "See the code"},
	"speakerdeck": {"a Speaker Deck presentation", "See the slides"},
}

// leftOutShortcode is what one of leftOut loads, and the text of a link
// that takes its place.
type leftOutShortcode struct{ what, link string }

func video(what string) leftOutShortcode { return leftOutShortcode{what, "Watch the video"} }
func post(what string) leftOutShortcode  { return leftOutShortcode{what, "Read the post"} }

// insteadOf are Hugo's other built-in shortcodes samizdat does not have,
// each with what to write instead: a site moved from Hugo calls them, and
// "did you mean" among the site's own names would send its editors the
// wrong way.
var insteadOf = map[string]string{
	"highlight": "write the code as a fenced block, ``` then the language (```go), the code, and ``` on a line of its own: samizdat highlights it",
	"param": "write the value itself, or add layouts/shortcodes/param.html holding {{ .Page.Param (.Get 0) }}, " +
		"which shows the page's value of that name, else the site's, as Hugo's does",
	"qr":      "make the QR code picture once, put it beside the page and show it as a picture: ![QR code for the petition](qr.png)",
	"comment": "write a note for editors as an HTML comment, <!-- like this -->: it is not published and not warned about",
}

// unknownShortcode is the problem of a call of a shortcode the site has
// no template for and samizdat does not have: what it is, if it is one of
// Hugo's left out, or else the name meant, among the site's shortcodes
// (site) and the built-ins.
func unknownShortcode(name string, site []string) error {
	msg := fmt.Sprintf("unknown shortcode %q", name)
	if l, ok := leftOut[name]; ok {
		return &callMistake{msg: msg, hint: fmt.Sprintf("samizdat leaves out Hugo's %s shortcode on purpose: it loads %s from another site "+
			"into the page, and that site then sees who reads it (a reader's network may also block or watch it); "+
			"link to it instead, such as [%s](https://…), or put a picture of it beside the page with a link", name, l.what, l.link)}
	}
	if instead, ok := insteadOf[name]; ok {
		return &callMistake{msg: msg, hint: fmt.Sprintf("samizdat does not have Hugo's %s shortcode; %s", name, instead)}
	}
	// A site's figure.html and the built-in figure are one shortcode.
	known := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(site), markdown.Builtins...))))
	hint := "the shortcodes of this site are: " + strings.Join(known, ", ") + "; check the spelling"
	if near, ok := problem.Nearest(name, known); ok {
		hint = fmt.Sprintf("did you mean %s? %s", near, hint)
	}
	return &callMistake{msg: msg, hint: hint + "; to show the tag itself as text, write {{</* " + name + " */>}}"}
}
