package layout

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// toString turns a string-like value into text the way Hugo's
// cast.ToString does, so the string functions take .Content
// (template.HTML), .Inner, numbers and Stringers as well as strings.
// Lists, maps and structs are an error: printing them would put Go's
// notation on the page.
func toString(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []byte:
		return string(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case float32:
		return strconv.FormatFloat(float64(v), 'f', -1, 32), nil
	case fmt.Stringer:
		return v.String(), nil
	case error:
		return v.Error(), nil
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.String: // template.HTML, template.URL and other named strings
		return r.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(r.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(r.Uint(), 10), nil
	case reflect.Float64:
		return strconv.FormatFloat(r.Float(), 'f', -1, 64), nil
	}
	return "", fmt.Errorf("cannot use a %T as text", v)
}

// str1 and str2 make a function of strings take string-like values
// (see toString).
func str1[R any](f func(string) R) func(any) (R, error) {
	return func(a any) (R, error) {
		s, err := texts(a)
		if err != nil {
			var zero R
			return zero, err
		}
		return f(s[0]), nil
	}
}

func str2[R any](f func(a, b string) R) func(a, b any) (R, error) {
	return func(a, b any) (R, error) {
		s, err := texts(a, b)
		if err != nil {
			var zero R
			return zero, err
		}
		return f(s[0], s[1]), nil
	}
}

// texts is toString of each value.
func texts(vs ...any) ([]string, error) {
	out := make([]string, len(vs))
	for i, v := range vs {
		s, err := toString(v)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// truncate shortens text to at most n characters at a word boundary,
// adding an ellipsis ("…" unless given): truncate N [ELLIPSIS] TEXT, as in
// Hugo. HTML (.Content, .Summary, markdownify) stays HTML: tags and
// entities do not count, the cut never falls inside one, and the tags
// left open are closed after the ellipsis.
func truncate(n any, args ...any) (any, error) {
	size, err := toInt(n)
	if err != nil {
		return nil, err
	}
	var ellipsis, text any = "…", nil
	switch len(args) {
	case 1:
		text = args[0]
	case 2:
		ellipsis, text = args[0], args[1]
	default:
		return nil, fmt.Errorf("use truncate LENGTH TEXT or truncate LENGTH ELLIPSIS TEXT, not %d arguments after the length", len(args))
	}
	s, err := texts(ellipsis, text)
	if err != nil {
		return nil, err
	}
	h, isHTML := text.(template.HTML)
	if !isHTML {
		cut, ok := cutText(s[1], textPieces(s[1]), size)
		if !ok {
			return s[1], nil
		}
		return cut + s[0], nil
	}
	cut, ok := cutText(string(h), htmlPieces(string(h)), size)
	if !ok {
		return h, nil
	}
	more := html.EscapeString(s[0])
	if e, ok := ellipsis.(template.HTML); ok {
		more = string(e)
	}
	// A bare '<' or '&' that the cut leaves last could start a tag or
	// an entity together with what follows it.
	if last := len(cut) - 1; last >= 0 && (cut[last] == '<' || cut[last] == '&') {
		cut = cut[:last] + html.EscapeString(cut[last:])
	}
	return template.HTML(cut + more + closeTags(cut)), nil
}

// piece is a run of bytes of a text: one character (a rune, or an HTML
// entity standing for one) or, in HTML, a whole tag or comment.
type piece struct {
	start, end int
	tag        bool
	char       rune // the character a non-tag piece stands for
}

// textPieces is plain text as pieces: every rune is a character.
func textPieces(s string) []piece {
	out := make([]piece, 0, len(s))
	for i, r := range s {
		out = append(out, piece{start: i, end: i + utf8.RuneLen(r), char: r})
	}
	return out
}

// htmlPieces splits HTML into tags, comments and characters. A tag runs
// to its closing '>' outside quotes (or to the end of s); a '<' that
// starts no tag is a character, as it is to a browser.
func htmlPieces(s string) []piece {
	var out []piece
	for i := 0; i < len(s); {
		end, tag := htmlPiece(s, i)
		p := piece{start: i, end: end, tag: tag}
		if !tag {
			p.char, _ = utf8.DecodeRuneInString(html.UnescapeString(s[i:end]))
		}
		out = append(out, p)
		i = end
	}
	return out
}

// htmlPiece returns where the piece starting at s[i] ends and whether it
// is a tag or comment.
func htmlPiece(s string, i int) (end int, tag bool) {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		if j := strings.Index(rest[4:], "-->"); j >= 0 {
			return i + 4 + j + 3, true
		}
		return len(s), true
	case len(rest) > 1 && rest[0] == '<' && (isASCIILetter(rest[1]) || strings.ContainsRune("/!?", rune(rest[1]))):
		var quote byte
		for j := 1; j < len(rest); j++ {
			switch c := rest[j]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i + j + 1, true
			}
		}
		return len(s), true
	case rest[0] == '&':
		if j := strings.IndexByte(rest, ';'); j > 1 && j <= 32 && isEntityName(rest[1:j]) {
			return i + j + 1, false
		}
	}
	_, size := utf8.DecodeRuneInString(rest)
	return i + size, false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isEntityName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(isASCIILetter(c) || '0' <= c && c <= '9' || i == 0 && c == '#') {
			return false
		}
	}
	return true
}

