package devserver

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/samizdat-press/samizdat/internal/browsertest"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/publish"
)

// In a real browser, the served page gets the policy the host would send:
// a style written in the page is blocked, as it is once published (the
// build refuses such a page; this one is handed to Update as it is), a
// stylesheet file is applied, and the reload script still runs and shows
// the problems overlay.
func TestBrowserBlocksInlineStyleAsPublished(t *testing.T) {
	site := withFiles(testSite(), map[string]string{
		"_headers": "/*\n  Content-Security-Policy: " + publish.DefaultCSP + "\n",
		"index.html": `<!doctype html><html><head><link rel="stylesheet" href="/style.css">` +
			`<style>h1 { color: rgb(0, 0, 255) }</style></head><body><h1 style="font-style: italic">Home</h1></body></html>`,
		"style.css": "body { color: rgb(200, 0, 0) }\n",
	})
	s, ts := newServer(t, Options{})
	s.Update(site)
	ctx, cancel := chromedp.NewContext(browsertest.Allocator(t))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitInPage(t, ctx, "the stylesheet file", `getComputedStyle(document.body).color === "rgb(200, 0, 0)"`)
	styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("h1")).color === "rgb(0, 0, 255)" || `+
		`getComputedStyle(document.querySelector("h1")).fontStyle === "italic"`))
	if err != nil {
		t.Fatal(err)
	}
	if styled {
		t.Error("the page's own <style> or style attribute was applied; the published site's policy blocks both")
	}
	s.Update(broken(problem.Problem{File: "layouts/index.html", Line: 3, Message: "broken on purpose"}))
	waitInPage(t, ctx, "the problems overlay", `!!document.getElementById("samizdat-problems") && `+
		`document.getElementById("samizdat-problems").textContent.includes("broken on purpose") && `+
		`getComputedStyle(document.getElementById("samizdat-problems")).position === "fixed"`)
}

// waitInPage polls a JavaScript expression in the page until it is true.
func waitInPage(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
	}
	html, _ := chromedp.Run(ctx, chromedp.OuterHTML("html"))
	t.Fatalf("timed out waiting for %s (%s); page:\n%s", what, expr, html)
}
