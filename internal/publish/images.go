package publish

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/gif" // registered for DecodeConfig of GIFs
	"image/jpeg"
	"image/png"
	"path"
	"slices"
	"strings"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// Responsive images: the build gives every <img> that shows a local
// picture its pixel size, and for JPEG and PNG pictures smaller copies
// listed in a srcset, so that a phone loads a copy about as wide as its
// screen instead of the photo as exported. There is no pure-Go WebP or
// AVIF encoder, so the copies are in the original's format.

// ImageOptions says what SizeImages and RewriteImgs do; the zero value
// gives sizes and lazy loading but no copies.
type ImageOptions struct {
	// Resize makes the smaller copies.
	Resize bool
	// Widths are the copies' widths in pixels; only those narrower than
	// the original are made.
	Widths []int
	// Sizes is the sizes attribute written with a srcset.
	Sizes string
	// Quality is the JPEG quality of the copies (1–100; 0 means 80).
	Quality int
}

// Image is what the build knows of one picture of the site.
type Image struct {
	// Width and Height are as the picture is shown: a photo whose Exif
	// says it was taken sideways has them swapped.
	Width, Height int
	// Copies are the smaller copies, narrowest first.
	Copies []ImageCopy
}

// ImageCopy is one smaller copy of a picture.
type ImageCopy struct {
	Width int
	Data  []byte
}

// maxPixels is the largest picture decoded to make copies (a 100 MP
// photo takes 400 MB as RGBA): a bigger one, or a PNG whose header only
// claims to be, gets its size in the page but no copies.
const maxPixels = 100 << 20

// ImageCache keeps what SizeImage found, by the picture's bytes and the
// options, between builds of the dev server, so that a save of a page
// does not decode and scale every photo again. A nil *ImageCache caches
// nothing. It is safe for concurrent use.
type ImageCache struct{ keyedCache[Image] }

// NewImageCache returns an empty cache.
func NewImageCache() *ImageCache { return &ImageCache{newKeyedCache[Image]()} }

// Prune drops what was not used since the last Prune, so the cache holds
// one site's pictures.
func (c *ImageCache) Prune() {
	if c != nil {
		c.prune()
	}
}

func (c *ImageCache) get(k [32]byte) (Image, bool) {
	if c == nil {
		return Image{}, false
	}
	return c.keyedCache.get(k)
}

func (c *ImageCache) put(k [32]byte, im Image) {
	if c != nil {
		c.keyedCache.put(k, im)
	}
}

// SizeImage reads the picture name and, for a JPEG or PNG with
// opts.Resize, makes its smaller copies; ok is false when the file is not
// a picture whose size can be read. The copies are encoded afresh from
// pixels, so they carry no metadata but the original's colour profile
// (JPEG) and orientation, which is applied to their pixels. The same
// bytes and options always give the same copies.
func SizeImage(name string, data []byte, opts ImageOptions, cache *ImageCache) (Image, bool) {
	kind := imageKind(name)
	if kind == "" {
		return Image{}, false
	}
	key := imageKey(kind, data, opts)
	if im, ok := cache.get(key); ok {
		return im, true
	}
	im, ok := sizeImage(kind, data, opts)
	if ok {
		cache.put(key, im)
	}
	return im, ok
}

// imageKey is the cache key of a picture: not its name, so a renamed or
// copied picture is not scaled again.
func imageKey(kind string, data []byte, opts ImageOptions) [32]byte {
	return sha256.Sum256(fmt.Appendf(nil, "%s\x00%+v\x00%s", kind, opts, data))
}

// imageKind names the pictures SizeImage reads, by extension.
func imageKind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".jpe", ".jfif":
		return "jpeg"
	case ".png":
		return "png" // not .apng: a copy would show the first frame only
	case ".gif":
		return "gif"
	case ".webp":
		return "webp"
	case ".svg":
		return "svg"
	}
	return ""
}

// headerSize reads a picture's size as shown (a quarter-turned photo's
// swapped) from its header, without decoding its pixels; for a JPEG also
// its orientation and colour profile.
func headerSize(kind string, data []byte) (im Image, orient int, icc [][]byte, ok bool) {
	var cfg image.Config
	var err error
	switch kind {
	case "svg":
		w, h, ok := svgSize(data)
		return Image{Width: w, Height: h}, 1, nil, ok
	case "gif":
		cfg, err = gif.DecodeConfig(bytes.NewReader(data))
	case "webp":
		cfg, err = webp.DecodeConfig(bytes.NewReader(data))
	case "png":
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case "jpeg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return Image{}, 0, nil, false
	}
	orient = 1
	if kind == "jpeg" {
		orient, icc = jpegColourAndOrientation(data)
	}
	im = Image{Width: cfg.Width, Height: cfg.Height}
	if orient >= 5 {
		im.Width, im.Height = cfg.Height, cfg.Width // turned a quarter
	}
	return im, orient, icc, true
}

