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
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "samizdat new: give the page to create, such as: samizdat new zhanaozen/trial")
		return exitUsage
	}
	name, err := newPagePath(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", err)
		return exitUsage
	}
	text, from, err := archetype(os.DirFS(*source), name)
	if err != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", err)
		return exitProblems
	}
	file := filepath.Join(*source, "content", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", err)
		return exitProblems
	}
	// O_EXCL: an existing page is never overwritten, not even in a race.
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		fmt.Fprintf(stderr, "samizdat new: content/%s already exists; it was left as it is\n", name)
		return exitProblems
	}
	if err != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", err)
		return exitProblems
	}
	_, werr := f.Write(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		fmt.Fprintf(stderr, "samizdat new: %v\n", werr)
		return exitProblems
	}
	fmt.Fprintf(stdout, "Created content/%s from %s\n", name, from)
	return exitOK
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
// then archetypes/default.md, then the built-in default.
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
	t, err := template.New(from).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", from, err)
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
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, "", fmt.Errorf("%s: %v", from, err)
	}
	return buf.Bytes(), from, nil
}

func titleFromSlug(s string) string {
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