// cutText returns s cut after at most size characters of pieces, at a
// space past half of size when there is one, without trailing spaces
// and punctuation; ok is false when s is short enough as it is.
func cutText(s string, pieces []piece, size int) (cut string, ok bool) {
	var chars []piece
	for _, p := range pieces {
		if !p.tag {
			chars = append(chars, p)
		}
	}
	if len(chars) <= size {
		return s, false
	}
	keep := chars[:max(size, 0)]
	// A space right after the cut means no word is cut.
	for k := len(keep) - 1; k > len(keep)/2 && !unicode.IsSpace(chars[len(keep)].char); k-- {
		if unicode.IsSpace(keep[k].char) {
			keep = keep[:k]
			break
		}
	}
	for len(keep) > 0 && (unicode.IsSpace(keep[len(keep)-1].char) || strings.ContainsRune(",;:.", keep[len(keep)-1].char)) {
		keep = keep[:len(keep)-1]
	}
	if len(keep) == 0 {
		return "", true
	}
	return s[:keep[len(keep)-1].end], true
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// closeTags returns the end tags of the elements h leaves open, innermost
// first.
func closeTags(h string) string {
	var open []string
	for _, p := range htmlPieces(h) {
		t := h[p.start:p.end]
		if !p.tag || strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "<?") {
			continue
		}
		closing := strings.HasPrefix(t, "</")
		name := strings.ToLower(strings.TrimLeft(t, "</"))
		if i := strings.IndexAny(name, " \t\n\r\f/>"); i >= 0 {
			name = name[:i]
		}
		switch {
		case closing:
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == name {
					open = open[:i]
					break
				}
			}
		case !voidElements[name] && !strings.HasSuffix(t, "/>"):
			open = append(open, name)
		}
	}
	var b strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}

// apSmallWords are the words the AP Stylebook writes in lower case inside
// a title: articles, conjunctions and prepositions of up to three letters.
var apSmallWords = map[string]bool{
	"a": true, "an": true, "the": true,
	"and": true, "but": true, "for": true, "nor": true, "or": true, "so": true, "yet": true,
	"as": true, "at": true, "by": true, "in": true, "of": true, "off": true, "on": true,
	"out": true, "per": true, "to": true, "up": true, "via": true,
}

// title capitalises text in AP style, Hugo's default: every word's first
// letter upper-case except small words inside the title (apSmallWords),
// which are written in lower case; the first and last word, and a word
// after a colon, are always capitalised. The rest of each word is kept,
// so "TOC" stays "TOC".
func title(s string) string {
	words := strings.Fields(s)
	var b strings.Builder
	rest := s
	for k, w := range words {
		i := strings.Index(rest, w)
		b.WriteString(rest[:i])
		rest = rest[i+len(w):]
		core := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		inside := k > 0 && k < len(words)-1 && !strings.HasSuffix(words[k-1], ":")
		if inside && apSmallWords[core] {
			b.WriteString(strings.ToLower(w))
			continue
		}
		b.WriteString(upperFirstLetter(w))
	}
	b.WriteString(rest)
	return b.String()
}

