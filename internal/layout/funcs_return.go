package layout

import (
	"errors"
	"fmt"
	"strings"
	"text/template/parse"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Hugo's return: a partial that ends with {{ return VALUE }} gives VALUE
// to its caller, {{ $img := partial "func/GetImage.html" . }}, of any type
// and as it is (a map, a page, a number, a string html/template escapes
// where the caller writes it), and the text it writes is dropped.
//
// Hugo 0.165 (tpl/tplimpl/templatetransform.go, tpl/partials/partials.go)
// does not stop at return: it takes the first {{ return VALUE }} out of the
// partial and runs VALUE after the whole partial, with . and $ the
// partial's argument, wherever return stood. samizdat does the same, by
// the same rewriting of the partial's parse tree, so a partial gives what
// it gives in Hugo. The call's value is kept in a returnCall made for that
// call alone: pages rendered at once share nothing.
//
// Where Hugo's reading differs from what the text seems to say, samizdat
// refuses the template at its line (returnsIn), as Hugo's documentation
// does ("only one return statement, placed at the end"): a return inside
// {{ if }}, {{ with }}, {{ range }} or {{ define }} (Hugo would give its
// value whatever the condition, with . the partial's argument), a second
// return (an error in Hugo when the partial reaches it), a return in a
// page layout or a shortcode (an error in Hugo), and VALUE | return.

// returnFunc is return as the templates' parser and html/template see it.
// A partial's {{ return VALUE }} is rewritten before it runs (wrapReturn),
// so only a bare {{ return }} calls it: it writes nothing and does nothing
// else, as in Hugo, whose partial then gives its text.
func returnFunc(args ...any) (string, error) {
	if len(args) > 0 {
		// returnsIn refuses every such template before a page runs.
		return "", errors.New("return gives a value only at the end of a partial")
	}
	return "", nil
}

// returnCall is the data of one call of a partial that returns: the
// rewritten partial reads its argument from Arg and hands its value to Set.
type returnCall struct {
	Arg   any
	value any
}

// Set keeps the partial's value; it writes nothing.
func (c *returnCall) Set(v any) string {
	c.value = v
	return ""
}

// Once is the partial's argument as a one-item list: the rewritten partial
// ranges over it to make . the argument, even an empty or false one, as
// Hugo's range (slice .Arg) does.
func (c *returnCall) Once() []any { return []any{c.Arg} }

// returnVar names the returnCall inside a rewritten partial: a name no
// theme writes.
const returnVar = "$_samizdat_return"

// returnWrapper is what a partial that returns becomes: its own nodes go
// before the Set, and its return's value into Set's argument.
const returnWrapper = `{{ ` + returnVar + ` := $ }}{{ $ := .Arg }}{{ range ` + returnVar + `.Once }}{{ ` + returnVar + `.Set 0 }}{{ end }}`

// returnAction is the {{ return VALUE }} of a partial that may return,
// or nil: one action of the partial's own top level holding nothing else.
// returnsIn has refused every other return with a value.
func returnAction(root *parse.ListNode) *parse.ActionNode {
	for _, n := range root.Nodes {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) == 0 && len(a.Pipe.Cmds) == 1 && returnsValue(a.Pipe.Cmds[0]) {
			return a
		}
	}
	return nil
}

// wrapReturn rewrites the tree of a partial that returns, as Hugo does,
// and reports whether it did. It must run before the template first runs
// (html/template escapes a tree then) and before the partials are cloned.
func wrapReturn(tree *parse.Tree) bool {
	ret := returnAction(tree.Root)
	if ret == nil {
		return false
	}
	wrapper, err := parse.New("return").Parse(returnWrapper, "", "", map[string]*parse.Tree{})
	if err != nil {
		panic("layout: returnWrapper does not parse: " + err.Error()) // a constant, run by every test of return
	}
	loop := wrapper.Root.Nodes[2].(*parse.RangeNode)
	set := loop.List.Nodes[0].(*parse.ActionNode)
	// The return's own pipe, without the word return, is Set's argument:
	// its nodes keep their places in the partial, so an error in VALUE is
	// at the partial's line.
	ret.Pipe.Cmds[0].Args = ret.Pipe.Cmds[0].Args[1:]
	set.Pipe.Cmds[0].Args[1] = ret.Pipe
	var body []parse.Node
	for _, n := range tree.Root.Nodes {
		if n != ret {
			body = append(body, n)
		}
	}
	loop.List.Nodes = append(body, set)
	tree.Root = wrapper.Root
	return true
}

// isReturn reports whether a command calls return.
func isReturn(c *parse.CommandNode) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == "return"
}

// returnsValue reports whether a command is return with a value.
func returnsValue(c *parse.CommandNode) bool { return isReturn(c) && len(c.Args) > 1 }

// returnHint is what to write instead of a return the partial may not hold.
const returnHint = "set a variable where the value is decided ({{ $x = … }} inside the block) and end the partial with one {{ return $x }}, outside any {{ if }}, {{ with }}, {{ range }} or {{ define }}"

