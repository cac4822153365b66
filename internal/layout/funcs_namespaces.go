package layout

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"math"
	"net/url"
	"path"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
)

// Hugo's functions live in namespaces (strings.TrimPrefix, math.Max,
// path.Base), and many also have a short name (lower is strings.ToLower).
// A Hugo theme calls both. samizdat's namespaces are built as Hugo's are
// (gohugoio/hugo tpl/internal, TemplateFuncsNamespace): each is a
// function of no arguments in the function set, giving a value whose
// methods are the namespace's functions, so text/template reads
// "strings.TrimPrefix A B" as the method TrimPrefix, called with A and B,
// of what the function strings gives. A function samizdat has under a
// short name is that same function under its namespace name: each method
// below either calls the short name's implementation or is new, with
// Hugo's arguments and results. What a namespace lacks is found when the
// layouts are read (namespaceHas, called from namesIn) and told with
// namespaceHint.

// namespaces are the namespace functions of the set: the value each
// gives carries the site's Env, the Set (for partials and templates) and
// the set's compiled patterns.
func (e Env) namespaces(s *Set, re *regexps) template.FuncMap {
	return template.FuncMap{
		"cast":        func() castNS { return castNS{} },
		"collections": func() collectionsNS { return collectionsNS{} },
		"compare":     func() compareNS { return compareNS{} },
		"crypto":      func() cryptoNS { return cryptoNS{} },
		"encoding":    func() encodingNS { return encodingNS{} },
		"fmt":         func() fmtNS { return fmtNS{} },
		"lang":        func() langNS { return langNS{e} },
		"math":        func() mathNS { return mathNS{} },
		"partials":    s.partialsFunc(0),
		"path":        func() pathNS { return pathNS{} },
		"reflect":     func() reflectNS { return reflectNS{} },
		"resources":   func() resourcesNS { return newResourcesNS(e, s) },
		"safe":        func() safeNS { return safeNS{} },
		"strings":     func() stringsNS { return stringsNS{re} },
		"templates":   func() templatesNS { return templatesNS{s} },
		"time":        e.timeFunc,
		"transform":   func() transformNS { return transformNS{e} },
		"urls":        func() urlsNS { return urlsNS{e} },
	}
}

// namespaceHas reports whether the namespace ns of funcs has the
// function name: whether what ns gives with no arguments has the method.
// A namespace funcs does not hold has nothing.
func namespaceHas(funcs template.FuncMap, ns, name string) bool {
	v := namespaceValue(funcs[ns])
	if !v.IsValid() {
		return false
	}
	_, ok := v.Type().MethodByName(name)
	return ok
}

// namespaceValue is what a namespace function gives when called with no
// arguments, or the zero Value for anything that is not one. The
// functions are pure and cheap: time is the only one that takes
// arguments, and gives its namespace without them, as Hugo's does.
func namespaceValue(fn any) reflect.Value {
	f := reflect.ValueOf(fn)
	if f.Kind() != reflect.Func {
		return reflect.Value{}
	}
	if t := f.Type(); t.NumOut() == 0 || !(t.NumIn() == 0 || t.NumIn() == 1 && t.IsVariadic()) {
		return reflect.Value{}
	}
	v := f.Call(nil)[0]
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	return v
}

// namespaceFuncs lists the functions of samizdat's namespace ns, sorted,
// or nil when samizdat has no such namespace.
func namespaceFuncs(ns string) []string {
	v := namespaceValue(Env{}.namespaces(&Set{}, nil)[ns])
	if !v.IsValid() {
		return nil
	}
	names := make([]string, v.NumMethod())
	for i := range names {
		names[i] = v.Type().Method(i).Name
	}
	return names
}

// namespaceHint is the hint for a call of a namespace function samizdat
// lacks ("strings.Foo", "time.Now", "os.Getenv"), or "" for a name that
// is no namespace's. A function left out that Hugo also has under a
// short name gets that name's hint, and a short name ("merge", "warnf")
// gets its namespace function's.
func namespaceHint(name string) string {
	if long, ok := hugoShortNames[name]; ok {
		name = long
	}
	if h, ok := nsLeftOut[name]; ok {
		return h
	}
	if h, ok := leftOut[hugoAliases[name]]; ok {
		return h
	}
	ns, fn, ok := strings.Cut(name, ".")
	if !ok {
		return ""
	}
	if h, ok := nsLeftOut[ns]; ok {
		return h
	}
	if funcs := namespaceFuncs(ns); funcs != nil {
		return fmt.Sprintf("samizdat's %s namespace has no %s; it has %s (see Namespaces in docs/templates.md)", ns, fn, strings.Join(funcs, ", "))
	}
	return ""
}

// namespaceCallHint is the hint for an error of a namespace function at
// its call: how it is called. text/template names the call "at
// <strings.Contains>: error calling Contains: …" or, when it counts the
// arguments, "at <strings>: wrong number of args for Contains: …". It is
// "" for any other error.
func namespaceCallHint(msg string) string {
	_, rest, ok := strings.Cut(msg, " at <")
	if !ok {
		return ""
	}
	at, rest, _ := strings.Cut(rest, ">: ")
	name := at
	for _, before := range []string{"error calling ", "wrong number of args for "} {
		if fn, ok := strings.CutPrefix(rest, before); ok {
			fn, _, _ = strings.Cut(fn, ":")
			if ns, _, _ := strings.Cut(at, "."); fn != ns {
				name = ns + "." + fn
			}
		}
	}
	args, ok := nsArgs[name]
	if !ok {
		return ""
	}
	return fmt.Sprintf("call it as {{ %s }}, as Hugo's is called (Namespaces in docs/templates.md)", strings.TrimSpace(name+" "+args))
}

