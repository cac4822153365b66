package devserver

import (
	"net/http"
	"time"
)

// NewHTTPServer returns an http.Server for h on addr with the timeouts a
// server reachable by any local process needs: slow or oversized request
// headers are cut off, idle keep-alives are closed. It sets no
// WriteTimeout, which would end event streams; Server bounds each stream
// write itself. ReadTimeout does not end them either: net/http lifts the
// read deadline once a request without a body has been read
// (TestStreamOutlivesReadTimeout).
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
