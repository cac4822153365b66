package sitecheck

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/samizdat-press/samizdat/internal/browsertest"
	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/site"
)

// searchCase is a query typed into a language's search page, and a word
// a result must show (its title, or a mark in its excerpt) with what
// the reader typed folded away: case, ё/е, the Kazakh letters.
type searchCase struct {
	page, query, want string
	marked            bool // want is in the text of a page, where its excerpt marks it
}

var searchCases = []searchCase{
	{"search/index.html", "ZHANAOZEN", "Zhanaozen", true},
	{"ru/search/index.html", "приговоренный", "приговорённый", false},
	{"ru/search/index.html", "серьезная", "серьёзная", true},
	{"kk/search/index.html", "жанаозен", "Жаңаөзен", true},
}

// searchState is what the search page shows.
type searchState struct {
	Status  string `json:"status"`
	Found   string `json:"found"` // the status's words before the count
	Results []struct {
		Href  string   `json:"href"`
		Title string   `json:"title"`
		Text  string   `json:"text"` // title and excerpt or description
		Marks []string `json:"marks"`
	} `json:"results"`
}

const readSearch = `(() => {
	const status = document.querySelector("[data-search-status]");
	return {
		status: status.textContent,
		found: status.getAttribute("data-found"),
		results: Array.from(document.querySelectorAll("[data-search-results] > li"), li => ({
			href: li.querySelector("a").href,
			title: li.querySelector("a").textContent,
			text: li.textContent,
			marks: Array.from(li.querySelectorAll("mark"), m => m.textContent),
		})),
	};
})()`

// announced waits until the search page has announced what it found.
var announced = chromedp.Poll[bool](`document.querySelector("[data-search-status]").textContent !== ""`)

