package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
)

// Hugo's image processing (.Resize, .Fill, .Fit, .Crop, .Process of a
// picture), as Hugo's resources/images/config.go reads its spec and
// image.go applies it (with github.com/disintegration/gift), on the
// decoding, orienting and encoding the smaller copies use. The result is
// encoded afresh from pixels, so it carries no metadata: only a JPEG's
// colour profile, when it stays a JPEG.

// maxProcessedSide is the widest and tallest picture processing makes: a
// spec that asks for more is a mistake (an extra 0), not a picture a
// page can show.
const maxProcessedSide = 10000

// ProcessSpec is one processing of a picture, read from Hugo's spec.
type ProcessSpec struct {
	Action        string // "resize", "fit", "fill", "crop"; "" turns or converts only
	Width, Height int    // 0: from the other side (resize)
	Anchor        string // what Fill and Crop keep: "center", "topleft", … "bottomright"
	Filter        string // the resampling filter: "box" (Hugo's default), "lanczos", …
	Quality       int    // JPEG quality, 1–100; 0: Hugo's 75
	Rotate        int    // degrees counter-clockwise, applied first: 0, 90, 180 or 270
	Format        string // "jpeg", "png", "gif"; "": the picture's own
	Background    string // "rrggbb" to lay the picture on; "": white, and only for a JPEG of a transparent one
}

// Hugo's defaults (resources/images/config.go): quality 75, the box
// filter, and the smart anchor, which samizdat takes as the centre.
const (
	defaultProcessQuality = 75
	defaultProcessFilter  = "box"
	defaultAnchor         = "center"
)

// anchors are Hugo's anchor words; "smart" (Hugo's default, which looks
// for the most interesting part with github.com/muesli/smartcrop) is the
// centre here.
var anchors = map[string]string{
	"center": "center", "topleft": "topleft", "top": "top", "topright": "topright", "left": "left",
	"right": "right", "bottomleft": "bottomleft", "bottom": "bottom", "bottomright": "bottomright", "smart": "center",
}

// webpWords are Hugo's encoding hints for WebP, which samizdat does not
// write: read and let be.
var webpWords = map[string]bool{"picture": true, "photo": true, "drawing": true, "icon": true, "text": true, "lossy": true, "lossless": true}

// processFormats are the formats a spec may convert to, by Hugo's
// extension words.
var processFormats = map[string]string{"jpg": "jpeg", "jpeg": "jpeg", "jpe": "jpeg", "jif": "jpeg", "jfif": "jpeg", "png": "png", "gif": "gif"}

// SpecError is a spec or picture that processing refuses, with what to
// do about it.
type SpecError struct{ Msg, Hint string }

func (e *SpecError) Error() string { return e.Msg }

// specHint is what a spec may hold.
const specHint = `write a size and, as you need, an anchor, a filter, a quality, a turn, a format and a background, ` +
	`separated by spaces, as in Hugo: "600x" (600 wide), "x400" (400 high), "1200x630 TopLeft", "800x800 Lanczos q85", "r90", "png", "jpg #ffffff"`

// ParseProcessSpec reads spec for action ("resize", "fit", "fill",
// "crop", or "" for .Process, whose spec may start with the action) as
// Hugo's DecodeImageConfig does; words are taken in any letter case.
// Unlike Hugo's, a word it does not know is a mistake, not passed over.
func ParseProcessSpec(action, spec string) (ProcessSpec, error) {
	s := ProcessSpec{Action: action}
	words := strings.Fields(strings.ToLower(spec))
	if action == "" && len(words) > 0 && (words[0] == "resize" || words[0] == "fit" || words[0] == "fill" || words[0] == "crop") {
		s.Action, words = words[0], words[1:]
	}
	for _, w := range words {
		if err := s.readWord(w); err != nil {
			return s, &SpecError{fmt.Sprintf("the spec %q: %v", spec, err), specHint}
		}
	}
	if err := s.check(); err != nil {
		return s, &SpecError{fmt.Sprintf("the spec %q: %v", spec, err), specHint}
	}
	if s.Action != "" && s.Filter == "" {
		s.Filter = defaultProcessFilter
	}
	if (s.Action == "fill" || s.Action == "crop") && s.Anchor == "" {
		s.Anchor = defaultAnchor
	}
	return s, nil
}

