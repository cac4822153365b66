package layout

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// A theme ported from Hugo calls Hugo's functions, fields and built-in
// templates that samizdat does not have. Each one a campaigner meets gets
// a hint naming what to write instead, and Parse finds every one in every
// layout before any page is run (hugoNames), so a theme's are all
// reported by one build, not one a build as text/template's parser and
// the pages' runs would find them.

// leftOut says why a Hugo function a template calls is not in the set,
// and what to write instead; a namespace's functions ("strings.Diff") and
// whole namespaces ("os") have theirs in nsLeftOut (funcs_namespaces.go).
var leftOut = map[string]string{
	"safeJS":       "samizdat leaves safeJS out on purpose: it would switch off html/template's escaping of scripts, and the site's Content-Security-Policy blocks inline scripts anyway; put the script in a file under static/ and load it with <script src>, and pass it data as {{ jsonify . }} inside <script type=\"application/json\">",
	"safeCSS":      "samizdat leaves safeCSS out on purpose: it would switch off html/template's escaping of styles; write the CSS in a stylesheet under static/ and choose it with a class (class=\"tone-{{ .Params.tone }}\")",
	"safeHTMLAttr": "samizdat leaves safeHTMLAttr out on purpose: it would let a value write whole attributes; write the attribute's name in the template and only its value in {{ }} (<a href=\"{{ .URL }}\">), which html/template escapes",
	"safeJSStr":    "samizdat leaves safeJSStr out on purpose: it would switch off html/template's escaping of script strings; pass data to scripts with jsonify",
	"now":          "samizdat leaves now out: a build must give the same files every time it runs on the same sources; use the page's .Date or .Lastmod, or write the year in site.toml's [params]",
	"getenv":       "samizdat leaves getenv out: a build must give the same files on every computer; write the value in site.toml's [params] and read .Site.Params",
	"readFile":     "samizdat has no readFile: templates read no files; put data in data/ (read as .Site.Data.NAME) or text in i18n/ (read with T)",
	"fileExists":   "samizdat has no fileExists: templates read no files; say in front matter or in site.toml's [params] whether the file is there",
	// Hugo's, with samizdat's way to the same end.
	"humanize":   "samizdat has no humanize: write the words in the template, or in i18n/ for each language",
	"hugo.Store": storeHint,
	"hugo":       "samizdat has no hugo namespace (hugo.Generator, hugo.Version, hugo.IsServer, hugo.IsProduction): remove the call; a build is the same for samizdat serve and samizdat build",
	"sort":       "samizdat's sort is sortBy, with the same arguments: {{ range sortBy .Site.RegularPages \"Date\" \"desc\" }}",
	"ref":        "samizdat has no ref: find the page with .Site.GetPage \"blog/a.md\" and write its .Permalink, or link it from markdown ([text](/blog/a/)), where the build checks the link",
	"relref":     "samizdat has no relref: find the page with .Site.GetPage \"blog/a.md\" and write its .RelPermalink, or link it from markdown ([text](/blog/a/)), where the build checks the link",
	"emojify":    "samizdat has no emojify: write the emoji itself (😀) in the text",
	"highlight":  "samizdat has no highlight function: put the code in a fenced block in markdown (```go), which the build highlights, or pass such a block to markdownify",
	"slicestr":   "samizdat's slicestr is substr, which takes a START and a LENGTH: slicestr TEXT 1 3 is substr TEXT 1 2",
	"chomp":      "samizdat has no chomp: write trim TEXT \"\\n\" (trim's second argument lists the characters to cut from both ends)",
	"anchorize":  "samizdat has no anchorize: urlize makes a text into an id the way samizdat makes heading ids",
	"complement": "samizdat has no complement: keep the items of a list that another lacks with where, e.g. where .Pages \"Section\" \"not in\" (slice \"news\")",
}

