// Package devserver serves the last good build of a site from memory, with
// live reload and an error overlay, for `samizdat serve`.
//
// The contract:
//
//   - Server is an http.Handler over the *output.Output last handed to
//     Update. It serves exactly Output's bytes. HTML responses get one
//     <script src="/__samizdat/reload.js"> tag on the way out (before
//     </body>, or at the end); Output itself is never modified, so build and
//     serve publish the same files. Unknown paths get Output's 404.html with
//     status 404. A folder path without its trailing slash is redirected to
//     the slash form. Until the first good build every path gets a short
//     placeholder page (503) that carries the script, so a broken first
//     build still shows its problems.
//   - Update swaps a good build in atomically and only then tells every open
//     page over Server-Sent Events (/__samizdat/events): "css" when only
//     stylesheets changed, "reload" otherwise, nothing when nothing changed.
//     When only pages changed, the reload names them, and each page (whose
//     injected script tag says which Output file it is) reloads only if it
//     is one of them: a save does not reload every open tab.
//     A build with problems is never served: the last good build stays, and
//     the problems go to every page as a "problems" event, shown in an
//     overlay until a good build arrives. A page that connects is first sent
//     a "state" event (build version, current problems and warnings), from
//     which it also notices builds it missed and server restarts.
//   - Warnings (what a page loses without being wrong, such as raw HTML
//     left out) come separately, through SetWarnings, because a partial
//     build passed to Update does not know them. They are sent as a
//     "warnings" event when they change, and each page shows them in a
//     small panel, collapsed to their count; the problems overlay, when
//     shown, hides it. They never stop a build from being served.
//   - Only built output is served, and only to the names this server
//     knows: every request, the event stream included, passes a Host
//     allow-list (against DNS rebinding) before anything else. It holds the
//     loopback names, the bound host and, when bound to every interface,
//     the machine's addresses and host name; Options.AllowHosts adds names
//     only the user knows (a proxy's, a tunnel's). A Host must also name
//     the port the request came in on, unless AllowHosts gives it with
//     another. Then only GET and HEAD are allowed
//     and the raw request-target must be a plain origin-form path (no dot
//     segments, no encoded dots, slashes or backslashes, no control bytes,
//     valid UTF-8). Every response says Cache-Control: no-store,
//     X-Content-Type-Options: nosniff and Cross-Origin-Resource-Policy:
//     same-origin; none carries CORS headers, and X-Forwarded-* and
//     Forwarded are never read. A file of a build is sent with the
//     Content-Security-Policy headers that the build's _headers gives its
//     path, as Netlify and Cloudflare Pages send them, so a page the
//     published policy breaks is broken in the preview too; they, and the
//     pages' <meta> policies, are loosened only so far that the reload
//     script and its event stream, both same-origin, may run.
//   - A slow page never slows the others. Each event stream has a one-slot
//     mailbox; Update never blocks on it, and an event that finds the slot
//     full is merged with the pending one (see deliverLocked). Each write has a
//     deadline, after which that stream is dropped.
//
// Paths under /__samizdat/ are reserved: reload.js (the client script),
// events (the stream), problems and warnings (the current ones as JSON,
// read-only).
// An Output file under __samizdat/ is shadowed by them. They also refuse a
// request whose Origin header names another site: any Origin but one on a
// host the allow-list accepts.
//
// The package knows nothing of how builds are made or when files change;
// internal/cli wires the watcher and site.Build to Update.
package devserver

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"path"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Options configures a Server. The zero value works.
type Options struct {
	// BindHost is the host name or address the HTTP server listens on
	// ("127.0.0.1", "devbox.local"). Besides the loopback names, it is
	// the only host accepted, unless it is a wildcard (every interface:
	// "", "0.0.0.0", "::"), for which Machine's addresses and names are
	// accepted too: other machines reach the server by those.
	BindHost string
	// Machine is the computer the server runs on, used only for a wildcard
	// BindHost (LocalMachine reads it). Its zero value knows no names:
	// only the loopback ones are then accepted.
	Machine Machine
	// AllowHosts are further names the server answers to that it cannot
	// know, such as a reverse proxy's or a tunnel's: "name", accepted on
	// the server's own port and without a port (as a proxy on port 80 or
	// 443 sends it), or "name:port", accepted with that port only. Entries
	// CheckAllowHost refuses are ignored.
	AllowHosts []string
	// Logf, if set, receives one line per noteworthy event, such as a
	// dropped event stream. It must be safe for concurrent use.
	Logf func(format string, args ...any)
	// WriteTimeout bounds each write to an event stream; a page that does
	// not read for this long is dropped (it reconnects by itself once it
	// reads again). Default 5 s.
	WriteTimeout time.Duration
	// Heartbeat is the interval of the comment lines that keep idle streams
	// open through proxies and find dead ones. Default 20 s.
	Heartbeat time.Duration
}

