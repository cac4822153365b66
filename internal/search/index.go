package search

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// IndexFile is the name of a language's index, in the language's
	// root folder.
	IndexFile = "search-index.js"
	// ScriptFile is the name of the search script, at the site's root.
	ScriptFile = "search.js"
	// Global is the global variable an index assigns.
	Global = "samizdatSearch"
	// MaxText is how many characters of a page's text its entry keeps:
	// a page is found by the words of its first screens, where it says
	// what it is about, and the index stays small enough to load on a
	// slow connection.
	MaxText = 2000
)

// Script is the search script (search.js), which filters the index as
// the reader types.
//
//go:embed search.js
var Script []byte

// Index is one language's search index.
type Index struct {
	// Lang is the language of the site the index belongs to.
	Lang  string `json:"lang"`
	Pages []Page `json:"pages"`
}

// Page is one entry of an Index.
type Page struct {
	Title string `json:"title"`
	// URL is the page's address relative to the folder of the index file
	// ("zhanaozen/", "../ru/about/", "./"), as the page's links are
	// written: with index.html in a portable build.
	URL string `json:"url"`
	// Lang is set when the page is in another language than the index's:
	// a page not translated yet, found in the language that stands in
	// for it.
	Lang        string `json:"lang,omitempty"`
	Description string `json:"description,omitempty"`
	Text        string `json:"text"`
}

// Script returns the index as a classic script assigning it to Global.
// The same index always gives the same bytes.
func (ix Index) Script() []byte {
	if ix.Pages == nil {
		ix.Pages = []Page{}
	}
	var b bytes.Buffer
	b.WriteString("window." + Global + "=")
	// Encoder escapes <, >, & and U+2028/U+2029, so neither "</script>"
	// nor a line separator in a title can end the script or its string.
	enc := json.NewEncoder(&b)
	if err := enc.Encode(ix); err != nil {
		panic("search: encoding strings cannot fail: " + err.Error())
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	b.WriteString(";\n")
	return b.Bytes()
}

// Text returns the words of a page's rendered HTML as plain text, runs
// of white space made one space, cut at a word boundary after at most max
// characters. Heading anchors ("#"), footnote back links ("↩") and the
// content of <script> and <style> are left out; block elements are
// separated by a space, so list items and table cells do not run into one
// word.
func Text(src string, max int) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0 // depth inside an element left out
	var skipping atom.Atom
	space := func() { b.WriteByte(' ') }
	for b.Len() < 4*max+64 { // enough bytes for max characters and some white space
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return cut(b.String(), max)
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skip > 0:
				if a == skipping {
					if tt == html.StartTagToken {
						skip++
					} else if tt == html.EndTagToken {
						skip--
					}
				}
				continue
			case tt == html.StartTagToken && left(a, z, hasAttr):
				skip, skipping = 1, a
				continue
			}
			if !inline[a] {
				space()
			}
		}
	}
	return cut(b.String(), max)
}

// left reports an element whose text is no part of the page's words: a
// script or style, or a link the markdown package adds (heading anchors,
// footnote back links), which only repeats a sign.
func left(a atom.Atom, z *html.Tokenizer, hasAttr bool) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template:
		return true
	case atom.A:
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) == "class" {
				for _, c := range strings.Fields(string(v)) {
					if c == "anchor" || c == "footnote-backref" {
						return true
					}
				}
			}
		}
	}
	return false
}

// inline are the elements inside a run of text: the others separate
// words.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true, atom.I: true,
	atom.Ins: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true,
	atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

// cut makes runs of white space one space and cuts s at the last word
// boundary within max characters (within them, a word longer than max).
func cut(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end := 0
	for i := range s {
		if max == 0 {
			end = i
			break
		}
		max--
	}
	if sp := strings.LastIndexByte(s[:end], ' '); sp > 0 {
		end = sp
	}
	return s[:end]
}