// hugoFields says what to write for a field or method of Hugo's pages,
// sites and pagers that samizdat does not have.
var hugoFields = map[string]string{
	"Store":                    storeHint,
	"GetTerms":                 "write .Terms \"tags\" (the term pages of one taxonomy this page is in)",
	"Paginate":                 ".Paginate is a list page's (home, section, taxonomy, term): call it on the page its layout renders, {{ $paginator := .Paginate COLLECTION }}, not on another value; .Paginator pages the list's own .Pages",
	"AllTranslations":          "write .Translations (the page's translations, without itself), and the page itself",
	"Label":                    "write .Language.LanguageName (the language's own name, from name in [languages.X])",
	"RelatedTo":                "samizdat has no .RelatedTo (which Hugo keeps for .Related): write .Related with the page, {{ range .Site.RegularPages.Related . }}, or list a term's pages, {{ with .Site.GetPage \"/tags/oil\" }}{{ range .Pages }}…{{ end }}{{ end }}",
	"RSSLink":                  "write .FeedURL: a page's own Atom feed (a list's; empty where there is none); the site's feed is .Site.Home.FeedURL",
	"OutputFormats":            "samizdat writes each page as HTML and lists also as one Atom feed: for the feed's <link rel=\"alternate\">, write {{ with .FeedURL }}<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{{ . }}\">{{ end }}",
	"AlternativeOutputFormats": "samizdat writes each page as HTML and lists also as one Atom feed: instead of range .AlternativeOutputFormats, write {{ with .FeedURL }}<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{{ . }}\">{{ end }}",
	"Render":                   "samizdat has no .Render (content views): move the view into layouts/partials/ and write {{ partial \"summary.html\" . }}",
	"RenderString":             "write markdownify: {{ markdownify TEXT }} renders a markdown text",
	"Slug":                     "write .Params.slug (front matter slug); the page's address is .RelPermalink",
	"Keywords":                 "samizdat has no .Keywords: put the keywords under params: in front matter (params: {keywords: [a, b]}) and read .Params.keywords",
	"HasShortcode":             "samizdat has no .HasShortcode: load what a shortcode needs (a stylesheet, a script) on every page, or mark the pages that need it in front matter (params: {maps: true}) and test .Params.maps",
	"GitInfo":                  "samizdat has no .GitInfo: .Lastmod is already the date of the file's last git commit when the page sets no lastmod",
	"FuzzyWordCount":           "write .WordCount",
	"RelRef":                   "samizdat has no .RelRef: find the page with .Site.GetPage \"blog/a.md\" and write its .RelPermalink",
	"Ref":                      "samizdat has no .Ref: find the page with .Site.GetPage \"blog/a.md\" and write its .Permalink",
	"RawContent":               "samizdat has no .RawContent (the page's markdown as written): write .Plain, the page's text without its markup, e.g. {{ .Plain | truncate 120 }}, or .Summary for its first paragraph",
	// The site's.
	"LastChange":      "samizdat's site has no .LastChange or .Lastmod: the newest page's date is {{ range first 1 .Site.RegularPages.ByLastmod.Reverse }}{{ .Lastmod }}{{ end }}",
	"Lastmod":         "samizdat's site has no .LastChange or .Lastmod: the newest page's date is {{ range first 1 .Site.RegularPages.ByLastmod.Reverse }}{{ .Lastmod }}{{ end }}",
	"Author":          "samizdat's site has no .Author: write the author in site.toml's [params] (author = \"…\") and read .Site.Params.author",
	"Config":          "samizdat's site has no .Config: a setting a template needs goes in site.toml's [params], read as .Site.Params.NAME",
	"IsServer":        "samizdat has no .Site.IsServer: a build is the same for samizdat serve and samizdat build; keep what the published site needs and remove the test",
	"MainSections":    "samizdat's site has no .MainSections: list the sections in site.toml's [params] (mainSections = [\"blog\"]) and read .Site.Params.mainSections",
	"Social":          "samizdat's site has no .Social: write the accounts in site.toml's [params] and read .Site.Params.NAME",
	"GoogleAnalytics": "samizdat leaves analytics out: it would load a script from another site, which the site's Content-Security-Policy blocks; remove it",
	"DisqusShortname": "samizdat leaves Disqus out: it would load a script from another site, which the site's Content-Security-Policy blocks; remove it",
}

// storeHint is for Hugo's hugo.Store and .Site.Store, pads for the whole
// site: pages render on all cores at once, so what one page's template
// read there would depend on which pages had rendered before it.
const storeHint = "samizdat has no store for the whole site (hugo.Store, .Site.Store): pages render at the same time, so what a page read there " +
	"would change from build to build; keep a page's values in its own .Store (or .Scratch), a template's in newScratch or a variable, " +
	"and values for every page in site.toml's [params] or data/"