// hugoAliases are the short names Hugo gives its namespace functions
// (the AddMethodMapping calls of gohugoio/hugo tpl/*/init.go). Where
// samizdat has the function, the namespace's method calls the short
// name's implementation; where it leaves it out, the short name's hint
// in leftOut is the namespace function's.
var hugoAliases = map[string]string{
	"cast.ToInt": "int", "cast.ToFloat": "float", "cast.ToString": "string",
	"collections.After": "after", "collections.Append": "append", "collections.Complement": "complement",
	"collections.Delimit": "delimit", "collections.Dictionary": "dict", "collections.First": "first",
	"collections.In": "in", "collections.Intersect": "intersect", "collections.IsSet": "isset",
	"collections.Last": "last", "collections.NewScratch": "newScratch", "collections.Seq": "seq", "collections.Slice": "slice", "collections.Sort": "sort",
	"collections.Union": "union", "collections.Uniq": "uniq", "collections.Where": "where",
	"compare.Eq": "eq", "compare.Ne": "ne", "compare.Lt": "lt", "compare.Le": "le", "compare.Gt": "gt", "compare.Ge": "ge",
	"compare.Conditional": "cond", "compare.Default": "default",
	"crypto.MD5": "md5", "crypto.SHA256": "sha256",
	"encoding.Base64Encode": "base64Encode", "encoding.Base64Decode": "base64Decode", "encoding.Jsonify": "jsonify",
	"fmt.Print": "print", "fmt.Printf": "printf", "fmt.Println": "println", "fmt.Errorf": "errorf",
	"inflect.Humanize": "humanize",
	"lang.Translate":   "T",
	"math.Add":         "add", "math.Sub": "sub", "math.Mul": "mul", "math.Div": "div", "math.Mod": "mod", "math.ModBool": "modBool",
	"os.Getenv": "getenv", "os.ReadFile": "readFile", "os.FileExists": "fileExists",
	"partials.Include": "partial", "partials.IncludeCached": "partialCached",
	"resources.Minify": "minify", "resources.Fingerprint": "fingerprint",
	"resources.ToCSS": "toCSS", "resources.PostCSS": "postCSS", "resources.Babel": "babel",
	"safe.HTML": "safeHTML", "safe.URL": "safeURL", "safe.JS": "safeJS", "safe.CSS": "safeCSS",
	"safe.HTMLAttr": "safeHTMLAttr", "safe.JSStr": "safeJSStr",
	"strings.Chomp": "chomp", "strings.CountRunes": "countrunes", "strings.CountWords": "countwords",
	"strings.FindRE": "findRE", "strings.HasPrefix": "hasPrefix", "strings.HasSuffix": "hasSuffix",
	"strings.ToLower": "lower", "strings.Replace": "replace", "strings.ReplaceRE": "replaceRE",
	"strings.SliceString": "slicestr", "strings.Split": "split", "strings.Substr": "substr", "strings.Trim": "trim",
	"strings.Title": "title", "strings.Truncate": "truncate", "strings.ToUpper": "upper",
	"time.Format": "dateFormat", "time.Now": "now",
	"transform.Emojify": "emojify", "transform.Highlight": "highlight", "transform.HTMLEscape": "htmlEscape",
	"transform.HTMLUnescape": "htmlUnescape", "transform.Markdownify": "markdownify", "transform.Plainify": "plainify",
	"urls.AbsURL": "absURL", "urls.AbsLangURL": "absLangURL", "urls.Anchorize": "anchorize", "urls.Ref": "ref",
	"urls.RelRef": "relref", "urls.RelURL": "relURL", "urls.RelLangURL": "relLangURL", "urls.URLize": "urlize",
	// Left out with a hint in nsLeftOut, under the namespace's name.
	"collections.Apply": "apply", "collections.Group": "group", "collections.KeyVals": "keyVals", "collections.Merge": "merge",
	"collections.Querify": "querify", "collections.Shuffle": "shuffle", "collections.SymDiff": "symdiff",
	"crypto.SHA1": "sha1", "data.GetCSV": "getCSV", "data.GetJSON": "getJSON",
	"fmt.Erroridf": "erroridf", "fmt.Warnf": "warnf", "fmt.Warnidf": "warnidf",
	"inflect.Pluralize": "pluralize", "inflect.Singularize": "singularize", "os.ReadDir": "readDir",
	"strings.FindRESubmatch": "findRESubmatch", "time.Duration": "duration", "transform.Unmarshal": "unmarshal",
}

// hugoShortNames are hugoAliases the other way: the namespace function
// of each short name.
var hugoShortNames = func() map[string]string {
	m := make(map[string]string, len(hugoAliases))
	for long, short := range hugoAliases {
		m[short] = long
	}
	return m
}()

