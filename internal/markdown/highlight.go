package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dlclark/regexp2/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// chroma gives every lexer rule a 250 ms match timeout, counted by
// regexp2's background clock, which ticks every 100 ms. When that clock's
// goroutine is starved (two cores, the race detector, a loaded CI
// machine), it jumps forward and a match that has barely started times
// out; chroma takes a timeout for "no match" and tries the next rule, so
// ":=" came out as an operator in one build and as punctuation in the
// next, and two builds of one site differed (TestConcurrentConvert caught
// it). With a 5 s tick a spurious timeout needs a 5 s stall, while a
// runaway match still stops within seconds; code blocks are capped at
// MaxCodeBytes and only lexers we exercise are used (highlighted). The
// period is regexp2's only setting of its kind, process-wide, set once
// before any converter runs; nothing else here uses regexp2.
func init() { regexp2.SetTimeoutCheckPeriod(5 * time.Second) }

// Styles of ChromaCSS: one for light pages, one for dark.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// highlighted lists the languages (chroma lexer names and aliases) whose
// fences are highlighted. Chroma's lexers are regular-expression machines
// and some have hung on crafted input (chroma #290, #410, #1377); a
// goroutine cannot be stopped, so only lexers we exercise are used and
// every other language renders as plain escaped code.
var highlighted = map[string]bool{
	"bash": true, "sh": true, "shell": true, "zsh": true, "console": true,
	"c": true, "cpp": true, "c++": true, "csharp": true, "c#": true, "css": true,
	"diff": true, "patch": true, "dockerfile": true, "docker": true,
	"go": true, "golang": true, "graphql": true, "html": true, "ini": true,
	"java": true, "javascript": true, "js": true, "json": true, "jsx": true,
	"kotlin": true, "lua": true, "makefile": true, "make": true, "markdown": true, "md": true,
	"nginx": true, "perl": true, "php": true, "powershell": true, "ps1": true,
	"python": true, "py": true, "ruby": true, "rb": true, "rust": true, "rs": true,
	"scss": true, "sql": true, "swift": true, "toml": true, "typescript": true, "ts": true,
	"tsx": true, "xml": true, "yaml": true, "yml": true, "text": true, "plaintext": true,
}

// kindCodeBlock is the node kind of codeBlock.
var kindCodeBlock = ast.NewNodeKind("SamizdatCodeBlock")

// codeBlock is a fenced code block whose text is already collected, with
// shortcode escapes turned back into their literal text.
type codeBlock struct {
	ast.BaseBlock
	lang      string
	code      string
	hasTokens bool // holds shortcode calls: highlighting would split their tokens
}

func (n *codeBlock) Kind() ast.NodeKind { return kindCodeBlock }

func (n *codeBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"lang": n.lang}, nil)
}

// codeRenderer renders codeBlock nodes. Its formatter is safe for
// concurrent use (chroma guards its style cache with a mutex).
type codeRenderer struct {
	maxBytes  int
	formatter *chromahtml.Formatter
}

// noPre makes chroma write only the highlighted lines; render writes the
// <pre><code> with the language class itself.
type noPre struct{}

func (noPre) Start(code bool, styleAttr string) string { return "" }
func (noPre) End(code bool) string                     { return "" }

func (r *codeRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*codeBlock)
	class := ""
	if n.lang != "" {
		class = ` class="language-` + html.EscapeString(n.lang) + `"`
	}
	if lexer := r.lexer(n); lexer != nil {
		if out, ok := r.highlight(lexer, n.code); ok {
			_, _ = fmt.Fprintf(w, `<pre class="chroma"><code%s>`, class)
			_, _ = w.Write(out)
			_, _ = w.WriteString("</code></pre>\n")
			return ast.WalkSkipChildren, nil
		}
	}
	_, _ = fmt.Fprintf(w, "<pre><code%s>", class)
	_, _ = w.WriteString(html.EscapeString(n.code))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// lexer returns the lexer for n, or nil when n renders as plain code.
func (r *codeRenderer) lexer(n *codeBlock) chroma.Lexer {
	lang := strings.ToLower(n.lang)
	if n.hasTokens || len(n.code) > r.maxBytes || !highlighted[lang] {
		return nil
	}
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	return chroma.Coalesce(l)
}

// highlight returns the highlighted lines of code, or ok false if chroma
// failed; a panic inside chroma is a chroma bug and falls back to plain
// code rather than taking the whole build down.
func (r *codeRenderer) highlight(lexer chroma.Lexer, code string) (out []byte, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	var b bytes.Buffer
	if err := r.formatter.Format(&b, styles.Get(lightStyle), it); err != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// ChromaCSS returns the stylesheet for highlighted code: the light style
// for every page, and the dark style inside
// @media (prefers-color-scheme: dark). The dark part first resets every
// token to the surrounding text, so a token the light style colours and
// the dark one does not is not left in a light-theme colour. The result
// depends only on the chroma version; build it once per site build.
func ChromaCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithAllClasses(true))
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* Code highlighting: chroma styles %s (light) and %s (dark). */\n", lightStyle, darkStyle)
	_ = f.WriteCSS(&b, styles.Get(lightStyle))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.WriteString(".chroma [class] { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n")
	_ = f.WriteCSS(&b, styles.Get(darkStyle))
	b.WriteString("}\n")
	return b.Bytes()
}
