package publish

import "testing"

// TestMayHoldImg: the cheap test that spares pages without pictures the
// tag scan must never miss an <img>, in any letter case.
func TestMayHoldImg(t *testing.T) {
	for page, want := range map[string]bool{
		`<p>text</p>`:                      false,
		`<svg><image href="a.png"/></svg>`: false,
		`<p>a</p><img src="a.jpg">`:        true,
		`<P>A</P><IMG SRC="A.JPG">`:        true,
		`<p>x <ImG alt="" src=a.png></p>`:  true,
		`text ending with <im`:             false,
		``:                                 false,
	} {
		if got := mayHoldImg([]byte(page)); got != want {
			t.Errorf("mayHoldImg(%q) = %v; want %v", page, got, want)
		}
	}
}
