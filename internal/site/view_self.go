package site

// Page is the page itself, as Hugo's .Page of a page: a layout can then
// pass .Page whether its dot is a page or a shortcode's dot, and PaperMod's
// baseof keys its cached header by it ({{ partialCached "header.html" . .Page }}).
func (p *Page) Page() *Page { return p }