// fileFields says what to write for Hugo's .File.X: samizdat's .File is
// the source file's path as text ("content/blog/a.md"), not a struct.
var fileFields = map[string]string{
	"Path":                "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.Path is {{ replaceRE `^content/` \"\" .File }}",
	"Filename":            "samizdat's .File is the source file's path as text (content/blog/a.md): write .File",
	"BaseFileName":        "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.BaseFileName is {{ replaceRE `^.*/|\\.[^.]*$` \"\" .File }}",
	"ContentBaseName":     "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.ContentBaseName is {{ replaceRE `^.*/|\\.[^.]*$` \"\" .File }} (a bundle's folder name for its index.md: {{ replaceRE `^.*/([^/]+)/index\\.[^.]*$|^.*/|\\.[^.]*$` \"$1\" .File }})",
	"LogicalName":         "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.LogicalName is {{ replaceRE `^.*/` \"\" .File }}",
	"TranslationBaseName": "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.TranslationBaseName is {{ replaceRE `^.*/|(\\.[a-z]{2})?\\.[^.]*$` \"\" .File }}",
	"Dir":                 "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.Dir is {{ replaceRE `^content/|[^/]*$` \"\" .File }}",
	"Ext":                 "samizdat's .File is the source file's path as text (content/blog/a.md): Hugo's .File.Ext is {{ replaceRE `^.*\\.` \"\" .File }}",
	"UniqueID":            "samizdat's .File is the source file's path as text (content/blog/a.md): for a unique id write {{ md5 .File }}",
}

// internalTemplates says what to write instead of Hugo's built-in
// templates ({{ template "_internal/opengraph.html" . }}); any other name
// under _internal/ gets internalOther.
var internalTemplates = map[string]string{
	"_internal/opengraph.html":     "samizdat has no built-in Open Graph template: write the tags in a partial of the site's own, e.g. <meta property=\"og:title\" content=\"{{ .Title }}\"> <meta property=\"og:url\" content=\"{{ .Permalink }}\"> {{ with .Image }}<meta property=\"og:image\" content=\"{{ absURL . }}\">{{ end }}",
	"_internal/twitter_cards.html": "samizdat has no built-in Twitter card template: write the tags in a partial of the site's own, e.g. <meta name=\"twitter:card\" content=\"summary_large_image\"> {{ with .Image }}<meta name=\"twitter:image\" content=\"{{ absURL . }}\">{{ end }}",
	"_internal/pagination.html":    "samizdat has no built-in pagination template: write the links from .Paginator, e.g. {{ with .Paginator }}{{ if .HasPrev }}<a href=\"{{ .PrevURL }}\">newer</a>{{ end }} {{ .PageNumber }}/{{ .TotalPages }} {{ if .HasNext }}<a href=\"{{ .NextURL }}\">older</a>{{ end }}{{ end }}",
	"_internal/disqus.html":        "samizdat leaves Disqus out: a samizdat site loads nothing from other sites, and Disqus's comments come from disqus.com; remove the line",
	"_internal/schema.html":        "samizdat has no built-in schema.org template: write <script type=\"application/ld+json\">{{ jsonify (dict \"@type\" \"Article\" \"headline\" .Title) }}</script> in a partial of the site's own",
	"_internal/google_news.html":   "samizdat has no built-in Google News template: Google no longer reads its news_keywords tag; remove the line",
}

// analyticsHint is for Hugo's analytics and advertising templates
// (google_analytics.html, google_analytics_async.html, google_adsense.html…).
const analyticsHint = "samizdat leaves analytics and advertising out: a samizdat site loads nothing from other sites, and these scripts come from Google's; remove the line"

// internalOther is the hint for a built-in template of Hugo's that
// internalTemplates does not name, saying what the known ones become.
const internalOther = "samizdat has no built-in templates: Hugo's _internal/opengraph.html, twitter_cards.html and schema.html become tags in a partial of the site's own, " +
	"pagination.html links from .Paginator, and the analytics and Disqus ones are removed, as the site loads nothing from other sites. " +
	"Write what this one did in layouts/partials/ and call it with {{ partial \"NAME.html\" . }}, or remove the line"

// internalTemplateHint is what to write instead of {{ template NAME }}
// for one of Hugo's built-in templates; ok is false for any other name.
func internalTemplateHint(name string) (hint string, ok bool) {
	rest, ok := strings.CutPrefix(name, "_internal/")
	if !ok {
		return "", false
	}
	if h, ok := internalTemplates[name]; ok {
		return h, true
	}
	if strings.HasPrefix(rest, "google_") || strings.Contains(rest, "analytics") {
		return analyticsHint, true
	}
	return internalOther, true
}