// returnsIn reports, with at, each return in the layout file name (parsed
// into trees) that Hugo refuses or reads otherwise than it looks (see the
// top of this file). namesIn runs it with the Hugo names.
func returnsIn(name string, trees map[string]*parse.Tree, at func(*parse.Tree, parse.Node, string, string)) {
	partial := strings.HasPrefix(name, "partials/")
	for _, tr := range trees {
		var first *parse.ActionNode
		if partial && tr.Name == name {
			first = returnAction(tr.Root)
		}
		for _, top := range tr.Root.Nodes {
			walk(top, func(n parse.Node) {
				p, ok := n.(*parse.PipeNode)
				if !ok {
					return
				}
				for i, c := range p.Cmds {
					if !isReturn(c) || i == 0 && len(c.Args) == 1 {
						continue // a bare {{ return }} does nothing, in Hugo too
					}
					if first != nil && p == first.Pipe {
						continue
					}
					msg, hint := misplacedReturn(name, tr, top, first, i > 0)
					at(tr, c, msg, hint)
				}
			})
		}
	}
}

// misplacedReturn says what is wrong with a return with a value in the
// file name, in the tree tr at the top-level node top, where first is the
// partial's own return (nil if none) and piped tells VALUE | return.
func misplacedReturn(name string, tr *parse.Tree, top parse.Node, first *parse.ActionNode, piped bool) (msg, hint string) {
	switch {
	case piped:
		return "return takes its value after it, not from a pipe (VALUE | return)", "write {{ return VALUE }} as the last line of the partial"
	case !strings.HasPrefix(name, "partials/"):
		return "return gives a partial's value to the template that calls it, and this file is not a partial: Hugo refuses it too",
			"write the value here instead, or work it out in a file of " + Dir + "/partials/ that ends with {{ return $x }} and call it as {{ $x := partial \"name.html\" . }}"
	case tr.Name != name:
		return fmt.Sprintf("return inside {{ define %q }}: a partial returns from its own text", tr.Name), returnHint
	}
	switch top.(type) {
	case *parse.IfNode:
		return "return inside {{ if }}: Hugo gives the value of a partial's first return whatever the condition, after the whole partial has run", returnHint
	case *parse.WithNode, *parse.RangeNode:
		return "return inside {{ with }} or {{ range }}: Hugo works out a partial's first return after the whole partial has run, with . the partial's argument, not the block's", returnHint
	}
	if first != nil {
		loc, _ := tr.ErrorContext(first)
		line, _ := position(loc)
		return fmt.Sprintf("a second return: the partial gives the value of its return on line %d", line), "keep one {{ return }}, at the end of the partial: " + returnHint
	}
	return "return inside another expression: it ends a partial as an action of its own", "write {{ return VALUE }} alone, as the last line of the partial"
}

// wrapReturns rewrites each partial that returns (wrapReturn) and records
// it in s.returns, for partial to run it so. Parse calls it once every
// problem is known: a partial with one is not run. It returns probs with
// the problems of the {{ template }}s that run such a partial.
func (s *Set) wrapReturns(probs []problem.Problem) []problem.Problem {
	for _, t := range s.partials.Templates() {
		if _, file := s.sources[t.Name()]; !file || s.broken[t.Name()] || t.Tree == nil {
			continue
		}
		if wrapReturn(t.Tree) {
			s.returns[t.Name()] = true
		}
	}
	found := s.returnTemplateCalls()
	reported := map[string]bool{}
	for _, p := range found {
		reported[strings.TrimPrefix(p.File, Dir+"/")] = true
	}
	s.drop(reported)
	return append(probs, found...)
}

// returnTemplateCalls reports each {{ template "partials/x.html" }} of a
// partial that returns: its text is not what it is for, and its rewritten
// tree wants the returnCall that only partial makes (Hugo stops there too,
// with "can't evaluate field Arg").
func (s *Set) returnTemplateCalls() []problem.Problem {
	if len(s.returns) == 0 {
		return nil // no partial returns: no layout need be parsed again
	}
	var out []problem.Problem
	for _, name := range s.names() {
		if s.broken[name] {
			continue
		}
		for _, tr := range layoutTrees(name, s.sources[name]) {
			walk(tr.Root, func(n parse.Node) {
				call, ok := n.(*parse.TemplateNode)
				if !ok || !s.returns[call.Name] {
					return
				}
				loc, _ := tr.ErrorContext(call)
				line, col := position(loc)
				out = append(out, problem.Problem{File: Dir + "/" + name, Line: line, Col: col,
					Message: fmt.Sprintf("{{ template %q }} runs a partial that gives a value with return, which only partial takes: Hugo stops here too", call.Name),
					Hint:    fmt.Sprintf("call it with partial: {{ $x := partial %q . }}", strings.TrimPrefix(call.Name, "partials/"))})
			})
		}
	}
	problem.Sort(out)
	return out
}
