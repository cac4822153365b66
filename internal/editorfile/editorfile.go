// Package editorfile recognises the files text editors make beside the one
// being edited: swap files, backups and the temporary files of a "safe
// write", and the .bak and .orig copies people and merge tools keep. They are never a campaigner's work, so the build never publishes
// them and the watcher never rebuilds for them. One list, so that what the
// watcher ignores and what the build skips cannot drift apart.
package editorfile

import "strings"

// tempSuffixes end the names of editors' temp, swap and backup files.
var tempSuffixes = [...]string{
	"~",            // vim, emacs, gedit and many others: backups
	".swp", ".swx", // vim swap files
	".swo",
	".bck",          // Helix atomic-save backups (Hugo #12677)
	".bak", ".orig", // copies kept by hand or by merge tools: a backup of a draft would publish its text
	"___jb_tmp___", // JetBrains "safe write"
	"___jb_old___",
	"___jb_bak___",
}

// Temp reports whether a file name (not a path) is an editor's temp, swap
// or backup file. Dotfiles (vim's .x.swp, emacs's .#x lock links) are left
// to the caller, which skips them anyway.
func Temp(name string) bool {
	switch {
	case name == "4913":
		// vim creates and deletes it to test whether it may write to the folder.
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		// emacs auto-save files.
		return true
	}
	for _, s := range tempSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
