package site

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
	"unicode"

	"github.com/goodsign/monday"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// world is every language's site of one build: the default language at
// the root, the others under /<code>/, and what links them.
type world struct {
	langs    []string         // language codes, the default first
	sites    []*Site          // in langs order
	bySource map[string]*Page // content file -> page, all languages
	// unpublished is content.Site.Unpublished: pages left out, why, and
	// where they would be.
	unpublished map[string]content.LeftOut
	hasStrings  bool                 // any i18n/<lang>.toml exists: a missing string is then a problem
	lastmods    map[string]time.Time // Options.Lastmods: content file -> its last commit

	missingMu sync.Mutex
	missing   map[string]bool // "lang\x00key" of strings T could not find

	phaseState // what the templates being executed read of other pages

	params sync.Map // *content.Page -> its .Params, made when a template first asks (view_params.go)

	resources *resourceIndex // the files beside pages, for .Resources; nil when there are none (resources.go)
	assets    *assetIndex    // the files of assets/, for the resources namespace (assets.go)

	images processedImages // the pictures templates processed (resources_image.go)

	globs globCache // the resource patterns compiled (resources.go)
}

// linkTranslations groups each page with its translations: pages with
// one translation key (the source path without language suffix, or
// front matter translationKey), and generated pages with one URL but for
// the language folder; then term pages of different keys that are one
// topic (pairTerms).
func (w *world) linkTranslations() {
	groups := map[string]map[string]*Page{}
	for _, s := range w.sites {
		for _, p := range s.byURL {
			key := "url:" + strings.TrimPrefix(p.url, s.prefix())
			if p.src != nil {
				key = p.src.TranslationKey
			}
			if groups[key] == nil {
				groups[key] = map[string]*Page{}
			}
			groups[key][s.lang] = p
		}
	}
	for _, g := range groups {
		for _, p := range g {
			p.translations = g
		}
	}
	w.pairTerms()
}

// otherLanguage is the language of the page a link leads to, target
// being its source file ("content/ru/x.md") or a site address ("/ru/x/",
// "/ru/x", "/ru/x/index.html"), when that is not lang; else "". It is
// markdown.Context.OtherLanguage, for pages and for markdownify alike.
func (w *world) otherLanguage(lang, target string) string {
	to := w.bySource[target]
	if to == nil && strings.HasPrefix(target, "/") {
		u := content.CleanURL(strings.TrimSuffix(target, "index.html"))
		for _, s := range w.sites {
			if to = s.byURL[u]; to != nil {
				break
			}
		}
	}
	if to == nil || to.Lang() == lang {
		return ""
	}
	return to.Lang()
}

// in returns the page's translation into lang, or the page itself when
// there is none.
func (p *Page) in(lang string) *Page {
	if t := p.translations[lang]; t != nil {
		return t
	}
	return p
}

// Translations are the page in the site's other languages, in switcher
// order, without the page itself.
func (p *Page) Translations() []*Page {
	var out []*Page
	for _, lang := range p.site.world.langs {
		if t := p.translations[lang]; t != nil && t.url != p.url { // p may be a template's copy of the page
			out = append(out, t)
		}
	}
	return out
}

// IsTranslated reports whether the page exists in another language.
func (p *Page) IsTranslated() bool { return len(p.Translations()) > 0 }

// LanguageLink is one entry of a language switcher.
type LanguageLink struct {
	Lang       string // "ru"
	Name       string // the language's own name, "Русский"
	URL        string // the page in that language, or that language's home page
	Current    bool   // the language of the page being shown
	Translated bool   // false: URL is the language's home, the page is not yet translated
	// Untranslated is "not yet translated" in the link's own language (its
	// i18n key not_translated), for a reader of that language to see.
	Untranslated string
}

// LanguageLinks lists every language of the site for a switcher: the page
// itself where it is translated, else the language's home page, marked
// so the template can say "not yet translated".
func (p *Page) LanguageLinks() []LanguageLink {
	if len(p.site.world.langs) < 2 {
		return nil
	}
	var out []LanguageLink
	for _, s := range p.site.world.sites {
		l := LanguageLink{Lang: s.lang, Name: s.LanguageName(), Current: s == p.site,
			Untranslated: s.label("not_translated")}
		if t := p.translations[s.lang]; t != nil {
			l.URL, l.Translated = t.url, true
		} else {
			l.URL = s.home.url
		}
		out = append(out, l)
	}
	return out
}

// LanguageName is the language's own name from site.toml ("Русский"),
// or its code.
func (s *Site) LanguageName() string {
	if n := s.cfg.Languages[s.lang].Name; n != "" {
		return n
	}
	return s.lang
}

// LanguagePrefix is the folder of the language's pages, as Hugo's
// .Site.LanguagePrefix: "" for the default language, "/ru" for Russian.
func (s *Site) LanguagePrefix() string { return s.prefix() }

