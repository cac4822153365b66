package config

import (
	"strings"
	"testing"
)

// TestSearchSetting: [search] is off unless enabled, and a misspelt key
// in it is named with the right one.
func TestSearchSetting(t *testing.T) {
	if c, probs := Parse(nil); len(probs) > 0 || c.Search.Enabled {
		t.Errorf("without [search]: Search = %+v, problems %v; want off", c.Search, probs)
	}
	if c, probs := Parse([]byte("[search]\nenabled = true\n")); len(probs) > 0 || !c.Search.Enabled {
		t.Errorf("[search] enabled = true: Search = %+v, problems %v; want on", c.Search, probs)
	}
	_, probs := Parse([]byte("[search]\nenable = true\n"))
	if len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Hint, `"enabled"`) {
		t.Errorf("[search] enable = true: problems %v; want one at line 2 naming \"enabled\"", probs)
	}
}