// nsArgs are the arguments each namespace function takes, in Hugo's
// order, for the hint of a call that gives it the wrong ones; the
// docs' Namespaces list writes each function so.
var nsArgs = map[string]string{
	"cast.ToInt": "VALUE", "cast.ToFloat": "VALUE", "cast.ToString": "VALUE",
	"collections.After": "N LIST", "collections.Append": "ITEM... LIST", "collections.Delimit": "LIST SEPARATOR [LAST]",
	"collections.Dictionary": "KEY VALUE...", "collections.First": "N LIST", "collections.In": "LIST VALUE",
	"collections.Intersect": "LIST1 LIST2", "collections.IsSet": "MAP KEY", "collections.Last": "N LIST", "collections.NewScratch": "",
	"collections.Seq": "[FIRST [STEP]] LAST", "collections.Slice": "ITEM...", "collections.Union": "LIST1 LIST2",
	"collections.Uniq": "LIST", "collections.Where": "LIST KEY [OPERATOR] VALUE",
	"compare.Eq": "A B...", "compare.Ne": "A B...", "compare.Lt": "A B...", "compare.Le": "A B...", "compare.Gt": "A B...",
	"compare.Ge": "A B...", "compare.Conditional": "CONTROL A B", "compare.Default": "DEFAULT VALUE",
	"crypto.MD5": "TEXT", "crypto.SHA256": "TEXT",
	"encoding.Base64Encode": "TEXT", "encoding.Base64Decode": "TEXT", "encoding.Jsonify": "VALUE",
	"fmt.Print": "VALUE...", "fmt.Printf": "FORMAT VALUE...", "fmt.Println": "VALUE...", "fmt.Errorf": "FORMAT VALUE...",
	"lang.Translate": "KEY [COUNT]",
	"math.Abs":       "NUMBER", "math.Add": "A B...", "math.Ceil": "NUMBER", "math.Div": "A B...", "math.Floor": "NUMBER",
	"math.Log": "NUMBER", "math.Max": "NUMBER...", "math.Min": "NUMBER...", "math.Mod": "A B", "math.ModBool": "A B",
	"math.Mul": "A B...", "math.Pow": "NUMBER POWER", "math.Product": "NUMBER...", "math.Round": "NUMBER",
	"math.Sqrt": "NUMBER", "math.Sub": "A B...", "math.Sum": "NUMBER...",
	"partials.Include": "NAME VALUE", "partials.IncludeCached": "NAME VALUE [VARIANT...]",
	"path.Base": "PATH", "path.BaseName": "PATH", "path.Clean": "PATH", "path.Dir": "PATH", "path.Ext": "PATH",
	"path.Join": "PART...", "path.Split": "PATH",
	"reflect.IsMap": "VALUE", "reflect.IsSlice": "VALUE",
	"resources.Get": "PATH", "resources.GetMatch": "PATTERN", "resources.Match": "PATTERN", "resources.ByType": "TYPE",
	"resources.Concat": "TARGET LIST", "resources.FromString": "TARGET TEXT", "resources.Copy": "TARGET RESOURCE",
	"resources.ExecuteAsTemplate": "TARGET CONTEXT RESOURCE", "resources.Minify": "RESOURCE", "resources.Fingerprint": "[ALGORITHM] RESOURCE",
	"safe.HTML": "TEXT", "safe.URL": "TEXT",
	"strings.Contains": "TEXT PART", "strings.ContainsAny": "TEXT CHARACTERS", "strings.ContainsNonSpace": "TEXT",
	"strings.Count": "PART TEXT", "strings.CountRunes": "TEXT", "strings.CountWords": "TEXT",
	"strings.FindRE": "PATTERN TEXT [LIMIT]", "strings.FirstUpper": "TEXT", "strings.HasPrefix": "TEXT PREFIX",
	"strings.HasSuffix": "TEXT SUFFIX", "strings.Repeat": "N TEXT", "strings.Replace": "TEXT OLD NEW [LIMIT]",
	"strings.ReplaceRE": "PATTERN REPLACEMENT TEXT [LIMIT]", "strings.RuneCount": "TEXT", "strings.Split": "TEXT SEPARATOR",
	"strings.Substr": "TEXT START [LENGTH]", "strings.Title": "TEXT", "strings.ToLower": "TEXT", "strings.ToUpper": "TEXT",
	"strings.Trim": "TEXT CHARACTERS", "strings.TrimLeft": "CHARACTERS TEXT", "strings.TrimPrefix": "PREFIX TEXT",
	"strings.TrimRight": "CHARACTERS TEXT", "strings.TrimSpace": "TEXT", "strings.TrimSuffix": "SUFFIX TEXT",
	"strings.Truncate": "LENGTH [ELLIPSIS] TEXT",
	"templates.Exists": "NAME",
	"time":             "DATE", "time.AsTime": "DATE", "time.Format": "LAYOUT DATE",
	"transform.HTMLEscape": "TEXT", "transform.HTMLUnescape": "TEXT", "transform.Markdownify": "TEXT", "transform.Plainify": "TEXT",
	"urls.AbsURL": "PATH", "urls.AbsLangURL": "PATH", "urls.JoinPath": "PART...", "urls.Parse": "URL",
	"urls.RelURL": "PATH", "urls.RelLangURL": "PATH", "urls.URLize": "TEXT",
}

