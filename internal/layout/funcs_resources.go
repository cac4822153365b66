package layout

import (
	"bytes"
	"fmt"
	"strings"
	texttemplate "text/template"
)

// Hugo's global resources: a theme loads its stylesheet as
// {{ $css := resources.Get "css/main.css" | minify | fingerprint }} and
// links $css.RelPermalink. The files are the site's assets/ folder, read
// by package site (Assets); this is the namespace templates call, with
// Hugo's arguments (gohugoio/hugo tpl/resources/resources.go).
//
// minify and fingerprint give back the resource they are given: the
// build minifies every CSS and JS file it publishes and gives it a
// content hash in its name when the site is finished (package publish),
// and rewrites each link to it, so the file a page links is minified and
// fingerprinted all the same. What needs a tool from outside (Sass,
// PostCSS, Tailwind, esbuild, Babel) or the network (GetRemote) is left
// out, with a hint in nsLeftOut.

// Assets is the site's assets/ folder and the resources templates make
// (package site gives one a language). Each result is a resource, or nil
// when none is found.
type Assets interface {
	Get(name string) (any, error)
	GetMatch(pattern string) (any, error)
	Match(pattern string) (any, error)
	ByType(typ string) (any, error)
	Concat(target string, list any) (any, error)
	FromString(target, content string) (any, error)
	// Copy is the resource r published at target instead.
	Copy(target string, r any) (any, error)
}

// resourcesNS is Hugo's resources namespace.
type resourcesNS struct {
	e Env
	s *Set
	a Assets // e.Assets, or noAssets
}

func newResourcesNS(e Env, s *Set) resourcesNS {
	ns := resourcesNS{e: e, s: s, a: e.Assets}
	if ns.a == nil {
		ns.a = noAssets{}
	}
	return ns
}

// Get is the file of assets/ at name ("css/main.css"), or nil when there
// is none, as Hugo's.
func (ns resourcesNS) Get(name string) (any, error) { return ns.a.Get(name) }

// GetMatch is the first file of assets/ whose path matches the glob
// pattern ("css/*.css"), or nil.
func (ns resourcesNS) GetMatch(pattern string) (any, error) { return ns.a.GetMatch(pattern) }

// Match is the files of assets/ whose paths match the glob pattern, in
// the order of their paths.
func (ns resourcesNS) Match(pattern string) (any, error) { return ns.a.Match(pattern) }

// ByType is the files of assets/ of one type ("text", "image").
func (ns resourcesNS) ByType(typ string) (any, error) { return ns.a.ByType(typ) }

// Concat joins the resources of list, all of one media type, into one
// published at target.
func (ns resourcesNS) Concat(target string, list any) (any, error) { return ns.a.Concat(target, list) }

// FromString is a resource of the text content, published at target.
func (ns resourcesNS) FromString(target, content string) (any, error) {
	return ns.a.FromString(target, content)
}

// Copy is r published at target, as Hugo's resources.Copy.
func (ns resourcesNS) Copy(target string, r any) (any, error) { return ns.a.Copy(target, r) }

// ExecuteAsTemplate runs the text of r as a template, with ctx as its
// dot, and gives the result as a resource published at target. As Hugo's,
// it is a text template: a stylesheet or script is not HTML, and
// html/template would escape it.
func (ns resourcesNS) ExecuteAsTemplate(target string, ctx, r any) (any, error) {
	src, ok := r.(interface{ Content() string })
	if !ok {
		return nil, fmt.Errorf("resources.ExecuteAsTemplate takes a resource, from resources.Get, not %T", r)
	}
	name := target
	if n, ok := r.(interface{ Name() string }); ok {
		name = strings.TrimPrefix(n.Name(), "/")
	}
	t, err := texttemplate.New(name).Funcs(texttemplate.FuncMap(ns.e.funcMap(ns.s))).Parse(src.Content())
	if err != nil {
		return nil, fmt.Errorf("resources.ExecuteAsTemplate: assets/%s: %w", name, err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, ctx); err != nil {
		return nil, fmt.Errorf("resources.ExecuteAsTemplate: assets/%s: %w", name, err)
	}
	// Its .Name is target's; Hugo's keeps the name of the file it was
	// made from, which names no file the site has.
	return ns.a.FromString(target, out.String())
}

// Minify gives back r: the build minifies every CSS, JS, SVG, JSON and
// XML file it publishes (see minify).
func (resourcesNS) Minify(r any) (any, error) { return minify(r) }

// Fingerprint gives back r: the build names every CSS and JS file it
// publishes by its content's hash (see fingerprint).
func (resourcesNS) Fingerprint(args ...any) (any, error) { return fingerprint(args...) }

// resource is what minify and fingerprint take: a resource of the site,
// which has an address.
type resource interface{ RelPermalink() string }

// minify is Hugo's resources.Minify. It gives back r as it is: the build
// minifies CSS, JS, SVG, JSON and XML files when it finishes the site
// ([output] minify), whichever way they came, so a stylesheet is
// minified once, the same way, and its link keeps working.
func minify(r any) (any, error) {
	if _, ok := r.(resource); !ok {
		return nil, fmt.Errorf("minify takes a resource, as {{ resources.Get \"css/main.css\" | minify }}, not %T", r)
	}
	return r, nil
}

// fingerprint is Hugo's resources.Fingerprint ([ALGORITHM] RESOURCE). It
// gives back the resource as it is: the build names each CSS and JS file
// by the hash of its finished bytes ([output] fingerprint) and rewrites
// every link to it, so the address a page writes, .RelPermalink, becomes
// the fingerprinted one. Hugo's algorithms are taken and change nothing.
func fingerprint(args ...any) (any, error) {
	if len(args) == 0 || len(args) > 2 {
		return nil, fmt.Errorf("fingerprint takes a resource, and before it an algorithm if you like: {{ resources.Get \"css/main.css\" | fingerprint }}")
	}
	if len(args) == 2 {
		switch args[0] {
		case "sha256", "sha384", "sha512", "md5":
		default:
			return nil, fmt.Errorf("fingerprint: %v is not an algorithm Hugo has (sha256, sha384, sha512, md5)", args[0])
		}
	}
	r := args[len(args)-1]
	if _, ok := r.(resource); !ok {
		return nil, fmt.Errorf("fingerprint takes a resource, as {{ resources.Get \"css/main.css\" | fingerprint }}, not %T", r)
	}
	return r, nil
}

// noAssets is the assets of a template run without a site (a template
// tested alone): each call says so.
type noAssets struct{}

var errNoSite = fmt.Errorf("resources are the site's assets/ folder, and this template runs without a site")

func (noAssets) Get(string) (any, error)                { return nil, errNoSite }
func (noAssets) GetMatch(string) (any, error)           { return nil, errNoSite }
func (noAssets) Match(string) (any, error)              { return nil, errNoSite }
func (noAssets) ByType(string) (any, error)             { return nil, errNoSite }
func (noAssets) Concat(string, any) (any, error)        { return nil, errNoSite }
func (noAssets) FromString(string, string) (any, error) { return nil, errNoSite }
func (noAssets) Copy(string, any) (any, error)          { return nil, errNoSite }