// copyable reports whether a picture of kind and size im gets copies
// with opts: a JPEG or PNG wider than a copy width, small enough to
// decode.
func copyable(kind string, im Image, opts ImageOptions) bool {
	return (kind == "jpeg" || kind == "png") && im.Width*im.Height <= maxPixels && len(copyWidths(opts, im.Width)) > 0
}

// MakesCopies reports whether the build makes smaller copies of the
// picture name with opts, reading its header only.
func MakesCopies(name string, data []byte, opts ImageOptions) bool {
	kind := imageKind(name)
	im, _, _, ok := headerSize(kind, data)
	return ok && copyable(kind, im, opts)
}

func sizeImage(kind string, data []byte, opts ImageOptions) (Image, bool) {
	im, orient, icc, ok := headerSize(kind, data)
	if !ok {
		return Image{}, false
	}
	if kind == "svg" || !copyable(kind, im, opts) {
		return im, true
	}
	widths := copyWidths(opts, im.Width)
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return im, true // the size is known; the copies cannot be made
	}
	im.Copies = makeCopies(src, kind, orient, icc, widths, im, opts, len(data))
	return im, true
}

// NeedsCopies reports whether SizeImage with opts makes copies of the
// picture name, whose size im says, or tries to.
func NeedsCopies(name string, im Image, opts ImageOptions) bool {
	k := imageKind(name)
	return (k == "jpeg" || k == "png") && len(copyWidths(opts, im.Width)) > 0
}

// copyWidths returns the widths of opts narrower than width, widest
// first, without repeats.
func copyWidths(opts ImageOptions, width int) []int {
	if !opts.Resize {
		return nil
	}
	var ws []int
	for _, w := range opts.Widths {
		if w > 0 && w < width {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	slices.Reverse(ws) // widest first, so each copy is scaled from the one before it
	return ws
}

// makeCopies scales src to each width (widest first) and encodes it. Each
// copy is scaled from the one before it, not from the original: with
// Catmull-Rom a step of at most about 2× loses nothing visible, and a
// 480-pixel copy of a 6000-pixel photo then costs a fraction of scaling
// the whole photo again. A copy that comes out no smaller in bytes than
// the original (a flat-colour PNG turns into a photo-like one when
// scaled) is left out: it would cost the reader more, not less.
func makeCopies(src image.Image, kind string, orient int, icc [][]byte, widths []int, im Image, opts ImageOptions, origSize int) []ImageCopy {
	quality := opts.Quality
	if quality <= 0 || quality > 100 {
		quality = 80
	}
	var copies []ImageCopy
	prev := src
	for _, w := range widths {
		h := max(1, (im.Height*w+im.Width/2)/im.Width)
		sw, sh := w, h // the size in the stored, unturned orientation
		if orient >= 5 {
			sw, sh = h, w
		}
		dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
		draw.CatmullRom.Scale(dst, dst.Bounds(), prev, prev.Bounds(), draw.Src, nil)
		prev = dst
		var buf bytes.Buffer
		shown := orientRGBA(dst, orient)
		switch kind {
		case "jpeg":
			if jpeg.Encode(&buf, shown, &jpeg.Options{Quality: quality}) != nil {
				continue
			}
			b := withICC(buf.Bytes(), icc)
			if len(b) < origSize {
				copies = append(copies, ImageCopy{Width: w, Data: b})
			}
		case "png":
			if png.Encode(&buf, shown) != nil {
				continue
			}
			if buf.Len() < origSize {
				copies = append(copies, ImageCopy{Width: w, Data: buf.Bytes()})
			}
		}
	}
	// narrowest first, as srcset lists them
	slices.Reverse(copies)
	return copies
}

// CopyName is the file name of the copy of name that is width pixels
// wide: "img/photo.jpg" -> "img/photo-480w.jpg".
func CopyName(name string, width int) string {
	ext := path.Ext(name)
	return fmt.Sprintf("%s-%dw%s", strings.TrimSuffix(name, ext), width, ext)
}
