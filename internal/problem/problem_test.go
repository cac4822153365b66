package problem

import "testing"

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