// upperFirstLetter upper-cases the first letter of w, after any opening
// punctuation ("(toc)" -> "(Toc)").
func upperFirstLetter(w string) string {
	i := strings.IndexFunc(w, unicode.IsLetter)
	if i < 0 {
		return w
	}
	r, size := utf8.DecodeRuneInString(w[i:])
	return w[:i] + string(unicode.ToTitle(r)) + w[i+size:]
}

// substr returns part of a string by characters, as Hugo's does:
// substr TEXT START [LENGTH]. A negative START counts from the end; a
// negative LENGTH leaves that many characters off the end.
func substr(v any, nums ...any) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", err
	}
	if len(nums) == 0 || len(nums) > 2 {
		return "", errors.New("use substr TEXT START or substr TEXT START LENGTH")
	}
	runes := []rune(s)
	start, err := toInt(nums[0])
	if err != nil {
		return "", err
	}
	length := len(runes)
	if len(nums) == 2 {
		if length, err = toInt(nums[1]); err != nil {
			return "", err
		}
	}
	if start < 0 {
		start = max(start+len(runes), 0)
	}
	end := len(runes)
	switch {
	case length < 0:
		end += length
	case length >= 0:
		end = min(start+length, len(runes))
	}
	if start >= end {
		return "", nil
	}
	return string(runes[start:end]), nil
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func md5Hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func base64Encode(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func base64Decode(v any) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("%.40q is not base64: %v", s, err)
	}
	return string(b), nil
}

// trim cuts white space from both ends of text, or, with a second
// argument as Hugo's trim takes it, the characters listed in it:
// trim TEXT [CHARACTERS].
func trim(v any, cutset ...any) (string, error) {
	if len(cutset) > 1 {
		return "", errors.New("use trim TEXT or trim TEXT CHARACTERS")
	}
	s, err := texts(append([]any{v}, cutset...)...)
	if err != nil {
		return "", err
	}
	if len(s) == 1 {
		return strings.TrimSpace(s[0]), nil
	}
	return strings.Trim(s[0], s[1]), nil
}

// replace replaces old with new in text: every time, or the first limit
// times, as Hugo's replace TEXT OLD NEW [LIMIT].
func replace(v, old, new any, limit ...any) (string, error) {
	if len(limit) > 1 {
		return "", errors.New("use replace TEXT OLD NEW or replace TEXT OLD NEW LIMIT")
	}
	s, err := texts(v, old, new)
	if err != nil {
		return "", err
	}
	n := -1
	if len(limit) == 1 {
		if n, err = toInt(limit[0]); err != nil {
			return "", fmt.Errorf("replace: %w", err)
		}
	}
	return strings.Replace(s[0], s[1], s[2], n), nil
}

// countWords is the number of words in a text, HTML tags left out, as
// Hugo's countwords counts them: a word is what lies between spaces,
// except that in a text with Chinese, Japanese or Korean letters, whose
// words are not spaced, each letter of a word not all ASCII counts as one.
func countWords(v any) (int, error) {
	h, err := toString(v)
	if err != nil {
		return 0, err
	}
	s, _ := stripTags(blockEnds.Replace(h))
	words := strings.Fields(s)
	if !strings.ContainsFunc(s, isCJK) {
		return len(words), nil
	}
	n := 0
	for _, w := range words {
		if runes := utf8.RuneCountInString(w); runes != len(w) {
			n += runes
			continue
		}
		n++
	}
	return n, nil
}

// blockEnds are the tags Hugo's countwords takes as a break between
// words, so "<p>one</p><p>two</p>" is two words.
var blockEnds = strings.NewReplacer("</p>", "\n", "<br>", "\n", "<br />", "\n", "<br/>", "\n")

// isCJK reports the scripts Hugo's countwords counts letter by letter.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}

// countRunes is the number of characters in a text other than spaces,
// tabs and line ends, HTML tags left out, as Hugo's countrunes counts
// them: len counts bytes, two for each Cyrillic letter.
func countRunes(v any) (int, error) {
	s, err := stripTags(v)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			n++
		}
	}
	return n, nil
}
