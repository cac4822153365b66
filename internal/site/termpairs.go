package site

// pairTerms links the term pages of different languages that are one
// topic, after linkTranslations has linked everything else:
//
//  1. Same key. A term whose key (its address segment, "zhanaozen") is
//     the same in two languages is one term, as in Hugo, whose term pages
//     share a translation key made of their path. linkTranslations already
//     groups them, as it groups every page no file makes by its address
//     without the language folder; the taxonomy pages (/tags/ and
//     /ru/tags/) are grouped the same way.
//  2. Vote. A term is often written in each language's own words and
//     script ("zhanaozen", "Жанаозен"), so its keys differ. Then term a of
//     language A and term b of language B are one term when b is a's
//     favourite in B and a is b's favourite in A: both ways, because
//     hreflang links count only where each page names the other, and so
//     that a term's translation is never translated back into another
//     term. A term's favourite in another language is the term of that
//     taxonomy that most of the translations of its pages carry, each
//     translation counting once per term whatever its place in the list
//     (a translator may order tags otherwise), and terms that have a
//     partner in the first term's language already counting for nothing.
//     Of terms carried equally often, the one on the fewest pages wins:
//     the narrower topic, where a broad one ("press freedom") is on many
//     pages for other reasons. Terms equal in both make no favourite: the
//     switcher then says "not translated" rather than guess the topic.
//
// A term with a partner in a language by key gets none there by vote.
// Votes are held language pair by language pair, in the order of
// site.toml (the default language first, then by weight), in rounds: a
// round pairs every two terms that favour each other, and the next,
// without the terms paired, may then find that the others favour each
// other. A pair that would give a term two partners in one language
// (through pairs made with a third language before) is not made. The
// result depends on the content alone, never on the order of a map.
func (w *world) pairTerms() {
	for i, a := range w.sites {
		for _, b := range w.sites[i+1:] {
			for _, plural := range a.cfg.TaxonomyPlurals() {
				pairByVote(a, b, plural)
			}
		}
	}
}

// pairByVote pairs the terms of taxonomy plural of site a and of site b
// that favour each other, in rounds until a round pairs none. The pairs of
// one round are found before any is made, and cannot share a term or a
// group, so the order in which they are made does not matter.
func pairByVote(a, b *Site, plural string) {
	for {
		var pairs [][2]*Page
		for _, t := range a.taxonomies[plural].Alphabetical() {
			if t.Page.translations[b.lang] != nil {
				continue
			}
			if u := favourite(t.Page, b.lang, plural); u != nil && favourite(u, a.lang, plural) == t.Page {
				pairs = append(pairs, [2]*Page{t.Page, u})
			}
		}
		made := false
		for _, p := range pairs {
			made = join(p[0], p[1]) || made
		}
		if !made {
			return
		}
	}
}

// join makes the translations of t and of u one group, unless they have
// a language in common.
func join(t, u *Page) bool {
	group := make(map[string]*Page, len(t.translations)+len(u.translations))
	for l, p := range t.translations {
		group[l] = p
	}
	for l, p := range u.translations {
		if group[l] != nil {
			return false
		}
		group[l] = p
	}
	for _, p := range group {
		p.translations = group
	}
	return true
}

// favourite is the term page of the taxonomy plural in lang, not yet
// paired with a term of t's language, that most translations into lang
// of term t's pages carry, of those the one on the fewest pages; nil when
// none is carried or two tie in both.
func favourite(t *Page, lang, plural string) *Page {
	votes := map[*Page]int{}
	for _, p := range t.children {
		tr := p.translations[lang]
		if tr == nil {
			continue
		}
		for _, term := range tr.terms[plural] { // a page lists each of its terms once
			if term.translations[t.site.lang] == nil {
				votes[term]++
			}
		}
	}
	var best *Page
	tie := false
	for term, n := range votes {
		if best == nil {
			best = term
			continue
		}
		switch m := votes[best]; {
		case n > m || n == m && len(term.children) < len(best.children):
			best, tie = term, false
		case n == m && len(term.children) == len(best.children):
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}
