package layout

import (
	"fmt"
	"regexp"
	"sync"
)

// regexps compiles the patterns of findRE and replaceRE, once per
// pattern per Set. Go's regexp is RE2: matching takes time linear in the
// text, so no pattern can stall a build.
type regexps struct {
	mu sync.Mutex
	re map[string]*regexp.Regexp
}

// maxCachedRegexps bounds the cache, for patterns built from content.
const maxCachedRegexps = 1000

func (c *regexps) compile(pattern string) (*regexp.Regexp, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if re, ok := c.re[pattern]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("invalid regular expression %q: %v", pattern, err)
	}
	if c.re == nil {
		c.re = map[string]*regexp.Regexp{}
	}
	if len(c.re) < maxCachedRegexps {
		c.re[pattern] = re
	}
	return re, nil
}

// find is Hugo's findRE: findRE PATTERN TEXT [LIMIT] returns the matches,
// at most LIMIT of them when LIMIT is 0 or more.
func (c *regexps) find(pattern, text any, limit ...any) ([]string, error) {
	re, s, n, err := c.args(pattern, text, limit)
	if err != nil {
		return nil, err
	}
	return re.FindAllString(s, n), nil
}

// replace is Hugo's replaceRE: replaceRE PATTERN REPLACEMENT TEXT [LIMIT]
// replaces the matches, the first LIMIT of them when LIMIT is 0 or more;
// $1 or ${name} in REPLACEMENT stands for a group of the match.
func (c *regexps) replace(pattern, repl, text any, limit ...any) (string, error) {
	re, s, n, err := c.args(pattern, text, limit)
	if err != nil {
		return "", err
	}
	with, err := toString(repl)
	if err != nil {
		return "", err
	}
	var out []byte
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, n) {
		out = append(out, s[last:m[0]]...)
		out = re.ExpandString(out, with, s, m)
		last = m[1]
	}
	return string(append(out, s[last:]...)), nil
}

// args reads the pattern, text and optional limit (-1, all, when absent)
// that find and replace share.
func (c *regexps) args(pattern, text any, limit []any) (*regexp.Regexp, string, int, error) {
	if len(limit) > 1 {
		return nil, "", 0, fmt.Errorf("at most one limit, not %d", len(limit))
	}
	n := -1
	if len(limit) == 1 {
		var err error
		if n, err = toInt(limit[0]); err != nil {
			return nil, "", 0, err
		}
	}
	s, err := texts(pattern, text)
	if err != nil {
		return nil, "", 0, err
	}
	re, err := c.compile(s[0])
	if err != nil {
		return nil, "", 0, err
	}
	return re, s[1], n, nil
}
