package sitecheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/site"
)

// TestDataMistakesAreNamed: a campaign layout that shows a field of
// data/timeline.yaml or data/sources.yaml stops the build, naming the
// entry and the field, when the field is missing or misspelt (it used to
// publish an empty heading or citation); an unquoted date is shown as the
// date, not as a Go timestamp.
func TestDataMistakesAreNamed(t *testing.T) {
	dir := copySite(t)
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), from) {
			t.Fatalf("%s does not hold %q", name, from)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func() string {
		t.Helper()
		fsys := os.DirFS(dir)
		cfg, probs := config.Load(fsys)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		res := site.Build(context.Background(), fsys, cfg, site.Options{Now: time.Now()}, nil)
		var b strings.Builder
		for _, p := range res.Problems {
			b.WriteString(p.String() + "\n")
		}
		return b.String()
	}

	edit("data/timeline.yaml", `    title: "Clashes in Zhanaozen"`+"\n", "")
	edit("data/sources.yaml", `  short: "IPHR and KIBHR"`, `  shrt: "IPHR and KIBHR"`)
	got := build()
	for _, want := range []string{
		`data/timeline.yaml: the event "2011-12-16" has no title; add a line title:`,
		`data/sources.yaml: the source IPHR-2012 has a field "shrt", which is not one of key, primary, short, title, publisher, date, place, url, note; check its spelling`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got:\n%s", want, got)
		}
	}

	// With those fixed, a date written another way is named with its
	// event and file, not passed to dateFormat to fail inside the layouts.
	edit("data/timeline.yaml", `  - date: "2011-12-16"`+"\n", `  - date: "2011-12-16"`+"\n"+`    title: "Clashes in Zhanaozen"`+"\n")
	edit("data/sources.yaml", `  shrt: "IPHR and KIBHR"`, `  short: "IPHR and KIBHR"`)
	edit("data/timeline.yaml", `date: "2012-01-06"`, `date: "06.01.2012"`)
	got = build()
	if want := `data/timeline.yaml: the event "New national security law takes effect" has the date "06.01.2012", which is not written as YYYY-MM-DD, YYYY-MM or YYYY: write 6 January 2012 as "2012-01-06"`; !strings.Contains(got, want) ||
		!strings.Contains(got, "fix data/timeline.yaml, which the message names") {
		t.Errorf("problems lack %q; got:\n%s", want, got)
	}
}
