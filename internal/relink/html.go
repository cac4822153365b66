package relink

import (
	"bytes"

	"golang.org/x/net/html"
)

// attr locates one attribute inside a raw tag: its name is raw[key:keyEnd] and its value
// raw[val:valEnd], quoted with quote (0 when unquoted or absent).
type attr struct {
	key, keyEnd int
	val, valEnd int
	quote       byte
}

// html records the edits for the HTML b, found at offset off of a file in the folder dir. It
// reads b as Tags does: golang.org/x/net/html's tokenizer's split (see scanner), which tells tags
// from text, comments and the raw text of <script> and <style> as browsers do; each tag's raw
// bytes are read again to locate attribute values, so that everything but the rewritten URLs
// keeps its bytes.
func (r *rewriter) html(dir string, b []byte, off int) {
	tags(b, off, func(raw []byte, at int) { r.tag(dir, raw, at) }, func(css []byte, at int) { r.css(dir, css, at) })
}

// tag records the edits for the attributes of the raw start tag raw, found at offset off.
func (r *rewriter) tag(dir string, raw []byte, off int) {
	var name []byte
	name, r.attrs = parseTag(raw, r.attrs[:0])
	isLink := bytes.EqualFold(name, []byte("link"))
	isMeta := bytes.EqualFold(name, []byte("meta"))
	keepHref, linkFetched := false, false
	if isLink {
		keepHref, linkFetched = r.linkRel(raw)
	}
	isRefresh := isMeta && r.isRefresh(raw)
	for _, a := range r.attrs {
		if a.valEnd <= a.val {
			continue
		}
		key := raw[a.key:a.keyEnd]
		var kind valueKind
		switch {
		case keyIs(key, "href"):
			if keepHref {
				continue
			}
			kind = urlValue
			if linkFetched || fetchesHref(name) {
				kind = fetchedValue
			}
		case keyIs(key, "xlink:href"):
			kind = urlValue
			if fetchesHref(name) {
				kind = fetchedValue
			}
		case keyIs(key, "src"), keyIs(key, "poster"), keyIs(key, "data"):
			kind = urlValue
			if fetchesSrc(name, key) {
				kind = fetchedValue
			}
		case keyIs(key, "action"), keyIs(key, "formaction"):
			kind = urlValue
		case keyIs(key, "srcset"), keyIs(key, "imagesrcset"):
			kind = srcsetValue
		case keyIs(key, "style"):
			kind = cssValue
		case keyIs(key, "content") && isRefresh:
			kind = refreshValue
		default:
			continue
		}
		r.attrValue(dir, kind, raw[a.val:a.valEnd], a.quote, off+a.val)
	}
}

// linkRel reads the rel of the <link> whose attributes are in r.attrs. keep is true for a
// canonical link or an hreflang alternate, which point at the primary domain on purpose; fetched
// for the links the browser fetches with the page (a stylesheet, an icon, a preload, the web app
// manifest), which package check's linkKind calls load and loadCode. Feeds and other alternates
// are neither: an absolute URL to them stays absolute.
func (r *rewriter) linkRel(raw []byte) (keep, fetched bool) {
	var rel []byte
	hreflang := false
	for _, a := range r.attrs {
		switch key := raw[a.key:a.keyEnd]; {
		case keyIs(key, "rel"):
			rel = raw[a.val:a.valEnd]
		case keyIs(key, "hreflang"):
			hreflang = true
		}
	}
	for _, tok := range bytes.Fields(rel) {
		switch {
		case keyIs(tok, "canonical"):
			keep = true
		case keyIs(tok, "alternate"):
			keep = keep || hreflang
		case isOneOf(tok, "stylesheet", "modulepreload", "preload", "prefetch", "prerender", "icon", "apple-touch-icon",
			"apple-touch-icon-precomposed", "mask-icon", "manifest", "compression-dictionary", "dictionary"):
			fetched = true
		}
	}
	return keep, fetched
}

// fetchesHref reports whether the browser fetches the href (or xlink:href) of the element name
// with the page: SVG's <image>, <use>, <feImage> and <script>, as package check's urlKind has it.
func fetchesHref(name []byte) bool {
	return isOneOf(name, "image", "use", "feimage", "script")
}

// fetchesSrc reports whether the browser fetches the URL in attribute key (src, poster or data)
// of the element name with the page, as package check's urlKind has it.
func fetchesSrc(name, key []byte) bool {
	switch {
	case keyIs(key, "poster"):
		return keyIs(name, "video")
	case keyIs(key, "data"):
		return keyIs(name, "object")
	}
	return isOneOf(name, "script", "img", "iframe", "frame", "embed", "source", "track", "video", "audio", "input")
}

