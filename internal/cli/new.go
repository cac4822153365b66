package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/samizdat-press/samizdat/internal/config"
)

// defaultArchetype is used when the site has no archetypes/ file for the
// section and no archetypes/default.md.
const defaultArchetype = `---
title: "{{ .Title }}"
date: {{ .Date }}
draft: true
description: ""
---

Write the page here. Save the file and the browser shows it.
`

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new [--source DIR] SECTION/NAME", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	pages, code, ok := parseArgs(fs, args, stdout)
	if !ok {
		return code
	}
	if len(pages) != 1 {
		fmt.Fprintln(stderr, "samizdat new: give the page to create, such as: samizdat new zhanaozen/trial")
		return exitUsage
	}
	if site := (siteFlags{source: *source}); !site.hasSite(stderr) {
		return exitUsage // a page in a folder that is not a site would never be built
	}
	name, from, draft, err := newPage(*source, pages[0])
	if err != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", err)
		if errors.As(err, new(usageError)) {
			return exitUsage
		}
		return exitProblems
	}
	fmt.Fprintf(stdout, "Created content/%s from %s\n", name, from)
	if draft {
		// Else the page never shows in the preview, and nothing says why.
		fmt.Fprintln(stdout, "It is a draft (draft: true), so the site leaves it out: to see it while you write, run samizdat serve --drafts (make serve DRAFTS=1); change it to draft: false to publish it")
	}
	return exitOK
}

// usageError is a refusal of the name given, as opposed to a problem of
// the site (a linked folder, a page already there, a broken archetype).
type usageError struct{ error }

// newPage writes the page arg names in the site source from its
// archetype, once the build's own rules accept it, and returns its
// content-relative name, the archetype it came from and whether the page
// is a draft.
func newPage(source, arg string) (name, from string, draft bool, err error) {
	name, err = newPagePath(arg)
	if err != nil {
		return "", "", false, usageError{err}
	}
	if err := checkPageFolders(source, name); err != nil {
		return "", "", false, err
	}
	cfg, _ := config.Load(os.DirFS(source)) // its problems are build's to report; new needs its languages
	if err := checkName(source, name, cfg); err != nil {
		return "", "", false, usageError{err}
	}
	text, from, err := archetype(os.DirFS(source), name)
	if err != nil {
		return "", "", false, err
	}
	meta, err := checkFrontMatter(name, from, text, cfg)
	if err != nil {
		return "", "", false, err
	}
	if err := checkInSite(source, name, text, cfg); err != nil {
		return "", "", false, err
	}
	if err := createPage(source, name, text); err != nil {
		return "", "", false, pageExists(name, err)
	}
	return name, from, meta.Draft, nil
}

// pageExists is the error for a page that is already there, else err.
func pageExists(name string, err error) error {
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("content/%s already exists; it was left as it is", name)
	}
	return err
}

// checkPageFolders refuses a page whose folders, content/ and those below
// it, include a symbolic link or a file. The page would be written through
// the link, anywhere on the machine, and the build would not publish it.
// Folders that do not exist yet are fine: createPage makes them.
func checkPageFolders(source, name string) error {
	dirs := []string{"content"}
	if d := path.Dir(name); d != "." {
		for _, part := range strings.Split(d, "/") {
			dirs = append(dirs, dirs[len(dirs)-1]+"/"+part)
		}
	}
	for _, dir := range dirs {
		info, err := os.Lstat(filepath.Join(source, filepath.FromSlash(dir)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link, so the page could land outside the site; replace the link with the folder itself, or give another section", dir)
		case !info.IsDir():
			return fmt.Errorf("%s is a file, not a folder; give another section", dir)
		}
	}
	return nil
}

// createPage writes text to content/NAME in source, making the folders it
// lacks. It writes through an os.Root, so that a link put in place after
// checkPageFolders still cannot lead outside the source, and with O_EXCL,
// so that an existing page is never overwritten, not even in a race.
func createPage(source, name string, text []byte) error {
	root, err := os.OpenRoot(source)
	if err != nil {
		return err
	}
	defer root.Close()
	file := filepath.Join("content", filepath.FromSlash(name))
	if err := root.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(text)
	return errors.Join(err, f.Close())
}

// newPagePath checks SECTION/NAME and adds ".md" when it is missing.
func newPagePath(arg string) (string, error) {
	p := strings.TrimPrefix(filepath.ToSlash(arg), "content/")
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return "", fmt.Errorf("%q is not a page path; use SECTION/NAME, such as zhanaozen/trial", arg)
	}
	clean := path.Clean(p)
	if clean != p || strings.HasPrefix(clean, "..") || strings.Contains(clean, "/../") {
		return "", fmt.Errorf("%q must stay inside content/; use SECTION/NAME, such as zhanaozen/trial", arg)
	}
	if path.Ext(clean) != ".md" {
		clean += ".md"
	}
	return clean, nil
}

