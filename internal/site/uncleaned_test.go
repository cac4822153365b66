package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestUncleanedPictureWarns checks that a picture the build publishes
// with its metadata (HEIC, AVIF, TIFF) is a warning naming the source
// file, in static/ and in a page bundle, and that a phone's video is one
// of its own (it can hold where it was filmed too).
func TestUncleanedPictureWarns(t *testing.T) {
	ftyp := func(major, compatible string) []byte {
		return []byte("\x00\x00\x00\x14ftyp" + major + "\x00\x00\x00\x00" + compatible + "GPS 43.2123 N")
	}
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html": {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`<main>{{ .Content }}</main>`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/rally/index.md":       {Data: []byte("---\ntitle: Rally\n---\n")},
		"content/rally/crowd.avif":     {Data: ftyp("avif", "mif1")},
		"static/img/march.heic":        {Data: ftyp("heic", "mif1")},
		"static/img/scan.tif":          {Data: []byte("II*\x00\x08\x00\x00\x00")},
		"static/clip.mp4":              {Data: ftyp("isom", "mp41")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	want := map[string]string{
		"content/rally/crowd.avif": "the AVIF picture is published as it is, with its metadata, which can say where the photo was taken",
		"static/img/march.heic":    "the HEIC picture is published as it is",
		"static/img/scan.tif":      "the TIFF picture is published as it is",
		"static/clip.mp4":          "the MP4 video is published as it is, with its metadata, which can say where it was filmed",
	}
	for _, w := range res.Warnings {
		msg, ok := want[w.File]
		if !ok {
			t.Errorf("unexpected warning %s", w.Warning())
			continue
		}
		hint := "export it as JPEG or PNG"
		if strings.HasSuffix(w.File, ".mp4") {
			hint = "samizdat cannot clean videos"
		}
		if !strings.Contains(w.Message, msg) || !strings.Contains(w.Hint, hint) {
			t.Errorf("warning %s; want %q and a hint %q", w.Warning(), msg, hint)
		}
		delete(want, w.File)
	}
	for f := range want {
		t.Errorf("no warning for %s", f)
	}
}
