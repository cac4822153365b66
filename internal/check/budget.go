package check

import (
	"compress/gzip"
	"fmt"
)

// checkBudget weighs every page: its gzipped HTML plus each same-site
// stylesheet and script it loads, directly or through @import, counted once.
func (c *checker) checkBudget() {
	budgetKB := c.opts.BudgetKB
	if budgetKB < 0 {
		return
	}
	if budgetKB == 0 {
		budgetKB = defaultBudgetKB
	}
	for _, name := range c.paths(isHTML) {
		html := c.gzipSize(name)
		assets, n := c.assetsWeight(c.pages[name].weights)
		total := html + assets
		if total <= budgetKB*1024 {
			continue
		}
		c.report(name, nil, -1,
			fmt.Sprintf("page weighs %s gzipped, over the %d KB budget (HTML %s, %d CSS and JS %s %s)",
				kb(total), budgetKB, kb(html), n, plural(n, "file", "files"), kb(assets)),
			"make the page lighter: split a very long page, drop unused CSS or scripts; readers on slow or metered connections pay for every kilobyte")
	}
}

// assetsWeight returns the gzipped size of the given files and of the
// stylesheets they import, each counted once, and how many files that is.
func (c *checker) assetsWeight(files []string) (size, n int) {
	seen := map[string]bool{}
	queue := append([]string(nil), files...)
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		if seen[f] {
			continue
		}
		seen[f] = true
		size += c.gzipSize(f)
		n++
		queue = append(queue, c.imports[f]...)
	}
	return size, n
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