// nsLeftOut says why samizdat leaves out a function of Hugo's namespaces
// (or a whole namespace) that has no short name in leftOut, and what to
// write instead.
var nsLeftOut = map[string]string{
	"os":     "samizdat has no os namespace: templates read no files and no environment, so a build gives the same files on every computer; put data in data/ (read as .Site.Data.NAME) and settings in site.toml's [params]",
	"images": "samizdat has no images namespace (images.Filter, images.Config …): a picture's .Resize, .Fit, .Fill, .Crop and .Process work, {{ with .Resources.GetMatch \"cover.*\" }}{{ (.Fill \"1200x630\").RelPermalink }}{{ end }}, and .Width and .Height give its size; for a filter, edit the picture itself (docs/templates.md, \"Processing a picture\")",
	"css":    sassHint,
	"js":     jsBuildHint,
	// Hugo's resources functions that run a tool from outside, or read
	// from the network (funcs_resources.go has the others).
	"resources.ToCSS":       sassHint,
	"resources.PostCSS":     sassHint,
	"resources.PostProcess": "samizdat has no resources.PostProcess: it needs no second pass; remove the call and link the resource's .RelPermalink",
	"resources.Babel":       jsBuildHint,
	"resources.GetRemote":   "samizdat has no resources.GetRemote: a campaign site loads nothing from other sites, and its build reads nothing from the network; download the file once, put it in assets/ and write resources.Get \"its/path\"",
	"data":                  "samizdat has no data.GetJSON or data.GetCSV: a build reads nothing from the network; put the file in data/ and read it as .Site.Data.NAME",
	"openapi3":              "samizdat has no openapi3: put the document in data/ (YAML or JSON) and read it as .Site.Data.NAME",
	"diagrams":              "samizdat has no diagrams: draw the diagram as an SVG file in static/ and show it with <img>",
	"debug":                 "samizdat has no debug namespace: while writing a layout, print a value with {{ printf \"%#v\" . }}",
	"hash":                  "samizdat has no hash namespace: write md5 or sha256 for a text's hash",
	"inflect":               "samizdat has no inflect namespace (Humanize, Pluralize, Singularize): its rules are English only; write the words in the template, or in i18n/ for each language (T picks the plural form by a count)",
	"lang":                  "samizdat's lang namespace has only Translate (T): write a number with printf (\"%d\", \"%.1f\"), and words for each language in i18n/",
	"lang.Merge":            "samizdat has no lang.Merge: .Site.GetPage finds a page in the language's fallback when it is not translated (see fallback in docs/settings.md)",
	"math.Counter": "samizdat leaves math.Counter out: pages are rendered in parallel, so the number a page got would change from build to build; " +
		"count in a template variable ({{ $n := 0 }}{{ $n = add $n 1 }}) or with range's index ({{ range $i, $p := .Pages }})",
	"math.Rand":              "samizdat leaves math.Rand out: a build must give the same files every time it runs on the same sources; write the choice in the template or in front matter",
	"math.Pi":                trigHint,
	"math.Sin":               trigHint,
	"math.Cos":               trigHint,
	"math.Tan":               trigHint,
	"math.Asin":              trigHint,
	"math.Acos":              trigHint,
	"math.Atan":              trigHint,
	"math.Atan2":             trigHint,
	"collections.Shuffle":    "samizdat leaves collections.Shuffle out: a random order would make every build differ; choose the order with sortBy",
	"collections.Index":      "write index, Go's: {{ index .Params \"key\" }}, {{ index .Params.tags 0 }}",
	"collections.Reverse":    "write .Reverse on a list of pages ({{ range .Pages.ByDate.Reverse }}), or sortBy with \"desc\"",
	"collections.Merge":      "samizdat has no merge: build the map you need with dict",
	"collections.Querify":    "write the query with urlquery: ?q={{ urlquery .Title }}&page=2",
	"collections.Apply":      "samizdat has no apply: call the function on each item in a range, {{ range .Params.tags }}{{ upper . }} {{ end }}",
	"collections.Group":      "samizdat has no group: group a list of pages with .GroupBy, .GroupByParam or .GroupByDate, which .Paginate pages as Hugo's does",
	"collections.KeyVals":    "samizdat has no keyVals, which Hugo's .RelatedTo takes: find related pages with .Site.RegularPages.Related .",
	"collections.SymDiff":    "samizdat has no symdiff: keep each list's items the other lacks with where … \"not in\", and join the two with union",
	"crypto.SHA1":            "samizdat has no sha1: write sha256 or md5",
	"crypto.FNV32a":          "samizdat has no FNV32a: write sha256 or md5",
	"crypto.HMAC":            "samizdat has no HMAC: a key in a template would be published with the site's sources; write sha256 of a text",
	"fmt.Erroridf":           "write errorf: {{ errorf \"%s needs a date\" .File }}",
	"fmt.Warnf":              warnHint,
	"fmt.Warnidf":            warnHint,
	"strings.FindRESubmatch": "samizdat has no findRESubmatch: take a group out of a match with replaceRE, {{ replaceRE `.*href=\"([^\"]+)\".*` \"$1\" TEXT }}",
	"strings.Diff":           "samizdat has no strings.Diff: a diff has no place on a campaign's pages; remove the call",
	"strings.ReplacePairs":   "write replace once for each pair: {{ replace (replace TEXT \"a\" \"b\") \"c\" \"d\" }}",
	"templates.Defer":        "samizdat has no templates.Defer: a page is rendered once, so write what the deferred block wrote in the page itself",
	"templates.Current":      "samizdat has no templates.Current: name the template in the template's own text",
	"time.Duration":          durationHint,
	"time.ParseDuration":     durationHint,
	"time.In":                "samizdat has no time.In: a build reads dates as written in front matter (with their offset, if they have one), the same on every computer; write the offset in the date itself (2024-05-01T10:00:00+05:00)",
	"transform.Unmarshal":    "samizdat has no transform.Unmarshal: put the data in a file under data/ (YAML, TOML or JSON) and read it as .Site.Data.NAME",
	"transform.Remarshal":    "samizdat has no transform.Remarshal: write the data in the format you need under data/",
	"transform.XMLEscape":    "write htmlEscape: {{ htmlEscape TEXT }} escapes the same characters",
	"transform.ToMath":       "samizdat has no transform.ToMath: write the formula as an SVG picture or as text",
	"urls.PathEscape":        "write urlquery, Go's: {{ urlquery TEXT }}",
}

const (
	sassHint     = "samizdat has no Sass, PostCSS or Tailwind (toCSS, css.Sass, css.PostCSS, css.TailwindCSS): they run a tool from outside the build; build the stylesheet with that tool, put the CSS in assets/ and write {{ with resources.Get \"css/main.css\" }}<link rel=\"stylesheet\" href=\"{{ .RelPermalink }}\">{{ end }}: the build minifies and fingerprints it"
	jsBuildHint  = "samizdat has no js.Build or babel: they run a bundler from outside the build; bundle the script with that tool, put it in assets/ and write {{ with resources.Get \"js/main.js\" }}<script src=\"{{ .RelPermalink }}\" defer></script>{{ end }}: the build minifies and fingerprints it"
	trigHint     = "samizdat has no trigonometry (math.Pi, math.Sin …): their results' last digits differ between processors, and a build must give the same files on every computer; draw with an SVG file in static/"
	warnHint     = "samizdat has no warnf: a template's warning would scroll past in every build; stop the build with errorf where a page must be fixed, or remove the call"
	durationHint = "samizdat has no durations: Go writes one as 1h12m10s, which no reader writes; write the number and its unit in the page's words, e.g. {{ .ReadingTime }} min"
)

// castNS is Hugo's cast namespace.
type castNS struct{}

func (castNS) ToInt(v any) (int, error)       { return toInt(v) }
func (castNS) ToFloat(v any) (float64, error) { return toFloat(v) }
func (castNS) ToString(v any) (string, error) { return toString(v) }

// collectionsNS is Hugo's collections namespace.
type collectionsNS struct{}

