package sitecheck

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// reflowWidth is a small phone's screen, in CSS pixels.
const reflowWidth = 360

// reflowFonts are the browser's default text sizes a reader can choose
// (Chromium's "font size" setting): 100%, 150% and 200% of 16 px.
var reflowFonts = []int64{16, 24, 32}

// textSpacing is the override of WCAG 1.4.12 (Text Spacing): readers'
// style sheets may set at least these, and no content may be lost. It is
// added with CSSOM (a constructed style sheet), which the page's
// Content-Security-Policy (style-src 'self') does not refuse, as a
// reader's extension does it.
const textSpacing = `(() => {
	const s = new CSSStyleSheet();
	s.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }");
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
	return getComputedStyle(document.body).letterSpacing !== "normal";
})()`

// overflow is what measureOverflow returns.
type overflow struct {
	Width       int64    `json:"width"`       // the viewport's, without a scroll bar
	ScrollWidth int64    `json:"scrollWidth"` // the page's
	Culprits    []string `json:"culprits"`    // the innermost elements that end right of the viewport
}

// measureOverflow names, when the page scrolls sideways, the innermost
// elements that reach past the right edge of the screen.
const measureOverflow = `(() => {
	const root = document.documentElement, w = root.clientWidth, sw = root.scrollWidth;
	const past = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5; };
	const name = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += "#" + el.id;
		if (el.classList.length) s += "." + Array.from(el.classList).join(".");
		const p = el.parentElement;
		if (p && p !== document.body) s = (p.className ? p.tagName.toLowerCase() + "." + Array.from(p.classList).join(".") : p.tagName.toLowerCase()) + " > " + s;
		const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
		return s + (text ? " \"" + text + "\"" : "") + " ends at x=" + Math.round(el.getBoundingClientRect().right);
	};
	const culprits = [];
	if (sw > w) {
		for (const el of document.body.querySelectorAll("*")) {
			if (past(el) && !Array.from(el.children).some(past)) culprits.push(name(el));
			if (culprits.length === 6) break;
		}
	}
	return {width: w, scrollWidth: sw, culprits};
})()`

// TestReflow opens every page at 360 px wide with the browser's text at
// 100%, 150% and 200%, each without and with the text spacing of WCAG
// 1.4.12, and fails where the page scrolls sideways (WCAG 1.4.4, 1.4.10,
// 1.4.12): a word, a button or a line that cannot wrap and so pushes the
// page wider than the phone, naming what reaches past the edge.
func TestReflow(t *testing.T) {
	t.Parallel()
	ps := pages(t)
	s := openBrowser(t)
	fonts := func(px int64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: px, Fixed: px * 13 / 16}})
			return err
		})
	}
	defer chromedp.Do(s.ctx, fonts(16))

	start := time.Now()
	runs := 0
	for _, p := range ps {
		for _, spacing := range []bool{false, true} {
			s.log.reset()
			if err := chromedp.Do(s.ctx, fonts(reflowFonts[0])); err != nil {
				t.Fatal(err)
			}
			if err := s.open(p, reflowWidth, schemes[0]); err != nil {
				t.Errorf("%s: loading: %v", p, err)
				continue
			}
			if spacing {
				ok, err := chromedp.Run(s.ctx, chromedp.Evaluate[bool](textSpacing))
				if err != nil || !ok {
					t.Fatalf("%s: the text spacing override did not apply (%v)", p, err)
				}
			}
			for _, px := range reflowFonts {
				where := fmt.Sprintf("%s at %d px wide, text at %d%%", p, reflowWidth, px*100/16)
				if spacing {
					where += " with WCAG 1.4.12 text spacing"
				}
				if err := chromedp.Do(s.ctx, fonts(px)); err != nil {
					t.Fatal(err)
				}
				o, err := chromedp.Run(s.ctx, chromedp.Evaluate[overflow](measureOverflow))
				if err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				runs++
				if o.ScrollWidth > o.Width {
					t.Errorf("%s: the page scrolls sideways (%d px wide on a %d px screen); what reaches past the edge:\n\t%s",
						where, o.ScrollWidth, o.Width, strings.Join(o.Culprits, "\n\t"))
				}
			}
			for _, msg := range s.log.take() {
				t.Errorf("%s: %s", p, msg)
			}
		}
	}
	t.Logf("reflow: measured %d pages in %d runs in %v", len(ps), runs, time.Since(start).Round(time.Millisecond))
}