// Event names sent on the stream; reload.js knows the same five.
const (
	eventState    = "state"
	eventReload   = "reload"
	eventCSS      = "css"
	eventProblems = "problems"
	eventWarnings = "warnings"
)

// Server is the dev server's http.Handler. Create it with New; it is safe
// for concurrent use.
type Server struct {
	hosts        hostList
	logf         func(string, ...any)
	writeTimeout time.Duration
	heartbeat    time.Duration
	// nonce makes versions unique to this process, so a page opened before
	// a restart sees a version it does not know and reloads.
	nonce string

	site atomic.Pointer[build] // the served build; nil until the first good one

	updateMu sync.Mutex // serialises Update; held while diffing builds
	gen      uint64     // count of good builds that changed the site; under updateMu

	mu       sync.Mutex // guards the fields below and sends to mailboxes
	problems []byte     // JSON list of the current problems, "[]" when none
	warnings []byte     // JSON list of the latest build's warnings, "[]" when none
	// changedAt is the generation of the last build that changed each
	// page, allChangedAt of the last that changed any other file (or
	// every page): a page that connects with an older version is still
	// fresh when neither is newer than it (freshLocked).
	changedAt    map[string]uint64
	allChangedAt uint64
	clients      map[*client]struct{}
	closed       bool
	done         chan struct{} // closed by Close: every stream ends
	streams      sync.WaitGroup
}

// build is one good Output as served, with the version pages compare.
type build struct {
	out     *output.Output
	version string
}

// New returns a Server. Until the first Update with a good build, every
// page is a short "not built yet" page (status 503) that shows the
// problems overlay and reloads once a good build arrives.
func New(opts Options) *Server {
	s := &Server{
		hosts:        newHostList(opts),
		logf:         opts.Logf,
		writeTimeout: opts.WriteTimeout,
		heartbeat:    opts.Heartbeat,
		nonce:        rand.Text()[:8],
		problems:     []byte("[]"),
		warnings:     []byte("[]"),
		changedAt:    map[string]uint64{},
		clients:      make(map[*client]struct{}),
		done:         make(chan struct{}),
	}
	if s.logf == nil {
		s.logf = func(string, ...any) {}
	}
	if s.writeTimeout <= 0 {
		s.writeTimeout = 5 * time.Second
	}
	if s.heartbeat <= 0 {
		s.heartbeat = 20 * time.Second
	}
	return s
}

// Update hands the server a finished build. The caller must not modify out
// afterwards.
//
// A build without problems becomes the served site, atomically; then every
// open page is told "css" if only existing stylesheets changed, "reload" if
// anything else changed or problems were being shown, and nothing otherwise.
// A build with problems leaves the last good site in place and sends its
// problems to every page. A nil out is ignored.
func (s *Server) Update(out *output.Output) {
	if out == nil {
		return
	}
	s.updateMu.Lock()
	defer s.updateMu.Unlock()
	if !out.OK() {
		s.showProblems(out.Problems)
		return
	}
	s.publish(out)
}

// showProblems remembers ps as the current problems and sends them to every
// page. The served site does not change.
func (s *Server) showProblems(ps []problem.Problem) {
	list := problemsJSON(ps) // the terminal's summary is the caller's, who knows the build
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = list
	s.broadcastLocked(message{kind: eventProblems, frame: eventFrame(eventProblems, list)})
}

// SetWarnings hands the server the warnings of the latest full build, nil
// when it had none. When they differ from the last ones, every page is
// sent them ("warnings"); otherwise nothing is sent, so the save after
// which a warning stays does not redraw its panel. Update leaves them as
// they are: a partial build shown first does not know them.
func (s *Server) SetWarnings(ws []problem.Problem) {
	list := problemsJSON(ws)
	s.mu.Lock()
	defer s.mu.Unlock()
	if bytes.Equal(list, s.warnings) {
		return
	}
	s.warnings = list
	s.broadcastLocked(message{kind: eventWarnings, frame: eventFrame(eventWarnings, list)})
}