func (collectionsNS) After(n, coll any) (any, error)               { return after(n, coll) }
func (collectionsNS) Append(args ...any) (any, error)              { return appendItems(args...) }
func (collectionsNS) Dictionary(kv ...any) (map[string]any, error) { return dict(kv...) }
func (collectionsNS) First(n, coll any) (any, error)               { return first(n, coll) }
func (collectionsNS) In(coll, v any) bool                          { return in(coll, v) }
func (collectionsNS) Intersect(a, b any) (any, error)              { return intersect(a, b) }
func (collectionsNS) IsSet(coll, key any) bool                     { return isset(coll, key) }
func (collectionsNS) Last(n, coll any) (any, error)                { return last(n, coll) }
func (collectionsNS) Seq(args ...any) ([]int, error)               { return seq(args...) }
func (collectionsNS) Slice(v ...any) any                           { return sliceOf(v...) }
func (collectionsNS) Union(a, b any) (any, error)                  { return union(a, b) }
func (collectionsNS) Uniq(coll any) (any, error)                   { return uniq(coll) }

// NewScratch is newScratch: a pad of the template's own.
func (collectionsNS) NewScratch() *Scratch { return NewScratch() }

func (collectionsNS) Delimit(coll, sep any, last ...any) (string, error) {
	return delimit(coll, sep, last...)
}

func (collectionsNS) Where(coll any, key string, args ...any) (any, error) {
	return where(coll, key, args...)
}

// sliceOf is slice: its arguments as a list, a list of pages of pages
// (listOf), as Hugo's.
func sliceOf(v ...any) any { return listOf(v) }

// compareNS is Hugo's compare namespace.
type compareNS struct{}

func (compareNS) Eq(a any, b ...any) (bool, error) { return eq(a, b...) }
func (compareNS) Ne(a any, b ...any) (bool, error) { return ne(a, b...) }
func (compareNS) Lt(a any, b ...any) (bool, error) { return lt(a, b...) }
func (compareNS) Le(a any, b ...any) (bool, error) { return le(a, b...) }
func (compareNS) Gt(a any, b ...any) (bool, error) { return gt(a, b...) }
func (compareNS) Ge(a any, b ...any) (bool, error) { return ge(a, b...) }
func (compareNS) Conditional(c, a, b any) any      { return cond(c, a, b) }
func (compareNS) Default(def, v any) any           { return defaultValue(def, v) }

// cryptoNS is Hugo's crypto namespace.
type cryptoNS struct{}

func (cryptoNS) MD5(v any) (string, error)    { return str1(md5Hex)(v) }
func (cryptoNS) SHA256(v any) (string, error) { return str1(sha256Hex)(v) }

// encodingNS is Hugo's encoding namespace.
type encodingNS struct{}

func (encodingNS) Base64Encode(v any) (string, error) { return str1(base64Encode)(v) }
func (encodingNS) Base64Decode(v any) (string, error) { return base64Decode(v) }
func (encodingNS) Jsonify(v any) (template.JS, error) { return jsonify(v) }

// fmtNS is Hugo's fmt namespace: Print, Printf and Println are Go's, as
// text/template's print, printf and println are; Errorf is errorf, whose
// message the build shows as the template's own under either name
// (errorfMessage).
type fmtNS struct{}

func (fmtNS) Errorf(format string, v ...any) (string, error) { return errorf(format, v...) }

func (fmtNS) Print(v ...any) string                 { return fmt.Sprint(v...) }
func (fmtNS) Printf(format string, v ...any) string { return fmt.Sprintf(format, v...) }
func (fmtNS) Println(v ...any) string               { return fmt.Sprintln(v...) }

// langNS is Hugo's lang namespace.
type langNS struct{ e Env }

func (n langNS) Translate(key any, count ...any) (string, error) { return n.e.translate(key, count...) }

// mathNS is Hugo's math namespace. Mod is samizdat's, on whole numbers;
// the others take and give any number, as Hugo's do, except where a
// result could differ between computers.
type mathNS struct{}

func (mathNS) Add(a, b any, more ...any) (any, error) { return add(a, b, more...) }
func (mathNS) Sub(a, b any, more ...any) (any, error) { return sub(a, b, more...) }
func (mathNS) Mul(a, b any, more ...any) (any, error) { return mul(a, b, more...) }
func (mathNS) Div(a, b any, more ...any) (any, error) { return div(a, b, more...) }
func (mathNS) Mod(a, b any) (int, error)              { return mod(a, b) }
func (mathNS) ModBool(a, b any) (bool, error)         { return modBool(a, b) }

// add, sub, mul and div are Hugo's (gohugoio/hugo common/math
// DoArithmetic, through tpl/math's Add … Div): two numbers or more,
// combined from the first on. Whole numbers give a whole number (div 7 2
// is 3); once a fraction is among them (2.5, float 7, a JSON number), the
// result is one (div (float 7) 2 is 3.5), where dividing whole numbers
// would give a reading time or a percentage silently cut. Each step is
// one IEEE operation, which gives the same bits on every processor.
// Text is not a number here: Hugo's add joins two texts.
func add(a, b any, more ...any) (any, error) {
	return arithmetic("add", a, b, more, func(x, y int) int { return x + y }, func(x, y float64) float64 { return x + y })
}

func sub(a, b any, more ...any) (any, error) {
	return arithmetic("sub", a, b, more, func(x, y int) int { return x - y }, func(x, y float64) float64 { return x - y })
}

func mul(a, b any, more ...any) (any, error) {
	return arithmetic("mul", a, b, more, func(x, y int) int { return x * y }, func(x, y float64) float64 { return x * y })
}

func div(a, b any, more ...any) (any, error) {
	return arithmetic("div", a, b, more, func(x, y int) int { return x / y }, func(x, y float64) float64 { return x / y })
}

// arithmetic combines a, b and more with intOp while they are whole
// numbers and with floatOp from the first fraction on, as Hugo's does
// for each pair. Dividing by zero is an error.
func arithmetic(fn string, a, b any, more []any, intOp func(x, y int) int, floatOp func(x, y float64) float64) (any, error) {
	acc, err := arithNumber(fn, a)
	if err != nil {
		return nil, err
	}
	for _, v := range append([]any{b}, more...) {
		next, err := arithNumber(fn, v)
		if err != nil {
			return nil, err
		}
		fx, _ := number(acc)
		fy, _ := number(next)
		if fn == "div" && fy == 0 {
			return nil, errors.New("div: division by zero")
		}
		x, xWhole := acc.(int)
		y, yWhole := next.(int)
		if xWhole && yWhole {
			acc = intOp(x, y)
		} else {
			acc = floatOp(fx, fy)
		}
	}
	return acc, nil
}

