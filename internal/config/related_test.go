package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestRelatedDefaultsAreHugos(t *testing.T) {
	hugos := []RelatedIndex{{Name: "keywords", Weight: 100}, {Name: "date", Weight: 10}, {Name: "tags", Weight: 80}}
	for _, src := range []string{"", "[related]\nincludeNewer = true\n"} {
		c, probs := Parse([]byte(src))
		checkProblems(t, probs, nil)
		if *c.Related.Threshold != 80 || !reflect.DeepEqual(c.Related.Indices, hugos) {
			t.Errorf("%q: related %+v, threshold %d; want Hugo's defaults", src, c.Related, *c.Related.Threshold)
		}
	}
	// Hugo indexes tags only when the site has the tag taxonomy.
	c, probs := Parse([]byte("[taxonomies]\ncategory = \"categories\"\n"))
	checkProblems(t, probs, nil)
	if !reflect.DeepEqual(c.Related.Indices, hugos[:2]) {
		t.Errorf("without tags: indices %+v; want keywords and date", c.Related.Indices)
	}
	c, _ = Parse([]byte("[taxonomies]\ntag = \"labels\"\n"))
	if got := c.Related.Indices[2].Name; got != "labels" {
		t.Errorf("the tag taxonomy's plural labels: index %q; want labels", got)
	}
}

// Hugo's documented default configuration, which sites copy whole, is
// read as it is; 0 and an empty list are settings, not "unset".
func TestRelatedSettings(t *testing.T) {
	c, probs := Parse([]byte(`[related]
includeNewer = true
threshold = 0
toLower = true
[[related.indices]]
applyFilter = false
cardinalityThreshold = 50
name = 'Keywords'
pattern = ''
toLower = false
type = 'basic'
weight = 100
[[related.indices]]
name = 'date'
pattern = '200601'
weight = -10
`))
	checkProblems(t, probs, nil)
	want := Related{IncludeNewer: true, ToLower: true, Indices: []RelatedIndex{
		{Name: "Keywords", Weight: 100, CardinalityThreshold: 50, Type: "basic"},
		{Name: "date", Weight: -10, Pattern: "200601"},
	}}
	zero := 0
	want.Threshold = &zero
	if !reflect.DeepEqual(c.Related, want) {
		t.Errorf("got  %+v\nwant %+v", c.Related, want)
	}
	if c, _ := Parse([]byte("[related]\nindices = []\n")); len(c.Related.Indices) != 0 {
		t.Errorf("indices = [] gave %+v; want none", c.Related.Indices)
	}
}

func TestRelatedInvalidSettingsAtTheirLine(t *testing.T) {
	checkOneProblemAt(t, []lineCase{
		{"[related]\nthreshold = 101\n", 2, "related.threshold must be between 0 and 100, got 101"},
		{"[related]\nthreshold = -1\n", 2, "related.threshold"},
		{"[related]\nthreshold = \"high\"\n", 2, "a whole number"},
		{"[related]\n[[related.indices]]\nname = \"pagerefs\"\ntype = \"fragments\"\n", 4, `type "fragments", which samizdat does not have`},
		{"[related]\n[[related.indices]]\nname = \"x\"\napplyFilter = true\n", 4, "applyFilter = true"},
		{"[[related.indices]]\nname = \"tags\"\ncardinalityThreshold = 150\n", 3, "cardinalityThreshold must be between 0 and 100"},
		{"[[related.indices]]\nname = \"date\"\npattern = \"YYYY\"\n", 3, `pattern "YYYY" has no part of a date`},
		{"[[related.indices]]\nname = \"tags\"\n[[related.indices]]\nname = \"Tags\"\n", 4, `related index "Tags" is written twice`},
		{"title = \"x\"\n[[related.indices]]\nweight = 80\n", 2, "related index 1 has no name"},
		{"[[related.indices]]\nname = \"tags\"\nweigth = 80\n", 3, `did you mean "weight"?`},
		{"[languages.ru]\nname = \"Русский\"\n[languages.ru.related]\nthreshold = 50\n", 3, "one [related] table for every language"},
		{"[[related.indices]]\nname = \"tag\"\nweight = 80\n", 2, `related index "tag" is the singular of the taxonomy tags, and matches no page`},
		{"[taxonomies]\ncategory = \"categories\"\n[[related.indices]]\nname = \"Category\"\n", 4, `write name = "categories"`},
	})
}

// An index named by a taxonomy's plural, or by a taxonomy whose singular
// and plural are one word, is no mistake.
func TestRelatedTaxonomyByItsPlural(t *testing.T) {
	for _, src := range []string{
		"[[related.indices]]\nname = \"tags\"\nweight = 80\n",
		"[taxonomies]\nseries = \"series\"\n[[related.indices]]\nname = \"series\"\nweight = 80\n",
	} {
		if _, probs := Parse([]byte(src)); len(probs) > 0 {
			t.Errorf("%q: problems %v", src, probs)
		}
	}
}

// lineCase is a site.toml that has one problem, at line, whose message
// or hint says msg.
type lineCase struct {
	src  string
	line int
	msg  string
}

func checkOneProblemAt(t *testing.T, cases []lineCase) {
	t.Helper()
	for _, c := range cases {
		_, probs := Parse([]byte(c.src))
		if len(probs) != 1 || probs[0].Line != c.line || !strings.Contains(probs[0].Message+" "+probs[0].Hint, c.msg) {
			t.Errorf("%q: got %v, want one problem at line %d about %s", c.src, probs, c.line, c.msg)
		}
	}
}
