package site

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/samizdat-press/samizdat/internal/markdown"
)

// What a shortcode's template may ask of its call besides its arguments,
// as Hugo's ShortcodeWithPage (hugolib/shortcode.go) has it: the call
// it is written in (.Parent), its index there (.Ordinal), where it is
// (.Position) and its inner text without the call's indentation
// (.InnerDeindent). Hugo's .Ref and .RelRef are left out: a page links
// another in markdown ([text](news/a.md)), which the build checks, or a
// template finds it with .Site.GetPage (package layout has the hint).

// shortcodeCalls makes the dots of one page's calls while its markdown
// renders: a call and the calls written in it share the call's dot, so
// what the inner calls write to .Parent.Scratch, which run first as in
// Hugo, is in the pad the call's own template reads. The markdown of a
// page renders on one core, in document order, so the dots are the same
// every build.
type shortcodeCalls struct {
	page *Page
	// waiting holds, by call ID, the dots of the calls whose inner calls
	// have run but which have not run themselves yet.
	waiting map[int]*ShortcodeData
}

func newShortcodeCalls(page *Page) *shortcodeCalls {
	return &shortcodeCalls{page: page, waiting: map[int]*ShortcodeData{}}
}

// dot is the dot of the call about to run, with what the calls written
// in it left in its pad.
func (cs *shortcodeCalls) dot(call markdown.Shortcode) *ShortcodeData {
	d := cs.find(call)
	d.call = call               // now with its Inner
	delete(cs.waiting, call.ID) // no call after this one is written in it
	return d
}

// find is the dot of a call, made when the call or the first call
// written in it runs.
func (cs *shortcodeCalls) find(call markdown.Shortcode) *ShortcodeData {
	if d, ok := cs.waiting[call.ID]; ok {
		return d
	}
	d := &ShortcodeData{call: call, page: cs.page}
	if call.Parent != nil {
		d.parent = cs.find(*call.Parent)
	}
	cs.waiting[call.ID] = d
	return d
}

// Parent is the dot of the shortcode call this one is written in, nil
// for a call written in the page itself. Calls run innermost first, as
// in Hugo: a parent's .Inner is not made yet, but its arguments, .Name
// and .Scratch are there, and what a call writes to .Parent.Scratch the
// parent's template reads.
func (s *ShortcodeData) Parent() *ShortcodeData { return s.parent }

// Ordinal is the call's index, from 0, among the calls written directly
// in its parent, or in the page when it has none: Hugo's rule. A call
// shown as text ({{</* x */>}}) is not counted.
func (s *ShortcodeData) Ordinal() int { return s.call.Ordinal }

// Position is where the call starts, for a message: {{ errorf "%s: no
// src" .Position }}.
func (s *ShortcodeData) Position() ShortcodePosition {
	return ShortcodePosition{Filename: s.page.File(), LineNumber: s.call.Line, ColumnNumber: s.call.Column}
}

// InnerDeindent is .Inner with the spaces before the call's opening tag
// taken off the start of each of its lines, as Hugo's: a call indented
// in a list item, whose inner lines are indented as far.
func (s *ShortcodeData) InnerDeindent() (template.HTML, error) {
	inner, err := s.Inner()
	if err != nil || s.call.Indent == "" {
		return inner, err
	}
	lines := strings.SplitAfter(string(inner), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, s.call.Indent)
	}
	return template.HTML(strings.Join(lines, "")), nil
}

// ShortcodePosition is where a shortcode call is, as Hugo's
// text.Position: Filename is the file's path in the project
// (content/news/a.md), not on the computer, so the build is the same on
// any; ColumnNumber counts characters, where Hugo counts bytes.
type ShortcodePosition struct {
	Filename     string
	LineNumber   int
	ColumnNumber int
}

// String is the position as Hugo prints it, quotes included:
// "content/news/a.md:12:3".
func (p ShortcodePosition) String() string {
	return `"` + p.Filename + ":" + strconv.Itoa(p.LineNumber) + ":" + strconv.Itoa(p.ColumnNumber) + `"`
}

// IsValid reports whether the position is known, as Hugo's.
func (p ShortcodePosition) IsValid() bool { return p.LineNumber > 0 }
