package site

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/output"
)

// The property of ARCHITECTURE.md rule 4: after any sequence of edits, a
// build that reuses a Cache gives exactly what a build without one gives.
//
// Replay a failure with the seed it logs:
//
//	go test ./internal/site -run TestIncrementalEqualsClean -seed=N
//
// or SAMIZDAT_PROPERTY_SEED=N. -sequences and -steps make the run longer.
var (
	propertySeed      = flag.Uint64("seed", 0, "seed of TestIncrementalEqualsClean (0 picks one and logs it; or set SAMIZDAT_PROPERTY_SEED)")
	propertySequences = flag.Int("sequences", 20, "edit sequences TestIncrementalEqualsClean runs")
	propertySteps     = flag.Int("steps", 30, "edits in each sequence of TestIncrementalEqualsClean")
	propertyBudget    = flag.Duration("budget", 15*time.Second, "TestIncrementalEqualsClean starts no sequence after this long (the race detector and a loaded machine slow builds down tenfold)")
)

// infoShortcode reads site-wide data from inside markdown, as real
// shortcodes do (.Site.Params, the site title, a neighbour's title, an
// interface string), so that the cache of rendered markdown must notice
// when any of them changes.
const infoShortcode = `<span class="info">{{ .Page.Title }} | {{ .Site.Title }} | {{ .Site.Params.publisher }} | {{ .Page.Permalink }} | {{ with .Page.Next }}{{ .Title }}{{ end }} | {{ T "read_more" }}</span>`

func propertySeedValue(t *testing.T) uint64 {
	if *propertySeed != 0 {
		return *propertySeed
	}
	if s := os.Getenv("SAMIZDAT_PROPERTY_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("SAMIZDAT_PROPERTY_SEED=%q: %v", s, err)
		}
		return n
	}
	return uint64(time.Now().UnixNano())
}

func TestIncrementalEqualsClean(t *testing.T) {
	seed := propertySeedValue(t)
	t.Logf("seed %d (replay: go test ./internal/site -run TestIncrementalEqualsClean -seed=%d)", seed, seed)
	sequences, steps := *propertySequences, *propertySteps
	if testing.Short() {
		sequences = min(sequences, 4)
	}
	base := siteFS(t, "testdata/fixture.txtar")
	base["layouts/shortcodes/info.html"] = &fstest.MapFile{Data: []byte(infoShortcode), Mode: 0o644}
	addAssets(base)
	start := time.Now()
	tried, shown := 0, 0 // body edits given to Patch, and shown by it
	defer func() {
		t.Logf("Patch showed %d of %d edits of pages' text and static files after a good build", shown, tried)
		if tried >= 10 && shown == 0 {
			t.Errorf("Patch showed none of %d body edits after a good build: the fast path never runs", tried)
		}
	}()
	for seq := range sequences {
		if seq > 0 && time.Since(start) > *propertyBudget {
			t.Logf("ran %d of %d sequences in the -budget of %v", seq, sequences, *propertyBudget)
			break
		}
		e := &editor{rng: rand.New(rand.NewPCG(seed, uint64(seq))), fsys: cloneFS(base)}
		if e.rng.IntN(3) == 0 {
			e.addRussian()
		}
		// Half the sequences build as the dev server does, without
		// fingerprints, where finished files are cached one by one.
		opts := Options{Now: buildNow, Drafts: e.rng.IntN(4) == 0, Future: e.rng.IntN(4) == 0, NoFingerprint: seq%2 == 0}
		cache := NewCache()
		last, _ := compareBuilds(t, seed, seq, nil, e.fsys, opts, cache)
		var history []string
		for range steps {
			e.body = ""
			history = append(history, e.step())
			// The dev server first tries to show a body edit at once.
			var patched *output.Output
			if e.body != "" {
				patched, _ = Patch(context.Background(), cache, []string{e.body})
				// Patch works only on top of a good build finished page by
				// page; after a build with problems (a link to a page just
				// made a draft) it must give up, and a sequence may stay
				// broken to its end.
				if last.OK() && opts.NoFingerprint {
					tried++
					if patched != nil {
						shown++
					}
				}
			}
			clean, ok := compareBuilds(t, seed, seq, history, e.fsys, opts, cache)
			if !ok {
				return
			}
			if patched != nil && !comparePatch(t, patched, last.Output, clean) {
				t.Errorf("seed %d sequence %d: after these edits Patch's page differs from a clean build's:\n  %s", seed, seq, strings.Join(history, "\n  "))
				return
			}
			last = clean
		}
	}
}