// partialTemplateHint is what to write instead of {{ template NAME }} for
// a partial ("partials/nav.html"), which Hugo lets any template run so:
// samizdat's pages and shortcodes run partials with partial only (the
// partials are a set of their own, run at a depth partial counts); ok is
// false for any other name. arg is the value the call passes, "" for none.
func partialTemplateHint(name, arg string) (hint string, ok bool) {
	partial, ok := strings.CutPrefix(name, "partials/")
	if !ok {
		return "", false
	}
	if arg == "" {
		arg = "."
	}
	return fmt.Sprintf("write {{ partial %q %s }}: samizdat runs the files of layouts/partials/ with partial", partial, arg), true
}

// hugoSiteFields and hugoFileFields are the fields after .Site and .File
// that Parse reports; hugoPageFields are those it reports after anything,
// names no data file or dict key of a site's own would be.
var (
	hugoSiteFields = []string{"LastChange", "Lastmod", "Author", "Config", "IsServer", "MainSections", "Social", "GoogleAnalytics", "DisqusShortname", "RSSLink", "Store"}
	hugoPageFields = []string{"GetTerms", "AllTranslations", "RSSLink", "OutputFormats", "AlternativeOutputFormats",
		"RenderString", "HasShortcode", "GitInfo", "FuzzyWordCount", "RelRef", "RawContent"}
)

// hugoHint is the hint for an error text/template gives about a function
// or field samizdat does not have, or "" for another error. near, when
// not nil, names the field a misspelt one was meant to be (Set.nearField).
func hugoHint(msg string, near func(field, typ string) string) string {
	if h := namespaceCallHint(msg); h != "" {
		return h
	}
	if _, rest, ok := strings.Cut(msg, `function "`); ok {
		name, _, _ := strings.Cut(rest, `"`)
		return functionHint(name)
	}
	if _, rest, ok := strings.Cut(msg, "can't evaluate field "); ok {
		field, typ, _ := strings.Cut(rest, " in type ")
		if h, ok := fileFields[field]; ok && typ == "string" {
			return h
		}
		if h, ok := hugoFields[field]; ok {
			return h
		}
		if h := plainListHint(field, typ); h != "" {
			return h
		}
		if near != nil {
			if h := near(field, typ); h != "" {
				return h
			}
		}
		return "there is no field or function " + field + " here: check its spelling against docs/templates.md"
	}
	if _, rest, ok := strings.Cut(msg, `no such template "`); ok {
		name, _, _ := strings.Cut(rest, `"`)
		if h, ok := internalTemplateHint(name); ok {
			return h
		}
		h, _ := partialTemplateHint(name, "")
		return h
	}
	return ""
}

// plainListHint is the hint for a sort or group method of a list of pages
// (.ByDate, .GroupByDate) read on a plain list (typ): where, first, sortBy
// and the like keep a list of pages as it is, and slice and append make
// one of pages, as Hugo's, so a plain list holds something else, or
// nothing ({{ slice }}); "" for another field or type.
func plainListHint(field, typ string) string {
	if typ != "[]interface {}" || !strings.HasPrefix(field, "By") && !strings.HasPrefix(field, "GroupBy") {
		return ""
	}
	return "." + field + " is a method of a list of pages (.Pages, .Site.RegularPages, a term's .Pages, or what where, first, " +
		"sortBy, slice or append make of pages); this list is a plain one, which has none: it is empty, or holds something " +
		"other than pages. Pick pages with where ({{ $pages := where .Site.RegularPages \"Section\" \"in\" (slice \"news\" \"blog\") }}), " +
		"or start an empty list of pages with first 0 ({{ $pages := first 0 .Site.RegularPages }})"
}

// functionHint is the hint for a call of a function the set lacks:
// "strings.TrimPrefix" or "sort".
func functionHint(name string) string {
	if h, ok := leftOut[name]; ok {
		return h
	}
	if h := namespaceHint(name); h != "" {
		return h
	}
	ns, _, _ := strings.Cut(name, ".")
	return leftOut[ns]
}

// hugoNamespaces are Hugo's groups of functions, called as
// strings.TrimPrefix: there, the name after the dot is the function's.
var hugoNamespaces = map[string]bool{"cast": true, "collections": true, "compare": true, "crypto": true, "css": true, "data": true,
	"debug": true, "diagrams": true, "encoding": true, "fmt": true, "hash": true, "hugo": true, "images": true, "inflect": true,
	"js": true, "lang": true, "math": true, "openapi3": true, "os": true, "partials": true, "path": true, "reflect": true,
	"resources": true, "safe": true, "strings": true, "templates": true, "time": true, "transform": true, "urls": true}

