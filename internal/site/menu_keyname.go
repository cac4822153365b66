package site

// KeyName is the key of the entry, as Hugo's: its identifier, else its
// name. PaperMod looks the menu's page up by it ({{ site.GetPage .KeyName }}).
func (e *MenuEntry) KeyName() string {
	if e.Identifier != "" {
		return e.Identifier
	}
	return e.Name
}