// readWord reads one word of a spec into s.
func (s *ProcessSpec) readWord(w string) error {
	switch {
	case anchors[w] != "":
		s.Anchor = anchors[w]
	case filters[w] != nil:
		s.Filter = w
	case webpWords[w]:
	case processFormats[w] != "":
		s.Format = processFormats[w]
	case w == "webp" || w == "avif" || w == "tif" || w == "tiff" || w == "bmp":
		return fmt.Errorf("samizdat cannot write %s pictures (Go has no %s encoder the build can use): write jpg or png", strings.ToUpper(w), strings.ToUpper(w))
	case w[0] == '#':
		return s.readBackground(w[1:])
	case w[0] == 'q' && isDigits(w[1:]):
		q, _ := strconv.Atoi(w[1:])
		if q < 1 || q > 100 {
			return fmt.Errorf("the quality %s is not from q1 to q100", w)
		}
		s.Quality = q
	case w[0] == 'r' && (isDigits(w[1:]) || strings.HasPrefix(w, "r-") && isDigits(w[2:])):
		r, _ := strconv.Atoi(w[1:])
		if r%90 != 0 {
			return fmt.Errorf("%s turns by %d degrees: samizdat turns by quarter turns only (r90, r180, r270)", w, r)
		}
		s.Rotate = (r%360 + 360) % 360
	case strings.Contains(w, "x"):
		return s.readSize(w)
	default:
		return fmt.Errorf("%q is not a size, anchor, filter, quality (q80), turn (r90), format (jpg, png) or background (#ffffff)", w)
	}
	return nil
}

// readSize reads WIDTHxHEIGHT, either side left out.
func (s *ProcessSpec) readSize(w string) error {
	ws, hs, _ := strings.Cut(w, "x")
	if strings.Contains(hs, "x") || ws != "" && !isDigits(ws) || hs != "" && !isDigits(hs) {
		return fmt.Errorf("%q is not a size in pixels: write WIDTHxHEIGHT, 600x400, or one side, 600x or x400", w)
	}
	s.Width, _ = strconv.Atoi(cmpOr(ws, "0"))
	s.Height, _ = strconv.Atoi(cmpOr(hs, "0"))
	return nil
}

// readBackground reads a colour of 3 or 6 hex digits, as Hugo's
// hexStringToColorGo.
func (s *ProcessSpec) readBackground(hexs string) error {
	if len(hexs) == 3 {
		hexs = string([]byte{hexs[0], hexs[0], hexs[1], hexs[1], hexs[2], hexs[2]})
	}
	if _, err := hex.DecodeString(hexs); err != nil || len(hexs) != 6 {
		return fmt.Errorf("#%s is not a colour: write it as #fff or #ffffff", hexs)
	}
	s.Background = hexs
	return nil
}