// builtins are text/template's own functions, which the parser accepts
// whatever the function set holds.
var builtins = map[string]bool{"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true, "not": true,
	"or": true, "print": true, "printf": true, "println": true, "urlquery": true, "eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true}

// hugoNames finds, in every layout, each call of a function the set
// lacks, each field of Hugo's samizdat lacks (see hugoPageFields) and each
// of Hugo's built-in templates, and reports them all at their lines. The
// parse problems of the files it reports, which name only the first
// function each, are dropped from probs; the templates of those files, and
// pages in a baseof of them, are taken out, as a template that failed to
// parse is, so no page adds a problem of its own for the same mistake.
func (s *Set) hugoNames(funcs template.FuncMap, probs []problem.Problem) []problem.Problem {
	var found []problem.Problem
	reported := map[string]bool{}
	defined := sync.OnceValue(s.defines) // only a page that runs a partial by template asks
	for _, name := range s.names() {
		ps := namesIn(name, s.sources[name], funcs, defined)
		if len(ps) == 0 {
			continue
		}
		found = append(found, ps...)
		reported[name] = true
	}
	if len(found) == 0 {
		return probs
	}
	kept := probs[:0:0]
	for _, p := range probs {
		if !(reported[strings.TrimPrefix(p.File, Dir+"/")] && strings.Contains(p.Message, " not defined")) {
			kept = append(kept, p)
		}
	}
	s.drop(reported)
	return append(kept, found...)
}

// drop takes out the layouts reported, and the pages in a baseof of them,
// as templates that failed to parse are (see hugoNames).
func (s *Set) drop(reported map[string]bool) {
	for name := range reported {
		s.broken[name] = true
		delete(s.shortcode, strings.TrimSuffix(strings.TrimPrefix(name, "shortcodes/"), ".html"))
	}
	for name, t := range s.pages {
		if reported[name] || reported[t.Name()] { // t.Name() is the baseof a page runs in
			delete(s.pages, name)
			s.broken[name] = true
		}
	}
}

// layoutTrees parses the layout file name, whatever functions it calls,
// into its trees by name: its own and its {{ define }}s'. It is nil when
// the file does not parse, whose parse problem says why.
func layoutTrees(name, src string) map[string]*parse.Tree {
	trees := map[string]*parse.Tree{}
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	if _, err := t.Parse(src, "", "", trees); err != nil {
		return nil
	}
	return trees
}

// defines is the names of the {{ define }}s and {{ block }}s of every
// layout, which a {{ template }} of a page may run: a baseof's among them.
func (s *Set) defines() map[string]bool {
	out := map[string]bool{}
	for _, name := range s.names() {
		for n := range layoutTrees(name, s.sources[name]) {
			if n != name {
				out[n] = true
			}
		}
	}
	return out
}

// namesIn reports the Hugo names in one layout file (see hugoNames), and
// the returns Hugo refuses (returnsIn). A file
// that does not parse reports none: its parse problem says why. defined
// are the names the layouts define (see defines).
func namesIn(name, src string, funcs template.FuncMap, defined func() map[string]bool) []problem.Problem {
	trees := layoutTrees(name, src)
	var out []problem.Problem
	at := func(tr *parse.Tree, n parse.Node, msg, hint string) {
		loc, _ := tr.ErrorContext(n)
		line, col := position(loc)
		out = append(out, problem.Problem{File: Dir + "/" + name, Line: line, Col: col, Message: msg, Hint: hint})
	}
	for _, tr := range trees {
		made := madeMaps(tr)
		walk(tr.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.IdentifierNode:
				if _, ok := funcs[n.Ident]; !ok && !builtins[n.Ident] {
					at(tr, n, fmt.Sprintf("function %q not defined", n.Ident), unknownFunctionHint(n.Ident, funcs))
				}
			case *parse.ChainNode:
				if id, ok := n.Node.(*parse.IdentifierNode); ok && len(n.Field) > 0 {
					_, known := funcs[id.Ident]
					if (!known && !builtins[id.Ident]) || (hugoNamespaces[id.Ident] && !namespaceHas(funcs, id.Ident, n.Field[0])) {
						called := id.Ident // now.Year reads the field Year of what now gives
						if hugoNamespaces[called] {
							called += "." + n.Field[0]
						}
						at(tr, id, fmt.Sprintf("function %q not defined", called), unknownFunctionHint(called, funcs))
						return
					}
					fieldNames(tr, n, append([]string{id.Ident}, n.Field...), at)
					return
				}
				fieldNames(tr, n, append([]string{""}, n.Field...), at)
			case *parse.FieldNode:
				fieldNames(tr, n, append([]string{"."}, n.Ident...), at)
			case *parse.VariableNode:
				if !made[n.Ident[0]] {
					fieldNames(tr, n, n.Ident, at)
				}
			case *parse.TemplateNode:
				if h, ok := internalTemplateHint(n.Name); ok {
					at(tr, n, fmt.Sprintf("no such template %q: it is built into Hugo", n.Name), h)
					return
				}
				// Partials run one another by template, as they are one
				// set; a page or shortcode runs only the layouts' defines.
				if !strings.HasPrefix(n.Name, "partials/") || strings.HasPrefix(name, "partials/") || defined()[n.Name] {
					return
				}
				arg := ""
				if n.Pipe != nil {
					arg = n.Pipe.String()
				}
				if h, ok := partialTemplateHint(n.Name, arg); ok {
					at(tr, n, fmt.Sprintf("no such template %q: a partial is run with partial, not template", n.Name), h)
				}
			}
		})
	}
	returnsIn(name, trees, at)
	problem.Sort(out)
	return out
}

