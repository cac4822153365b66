// Package relink turns the root-relative URLs of a built site into page-relative ones, so that the
// same output works at a domain root, under any sub-path, on IPFS, on an onion service and, with
// Options.Portable, from file:// and object-storage REST endpoints.
package relink

import _ "golang.org/x/net/html" // the HTML tokenizer, wired in next

// Options controls Rewrite.
type Options struct {
	// Portable also writes an explicit index.html in links to folders, so the site works from
	// file:// and from object-storage REST endpoints, which serve no index documents.
	Portable bool
}

// Rewrite makes root-relative URLs in the HTML and CSS files of a built site page-relative. It is
// not implemented yet.
func Rewrite(files map[string][]byte, opts Options) {}
