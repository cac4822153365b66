package layout

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"html/template"
	"maps"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/markdown"
)

// Env is what the function set needs to know about the site being built.
// Every field is optional; the zero Env gives functions that work on a
// site with no baseURL, no translations and no markdown.
type Env struct {
	// BaseURL is the site's absolute URL ("https://example.org/sub/"),
	// used by absURL. Empty means absURL returns root-relative paths.
	BaseURL string
	// Markdownify renders a short markdown string to HTML; markdownify then
	// drops the <p> of a single paragraph.
	Markdownify func(string) (template.HTML, error)
	// Translate looks an interface string up for the page's language (T).
	// count is nil when the template gave none.
	Translate func(key string, count any) (string, error)
	// FormatDate formats a time for dateFormat, so languages can bring
	// their own month names. Nil means Go's time.Format.
	FormatDate func(layout string, t time.Time) string
	// LangPrefix is the address prefix of the page's language ("/ru"; ""
	// for the default language), for relLangURL and absLangURL.
	LangPrefix string
	// Site is what the site function gives, Hugo's global site: the
	// page's .Site, for partials handed something other than a page.
	Site any
	// Assets is the site's assets/ folder, for the resources namespace
	// (funcs_resources.go); nil without a site.
	Assets Assets
}

// funcMap is the one function set templates get. Every entry is
// documented with an example in docs/templates.md, and
// TestDocumentedExamples runs each example.
func (e Env) funcMap(s *Set) template.FuncMap {
	re := &regexps{}
	funcs := template.FuncMap{
		"relURL":       str1(relURL),
		"absURL":       str1(e.absURL),
		"relLangURL":   str1(e.relLangURL),
		"absLangURL":   str1(e.absLangURL),
		"site":         func() any { return e.Site },
		"markdownify":  e.markdownify,
		"dateFormat":   e.dateFormat,
		"T":            e.translate,
		"i18n":         e.translate,
		"partial":      s.partialFunc(0),
		"where":        where,
		"sortBy":       sortBy,
		"first":        first,
		"index":        index,
		"last":         last,
		"after":        after,
		"append":       appendItems,
		"uniq":         uniq,
		"intersect":    intersect,
		"union":        union,
		"delimit":      delimit,
		"cond":         cond,
		"dict":         dict,
		"slice":        sliceOf,
		"default":      defaultValue,
		"isset":        isset,
		"in":           in,
		"lower":        str1(strings.ToLower),
		"upper":        str1(strings.ToUpper),
		"title":        str1(title),
		"trim":         trim,
		"split":        str2(strings.Split),
		"join":         join,
		"replace":      replace,
		"replaceRE":    re.replace,
		"findRE":       re.find,
		"hasPrefix":    str2(strings.HasPrefix),
		"hasSuffix":    str2(strings.HasSuffix),
		"substr":       substr,
		"urlize":       str1(Urlize),
		"plainify":     plainify,
		"countwords":   countWords,
		"countrunes":   countRunes,
		"truncate":     truncate,
		"htmlEscape":   str1(html.EscapeString),
		"htmlUnescape": str1(html.UnescapeString),
		"sha256":       str1(sha256Hex),
		"md5":          str1(md5Hex),
		"base64Encode": str1(base64Encode),
		"base64Decode": base64Decode,
		"string":       toString,
		"int":          toInt,
		"float":        toFloat,
		"jsonify":      jsonify,
		"safeHTML":     str1(toHTML),
		"safeURL":      str1(toURL),
		"add":          add,
		"sub":          sub,
		"mul":          mul,
		"div":          div,
		"mod":          mod,
		"modBool":      modBool,
		"seq":          seq,
		"errorf":       errorf,
		// Hugo's comparisons in place of Go's built-in ones (funcs_compare.go).
		"eq": eq,
		"ne": ne,
		"lt": lt,
		"le": le,
		"gt": gt,
		"ge": ge,
		// Go's len, saying what is wrong when the value is missing.
		"len": length,
		// Hugo's scratch pads and partialCached (funcs_scratch.go).
		"newScratch":    NewScratch,
		"partialCached": s.partialCachedFunc(0),
		// Hugo's return, which ends a partial that gives a value (funcs_return.go).
		"return": returnFunc,
		// Hugo's resources.Minify and resources.Fingerprint (funcs_resources.go).
		"minify":      minify,
		"fingerprint": fingerprint,
	}
	// Hugo's namespaces (funcs_namespaces.go): strings.TrimPrefix and the like.
	maps.Copy(funcs, e.namespaces(s, re))
	return funcs
}

