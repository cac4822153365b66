package relink

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tokenizerTokens lists the tokens of x/net/html's tokenizer as "kind start end" lines, with
// " start" added where scanner.startTag must be true.
func tokenizerTokens(b []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out []string
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		n := len(z.Raw())
		kind := map[html.TokenType]tokenKind{
			html.TextToken: tokText, html.StartTagToken: tokTag, html.SelfClosingTagToken: tokTag,
			html.EndTagToken: tokEndTag, html.CommentToken: tokComment, html.DoctypeToken: tokComment,
		}[tt]
		line := fmt.Sprint(kind, " ", pos, " ", pos+n)
		if tt == html.StartTagToken {
			name, _ := z.TagName()
			if rawTextTag(name) != "" || bytes.EqualFold(name, []byte("style")) || bytes.EqualFold(name, []byte("noscript")) {
				line += " start"
			}
		}
		out = append(out, line)
		pos += n
	}
}

func scannerTokens(b []byte) []string {
	s := scanner{b: b}
	var out []string
	for {
		kind, start, end := s.next()
		if kind == tokError {
			return out
		}
		line := fmt.Sprint(kind, " ", start, " ", end)
		if kind == tokTag && s.startTag {
			if _, nameEnd, ok := tagEnd(b, start+1); ok {
				name := bytes.ToLower(b[start+1 : nameEnd])
				if rawTextTag(name) != "" || bytes.EqualFold(name, []byte("style")) || bytes.EqualFold(name, []byte("noscript")) {
					line += " start"
				}
			}
		}
		out = append(out, line)
	}
}

func checkSameTokens(t *testing.T, in []byte) {
	t.Helper()
	want, got := tokenizerTokens(in), scannerTokens(in)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Fatalf("input %q:\nscanner   %q\ntokenizer %q", in, got, want)
	}
}

// scanPieces are the fragments random inputs are made of: the characters and words that move
// the tokenizer from one state to another.
var scanPieces = []string{
	"<", ">", "/", "!", "?", "-", "=", "\"", "'", " ", "\n", "\t", "\f", "\r", "a", "x", "é", "ſ", "&",
	"<a", "</", "<!", "<!--", "-->", "--!>", "--!", "<!-->", "<!--->", "<?", "</>", "<!DOCTYPE html>", "<!doc",
	"<style>", "</style>", "</STYLE ", "<Style", "<title>", "</title>", "<textarea>", "</textarea>",
	"<noscript>", "</noscript>", "<script>", "</script>", "<!--<script>", "<plaintext>", "<xmp>", "</xmp>",
	"<iframe>", "</iframe", "<noembed>", "<noframes>", "<ſtyle/>", "<noſcript/>", "<style/>", "<br/>",
	"<a href=/x/>", "<p a=/>", `<a href="/x">`, "<a b='>'>", "<a =x>", "<a/b>", "<a b = c>", "</a b='>'>",
	"<img src=x srcset=\"/a 1x\">", "<div>", "</div>", "text ", "<1", "< a",
}

func TestScannerMatchesTokenizer(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(scanPieces[rng.IntN(len(scanPieces))])
		}
		checkSameTokens(t, []byte(b.String()))
	}
	// Real pages: the relink test data and the pages of the site golden files.
	files, _ := filepath.Glob("testdata/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			checkSameTokens(t, b)
		}
	}
	goldens, _ := filepath.Glob("../site/testdata/*.golden.txtar")
	pages := 0
	for _, f := range goldens {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, part := range strings.Split(string(b), "\n-- ")[1:] {
			name, body, _ := strings.Cut(part, " --\n")
			if strings.HasSuffix(name, ".html") {
				checkSameTokens(t, []byte(body))
				pages++
			}
		}
	}
	if len(goldens) > 0 && pages == 0 {
		t.Error("no pages found in the site golden files")
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range scanPieces {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { checkSameTokens(t, []byte(in)) })
}
