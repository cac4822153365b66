package config

import (
	"slices"
	"testing"
)

func TestImagesDefaultsAndSettings(t *testing.T) {
	c, probs := Parse(nil)
	if len(probs) > 0 || !On(c.Images.Resize) || !slices.Equal(c.Images.Widths, []int{480, 960, 1600}) ||
		c.Images.Sizes != DefaultImageSizes || c.Images.Quality != 80 {
		t.Fatalf("defaults: %+v %v", c.Images, probs)
	}
	c, probs = Parse([]byte("[images]\nresize = false\nwidths = [320, 640]\nsizes = \"100vw\"\nquality = 70\n"))
	if len(probs) > 0 || On(c.Images.Resize) || !slices.Equal(c.Images.Widths, []int{320, 640}) ||
		c.Images.Sizes != "100vw" || c.Images.Quality != 70 {
		t.Fatalf("set: %+v %v", c.Images, probs)
	}
	if c, _ := Parse([]byte("[images]\nwidths = []\n")); len(c.Images.Widths) != 0 {
		t.Errorf("widths = [] gave %v, want no copies", c.Images.Widths)
	}
}

func TestImagesInvalidSettingsAtTheirLine(t *testing.T) {
	checkOneProblemAt(t, []lineCase{
		{"title = \"x\"\n[images]\nwidths = [480, 0]\n", 3, "images.widths: 0"},
		{"[images]\nresize = true\nwidths = [100000]\n", 3, "images.widths: 100000"},
		{"[images]\nquality = 101\n", 2, "images.quality"},
		{"[images]\nquality = -5\n", 2, "images.quality"},
		{"[images]\nresize = true\nquality = 0\n", 3, "images.quality must be between 1 and 100, got 0"},
		{"[images]\n\nsizes = \"50vw\\\" onerror=\\\"x\"\n", 3, "images.sizes"},
		{"[images]\nquality = \"high\"\n", 2, "quality"},
		{"[images]\nwidth = [480]\n", 2, "widths"},
	})
}
