package sitecheck

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/site"
)

// The pages TestFrontMatterKeysShown adds to a copy of the site: the
// campaign's own pages set none of toc, summary and linkTitle, so the
// other tests never see what the layouts make of them.
var frontMatterFixtures = map[string]string{
	// Every key at once, and a <!--more--> that the summary outranks.
	"content/zhanaozen/fixture-keys.md": `---
title: "Fixture page with every key"
description: "FIXTURE DESCRIPTION"
summary: "FIXTURE SUMMARY"
linkTitle: "Fixture short"
toc: true
---

Fixture opening.

<!--more-->

## Fixture part one

Fixture text.

### Fixture part one a

Fixture text.

## Fixture part two

Fixture text.
`,
	// No description and no summary: the first paragraph, whose footnote
	// mark and link to a heading belong to this page, not to the list.
	"content/zhanaozen/fixture-first.md": `---
title: "Fixture page without a description"
---

Fixture first paragraph with a note[^1] and a link to [part two](#fixture-part-two).

Fixture second paragraph.

## Fixture part one

Fixture text.

## Fixture part two

Fixture text.

[^1]: Fixture note.
`,
	// A description and no summary: the description, as every page of
	// the campaign's own is listed.
	"content/zhanaozen/fixture-described.md": `---
title: "Fixture page with a description"
description: "FIXTURE DESCRIPTION ONLY"
---

Fixture first paragraph, not shown in lists.
`,
	// No description: the text before <!--more-->, a heading in it.
	"content/zhanaozen/fixture-more.md": `---
title: "Fixture page with more"
---

## Fixture heading before more

Fixture before more.

<!--more-->

Fixture after more.
`,
	"content/people/fixture-person/index.md": `---
title: "Fixture person with a long name"
linkTitle: "Fixture person"
summary: "FIXTURE PERSON SUMMARY"
description: "FIXTURE PERSON DESCRIPTION"
params:
  role: "Fixture role"
---

Fixture text.
`,
}

