package layout

import (
	"regexp"
	"strings"
)

// callHint is the hint for a shortcode template's error that is not
// about the call's arguments, at pos in the template, or "": a field
// samizdat's shortcode data lacks (Hugo's .Ref, a misspelt .Ordinal)
// gets the hint Hugo's names get in any template (templateProblem's
// hint), and a .Parent of a call written outside any shortcode says
// so. "Check the call's arguments" would send the editor to the page for
// what only the template can change.
func callHint(err error, hint, pos string) string {
	msg := err.Error()
	switch {
	case parentOfNothing.MatchString(msg) && strings.Contains(msg, "nil pointer"):
		return "this call is not written inside another shortcode, so its .Parent is nothing (" + pos + "): write the call between the " +
			"tags of the shortcode it belongs in ({{< tabs >}} … {{< /tabs >}}), or let its template test for one with {{ with .Parent }}"
	case strings.Contains(msg, "can't evaluate field "):
		return hint + " (" + pos + ")"
	}
	return ""
}

// parentOfNothing finds a use of .Parent's fields ("at <.Parent.Name>",
// "at <$.Parent.Scratch.Add>") in text/template's error.
var parentOfNothing = regexp.MustCompile(`at <\$?\.Parent\.`)
