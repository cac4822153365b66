package publish

import (
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/output"
)

func TestSVGSafety(t *testing.T) {
	tests := []struct {
		name string
		svg  string
		line int    // of the first finding; 0 means the SVG is safe
		what string // part of the message
	}{
		{"clean", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><a href="/zhanaozen/"><circle r="4" opacity="1"/></a><text>on=</text></svg>`, 0, ""},
		{"clean with entities", `<svg xmlns="http://www.w3.org/2000/svg"><text>&copy; 2026 &amp; javascript</text></svg>`, 0, ""},
		{"script", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>", 2, "<script>"},
		{"namespaced script", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\">\n\n<s:script href=\"x.js\"/></svg>", 3, "<script>"},
		{"onload", "<svg xmlns=\"http://www.w3.org/2000/svg\"\n  onload=\"alert(1)\"></svg>", 1, "onload="},
		{"onclick upper", `<svg><rect ONCLICK="x()"/></svg>`, 1, "ONCLICK="},
		{"javascript href", "<svg>\n<a xlink:href=\"javascript:alert(1)\"><rect/></a></svg>", 2, "javascript:"},
		{"obfuscated javascript", `<svg><a href="  JaVa&#x09;Script:alert(1)"/></svg>`, 1, "javascript:"},
		{"entity javascript", `<svg><a href="&#106;avascript:alert(1)"/></svg>`, 1, "javascript:"},
		{"animate to javascript", `<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, 1, "javascript:"},
		{"foreignObject", "<svg>\n\n\n<foreignObject><div>hi</div></foreignObject></svg>", 4, "foreignObject"},
		{"malformed still caught", "<svg><g>\n<script>alert(1)</script><</svg>", 2, "<script>"},
		{"malformed handler", "<svg <rect\nonmouseover=alert(1)></svg>", 1, "event handler"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &output.Output{Files: map[string][]byte{"img/logo.svg": []byte(tt.svg)}}
			Process(out, Options{})
			if tt.line == 0 {
				if len(out.Problems) != 0 {
					t.Fatalf("safe SVG refused: %v", out.Problems)
				}
				return
			}
			if len(out.Problems) == 0 {
				t.Fatal("unsafe SVG accepted")
			}
			p := out.Problems[0]
			if p.File != "img/logo.svg" || p.Line != tt.line || !strings.Contains(p.Message, tt.what) || p.Hint != svgHint {
				t.Errorf("got %+v, want line %d and a message with %q", p, tt.line, tt.what)
			}
		})
	}
}
