package publish

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

const svgHint = "remove the script or export the SVG again without it"

// checkSVGs reports every SVG that could run script when opened on its
// own (a browser runs an SVG's scripts when it is visited directly, with
// the site's origin, which the CSP header covers but a file:// copy or a
// careless mirror does not).
func checkSVGs(files map[string][]byte, probs *problem.List) {
	for _, p := range sortedPaths(files, ".svg") {
		for _, f := range svgFindings(files[p]) {
			probs.Add(p, f.line, f.col, f.what, svgHint)
		}
	}
}

type svgFinding struct {
	line, col int
	what      string
}

// svgFindings walks the SVG as XML. If it is not well-formed enough for
// that, a plain text search takes over, so a broken file cannot hide a
// script from the check.
func svgFindings(b []byte) []svgFinding {
	var fs []svgFinding
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	line, col := 1, 1
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return fs
		}
		if err != nil {
			return svgTextFindings(b)
		}
		if se, ok := tok.(xml.StartElement); ok {
			fs = append(fs, checkSVGElement(se, line, col)...)
		}
		line, col = d.InputPos()
	}
}

// checkSVGElement reports one start tag; line and col are where it begins.
func checkSVGElement(se xml.StartElement, line, col int) []svgFinding {
	var fs []svgFinding
	switch strings.ToLower(se.Name.Local) {
	case "script":
		fs = append(fs, svgFinding{line, col, "the SVG contains a <script> element"})
	case "foreignobject":
		fs = append(fs, svgFinding{line, col, "the SVG contains a <foreignObject> element, which can hold HTML and script"})
	case "handler", "listener":
		fs = append(fs, svgFinding{line, col, "the SVG contains a <" + se.Name.Local + "> element, which runs script"})
	}
	for _, a := range se.Attr {
		name := strings.ToLower(a.Name.Local)
		if len(name) > 2 && strings.HasPrefix(name, "on") {
			fs = append(fs, svgFinding{line, col, "the SVG has an event handler attribute " + a.Name.Local + "="})
		}
		if strings.Contains(squeeze(a.Value), "javascript:") {
			fs = append(fs, svgFinding{line, col, "the SVG has a javascript: URL in " + a.Name.Local + "="})
		}
	}
	return fs
}

// squeeze lower-cases s and removes the whitespace and control characters
// browsers ignore inside a URL scheme ("java\tscript:").
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7F {
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// svgTextPatterns is the fallback for SVGs that are not well-formed XML.
var svgTextPatterns = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`(?i)<\s*(?:[a-z0-9_-]+:)?script\b`), "the SVG contains a <script> element"},
	{regexp.MustCompile(`(?i)<\s*(?:[a-z0-9_-]+:)?foreignobject\b`), "the SVG contains a <foreignObject> element, which can hold HTML and script"},
	{regexp.MustCompile(`(?i)[\s"'/]on[a-z]+\s*=`), "the SVG has an event handler attribute"},
	{regexp.MustCompile(`(?i)j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:`), "the SVG has a javascript: URL"},
}

func svgTextFindings(b []byte) []svgFinding {
	var fs []svgFinding
	for _, p := range svgTextPatterns {
		for _, loc := range p.re.FindAllIndex(b, -1) {
			line := 1 + bytes.Count(b[:loc[0]], []byte("\n"))
			col := loc[0] - bytes.LastIndexByte(b[:loc[0]], '\n')
			fs = append(fs, svgFinding{line, col, p.what})
		}
	}
	return fs
}
