package check

import (
	"compress/gzip"
	"fmt"
	"strconv"
	"strings"
)

// checkBudget weighs every page as a first visit on a phone loads it,
// against two budgets. The page's own weight: its HTML, the same-site
// stylesheets (with their @imports) and scripts it loads, and the fonts
// those stylesheets and its <style> declare, each file once; HTML, CSS
// and JS count gzipped, as servers send them, fonts as they are. And the
// pictures it shows, as a phone picks them (see phoneImages). Two
// budgets, because the page's own weight is the layouts' to keep small
// whatever the page says, and its pictures the editor's.
func (c *checker) checkBudget() {
	budgetKB, imageKB := c.opts.BudgetKB, c.opts.ImageBudgetKB
	if budgetKB == 0 {
		budgetKB = defaultBudgetKB
	}
	if imageKB == 0 {
		imageKB = defaultImageBudgetKB
	}
	for _, name := range c.paths(isHTML) {
		w := c.pageWeight(name, c.pages[name])
		if own := w.total() - w.images; budgetKB > 0 && own > budgetKB*1024 {
			c.report(name, nil, -1,
				fmt.Sprintf("page weighs %s, over the %d KB budget (%s)", kb(own), budgetKB, w),
				w.hint())
		}
		if imageKB > 0 && w.images > imageKB*1024 {
			c.report(name, nil, -1,
				fmt.Sprintf("the pictures a phone loads on this page weigh %s in %d %s, over the %d KB budget for pictures",
					kb(w.images), w.nImages, plural(w.nImages, "file", "files"), imageKB),
				"show fewer pictures on this page, or lighter ones: export photos as JPEG at quality about 80 "+
					"(the build gives phones smaller copies of JPEG and PNG photos, not of GIF or WebP): readers on slow or metered connections pay for every kilobyte")
		}
	}
}

// weight is what one page loads, in bytes, by kind.
type weight struct {
	html, css, js, images, fonts int
	nImages, nFonts              int
}

func (w weight) total() int { return w.html + w.css + w.js + w.images + w.fonts }

// String lists the kinds of the page's own weight: "HTML 12.0 KB, CSS
// 8.0 KB, fonts 28.0 KB in 2 files; HTML, CSS and JS gzipped".
func (w weight) String() string {
	parts := []string{"HTML " + kb(w.html)}
	if w.css > 0 {
		parts = append(parts, "CSS "+kb(w.css))
	}
	if w.js > 0 {
		parts = append(parts, "JS "+kb(w.js))
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
	for _, f := range c.phoneImages(p.images) {
		if !seen[f] {
			seen[f] = true
			w.images += len(c.files[f])
			w.nImages++
		}
	}
	return w
}

// phoneWidth is the width in device pixels a picture fills on a phone: a
// screen 390 CSS pixels wide (the most common) at twice the density.
const phoneWidth = 780

// phoneImages returns, for each element that shows an image, the file a
// phone loads of those it may show. A srcset with widths ("960w"): the
// narrowest at least phoneWidth wide, else the widest (the build writes
// such srcsets for every JPEG and PNG photo, which is why phones load a
// copy, not the camera's original; the build warns of heavy originals
// itself). With densities ("2x"): the lowest at least 2x, else the
// highest. Alternatives without either (a <picture>'s sources in other
// formats, an <img> with only src): the largest, as the browser's choice
// depends on the formats it knows. The sizes attribute is not read: the
// choice is for a picture as wide as the screen, so a thumbnail that a
// phone shows at a third of it counts heavier than it loads.
func (c *checker) phoneImages(images []shownImage) []string {
	byShown := map[int][]shownImage{}
	var order []int
	for _, im := range images {
		if _, ok := byShown[im.shown]; !ok {
			order = append(order, im.shown)
		}
		byShown[im.shown] = append(byShown[im.shown], im)
	}
	files := make([]string, 0, len(order))
	for _, n := range order {
		files = append(files, c.phonePick(byShown[n]))
	}
	return files
}

// phonePick is phoneImages' choice among the alternatives of one element.
func (c *checker) phonePick(alts []shownImage) string {
	for _, unit := range []byte{'w', 'x'} {
		want := float64(phoneWidth)
		if unit == 'x' {
			want = 2
		}
		best, bestV, top, topV := "", 0.0, "", 0.0
		for _, im := range alts {
			v, ok := descriptor(im.desc, unit)
			if !ok {
				continue
			}
			if v >= want && (best == "" || v < bestV) {
				best, bestV = im.file, v
			}
			if v > topV {
				top, topV = im.file, v
			}
		}
		if best != "" {
			return best
		}
		if top != "" {
			return top
		}
	}
	largest := alts[0].file
	for _, im := range alts[1:] {
		if len(c.files[im.file]) > len(c.files[largest]) {
			largest = im.file
		}
	}
	return largest
}

// descriptor reads a srcset descriptor of the given unit: "960w" is 960
// for 'w', "1.5x" is 1.5 for 'x'.
func descriptor(desc string, unit byte) (float64, bool) {
	if len(desc) < 2 || desc[len(desc)-1] != unit {
		return 0, false
	}
	v, err := strconv.ParseFloat(desc[:len(desc)-1], 64)
	return v, err == nil && v > 0
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
