package layout

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/template/parse"
	"unicode/utf8"
)

// A ParamRead is a key a template reads below .Site.Params or a page's
// .Params, as its text writes it: .Site.Params.petitionURL, site.Params.x,
// $p.x after $p := .Site.Params, .twitter inside {{ with
// .Site.Params.social }}, .Params.role, index .Params "role".
//
// html/template looks a map's key up exactly as written, and finds nothing
// for .Site.Params.petitionurl when site.toml says petitionURL; Hugo finds
// it, through a hook of its own copy of text/template that lower-cases the
// key. html/template has no such hook, so the caller compares these reads
// with the keys the site has instead, and reports one that differs only in
// case where a template moved from Hugo would otherwise show nothing.
type ParamRead struct {
	File      string   // "layouts/partials/petition.html"
	Line, Col int      // where the read starts
	Site      bool     // below .Site.Params; else below a page's .Params
	Keys      []string // the path below the map, as written: ["social", "twitter"]
	Text      string   // the read as written: ".Site.Params.social.twitter", ".twitter"
	// Optional is a read that asks whether the key is there (isset), or
	// one of an or's or default's reads of the same key in other cases
	// ({{ or .Params.heroImage .Params.heroimage }}): the template reads
	// each case on purpose.
	Optional bool
}

// ParamReads are the reads of every template, partial and shortcode, in
// file order. Which value a read is below is followed through fields,
// {{ with }}, variables and index, as far as the text shows it: a value
// only known when the site is built (a partial's dot, what a function
// returns) is not followed. In shortcodes, .Params is the shortcode's own
// arguments and is left out.
func (s *Set) ParamReads() []ParamRead {
	var out []ParamRead
	for _, name := range s.names() {
		// The functions are the Set's; which exist does not matter here.
		t := parse.New(name)
		t.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := t.Parse(s.sources[name], "", "", trees); err != nil {
			continue // Parse has reported it
		}
		start := value{kind: pageValue}
		if strings.HasPrefix(name, "shortcodes/") {
			start = value{kind: shortcodeValue}
		}
		w := &paramWalker{file: Dir + "/" + name, src: s.sources[name]}
		for _, tn := range slices.Sorted(maps.Keys(trees)) {
			if t := trees[tn]; t.Root != nil {
				w.list(t.Root, start, map[string]value{"$": start})
			}
		}
		slices.SortStableFunc(w.reads, func(a, b ParamRead) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) })
		out = append(out, w.reads...)
	}
	return out
}

// valueKind is what a template value is, as far as its text shows.
type valueKind int

const (
	unknownValue valueKind = iota
	pageValue              // a page: a page template's or partial's dot
	shortcodeValue
	siteValue
	siteParamsValue // .Site.Params or below it
	pageParamsValue // a page's .Params or below it
)

type value struct {
	kind valueKind
	keys []string // below the params map, for siteParamsValue and pageParamsValue
}

func (v value) params() bool { return v.kind == siteParamsValue || v.kind == pageParamsValue }

// field is v.name: Hugo's names that lead to the params maps, and keys
// below them.
func (v value) field(name string) value {
	switch {
	case v.params():
		return value{kind: v.kind, keys: append(slices.Clip(v.keys), name)}
	case name == "Site":
		return value{kind: siteValue}
	case name == "Page":
		return value{kind: pageValue}
	case name == "Params" && v.kind == siteValue:
		return value{kind: siteParamsValue}
	case name == "Params" && v.kind != shortcodeValue:
		// What has .Params and is not the site is most often a page:
		// an element of .Pages, a partial's dot, .Parent.
		return value{kind: pageParamsValue}
	}
	return value{}
}

// paramWalker finds the ParamReads of one file's parse trees.
type paramWalker struct {
	file, src string
	reads     []ParamRead
}

func (w *paramWalker) list(l *parse.ListNode, dot value, vars map[string]value) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		w.node(n, dot, vars)
	}
}

// node follows one node; a block's variables end with the block, so the
// blocks get a copy of vars.
func (w *paramWalker) node(n parse.Node, dot value, vars map[string]value) {
	switch n := n.(type) {
	case *parse.ActionNode:
		w.pipe(n.Pipe, dot, vars, true)
	case *parse.IfNode:
		inner := maps.Clone(vars)
		w.pipe(n.Pipe, dot, inner, true)
		w.list(n.List, dot, inner)
		w.list(n.ElseList, dot, inner)
	case *parse.WithNode:
		inner := maps.Clone(vars)
		v := w.pipe(n.Pipe, dot, inner, true)
		w.list(n.List, v, inner)
		w.list(n.ElseList, dot, inner)
	case *parse.RangeNode:
		inner := maps.Clone(vars)
		w.pipe(n.Pipe, dot, inner, false)
		w.list(n.List, value{}, inner) // an element: not known
		w.list(n.ElseList, dot, inner)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			w.pipe(n.Pipe, dot, vars, true)
		}
	}
}

