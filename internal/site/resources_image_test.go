package site

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decodes the processed pictures
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// processedNames are the processed pictures' names in a built site.
func processedNames(files map[string][]byte) []string {
	var names []string
	for n := range files {
		if strings.Contains(n, processedMark) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// decodedSize is the size a built picture decodes to.
func decodedSize(t *testing.T, data []byte) string {
	t.Helper()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("a processed picture does not decode: %v", err)
	}
	return fmt.Sprintf("%dx%d", cfg.Width, cfg.Height)
}

// Resize, Fit, Fill, Crop and Process give a picture of the size Hugo's
// give, named for what was done, with Hugo's fields; it is written beside
// the original, without the photo's Exif (its GPS position), and the
// <img> showing it gets its size.
func TestResourcesProcessing(t *testing.T) {
	fsys := resourcesSite(t, `{{ with .Resources.GetMatch "portrait.*" }}{{ $p := . }}`+
		`{{ range slice ($p.Resize "24x") ($p.Resize "x16") ($p.Fit "20x20") ($p.Fill "30x10 TopLeft") ($p.Crop "10x10") ($p.Process "fill 12x12 png") (($p.Resize "24x").Crop "10x8") }}`+
		`[{{ .RelPermalink }} {{ .Width }}x{{ .Height }} {{ .MediaType }} {{ .Name }}]{{ end }}`+
		`<img src="{{ ($p.Resize "24x").RelPermalink }}" alt="">`+
		`{{ with $p.Fill "40x21" }}<meta property="og:image" content="{{ .Permalink }}">{{ end }}{{ end }}`)
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	page := string(res.Files["people/kozlov/index.html"])
	hash := `[0-9a-f]{16}`
	for _, want := range []string{
		`[/people/kozlov/Portrait_hu_resize_24x0_` + hash + `.jpg 24x32 image/jpeg Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_resize_0x16_` + hash + `.jpg 12x16 image/jpeg Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_fit_20x20_` + hash + `.jpg 15x20 image/jpeg Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_fill_30x10_topleft_` + hash + `.jpg 30x10 image/jpeg Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_crop_10x10_center_` + hash + `.jpg 10x10 image/jpeg Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_fill_12x12_center_png_` + hash + `.png 12x12 image/png Portrait.JPG]`,
		`[/people/kozlov/Portrait_hu_crop_10x8_center_` + hash + `.jpg 10x8 image/jpeg Portrait.JPG]`,
		`<img src="Portrait_hu_resize_24x0_` + hash + `.jpg" alt width="24" height="32"`,
		`<meta property="og:image" content="https://example.org/people/kozlov/Portrait_hu_fill_40x21_center_` + hash + `.jpg">`,
	} {
		if !regexp.MustCompile(quoteAllBut(want, hash)).MatchString(page) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	names := processedNames(res.Files)
	if len(names) != 8 {
		t.Fatalf("written: %v, want the 8 processed pictures the page names", names)
	}
	for _, n := range names {
		data := res.Files[n]
		for _, leak := range []string{"SecretCam", "GPS", "43.2123N"} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s holds the photo's Exif (%q)", n, leak)
			}
		}
		if strings.Contains(n, "fill_40x21") && decodedSize(t, data) != "40x21" {
			t.Errorf("%s decodes to %s", n, decodedSize(t, data))
		}
	}
}

// quoteAllBut is want as a regular expression, with each hole (the
// expression hole) left to match.
func quoteAllBut(want, hole string) string {
	parts := strings.Split(want, hole)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(parts, hole)
}

// Only a processed picture the site names is written: a size read from
// it writes nothing.
func TestResourcesProcessedOnlyWhenNamed(t *testing.T) {
	fsys := resourcesSite(t, `{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "20x").Height }}{{ end }}`)
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["people/kozlov/index.html"]); got != "27" {
		t.Errorf("the height: %s, want 27", got)
	}
	if names := processedNames(res.Files); len(names) > 0 {
		t.Errorf("written though no page names them: %v", names)
	}
}