// isOneOf reports whether b is one of names, ASCII case-insensitively.
func isOneOf(b []byte, names ...string) bool {
	for _, n := range names {
		if keyIs(b, n) {
			return true
		}
	}
	return false
}

// isRefresh reports whether the <meta> whose attributes are in r.attrs is http-equiv="refresh".
func (r *rewriter) isRefresh(raw []byte) bool {
	for _, a := range r.attrs {
		if keyIs(raw[a.key:a.keyEnd], "http-equiv") {
			return bytes.EqualFold(bytes.TrimSpace(raw[a.val:a.valEnd]), []byte("refresh"))
		}
	}
	return false
}

func keyIs(key []byte, name string) bool { return bytes.EqualFold(key, []byte(name)) }

// valueKind says how to read an attribute value.
type valueKind int

const (
	urlValue     valueKind = iota // one URL
	fetchedValue                  // one URL the browser fetches with the page
	srcsetValue                   // image candidates: URL and descriptors, comma-separated
	cssValue                      // CSS declarations
	refreshValue                  // "5; url=/x/"
)

// attrValue records the edits for the raw attribute value v, found at offset off. Character
// references are decoded first; edits that touch no reference are made on the raw bytes, so
// "/search/?q=a&amp;b" and url(&quot;/x.png&quot;) keep their encoding. Only when a reference is
// inside a rewritten URL ("&#47;x/") is the whole value replaced, re-encoded.
func (r *rewriter) attrValue(dir string, kind valueKind, v []byte, quote byte, off int) {
	if bytes.IndexByte(v, '&') < 0 {
		r.value(dir, kind, v, off)
		return
	}
	decoded := r.decodeAttr(v)
	n := len(r.edits)
	r.value(dir, kind, decoded, 0)
	if r.mapEdits(r.edits[n:], off, v) {
		return
	}
	var changed []byte
	last := 0
	for _, e := range r.edits[n:] {
		changed = append(changed, decoded[last:e.start]...)
		changed = append(changed, r.repl[e.from:e.to]...)
		last = e.end
	}
	changed = append(changed, decoded[last:]...)
	r.edits = r.edits[:n]
	from := len(r.repl)
	r.repl = appendAttrEscaped(r.repl, changed, quote)
	r.edits = append(r.edits, edit{start: off, end: off + len(v), from: from, to: len(r.repl)})
}

// charRef is a character reference in a raw attribute value: raw[start:end] decodes to
// decoded[decStart:decEnd].
type charRef struct {
	start, end       int
	decStart, decEnd int
}

// decodeAttr returns v with its character references decoded, and records where they were in
// r.refs. The returned slice is valid until the next call.
func (r *rewriter) decodeAttr(v []byte) []byte {
	r.decoded, r.refs = r.decoded[:0], r.refs[:0]
	for i := 0; i < len(v); {
		j := bytes.IndexByte(v[i:], '&')
		if j < 0 {
			r.decoded = append(r.decoded, v[i:]...)
			break
		}
		j += i
		r.decoded = append(r.decoded, v[i:j]...)
		k := j + 1
		if k < len(v) && v[k] == '#' {
			k++
		}
		for k < len(v) && isAlnum(v[k]) {
			k++
		}
		if k < len(v) && v[k] == ';' {
			k++
		}
		ref := v[j:k]
		dec := html.UnescapeString(string(ref))
		if dec != string(ref) {
			r.refs = append(r.refs, charRef{start: j, end: k, decStart: len(r.decoded), decEnd: len(r.decoded) + len(dec)})
		}
		r.decoded = append(r.decoded, dec...)
		i = k
	}
	return r.decoded
}