// archetype renders the archetype for a new page: archetypes/SECTION.md,
// then archetypes/default.md, then the built-in default. It fills in
// .Title (from the name: "trial-of-activists" is "Trial of activists"),
// .Name, .Section, .Date (now, or SOURCE_DATE_EPOCH) and .Up, the way up
// from the page's folder to content/ ("../" for zhanaozen/trial.md,
// "../../" for people/kozlov/index.md), for links to other pages by their
// files: {{ .Up }}complaint/_index.md.
func archetype(fsys fs.FS, name string) ([]byte, string, error) {
	section, _, _ := strings.Cut(name, "/")
	text, from := defaultArchetype, "the built-in archetype"
	for _, c := range []string{"archetypes/" + section + ".md", "archetypes/default.md"} {
		if !strings.Contains(name, "/") && c != "archetypes/default.md" {
			continue
		}
		b, err := fs.ReadFile(fsys, c)
		if err == nil {
			text, from = string(b), c
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
	}
	base := strings.TrimSuffix(path.Base(name), ".md")
	if base == "index" || base == "_index" {
		base = path.Base(path.Dir(name))
	}
	data := map[string]string{
		"Title":   titleFromSlug(base),
		"Name":    base,
		"Section": section,
		"Date":    now(io.Discard).Format("2006-01-02T15:04:05Z07:00"),
		"Up":      strings.Repeat("../", strings.Count(name, "/")),
	}
	// The front matter gets the values quoted for its strings, the body
	// gets them as they are. The body is parsed after as many empty lines
	// as the front matter has, so that errors give the archetype's lines.
	n := frontMatterLen(text)
	front, err := fillArchetype(from, text[:n], quotedData(data))
	if err != nil {
		return nil, "", err
	}
	pad := strings.Repeat("\n", strings.Count(text[:n], "\n"))
	body, err := fillArchetype(from, pad+text[n:], data)
	if err != nil {
		return nil, "", err
	}
	return append(front, bytes.TrimPrefix(body, []byte(pad))...), from, nil
}

func fillArchetype(from, text string, data map[string]string) ([]byte, error) {
	t, err := template.New(from).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	return buf.Bytes(), nil
}

// frontMatterLen is the length of the archetype's front matter, both
// delimiter lines included: YAML between "---" lines or TOML between "+++"
// lines, after optional blank lines, as frontmatter.Parse reads it. It is
// 0 when there is none, and all of text when it is not closed.
func frontMatterLen(text string) int {
	rest := strings.TrimPrefix(text, "\ufeff")
	delim := ""
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		line = strings.TrimRight(line, " \t\r")
		switch {
		case delim == "" && line == "":
			continue
		case delim == "" && (line == "---" || line == "+++"):
			delim = line
		case delim == "":
			return 0
		case line == delim:
			return len(text) - len(rest)
		}
	}
	if delim == "" {
		return 0
	}
	return len(text)
}

// quotedData is data with every value escaped for the inside of a
// double-quoted string, as archetypes write them: title: "{{ .Title }}".
// YAML and TOML (and JSON) agree on the escapes used: \\, \" and \uXXXX
// for control characters, and for the line breaks YAML also knows
// (U+0085, U+2028, U+2029).
func quotedData(data map[string]string) map[string]string {
	q := make(map[string]string, len(data))
	for k, v := range data {
		q[k] = quotedForFrontMatter(v)
	}
	return q
}

func quotedForFrontMatter(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func titleFromSlug(s string) string {
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