// check refuses a spec whose size does not fit its action, as Hugo's,
// and a size past maxProcessedSide.
func (s ProcessSpec) check() error {
	switch s.Action {
	case "fit", "fill", "crop":
		if s.Width == 0 || s.Height == 0 {
			return fmt.Errorf("%s needs a width and a height, as 800x600", s.Action)
		}
	case "resize":
		if s.Width == 0 && s.Height == 0 {
			return errors.New("resize needs a width or a height, as 600x or x400")
		}
	default:
		if s.Width != 0 || s.Height != 0 {
			return errors.New("a size needs an action first, as \"resize 600x\" or \"fill 600x400\"")
		}
	}
	if s.Width > maxProcessedSide || s.Height > maxProcessedSide {
		return fmt.Errorf("%dx%d is more than %d pixels a side, more than any screen shows", s.Width, s.Height, maxProcessedSide)
	}
	return nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// Words is the spec in the words of a processed file's name, in a fixed
// order: "fill_1200x630_center", with the quality, turn, format and
// background when given.
func (s ProcessSpec) Words() string {
	var ws []string
	if s.Action != "" {
		ws = append(ws, s.Action, fmt.Sprintf("%dx%d", s.Width, s.Height))
	}
	if s.Anchor != "" {
		ws = append(ws, s.Anchor)
	}
	if s.Filter != "" && s.Filter != defaultProcessFilter {
		ws = append(ws, s.Filter)
	}
	if s.Quality != 0 {
		ws = append(ws, fmt.Sprintf("q%d", s.Quality))
	}
	if s.Rotate != 0 {
		ws = append(ws, fmt.Sprintf("r%d", s.Rotate))
	}
	if s.Background != "" {
		ws = append(ws, "bg"+s.Background)
	}
	if s.Format != "" {
		ws = append(ws, s.Format)
	}
	return strings.Join(ws, "_")
}

// Processed is a processed picture.
type Processed struct {
	Data          []byte
	Width, Height int
	Format        string // "jpeg", "png", "gif"
}

// Ext is the file extension of the processed picture's format.
func (p Processed) Ext() string {
	if p.Format == "jpeg" {
		return ".jpg"
	}
	return "." + p.Format
}

// ProcessCache keeps processed pictures, by the source's bytes and the
// spec, between builds of the dev server, as ImageCache keeps copies. A
// nil *ProcessCache caches nothing. It is safe for concurrent use.
type ProcessCache struct{ keyedCache[Processed] }

// NewProcessCache returns an empty cache.
func NewProcessCache() *ProcessCache { return &ProcessCache{newKeyedCache[Processed]()} }

// Prune drops what was not used since the last Prune.
func (c *ProcessCache) Prune() {
	if c != nil {
		c.prune()
	}
}

// Keep marks key used, so Prune keeps it: a processed picture the build
// wrote without processing it again (the dev server's last build had it).
func (c *ProcessCache) Keep(k [32]byte) {
	if c != nil {
		c.get(k)
	}
}

func (c *ProcessCache) get(k [32]byte) (Processed, bool) {
	if c == nil {
		return Processed{}, false
	}
	return c.keyedCache.get(k)
}

func (c *ProcessCache) put(k [32]byte, p Processed) {
	if c != nil {
		c.keyedCache.put(k, p)
	}
}

// ProcessKey is what a processing is known by: the SHA-256 of the
// source's bytes and the spec. The same key always gives the same bytes.
func ProcessKey(dataSum [32]byte, spec ProcessSpec) [32]byte {
	return sha256.Sum256(fmt.Appendf(nil, "process 1\x00%x\x00%+v", dataSum, spec))
}

// ProcessImage processes the picture data (JPEG, PNG, GIF or WebP, by
// its bytes), whose ProcessKey with spec is key, as spec says: turned as
// its Exif orientation says, then as spec turns it, then scaled or cut,
// laid on the background, and encoded afresh. An error is a *SpecError.
func ProcessImage(data []byte, key [32]byte, spec ProcessSpec, cache *ProcessCache) (Processed, error) {
	if p, ok := cache.get(key); ok {
		return p, nil
	}
	p, err := processImage(data, spec)
	if err == nil {
		cache.put(key, p)
	}
	return p, err
}

func processImage(data []byte, spec ProcessSpec) (Processed, error) {
	src, format, orient, icc, err := decodeForProcessing(data, spec)
	if err != nil {
		return Processed{}, err
	}
	m := orientRGBA(src, orient)
	m = orientRGBA(m, turnOrientation[spec.Rotate])
	m = applyAction(m, spec)
	target := cmpOr(spec.Format, format)
	if bg, ok := background(spec, format, target); ok {
		m = onBackground(m, bg)
	}
	out, err := encodeProcessed(m, target, spec.Quality, icc, format)
	if err != nil {
		return Processed{}, &SpecError{"the processed picture cannot be encoded: " + err.Error(), "export the picture again and save it as JPEG or PNG"}
	}
	return Processed{Data: out, Width: m.Rect.Dx(), Height: m.Rect.Dy(), Format: target}, nil
}

// decodeForProcessing decodes a picture to RGBA pixels as stored, after
// checking that the result will not be too big; for a JPEG it also
// gives its orientation and colour profile.
func decodeForProcessing(data []byte, spec ProcessSpec) (m *image.RGBA, format string, orient int, icc [][]byte, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", 0, nil, &SpecError{"the picture cannot be read", "save it as JPEG, PNG, GIF or WebP; if it is one, it may be damaged: export it again"}
	}
	if cfg.Width*cfg.Height > maxPixels {
		return nil, "", 0, nil, &SpecError{fmt.Sprintf("the picture is %dx%d, too big to process", cfg.Width, cfg.Height),
			"export it smaller, at most 10 000 pixels a side"}
	}
	switch target := cmpOr(spec.Format, format); {
	case format != "jpeg" && format != "png" && format != "gif" && format != "webp":
		return nil, "", 0, nil, &SpecError{"samizdat processes JPEG, PNG, GIF and WebP pictures, not " + strings.ToUpper(format), "save it as JPEG or PNG"}
	case target == "webp":
		return nil, "", 0, nil, &SpecError{"samizdat cannot write WebP pictures (Go has no WebP encoder the build can use), and a processed picture keeps its format unless the spec names another",
			`convert it: add jpg or png to the spec, as "600x jpg"`}
	}
	orient = 1
	if format == "jpeg" {
		orient, icc = jpegColourAndOrientation(data)
	}
	w, h := cfg.Width, cfg.Height
	if orient >= 5 {
		w, h = h, w
	}
	if rw, rh := spec.size(w, h); rw > maxProcessedSide || rh > maxProcessedSide {
		return nil, "", 0, nil, &SpecError{fmt.Sprintf("the result would be %dx%d, more than %d pixels a side", rw, rh, maxProcessedSide),
			"ask for a smaller size"}
	}
	if format == "gif" {
		if all, err := gif.DecodeAll(bytes.NewReader(data)); err == nil && len(all.Image) > 1 {
			return nil, "", 0, nil, &SpecError{"the picture is an animated GIF, which samizdat does not process (the result would keep its first frame only)",
				"show the GIF as it is: {{ .RelPermalink }}; or make it a video"}
		}
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", 0, nil, &SpecError{"the picture cannot be decoded: " + err.Error(), "it may be damaged: export it again"}
	}
	m = image.NewRGBA(image.Rect(0, 0, src.Bounds().Dx(), src.Bounds().Dy()))
	draw.Draw(m, m.Rect, src, src.Bounds().Min, draw.Src)
	return m, format, orient, icc, nil
}

