package content

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

var now = time.Date(2012, 11, 27, 0, 0, 0, 0, time.UTC)

func md(fm string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\nBody.\n")}
}

func load(t *testing.T, fsys fstest.MapFS, opts Options) (*Site, map[string]*Page, []string) {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = now
	}
	s, probs := Load(fsys, opts)
	byFile := map[string]*Page{}
	for _, p := range s.Pages {
		byFile[p.File] = p
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	return s, byFile, msgs
}

func TestURLsSectionsAndBundles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                     md("title: Home"),
		"content/zhanaozen/_index.md":           md("title: Zhanaozen"),
		"content/zhanaozen/clashes.md":          md("title: Clashes"),
		"content/zhanaozen/trials/_index.md":    md("title: Trials"),
		"content/zhanaozen/trials/activists.md": md("title: Activists\nslug: seven-activists"),
		"content/people/kozlov/index.md":        md("title: Kozlov"),
		"content/people/kozlov/photo.jpg":       {Data: []byte("jpg")},
		"content/about.md":                      md("title: About\nurl: /who-we-are"),
		"content/Жанаозен/Суд.md":               md("title: Суд"),
		"content/news/deep/nested/page.md":      md("title: Deep"),
	}
	s, pages, probs := load(t, fsys, Options{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := map[string]struct{ url, kind, sectionDir string }{
		"content/_index.md":                     {"/", KindHome, ""},
		"content/zhanaozen/_index.md":           {"/zhanaozen/", KindSection, "zhanaozen"},
		"content/zhanaozen/clashes.md":          {"/zhanaozen/clashes/", KindPage, "zhanaozen"},
		"content/zhanaozen/trials/_index.md":    {"/zhanaozen/trials/", KindSection, "zhanaozen/trials"},
		"content/zhanaozen/trials/activists.md": {"/zhanaozen/trials/seven-activists/", KindPage, "zhanaozen/trials"},
		"content/people/kozlov/index.md":        {"/people/kozlov/", KindPage, "people"},
		"content/about.md":                      {"/who-we-are/", KindPage, ""},
		"content/Жанаозен/Суд.md":               {"/жанаозен/суд/", KindPage, "Жанаозен"},
		"content/news/deep/nested/page.md":      {"/news/deep/nested/page/", KindPage, "news"},
	}
	for file, w := range want {
		p := pages[file]
		if p == nil {
			t.Errorf("%s: no page", file)
			continue
		}
		if p.URL != w.url || p.Kind != w.kind || p.SectionDir != w.sectionDir {
			t.Errorf("%s: url %q kind %q sectionDir %q; want %q %q %q", file, p.URL, p.Kind, p.SectionDir, w.url, w.kind, w.sectionDir)
		}
	}
	if got := pages["content/people/kozlov/index.md"].Resources; len(got) != 1 || got[0] != "content/people/kozlov/photo.jpg" {
		t.Errorf("bundle resources = %v", got)
	}
	if len(s.Files) != 1 || s.Files[0].Output != "people/kozlov/photo.jpg" {
		t.Errorf("files = %+v; want the bundle image beside its page", s.Files)
	}
	// Folders without _index.md: a top-level one becomes a section.
	var made []string
	for _, p := range s.Pages {
		if p.File == "" && p.Kind == KindSection {
			made = append(made, p.URL)
		}
	}
	if strings.Join(made, " ") != "/news/ /people/ /жанаозен/" {
		t.Errorf("made-up sections = %v", made)
	}
}

func TestDraftFutureExpiredAreAbsent(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/draft.md":   md("title: D\ndraft: true"),
		"content/a/future.md":  md("title: F\ndate: 2030-01-01"),
		"content/a/later.md":   md("title: L\npublishDate: 2013-01-01\ndate: 2012-01-01"),
		"content/a/expired.md": md("title: E\nexpiryDate: 2012-11-01"),
		"content/a/live.md":    md("title: Live\ndate: 2012-11-21"),
	}
	cases := []struct {
		opts Options
		want []string
	}{
		{Options{}, []string{"live"}},
		{Options{Drafts: true}, []string{"draft", "live"}},
		{Options{Future: true}, []string{"future", "later", "live"}},
		{Options{Expired: true}, []string{"expired", "live"}},
	}
	for _, c := range cases {
		_, pages, probs := load(t, fsys, c.opts)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		var got []string
		for f := range pages {
			if strings.HasPrefix(f, "content/a/") {
				got = append(got, strings.TrimSuffix(strings.TrimPrefix(f, "content/a/"), ".md"))
			}
		}
		if strings.Join(sorted(got), " ") != strings.Join(c.want, " ") {
			t.Errorf("%+v: pages %v; want %v", c.opts, sorted(got), c.want)
		}
	}
}

// warnings are the site's warnings as the terminal shows them.
func warnings(s *Site) []string {
	var ws []string
	for _, w := range s.Warnings {
		ws = append(ws, w.String())
	}
	return ws
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestClaimsOnOneURLNameEverySource(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/one.md":        md("title: One\nslug: same"),
		"content/a/same.md":       md("title: Two"),
		"content/b/Case.md":       md("title: Upper"),
		"content/b/case.md":       md("title: Lower"),
		"content/c/x.md":          md("title: X\naliases: [/a/same/]"),
		"content/d/caf\u00e9.md":  md("title: NFC"),
		"content/d/cafe\u0301.md": md("title: NFD"),
	}
	_, _, probs := load(t, fsys, Options{})
	all := strings.Join(probs, "\n")
	for _, want := range []string{
		// At the line of the key that makes the claim, when one does.
		"content/a/one.md:3: /a/same/ is claimed by more than one source: content/a/one.md (page), content/a/same.md (page), content/c/x.md (alias)",
		"content/a/same.md: /a/same/ is claimed",
		"content/c/x.md:3: /a/same/ is claimed",
		"/b/case/ is claimed by more than one source: content/b/Case.md (page), content/b/case.md (page)\n    give one of them",
		// Two names that look the same: the hint says why they clash.
		"/d/café/ is claimed by more than one source",
		"their names look the same but an accented letter is written two ways",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q; got:\n%s", want, all)
		}
	}
}

