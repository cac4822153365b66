// Package publish turns a freshly rendered site into deployable output.
//
// Process runs at the end of every build, on the in-memory output.Output,
// and never touches disk or network. In order it:
//
//  1. strips privacy-leaking metadata (Exif, GPS, XMP, IPTC, comments,
//     text chunks) from JPEG, PNG, WebP and GIF files by rewriting their
//     container segments, never re-encoding, so pixels stay byte-identical;
//     Uncleaned names the picture formats it cannot clean (AVIF, HEIC,
//     TIFF…), for the build to warn about;
//  2. refuses SVG files that can run script (<script>, on* handlers,
//     javascript: URLs, <foreignObject>);
//  3. minifies CSS, JS, SVG, JSON and XML (Options.Minify);
//  4. renames CSS and JS files to content-hashed names, rewrites every
//     reference to them in tags and stylesheets, also those through the
//     site's absolute address (Options.BaseURL), which stay absolute, and
//     corrects the Subresource Integrity a layout wrote (Options.Fingerprint);
//  5. minifies HTML last, after its references were rewritten;
//  6. writes the deploy files _headers and .nojekyll.
//
// Mistakes are appended to Output.Problems, naming the file; nothing panics
// on bad input. The same input always gives the same bytes.
//
// Manifest and Zip are separate because they must run after everything
// else has been added to the site (the CLI calls them last).
//
// SizeImage and RewriteImgs run before Process, on the whole site (the
// build calls them; images.go): SizeImage reads a picture's size and
// makes smaller JPEG and PNG copies of it, encoded afresh from pixels so
// no metadata can come along; RewriteImgs gives each <img> width, height,
// decoding, loading, srcset and sizes. The copies are then cleaned,
// relinked and zipped like every other file.
//
// Internal references in the HTML Process receives are root-relative
// ("/css/site.css") or, from Hugo themes, absolute under the site's address;
// package relink makes them page-relative later (the absolute ones only
// where the browser fetches them with the page).
package publish