// mapEdits moves edits made on the decoded attribute value to the raw value at offset off, and
// reports whether it could: no edit may touch a character reference, nor follow one that has no
// ";", which the new bytes could extend ("&#4" then "7" reads "&#47").
func (r *rewriter) mapEdits(edits []edit, off int, raw []byte) bool {
	for _, e := range edits {
		for _, ref := range r.refs {
			if ref.decStart < e.end && e.start < ref.decEnd {
				return false
			}
			if e.start == ref.decEnd && raw[ref.end-1] != ';' {
				return false
			}
		}
	}
	for i, e := range edits {
		shift := off
		for _, ref := range r.refs {
			if ref.decEnd <= e.start {
				shift += (ref.end - ref.start) - (ref.decEnd - ref.decStart)
			}
		}
		edits[i].start += shift
		edits[i].end += shift
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// value records the edits for a decoded attribute value v found at offset off.
func (r *rewriter) value(dir string, kind valueKind, v []byte, off int) {
	switch kind {
	case urlValue, fetchedValue:
		r.url(dir, v, off, kind == fetchedValue)
	case srcsetValue:
		r.srcset(dir, v, off)
	case cssValue:
		r.css(dir, v, off)
	case refreshValue:
		r.refresh(dir, v, off)
	}
}

// appendAttrEscaped appends v encoded for an attribute value in the given quote (0: unquoted).
// An unquoted value that would no longer parse as one is put in double quotes.
func appendAttrEscaped(dst, v []byte, quote byte) []byte {
	if quote == 0 && bytes.ContainsAny(v, " \t\n\r\f\"'=<>`") {
		dst = append(dst, '"')
		dst = appendAttrEscaped(dst, v, '"')
		return append(dst, '"')
	}
	for _, c := range v {
		switch {
		case c == '&':
			dst = append(dst, "&amp;"...)
		case c == '"' && quote == '"':
			dst = append(dst, "&#34;"...)
		case c == '\'' && quote == '\'':
			dst = append(dst, "&#39;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// parseTag splits the raw start tag raw ("<a href=x>") into its name and attributes, appended to
// attrs. It follows the attribute states of golang.org/x/net/html's tokenizer (WHATWG 13.2.5.32
// to 13.2.5.38), so it sees the attributes the tokenizer saw.
func parseTag(raw []byte, attrs []attr) (name []byte, _ []attr) {
	n := len(raw)
	name = tagName(raw)
	i := 1 + len(name)
	skip := func() {
		for i < n && isSpace(raw[i]) {
			i++
		}
	}
	for {
		skip()
		if i >= n || raw[i] == '>' {
			return name, attrs
		}
		a := attr{key: i}
		if raw[i] == '=' {
			i++ // a leading "=" is part of the name
		}
		for i < n {
			c := raw[i]
			if isSpace(c) || c == '/' || c == '>' || (c == '=' && i > a.key) {
				break
			}
			i++
		}
		a.keyEnd = i
		a.val, a.valEnd = i, i
		skip()
		if i >= n {
			return name, attrs
		}
		switch raw[i] {
		case '/':
			i++
			attrs = append(attrs, a)
			continue
		case '=':
			i++
		default:
			attrs = append(attrs, a)
			continue
		}
		skip()
		if i >= n {
			return name, attrs
		}
		switch q := raw[i]; q {
		case '>':
		case '"', '\'':
			a.quote = q
			a.val = i + 1
			end := bytes.IndexByte(raw[a.val:], q)
			if end < 0 {
				i, a.valEnd = n, n
			} else {
				a.valEnd = a.val + end
				i = a.valEnd + 1
			}
		default:
			a.val = i
			for i < n && !isSpace(raw[i]) && raw[i] != '>' {
				i++
			}
			a.valEnd = i
		}
		attrs = append(attrs, a)
	}
}

// srcset records the edits for the URLs in a srcset value, parsed as the HTML standard's
// "parse a srcset attribute" does: a URL runs to whitespace, and trailing commas end it.
func (r *rewriter) srcset(dir string, v []byte, off int) {
	n := len(v)
	for i := 0; i < n; {
		for i < n && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < n && !isSpace(v[i]) {
			i++
		}
		end := i
		if end > start && v[end-1] == ',' {
			for end > start && v[end-1] == ',' {
				end--
			}
		} else {
			for depth := 0; i < n; i++ { // descriptors, to the next comma outside parentheses
				if c := v[i]; c == '(' {
					depth++
				} else if c == ')' && depth > 0 {
					depth--
				} else if c == ',' && depth == 0 {
					i++
					break
				}
			}
		}
		if end > start {
			r.url(dir, v[start:end], off+start, true)
		}
	}
}

// refresh records the edit for the URL in the content of <meta http-equiv="refresh">, parsed as
// the HTML standard's "shared declarative refresh steps" do: "5; url='/x/'" or "5;/x/".
func (r *rewriter) refresh(dir string, v []byte, off int) {
	n, i := len(v), 0
	skip := func() {
		for i < n && isSpace(v[i]) {
			i++
		}
	}
	skip()
	timeStart := i
	for i < n && ('0' <= v[i] && v[i] <= '9' || v[i] == '.') {
		i++
	}
	if i == timeStart || (i < n && !isSpace(v[i]) && v[i] != ';' && v[i] != ',') {
		return // no time, or no separator after it: browsers ignore the whole content
	}
	skip()
	if i < n && (v[i] == ';' || v[i] == ',') {
		i++
	}
	skip()
	if i+3 <= n && bytes.EqualFold(v[i:i+3], []byte("url")) {
		j := i + 3
		for j < n && isSpace(v[j]) {
			j++
		}
		if j < n && v[j] == '=' {
			i = j + 1
			skip()
		}
	}
	end := n
	if i < n && (v[i] == '"' || v[i] == '\'') {
		q := v[i]
		i++
		if k := bytes.IndexByte(v[i:], q); k >= 0 {
			end = i + k
		}
	}
	if end > i {
		r.url(dir, v[i:end], off+i, false)
	}
}