// A published site must copy to every system, Windows and zip files
// included; an alias must not be able to make markup of a folder name.
func TestAddressesEverySystemCanStore(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/con.md":     md("title: Con"),
		"content/a/trail..md":  md("title: Trail"),
		"content/a/ok.md":      md("title: OK\naliases: [\"javascript:alert(8)\", '/x\"><script>alert(7)</script>/', /old/ok/]"),
		"content/a/slugged.md": md("title: S\nurl: \"/a|b/\""),
		"content/a/fine.md":    md("title: Fine\nurl: /fine-1.2/"),
		"content/a/q:x.md":     md("title: Colon"),
		"content/a/dot.md":     md("title: Dot\nurl: /a/.x/dot/"),
		"content/a/known.md":   md("title: Known\nurl: /.well-known/known/"),
	}
	_, _, probs := load(t, fsys, Options{})
	all := strings.Join(probs, "\n")
	for _, want := range []string{
		`content/a/con.md: the file name content/a/con.md has a part, "con.md", that is a reserved device name on Windows`,
		`content/a/q:x.md: the file name content/a/q:x.md has ":", which a file name cannot have on every system`,
		`content/a/dot.md:3: the web address /a/.x/dot/ has a part, ".x", that starts with a dot`,
		`content/a/trail..md: the web address /a/trail./ has a part, "trail.", that ends in a dot or space`,
		`content/a/ok.md:3: the alias /javascript:alert(8)/ has ":", which a file name cannot have on every system`,
		`content/a/ok.md:3: the alias /x"><script>alert(7)</script>/ has "\"", which a file name cannot have`,
		`content/a/slugged.md:3: the web address /a|b/ has "|"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q; got:\n%s", want, all)
		}
	}
	if n := len(probs); n != 7 {
		t.Errorf("got %d problems; want 7 (none for fine.md or the .well-known address):\n%s", n, all)
	}
}

func TestSymlinksAreNotPublished(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/page.md": md("title: P"),
		"content/a/secret":  {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
	}
	s, _, probs := load(t, fsys, Options{})
	if len(s.Files) != 0 {
		t.Errorf("files = %+v; a symlink must never be published", s.Files)
	}
	if len(probs) != 1 || !strings.Contains(probs[0], "content/a/secret: symbolic links are not published") {
		t.Errorf("problems = %v", probs)
	}
}

// TestIrregularFilesAreNamed: a named pipe (or socket, or device) in
// content/ is not read, which could block the build, and is named; it
// was skipped without a word.
func TestIrregularFilesAreNamed(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/page.md": md("title: P"),
		"content/a/pipe.md": {Mode: fs.ModeNamedPipe},
	}
	s, _, probs := load(t, fsys, Options{})
	if len(s.Files) != 0 || len(s.Pages) != 3 { // the home page, section a and page.md
		t.Errorf("pages = %d, files = %+v; want the pipe left out", len(s.Pages), s.Files)
	}
	if len(probs) != 1 || !strings.Contains(probs[0], "content/a/pipe.md: this is not an ordinary file (a named pipe, socket or device), so it is not read") {
		t.Errorf("problems = %v", probs)
	}
}

func TestEditorFilesAreIgnored(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/page.md":      md("title: P"),
		"content/a/page.md~":     {Data: []byte("x")},
		"content/a/.page.md.swp": {Data: []byte("x")},
		"content/a/#page.md#":    {Data: []byte("x")},
		"content/a/4913":         {Data: []byte("x")},
		"content/a/page.md.bak":  {Data: []byte("x")},
		"content/a/page.md.orig": {Data: []byte("x")},
		// Word's lock file would claim /a/page/ with page.md; the others
		// would be published as they are.
		"content/a/~$page.md":          {Data: []byte("x")},
		"content/a/page.md.tmp":        {Data: []byte("---\ntitle: P\n---\n")},
		"content/a/page.md.crswap":     {Data: []byte("x")},
		"content/a/page.md.sb-1234-ab": {Data: []byte("x")},
		// nano's emergency saves: published, the markdown source itself.
		"content/a/page.md.save":   md("title: P"),
		"content/a/page.md.save.1": md("title: P"),
	}
	s, _, probs := load(t, fsys, Options{})
	if len(probs) > 0 || len(s.Files) != 0 {
		t.Errorf("files %+v problems %v; editor files must be ignored", s.Files, probs)
	}
}

func TestLeafBundleHoldsOnePage(t *testing.T) {
	fsys := fstest.MapFS{
		"content/people/_index.md":                  md("title: People"),
		"content/people/kozlov/index.md":            md("title: Kozlov"),
		"content/people/kozlov/index.ru.md":         md("title: Козлов"),
		"content/people/kozlov/photo.jpg":           {Data: []byte("jpg")},
		"content/people/kozlov/notes.md":            md("title: Research notes (internal)"),
		"content/people/kozlov/notes.ru.md":         md("title: Заметки"),
		"content/people/kozlov/drafts/letter.md":    md("title: Letter\ndraft: true"),
		"content/people/kozlov/drafts/index.md":     md("title: Drafts"),
		"content/people/kozlov/drafts/_index.md":    md("title: Drafts"),
		"content/people/moldashev/index.md":         md("title: Moldashev\ndraft: true"),
		"content/people/moldashev/notes.md":         md("title: Notes"),
		"content/people/only-ru/index.ru.md":        md("title: Только по-русски"),
		"content/people/only-ru/notes.md":           md("title: Notes"),
		"content/zhanaozen/_index.md":               md("title: Zhanaozen"),
		"content/zhanaozen/trial.md":                md("title: Trial"),
		"content/zhanaozen/trial/index.md":          md("title: Trial"),
		"content/zhanaozen/appeal/_index.md":        md("title: Appeal"),
		"content/zhanaozen/appeal/hearing.md":       md("title: Hearing"),
		"content/zhanaozen/appeal/verdict/index.md": md("title: Verdict"),
	}
	_, pages, probs := load(t, fsys, Options{Languages: []string{"en", "ru"}})
	var files []string
	for _, p := range probs {
		files = append(files, strings.SplitN(p, ":", 2)[0])
	}
	want := []string{
		"content/people/kozlov/drafts/_index.md", "content/people/kozlov/drafts/index.md", "content/people/kozlov/drafts/letter.md",
		"content/people/kozlov/notes.md", "content/people/kozlov/notes.ru.md", "content/people/moldashev/notes.md",
		"content/people/only-ru/notes.md",
		"content/zhanaozen/trial.md", "content/zhanaozen/trial/index.md", // one address, /zhanaozen/trial/
	}
	for _, moved := range []string{"content/people/kozlov-drafts.md", "content/people/kozlov-notes.ru.md"} {
		if !slices.ContainsFunc(probs, func(p string) bool { return strings.Contains(p, "for example to "+moved+";") }) {
			t.Errorf("no problem suggests %s", moved)
		}
	}
	if got := strings.Join(sorted(files), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems in:\n%s\nwant:\n%s\n(all: %v)", got, strings.Join(want, "\n"), probs)
	}
	for f := range pages {
		if strings.Contains(f, "notes") || strings.Contains(f, "drafts") {
			t.Errorf("%s was published", f)
		}
	}
	for _, f := range []string{"content/people/kozlov/index.md", "content/people/kozlov/index.ru.md", "content/people/only-ru/index.ru.md",
		"content/zhanaozen/appeal/hearing.md", "content/zhanaozen/appeal/verdict/index.md"} {
		if pages[f] == nil {
			t.Errorf("%s: no page", f)
		}
	}
	wantProb := "content/people/kozlov/notes.md: content/people/kozlov/ is one page, as it has an index.md: notes.md in it is not a page of its own, so it is not published\n" +
		"    to publish it as a page of its own, move it out of the folder, for example to content/people/kozlov-notes.md; " +
		"to make the folder a section with several pages, rename index.md to _index.md and index.ru.md to _index.ru.md; " +
		"if it is notes not meant for readers, keep it outside content/"
	if !slices.Contains(probs, wantProb) {
		t.Errorf("problems:\n%s\nwant among them:\n%s", strings.Join(probs, "\n"), wantProb)
	}
	nested := "content/people/kozlov/drafts/letter.md: content/people/kozlov/ is one page, as it has an index.md: drafts/letter.md in it is not a page of its own, so it is not published\n" +
		"    to publish it as a page of its own, move it out of the folder, for example to content/people/kozlov-drafts-letter.md; "
	if !slices.ContainsFunc(probs, func(p string) bool { return strings.HasPrefix(p, nested) }) {
		t.Errorf("problems:\n%s\nwant among them one starting:\n%s", strings.Join(probs, "\n"), nested)
	}
}

func TestConflictCopiesWarnAndAreNotPublished(t *testing.T) {
	fsys := fstest.MapFS{
		"content/people/kozlov/index.md":                                     md("title: Kozlov"),
		"content/people/kozlov/index (Ana's conflicted copy 2026-11-20).md":  md("title: Kozlov"),
		"content/people/kozlov/photo (Ana's conflicted copy 2026-11-20).jpg": {Data: []byte("jpg")},
		"content/zhanaozen/trial.md":                                         md("title: Trial"),
		"content/zhanaozen/trial.sync-conflict-20261120-101112-ABCDEFG.md":   md("title: Trial"),
	}
	s, pages, probs := load(t, fsys, Options{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for f := range pages {
		if strings.Contains(f, "conflict") {
			t.Errorf("%s was published", f)
		}
	}
	if len(s.Files) != 0 {
		t.Errorf("files = %+v; want no conflict copy", s.Files)
	}
	want := []string{
		"content/people/kozlov/index (Ana's conflicted copy 2026-11-20).md: this is a conflict copy of index.md, so it is not published: a sync tool (Dropbox, Syncthing, Nextcloud…) kept both versions when the file was changed in two places at once\n    compare it with index.md, copy into index.md whatever of it should stay, then delete this copy",
		"content/people/kozlov/photo (Ana's conflicted copy 2026-11-20).jpg: this is a conflict copy of photo.jpg, so it is not published: a sync tool (Dropbox, Syncthing, Nextcloud…) kept both versions when the file was changed in two places at once\n    keep whichever of the two is right under the name photo.jpg, and delete the other",
		"content/zhanaozen/trial.sync-conflict-20261120-101112-ABCDEFG.md: this is a conflict copy of trial.md, so it is not published: a sync tool (Dropbox, Syncthing, Nextcloud…) kept both versions when the file was changed in two places at once\n    compare it with trial.md, copy into trial.md whatever of it should stay, then delete this copy",
	}
	if got := strings.Join(sorted(warnings(s)), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestPagesOnlyFromMdFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/zhanaozen/page.markdown": md("title: P\ndraft: true"),
		"content/zhanaozen/a.MDOWN":       md("title: A"),
		"content/zhanaozen/b.mkd":         md("title: B"),
		"content/zhanaozen/c.mkdn":        md("title: C"),
		"content/zhanaozen/d.Mdwn":        md("title: D"),
		"content/zhanaozen/notes.txt":     md("title: Notes"),
		"content/zhanaozen/toml.txt":      {Data: []byte("\xef\xbb\xbf\r\n+++\r\ntitle = 'T'\r\n+++\r\n")},
		"content/zhanaozen/readme.txt":    {Data: []byte("A list of sources.\n---\nMore.\n")},
		"content/zhanaozen/empty.txt":     {Data: nil},
	}
	s, _, probs := load(t, fsys, Options{})
	want := []string{
		"content/zhanaozen/a.MDOWN: samizdat reads pages only from .md files\n    rename a.MDOWN to a.md",
		"content/zhanaozen/b.mkd: samizdat reads pages only from .md files\n    rename b.mkd to b.md",
		"content/zhanaozen/c.mkdn: samizdat reads pages only from .md files\n    rename c.mkdn to c.md",
		"content/zhanaozen/d.Mdwn: samizdat reads pages only from .md files\n    rename d.Mdwn to d.md",
		"content/zhanaozen/notes.txt: samizdat reads pages only from .md files\n    rename notes.txt to notes.md",
		"content/zhanaozen/page.markdown: samizdat reads pages only from .md files\n    rename page.markdown to page.md",
		"content/zhanaozen/toml.txt: samizdat reads pages only from .md files\n    rename toml.txt to toml.md",
	}
	if strings.Join(sorted(probs), "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(sorted(probs), "\n"), strings.Join(want, "\n"))
	}
	var out []string
	for _, f := range s.Files {
		out = append(out, f.Output)
	}
	if strings.Join(out, " ") != "zhanaozen/empty.txt zhanaozen/readme.txt" {
		t.Errorf("files published = %v; want only the .txt files that are not pages", out)
	}
}

func TestFrontMatterWarningsAreReturned(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":     md("title: Zhanaozen - the #1 story"),
		"content/draft.md": md("title: A\ndraft: true\ndescription: the #2 story"),
	}
	s, pages, probs := load(t, fsys, Options{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got := warnings(s)
	want := []string{
		`content/a.md:2:8: the title is "Zhanaozen - the": the text after " #" is a comment, left out of the page` +
			"\n    if it belongs to the title, put the whole title in double quotes to keep the #: title: \"Zhanaozen - the #1 story\"; if it is a note for editors, nothing is wrong",
		`content/draft.md:4:14: the description is "the": the text after " #" is a comment, left out of the page` +
			"\n    if it belongs to the description, put the whole description in double quotes to keep the #: description: \"the #2 story\"; if it is a note for editors, nothing is wrong",
	}
	if strings.Join(sorted(got), "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if pages["content/a.md"] == nil {
		t.Error("a page with a warning must still be published")
	}
}

func TestTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                 md("title: Home"),
		"content/zhanaozen/_index.md":       md("title: Zhanaozen"),
		"content/zhanaozen/_index.ru.md":    md("title: Жанаозен"),
		"content/zhanaozen/trial.md":        md("title: Trial"),
		"content/zhanaozen/trial.ru.md":     md("title: Суд"),
		"content/zhanaozen/only.kk.md":      md("title: Тек"),
		"content/people/kozlov/index.md":    md("title: Kozlov"),
		"content/people/kozlov/index.ru.md": md("title: Козлов"),
		"content/people/kozlov/photo.jpg":   {Data: []byte("jpg")},
		"content/notes.old.md":              md("title: Not a language"),
		"content/keyed/a.md":                md("title: A\ntranslationKey: story"),
		"content/keyed/b.ru.md":             md("title: Б\ntranslationKey: story"),
	}
	s, pages, probs := load(t, fsys, Options{Languages: []string{"en", "ru", "kk"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := map[string]struct{ url, lang, key string }{
		"content/zhanaozen/_index.ru.md":    {"/ru/zhanaozen/", "ru", "content/zhanaozen/_index.md"},
		"content/zhanaozen/trial.ru.md":     {"/ru/zhanaozen/trial/", "ru", "content/zhanaozen/trial.md"},
		"content/zhanaozen/trial.md":        {"/zhanaozen/trial/", "en", "content/zhanaozen/trial.md"},
		"content/zhanaozen/only.kk.md":      {"/kk/zhanaozen/only/", "kk", "content/zhanaozen/only.md"},
		"content/people/kozlov/index.ru.md": {"/ru/people/kozlov/", "ru", "content/people/kozlov/index.md"},
		"content/notes.old.md":              {"/notes.old/", "en", "content/notes.old.md"},
		"content/keyed/b.ru.md":             {"/ru/keyed/b/", "ru", "key:story"},
	}
	for file, w := range want {
		p := pages[file]
		if p == nil {
			t.Errorf("%s: no page", file)
			continue
		}
		if p.URL != w.url || p.Lang != w.lang || p.TranslationKey != w.key {
			t.Errorf("%s: url %q lang %q key %q; want %q %q %q", file, p.URL, p.Lang, p.TranslationKey, w.url, w.lang, w.key)
		}
	}
	homes := map[string]string{}
	for _, p := range s.Pages {
		if p.Kind == KindHome {
			homes[p.Lang] = p.URL
		}
	}
	if homes["en"] != "/" || homes["ru"] != "/ru/" || homes["kk"] != "/kk/" {
		t.Errorf("homes = %v; every language needs one", homes)
	}
	var outs []string
	for _, f := range s.Files {
		outs = append(outs, f.Output)
	}
	if strings.Join(outs, " ") != "people/kozlov/photo.jpg ru/people/kozlov/photo.jpg" {
		t.Errorf("bundle files = %v; want them beside each language's page", outs)
	}
}

func TestLanguageSuffixNotOfTheSite(t *testing.T) {
	fsys := fstest.MapFS{
		"content/about/_index.md":           md("title: About"),
		"content/about/_index.kz.md":        md("title: Біз туралы"),
		"content/zhanaozen/trial.md":        md("title: Trial"),
		"content/zhanaozen/trial.RU.md":     md("title: Суд"),
		"content/zhanaozen/trial.ru-RU.md":  md("title: Суд"),
		"content/zhanaozen/trial.ru_RU.md":  md("title: Суд"),
		"content/zhanaozen/trial.rus.md":    md("title: Суд"),
		"content/zhanaozen/trial.kaz.md":    md("title: Сот"),
		"content/zhanaozen/trial.de.md":     md("title: Prozess"),
		"content/zhanaozen/trial.de-DE.md":  md("title: Prozess"),
		"content/zhanaozen/trial.eng.md":    md("title: Trial"),
		"content/zhanaozen/trial.us.md":     md("title: Trial"), // a country whose language is the site's first: a page as written
		"content/people/kozlov/index.md":    md("title: Kozlov"),
		"content/people/kozlov/index.kz.md": md("title: Козлов"),
		// Not languages: they stay pages of their own.
		"content/notes.old.md":  md("title: Old notes"),
		"content/report.v2.md":  md("title: Report"),
		"content/plan.final.md": md("title: Plan"),
		"content/notes.new.md":  md("title: New notes"),
		"content/notes.fin.md":  md("title: Notes"),
		"content/notes.ua.md":   md("title: Notes"), // Ukraine, but the site has no uk
		"content/notes.001.md":  md("title: Notes"),
		"content/2012.11.md":    md("title: November"),
	}
	_, pages, probs := load(t, fsys, Options{Languages: []string{"en", "ru", "kk"}})
	hints := map[string]string{}
	for _, p := range probs {
		msg, hint, _ := strings.Cut(p, "\n    ")
		file, _, _ := strings.Cut(msg, ":")
		hints[file] = hint
	}
	want := map[string]string{
		"content/about/_index.kz.md":        "did you mean kk or ru? kz is the code of a country, not of a language: rename the file _index.kk.md or _index.ru.md",
		"content/people/kozlov/index.kz.md": "did you mean kk or ru? kz is the code of a country, not of a language: rename the file index.kk.md or index.ru.md",
		"content/zhanaozen/trial.RU.md":     "did you mean ru? the site writes this language ru: rename the file trial.ru.md",
		"content/zhanaozen/trial.ru-RU.md":  "did you mean ru? the site's language is ru, without a country or script: rename the file trial.ru.md",
		"content/zhanaozen/trial.ru_RU.md":  "did you mean ru? the site's language is ru, without a country or script: rename the file trial.ru.md",
		"content/zhanaozen/trial.rus.md":    "did you mean ru? the site writes this language ru: rename the file trial.ru.md",
		"content/zhanaozen/trial.kaz.md":    "did you mean kk? the site writes this language kk: rename the file trial.kk.md",
		"content/zhanaozen/trial.eng.md":    "did you mean en? the site writes this language en: rename the file trial.en.md (or trial.md: a page in the default language needs no code)",
		"content/zhanaozen/trial.de.md": `to publish pages in the language de, add [languages.de] to site.toml (see docs/content.md, "Translations"); ` +
			"if .de is part of the page's name, not a language, write trial-de.md (slug: trial.de in its front matter keeps its address)",
		"content/zhanaozen/trial.de-DE.md": `to publish pages in the language de, add [languages.de] to site.toml and name the file trial.de.md (see docs/content.md, "Translations"); ` +
			"if .de-DE is part of the page's name, not a language, write trial-de-DE.md (slug: trial.de-DE in its front matter keeps its address)",
	}
	for file, hint := range want {
		if hints[file] != hint {
			t.Errorf("%s: hint %q; want %q", file, hints[file], hint)
		}
		if pages[file] != nil {
			t.Errorf("%s was published, at %s", file, pages[file].URL)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("problems:\n%s\nwant %d", strings.Join(probs, "\n"), len(want))
	}
	for _, file := range []string{"content/notes.old.md", "content/report.v2.md", "content/plan.final.md", "content/notes.new.md",
		"content/notes.fin.md", "content/notes.ua.md", "content/notes.001.md", "content/2012.11.md", "content/zhanaozen/trial.us.md"} {
		if p := pages[file]; p == nil || p.Lang != "en" {
			t.Errorf("%s: page %+v; want an English page", file, p)
		}
	}
	wantMsg := "content/about/_index.kz.md: the file name ends in .kz.md, but kz is not one of the site's languages (en, ru, kk), so this page is not published"
	if !slices.ContainsFunc(probs, func(p string) bool { return strings.HasPrefix(p, wantMsg+"\n") }) {
		t.Errorf("problems:\n%s\nwant among them:\n%s", strings.Join(probs, "\n"), wantMsg)
	}
}

// A site of one language (no [languages] in site.toml) takes a file with
// that language's code as its page, as Hugo does; any other language is a
// problem that says how to add it.
func TestLanguageSuffixOnSiteOfOneLanguage(t *testing.T) {
	fsys := fstest.MapFS{
		"content/about.en.md":   md("title: About"),
		"content/trial.ru.md":   md("title: Суд"),
		"content/contact.EN.md": md("title: Contact"),
	}
	_, pages, probs := load(t, fsys, Options{})
	if p := pages["content/about.en.md"]; p == nil || p.URL != "/about/" || p.Lang != "en" {
		t.Errorf("about.en.md: page %+v; want /about/ in en", p)
	}
	want := []string{
		"content/contact.EN.md: the file name ends in .EN.md, but EN is not one of the site's languages (en), so this page is not published\n" +
			"    did you mean en? the site writes this language en: rename the file contact.en.md (or contact.md: a page in the default language needs no code)",
		"content/trial.ru.md: the file name ends in .ru.md, but ru is not one of the site's languages (en), so this page is not published\n" +
			`    to publish pages in the language ru, add [languages.ru] to site.toml (see docs/content.md, "Translations"); ` +
			"if .ru is part of the page's name, not a language, write trial-ru.md (slug: trial.ru in its front matter keeps its address)",
	}
	if got := strings.Join(sorted(probs), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestNamesWithoutLettersAreAProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"content/🎉/a.md":  md("title: Party"),
		"content/b/!!.md": md("title: Bang"),
	}
	s, pages, probs := load(t, fsys, Options{})
	all := strings.Join(probs, "\n")
	for _, want := range []string{`content/🎉/a.md: the name "🎉" has no letter or digit`, `content/b/!!.md: the name "!!" has no letter or digit`} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	for _, p := range s.Pages {
		if strings.Contains(p.URL, "//") || (p.URL == "/" && p.Kind != KindHome) {
			t.Errorf("%s got URL %q", p.File, p.URL)
		}
	}
	if pages["content/🎉/a.md"] == nil {
		t.Error("the page is lost")
	}
}

func TestRereadTakesOnlyABodyEdit(t *testing.T) {
	const front = "---\ntitle: Trial\ntags: [court]\n---\n"
	fsys := fstest.MapFS{"content/news/trial.md": {Data: []byte(front + "Old text.\n"), ModTime: time.Unix(1, 0)}}
	opts := Options{Now: time.Unix(2e9, 0), Parsed: NewParseCache()}
	site, probs := Load(fsys, opts)
	byFile := func(s *Site) *Page {
		for _, p := range s.Pages {
			if p.File == "content/news/trial.md" {
				return p
			}
		}
		t.Fatal("no page for content/news/trial.md")
		return nil
	}
	if len(probs) > 0 {
		t.Fatalf("load: %v", probs)
	}
	old := byFile(site)
	reread := func(data string) (*Page, bool) {
		fsys["content/news/trial.md"] = &fstest.MapFile{Data: []byte(data), ModTime: time.Unix(3, 0)}
		return Reread(fsys, old, opts)
	}

	p, ok := reread(front + "New text.\n\nMore.\n")
	if !ok || string(p.Body) != "New text.\n\nMore.\n" || p.URL != old.URL || p.Meta.Title != "Trial" || p.Version == old.Version {
		t.Fatalf("Reread of a body edit = %+v, %v", p, ok)
	}
	if string(old.Body) != "Old text.\n" {
		t.Error("Reread changed the page Load made")
	}
	// The load that follows agrees (and takes the file from the cache).
	again, _ := Load(fsys, opts)
	if byFile(again).Version != p.Version {
		t.Error("the next load decoded another version")
	}

	for name, data := range map[string]string{
		"front matter changed":   "---\ntitle: Trial\ntags: [court, appeal]\n---\nNew text.\n",
		"same keys, other bytes": "---\ntitle: 'Trial'\ntags: [court]\n---\nNew text.\n",
		"a front matter mistake": "---\ntitel: Trial\n---\nNew text.\n",
		"no closing delimiter":   "---\ntitle: Trial\nNew text.\n",
	} {
		if _, ok := reread(data); ok {
			t.Errorf("%s: Reread took it", name)
		}
	}
	delete(fsys, "content/news/trial.md")
	if _, ok := Reread(fsys, old, opts); ok {
		t.Error("Reread of a deleted file")
	}
}

// A content folder that is itself a link would publish a whole tree from
// outside the site, so it is refused like any other link and nothing
// under it is read.
func TestContentFolderLinkIsNotFollowed(t *testing.T) {
	fsys := fstest.MapFS{
		"content":              {Data: []byte("elsewhere"), Mode: fs.ModeSymlink},
		"elsewhere/private.md": md("title: Private"),
		"elsewhere/key.pem":    {Data: []byte("secret")},
	}
	s, _, probs := load(t, fsys, Options{})
	for _, p := range s.Pages {
		if p.File != "" {
			t.Errorf("%s was published through the link", p.File)
		}
	}
	if len(s.Files) != 0 {
		t.Errorf("files = %+v; nothing behind the link may be published", s.Files)
	}
	if len(probs) != 1 || !strings.Contains(probs[0], "content: symbolic links are not published") {
		t.Errorf("problems = %v; want one saying content is a link", probs)
	}
}

// An empty file is a page nobody wrote (a typo in a file name, an editor
// that saved nothing): published, it is an untitled, blank page in its
// section, feeds and sitemap, so it is a problem that names the file.
func TestEmptyFileIsAProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/page.md":       md("title: P"),
		"content/a/empty.md":      {Data: nil},
		"content/a/blank.md":      {Data: []byte(" \n\n\t\r\n")},
		"content/a/bom.md":        {Data: []byte("\xef\xbb\xbf\n")},
		"content/a/untitled.md":   md("title:"),
		"content/b/_index.md":     {Data: []byte{}},
		"content/b/only-front.md": {Data: []byte("---\ntitle: Front matter only\n---\n")},
	}
	_, _, probs := load(t, fsys, Options{})
	want := []string{
		"content/a/blank.md: the file is empty\n    write the page, or delete the file",
		"content/a/bom.md: the file is empty\n    write the page, or delete the file",
		"content/a/empty.md: the file is empty\n    write the page, or delete the file",
		"content/a/untitled.md:2:1: title is empty\n    write the page's title after title:, or remove the line to use the file name",
		"content/b/_index.md: the file is empty\n    write the page, or delete the file",
	}
	if got := strings.Join(sorted(probs), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// An editor that truncates a file before writing it leaves it empty for a
// moment; the dev server's fast path must not take that as a body edit
// (a page without front matter has the same, empty, front matter).
func TestRereadRefusesAnEmptiedFile(t *testing.T) {
	fsys := fstest.MapFS{"content/note.md": {Data: []byte("A note without front matter.\n"), ModTime: time.Unix(1, 0)}}
	opts := Options{Now: time.Unix(2e9, 0), Parsed: NewParseCache()}
	site, probs := Load(fsys, opts)
	if len(probs) > 0 {
		t.Fatalf("load: %v", probs)
	}
	var old *Page
	for _, p := range site.Pages {
		if p.File == "content/note.md" {
			old = p
		}
	}
	if old == nil {
		t.Fatal("no page for content/note.md")
	}
	fsys["content/note.md"] = &fstest.MapFile{Data: nil, ModTime: time.Unix(3, 0)}
	if p, ok := Reread(fsys, old, opts); ok {
		t.Errorf("Reread took the emptied file: %+v", p)
	}
}

// A page whose front matter has no title (or that has no front matter) is
// titled after its file, or its folder for a section or bundle, so it is
// never listed as a blank link; the home page takes the site's title.
func TestNoTitleKeyTakesTheFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                    {Data: []byte("Welcome.\n")},
		"content/news/court-hearing.md":        {Data: []byte("Body only.\n")},
		"content/news/court-hearing.ru.md":     md("date: 2012-11-01"),
		"content/news/deep/_index.md":          md("weight: 2"),
		"content/people/ivan_petrov/index.md":  md("date: 2012-11-01"),
		"content/news/titled.md":               md("title: As written"),
		"content/news/Жанаозен-2011.md":        {Data: []byte("Текст.\n")},
		"content/people/ivan_petrov/photo.jpg": {Data: []byte("jpg")},
	}
	_, pages, probs := load(t, fsys, Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for file, want := range map[string]string{
		"content/_index.md":                   "",
		"content/news/court-hearing.md":       "Court hearing",
		"content/news/court-hearing.ru.md":    "Court hearing",
		"content/news/deep/_index.md":         "Deep",
		"content/people/ivan_petrov/index.md": "Ivan petrov",
		"content/news/titled.md":              "As written",
		"content/news/Жанаозен-2011.md":       "Жанаозен 2011",
	} {
		if p := pages[file]; p == nil {
			t.Errorf("%s: no page", file)
		} else if p.Meta.Title != want {
			t.Errorf("%s: title %q; want %q", file, p.Meta.Title, want)
		}
	}
}

// Each page left out says why and where it would be, as a published page
// is placed: its slug, its url, its language's folder, a section or a
// bundle by its folder, below a section left out with it. A link to that
// address can then say why it leads nowhere.
func TestLeftOutPagesKeepTheirAddresses(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/draft.md":        md("title: D\ndraft: true"),
		"content/a/slugged.md":      md("title: S\nslug: named\ndate: 2030-01-01"),
		"content/a/moved.md":        md("title: M\nurl: /elsewhere\nexpiryDate: 2012-11-01\naliases: [/old/place]"),
		"content/a/live.md":         md("title: Live"),
		"content/a/live.ru.md":      md("title: Живой\ndraft: true"),
		"content/secret/_index.md":  md("title: Secret\ndraft: true"),
		"content/secret/Page.md":    md("title: Page"),
		"content/people/x/index.md": md("title: X\ndraft: true"),
	}
	s, _, probs := load(t, fsys, Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	section := "in a section that is not published (its _index.md is a draft, dated in the future or past its expiryDate)"
	want := map[string]LeftOut{
		"content/a/draft.md":        {"a draft (draft: true)", "/a/draft/", nil},
		"content/a/slugged.md":      {"dated in the future (1 January 2030)", "/a/named/", nil},
		"content/a/moved.md":        {"past its expiryDate (1 November 2012)", "/elsewhere/", []string{"/old/place/"}},
		"content/a/live.ru.md":      {"a draft (draft: true)", "/ru/a/live/", nil},
		"content/secret/_index.md":  {"a draft (draft: true)", "/secret/", nil},
		"content/secret/Page.md":    {section, "/secret/page/", nil},
		"content/people/x/index.md": {"a draft (draft: true)", "/people/x/", nil},
	}
	if !maps.EqualFunc(s.Unpublished, want, func(a, b LeftOut) bool {
		return a.Why == b.Why && a.URL == b.URL && slices.Equal(a.Aliases, b.Aliases)
	}) {
		t.Errorf("Unpublished:\n%v\nwant:\n%v", s.Unpublished, want)
	}
}

// A section left out (its _index.md a draft, in the future or expired) is
// an embargo: nothing below it may be published, not its pages, nested
// sections, bundles or files, and no section is made up in its place. A
// translation follows its own _index file, or the default language's when
// it has none. The build flags bring everything back.
func TestLeftOutSectionLeavesOutEverythingBelow(t *testing.T) {
	fsys := fstest.MapFS{
		"content/open/_index.md":               md("title: Open"),
		"content/open/page.md":                 md("title: Page"),
		"content/secret/_index.md":             md("title: Secret\ndraft: true"),
		"content/secret/c.md":                  md("title: C"),
		"content/secret/c.ru.md":               md("title: Ц"),
		"content/secret/leaflet.pdf":           {Data: []byte("pdf")},
		"content/secret/sub/_index.md":         md("title: Sub"),
		"content/secret/sub/d.md":              md("title: D"),
		"content/secret/sub/deeper/e.md":       md("title: E"),
		"content/secret/bundle/index.md":       md("title: Bundle"),
		"content/secret/bundle/photo.jpg":      {Data: []byte("jpg")},
		"content/secret/assets/map.png":        {Data: []byte("png")},
		"content/later/_index.md":              md("title: Later\ndate: 2030-01-01"),
		"content/later/f.md":                   md("title: F"),
		"content/gone/_index.md":               md("title: Gone\nexpiryDate: 2012-01-01"),
		"content/gone/g.md":                    md("title: G"),
		"content/both/_index.md":               md("title: Both\ndraft: true"),
		"content/both/_index.ru.md":            md("title: Оба"),
		"content/both/h.md":                    md("title: H"),
		"content/both/h.ru.md":                 md("title: Х"),
		"content/people/anon/index.md":         md("title: Anon\ndraft: true"),
		"content/people/anon/photo.jpg":        {Data: []byte("jpg")},
		"content/people/_index.md":             md("title: People"),
		"content/people/named/index.md":        md("title: Named"),
		"content/people/named/photo.jpg":       {Data: []byte("jpg")},
		"content/secret/sub/deeper/notes.docx": {Data: []byte("docx")},
	}
	show := func(s *Site) (pages, files string) {
		var ps, fs []string
		for _, p := range s.Pages {
			ps = append(ps, p.URL)
		}
		for _, f := range s.Files {
			fs = append(fs, f.Output)
		}
		return strings.Join(sorted(ps), " "), strings.Join(fs, " ")
	}
	opts := Options{Languages: []string{"en", "ru"}}
	s, _, probs := load(t, fsys, opts)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	pages, files := show(s)
	if want := "/ /open/ /open/page/ /people/ /people/named/ /ru/ /ru/both/ /ru/both/h/"; pages != want {
		t.Errorf("pages:\n%s\nwant:\n%s", pages, want)
	}
	if want := "people/named/photo.jpg"; files != want {
		t.Errorf("files: %s; want %s", files, want)
	}

	opts.Drafts, opts.Future, opts.Expired = true, true, true
	s, _, probs = load(t, fsys, opts)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	pages, files = show(s)
	for _, want := range []string{"/secret/", "/secret/c/", "/ru/secret/c/", "/secret/sub/", "/secret/sub/d/", "/secret/sub/deeper/e/",
		"/secret/bundle/", "/later/", "/later/f/", "/gone/", "/gone/g/", "/both/", "/both/h/", "/people/anon/"} {
		if !strings.Contains(" "+pages+" ", " "+want+" ") {
			t.Errorf("with the flags, %s is missing from %s", want, pages)
		}
	}
	for _, want := range []string{"secret/leaflet.pdf", "secret/bundle/photo.jpg", "secret/assets/map.png", "secret/sub/deeper/notes.docx", "people/anon/photo.jpg"} {
		if !strings.Contains(" "+files+" ", " "+want+" ") {
			t.Errorf("with the flags, file %s is missing from %s", want, files)
		}
	}
}

// countFS counts the reads of each file; the loader reads on many
// goroutines.
type countFS struct {
	fstest.MapFS
	mu    *sync.Mutex
	opens map[string]int
}

func (c countFS) count(name string) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
}

func (c countFS) Open(name string) (fs.File, error) {
	c.count(name)
	return c.MapFS.Open(name)
}

func (c countFS) ReadFile(name string) ([]byte, error) {
	c.count(name)
	return c.MapFS.ReadFile(name)
}

// The dev server's parse cache keeps pages that are not published (a
// draft) too: they are not read and decoded again on every rebuild.
func TestParseCacheKeepsDrafts(t *testing.T) {
	fsys := countFS{fstest.MapFS{
		"content/a.md":     {Data: []byte("---\ntitle: A\n---\nText.\n"), ModTime: now},
		"content/draft.md": {Data: []byte("---\ntitle: D\ndraft: true\n---\nText.\n"), ModTime: now},
	}, &sync.Mutex{}, map[string]int{}}
	cache := NewParseCache()
	for range 3 {
		if _, probs := Load(fsys, Options{Now: now, Parsed: cache}); len(probs) > 0 {
			t.Fatal(probs)
		}
	}
	if n := fsys.opens["content/draft.md"]; n != 1 {
		t.Errorf("the draft was opened %d times in 3 loads; want 1", n)
	}
	if n := fsys.opens["content/a.md"]; n != 1 {
		t.Errorf("the page was opened %d times in 3 loads; want 1", n)
	}
}

// A name whose last part is a short English word that is also a
// language's or country's code ("what.is", "log.in", "faq.it") is taken
// as written, with a warning: refusing it stopped the build for a page
// named on purpose. An index file's suffix is a language all the same.
func TestLanguageSuffixThatIsAnEnglishWord(t *testing.T) {
	fsys := fstest.MapFS{
		"content/what.is.md":         md("title: What is"),
		"content/log.in.md":          md("title: Log in"),
		"content/faq.it.md":          md("title: FAQ"),
		"content/about/_index.md":    md("title: About"),
		"content/about/_index.it.md": md("title: Chi siamo"),
	}
	s, pages, probs := load(t, fsys, Options{Languages: []string{"en", "ru", "kk"}})
	for _, f := range []string{"content/what.is.md", "content/log.in.md", "content/faq.it.md"} {
		if p := pages[f]; p == nil || p.Lang != "en" {
			t.Errorf("%s: page %+v; want an English page", f, p)
		}
	}
	if len(probs) != 1 || !strings.HasPrefix(probs[0], "content/about/_index.it.md: the file name ends in .it.md, but it is not one of the site's languages") {
		t.Errorf("problems:\n%s\nwant one, of _index.it.md", strings.Join(probs, "\n"))
	}
	var warned []string
	for _, w := range s.Warnings {
		warned = append(warned, w.File)
	}
	slices.Sort(warned)
	if want := []string{"content/faq.it.md", "content/log.in.md", "content/what.is.md"}; !slices.Equal(warned, want) {
		t.Errorf("warnings for %v; want %v", warned, want)
	}
}