// Languages are the sites of every language, default first: .LanguageCode,
// .LanguageName and .Home of each.
func (s *Site) Languages() []*Site { return s.world.sites }

// DateFormat is the language's date layout from site.toml, else
// "2 January 2006".
func (s *Site) DateFormat() string {
	if f := s.cfg.Languages[s.lang].DateFormat; f != "" {
		return f
	}
	return "2 January 2006"
}

// dateLocale is the locale library's month and day names for a language
// code of site.toml: the locale of the code's language and region ("ru",
// "ru-RU" and "ru-Cyrl" give ru_RU; "pt-BR" pt_BR; "fr-BE", which it
// lacks, fr_FR), written in the code's script. None when the code names
// a script other than the locale's: the library's Kazakh is Cyrillic, so
// "kk-Latn" has none. Russian and Kazakh use the genitive month after a
// day number ("16 декабря 2011"), which the library handles.
func dateLocale(lang string) (monday.Locale, bool) {
	tag, err := language.Parse(lang)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	script, _ := tag.Script()
	region, _ := tag.Region()
	var found monday.Locale
	for _, l := range monday.ListLocales() {
		lbase, lregion, _ := strings.Cut(string(l), "_")
		if lbase != base.String() {
			continue
		}
		if ls, _ := language.Make(lbase + "-" + lregion).Script(); ls != script {
			continue
		}
		if lregion == region.String() {
			return l, true
		}
		if found == "" {
			found = l
		}
	}
	return found, found != ""
}

// formatDate formats a date with the language's month and day names.
func (s *Site) formatDate(layout string, t time.Time) string {
	loc, ok := dateLocale(s.lang)
	if !ok {
		return t.Format(layout)
	}
	return fixShortMonths(layout, monday.Format(t, layout, loc), shortMonths[loc])
}

// shortMonths corrects the locale library's short month names (layout
// "Jan") where they are not CLDR's, keyed by the library's word. Russian:
// the library writes "16 окт 2011" and "Окт 2011"; CLDR ru has the
// abbreviation mark and, for the month written alone, the full name of
// a short month ("16 окт. 2011", "16 мая 2011", "Окт. 2011", "Март 2011").
// The library's choice of form is kept: genitive after a day number
// (lower case), else the nominative (capitalised, as CLDR's
// titlecase-firstword has it at the start of a date).
var shortMonths = map[monday.Locale]map[string]string{
	monday.LocaleRuRU: {
		"янв": "янв.", "фев": "февр.", "мар": "мар.", "апр": "апр.", "мая": "мая", "июн": "июн.",
		"июл": "июл.", "авг": "авг.", "сен": "сент.", "окт": "окт.", "ноя": "нояб.", "дек": "дек.",
		"Янв": "Янв.", "Фев": "Февр.", "Мар": "Март", "Апр": "Апр.", "Май": "Май", "Июн": "Июнь",
		"Июл": "Июль", "Авг": "Авг.", "Сен": "Сент.", "Окт": "Окт.", "Ноя": "Нояб.", "Дек": "Дек.",
	},
}

// fixShortMonths replaces, in out (layout formatted by the locale
// library), each word written for a "Jan" of the layout by its
// correction in fix. Layout and output are cut into runs of letters,
// digits and other characters, as the library cuts them, so the n-th
// run of one is the n-th of the other; when the counts differ the
// library translated nothing and out is returned as it is. A "." the
// layout writes after "Jan" (a site's own abbreviation mark, "2 Jan.
// 2006") gives way to the corrected name's own, so that layout gives
// "16 окт. 2011" and "16 мая 2011", not "окт.." and "мая.".
func fixShortMonths(layout, out string, fix map[string]string) string {
	if fix == nil || !strings.Contains(layout, "Jan") {
		return out
	}
	l, o := dateRuns(layout), dateRuns(out)
	if len(l) != len(o) {
		return out
	}
	for i, r := range l {
		name, ok := fix[o[i]]
		if r != "Jan" || !ok {
			continue
		}
		o[i] = name
		if i+1 < len(o) && strings.HasPrefix(l[i+1], ".") && strings.HasPrefix(o[i+1], ".") && abbreviationMark(name, o[i+1], i+2 == len(o)) {
			o[i+1] = o[i+1][1:]
		}
	}
	return strings.Join(o, "")
}

// abbreviationMark reports whether the "." that starts run, the layout's
// own after "Jan", gives way to name: always when name has its own mark
// ("окт."); for a name without one ("мая"), only when the "." marked an
// abbreviation (followed by a space, or at the end: "2 Jan. 2006"), not
// when it separates ("2.Jan.2006" stays "16.мая.2011").
func abbreviationMark(name, run string, last bool) bool {
	return strings.HasSuffix(name, ".") || strings.HasPrefix(run[1:], " ") || run == "." && last
}

