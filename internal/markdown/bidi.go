package markdown

import (
	"bytes"
	"fmt"
)

// Bidirectional overrides (U+202D LEFT-TO-RIGHT OVERRIDE, U+202E
// RIGHT-TO-LEFT OVERRIDE) make text after them show in the other
// direction: "[photo‮gpj.exe](…)" shows as "photoexe.jpg", and the same
// trick hides what a line of code does. Text pasted from elsewhere rarely
// means to hold one; Russian and Kazakh never need one, and mixed
// right-to-left text is handled by the isolates (U+2066-U+2069), which
// are not flagged.
var overrides = [...]struct {
	utf8 []byte
	name string
}{
	{[]byte("\u202e"), "a right-to-left override (U+202E)"},
	{[]byte("\u202d"), "a left-to-right override (U+202D)"},
}

// overrideWarning warns, once per page, at the first override in src,
// the page body as written.
func (p *page) overrideWarning(src []byte) {
	first, name := -1, ""
	for _, o := range overrides {
		if i := bytes.Index(src, o.utf8); i >= 0 && (first < 0 || i < first) {
			first, name = i, o.name
		}
	}
	if first < 0 {
		return
	}
	line := 1 + bytes.Count(src[:first], []byte("\n"))
	p.warn(line, fmt.Sprintf("the text holds %s, an invisible character that shows the text after it reversed", name),
		"readers would see something other than what is written (a file name or an address can be made to look like another); "+
			"since it cannot be seen, delete the words around it and type them again")
}
