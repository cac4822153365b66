package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// checkName refuses a name the build would refuse or leave out whatever
// the site holds. It asks the build: content.Load holds the rules (names
// Windows or a zip cannot store, names without a letter or digit, names
// never published), and rules kept here would drift from them. The site
// it loads is the one page, with front matter that cannot be at fault, so
// what is found is the name's.
func checkName(source, name string, cfg config.Config) error {
	if section := strings.TrimSuffix(name, ".md"); !strings.Contains(section, "/") {
		if info, err := os.Stat(filepath.Join(source, content.Dir, section)); err == nil && info.IsDir() {
			return fmt.Errorf("%s is a section, and a page of that name would take its address; give the page's name inside it, such as %s/trial", section, section)
		}
	}
	file := content.Dir + "/" + name
	alone := fstest.MapFS{file: {Data: []byte("---\ntitle: Page\n---\n"), Mode: 0o644}}
	site, probs := content.Load(alone, loadOptions(cfg))
	if p := problemIn(probs, file); p != nil {
		return fmt.Errorf("not writing %s: %s; give another name, of letters of any alphabet, digits and hyphens", file, p.Message)
	}
	if !slices.ContainsFunc(site.Pages, func(p *content.Page) bool { return p.File == file }) {
		return fmt.Errorf("not writing %s: the build would never publish it, as it leaves out files and folders whose names start with a dot, folders whose names start with _, and editors' backup files; give a name of letters, digits and hyphens", file)
	}
	return nil
}

// problemIn is the first of probs in file, or nil.
func problemIn(probs []problem.Problem, file string) *problem.Problem {
	if i := slices.IndexFunc(probs, func(p problem.Problem) bool { return p.File == file }); i >= 0 {
		return &probs[i]
	}
	return nil
}

// checkFrontMatter refuses a page whose front matter does not parse once
// the name is in it: an archetype with title: {{ .Title }} unquoted breaks
// on a name such as "yes: no", and the build would then refuse the page.
// The lines are the archetype's: the values filled in are one line each.
func checkFrontMatter(name, from string, text []byte, cfg config.Config) (frontmatter.Meta, error) {
	meta, _, _, probs := frontmatter.ParseWith(content.Dir+"/"+name, text, cfg.TaxonomyPlurals())
	if len(probs) == 0 {
		return meta, nil
	}
	example := `title: "{{ .Title }}"`
	if bytes.HasPrefix(bytes.TrimLeft(text, "\ufeff\r\n"), []byte("+++")) {
		example = `title = "{{ .Title }}"`
	}
	return meta, fmt.Errorf("not writing content/%s: its front matter would not parse: %s:%d: %s; the archetype should put the values it fills in in double quotes, as %s",
		name, from, probs[0].Line, probs[0].Message, example)
}

// checkInSite refuses a page the build would refuse in this site: its
// address taken by another page (by the letter case of its name, by a
// slug, url or alias), or the page already there.
func checkInSite(source, name string, text []byte, cfg config.Config) error {
	file := content.Dir + "/" + name
	if _, err := os.Lstat(filepath.Join(source, filepath.FromSlash(file))); err == nil {
		return pageExists(name, fs.ErrExist)
	}
	page := fstest.MapFS{file: {Data: text, Mode: 0o644}}
	_, probs := content.Load(withPage{site: os.DirFS(source), page: page}, loadOptions(cfg))
	if p := problemIn(probs, file); p != nil {
		return fmt.Errorf("not writing %s: %s; %s", file, p.Message, p.Hint)
	}
	return nil
}

// loadOptions are the build's content options with every page in: new
// judges a page whatever its draft, date or expiry.
func loadOptions(cfg config.Config) content.Options {
	return content.Options{Drafts: true, Future: true, Expired: true, Now: now(io.Discard),
		Taxonomies: cfg.TaxonomyPlurals(), Languages: cfg.LanguageCodes()}
}

// withPage is a site's files with one more, the page (and the folders to
// it) from page, which is not written yet.
type withPage struct {
	site fs.FS
	page fstest.MapFS
}

// fromPage reports whether name is read from page: the page itself, or
// a folder on its path that the site does not have yet.
func (w withPage) fromPage(name string) bool {
	if _, err := fs.Stat(w.page, name); err != nil {
		return false
	}
	if w.page[name] != nil {
		return true
	}
	_, err := fs.Lstat(w.site, name)
	return errors.Is(err, fs.ErrNotExist)
}

func (w withPage) pick(name string) fs.FS {
	if w.fromPage(name) {
		return w.page
	}
	return w.site
}

// Open opens a file of either; a folder of the site on the page's path
// lists the page's entry too.
func (w withPage) Open(name string) (fs.File, error) {
	if w.fromPage(name) {
		return w.page.Open(name)
	}
	f, err := w.site.Open(name)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(w.page, name); err != nil {
		return f, nil
	}
	entries, err := w.ReadDir(name)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &listedDir{File: f, entries: entries}, nil
}

func (w withPage) Stat(name string) (fs.FileInfo, error)  { return fs.Stat(w.pick(name), name) }
func (w withPage) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(w.pick(name), name) }
func (w withPage) ReadLink(name string) (string, error)   { return fs.ReadLink(w.pick(name), name) }
func (w withPage) ReadFile(name string) ([]byte, error)   { return fs.ReadFile(w.pick(name), name) }

// ReadDir lists a folder of the site with the page's entry added, when
// the folder is on the page's path.
func (w withPage) ReadDir(name string) ([]fs.DirEntry, error) {
	added, err := fs.ReadDir(w.page, name)
	if err != nil {
		return fs.ReadDir(w.site, name)
	}
	entries, err := fs.ReadDir(w.site, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range added {
		if !slices.ContainsFunc(entries, func(d fs.DirEntry) bool { return d.Name() == e.Name() }) {
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// listedDir is a folder of the site whose entries withPage lists.
type listedDir struct {
	fs.File
	entries []fs.DirEntry // not yet read
}

func (d *listedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.entries))
	out := d.entries[:k]
	d.entries = d.entries[k:]
	return out, nil
}