// dateRuns cuts s into runs of letters, of digits and of other
// characters.
func dateRuns(s string) []string {
	kind := func(r rune) int {
		switch {
		case unicode.IsLetter(r):
			return 1
		case unicode.IsDigit(r):
			return 2
		}
		return 0
	}
	var runs []string
	start, prev := 0, -1
	for i, r := range s {
		if k := kind(r); k != prev {
			if i > start {
				runs = append(runs, s[start:i])
			}
			start, prev = i, k
		}
	}
	if start < len(s) {
		runs = append(runs, s[start:])
	}
	return runs
}

// englishDates warns when the language's dates would show English month
// or day names although it is not English: the locale library has no
// names for it (see dateLocale), and its date layout (site.toml's
// dateFormat, else "2 January 2006") writes names.
func (s *Site) englishDates() []problem.Problem {
	if base, _ := language.Make(s.lang).Base(); base.String() == "en" {
		return nil
	}
	if _, ok := dateLocale(s.lang); ok {
		return nil
	}
	layout := s.DateFormat()
	if !strings.Contains(layout, "Jan") && !strings.Contains(layout, "Mon") {
		return nil // numbers only: "02.01.2006"
	}
	return []problem.Problem{{File: "site.toml",
		Message: fmt.Sprintf("dates in %s are written with English month names (%q): samizdat has no month names for %s", s.lang, s.formatDate(layout, time.Date(2011, 12, 16, 0, 0, 0, 0, time.UTC)), s.lang),
		Hint:    fmt.Sprintf("give the language a date written in numbers: under [languages.%s] add dateFormat = \"02.01.2006\"", s.lang)}}
}

// translate looks an interface string up in i18n/<lang>.toml. A plural
// entry is a table of CLDR forms ("one", "few", "many", "other"); the form
// is chosen by the language's CLDR rules, so Russian says "1 минута",
// "2 минуты", "5 минут". As in Hugo, the argument is a count, or a map
// (dict "Page" 2 "Total" 3) whose Count, if any, chooses the form; the
// text is a template run on it: {{ .Count }}, {{ .Page }}. A missing
// string renders as its key and is reported as a problem once the site
// has any i18n file.
func (s *Site) translate(key string, arg any) (string, error) {
	count := arg
	if m, ok := arg.(map[string]any); ok {
		count = m["Count"]
	}
	v, ok := s.strings[key]
	if !ok {
		if !s.noStrings {
			s.world.noteMissing(s.lang, key)
		}
		return key, nil
	}
	text, isText := v.(string)
	if forms, isTable := v.(map[string]any); isTable {
		form := pluralForm(s.lang, count)
		text, _ = forms[form].(string)
		if text == "" {
			text, _ = forms["other"].(string)
		}
	} else if !isText {
		return "", fmt.Errorf("T: i18n key %q is neither text nor a table of plural forms", key)
	}
	if arg == nil || !strings.Contains(text, "{{") {
		return text, nil
	}
	data := arg
	if _, ok := arg.(map[string]any); !ok {
		data = map[string]any{"Count": arg}
	}
	return s.runString(key, text, data)
}

var missingKeyRE = regexp.MustCompile(`map has no entry for key "([^"]+)"`)

// runString runs the interface string text of key as a template on data.
// A name the data lacks is an error, not "<no value>" on the page.
func (s *Site) runString(key, text string, data any) (string, error) {
	v, ok := s.stringTmpls.Load(text)
	if !ok {
		t, err := texttemplate.New(key).Option("missingkey=error").Parse(text)
		if err != nil {
			v = fmt.Errorf("T: the i18n text of %q is not a valid template: %v", key, err)
		} else {
			v = t
		}
		v, _ = s.stringTmpls.LoadOrStore(text, v)
	}
	t, ok := v.(*texttemplate.Template)
	if !ok {
		return "", v.(error)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		// Said without text/template's own words, which would be taken
		// for an error of the layout at the place they name.
		name := "a value"
		if m := missingKeyRE.FindStringSubmatch(err.Error()); m != nil {
			name = "." + m[1]
		}
		return "", fmt.Errorf("T %q: its text %q shows %s, which the call does not give; pass it: T %q (dict %q …)", key, text, name, key, strings.TrimPrefix(name, "."))
	}
	return b.String(), nil
}

// labels are the interface strings the generator itself writes, with
// their English defaults.
var labels = []struct{ key, english string }{
	{"anchor_label", "Link to this section"},
	{"not_found_title", "Page not found"}, // the 404 page's .Title
	{"not_translated", "not yet translated"},
	{"toc_label", "Contents"},
}

