package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/samizdat-press/samizdat/internal/browsertest"
)

// browser starts a headless Chromium and returns a context for chromedp
// actions.
func browser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancelCtx := chromedp.NewContext(browsertest.Allocator(t))
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx() })
	return ctx
}

// waitJS polls a JavaScript expression in the page until it is true.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	html, _ := chromedp.Run(ctx, chromedp.OuterHTML("html"))
	t.Fatalf("timed out waiting for %s (%s); page:\n%s", what, expr, html)
}

// TestBrowserLiveReload is the campaigner's loop in a real browser: edit
// markdown and see it, change CSS without a reload, break a template and
// see the overlay, fix it and see the page again.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browser(t)
	// The campaign site's strict policy (connect-src 'none'): the dev
	// server must loosen it in what it serves, or the browser blocks the
	// event stream and nothing below ever shows.
	site := strings.Replace(smallSite, `<meta charset="utf-8">`,
		`<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'">`, 1)
	if site == smallSite {
		t.Fatal("smallSite has no <meta charset> to put the policy after")
	}
	dir := writeSite(t, site)
	url, stop, _ := startServe(t, dir)
	defer stop()

	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"news/first/")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the page", `document.querySelector("h1") && document.querySelector("h1").textContent === "First"`)
	// The reload script connects before it can hear anything.
	waitJS(t, ctx, "the reload script", `!!document.querySelector('script[src="/__samizdat/reload.js"]')`)
	time.Sleep(300 * time.Millisecond)

	// 1. Edit markdown: the new text appears.
	start := time.Now()
	writeFile(t, filepath.Join(dir, "content/news/first.md"), "---\ntitle: First\ndate: 2012-11-21\n---\nEdited in the browser test.\n")
	waitJS(t, ctx, "the edited text", `document.body.textContent.includes("Edited in the browser test.")`)
	t.Logf("save to visible: %v", time.Since(start))

	// 2. Edit another page: this one is not reloaded (a reload names the
	// pages that changed, and a marker set in this page's JavaScript world
	// survives).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.samizdatMarker = 7`)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nWelcome back.\n")
	eventually(t, "the edit of the home page", func() bool {
		_, body := get(t, url)
		return strings.Contains(body, "Welcome back.")
	})
	time.Sleep(500 * time.Millisecond) // a reload of this page would have happened by now
	if marker, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.samizdatMarker || 0`)); err != nil || marker != 7 {
		t.Errorf("an edit of another page reloaded this one (marker = %d, %v)", marker, err)
	}

	// 3. Change CSS: the style applies and the page is not reloaded (a
	// marker set in this page's JavaScript world survives).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.samizdatMarker = 42`)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "static/css/site.css"), "body { color: rgb(200, 0, 0); }\n")
	waitJS(t, ctx, "the new style", `getComputedStyle(document.body).color === "rgb(200, 0, 0)"`)
	marker, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.samizdatMarker || 0`))
	if err != nil {
		t.Fatal(err)
	}
	if marker != 42 {
		t.Errorf("the page reloaded on a CSS-only change (marker = %d)", marker)
	}

	// 4. Break a template: the overlay names the file; fix it: the overlay
	// goes and the page shows the change.
	single := filepath.Join(dir, "layouts/_default/single.html")
	writeFile(t, single, "{{ define \"main\" }}<h1>{{ .Title }</h1>{{ end }}\n")
	waitJS(t, ctx, "the problem overlay", `!!document.getElementById("samizdat-problems") && document.getElementById("samizdat-problems").textContent.includes("layouts/_default/single.html")`)
	writeFile(t, single, "{{ define \"main\" }}<h1>{{ .Title }} fixed</h1>{{ .Content }}{{ end }}\n")
	waitJS(t, ctx, "the fixed page", `!document.getElementById("samizdat-problems") && document.querySelector("h1").textContent === "First fixed"`)

	// 5. The open page disappears: the reload shows the 404 page.
	if err := os.Remove(filepath.Join(dir, "content/news/first.md")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the 404 page", `document.querySelector("h1") && document.querySelector("h1").textContent === "Not found"`)

	// 6. A 404 page stands for any page that may appear: when the page is
	// made again, it reloads and shows it (a reload names the new page,
	// which the 404 page is not).
	writeFile(t, filepath.Join(dir, "content/news/first.md"), "---\ntitle: First\ndate: 2012-11-21\n---\nBack again.\n")
	waitJS(t, ctx, "the page made again", `document.body.textContent.includes("Back again.")`)
	if strings.Contains(url, "0.0.0.0") {
		t.Errorf("served on all interfaces: %s", url)
	}
}

// TestBrowserWarningsPanel: a page that loses something (an <iframe> left
// out) shows a small warnings panel under the site's strict policy,
// collapsed to its count, expanded from the keyboard, readable in light and
// dark; the problems overlay takes its place while shown, and the panel
// goes once the page no longer loses anything.
func TestBrowserWarningsPanel(t *testing.T) {
	ctx := browser(t)
	site := strings.Replace(smallSite, `<meta charset="utf-8">`,
		`<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'">`, 1)
	dir := writeSite(t, site)
	page := filepath.Join(dir, "content/news/first.md")
	writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\nWatch the rally.\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n")
	url, stop, _ := startServe(t, dir)
	defer stop()

	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"news/first/")); err != nil {
		t.Fatal(err)
	}
	const panel = `document.getElementById("samizdat-warnings")`
	const list = `document.getElementById("samizdat-warnings-list")`
	const button = `document.querySelector("#samizdat-warnings button")`
	waitJS(t, ctx, "the collapsed warnings panel", panel+` && `+button+`.textContent.includes("1 warning") && `+list+`.offsetHeight === 0`)
	// Its styles are set through CSSOM, which style-src 'self' allows: a
	// blocked style would leave it in the flow of the page.
	waitJS(t, ctx, "the panel fixed in a corner", `getComputedStyle(`+panel+`).position === "fixed"`)

	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#samizdat-warnings button")), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the panel expanded by Enter", button+`.getAttribute("aria-expanded") === "true" && `+list+`.offsetHeight > 0 && `+
		list+`.textContent.includes("content/news/first.md:7") && `+list+`.textContent.includes("<iframe")`)

	// Text and background contrast at least 4.5:1, in light and in dark.
	contrast := `(() => {
		const lum = (c) => { const v = c.match(/[\d.]+/g).slice(0, 3).map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
		const p = ` + panel + `, bg = lum(getComputedStyle(p).backgroundColor);
		return Array.from(p.querySelectorAll("li div, p, button")).every((e) => { const f = lum(getComputedStyle(e).color); return (Math.max(f, bg) + 0.05) / (Math.min(f, bg) + 0.05) >= 4.5; });
	})()`
	waitJS(t, ctx, "readable warnings in light", contrast)
	light, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(`+panel+`).backgroundColor`))
	if err != nil {
		t.Fatal(err)
	}
	dark := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, dark); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the panel in dark colours", `getComputedStyle(`+panel+`).backgroundColor !== "`+light+`"`)
	waitJS(t, ctx, "readable warnings in dark", contrast)

	// A problem: the overlay takes the panel's place.
	single := filepath.Join(dir, "layouts/_default/single.html")
	writeFile(t, single, "{{ define \"main\" }}<h1>{{ .Title }</h1>{{ end }}\n")
	waitJS(t, ctx, "the overlay instead of the panel", `!!document.getElementById("samizdat-problems") && !`+panel)
	writeFile(t, single, "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n")
	waitJS(t, ctx, "the panel back after the fix", `!document.getElementById("samizdat-problems") && !!`+panel)

	// The iframe goes: so does the panel.
	writeFile(t, page, "---\ntitle: First\ndate: 2012-11-21\n---\nWatch the rally: https://www.youtube.com/watch?v=x\n")
	waitJS(t, ctx, "the panel gone", `document.body.textContent.includes("Watch the rally:") && !`+panel)
}
