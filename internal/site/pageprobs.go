package site

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// pageProblems gathers the problems templates give while rendering pages,
// so that one mistake in a template that 300 pages use is one problem,
// naming the first page and how many others, not 300 of the same.
type pageProblems struct {
	mu     sync.Mutex
	groups map[string]*pageGroup
}

// pageGroup is one problem and the pages it came from.
type pageGroup struct {
	prob    problem.Problem
	core    string // the message without the page it names
	pages   []string
	ownFile bool // the problem is at each page's own file
}

// add notes prob, which rendering page gave. When ownFile is set the
// problem is at the page's own file (no template for it), and pages are
// grouped by message alone; otherwise it is in a template and names the
// page in its message as layout.Execute does ("while rendering PAGE: ").
func (pp *pageProblems) add(page string, prob problem.Problem, ownFile bool) {
	core := strings.TrimPrefix(prob.Message, "while rendering "+page+": ")
	key := strings.Join([]string{prob.File, strconv.Itoa(prob.Line), strconv.Itoa(prob.Col), core, prob.Hint}, "\x00")
	if ownFile {
		key = "\x00" + core + "\x00" + prob.Hint
	}
	pp.mu.Lock()
	defer pp.mu.Unlock()
	if pp.groups == nil {
		pp.groups = map[string]*pageGroup{}
	}
	g := pp.groups[key]
	if g == nil {
		g = &pageGroup{prob: prob, core: core}
		pp.groups[key] = g
	}
	g.pages = append(g.pages, page)
	g.ownFile = ownFile
}

// problems returns one problem a group, each naming its first page (by
// name, so the output does not depend on which page rendered first).
func (pp *pageProblems) problems() []problem.Problem {
	var out []problem.Problem
	for _, g := range pp.groups {
		sort.Strings(g.pages)
		p := g.prob
		others := ""
		if n := len(g.pages) - 1; n == 1 {
			others = " and 1 other page"
		} else if n > 1 {
			others = fmt.Sprintf(" and %d other pages", n)
		}
		switch {
		case g.ownFile:
			p.File = ""
			if strings.HasPrefix(g.pages[0], "content/") {
				p.File = g.pages[0]
			}
			if others != "" {
				p.Message += ";" + strings.Replace(others, " and", " the same for", 1)
			}
		case p.Message != g.core:
			p.Message = "while rendering " + g.pages[0] + others + ": " + g.core
		}
		out = append(out, p)
	}
	problem.Sort(out)
	return out
}