// relURL makes a path root-relative ("css/site.css" -> "/css/site.css").
// The build later rewrites every root-relative link to page-relative, so
// the site works under any sub-path and from a mirror.
func relURL(s string) string {
	if isAbsURL(s) || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "//") {
		return s
	}
	return "/" + strings.TrimPrefix(s, "/")
}

// relLangURL is relURL under the page's language's prefix, as Hugo's:
// "about/" and "/about/" are both "/ru/about/" in Russian. An address that
// already starts with the prefix ("/ru/about/", a Russian menu entry's
// .URL) keeps it once, as Hugo's PathSpec.AbsURL leaves it.
func (e Env) relLangURL(s string) string {
	if isAbsURL(s) || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "//") {
		return s
	}
	rest := strings.TrimPrefix(s, "/")
	if lang := strings.TrimPrefix(e.LangPrefix, "/"); lang != "" && (rest == lang || strings.HasPrefix(rest, lang+"/")) {
		return relURL("/" + rest)
	}
	return relURL(e.LangPrefix + "/" + rest)
}

// absLangURL is absURL under the page's language's prefix.
func (e Env) absLangURL(s string) string {
	if isAbsURL(s) {
		return s
	}
	return e.absURL(e.relLangURL(s))
}

func (e Env) absURL(s string) string {
	if isAbsURL(s) {
		return s
	}
	if e.BaseURL == "" {
		return relURL(s)
	}
	return strings.TrimSuffix(e.BaseURL, "/") + "/" + strings.TrimPrefix(s, "/")
}

func isAbsURL(s string) bool {
	for _, p := range []string{"http://", "https://", "mailto:", "tel:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// markdownify renders a short markdown string; a single paragraph loses
// its <p>, so the result fits inline (a title, a table cell). HTML given
// to it (.Inner, .Content) is read as markdown like any text, through the
// site's converter, so raw HTML in it is dropped unless the site allows
// raw HTML: being template.HTML does not let it through.
func (e Env) markdownify(v any) (template.HTML, error) {
	s, err := toString(v)
	if err != nil {
		return "", err
	}
	if e.Markdownify == nil {
		return template.HTML(template.HTMLEscapeString(s)), nil
	}
	h, err := e.Markdownify(s)
	if err != nil {
		return "", err
	}
	out := strings.TrimSpace(string(h))
	if strings.Count(out, "<p>") == 1 && strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") {
		out = strings.TrimSuffix(strings.TrimPrefix(out, "<p>"), "</p>")
	}
	return template.HTML(out), nil
}

func (e Env) translate(k any, count ...any) (string, error) {
	if len(count) > 1 {
		return "", errors.New("T takes a key and at most one count")
	}
	key, err := toString(k)
	if err != nil {
		return "", err
	}
	var c any
	if len(count) == 1 {
		c = count[0]
	}
	if e.Translate == nil {
		return key, nil
	}
	return e.Translate(key, c)
}

// dateFormat formats a time (or a "2006-01-02" string) with a Go layout.
func (e Env) dateFormat(l, v any) (string, error) {
	layout, err := toString(l)
	if err != nil {
		return "", err
	}
	if err := hugoLayout(layout); err != nil {
		return "", err
	}
	t, err := frontmatter.Date(v) // the one reader of a date, as front matter's
	if err != nil || t.IsZero() {
		return "", err
	}
	if e.FormatDate != nil {
		return e.FormatDate(layout, t), nil
	}
	return t.Format(layout), nil
}

// field reads a dotted key path ("Params.role", "Date") from a struct,
// pointer or map: fields, methods without arguments, and map keys (exact
// first, then case-insensitively).
func field(v any, keyPath string) (any, bool) {
	cur := reflect.ValueOf(v)
	for _, k := range strings.Split(keyPath, ".") {
		if k == "" {
			continue
		}
		var ok bool
		if cur, ok = step(cur, k); !ok {
			return nil, false
		}
	}
	if !cur.IsValid() {
		return nil, false
	}
	return cur.Interface(), true
}

func step(v reflect.Value, k string) (reflect.Value, bool) {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() {
		return v, false
	}
	if m := v.MethodByName(k); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
		return m.Call(nil)[0], true
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, false
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		f := v.FieldByName(k)
		return f, f.IsValid()
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return reflect.Value{}, false
		}
		if f := v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())); f.IsValid() {
			return f, true
		}
		iter := v.MapRange()
		for iter.Next() {
			if strings.EqualFold(iter.Key().String(), k) {
				return iter.Value(), true
			}
		}
	}
	return reflect.Value{}, false
}