// missingLabels warns of the labels a language's i18n file (file) lacks, for a
// language that is not English: its readers would get the English text,
// marked as their language. A warning, not a problem: sites need not know
// these keys exist until they see the warning.
func (s *Site) missingLabels(file string) []problem.Problem {
	if s.noStrings {
		return nil // no i18n file for the language
	}
	if base, _ := language.Make(s.lang).Base(); base.String() == "en" {
		return nil
	}
	var out []problem.Problem
	for _, l := range labels {
		if v, ok := s.strings[l.key].(string); !ok || v == "" {
			out = append(out, problem.Problem{File: file,
				Message: fmt.Sprintf("no %s: pages in %s show the English %q", l.key, s.lang, l.english),
				Hint:    fmt.Sprintf("add a line %s with the text in that language", stringLine(file, l.key))})
		}
	}
	return out
}

// label is an interface string the generator itself writes (see labels):
// the language's i18n entry when there is one, else the English default.
// Unlike T, a missing entry is no problem, only a warning
// (missingLabels).
func (s *Site) label(key string) string {
	if v, ok := s.strings[key].(string); ok && v != "" {
		return v
	}
	for _, l := range labels {
		if l.key == key {
			return l.english
		}
	}
	return key
}

// pluralForm is the CLDR cardinal plural category of a whole-number count
// in a language: "one", "few", "many" or "other".
func pluralForm(lang string, count any) string {
	n, ok := count.(int)
	if !ok {
		if n64, ok64 := count.(int64); ok64 {
			n, ok = int(n64), true
		}
	}
	if !ok {
		return "other"
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return "other"
	}
	if n < 0 {
		n = -n
	}
	switch plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

func (w *world) noteMissing(lang, key string) {
	w.missingMu.Lock()
	defer w.missingMu.Unlock()
	if w.missing == nil {
		w.missing = map[string]bool{}
	}
	w.missing[lang+"\x00"+key] = true
}

// missingStrings reports every interface string a template asked for that
// the language's i18n file lacks, sorted.
func (w *world) missingStrings() []string {
	w.missingMu.Lock()
	defer w.missingMu.Unlock()
	out := make([]string, 0, len(w.missing))
	for k := range w.missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// languageData is .Site.Data for one language: data/ with the language's
// own folder (data/ru/) laid over it, so data/ru/timeline.yaml replaces
// data/timeline.yaml in Russian and layouts need not know the language.
func languageData(data map[string]any, lang string, langs []string) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		if isLang(k, langs) {
			continue
		}
		out[k] = v
	}
	if own, ok := data[lang].(map[string]any); ok {
		for k, v := range own {
			out[k] = v
		}
	}
	return out
}

func isLang(name string, langs []string) bool {
	for _, l := range langs {
		if l == name {
			return true
		}
	}
	return false
}

// TranslationGap is one page a translator has to look at.
type TranslationGap struct {
	Source string // the default language's file, "content/zhanaozen/_index.md"
	Lang   string // the language it is missing in, or whose translation is older
	// Translation is the translated file when it exists but is older than
	// Source; "" when the page is not translated at all.
	Translation string
}

// translationGaps lists, for each content page of the default language,
// the languages it lacks, and the translations whose source was changed
// after them. "Changed" compares front matter lastmod when both files set
// it, else the files' modification times.
func (b *builder) translationGaps() []TranslationGap {
	if b.world == nil || len(b.world.langs) < 2 {
		return nil
	}
	var gaps []TranslationGap
	for _, p := range b.world.sites[0].byURL {
		if p.src == nil || p.src.File == "" {
			continue
		}
		for _, lang := range b.world.langs[1:] {
			t := p.translations[lang]
			switch {
			case t == nil || t.src == nil || t.src.File == "":
				gaps = append(gaps, TranslationGap{Source: p.src.File, Lang: lang})
			case b.newer(p, t):
				gaps = append(gaps, TranslationGap{Source: p.src.File, Lang: lang, Translation: t.src.File})
			}
		}
	}
	sort.Slice(gaps, func(i, j int) bool {
		if gaps[i].Source != gaps[j].Source {
			return gaps[i].Source < gaps[j].Source
		}
		return gaps[i].Lang < gaps[j].Lang
	})
	return gaps
}

// newer reports whether the source page changed after its translation:
// by front matter lastmod, else the file's last git commit (see
// Page.changed); without either for both, by the files' modification
// times, which a fresh checkout sets all alike.
func (b *builder) newer(src, tr *Page) bool {
	a, okA := src.changed()
	c, okC := tr.changed()
	if okA && okC {
		return a.After(c)
	}
	si, err1 := fs.Stat(b.fsys, src.src.File)
	ti, err2 := fs.Stat(b.fsys, tr.src.File)
	if err1 != nil || err2 != nil {
		return false
	}
	return si.ModTime().After(ti.ModTime())
}