// Many pages asking for the same processing at once get one picture, the
// same bytes every build; the dev server's builds, which take pages from
// the cache, write what a clean build writes.
func TestResourcesProcessingSharedAndCached(t *testing.T) {
	fsys := resourcesSite(t, `{{ .Title }}`)
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte(
		`{{ with site.GetPage "/people/kozlov" }}{{ with .Resources.GetMatch "portrait.*" }}<img src="{{ (.Fill "16x16").RelPermalink }}" alt="">{{ end }}{{ end }}`)}
	for i := range 20 {
		fsys[fmt.Sprintf("content/news/n%d.md", i)] = &fstest.MapFile{Data: []byte("---\ntitle: N\n---\n")}
	}
	devServer := Options{NoFingerprint: true}
	cache := NewCache()
	for _, step := range []struct {
		name string
		edit func()
	}{
		{"first build", func() {}},
		{"again", func() {}},
		{"a page edited", func() { edit(t, fsys, "content/people/ana.md", "Text.", "More text.") }},
		{"the photo replaced", func() { fsys["content/people/kozlov/Portrait.JPG"] = &fstest.MapFile{Data: photoJPEG(t, 40, 40)} }},
	} {
		step.edit()
		cached := buildWith(t, fsys, devServer, cache)
		clean := buildWith(t, fsys, devServer, nil)
		if !maps.EqualFunc(cached.Files, clean.Files, bytes.Equal) {
			t.Fatalf("%s: the cached build wrote %v, the clean %v", step.name, processedNames(cached.Files), processedNames(clean.Files))
		}
		if names := processedNames(clean.Files); len(names) != 1 {
			t.Fatalf("%s: written %v, want one picture", step.name, names)
		}
	}
}

// A site file with a processed picture's name is not written over: a
// problem says to rename it.
func TestResourcesProcessedNameTaken(t *testing.T) {
	fsys := resourcesSite(t, `{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "20x").RelPermalink }}{{ end }}`)
	name := strings.TrimPrefix(builtPage(t, fsys, "people/kozlov/index.html"), "/")
	fsys["static/"+name] = &fstest.MapFile{Data: []byte("mine")}
	res := build(t, fsys, Options{})
	if text := problems(res.Problems); !strings.Contains(text, "a file of the site is at /"+name) || !strings.Contains(text, "rename the site's file") {
		t.Errorf("problems:\n%s", text)
	}
	if string(res.Files[name]) != "mine" {
		t.Error("the site's own file was written over")
	}
}

// Mistakes are problems at the template's line that say what to write.
func TestResourcesProcessingMistakes(t *testing.T) {
	for call, want := range map[string][]string{
		`{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "600y").RelPermalink }}{{ end }}`:      {"single.html:1:", `.Resize: the spec "600y"`, `"600x" (600 wide)`},
		`{{ with .Resources.GetMatch "portrait.*" }}{{ (.Fill "600x").RelPermalink }}{{ end }}`:        {"fill needs a width and a height"},
		`{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "20000x").RelPermalink }}{{ end }}`:    {"more than 10000 pixels a side"},
		`{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "600x webp").RelPermalink }}{{ end }}`: {"cannot write WEBP", "jpg or png"},
		`{{ with .Resources.GetMatch "portrait.*" }}{{ (.Resize "600x r45").RelPermalink }}{{ end }}`:  {"quarter turns only"},
		`{{ with .Resources.Get "notes.txt" }}{{ (.Resize "600x").RelPermalink }}{{ end }}`:            {".Resize of content/people/kozlov/notes.txt: it is not a picture", `.Resources.ByType "image"`},
		`{{ range .Resources }}{{ .Filter (slice 1) }}{{ end }}`:                                       {".Filter takes Hugo's images filters", "image editor"},
	} {
		res := build(t, resourcesSite(t, call), Options{})
		text := problems(res.Problems)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: problems\n%s\nlack %q", call, text, w)
			}
		}
	}
	fsys := resourcesSite(t, `{{ range .Resources }}{{ end }}`)
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte(`{{ with .Resources.Get "logo.svg" }}{{ (.Resize "10x").RelPermalink }}{{ end }}`)}
	if text := problems(build(t, fsys, Options{}).Problems); !strings.Contains(text, "an SVG is drawn at any size") {
		t.Errorf("an SVG resized: %s", text)
	}
}

// The example of docs/templates.md's "Processing a picture" builds as it
// says: a 1200x630 share picture and a 600x450 cover, whose <img> gets
// its size.
func TestResourcesProcessingDocumentedExample(t *testing.T) {
	fsys := resourcesSite(t, string(templatesExample(t, "Processing a picture")))
	fsys["content/people/kozlov/cover.jpg"] = &fstest.MapFile{Data: photoJPEG(t, 1600, 1200)}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	page := string(res.Files["people/kozlov/index.html"])
	for _, want := range []string{
		`<meta property="og:image" content="https://example.org/people/kozlov/cover_hu_fill_1200x630_center_[0-9a-f]{16}\.jpg">`,
		`<img src="cover_hu_resize_600x0_[0-9a-f]{16}\.jpg" alt="Kozlov" width="600" height="450"`,
	} {
		if !regexp.MustCompile(want).MatchString(page) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	sizes := map[string]bool{}
	for _, n := range processedNames(res.Files) {
		sizes[decodedSize(t, res.Files[n])] = true
	}
	if !sizes["1200x630"] || !sizes["600x450"] {
		t.Errorf("written pictures of sizes %v, want 1200x630 and 600x450", sizes)
	}
}
