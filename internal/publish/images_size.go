package publish

// ImageSize is the size of the picture name as the page shows it (a
// quarter-turned photo's swapped), read from its header as SizeImage
// reads it, without decoding its pixels: what a template's .Width and
// .Height of a page resource give, the same numbers the build writes in
// the <img> that shows it. ok is false when name is not a picture the
// build reads (by extension) or its header cannot be read.
func ImageSize(name string, data []byte) (width, height int, ok bool) {
	kind := imageKind(name)
	if kind == "" {
		return 0, 0, false
	}
	im, _, _, ok := headerSize(kind, data)
	return im.Width, im.Height, ok
}
