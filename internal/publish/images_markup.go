package publish

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"golang.org/x/net/html"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// ImageFacts is what RewriteImgs needs of one picture: its size as shown
// and the widths of its copies that were written (CopyName), narrowest
// first.
type ImageFacts struct {
	Width, Height int
	CopyWidths    []int
}

// ImgSrcs returns the Files keys of the local pictures the <img> start
// tags of the HTML file name show through src, each once, in order of
// appearance: relative, root-relative, or under site, the site's own
// absolute address.
func ImgSrcs(name string, page []byte, site relink.Address) []string {
	if !mayHoldImg(page) {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	relink.Tags(page, func(raw []byte, _ int) {
		tag, attrs, _ := parseTag(raw)
		if tag != "img" {
			return
		}
		if file, _, ok := imgSrc(name, raw, attrs, site); ok && !seen[file] {
			seen[file] = true
			out = append(out, file)
		}
	}, func([]byte, int) {})
	return out
}

// mayHoldImg reports whether page has a tag whose name starts with
// "img", in any letter case: a test much cheaper than the tag scan, which
// it spares the pages that show no picture (most of a text site's).
func mayHoldImg(page []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if len(page)-i >= 3 && page[i]|0x20 == 'i' && page[i+1]|0x20 == 'm' && page[i+2]|0x20 == 'g' {
			return true
		}
	}
}

// imgSrc resolves an <img>'s src to a Files key, and returns the value
// as written (entities decoded). A src under the site's own absolute
// address (a layout's absURL or .Permalink) is the site's file too: the
// finish makes it page-relative later, and its picture should have its
// size and copies all the same.
func imgSrc(name string, raw []byte, attrs []tagAttr, site relink.Address) (file, src string, ok bool) {
	for _, a := range attrs {
		if a.name == "src" && a.valStart >= 0 {
			src = strings.TrimSpace(html.UnescapeString(string(raw[a.valStart:a.valEnd])))
			file, ok = resolveRef(site, path.Dir(name), src, true)
			return file, src, ok
		}
	}
	return "", "", false
}

// RewriteImgs adds to each <img> of the HTML file name that shows a
// picture look knows:
//   - width and height, its size in pixels, so the page keeps its layout
//     while pictures load (a template's own width or height is kept, and
//     then neither is added);
//   - decoding="async", so decoding a photo does not hold up the page;
//   - loading="lazy", except on the page's first <img>: it may be at the
//     top of the screen, where lazy loading would only delay it (the
//     browser waits for layout to see whether a lazy image is visible);
//   - srcset with the copies and the original by width, and sizes (as
//     given, unless the <img> has its own), when there are copies.
//
// An <img> that has a srcset of its own is left as it is; it still counts
// as the first. Attributes the <img> has are never changed. The second
// result lists, for cache keys, what was read of each picture; the page
// is returned as it was when nothing was added.
func RewriteImgs(name string, page []byte, look func(file string) (ImageFacts, bool), sizes string, site relink.Address) ([]byte, string) {
	type insert struct {
		at   int
		text string
	}
	if !mayHoldImg(page) {
		return page, ""
	}
	var ins []insert
	var used strings.Builder
	first := true
	relink.Tags(page, func(raw []byte, off int) {
		tag, attrs, attrsEnd := parseTag(raw)
		if tag != "img" {
			return
		}
		isFirst := first
		first = false
		has := map[string]bool{}
		for _, a := range attrs {
			has[a.name] = true
		}
		if has["srcset"] {
			return
		}
		file, src, ok := imgSrc(name, raw, attrs, site)
		if !ok {
			return
		}
		f, ok := look(file)
		if !ok {
			return
		}
		fmt.Fprintf(&used, "%s %d %d %v\n", file, f.Width, f.Height, f.CopyWidths)
		var add strings.Builder
		if !has["width"] && !has["height"] {
			fmt.Fprintf(&add, ` width="%d" height="%d"`, f.Width, f.Height)
		}
		if !has["decoding"] {
			add.WriteString(` decoding="async"`)
		}
		if !has["loading"] && !isFirst {
			add.WriteString(` loading="lazy"`)
		}
		if set := srcset(src, f); set != "" {
			fmt.Fprintf(&add, ` srcset="%s"`, html.EscapeString(set))
			if !has["sizes"] && sizes != "" {
				fmt.Fprintf(&add, ` sizes="%s"`, html.EscapeString(sizes))
			}
		}
		if add.Len() > 0 {
			ins = append(ins, insert{off + attrsEnd, add.String()})
		}
	}, func([]byte, int) {})
	if len(ins) == 0 {
		return page, used.String()
	}
	out := make([]byte, 0, len(page)+64*len(ins))
	last := 0
	for _, in := range ins {
		out = append(out, page[last:in.at]...)
		out = append(out, in.text...)
		last = in.at
	}
	return append(out, page[last:]...), used.String()
}

// srcset lists the copies of the picture src shows and the original, by
// width; "" when there are no copies, or when src cannot stand in a
// srcset (a comma or space would split it, and a query or fragment
// would not carry over to the copies' names).
func srcset(src string, f ImageFacts) string {
	if len(f.CopyWidths) == 0 || strings.ContainsAny(src, ", \t\n\r\f?#") {
		return ""
	}
	var parts []string
	for _, w := range f.CopyWidths {
		parts = append(parts, fmt.Sprintf("%s %dw", CopyName(src, w), w))
	}
	parts = append(parts, fmt.Sprintf("%s %dw", src, f.Width))
	return strings.Join(parts, ", ")
}