// items turns any slice or array into []any, so the collection functions
// work on pages, terms and data files alike.
func items(coll any) ([]any, error) {
	v := reflect.ValueOf(coll)
	if !v.IsValid() {
		return nil, nil
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return nil, fmt.Errorf("expected a list, got %T", coll)
	}
	out := make([]any, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface()
	}
	return out, nil
}

// where keeps the items whose key equals value, or satisfies an operator:
// where COLL KEY VALUE, or where COLL KEY OP VALUE with OP one of
// = == eq != ne > >= < <= gt ge lt le in "not in". The result is a list
// of coll's type, as Hugo's (sameList).
func where(coll any, key string, args ...any) (any, error) {
	op, want := "eq", any(nil)
	switch len(args) {
	case 1:
		want = args[0]
	case 2:
		o, ok := args[0].(string)
		if !ok {
			return nil, fmt.Errorf("where: operator must be a string, got %T", args[0])
		}
		op, want = o, args[1]
	default:
		return nil, errors.New("where: use where COLL KEY VALUE or where COLL KEY OP VALUE")
	}
	list, err := items(coll)
	if err != nil {
		return nil, fmt.Errorf("where: %w", err)
	}
	var out []any
	for _, it := range list {
		got, _ := field(it, key)
		keep, err := compareOp(op, got, want)
		if err != nil {
			return nil, fmt.Errorf("where: %w", err)
		}
		if keep {
			out = append(out, it)
		}
	}
	return sameList(coll, out), nil
}

func compareOp(op string, a, b any) (bool, error) {
	if ops[op] && numberAndText(a, b) {
		// Hugo's where matches neither "=" nor "!=" across kinds: a
		// param written 2012 is not the text "2012" (see in).
		return false, nil
	}
	switch op {
	case "=", "==", "eq":
		return compare(a, b) == 0, nil
	case "!=", "<>", "ne":
		return compare(a, b) != 0, nil
	case ">", "gt":
		return compare(a, b) > 0, nil
	case ">=", "ge":
		return compare(a, b) >= 0, nil
	case "<", "lt":
		return compare(a, b) < 0, nil
	case "<=", "le":
		return compare(a, b) <= 0, nil
	case "in":
		return in(b, a), nil
	case "not in":
		return !in(b, a), nil
	}
	return false, fmt.Errorf("unknown operator %q", op)
}

// compare orders numbers, strings, times and bools; values of other or
// mixed kinds compare by their printed form. A page is equal to itself
// (Eq), also to the copy a template renders, for where's "in" and "=".
func compare(a, b any) int {
	if e, ok := a.(eqer); ok && e.Eq(b) {
		return 0
	}
	if fa, ok := number(a); ok {
		if fb, ok := number(b); ok {
			switch {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			}
			return 0
		}
	}
	if ta, ok := a.(time.Time); ok {
		if tb, ok := b.(time.Time); ok {
			return ta.Compare(tb)
		}
	}
	if ba, ok := a.(bool); ok {
		if bb, ok := b.(bool); ok {
			switch {
			case ba == bb:
				return 0
			case !ba:
				return -1
			}
			return 1
		}
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

func number(v any) (float64, bool) {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(r.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(r.Uint()), true
	case reflect.Float32, reflect.Float64:
		return r.Float(), true
	}
	return 0, false
}

// sortBy sorts a copy of a list by a key path, "asc" (default) or "desc".
// The sort is stable, so equal keys keep their order. The result is a
// list of coll's type, as Hugo's sort gives (sameList).
func sortBy(coll any, key string, order ...string) (any, error) {
	list, err := items(coll)
	if err != nil {
		return nil, fmt.Errorf("sortBy: %w", err)
	}
	desc := len(order) > 0 && strings.EqualFold(order[0], "desc")
	// Each item's key is looked up once, not once per comparison: field
	// goes through reflection, and a list of n items takes O(n log n)
	// comparisons.
	type keyed struct {
		item any
		key  any
	}
	ks := make([]keyed, len(list))
	for i, it := range list {
		k, _ := field(it, key)
		ks[i] = keyed{it, k}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if desc {
			return compare(ks[i].key, ks[j].key) > 0
		}
		return compare(ks[i].key, ks[j].key) < 0
	})
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = k.item
	}
	return sameList(coll, out), nil
}

