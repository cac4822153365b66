// Package sitecheck holds the campaign site's own checks, run by `make test`.
// It has no code outside its tests.
//
// The tests build the site at the root of this repository (content/,
// layouts/, static/, data/, i18n/, site.toml) in memory, as `samizdat build`
// does, and then:
//
//   - TestSiteCheck runs package check over the output and fails on any
//     problem: a broken link or anchor, a request to another site, a page
//     over the budget of site.toml, an image without alt, a skipped heading.
//   - TestNuHTML writes the output to a temporary folder and runs the Nu HTML
//     Checker (vnu.jar, with Java) over every .html file in one run; any error
//     fails the test, listed with its file, line, column and the markup.
//   - TestAxe serves the output on 127.0.0.1 and opens every page in headless
//     Chromium, once with prefers-color-scheme: light and once with dark. In
//     each it runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and
//     fails on any violation. It also fails when the page requests anything
//     from a host other than 127.0.0.1, when a request fails, and when the
//     page logs an error (a Content-Security-Policy refusal, a script
//     exception). TestAxeSearchResults does the same for the search page
//     with results shown.
//   - TestReflow opens every page at 360 px with text at 100, 150 and 200%,
//     with and without WCAG 1.4.12 text spacing, and fails on anything
//     wider than the screen (sideways scrolling on a phone).
//   - TestOtherLanguagesMarked fails on English runs in Russian or Kazakh
//     text (or Cyrillic in English) without lang, and on links of the
//     layouts to a page in another language without hreflang.
//   - TestTopicsTranslated fails where a topic page's language switcher
//     says "not yet translated" for a language its pages are translated
//     into, and where a topic's switcher and hreflang alternates differ.
//   - TestSearchFromDisk opens the portable build from file:// and searches
//     in each language; TestDataMistakesAreNamed breaks data/ files and
//     checks that the build names the file and the entry.
//   - TestScreenshots, only with -screenshots=DIR, writes full-page PNGs of
//     every page at 390 and 1280 px wide, light and dark, for review:
//     `make screenshots` writes them to screenshots/.
//
// The checkers come from npm, installed outside Go into tools/node_modules
// by `npm ci --prefix tools` (tools/package.json pins the versions). The
// tests look for vnu.jar at $VNU_JAR or tools/node_modules/vnu-jar/build/dist/,
// for axe.min.js at $AXE_JS or tools/node_modules/axe-core/, for java and
// chromium on $PATH. When one is missing a test skips on a laptop and fails
// when CI=true, where .ci/run installs them all.
package sitecheck
