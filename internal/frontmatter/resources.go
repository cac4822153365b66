package frontmatter

import "strings"

// ResourceMeta is one entry of Hugo's front matter resources: a name, a
// title and params for the files beside the page whose names match Src,
// a pattern as .Resources.Match takes. The first entry that matches a
// file and gives a name (or a title) gives it; :counter in either is
// the file's number among the files Src matches, from 1; params add up,
// a later entry's key over an earlier one's (Hugo's resources
// AssignMetadata).
type ResourceMeta struct {
	Src, Name, Title string
	Params           map[string]any
	Line             int // the entry's line in the file, for a problem with Src
}

var resourceMetaKeys = []string{"src", "name", "title", "params"}

// resources reads Hugo's resources: a list of groups of src, name, title
// and params; src is needed, as Hugo needs it.
func (d *decoder) resources(f field) []ResourceMeta {
	const how = "give resources as a list of groups with src (the file's name, or a pattern such as \"*.jpg\") and a name, title or params, one key per line"
	switch f.val.kind {
	case kindNull:
		return nil
	case kindList:
	default:
		d.problem(f.val.line, f.val.col, how, "%q must be a list, got %s", f.key, f.val.describe())
		return nil
	}
	var out []ResourceMeta
	for _, it := range f.val.items {
		if it.kind != kindMap {
			d.problem(it.line, it.col, how, "an entry of %q must be a group of keys, got %s", f.key, it.describe())
			continue
		}
		r, src := ResourceMeta{Line: it.line}, false
		for _, k := range it.fields {
			switch strings.ToLower(k.key) {
			case "src":
				r.Src, src = d.text(k), true
			case "name":
				r.Name = d.text(k)
			case "title":
				r.Title = d.prose(k, d.text(k))
			case "params":
				r.Params = d.resourceParams(k)
			default:
				d.problem(k.line, k.col, unknownKeyHint(k.key, resourceMetaKeys, ""), "unknown resources key %q", k.key)
			}
		}
		if !src || strings.TrimSpace(r.Src) == "" {
			d.problem(it.line, it.col, "add src: the name of the file beside the page it is for, or a pattern such as \"*.jpg\"",
				"an entry of %q has no src, so it is for no file", f.key)
			continue
		}
		out = append(out, r)
	}
	return out
}

// resourceParams is an entry's params: a group of keys, as a page's.
func (d *decoder) resourceParams(f field) map[string]any {
	if f.val.kind == kindMap {
		return f.val.toAny().(map[string]any)
	}
	if f.val.kind != kindNull {
		d.problem(f.val.line, f.val.col, "put the file's own settings under params, one per line, indented",
			"%q must be a group of keys, got %s", f.key, f.val.describe())
	}
	return nil
}