// first is the first count items: first N LIST, a list of LIST's type, as
// Hugo's (sameList).
func first(count any, coll any) (any, error) {
	n, err := whole("first", count)
	if err != nil {
		return nil, err
	}
	list, err := items(coll)
	if err != nil {
		return nil, fmt.Errorf("first: %w", err)
	}
	return sameList(coll, list[:min(max(n, 0), len(list))]), nil
}

// last is the last count items: last N LIST, a list of LIST's type.
func last(count any, coll any) (any, error) {
	n, err := whole("last", count)
	if err != nil {
		return nil, err
	}
	list, err := items(coll)
	if err != nil {
		return nil, fmt.Errorf("last: %w", err)
	}
	return sameList(coll, list[len(list)-min(max(n, 0), len(list)):]), nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict: needs key value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// defaultValue returns v unless it is empty (nil, "", 0, an empty list
// or map, a zero date), then def. Argument order follows Hugo: default
// DEF VALUE. A bool is never empty, as in Hugo (tpl/compare Default): a
// theme's {{ default true .Params.bookToc }} is false when the page says
// false.
func defaultValue(def, v any) any {
	if reflect.ValueOf(v).Kind() == reflect.Bool {
		return v
	}
	if empty(v) {
		return def
	}
	return v
}

func empty(v any) bool {
	r := reflect.ValueOf(v)
	if !r.IsValid() {
		return true
	}
	if t, ok := v.(time.Time); ok {
		return t.IsZero()
	}
	return r.IsZero() || ((r.Kind() == reflect.Slice || r.Kind() == reflect.Map || r.Kind() == reflect.String) && r.Len() == 0)
}

func isset(coll any, key any) bool {
	r := reflect.ValueOf(coll)
	for r.IsValid() && (r.Kind() == reflect.Pointer || r.Kind() == reflect.Interface) {
		r = r.Elem()
	}
	switch r.Kind() {
	case reflect.Map:
		k, ok := key.(string)
		if !ok {
			return false
		}
		_, ok = step(r, k)
		return ok
	case reflect.Slice, reflect.Array:
		i, ok := number(key)
		return ok && int(i) >= 0 && int(i) < r.Len()
	}
	return false
}

// ops are where's operators but "in" and "not in".
var ops = map[string]bool{"=": true, "==": true, "eq": true, "!=": true, "<>": true, "ne": true,
	">": true, "gt": true, ">=": true, "ge": true, "<": true, "lt": true, "<=": true, "le": true}

// numberAndText reports whether one of a and b is a number and the other
// text. Hugo's in and where never match such a pair ("2" is not 2):
// front matter written year: 2012 and a template's "2012" are told apart,
// as in Hugo, though sortBy still orders them by their printed form.
func numberAndText(a, b any) bool {
	_, na := number(a)
	_, nb := number(b)
	_, sa := a.(string)
	_, sb := b.(string)
	return na && sb || nb && sa
}

// in reports whether a list holds v, or a string contains v.
func in(coll any, v any) bool {
	if s, ok := coll.(string); ok {
		sub, ok := v.(string)
		return ok && strings.Contains(s, sub)
	}
	list, err := items(coll)
	if err != nil {
		return false
	}
	for _, it := range list {
		if !numberAndText(it, v) && compare(it, v) == 0 {
			return true
		}
	}
	return false
}

func join(coll any, sep string) (string, error) {
	list, err := items(coll)
	if err != nil {
		return "", fmt.Errorf("join: %w", err)
	}
	parts := make([]string, len(list))
	for i, it := range list {
		parts[i] = fmt.Sprint(it)
	}
	return strings.Join(parts, sep), nil
}

// Urlize turns text into a URL path segment: lower-case letters and digits
// of any script kept, invisible format characters dropped, everything else
// a single '-'. Cyrillic stays
// readable ("Жаңаөзен" -> "жаңаөзен"); NFKC normalisation makes names that
// only differ in Unicode form give the same segment, and turns
// compatibility letters that have no lower case ("ℍ", "Ⅻ", "ﬁ") into
// ones that do, so a segment never holds an upper-case letter.
func Urlize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKC.String(s) {
		switch {
		case unicode.Is(unicode.Cf, r):
			// Invisible format characters (zero-width space and joiners,
			// soft hyphen, BOM) pasted from word processors: dropped, so
			// "zhanao\u200bzen" is the tag "zhanaozen", not "zhanao-zen".
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_' || r == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	// Lower-casing can leave a letter and a combining mark that compose
	// ("H̱" -> "ẖ"): compose them, so urlizing the result changes nothing.
	return norm.NFC.String(b.String())
}

// plainify strips HTML tags, for meta descriptions built from content.
func plainify(v any) (string, error) {
	s, err := stripTags(v)
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(s), " "), nil
}

// stripTags is a text without its HTML tags, white space as it was.
func stripTags(v any) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", err
	}
	s = markdown.StripAnchors(s) // the "#" link after each heading of .Content
	var b strings.Builder
	inTag := false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}