// pipe follows a pipeline and returns its value; bind gives its declared
// variables that value (a range gives them elements instead).
func (w *paramWalker) pipe(p *parse.PipeNode, dot value, vars map[string]value, bind bool) value {
	var v value
	before, choice := len(w.reads), false
	for _, c := range p.Cmds {
		v = w.command(c, dot, vars)
		if fn, ok := c.Args[0].(*parse.IdentifierNode); ok && (fn.Ident == "or" || fn.Ident == "default") {
			choice = true
		}
	}
	if choice {
		w.caseTwins(w.reads[before:])
	}
	if len(p.Cmds) > 1 {
		v = value{} // what a function makes of the value piped to it
	}
	for _, d := range p.Decl {
		if bind {
			vars[d.Ident[0]] = v
		} else {
			vars[d.Ident[0]] = value{}
		}
	}
	return v
}

func (w *paramWalker) command(c *parse.CommandNode, dot value, vars map[string]value) value {
	vals := make([]value, len(c.Args))
	for i, a := range c.Args {
		vals[i] = w.arg(a, dot, vars)
	}
	if len(c.Args) == 1 {
		return vals[0]
	}
	// index m "k" "l" and isset m "k" read keys below m.
	fn, _ := c.Args[0].(*parse.IdentifierNode)
	if fn == nil || (fn.Ident != "index" && fn.Ident != "isset") || !vals[1].params() {
		return value{}
	}
	v := vals[1]
	for _, a := range c.Args[2:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return value{}
		}
		v = v.field(s.Text)
	}
	w.read(c, v, len(c.Args)-2)
	if fn.Ident == "isset" {
		if n := len(w.reads); n > 0 {
			w.reads[n-1].Optional = true
		}
		return value{}
	}
	return v
}

func (w *paramWalker) arg(n parse.Node, dot value, vars map[string]value) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return w.fields(n, dot, n.Ident)
	case *parse.VariableNode:
		return w.fields(n, vars[n.Ident[0]], n.Ident[1:])
	case *parse.IdentifierNode:
		if n.Ident == "site" {
			return value{kind: siteValue}
		}
	case *parse.ChainNode:
		return w.fields(n, w.arg(n.Node, dot, vars), n.Field)
	case *parse.PipeNode:
		return w.pipe(n, dot, vars, true)
	}
	return value{}
}

// caseTwins marks Optional the reads of one choice (or, default) that
// read the same key as another of them in another case.
func (w *paramWalker) caseTwins(reads []ParamRead) {
	spellings := map[string]map[string]bool{}
	key := func(r ParamRead) (string, string) {
		path := strings.Join(r.Keys, ".")
		return fmt.Sprint(r.Site, strings.ToLower(path)), path
	}
	for _, r := range reads {
		folded, path := key(r)
		if spellings[folded] == nil {
			spellings[folded] = map[string]bool{}
		}
		spellings[folded][path] = true
	}
	for i, r := range reads {
		if folded, _ := key(r); len(spellings[folded]) > 1 {
			reads[i].Optional = true
		}
	}
}

// fields follows names from base, and notes a read when they go below a
// params map.
func (w *paramWalker) fields(n parse.Node, base value, names []string) value {
	v := base
	for _, name := range names {
		v = v.field(name)
	}
	added := len(v.keys) - len(base.keys)
	if !base.params() {
		added = len(v.keys)
	}
	if added > 0 {
		w.read(n, v, added)
	}
	return v
}

// read notes a read of v, whose last n keys node writes.
func (w *paramWalker) read(node parse.Node, v value, n int) {
	if !v.params() || n == 0 {
		return
	}
	pos := min(start(node), len(w.src))
	text := node.String()
	if strings.HasPrefix(text, "(") {
		pos = max(0, strings.LastIndexByte(w.src[:pos], '(')) // the parser places a pipeline after it
	}
	lineStart := strings.LastIndexByte(w.src[:pos], '\n') + 1
	w.reads = append(w.reads, ParamRead{
		File: w.file, Line: 1 + strings.Count(w.src[:pos], "\n"), Col: 1 + utf8.RuneCountInString(w.src[lineStart:pos]),
		Site: v.kind == siteParamsValue, Keys: v.keys, Text: text,
	})
}

// start is where node's text starts. The parser places a chain of fields
// (.Site.Params.x, $p.x, site.Params.x) at its second element.
func start(node parse.Node) int {
	pos := int(node.Position())
	switch n := node.(type) {
	case *parse.FieldNode:
		if len(n.Ident) > 1 {
			pos -= 1 + len(n.Ident[0])
		}
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			pos -= len(n.Ident[0])
		}
	case *parse.ChainNode:
		pos = start(n.Node)
	}
	return max(pos, 0)
}
