package site

import "html/template"

// KeyName is the key of the entry, as Hugo's: its identifier, else its
// name. PaperMod looks the menu's page up by it ({{ site.GetPage .KeyName }}).
func (e *MenuEntry) KeyName() string {
	if e.Identifier != "" {
		return e.Identifier
	}
	return e.Name
}

// Title is Hugo's title of the entry, its tooltip: here the link title of
// the page it links to, or "" for a link elsewhere, as Hugo's is when
// site.toml sets none (samizdat's menus have no title key: name is the
// link's text).
func (e *MenuEntry) Title() string {
	if e.Page != nil {
		return e.Page.LinkTitle()
	}
	return ""
}

// Pre and Post are Hugo's HTML around an entry's name, which themes write
// around it ({{ .Pre }}{{ .Name }}{{ .Post }}): always empty, as samizdat's
// menus hold no HTML of their own, so such a theme builds as in Hugo for a
// site that sets none.
func (e *MenuEntry) Pre() template.HTML { return "" }

// Post is the HTML after the entry's name: always empty (see Pre).
func (e *MenuEntry) Post() template.HTML { return "" }