// TestFrontMatterKeysShown: the campaign's layouts do what docs/content.md
// promises campaigners for toc, summary and linkTitle, which they ignored
// (a page with all three showed none of them; lists showed only
// descriptions), and the markup they make passes samizdat's checks and the
// Nu HTML Checker. Pages without the keys are left as they were: the build
// of the site itself, which sets none of them, shows that to the other
// tests (and a page with a description and no summary is listed with its
// description, as before).
func TestFrontMatterKeysShown(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	for name, text := range frontMatterFixtures {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A table of contents in each language, labelled in it (i18n toc_label).
	addTOC := func(name string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("---\n")) {
			t.Fatalf("%s does not start with front matter", name)
		}
		if bytes.Contains(b, []byte("\ntoc: true\n")) {
			return
		}
		if err := os.WriteFile(p, append([]byte("---\ntoc: true\n"), b[4:]...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addTOC("content/zhanaozen/_index.ru.md")
	addTOC("content/action/_index.kk.md")

	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	res := site.Build(context.Background(), fsys, cfg, site.Options{Now: time.Now()}, nil)
	probs = append(probs, res.Problems...)
	probs = append(probs, res.Warnings...)
	for _, p := range probs {
		t.Error(p.String())
	}
	if t.Failed() {
		t.FailNow()
	}
	page := func(name string) *html.Node {
		t.Helper()
		b, ok := res.Files[name]
		if !ok {
			t.Fatalf("the build has no %s", name)
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return doc
	}

	// toc: true puts the table of contents right after the page's title
	// and lead, before its text, as a nav landmark labelled in the page's
	// language; no toc, no table, however many headings the page has.
	for name, label := range map[string]string{
		"zhanaozen/fixture-keys/index.html": "Contents",
		"ru/zhanaozen/index.html":           "Содержание",
		"kk/action/index.html":              "Мазмұны",
	} {
		article := find(page(name), isElem("article"))
		if article == nil {
			t.Fatalf("%s: no article", name)
		}
		var kids []*html.Node
		for c := article.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				kids = append(kids, c)
			}
		}
		if len(kids) < 3 || !hasClass(kids[0], "page-head") || !hasClass(kids[1], "toc") || !hasClass(kids[2], "content") {
			t.Errorf("%s: the article holds %s, want the page head, then nav.toc, then the text", name, outline(kids))
			continue
		}
		nav := kids[1]
		if nav.Data != "nav" || attr(nav, "aria-label") != label {
			t.Errorf("%s: the table of contents is <%s aria-label=%q>, want <nav aria-label=%q>", name, nav.Data, attr(nav, "aria-label"), label)
		}
	}
	if got := outline(findAll(find(page("zhanaozen/fixture-keys/index.html"), hasClassFn("toc")), isElem("a"))); got != "a#fixture-part-one a#fixture-part-one-a a#fixture-part-two" {
		t.Errorf("fixture-keys: the table of contents links %s", got)
	}
	if find(page("zhanaozen/fixture-first/index.html"), hasClassFn("toc")) != nil {
		t.Errorf("fixture-first: a table of contents, but the page does not ask for one")
	}

	// A list shows a page under its linkTitle, with its summary, else its
	// description, else the text before <!--more--> or its first paragraph,
	// cut loose from the page: no footnote mark, no id, no heading, and a
	// link to a heading leads to the page's heading.
	cards := map[string]*html.Node{}
	for _, c := range findAll(page("zhanaozen/index.html"), hasClassFn("card")) {
		cards[text(find(c, hasClassFn("card-title")))] = c
	}
	wantCards := map[string]struct{ text, not string }{
		"Fixture short":                      {"FIXTURE SUMMARY", "FIXTURE DESCRIPTION"},
		"Fixture page without a description": {"Fixture first paragraph with a note and a link to part two.", "Fixture second paragraph"},
		"Fixture page with more":             {"Fixture heading before more Fixture before more.", "Fixture after more"},
		"Fixture page with a description":    {"FIXTURE DESCRIPTION ONLY", "Fixture first paragraph"},
	}
	for title, want := range wantCards {
		c := cards[title]
		if c == nil {
			t.Errorf("zhanaozen/: no card titled %q; the cards are %q", title, keys(cards))
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(text(c), title))
		if body != want.text || strings.Contains(body, want.not) {
			t.Errorf("zhanaozen/: the card %q says %q, want %q", title, body, want.text)
		}
		if n := find(c, func(n *html.Node) bool {
			return n != c && (attr(n, "id") != "" || n.Data == "sup" || (isHeading(n) && !hasClass(n, "card-title")))
		}); n != nil {
			t.Errorf("zhanaozen/: the card %q holds %s, which belongs to its page", title, outline([]*html.Node{n}))
		}
	}
	if a := find(cards["Fixture page without a description"], func(n *html.Node) bool { return n.Data == "a" && text(n) == "part two" }); a == nil || attr(a, "href") != "fixture-first/#fixture-part-two" {
		t.Errorf("zhanaozen/: the card's link to a heading of its page is %q, want fixture-first/#fixture-part-two", outline([]*html.Node{a}))
	}
	// The people list shows the link title, and a written summary under the
	// role; its cards show no description.
	var person *html.Node
	for _, c := range findAll(page("people/index.html"), hasClassFn("profile-card")) {
		if strings.Contains(text(c), "Fixture") {
			person = c
		}
	}
	if person == nil {
		t.Fatal("people/: no card of the fixture person")
	}
	if got := text(find(person, hasClassFn("card-title"))); got != "Fixture person" {
		t.Errorf("people/: the fixture person's card is titled %q, want its linkTitle", got)
	}
	if got := text(person); !strings.Contains(got, "Fixture role FIXTURE PERSON SUMMARY") || strings.Contains(got, "FIXTURE PERSON DESCRIPTION") {
		t.Errorf("people/: the fixture person's card says %q, want the role, then the summary", got)
	}

	// The markup passes samizdat's checks (anchors, duplicate ids, heading
	// levels) and the Nu HTML Checker.
	for _, p := range check.Site(res.Output, check.Options{BudgetKB: cfg.BudgetKB, BaseURL: cfg.BaseURL}) {
		t.Error(p.String())
	}
	nuCheck(t, res.Output, "zhanaozen/index.html", "zhanaozen/fixture-keys/index.html", "ru/zhanaozen/index.html", "kk/action/index.html", "people/index.html")
}

// copySite copies the campaign site to a temporary folder, to change it.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "layouts", "static", "data", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile(filepath.Join(repoRoot, config.File))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, config.File), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// nuCheck runs the Nu HTML Checker over the named pages of out.
func nuCheck(t *testing.T, out *output.Output, names ...string) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java not found")
	}
	jar := tool(t, "VNU_JAR", "vnu-jar/build/dist/vnu.jar")
	dir := t.TempDir()
	args := []string{"-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "--errors-only", "--format", "json"}
	for _, name := range names {
		p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(p, out.Files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	raw := bytes.TrimSpace(stderr.Bytes())
	if i := bytes.IndexByte(raw, '{'); i >= 0 {
		raw = raw[i:]
	}
	if err := json.Unmarshal(raw, &report); err != nil {
		t.Fatalf("vnu: %v (%v); output:\n%s", err, runErr, stderr.String())
	}
	for _, m := range report.Messages {
		if m.Type != "info" {
			t.Errorf("%s:%d:%d: %s: %s\n\tin: %s", filepath.Base(m.URL), m.LastLine, m.FirstColumn, m.Type, m.Message, strings.TrimSpace(m.Extract))
		}
	}
}

// find is the first node below n, n included, that match says so of, in
// document order; nil when none is or n is nil.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// findAll is every node below n, n included, that match says so of.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

func isElem(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func isHeading(n *html.Node) bool {
	return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return n != nil && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func hasClassFn(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, class) }
}

// blocks are the elements whose text text keeps apart from the next's:
// minified HTML has no white space between them.
var blocks = map[string]bool{"p": true, "div": true, "li": true, "ol": true, "ul": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// text is the text below n, its runs of white space made one space.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.Data] {
			b.WriteString(" ")
		}
	}
	if n != nil {
		walk(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// outline names elements as tag.class or tag#href, for messages.
func outline(ns []*html.Node) string {
	var parts []string
	for _, n := range ns {
		if n == nil {
			parts = append(parts, "nothing")
			continue
		}
		s := n.Data
		if c := attr(n, "class"); c != "" {
			s += "." + strings.ReplaceAll(c, " ", ".")
		}
		if h := attr(n, "href"); h != "" {
			s += h
		}
		if id := attr(n, "id"); id != "" {
			s += "[id=" + id + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func keys(m map[string]*html.Node) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