// publish swaps out in as the served site and tells pages what changed.
// The swap happens before the broadcast, so a page that reloads on the
// event is served the new build.
func (s *Server) publish(out *output.Output) {
	prev := s.site.Load()
	var prevOut *output.Output
	if prev != nil {
		prevOut = prev.out
	}
	kind, pages := changes(prevOut, out)

	next := &build{out: out}
	if kind == "" {
		next.version = prev.version
	} else {
		s.gen++
		next.version = s.nonce + "." + strconv.FormatUint(s.gen, 10)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	hadProblems := string(s.problems) != "[]"
	s.problems = []byte("[]")
	s.site.Store(next)
	if hadProblems {
		kind, pages = eventReload, nil // the overlay goes, and any page may be stale
	}
	switch {
	case kind == "":
	case kind == eventReload && pages != nil:
		for _, p := range pages {
			s.changedAt[p] = s.gen
		}
	default:
		s.allChangedAt = s.gen
	}
	switch kind {
	case eventReload:
		s.broadcastLocked(message{kind: kind, frame: eventFrame(kind, reloadData(next.version, pages))})
	case eventCSS:
		s.broadcastLocked(message{kind: kind, frame: eventFrame(kind, []byte(next.version))})
	}
}

// reloadData is a "reload" event's data: the new version, and the pages
// that changed when only some did.
func reloadData(version string, pages []string) []byte {
	data, err := json.Marshal(struct {
		Version string   `json:"version"`
		Pages   []string `json:"pages,omitempty"`
	}{version, pages})
	if err != nil { // cannot happen: strings
		return []byte(`{}`)
	}
	return data
}

// maxPages is the most pages a "reload" event names; beyond it, every page
// reloads, which costs less than a long list sent to every page.
const maxPages = 100

// changes says what an open page must do to show next instead of prev:
// "" when no file it could show changed; eventCSS when only existing .css
// files changed (added or removed files may be referenced by pages, so
// they reload); eventReload otherwise. A reload names the HTML files that
// changed, were added or went (pages) when nothing else did, so that
// only pages showing one of them reload; pages is nil when every page
// must: a changed script, image or stylesheet may be used by any page.
func changes(prev, next *output.Output) (kind string, pages []string) {
	if prev == nil {
		return eventReload, nil
	}
	all, css := false, false
	for name, b := range next.Files {
		old, ok := prev.Files[name]
		switch {
		case ok && bytes.Equal(old, b), unseen(name):
		case isHTML(name):
			pages = append(pages, name)
		case ok && path.Ext(name) == ".css":
			css = true
		default:
			all = true
		}
	}
	for name := range prev.Files {
		if _, ok := next.Files[name]; ok || unseen(name) {
			continue
		}
		if isHTML(name) {
			pages = append(pages, name)
		} else {
			all = true
		}
	}
	switch {
	case all, css && len(pages) > 0, len(pages) > maxPages:
		return eventReload, nil
	case len(pages) > 0:
		sort.Strings(pages)
		return eventReload, pages
	case css:
		return eventCSS, nil
	}
	return "", nil
}

func isHTML(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".htm"
}

// unseen reports files no page shows, which change with every edit (the
// checksum manifest) or alongside the pages that do (feeds, sitemap): a
// change to them alone needs no reload, and must not turn a stylesheet
// swap into one.
func unseen(name string) bool {
	switch name {
	case "SHA256SUMS", "_headers", ".nojekyll", "robots.txt", "sitemap.xml", "mirrors.json":
		return true
	}
	return path.Ext(name) == ".xml"
}

// Close ends every event stream and refuses new ones; it returns once all
// stream handlers have returned (at most WriteTimeout, for a stream stuck
// in a write). Pages retry, and reload when a new server is up. Files are
// still served after Close. Close is idempotent.
//
// Call Close before http.Server.Shutdown: Shutdown waits for connections
// to go idle, which an open event stream never does.
func (s *Server) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	s.mu.Unlock()
	s.streams.Wait()
}

// version returns the served build's version, the one pages compare.
func (s *Server) version() string {
	if b := s.site.Load(); b != nil {
		return b.version
	}
	return s.nonce + ".0"
}

// problemJSON is one problem or warning as the overlay, the warnings panel,
// /__samizdat/problems and /__samizdat/warnings show it.
type problemJSON struct {
	Position string `json:"position"` // problem.Position: "file:line:col"
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// problemsJSON encodes ps on one line (json.Marshal escapes newlines), as an
// event's data field requires.
func problemsJSON(ps []problem.Problem) []byte {
	list := make([]problemJSON, len(ps))
	for i, p := range ps {
		list[i] = problemJSON{
			Position: p.Position(),
			File:     p.File,
			Line:     p.Line,
			Col:      p.Col,
			Message:  p.Message,
			Hint:     p.Hint,
		}
	}
	b, err := json.Marshal(list)
	if err != nil { // cannot happen for strings and ints; keep the overlay usable anyway
		return []byte("[]")
	}
	return b
}
