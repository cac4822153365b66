// Package editorfile recognises the files text editors and office suites
// make beside the one being edited: swap files, backups, lock files and
// the temporary files of a "safe write", the .bak and .orig copies
// people and merge tools keep, and what Windows Explorer leaves in any
// folder it shows (Thumbs.db, desktop.ini; the Mac's .DS_Store is a
// dotfile), and the .save file nano leaves when it is closed with changes
// unsaved. None is a file a campaigner meant to publish, so the build never
// publishes them and the watcher never rebuilds for them. One list, so
// that what the watcher ignores and what the build skips cannot drift
// apart.
//
// The copies sync tools make when a file was changed in two places at once
// (Dropbox's "(… conflicted copy …)", Syncthing's ".sync-conflict-") are
// another matter: they hold a campaigner's text, which someone must merge
// back. ConflictCopy recognises them, so the build can leave them out and
// still say so; the watcher rebuilds for them, so the word appears at once.
package editorfile

import (
	"regexp"
	"strings"
)

// tempSuffixes end the names of editors' temp, swap and backup files.
var tempSuffixes = [...]string{
	"~",            // vim, emacs, gedit and many others: backups
	".swp", ".swx", // vim swap files
	".swo",
	".bck",          // Helix atomic-save backups (Hugo #12677)
	".bak", ".orig", // copies kept by hand or by merge tools: a backup of a draft would publish its text
	".tmp",         // many editors' and sync tools' half-written copies
	".crswap",      // Chrome and Edge write a page saved from the browser here first
	"___jb_tmp___", // JetBrains "safe write"
	"___jb_old___",
	"___jb_bak___",
}

// tempPrefixes start the names of office suites' lock and temp files.
var tempPrefixes = [...]string{
	"~$", // Word and Excel lock files: "~$trial.md" beside trial.md, while it is open
}

// fileManagerFiles are the files Windows Explorer writes into folders it
// shows, lower case (Windows matches names without case). Thumbs.db is a
// cache of small copies of the folder's pictures: published, it would
// carry pictures the campaigner never meant to put online, with none of
// the metadata stripping the pictures themselves get.
var fileManagerFiles = [...]string{"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini"}

// FileManager reports whether a file name (not a path) is one that file
// managers leave in the folders they show: Explorer's (fileManagerFiles),
// Finder's .DS_Store, ._ files and custom-icon "Icon\r", KDE Dolphin's
// .directory. No one writes them on purpose.
func FileManager(name string) bool {
	for _, f := range fileManagerFiles {
		if strings.EqualFold(name, f) {
			return true
		}
	}
	return name == ".DS_Store" || strings.HasPrefix(name, "._") || name == "Icon\r" || name == ".directory"
}

// Temp reports whether a file name (not a path) is an editor's temp, swap
// or backup file, or a file manager's (see fileManagerFiles). Dotfiles
// (vim's .x.swp, emacs's .#x lock links, LibreOffice's .~lock.x#, the
// Mac's .DS_Store) are left to the caller, which skips them anyway.
func Temp(name string) bool {
	if FileManager(name) {
		return true
	}
	switch {
	case name == "4913":
		// vim creates and deletes it to test whether it may write to the folder.
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		// emacs auto-save files.
		return true
	case sublimeTemp(name), nanoSave(name):
		return true
	}
	for _, s := range tempSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	for _, s := range tempPrefixes {
		if strings.HasPrefix(name, s) {
			return true
		}
	}
	return false
}

// sublimeTemp reports Sublime Text's atomic-save copies, the file's name
// followed by ".sb-" and two random parts joined by a hyphen
// ("trial.md.sb-1234-abc").
func sublimeTemp(name string) bool {
	i := strings.LastIndex(name, ".sb-")
	if i <= 0 {
		return false
	}
	a, b, ok := strings.Cut(name[i+len(".sb-"):], "-")
	return ok && alnum(a) && alnum(b)
}

// nanoSave reports the file nano writes when it is closed with unsaved
// changes (a hang-up, a terminal closed): "trial.md.save", or
// "trial.md.save.1" and on when that exists. The name before .save has
// an extension of its own, as nano adds .save to the whole name: a file
// named "campaign.save" is someone's, and is published.
func nanoSave(name string) bool {
	i := strings.LastIndex(name, ".save")
	if i <= 0 || !strings.Contains(name[:i], ".") {
		return false
	}
	rest := name[i+len(".save"):]
	return rest == "" || rest[0] == '.' && digits(rest[1:])
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// conflictMarks are the parts sync tools add to a file's name when they
// keep both sides of a conflict. Only names that cannot be a campaigner's
// own are listed: OneDrive's "trial-LAPTOP.md" (the computer's name) and
// the "trial (1).md" of several tools could be, and are not.
var conflictMarks = [...]*regexp.Regexp{
	// Dropbox: "trial (Ana's conflicted copy 2026-11-20).md", "(… (1))", and
	// "trial (Case Conflict).md"; Nextcloud writes
	// "(conflicted copy 2026-11-20 101112)".
	regexp.MustCompile(`(?i) ?\([^()]*(?:conflicted copy|case conflict)[^()]*(?:\(\d+\))?\)`),
	// Syncthing: "trial.sync-conflict-20261120-101112-ABCDEFG.md".
	regexp.MustCompile(`\.sync-conflict-\d{8}-\d{6}(?:-[0-9A-Z]{7})?`),
	// ownCloud: "trial_conflict-20261120-101112.md".
	regexp.MustCompile(`_conflict-\d{8}-\d{6}`),
	// Seafile: "trial (SFConflict ana@example.org 2026-11-20-10-11-12).md".
	regexp.MustCompile(` ?\(SFConflict [^()]*\)`),
}

// ConflictCopy reports whether a file name (not a path) is a sync tool's
// conflict copy, and the name of the file it is a copy of: "trial.md" for
// "trial (Ana's conflicted copy 2026-11-20).md".
func ConflictCopy(name string) (of string, ok bool) {
	for _, re := range conflictMarks {
		if loc := re.FindStringIndex(name); loc != nil && loc[0] > 0 {
			return name[:loc[0]] + name[loc[1]:], true
		}
	}
	return "", false
}

func alnum(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
