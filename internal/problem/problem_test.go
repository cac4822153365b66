package problem

import (
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	known := []string{"title", "date", "draft", "description", "weight"}
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"titel", "title", true}, // neighbours swapped
		{"Titl", "title", true},  // case and one letter
		{"dsecription", "description", true},
		{"dat", "date", true},
		{"colour", "", false}, // nothing near
		{"wieght", "weight", true},
	}
	for _, tt := range tests {
		got, ok := Nearest(tt.word, known)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("Nearest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPositionAndSort(t *testing.T) {
	ps := []Problem{
		{File: "content/b.md", Line: 2, Message: "x"},
		{File: "content/a.md", Line: 10, Col: 3, Message: "y", Hint: "do this"},
		{File: "content/a.md", Line: 2, Message: "z"},
		{Message: "site-wide"},
	}
	Sort(ps)
	got := []string{ps[0].Position(), ps[1].Position(), ps[2].Position(), ps[3].Position()}
	want := []string{"site", "content/a.md:2", "content/a.md:10:3", "content/b.md:2"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("position %d = %q; want %q", i, got[i], want[i])
		}
	}
	if s := ps[2].String(); s != "content/a.md:10:3: y\n    do this" {
		t.Errorf("String() = %q", s)
	}
	if s := ps[2].Warning(); s != "content/a.md:10:3: warning: y\n    do this" {
		t.Errorf("Warning() = %q", s)
	}
}

// TestOnce: one problem for a mistake in many files, at its first file in
// Sort's order (not the order given), every occurrence in that file kept;
// other mistakes, and problems without a key, as they were.
func TestOnce(t *testing.T) {
	ps := []Problem{
		{File: "news/index.html", Line: 1, Message: "no news/page/2/"},
		{File: "about/index.html", Line: 1, Message: "no news/page/2/"},
		{File: "about/index.html", Line: 9, Message: "no news/page/2/"}, // the footer too
		{File: "index.html", Line: 1, Message: "no /about"},
		{File: "index.html", Line: 4, Message: "no alt"},
		{File: "news/index.html", Line: 4, Message: "no alt"},
		{File: "news/a/index.html", Line: 1, Message: "no news/page/2/"},
		{File: "news/a/index.html", Line: 2, Message: "no /about"},
	}
	key := func(i int) string {
		if ps[i].Message == "no alt" {
			return ""
		}
		return ps[i].Message
	}
	var got []string
	for _, p := range Once(ps, key) {
		got = append(got, p.Position()+": "+p.Message)
	}
	want := []string{
		"about/index.html:1: no news/page/2/ (and in 2 other files)",
		"about/index.html:9: no news/page/2/ (and in 2 other files)",
		"index.html:1: no /about (and in 1 other file)",
		"index.html:4: no alt",
		"news/index.html:4: no alt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Once gave\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if ps[0].Message != "no news/page/2/" {
		t.Errorf("Once changed its argument: %q", ps[0].Message)
	}
}
