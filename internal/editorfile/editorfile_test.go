package editorfile

import "testing"

func TestTemp(t *testing.T) {
	for name, want := range map[string]bool{
		"page.md~": true, ".page.md.swp": true, "page.md.swp": true, "page.md.swx": true, "page.md.swo": true,
		"4913": true, "#page.md#": true, "page.md.bck": true, "_index.md.bak": true, "site.css.orig": true, "page.md___jb_tmp___": true, "page.md___jb_old___": true,
		"~$trial.md": true, "~$index.md": true, "trial.md.tmp": true, "trial.md.crswap": true, "trial.md.sb-1234-abc": true, "site.css.sb-a1b2c3d4-XyZ9": true,
		"Thumbs.db": true, "thumbs.db": true, "THUMBS.DB": true, "desktop.ini": true, "Desktop.ini": true, "ehthumbs.db": true, "ehthumbs_vista.db": true,
		"trial.md.save": true, "_index.md.save": true, "trial.md.save.1": true, "trial.md.save.12": true, ".directory": true, "Icon\r": true, ".DS_Store": true,
		"save.md": false, ".save": false, "trial.save.md": false, "trial.md.save.": false, "trial.md.save.1a": false, "trial.md.saved": false, "campaign.save": false, "notes.save.1": false,
		"thumbs.db.md": false, "my-thumbs.db": false, "desktop.ini.txt": false,
		"page.md": false, "site.css": false, "49130": false, "page~.md": false, "index.html": false, "a#b.md": false, "#": false, "#notes.md": false,
		"~notes.md": false, "a~$b.md": false, "tmp.md": false, "trial.sb-notes.md": false, "x.sb-1-2-3": false, "x.sb-": false, ".sb-1-2": false, "crswap.md": false,
	} {
		if got := Temp(name); got != want {
			t.Errorf("Temp(%q) = %v; want %v", name, got, want)
		}
	}
}

func TestConflictCopy(t *testing.T) {
	for name, want := range map[string]string{
		"index (Ana's conflicted copy 2026-11-20).md":               "index.md",
		"index (Ana's conflicted copy 2026-11-20 (1)).md":           "index.md",
		"trial (Конфликтующая копия) (conflicted copy).md":          "trial (Конфликтующая копия).md",
		"_index (Case Conflict).md":                                 "_index.md",
		"photo (conflicted copy 2026-11-20 101112).jpg":             "photo.jpg",
		"trial.sync-conflict-20261120-101112-ABCDEFG.md":            "trial.md",
		"trial.md.sync-conflict-20261120-101112-ABCDEFG":            "trial.md",
		"trial.sync-conflict-20261120-101112.md":                    "trial.md",
		"trial_conflict-20261120-101112.md":                         "trial.md",
		"trial (SFConflict ana@example.org 2026-11-20-10-11-12).md": "trial.md",
		// Names a campaigner may give, and vague marks (OneDrive adds the
		// computer's name; many tools add " (1)").
		"trial.md": "", "trial (1).md": "", "trial-LAPTOP.md": "", "conflicted-copy.md": "",
		"the conflicted copy.md": "", "notes (on the conflict).md": "", "report_conflict.md": "",
		"sync-conflict.md": "", "(conflicted copy).md": "",
	} {
		of, ok := ConflictCopy(name)
		if ok != (want != "") || of != want {
			t.Errorf("ConflictCopy(%q) = %q, %v; want %q, %v", name, of, ok, want, want != "")
		}
	}
}