// arithNumber reads a number for add, sub, mul or div: an int for any
// integer type (TOML front matter gives int64, a template's literal
// int), a float64 for a float.
func arithNumber(fn string, v any) (any, error) {
	f, ok := number(v)
	switch {
	case !ok:
		return nil, fmt.Errorf("%s: %v is not a number (write int or float to turn text into one)", fn, v)
	case isWhole(v):
		return toInt(v) // exact, where f may have lost a large int64's last digits
	}
	return f, nil
}

// modBool is Hugo's: whether a divides by b with nothing left.
func modBool(a, b any) (bool, error) {
	r, err := mod(a, b)
	return r == 0, err
}

func (mathNS) Abs(v any) (float64, error)   { return float1(v, math.Abs) }
func (mathNS) Ceil(v any) (float64, error)  { return float1(v, math.Ceil) }
func (mathNS) Floor(v any) (float64, error) { return float1(v, math.Floor) }
func (mathNS) Sqrt(v any) (float64, error)  { return float1(v, math.Sqrt) }
func (mathNS) Log(v any) (float64, error)   { return float1(v, portableLog) }

// Round rounds half away from zero, as Hugo's does.
func (mathNS) Round(v any) (float64, error) { return float1(v, math.Round) }

// Pow takes a whole-number power, or ±0.5 (a square root): for those
// Go's math.Pow multiplies, or takes math.Sqrt, which give the same bits
// on every processor. A fractional power goes through exp and log, whose
// last digit differs between processors (assembly on some, fused
// multiply-adds on others), and a build must give the same files on each.
func (mathNS) Pow(x, y any) (float64, error) {
	a, err := toFloat(x)
	if err != nil {
		return 0, err
	}
	b, err := toFloat(y)
	if err != nil {
		return 0, err
	}
	if b != math.Trunc(b) && math.Abs(b) != 0.5 {
		return 0, &hintedError{msg: fmt.Sprintf("math.Pow %v %v: samizdat takes only a whole-number power, or 0.5", a, b),
			hint: "a fractional power's last digits differ between computers, and a build must give the same files on each; write a whole power, or math.Sqrt for a square root"}
	}
	return math.Pow(a, b), nil
}

func (mathNS) Max(v ...any) (float64, error) { return fold("math.Max", v, math.Max) }
func (mathNS) Min(v ...any) (float64, error) { return fold("math.Min", v, math.Min) }
func (mathNS) Sum(v ...any) (float64, error) {
	return fold("math.Sum", v, func(a, b float64) float64 { return a + b })
}
func (mathNS) Product(v ...any) (float64, error) {
	return fold("math.Product", v, func(a, b float64) float64 { return a * b })
}

// float1 is f of a number given as any value toFloat reads.
func float1(v any, f func(float64) float64) (float64, error) {
	x, err := toFloat(v)
	if err != nil {
		return 0, err
	}
	return f(x), nil
}

// fold combines the numbers given, and the items of any list among them,
// with op from the first on, as Hugo's Max, Min, Sum and Product do. A
// list with nothing in it and no other number gives 0, as Hugo's
// (tpl/math applyOpToScalarsOrSlices): the sum of no donations is 0.
func fold(fn string, args []any, op func(a, b float64) float64) (float64, error) {
	var nums []float64
	for _, it := range flat(args) {
		f, err := toFloat(it)
		if err != nil {
			return 0, err
		}
		nums = append(nums, f)
	}
	if len(nums) == 0 && len(args) > 0 {
		return 0, nil // only empty lists
	}
	if len(nums) == 0 {
		return 0, fmt.Errorf("%s needs at least one number", fn)
	}
	out := nums[0]
	for _, f := range nums[1:] {
		out = op(out, f)
	}
	return out, nil
}

// portableLog is the natural logarithm with the same bits on every
// processor: Go's math.Log is assembly on amd64 and Go elsewhere, where
// the compiler may fuse a multiply and an add into one instruction that
// rounds once, so its last digit can differ between computers. Here
// x = m·2^k with m in [√2/2, √2), and ln m = 2·atanh(s) with
// s = (m-1)/(m+1), summed as a series; every product is rounded by an
// explicit float64 conversion, which the Go spec says prevents fusing.
// It is within a few units in the last place of the true value.
func portableLog(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	const (
		ln2Hi = 6.93147180369123816490e-01 // ln 2's first 32 bits: k·ln2Hi is exact
		ln2Lo = 1.90821492927058770002e-10 // the rest of ln 2
	)
	m, k := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		k--
	}
	s := (m - 1) / (m + 1)
	s2 := float64(s * s)
	// atanh(s)/s = 1 + s²/3 + s⁴/5 + …; |s| < 0.172, so 12 terms leave
	// less than 1e-19.
	p := 0.0
	for n := 25; n >= 3; n -= 2 {
		p = float64(p*s2) + 1/float64(n)
	}
	lnm := 2*s + float64(float64(2*s)*float64(s2*p))
	kf := float64(k)
	return float64(kf*ln2Hi) + (lnm + float64(kf*ln2Lo))
}

// partialsNS is Hugo's partials namespace, at the depth of partial calls
// the template it is called in runs at (see Set.level).
type partialsNS struct {
	s     *Set
	depth int
}

func (n partialsNS) Include(name string, data any) (any, error) {
	return n.s.partial(n.depth, name, data)
}

// IncludeCached is partialCached, which runs the partial on every call
// (see partialCachedFunc).
func (n partialsNS) IncludeCached(name string, data any, variants ...any) (any, error) {
	return n.s.partialCachedFunc(n.depth)(name, data, variants...)
}

// partialsFunc is the partials namespace of templates running depth
// partial calls deep, as partialFunc is the partial function's.
func (s *Set) partialsFunc(depth int) func() partialsNS {
	return func() partialsNS { return partialsNS{s, depth} }
}

