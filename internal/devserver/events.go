package devserver

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// client is one open event stream.
type client struct {
	// mailbox holds at most one event not yet written. Only deliverLocked
	// sends on it, under Server.mu; only the stream's handler receives.
	// (Closing a channel would broadcast too, but events carry data and
	// must be merged when a page falls behind.)
	mailbox chan message
}

// message is one event, already encoded as an SSE frame.
type message struct {
	kind  string
	frame []byte
}

// Frames written outside events: the reconnect delay EventSource should
// use, and a comment line that keeps the connection alive.
const (
	retryFrame     = "retry: 1000\n\n"
	heartbeatFrame = ": ping\n\n"
)

// eventFrame encodes one SSE event. data must hold no line break.
func eventFrame(kind string, data []byte) []byte {
	f := make([]byte, 0, len("event: \ndata: \n\n")+len(kind)+len(data))
	f = append(f, "event: "...)
	f = append(f, kind...)
	f = append(f, "\ndata: "...)
	f = append(f, data...)
	return append(f, "\n\n"...)
}

// broadcastLocked delivers m to every stream. It never blocks. s.mu must
// be held.
func (s *Server) broadcastLocked(m message) {
	for c := range s.clients {
		s.deliverLocked(c, m)
	}
}

// deliverLocked puts m in c's mailbox without blocking. If an earlier event
// is still waiting there, the two are merged rather than queued: an event of
// the same kind supersedes it, but for two reloads (each may name other
// pages) or events of different kinds, the merge is a "state" event, from
// which the page works out what it missed (it reloads when the version
// changed and shows any problems and warnings). s.mu must be held.
func (s *Server) deliverLocked(c *client, m message) {
	select {
	case c.mailbox <- m:
		return
	default:
	}
	select {
	case old := <-c.mailbox:
		if old.kind != m.kind || m.kind == eventReload {
			m = s.stateLocked(nil)
		}
	default: // the handler took it meanwhile
	}
	select {
	case c.mailbox <- m:
	default: // unreachable: we are the only sender and the slot is empty
	}
}

// stateLocked is the "state" event: the served version, the current
// problems and warnings, and when known whether the page is fresh: still what the
// server serves although its version is older. s.mu must be held.
func (s *Server) stateLocked(fresh *bool) message {
	data, err := json.Marshal(struct {
		Version  string          `json:"version"`
		Problems json.RawMessage `json:"problems"`
		Warnings json.RawMessage `json:"warnings"`
		Fresh    *bool           `json:"fresh,omitempty"`
	}{s.version(), s.problems, s.warnings, fresh})
	if err != nil { // cannot happen: a string and valid JSON
		data = []byte(`{}`)
	}
	return message{kind: eventState, frame: eventFrame(eventState, data)}
}

// subscribe registers a new stream whose first event is the current state,
// for a page of version v showing the output file ("" for a 404 or
// "building" page). It reports false once the server is closed.
func (s *Server) subscribe(v, file string) (*client, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	s.streams.Add(1)
	c := &client{mailbox: make(chan message, 1)}
	s.clients[c] = struct{}{}
	fresh := s.freshLocked(v, file)
	s.deliverLocked(c, s.stateLocked(&fresh))
	return c, true
}

// freshLocked reports whether a page of version v showing file is still
// what is served: no build since v changed it, or anything but pages.
// A save shows first through a fast partial build and then the full one;
// a page that reloaded for the first and connects after the second would
// otherwise reload a second time for nothing. s.mu must be held.
func (s *Server) freshLocked(v, file string) bool {
	if v == s.version() {
		return true
	}
	nonce, n, ok := strings.Cut(v, ".")
	gen, err := strconv.ParseUint(n, 10, 64)
	if !ok || err != nil || nonce != s.nonce || file == "" {
		return false
	}
	return s.allChangedAt <= gen && s.changedAt[file] <= gen
}

func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
	s.streams.Done()
}

// streamCount returns the number of open event streams.
func (s *Server) streamCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// serveEvents runs one event stream until the page goes away, the stream
// falls behind by a write timeout, or the server closes.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	q := r.URL.Query()
	c, ok := s.subscribe(q.Get("v"), q.Get("file"))
	if !ok {
		http.Error(w, "503 server shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.unsubscribe(c)

	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	if err := s.write(rc, w, []byte(retryFrame)); err != nil {
		s.logf("devserver: event stream to %s: %v", r.RemoteAddr, err)
		return
	}

	heartbeat := time.NewTicker(s.heartbeat)
	defer heartbeat.Stop()
	for {
		var frame []byte
		select {
		case <-s.done:
			return
		case <-r.Context().Done():
			return
		case m := <-c.mailbox:
			frame = m.frame
		case <-heartbeat.C:
			frame = []byte(heartbeatFrame)
		}
		if err := s.write(rc, w, frame); err != nil {
			if r.Context().Err() == nil {
				s.logf("devserver: dropped event stream to %s: %v", r.RemoteAddr, err)
			}
			return
		}
	}
}

// write sends frame to the page now, giving up after the write timeout.
func (s *Server) write(rc *http.ResponseController, w http.ResponseWriter, frame []byte) error {
	if err := rc.SetWriteDeadline(time.Now().Add(s.writeTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	if _, err := w.Write(frame); err != nil {
		return err
	}
	return rc.Flush()
}