// compareBuilds builds fsys with the cache and without one and reports any
// difference in files or problems.
func compareBuilds(t *testing.T, seed uint64, seq int, history []string, fsys fstest.MapFS, opts Options, cache *Cache) (Result, bool) {
	t.Helper()
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		t.Fatalf("seed %d sequence %d: the editor wrote a bad site.toml: %v\n%s", seed, seq, probs, fsys["site.toml"].Data)
	}
	cached := Build(context.Background(), fsys, cfg, opts, cache)
	clean := Build(context.Background(), fsys, cfg, opts, nil)
	diff := diffResults(cached, clean)
	if diff == "" {
		return clean, true
	}
	again := Build(context.Background(), fsys, cfg, opts, nil)
	if d := diffResults(clean, again); d != "" {
		diff += "\n(two clean builds differ too, so the build is not deterministic:\n" + d + ")"
	}
	t.Errorf("seed %d sequence %d: after these edits the cached build differs from a clean one:\n  %s\n%s",
		seed, seq, strings.Join(history, "\n  "), diff)
	return clean, false
}

// comparePatch checks that every page Patch changed from the last build
// is the clean build's page, byte for byte. Pages it did not change may be
// stale (lists showing an edited summary), and a build with problems (a
// shortcode asking for a missing interface string) is still to come: the
// build that follows Patch replaces its output.
func comparePatch(t *testing.T, patched, last *output.Output, clean Result) bool {
	t.Helper()
	if !clean.OK() {
		return true
	}
	ok := true
	for name, data := range patched.Files {
		if !bytes.Equal(data, last.Files[name]) && !bytes.Equal(data, clean.Files[name]) {
			t.Errorf("%s: Patch gave\n%s\nthe build gives\n%s", name, data, clean.Files[name])
			ok = false
		}
	}
	return ok
}

// diffResults describes how got differs from want, "" when it does not.
func diffResults(got, want Result) string {
	var b strings.Builder
	names := map[string]bool{}
	for n := range got.Files {
		names[n] = true
	}
	for n := range want.Files {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		g, gok := got.Files[n]
		w, wok := want.Files[n]
		switch {
		case !gok:
			fmt.Fprintf(&b, "cached build lacks %s\n", n)
		case !wok:
			fmt.Fprintf(&b, "cached build has extra %s\n", n)
		case !bytes.Equal(g, w):
			fmt.Fprintf(&b, "%s differs: %s\n", n, firstDifference(g, w))
		}
	}
	if !reflect.DeepEqual(got.Problems, want.Problems) {
		fmt.Fprintf(&b, "problems differ:\n--- cached\n%s--- clean\n%s", problems(got.Problems), problems(want.Problems))
	}
	if got.Stats != want.Stats {
		fmt.Fprintf(&b, "stats differ: cached %+v, clean %+v\n", got.Stats, want.Stats)
	}
	return b.String()
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d\n    cached: %q\n    clean:  %q", i+1, gl, wl)
		}
	}
	return "(same lines)"
}

func cloneFS(fsys fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for n, f := range fsys {
		c := *f
		c.Data = bytes.Clone(f.Data)
		out[n] = &c
	}
	return out
}

// editor makes random edits of the kinds a writer makes while the dev
// server runs. Each step returns a one-line description for the log.
type editor struct {
	rng  *rand.Rand
	fsys fstest.MapFS
	n    int // counter for fresh names

	// broken is a layout left with a syntax error and its good text, to be
	// restored by the next step.
	broken     string
	brokenText []byte

	body string // the page whose body or the static file the last step edited, if it did
}

var words = []string{"oil", "strike", "court", "news", "trial", "union", "letter", "appeal", "Жанаозен", "A & B", "demands"}

func (e *editor) word() string { return words[e.rng.IntN(len(words))] }

func (e *editor) fresh(prefix string) string {
	e.n++
	return fmt.Sprintf("%s%d", prefix, e.n)
}

// pick returns a random element of names, "" when there is none.
func (e *editor) pick(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[e.rng.IntN(len(names))]
}

