package publish

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2"
)

// mediaTypes maps the extensions Process minifies to the media type the
// minifier is registered under. HTML is handled by processHTML.
var mediaTypes = map[string]string{
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".webmanifest": "application/json",
	".xml":         "text/xml", // sitemap.xml, index.xml (RSS), atom feeds
	".rss":         "text/xml",
	".atom":        "text/xml",
	".html":        "text/html",
	".htm":         "text/html",
}

// newMinifier is the one minifier configuration. A *minify.M is safe for
// concurrent use, and none of the minifiers below keeps state between calls.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// Conservative: the output must look and parse the same in every
		// browser and keep its structure readable for the link checker.
		KeepDocumentTags:    true, // <html lang>, <head>, <body> stay
		KeepEndTags:         true, // no reliance on implied end tags
		KeepQuotes:          true, // attribute values stay quoted (CSP meta, srcset)
		KeepDefaultAttrVals: true, // type="text/css" and the like stay as written
		KeepSpecialComments: false,
		KeepComments:        false, // comments can leak drafts and build notes
		// Whitespace between tags is kept, each run collapsed to one
		// character: a theme's menu of <li>s made inline-block by its CSS
		// showed "HomeAboutTags" once the spaces between them were gone.
		// Which elements CSS makes inline cannot be known from the HTML.
		KeepWhitespace: true,
	})
	// Lossless number precision (0 means exact) for CSS, SVG and JS.
	m.Add("text/css", &css.Minifier{})
	m.Add("application/javascript", &js.Minifier{})
	m.Add("text/javascript", &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("application/json", &json.Minifier{KeepNumbers: true})
	m.Add("application/ld+json", &json.Minifier{KeepNumbers: true}) // JSON-LD inside HTML
	m.Add("importmap", &json.Minifier{KeepNumbers: true})
	m.AddFunc("text/xml", minifyXML)
	return m
}

// minifyAssets minifies every CSS, JS, SVG, JSON and XML file in place.
func minifyAssets(m *minify.M, files map[string][]byte, probs *problem.List) {
	for _, p := range sortedPaths(files, ".css", ".js", ".mjs", ".svg", ".json", ".webmanifest", ".xml", ".rss", ".atom") {
		if b, ok := minifyFile(m, p, files[p], probs); ok {
			files[p] = b
		}
	}
}

// minifyFile minifies one file by its extension. On failure it reports a
// problem and returns ok false: the caller keeps the original bytes.
func minifyFile(m *minify.M, name string, b []byte, probs *problem.List) ([]byte, bool) {
	mt := mediaTypes[strings.ToLower(path.Ext(name))]
	if mt == "" {
		return nil, false
	}
	out, err := m.Bytes(mt, b)
	if err != nil {
		pr := problem.Problem{File: name, Message: "cannot minify: " + err.Error(),
			Hint: "fix the syntax error at this place, or build with minifying turned off to publish the file as written"}
		var perr *parse.Error
		if errors.As(err, &perr) {
			pr.Line, pr.Col = perr.Line, perr.Column
			pr.Message = "cannot minify: " + perr.Message
		}
		probs.Add(pr.File, pr.Line, pr.Col, pr.Message, pr.Hint)
		return nil, false
	}
	return out, true
}

// minifyXML removes comments and the indentation between elements, and
// nothing else. tdewolff's XML minifier also collapses whitespace inside
// text, which breaks the indentation of code and poems inside a feed's
// escaped HTML; feeds and sitemaps only need the indentation gone.
// Whitespace-only text without a line break (" " between two inline
// elements of Atom XHTML content) is kept.
func minifyXML(_ *minify.M, w io.Writer, r io.Reader, _ map[string]string) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] != '<' {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				j = len(b) - i
			}
			text := b[i : i+j]
			if len(bytes.TrimSpace(text)) > 0 || !bytes.ContainsAny(text, "\n\r") {
				out = append(out, text...)
			}
			i += j
			continue
		}
		var end int // index just past the construct starting at i
		switch {
		case bytes.HasPrefix(b[i:], []byte("<!--")):
			end = indexAfter(b, i+4, "-->")
		case bytes.HasPrefix(b[i:], []byte("<![CDATA[")):
			end = indexAfter(b, i+9, "]]>")
		case bytes.HasPrefix(b[i:], []byte("<?")):
			end = indexAfter(b, i+2, "?>")
		case bytes.HasPrefix(b[i:], []byte("<!")):
			end = declarationEnd(b, i)
		default:
			end = tagEnd(b, i)
		}
		if end < 0 {
			return &parse.Error{Message: "unterminated markup", Line: 1 + bytes.Count(b[:i], []byte("\n")),
				Column: i - bytes.LastIndexByte(b[:i], '\n')}
		}
		if !bytes.HasPrefix(b[i:], []byte("<!--")) {
			out = append(out, b[i:end]...)
		}
		i = end
	}
	_, err = w.Write(out)
	return err
}

// indexAfter returns the index just past the first sep at or after i, or -1.
func indexAfter(b []byte, i int, sep string) int {
	j := bytes.Index(b[i:], []byte(sep))
	if j < 0 {
		return -1
	}
	return i + j + len(sep)
}

// tagEnd returns the index just past the tag starting at i, skipping '>'
// inside quoted attribute values, or -1.
func tagEnd(b []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}

// declarationEnd returns the index just past a <!DOCTYPE ...> that may hold
// an internal subset in brackets, or -1.
func declarationEnd(b []byte, i int) int {
	depth := 0
	for j := i + 2; j < len(b); j++ {
		switch b[j] {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return j + 1
			}
		}
	}
	return -1
}