// pathNS is Hugo's path namespace. Hugo first turns a Windows path's
// backslashes into slashes (filepath.ToSlash), which does nothing on
// other systems; samizdat reads every path with slashes on every system,
// so a build gives the same files on each.
type pathNS struct{}

func (pathNS) Base(v any) (string, error)  { return str1(path.Base)(v) }
func (pathNS) Clean(v any) (string, error) { return str1(path.Clean)(v) }
func (pathNS) Dir(v any) (string, error)   { return str1(path.Dir)(v) }
func (pathNS) Ext(v any) (string, error)   { return str1(path.Ext)(v) }

// BaseName is the last element of a path without its extension.
func (pathNS) BaseName(v any) (string, error) {
	return str1(func(p string) string { return strings.TrimSuffix(path.Base(p), path.Ext(p)) })(v)
}

// Join joins its parts, and the items of lists among them, into one
// clean path: empty parts are left out.
func (pathNS) Join(parts ...any) (string, error) {
	s, err := texts(flat(parts)...)
	if err != nil {
		return "", err
	}
	return path.Join(s...), nil
}

// DirFile is a path split after its last slash, as Hugo's path.Split
// gives it: Dir + File is the path.
type DirFile struct {
	Dir  string
	File string
}

// String is how Hugo prints a DirFile, {{ path.Split "blog/a.md" }}
// giving "blog/|a.md".
func (df DirFile) String() string { return df.Dir + "|" + df.File }

func (pathNS) Split(v any) (DirFile, error) {
	s, err := toString(v)
	if err != nil {
		return DirFile{}, err
	}
	dir, file := path.Split(s)
	return DirFile{Dir: dir, File: file}, nil
}

// flat is the values, the items of each list among them in its place,
// as Hugo's path.Join, urls.JoinPath and math.Max take them.
func flat(vals []any) []any {
	var out []any
	for _, v := range vals {
		if k := reflect.ValueOf(v).Kind(); k == reflect.Slice || k == reflect.Array {
			list, _ := items(v)
			out = append(out, list...)
			continue
		}
		out = append(out, v)
	}
	return out
}

// reflectNS is Hugo's reflect namespace, its IsMap and IsSlice.
type reflectNS struct{}

func (reflectNS) IsMap(v any) bool   { return reflect.ValueOf(v).Kind() == reflect.Map }
func (reflectNS) IsSlice(v any) bool { return reflect.ValueOf(v).Kind() == reflect.Slice }

// safeNS is Hugo's safe namespace, its HTML and URL: the others would
// switch off html/template's escaping (see safeJS in leftOut).
type safeNS struct{}

func (safeNS) HTML(v any) (template.HTML, error) { return str1(toHTML)(v) }
func (safeNS) URL(v any) (template.URL, error)   { return str1(toURL)(v) }

func toHTML(s string) template.HTML { return template.HTML(s) }
func toURL(s string) template.URL   { return template.URL(s) }

// stringsNS is Hugo's strings namespace. Its functions take any value
// that reads as text (toString), as Hugo's cast.ToString does.
type stringsNS struct{ re *regexps }

func (stringsNS) CountRunes(v any) (int, error)             { return countRunes(v) }
func (stringsNS) CountWords(v any) (int, error)             { return countWords(v) }
func (stringsNS) HasPrefix(v, p any) (bool, error)          { return str2(strings.HasPrefix)(v, p) }
func (stringsNS) HasSuffix(v, s any) (bool, error)          { return str2(strings.HasSuffix)(v, s) }
func (stringsNS) Split(v, sep any) ([]string, error)        { return str2(strings.Split)(v, sep) }
func (stringsNS) Substr(v any, nums ...any) (string, error) { return substr(v, nums...) }
func (stringsNS) Title(v any) (string, error)               { return str1(title)(v) }
func (stringsNS) ToLower(v any) (string, error)             { return str1(strings.ToLower)(v) }
func (stringsNS) ToUpper(v any) (string, error)             { return str1(strings.ToUpper)(v) }
func (stringsNS) TrimSpace(v any) (string, error)           { return str1(strings.TrimSpace)(v) }
func (stringsNS) Trim(v, chars any) (string, error)         { return trim(v, chars) }
func (stringsNS) Truncate(n any, args ...any) (any, error)  { return truncate(n, args...) }

func (stringsNS) Replace(v, old, new any, limit ...any) (string, error) {
	return replace(v, old, new, limit...)
}

func (n stringsNS) FindRE(pattern, text any, limit ...any) ([]string, error) {
	return n.re.find(pattern, text, limit...)
}

func (n stringsNS) ReplaceRE(pattern, repl, text any, limit ...any) (string, error) {
	return n.re.replace(pattern, repl, text, limit...)
}

func (stringsNS) Contains(v, part any) (bool, error)     { return str2(strings.Contains)(v, part) }
func (stringsNS) ContainsAny(v, chars any) (bool, error) { return str2(strings.ContainsAny)(v, chars) }

// ContainsNonSpace reports whether a text has a character other than
// white space.
func (stringsNS) ContainsNonSpace(v any) (bool, error) {
	return str1(func(s string) bool { return strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) })(v)
}

// The functions whose text comes last take it last, as Hugo's do, so a
// pipe gives it: {{ .File | strings.TrimPrefix "content/" }}.

func (stringsNS) Count(part, v any) (int, error) {
	return str2(func(p, s string) int { return strings.Count(s, p) })(part, v)
}

func (stringsNS) TrimLeft(chars, v any) (string, error) {
	return str2(func(c, s string) string { return strings.TrimLeft(s, c) })(chars, v)
}

func (stringsNS) TrimRight(chars, v any) (string, error) {
	return str2(func(c, s string) string { return strings.TrimRight(s, c) })(chars, v)
}

func (stringsNS) TrimPrefix(prefix, v any) (string, error) {
	return str2(func(p, s string) string { return strings.TrimPrefix(s, p) })(prefix, v)
}

func (stringsNS) TrimSuffix(suffix, v any) (string, error) {
	return str2(func(x, s string) string { return strings.TrimSuffix(s, x) })(suffix, v)
}