// files lists the files under dir with the suffix, sorted.
func (e *editor) files(dir, suffix string) []string {
	var out []string
	for n := range e.fsys {
		if strings.HasPrefix(n, dir+"/") && strings.HasSuffix(n, suffix) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// sectionDirs lists the folders under content/ that hold markdown, and content itself.
func (e *editor) sectionDirs() []string {
	set := map[string]bool{"content": true}
	for _, f := range e.files("content", ".md") {
		if path.Base(f) != "index.md" {
			set[path.Dir(f)] = true
		}
	}
	var out []string
	for d := range set {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

func (e *editor) write(name string, data []byte) {
	e.fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
}

func (e *editor) step() string {
	if e.broken != "" {
		name := e.broken
		e.write(name, e.brokenText)
		e.broken, e.brokenText = "", nil
		return "fix " + name
	}
	edits := []struct {
		weight int
		fn     func() string
	}{
		{6, e.editBody},
		{6, e.editFrontMatter},
		{2, e.renamePage},
		{2, e.deletePage},
		{3, e.newPage},
		{2, e.editLayout},
		{1, e.editStatic},
		{1, e.editAsset},
		{2, e.editConfig},
		{1, e.editData},
		{2, e.translatePage},
	}
	total := 0
	for _, ed := range edits {
		total += ed.weight
	}
	r := e.rng.IntN(total)
	for _, ed := range edits {
		if r < ed.weight {
			if desc := ed.fn(); desc != "" {
				return desc
			}
			return e.editBody() // nothing to do (no pages left): add one
		}
		r -= ed.weight
	}
	panic("unreachable")
}

func (e *editor) pages() []string { return e.files("content", ".md") }

func (e *editor) editBody() string {
	page := e.pick(e.pages())
	if page == "" {
		return e.newPage()
	}
	var add, what string
	switch e.rng.IntN(5) {
	case 0:
		add, what = "\n"+e.word()+" "+e.word()+".\n", "text"
	case 1:
		add, what = "\n## "+e.word()+"\n", "heading"
	case 2:
		target := e.pick(e.pages())
		link := relLink(path.Dir(page), target)
		if e.rng.IntN(3) == 0 {
			link = "/" + strings.TrimPrefix(target, "content/")
		}
		if e.rng.IntN(3) == 0 {
			link += "#" + e.pick([]string{"demands", "news", "oil", "nowhere"})
		}
		add, what = "\nSee [the "+e.word()+"]("+link+").\n", "link to "+link
	case 3:
		switch e.rng.IntN(3) {
		case 0:
			add = "\n{{< quote by=\"" + e.word() + "\" >}}" + e.word() + "{{< /quote >}}\n"
		case 1:
			add = "\n{{% fact %}}A **" + e.word() + "**.{{% /fact %}}\n"
		default:
			add = "\n{{< info >}}\n"
		}
		what = "shortcode"
	default:
		add, what = "\n- "+e.word()+"\n- "+e.word()+"\n", "list"
	}
	e.write(page, append(bytes.Clone(e.fsys[page].Data), add...))
	e.body = page
	return fmt.Sprintf("body of %s: add %s %q", page, what, add)
}

// relLink is the markdown link from a page in dir to the file target.
func relLink(dir, target string) string {
	rel, err := filepath.Rel(filepath.FromSlash(dir), filepath.FromSlash(target))
	if err != nil {
		panic(err)
	}
	return filepath.ToSlash(rel)
}

func (e *editor) editFrontMatter() string {
	page := e.pick(e.pages())
	if page == "" {
		return ""
	}
	var key, value string
	switch e.rng.IntN(7) {
	case 0:
		key, value = "title", strconv.Quote(e.word()+" "+e.word())
	case 1:
		key, value = "weight", strconv.Itoa(e.rng.IntN(5))
	case 2:
		key, value = "date", time.Date(2010+e.rng.IntN(4), time.Month(1+e.rng.IntN(12)), 1+e.rng.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	case 3:
		var tags []string
		for _, tag := range []string{"labour", "zhanaozen", "trial", "oil"} {
			if e.rng.IntN(2) == 0 {
				tags = append(tags, strconv.Quote(tag))
			}
		}
		key, value = "tags", "["+strings.Join(tags, ", ")+"]"
	case 4:
		key, value = "draft", strconv.FormatBool(!bytes.Contains(e.fsys[page].Data, []byte("draft: true")) && !bytes.Contains(e.fsys[page].Data, []byte("draft = true")))
	case 5:
		key, value = "slug", strconv.Quote(e.fresh("slug-"))
		if e.rng.IntN(3) == 0 {
			value = "" // remove it
		}
	default:
		key, value = "aliases", "["+strconv.Quote("/old/"+e.fresh("a")+"/")+"]"
	}
	e.write(page, setFront(e.fsys[page].Data, key, value))
	return fmt.Sprintf("front matter of %s: %s = %s", page, key, value)
}

// setFront sets a top-level key of YAML (---) or TOML (+++) front matter
// to value (written the same in both), or removes it when value is "".
func setFront(data []byte, key, value string) []byte {
	text := string(data)
	delim, sep := "---", ": "
	if strings.HasPrefix(text, "+++") {
		delim, sep = "+++", " = "
	}
	if !strings.HasPrefix(text, delim+"\n") {
		// No front matter: add some.
		if value == "" {
			return data
		}
		return []byte(delim + "\n" + key + sep + value + "\n" + delim + "\n" + text)
	}
	end := strings.Index(text[len(delim)+1:], "\n"+delim+"\n")
	if end < 0 {
		return data
	}
	end += len(delim) + 1
	front, rest := text[len(delim)+1:end+1], text[end+1:]
	var lines []string
	for _, l := range strings.SplitAfter(front, "\n") {
		if l == "" || strings.HasPrefix(l, key+":") || strings.HasPrefix(l, key+" =") {
			continue
		}
		lines = append(lines, l)
	}
	if value != "" {
		lines = append(lines, key+sep+value+"\n")
	}
	return []byte(delim + "\n" + strings.Join(lines, "") + rest)
}

func (e *editor) renamePage() string {
	page := e.pick(e.pages())
	if page == "" {
		return ""
	}
	if path.Base(page) == "index.md" {
		// A bundle: move its folder.
		dir := path.Dir(page)
		to := path.Join(path.Dir(dir), e.fresh("bundle-"))
		for _, f := range e.files(dir, "") {
			e.fsys[to+strings.TrimPrefix(f, dir)] = e.fsys[f]
			delete(e.fsys, f)
		}
		return fmt.Sprintf("rename %s to %s", dir, to)
	}
	dir := path.Dir(page)
	if e.rng.IntN(3) == 0 {
		dir = e.pick(e.sectionDirs())
	}
	to := path.Join(dir, e.fresh("renamed-")+".md")
	if path.Base(page) == "_index.md" && e.rng.IntN(2) == 0 {
		to = path.Join(dir, "_index.md")
		if _, taken := e.fsys[to]; taken {
			to = path.Join(dir, e.fresh("was-index-")+".md")
		}
	}
	e.fsys[to] = e.fsys[page]
	delete(e.fsys, page)
	return fmt.Sprintf("rename %s to %s", page, to)
}

func (e *editor) deletePage() string {
	page := e.pick(e.pages())
	if page == "" {
		return ""
	}
	if path.Base(page) == "index.md" && e.rng.IntN(2) == 0 {
		dir := path.Dir(page)
		for _, f := range e.files(dir, "") {
			delete(e.fsys, f)
		}
		return "delete bundle " + dir
	}
	delete(e.fsys, page)
	return "delete " + page
}

func (e *editor) newPage() string {
	dir := e.pick(e.sectionDirs())
	if e.rng.IntN(4) == 0 {
		dir = path.Join(dir, e.fresh("section-"))
		if e.rng.IntN(2) == 0 {
			e.write(dir+"/_index.md", []byte("---\ntitle: "+strconv.Quote(e.word())+"\n---\nA new section.\n"))
		}
	}
	date := time.Date(2010+e.rng.IntN(3), time.Month(1+e.rng.IntN(12)), 1+e.rng.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	front := "---\ntitle: " + strconv.Quote(e.word()+" "+e.word()) + "\ndate: " + date + "\ntags: [" + strconv.Quote(e.pick([]string{"labour", "trial", "new"})) + "]\n---\n"
	body := e.word() + " " + e.word() + ".\n"
	if e.rng.IntN(3) == 0 {
		bundle := path.Join(dir, e.fresh("bundle-"))
		e.write(bundle+"/index.md", []byte(front+body+"\n![Photo](photo.svg)\n"))
		e.write(bundle+"/photo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><circle r="`+strconv.Itoa(1+e.rng.IntN(3))+`"/></svg>`))
		return "new bundle " + bundle
	}
	name := path.Join(dir, e.fresh("page-")+".md")
	e.write(name, []byte(front+body))
	return "new page " + name
}

func (e *editor) editLayout() string {
	name := e.pick([]string{
		"layouts/partials/footer.html", "layouts/_default/single.html", "layouts/_default/list.html",
		"layouts/shortcodes/quote.html", "layouts/shortcodes/info.html",
	})
	old := e.fsys[name].Data
	text := "<i>" + e.word() + "</i>"
	if e.rng.IntN(4) == 0 {
		e.broken, e.brokenText = name, bytes.Clone(old)
		text = "{{ .Title "
	}
	var data []byte
	if i := bytes.Index(old, []byte(`{{ define "main" }}`)); i >= 0 {
		i += len(`{{ define "main" }}`)
		data = append(append(append([]byte{}, old[:i]...), text...), old[i:]...)
	} else {
		data = append(bytes.Clone(old), text...)
	}
	e.write(name, data)
	return fmt.Sprintf("layout %s: add %q", name, text)
}

func (e *editor) editStatic() string {
	switch e.rng.IntN(3) {
	case 0:
		name := "static/css/site.css"
		e.write(name, append(bytes.Clone(e.fsys[name].Data), "h1 { color: #"+strconv.Itoa(100+e.rng.IntN(900))+"; }\n"...))
		e.body = name
		return "static " + name
	case 1:
		name := "static/robots-extra.txt"
		e.write(name, []byte(e.word()+"\n"))
		e.body = name
		return "static " + name
	default:
		name := "static/files/" + e.fresh("f-") + ".txt"
		e.write(name, []byte(e.word()+"\n"))
		return "new static " + name
	}
}

// addAssets gives the fixture's footer a theme's stylesheet from assets/
// and a script made from the site's title, as Hugo themes load theirs:
// a build whose footers come from the cache must still publish both, and
// a footer that shows the stylesheet's size must change with it.
func addAssets(fsys fstest.MapFS) {
	fsys["assets/css/theme.css"] = &fstest.MapFile{Data: []byte("footer { color: gray; }\n"), Mode: 0o644}
	footer := fsys["layouts/partials/footer.html"]
	footer.Data = append(bytes.Clone(footer.Data), `<link rel="stylesheet" href="{{ (resources.Get "css/theme.css" | minify | fingerprint).RelPermalink }}" data-bytes="{{ len (resources.Get "css/theme.css").Content }}">`+
		`<script src="{{ (resources.FromString "js/site.js" (printf "var title = %q;" site.Title)).RelPermalink }}" defer></script>`...)
}

// editAsset changes the theme's stylesheet in assets/.
func (e *editor) editAsset() string {
	name := "assets/css/theme.css"
	e.write(name, append(bytes.Clone(e.fsys[name].Data), "h2 { color: #"+strconv.Itoa(100+e.rng.IntN(900))+"; }\n"...))
	return "asset " + name
}

var (
	titleLine     = regexp.MustCompile(`(?m)^title = .*$`)
	paginateLine  = regexp.MustCompile(`(?m)^paginate = .*$`)
	publisherLine = regexp.MustCompile(`(?m)^publisher = .*$`)
	readMoreLine  = regexp.MustCompile(`(?m)^read_more = .*$`)
)

func (e *editor) editConfig() string {
	old := string(e.fsys["site.toml"].Data)
	var line string
	var text string
	switch e.rng.IntN(4) {
	case 0:
		line = "title = " + strconv.Quote(e.word())
		text = titleLine.ReplaceAllLiteralString(old, line)
	case 1:
		line = "paginate = " + strconv.Itoa(1+e.rng.IntN(4))
		text = paginateLine.ReplaceAllLiteralString(old, line)
	case 2:
		line = "publisher = " + strconv.Quote(e.word())
		text = publisherLine.ReplaceAllLiteralString(old, line)
	default:
		line = e.fresh("extra") + " = " + strconv.Quote(e.word())
		text = strings.Replace(old, "[params]\n", "[params]\n"+line+"\n", 1)
	}
	e.write("site.toml", []byte(text))
	return "site.toml: " + line
}

func (e *editor) editData() string {
	if e.rng.IntN(2) == 0 {
		name := "data/events.yaml"
		e.write(name, append(bytes.Clone(e.fsys[name].Data), "- date: 2013-01-01\n  title: "+strconv.Quote(e.word())+"\n"...))
		return "data " + name
	}
	name := "i18n/en.toml"
	if _, ok := e.fsys["i18n/ru.toml"]; ok && e.rng.IntN(2) == 0 {
		name = "i18n/ru.toml"
	}
	e.write(name, readMoreLine.ReplaceAll(e.fsys[name].Data, []byte("read_more = "+strconv.Quote(e.word()))))
	return "i18n " + name
}

// TestCacheShortcodeSeesSite is the property test's findings, minimized: a
// shortcode's output depends on more than its page's body and the other
// pages' titles, so a change to any of these must render it again.
func TestCacheShortcodeSeesSite(t *testing.T) {
	site := func() fstest.MapFS {
		return mapFS(txtar.Parse([]byte(`
-- site.toml --
baseURL = "https://example.org/"
title = "Site"
[params]
publisher = "Us"
-- i18n/en.toml --
read_more = "Read more"
-- layouts/_default/single.html --
{{ .Content }}
-- layouts/shortcodes/info.html --
` + infoShortcode + `
-- content/a.md --
---
title: A
weight: 1
---
{{< info >}}
-- content/b.md --
---
title: B
weight: 2
---
-- content/c.md --
---
title: C
weight: 3
---
`)).Files)
	}
	edits := []struct {
		name, file, old, new string
	}{
		{"site params", "site.toml", `publisher = "Us"`, `publisher = "Them"`},
		{"site title", "site.toml", `title = "Site"`, `title = "Other"`},
		{"base URL", "site.toml", `https://example.org/`, `https://example.net/`},
		{"interface string", "i18n/en.toml", `"Read more"`, `"More"`},
		{"a neighbour's title", "content/b.md", "title: B", "title: Bee"},
		{"the page order", "content/b.md", "weight: 2", "weight: 5"},
	}
	for _, ed := range edits {
		t.Run(ed.name, func(t *testing.T) {
			fsys := site()
			cache := NewCache()
			opts := Options{Now: buildNow}
			if _, ok := compareBuilds(t, 0, 0, nil, fsys, opts, cache); !ok {
				return
			}
			old := string(fsys[ed.file].Data)
			if !strings.Contains(old, ed.old) {
				t.Fatalf("%s lacks %q", ed.file, ed.old)
			}
			fsys[ed.file] = &fstest.MapFile{Data: []byte(strings.Replace(old, ed.old, ed.new, 1)), Mode: 0o644}
			compareBuilds(t, 0, 0, []string{ed.file + ": " + ed.new}, fsys, opts, cache)
		})
	}
}

// TestCacheKeysStable checks that the cache is used at all: building an
// unchanged site again looks up the very keys the first build stored.
func TestCacheKeysStable(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/shortcodes/info.html"] = &fstest.MapFile{Data: []byte(infoShortcode), Mode: 0o644}
	fsys["content/stories/trials/activists.md"].Data = append(fsys["content/stories/trials/activists.md"].Data, "\n{{< info >}}\n"...)
	cache := NewCache()
	keys := func() []string {
		var out []string
		for k := range cache.markdown {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	build := func() {
		cfg, _ := config.Load(fsys)
		Build(context.Background(), fsys, cfg, Options{Now: buildNow}, cache)
	}
	build()
	first := keys()
	build()
	if again := keys(); !reflect.DeepEqual(first, again) || len(first) == 0 {
		t.Errorf("an unchanged site changed the cache keys:\n%v\n%v", first, again)
	}
}

// addRussian makes the site bilingual: Russian pages live under /ru/ with
// their own interface strings, and name.ru.md translates name.md.
func (e *editor) addRussian() {
	e.write("site.toml", append(bytes.Clone(e.fsys["site.toml"].Data), "\n[languages.ru]\nname = \"Русский\"\nweight = 2\n"...))
	e.write("i18n/ru.toml", []byte("read_more = \"Далее\"\n[minutes]\none = \"{{ .Count }} минута\"\nother = \"{{ .Count }} минут\"\n"))
}

// translatePage writes name.ru.md beside name.md in a bilingual site.
//
// Not in a one-language site: there content/b/index.ru.md beside
// content/b/index.md makes a second claim on /b/, reported as a problem,
// and which of the two pages is written differs from build to build (map
// order), clean builds included, so the comparison would be flaky.
func (e *editor) translatePage() string {
	if _, ok := e.fsys["i18n/ru.toml"]; !ok {
		return ""
	}
	var sources []string
	for _, p := range e.pages() {
		if !strings.HasSuffix(p, ".ru.md") {
			sources = append(sources, p)
		}
	}
	page := e.pick(sources)
	if page == "" {
		return ""
	}
	name := strings.TrimSuffix(page, ".md") + ".ru.md"
	body := "Перевод: " + e.word() + ".\n"
	if e.rng.IntN(3) == 0 {
		body += "\n{{< info >}}\n"
	}
	e.write(name, []byte("---\ntitle: "+strconv.Quote("RU "+e.word())+"\n---\n"+body))
	return "translate " + page + " as " + name
}
