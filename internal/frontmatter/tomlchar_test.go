package frontmatter

import "testing"

func TestTOMLChar(t *testing.T) {
	for _, tc := range []struct {
		msg, src  string
		line, col int
		want      string
	}{
		{"unexpected character U+00D0 'Ð' at start of value", "title = Привет\n", 1, 9, "unexpected character U+041F 'П' at start of value"},
		{"unexpected character U+00D0 'Ð' at start of value", "a = 1\nt = [\"Пр\", Мир]\n", 2, 14, "unexpected character U+041C 'М' at start of value"},
		{"unexpected character U+00D2 'Ò' at start of value", "k = Қазақ\n", 1, 5, "unexpected character U+049A 'Қ' at start of value"},
		{"expected newline", "title = Привет\n", 1, 9, "expected newline"},                          // nothing to rewrite
		{"unexpected character U+00D0 'Ð'", "title = x\n", 1, 9, "unexpected character U+00D0 'Ð'"}, // an ASCII byte there: left as it is
		{"unexpected character U+00D0 'Ð'", "x\n", 5, 1, "unexpected character U+00D0 'Ð'"},
	} {
		if got := TOMLChar(tc.msg, []byte(tc.src), tc.line, tc.col); got != tc.want {
			t.Errorf("TOMLChar(%q, %q, %d, %d) = %q; want %q", tc.msg, tc.src, tc.line, tc.col, got, tc.want)
		}
	}
}
