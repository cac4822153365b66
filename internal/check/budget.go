package check

import (
	"compress/gzip"
	"fmt"
	"strings"
)

// checkBudget weighs every page as a first visit loads it: its HTML, the
// same-site stylesheets (with their @imports) and scripts it loads, the
// fonts those stylesheets and its <style> declare, and the images it
// shows, each file once. HTML, CSS and JS count gzipped, as servers send
// them; images and fonts are compressed already and count as they are.
func (c *checker) checkBudget() {
	budgetKB := c.opts.BudgetKB
	if budgetKB < 0 {
		return
	}
	if budgetKB == 0 {
		budgetKB = defaultBudgetKB
	}
	for _, name := range c.paths(isHTML) {
		w := c.pageWeight(name, c.pages[name])
		if w.total() <= budgetKB*1024 {
			continue
		}
		c.report(name, nil, -1,
			fmt.Sprintf("page weighs %s, over the %d KB budget (%s)", kb(w.total()), budgetKB, w),
			w.hint())
	}
}

// weight is what one page loads, in bytes, by kind.
type weight struct {
	html, css, js, images, fonts int
	nImages, nFonts              int
}

func (w weight) total() int { return w.html + w.css + w.js + w.images + w.fonts }

// String lists the kinds the page loads: "HTML 12.0 KB, CSS 8.0 KB,
// images 716.0 KB in 1 file; HTML, CSS and JS gzipped".
func (w weight) String() string {
	parts := []string{"HTML " + kb(w.html)}
	if w.css > 0 {
		parts = append(parts, "CSS "+kb(w.css))
	}
	if w.js > 0 {
		parts = append(parts, "JS "+kb(w.js))
	}
	if w.images > 0 {
		parts = append(parts, fmt.Sprintf("images %s in %d %s", kb(w.images), w.nImages, plural(w.nImages, "file", "files")))
	}
	if w.fonts > 0 {
		parts = append(parts, fmt.Sprintf("fonts %s in %d %s", kb(w.fonts), w.nFonts, plural(w.nFonts, "file", "files")))
	}
	return strings.Join(parts, ", ") + "; HTML, CSS and JS gzipped"
}

// hint says how to lighten what weighs most.
func (w weight) hint() string {
	const why = ": readers on slow or metered connections pay for every kilobyte"
	switch {
	case w.images >= w.html+w.css+w.js && w.images >= w.fonts:
		return "make the images lighter: export photos at most 1600 pixels wide at JPEG quality about 80 (200–400 KB each), or show fewer on this page" + why
	case w.fonts >= w.html+w.css+w.js:
		return "use fewer web fonts, or the reader's own fonts (font-family: system-ui, sans-serif)" + why
	}
	return "make the page lighter: split a very long page, drop unused CSS or scripts" + why
}

// pageWeight adds up what the page name, read as p, loads.
func (c *checker) pageWeight(name string, p *page) weight {
	w := weight{html: c.gzipSize(name)}
	fonts := append([]string(nil), p.fonts...)
	seen := map[string]bool{}
	queue := append([]string(nil), p.weights...)
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		if seen[f] {
			continue
		}
		seen[f] = true
		if isCSS(f) {
			w.css += c.gzipSize(f)
			fonts = append(fonts, c.fonts[f]...)
			queue = append(queue, c.imports[f]...)
		} else {
			w.js += c.gzipSize(f)
		}
	}
	for _, f := range fonts {
		if !seen[f] {
			seen[f] = true
			w.fonts += len(c.files[f])
			w.nFonts++
		}
	}
	for _, f := range c.shownImages(p.images) {
		if !seen[f] {
			seen[f] = true
			w.images += len(c.files[f])
			w.nImages++
		}
	}
	return w
}

// shownImages returns, for each element that shows an image, the largest
// of the files it may show: an <img>'s src and srcset candidates, or all
// those of a <picture>. The browser fetches one, which depends on the
// screen and the formats it knows; the largest is what a reader may have
// to load, and a budget is a promise about that, not about the average.
//
// That stays so now that the build writes a srcset of smaller copies for
// every photo ([images]): a phone picks a small copy, but the original is
// listed too, for wide screens at high density, and an offline copy or a
// reader who opens the image loads it. Counting the copy a phone picks
// would pass a page whose photo is a 6 MB camera original, which is
// exactly what the budget is there to catch; the copies make pages
// lighter for most readers without making the promise any weaker.
func (c *checker) shownImages(images []shownImage) []string {
	largest := map[int]string{}
	var order []int
	for _, im := range images {
		cur, ok := largest[im.shown]
		if !ok {
			order = append(order, im.shown)
		}
		if !ok || len(c.files[im.file]) > len(c.files[cur]) {
			largest[im.shown] = im.file
		}
	}
	files := make([]string, 0, len(order))
	for _, n := range order {
		files = append(files, largest[n])
	}
	return files
}

// gzipSize returns the size of a file compressed as a web server would,
// computed once per run.
func (c *checker) gzipSize(name string) int {
	if n, ok := c.gz[name]; ok {
		return n
	}
	var n byteCounter
	zw := gzip.NewWriter(&n)
	zw.Write(c.files[name]) // a byteCounter never fails, so neither does gzip
	zw.Close()
	c.gz[name] = int(n)
	return int(n)
}

// byteCounter is an io.Writer that only counts.
type byteCounter int

func (n *byteCounter) Write(p []byte) (int, error) {
	*n += byteCounter(len(p))
	return len(p), nil
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