// FirstUpper writes a text's first character in upper case.
func (stringsNS) FirstUpper(v any) (string, error) {
	return str1(func(s string) string {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 {
			return s
		}
		return string(unicode.ToUpper(r)) + s[size:]
	})(v)
}

// RuneCount is the number of characters in a text, spaces and tags
// included: countrunes leaves those out.
func (stringsNS) RuneCount(v any) (int, error) { return str1(utf8.RuneCountInString)(v) }

// Repeat writes a text n times. Hugo's has no limit; here the result may
// not pass a page's own (maxOutput), so a count meant for something else
// stops at the template's line instead of filling the memory.
func (stringsNS) Repeat(n, v any) (string, error) {
	count, err := toInt(n)
	if err != nil {
		return "", err
	}
	s, err := toString(v)
	if err != nil {
		return "", err
	}
	switch {
	case count < 0:
		return "", fmt.Errorf("cannot repeat a text %d times", count)
	case len(s) > 0 && count > maxOutput/len(s):
		return "", fmt.Errorf("repeating a text of %d bytes %d times passes the %d MB a page may have", len(s), count, maxOutput>>20)
	}
	return strings.Repeat(s, count), nil
}

// templatesNS is Hugo's templates namespace, its Exists.
type templatesNS struct{ s *Set }

// Exists reports whether the layouts have a file of that name, relative
// to layouts/ ("partials/nav.html"), as Hugo's does. Hugo 0.146's name of
// a file samizdat reads at its older place ("_partials/nav.html",
// "single.html") finds it too, as Hugo finds a file by either name.
func (n templatesNS) Exists(v any) (bool, error) {
	name, err := toString(v)
	if err != nil {
		return false, err
	}
	_, ok := n.s.sources[name]
	if older := hugoNewPlace(name); !ok && older != "" {
		_, ok = n.s.sources[older]
	}
	return ok, nil
}

// timeNS is Hugo's time namespace. Its Now is left out: a build must give
// the same files whenever it runs.
type timeNS struct{ e Env }

// Format is dateFormat: it writes month and day names in the page's
// language, as Hugo's (tpl/time Format, two arguments) does.
func (n timeNS) Format(layout, v any) (string, error) { return n.e.dateFormat(layout, v) }

// AsTime reads a date as dateFormat does, by front matter's rules. Hugo's takes a second argument,
// a time zone by name, which would be read from the computer's time zone
// files (they differ between computers and years); samizdat takes none.
func (timeNS) AsTime(v any) (time.Time, error) { return frontmatter.Date(v) }

// timeFunc is the time function, which is Hugo's both ways: called alone
// it is the namespace (time.Format), with a date it is time.AsTime.
func (e Env) timeFunc(args ...any) (any, error) {
	switch len(args) {
	case 0:
		return timeNS{e}, nil
	case 1:
		return frontmatter.Date(args[0])
	}
	return nil, &hintedError{msg: fmt.Sprintf("time takes one date, not %d arguments", len(args)),
		hint: "write {{ time \"2024-05-01\" }}; samizdat takes no time zone by name (Hugo's second argument): write the offset in the date itself, 2024-05-01T10:00:00+05:00"}
}

// hugoLayouts are Hugo's named date layouts (":date_long"), which it
// writes by CLDR's pattern for the page's language, with Go's layout for
// each in English: dateFormat and time.Format would write the name as it
// is, so it is an error that says what to write.
var hugoLayouts = map[string]string{
	":date_full": "Monday, January 2, 2006", ":date_long": "January 2, 2006", ":date_medium": "Jan 2, 2006", ":date_short": "1/2/06",
	":time_full": "3:04:05 pm MST", ":time_long": "3:04:05 pm MST", ":time_medium": "3:04:05 pm", ":time_short": "3:04 pm",
}

// hugoLayout is an error for one of Hugo's named date layouts.
func hugoLayout(layout string) error {
	english, ok := hugoLayouts[layout]
	if !ok {
		return nil
	}
	return &hintedError{msg: fmt.Sprintf("%q is Hugo's name for a date layout; samizdat takes the layout itself", layout),
		hint: fmt.Sprintf("write the date as the page's language writes it, in Go's reference date: in English %s is %q, in most other languages "+
			"the day comes first (\"2 January 2006\"); month and day names are written in the page's language", layout, english)}
}

// transformNS is Hugo's transform namespace.
type transformNS struct{ e Env }

func (transformNS) HTMLEscape(v any) (string, error)           { return str1(html.EscapeString)(v) }
func (transformNS) HTMLUnescape(v any) (string, error)         { return str1(html.UnescapeString)(v) }
func (n transformNS) Markdownify(v any) (template.HTML, error) { return n.e.markdownify(v) }
func (transformNS) Plainify(v any) (string, error)             { return plainify(v) }

// urlsNS is Hugo's urls namespace.
type urlsNS struct{ e Env }

func (urlsNS) RelURL(v any) (string, error)       { return str1(relURL)(v) }
func (n urlsNS) AbsURL(v any) (string, error)     { return str1(n.e.absURL)(v) }
func (n urlsNS) RelLangURL(v any) (string, error) { return str1(n.e.relLangURL)(v) }
func (n urlsNS) AbsLangURL(v any) (string, error) { return str1(n.e.absLangURL)(v) }
func (urlsNS) URLize(v any) (string, error)       { return str1(Urlize)(v) }

// Parse reads a URL into its parts ({{ (urls.Parse .Params.link).Host }}).
func (urlsNS) Parse(v any) (*url.URL, error) {
	s, err := toString(v)
	if err != nil {
		return nil, err
	}
	return url.Parse(s)
}

// JoinPath joins its parts, and the items of lists among them, into a
// URL, cleaned of ./ and ../ (Go's url.JoinPath, as Hugo's); no parts
// give "".
func (urlsNS) JoinPath(parts ...any) (string, error) {
	s, err := texts(flat(parts)...)
	if err != nil || len(s) == 0 {
		return "", err
	}
	return url.JoinPath(s[0], s[1:]...)
}
