package layout

import (
	"regexp"
	"strings"
)

// crossoriginRE is a crossorigin attribute written in a template. A page
// loads nothing from other sites (a load from one is a problem of its
// own), so it always stands on a file of the site, which it makes the
// browser fetch in CORS mode: a saved copy opened from the disk (file://)
// then gets no stylesheet or script at all, as PaperMod's
// <link crossorigin="anonymous" rel="preload stylesheet"> did.
var crossoriginRE = regexp.MustCompile(`(?i)<[a-z][^<>]*\scrossorigin(\s*=|[\s>/])`)

// crossoriginLine is the line of the first crossorigin attribute of a tag
// in src, or 0.
func crossoriginLine(src string) int {
	loc := crossoriginRE.FindStringSubmatchIndex(src)
	if loc == nil {
		return 0
	}
	at := loc[0] + strings.LastIndex(src[loc[0]:loc[2]], "crossorigin") // the attribute, not its tag's start
	return 1 + strings.Count(src[:at], "\n")
}

// firstLine is the line of re's first match in src, or 0.
func firstLine(re *regexp.Regexp, src string) int {
	loc := re.FindStringIndex(src)
	if loc == nil {
		return 0
	}
	return 1 + strings.Count(src[:loc[0]+1], "\n")
}