func unknownFunctionHint(name string, funcs template.FuncMap) string {
	if h := functionHint(name); h != "" {
		return h
	}
	if h := nearFunctionHint(name, funcs); h != "" {
		return h
	}
	return "there is no function " + name + " in samizdat: check its spelling against the functions in docs/templates.md"
}

// fieldNames reports the Hugo fields in a chain of names: idents[0] is
// what the chain starts from ("." for the dot, "" for a parenthesised
// value, else a variable or a function), the rest the fields read in
// turn. What a site's own params and data hold is theirs to name, so the
// names after Params or Data are not read.
func fieldNames(tr *parse.Tree, n parse.Node, idents []string, at func(*parse.Tree, parse.Node, string, string)) {
	for i := 1; i < len(idents); i++ {
		prev, name := idents[i-1], idents[i]
		if name == "Params" || name == "Data" {
			return
		}
		var hint string
		switch {
		case (prev == "Site" || prev == "site") && slices.Contains(hugoSiteFields, name):
			hint = hugoFields[name]
		case prev == "File" && fileFields[name] != "":
			hint = fileFields[name]
		case slices.Contains(hugoPageFields, name):
			hint = hugoFields[name]
		default:
			continue
		}
		at(tr, n, chainText(idents[:i+1])+" is Hugo's: samizdat does not have it", hint)
		return
	}
}

// chainText writes a chain of names as the template does: .Site.Author,
// $.Scratch, $p.Scratch, site.Config, (…).Scratch.
func chainText(idents []string) string {
	switch idents[0] {
	case ".":
		return "." + strings.Join(idents[1:], ".")
	case "":
		return "(…)." + strings.Join(idents[1:], ".")
	}
	return strings.Join(idents, ".")
}

// position reads the line and column of a parse.Tree.ErrorContext
// location, "name:line:col".
func position(loc string) (line, col int) {
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return 0, 0
	}
	line, _ = strconv.Atoi(parts[len(parts)-2])
	col, _ = strconv.Atoi(parts[len(parts)-1])
	return line, col
}

// walk calls visit on n and every node below it.
// madeMaps are the variables of tr set to a map the template makes
// ({{ $d := dict "Site" … }}): their keys are the template's own, so
// $d.Site.Author is not Hugo's .Site.Author.
func madeMaps(tr *parse.Tree) map[string]bool {
	made := map[string]bool{}
	walk(tr.Root, func(n parse.Node) {
		p, ok := n.(*parse.PipeNode)
		if !ok || len(p.Decl) != 1 || len(p.Cmds) == 0 || len(p.Cmds[0].Args) == 0 {
			return
		}
		if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok && id.Ident == "dict" {
			made[p.Decl[0].Ident[0]] = true
		}
	})
	return made
}

func walk(n parse.Node, visit func(parse.Node)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		for _, c := range n.Args {
			walk(c, visit)
		}
	case *parse.ChainNode:
		if _, ok := n.Node.(*parse.IdentifierNode); !ok {
			walk(n.Node, visit) // the chain itself reads a function's fields
		}
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	walk(b.Pipe, visit)
	walk(b.List, visit)
	walk(b.ElseList, visit)
}
