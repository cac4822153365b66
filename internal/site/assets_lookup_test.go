package site

import "testing"

// resources.Get, GetMatch and Match look in one copy of assets/ a
// language a build, made at the first call: a base layout's
// resources.Get runs on every page, and copied every file of assets/
// each time. Each language's copy has its site as .Site.
func TestAssetsLookedUpWithoutCopies(t *testing.T) {
	idx := &assetIndex{published: map[string][]*resourceFile{}}
	for _, name := range []string{"css/main.css", "css/print.css", "js/app.js"} {
		idx.files = append(idx.files, newAsset(&resourceFile{source: assetsDir + "/" + name, data: []byte(name)}, name, idx))
	}
	w := &world{assets: idx}
	en, ru := siteAssets{&Site{lang: "en", world: w}}, siteAssets{&Site{lang: "ru", world: w}}
	first, _ := en.Get("css/main.css")
	again, _ := en.Get("/css/../css/main.css")
	match, _ := en.GetMatch("css/m*")
	list, _ := en.Match("css/*")
	if first != again || first != match || list.(Resources)[0] != first {
		t.Errorf("two lookups gave two copies of css/main.css: %p %p %p %p", first, again, match, list.(Resources)[0])
	}
	if r := first.(*Resource); r.site != en.s || string(r.file.data) != "css/main.css" {
		t.Errorf("css/main.css of en has site %v and text %q", r.site, r.file.data)
	}
	if r, _ := ru.Get("css/main.css"); r == first || r.(*Resource).site != ru.s {
		t.Errorf("ru's css/main.css is en's, or not ru's: %+v", r)
	}
	if none, _ := en.Get("css/none.css"); none.(*Resource) != nil {
		t.Errorf("a missing file gave %+v", none)
	}
	if allocs := testing.AllocsPerRun(100, func() { en.Get("css/main.css") }); allocs > 1 {
		t.Errorf("resources.Get made %v allocations; want at most 1 (the cleaned path)", allocs)
	}
}
