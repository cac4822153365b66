// Package search makes the site search that works with no server and no
// network: from any mirror, under any sub-path, and from an offline copy
// opened from the disk (file://), where fetch, ES modules and WebAssembly
// are refused and so Pagefind-style indexes do not load.
//
// For each language the build writes one index, IndexFile, at the
// language's root ("search-index.js", "ru/search-index.js"): a classic
// script that assigns the Index, as JSON, to the global Global. A layout
// loads it with <script src>, which browsers run from file:// too, and
// then the script ScriptFile, which the build writes once at the site's
// root. Both are plain files of the site, so the build fingerprints them
// and adds Subresource Integrity like any other script, and the page's
// weight counts them.
//
// The script is samizdat's, embedded here, not a file each site keeps in
// static/: the index's shape and the script that reads it change together
// with samizdat, so a site never holds a copy that reads an older index;
// the folding of letters (case, diacritics, ё as е, Kazakh letters as the
// Russian ones readers type without a Kazakh keyboard) is written and
// tested once; and a site's layouts only supply the markup and the words,
// which are theirs: docs/templates.md, "Search", gives the markup the
// script looks for. A site that wants another behaviour writes its own
// script against Global and loads that instead.
//
// The script needs no eval and no inline code, so it runs under
// script-src 'self'. It builds the results with DOM calls only, never
// from HTML strings, so a title cannot inject markup.
//
// Each entry holds a page's title, its address relative to the index
// file's folder, its description and the beginning of its text (Text, at
// most MaxText characters): enough to find a page by what it is about,
// while the index of a small campaign site stays a few tens of kilobytes.
// Index.Script escapes <, > and & as JSON does, so no text can end the
// script, in a file or inlined.
package search