// TestSearchFromDisk opens the search pages of the portable build
// (`samizdat build --portable`, as in the offline zip) from file:// in
// Chromium, types a query in each language and checks the results: the
// count announced, a page found whatever the case, ё or Kazakh letters,
// and every result a file of the copy. With JavaScript off the page
// shows no field and links the sections. Nothing may be refused by the
// Content-Security-Policy or throw.
func TestSearchFromDisk(t *testing.T) {
	t.Parallel()
	dir := buildPortable(t)
	log := &pageLog{}
	ctx, cancel := chromedp.NewContext(browsertest.Allocator(t), chromedp.WithListener(log.listen))
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`)); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	root := "file://" + filepath.ToSlash(dir) + "/"

	for _, c := range searchCases {
		log.reset()
		err := chromedp.Do(ctx,
			chromedp.Navigate(root+c.page),
			chromedp.WaitVisible("#search-input"),
			chromedp.SendKeys("#search-input", c.query))
		if err == nil {
			_, err = chromedp.Run(ctx, announced)
		}
		if err != nil {
			t.Errorf("%s: typing %q: %v", c.page, c.query, err)
			continue
		}
		st, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](readSearch))
		if err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		if want := fmt.Sprintf("%s %d", st.Found, len(st.Results)); st.Status != want || len(st.Results) == 0 {
			t.Errorf("%s: %q: status %q with %d results; want %q and at least one", c.page, c.query, st.Status, len(st.Results), want)
		}
		shown, marked := false, false
		for _, r := range st.Results {
			shown = shown || strings.Contains(strings.ToLower(r.Text), strings.ToLower(c.want))
			for _, m := range r.Marks {
				marked = marked || strings.EqualFold(m, c.want)
			}
			if !strings.HasPrefix(r.Href, root) {
				t.Errorf("%s: result %q links to %s, outside the copy", c.page, r.Title, r.Href)
				continue
			}
			name, err := url.PathUnescape(strings.TrimPrefix(r.Href, "file://"))
			if err != nil {
				t.Errorf("%s: result %q: %v", c.page, r.Title, err)
			} else if fi, err := os.Stat(filepath.FromSlash(name)); err != nil || fi.IsDir() {
				t.Errorf("%s: result %q links to %s, which is no file of the copy", c.page, r.Title, r.Href)
			}
		}
		if !shown {
			t.Errorf("%s: %q: no result shows %q: %+v", c.page, c.query, c.want, st.Results)
		}
		if c.marked && !marked {
			t.Errorf("%s: %q: no excerpt marks %q: %+v", c.page, c.query, c.want, st.Results)
		}
		for _, p := range log.problems {
			t.Errorf("%s: %s", c.page, p)
		}
	}

	// Without JavaScript: no field that does nothing, and a way on, in
	// every language: as many sections as in English (a language that
	// has not translated them all links the stand-ins, kk/search/ linked
	// only three pages), the file of each in the copy.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	want := -1
	for _, c := range searchCases {
		if c.page == searchCases[0].page && want >= 0 {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(root+c.page)); err != nil {
			t.Fatal(err)
		}
		type nojsState struct {
			Field int      `json:"field"`
			Text  int      `json:"text"`
			Links []string `json:"links"`
		}
		nojs, err := chromedp.Run(ctx, chromedp.Evaluate[nojsState](`({
			field: document.querySelector("[data-search]").offsetHeight,
			text: document.querySelector("[data-search-nojs]").offsetHeight,
			links: Array.from(document.querySelectorAll("[data-search-nojs] a"), a => a.href)})`))
		if err != nil {
			t.Fatal(err)
		}
		if want < 0 {
			want = len(nojs.Links)
		}
		if nojs.Field != 0 || nojs.Text == 0 || len(nojs.Links) < 2 || len(nojs.Links) != want {
			t.Errorf("%s with JavaScript off: field %d px high, explanation %d px high with %d links; want no field, the explanation and its %d links, as on %s",
				c.page, nojs.Field, nojs.Text, len(nojs.Links), want, searchCases[0].page)
		}
		for _, l := range nojs.Links {
			name, err := url.PathUnescape(strings.TrimPrefix(l, "file://"))
			if !strings.HasPrefix(l, root) || err != nil {
				t.Errorf("%s with JavaScript off: link to %s, outside the copy", c.page, l)
			} else if fi, err := os.Stat(filepath.FromSlash(name)); err != nil || fi.IsDir() {
				t.Errorf("%s with JavaScript off: link to %s, which is no file of the copy", c.page, l)
			}
		}
	}
}

// TestAxeSearchResults runs axe-core over each language's search page
// as it is once the reader has typed and results show (TestAxe sees it
// before), in both schemes and at both widths.
func TestAxeSearchResults(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(tool(t, "AXE_JS", "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	s := openBrowser(t)
	for _, c := range searchCases {
		s.log.reset()
		if err := s.open(c.page, widths[0], schemes[0]); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		err := chromedp.Do(s.ctx, chromedp.SendKeys("#search-input", c.query))
		if err == nil {
			_, err = chromedp.Run(s.ctx, announced)
		}
		if err != nil {
			t.Fatalf("%s: typing %q: %v", c.page, c.query, err)
		}
		if ok, err := chromedp.Run(s.ctx, chromedp.Evaluate[bool](string(src)+"\n;typeof axe === 'object'")); err != nil || !ok {
			t.Fatalf("%s: injecting axe-core: %v", c.page, err)
		}
		for _, scheme := range schemes {
			for _, width := range widths {
				where := fmt.Sprintf("%s with results (%s, %d px)", c.page, scheme, width)
				if err := chromedp.Do(s.ctx, s.emulate(width, scheme)); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				res, err := chromedp.Run(s.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: running axe: %v", where, err)
				}
				for _, v := range res.Violations {
					t.Errorf("%s: axe %s (%s): %s %s %+v", where, v.ID, v.Impact, v.Help, v.HelpURL, v.Nodes)
				}
			}
		}
		for _, msg := range s.log.take() {
			t.Errorf("%s: %s", c.page, msg)
		}
	}
}

// buildPortable builds the campaign site as `samizdat build --portable`
// does and writes it to a temporary folder.
func buildPortable(t *testing.T) string {
	t.Helper()
	fsys := os.DirFS(repoRoot)
	cfg, probs := config.Load(fsys)
	res := site.Build(context.Background(), fsys, cfg, site.Options{Now: time.Now(), Portable: true}, nil)
	for _, p := range append(probs, res.Problems...) {
		t.Error(p.String())
	}
	if t.Failed() {
		t.FailNow()
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := res.WriteDir(dir, output.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return dir
}
