package editorfile

import "testing"

func TestTemp(t *testing.T) {
	for name, want := range map[string]bool{
		"page.md~": true, ".page.md.swp": true, "page.md.swp": true, "page.md.swx": true, "page.md.swo": true,
		"4913": true, "#page.md#": true, "page.md.bck": true, "_index.md.bak": true, "site.css.orig": true, "page.md___jb_tmp___": true, "page.md___jb_old___": true,
		"~$trial.md": true, "~$index.md": true, "trial.md.tmp": true, "trial.md.crswap": true, "trial.md.sb-1234-abc": true, "site.css.sb-a1b2c3d4-XyZ9": true,
		"Thumbs.db": true, "thumbs.db": true, "THUMBS.DB": true, "desktop.ini": true, "Desktop.ini": true, "ehthumbs.db": true, "ehthumbs_vista.db": true,
		"trial.md.save": true, "_index.md.save": true, "trial.md.save.1": true, "trial.md.save.12": true,
		"save.md": false, ".save": false, "trial.save.md": false, "trial.md.save.": false, "trial.md.save.1a": false, "trial.md.saved": false,
		"thumbs.db.md": false, "my-thumbs.db": false, "desktop.ini.txt": false,
		"page.md": false, "site.css": false, "49130": false, "page~.md": false, "index.html": false, "a#b.md": false, "#": false, "#notes.md": false,
		"~notes.md": false, "a~$b.md": false, "tmp.md": false, "trial.sb-notes.md": false, "x.sb-1-2-3": false, "x.sb-": false, ".sb-1-2": false, "crswap.md": false,
	} {
		if got := Temp(name); got != want {
			t.Errorf("Temp(%q) = %v; want %v", name, got, want)
		}
	}
}