// turnOrientation is the Exif orientation that turns a picture
// counter-clockwise by the degrees, as Hugo's rN does.
var turnOrientation = map[int]int{0: 1, 90: 8, 180: 3, 270: 6}

// size is the size of the result of spec on a picture of w×h pixels as
// shown, as Hugo's gift filters size it: Resize gives the sides asked,
// one from the other when left out; Fit scales down to fit the box,
// never up; Fill scales to cover it and cuts the rest; Crop cuts without
// scaling.
func (s ProcessSpec) size(w, h int) (int, int) {
	if s.Rotate == 90 || s.Rotate == 270 {
		w, h = h, w
	}
	switch s.Action {
	case "resize":
		return resizeSize(w, h, s.Width, s.Height)
	case "fit":
		return fitSize(w, h, s.Width, s.Height)
	case "fill":
		return s.Width, s.Height
	case "crop":
		return min(w, s.Width), min(h, s.Height)
	}
	return w, h
}

// resizeSize is gift.Resize's size: a side left out keeps the
// proportions, rounded, at least 1.
func resizeSize(w, h, tw, th int) (int, int) {
	switch {
	case tw == 0:
		tw = max(1, (2*w*th+h)/(2*h))
	case th == 0:
		th = max(1, (2*h*tw+w)/(2*w))
	}
	return tw, th
}

// fitSize is gift.ResizeToFit's size.
func fitSize(w, h, tw, th int) (int, int) {
	if w <= tw && h <= th {
		return w, h
	}
	if w*th > h*tw { // wider than the box
		return tw, min(th, max(1, (2*h*tw+w)/(2*w)))
	}
	return min(tw, max(1, (2*w*th+h)/(2*h))), th
}

// applyAction scales or cuts m as spec's action says.
func applyAction(m *image.RGBA, s ProcessSpec) *image.RGBA {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	switch s.Action {
	case "resize", "fit":
		tw, th := s.withoutTurn().size(w, h) // m is turned already
		if tw == w && th == h {
			return m
		}
		return scale(m, tw, th, s.Filter)
	case "fill":
		// gift.ResizeToFill: scale to cover the box, then cut at the anchor.
		tw, th := s.Width, s.Height
		cw, ch := tw, max(th, (2*h*tw+w)/(2*w))
		if w*th > h*tw {
			cw, ch = max(tw, (2*w*th+h)/(2*h)), th
		}
		return cut(scale(m, cw, ch, s.Filter), tw, th, s.Anchor)
	case "crop":
		return cut(m, s.Width, s.Height, s.Anchor)
	}
	return m
}

func (s ProcessSpec) withoutTurn() ProcessSpec { s.Rotate = 0; return s }

// scale scales m to w×h with the filter.
func scale(m *image.RGBA, w, h int, filter string) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	filters[filter].Scale(dst, dst.Rect, m, m.Rect, draw.Src, nil)
	return dst
}