func jsonify(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("jsonify: %w", err)
	}
	return template.JS(b), nil
}

func mod(x, y any) (int, error) {
	a, b, err := whole2("mod", x, y)
	if err == nil && b == 0 {
		err = errors.New("mod: division by zero")
	}
	if err != nil {
		return 0, err
	}
	return a % b, nil
}

// whole reads a whole number given to fn: any integer type (a weight
// from TOML front matter is an int64, a literal in a template an int),
// a float without a fraction, or text that is one ("2"), as Hugo's
// cast.ToIntE reads the counts of seq, first, last, after and the like:
// PaperMod's table of contents loops over seq of a heading level it
// found with findRE.
func whole(fn string, v any) (int, error) {
	if f, ok := number(v); ok && f == math.Trunc(f) {
		return int(f), nil
	}
	if s, ok := v.(string); ok {
		if n, err := strconv.Atoi(s); err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%s: %v is not a whole number (write int to turn text into one)", fn, v)
}

func whole2(fn string, x, y any) (int, int, error) {
	a, err := whole(fn, x)
	if err != nil {
		return 0, 0, err
	}
	b, err := whole(fn, y)
	return a, b, err
}

// maxSeq is the most numbers seq gives: a loop over more is a mistake
// (a year where a count was meant), and would write a page of megabytes.
const maxSeq = 10000

// seq returns numbers for loops, in Hugo's three forms: seq LAST (1 to
// LAST), seq FIRST LAST, seq FIRST STEP LAST; counting down when LAST is
// below FIRST.
func seq(args ...any) ([]int, error) {
	nums := make([]int, len(args))
	for i, a := range args {
		n, err := whole("seq", a)
		if err != nil {
			return nil, err
		}
		nums[i] = n
	}
	first, step, last := 1, 1, 0
	switch len(nums) {
	case 1:
		last = nums[0]
		switch {
		case last == 0:
			return nil, nil // an empty loop
		case last < 0:
			first = -1 // as Hugo: seq -3 is -1, -2, -3
		}
	case 2:
		first, last = nums[0], nums[1]
	case 3:
		first, step, last = nums[0], nums[1], nums[2]
	default:
		return nil, fmt.Errorf("seq takes 1 to 3 numbers (LAST, FIRST LAST or FIRST STEP LAST), got %d", len(nums))
	}
	if last < first && len(nums) < 3 {
		step = -1
	}
	if step == 0 || (last-first)*step < 0 {
		return nil, fmt.Errorf("seq %v: the step %d never reaches %d from %d", args, step, last, first)
	}
	count := (last-first)/step + 1
	if count > maxSeq {
		return nil, fmt.Errorf("seq %v: %d numbers is more than the %d allowed", args, count, maxSeq)
	}
	out := make([]int, count)
	for i := range out {
		out[i] = first + i*step
	}
	return out, nil
}

// errorf stops the template with a message; in a shortcode it becomes a
// problem at the content file and line of the call.
func errorf(format string, args ...any) (string, error) {
	return "", fmt.Errorf(format, args...)
}