// cut keeps w×h of m at the anchor (gift.CropToSize): all of a side
// shorter than asked.
func cut(m *image.RGBA, w, h int, anchor string) *image.RGBA {
	b := m.Rect
	w, h = min(w, b.Dx()), min(h, b.Dy())
	x, y := b.Min.X+(b.Dx()-w)/2, b.Min.Y+(b.Dy()-h)/2
	if strings.Contains(anchor, "left") {
		x = b.Min.X
	}
	if strings.Contains(anchor, "right") {
		x = b.Max.X - w
	}
	if strings.HasPrefix(anchor, "top") {
		y = b.Min.Y
	}
	if strings.HasPrefix(anchor, "bottom") {
		y = b.Max.Y - h
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(out, out.Rect, m, image.Pt(x, y), draw.Src)
	return out
}

// background is the colour to lay the picture on: the spec's, as Hugo
// lays it under any picture; else white when a picture that can be
// transparent becomes a JPEG, which cannot.
func background(s ProcessSpec, from, to string) (color.RGBA, bool) {
	hexs := s.Background
	if hexs == "" {
		if to != "jpeg" || from == "jpeg" {
			return color.RGBA{}, false
		}
		hexs = "ffffff"
	}
	b, _ := hex.DecodeString(hexs)
	return color.RGBA{b[0], b[1], b[2], 255}, true
}

func onBackground(m *image.RGBA, bg color.RGBA) *image.RGBA {
	out := image.NewRGBA(m.Rect)
	draw.Draw(out, out.Rect, image.NewUniform(bg), image.Point{}, draw.Src)
	draw.Draw(out, out.Rect, m, m.Rect.Min, draw.Over)
	return out
}

// encodeProcessed encodes m; a JPEG made from a JPEG keeps its colour
// profile, as the smaller copies do.
func encodeProcessed(m *image.RGBA, format string, quality int, icc [][]byte, from string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: cmpInt(quality, defaultProcessQuality)})
		if err == nil && from == "jpeg" {
			return withICC(buf.Bytes(), icc), nil
		}
	case "png":
		err = png.Encode(&buf, m)
	case "gif":
		err = gif.Encode(&buf, m, nil)
	default:
		err = fmt.Errorf("no encoder for %s", format)
	}
	return buf.Bytes(), err
}

func cmpInt(v, or int) int {
	if v == 0 {
		return or
	}
	return v
}

// filters are Hugo's resampling filters (gift's, and those Hugo adds in
// resources/images/filters.go), as golang.org/x/image/draw kernels:
// draw has nearest neighbour, linear and Catmull-Rom; the rest are the
// same functions written as its Kernel.
var filters = map[string]draw.Scaler{
	"nearestneighbor":   draw.NearestNeighbor,
	"box":               &draw.Kernel{Support: 0.5, At: func(float64) float64 { return 1 }},
	"linear":            draw.BiLinear,
	"hermite":           &draw.Kernel{Support: 1, At: func(t float64) float64 { return bcSpline(t, 0, 0) }},
	"mitchellnetravali": &draw.Kernel{Support: 2, At: func(t float64) float64 { return bcSpline(t, 1.0/3, 1.0/3) }},
	"catmullrom":        draw.CatmullRom,
	"bspline":           &draw.Kernel{Support: 2, At: func(t float64) float64 { return bcSpline(t, 1, 0) }},
	"gaussian":          &draw.Kernel{Support: 2, At: func(t float64) float64 { return math.Exp(-2 * t * t) }},
	"lanczos":           windowedSinc(func(t float64) float64 { return sinc(t / 3) }),
	"hann":              windowedSinc(func(t float64) float64 { return 0.5 + 0.5*math.Cos(math.Pi*t/3) }),
	"hamming":           windowedSinc(func(t float64) float64 { return 0.54 + 0.46*math.Cos(math.Pi*t/3) }),
	"blackman": windowedSinc(func(t float64) float64 {
		return 0.42 - 0.5*math.Cos(math.Pi*t/3+math.Pi) + 0.08*math.Cos(2*math.Pi*t/3)
	}),
	"bartlett": windowedSinc(func(t float64) float64 { return (3 - t) / 3 }),
	"welch":    windowedSinc(func(t float64) float64 { return 1 - t*t/9 }),
	"cosine":   windowedSinc(func(t float64) float64 { return math.Cos(math.Pi * t / 6) }),
}

// bcSpline is the Mitchell–Netravali family of cubics with B and C.
func bcSpline(x, b, c float64) float64 {
	if x < 1 {
		return ((12-9*b-6*c)*x*x*x + (-18+12*b+6*c)*x*x + (6 - 2*b)) / 6
	}
	if x < 2 {
		return ((-b-6*c)*x*x*x + (6*b+30*c)*x*x + (-12*b-48*c)*x + (8*b + 24*c)) / 6
	}
	return 0
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// windowedSinc is a sinc of support 3 under window.
func windowedSinc(window func(float64) float64) *draw.Kernel {
	return &draw.Kernel{Support: 3, At: func(t float64) float64 { return sinc(t) * window(t) }}
}
