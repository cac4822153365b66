// Package external checks a built site's links to other sites over the
// network. It is apart from package check, which is pure, so that the build
// pipeline can import check without the network (see site's
// TestCoreImportsNoServer). Nothing calls it unless asked
// (`samizdat check --external`): other sites change, so its answer is not
// reproducible and must not fail a build on its own.
package external

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/samizdat-press/samizdat/internal/check"
	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// Options tunes Check. The zero value works.
type Options struct {
	// BaseURL is the site's own address, as in check.Options: links under it are
	// Site's business and are not fetched.
	BaseURL string
	// Timeout bounds each request, redirects included; 0 means 15 seconds.
	Timeout time.Duration
	// Client makes the requests; nil means http.DefaultTransport with
	// Timeout. Tests pass the client of an httptest server.
	Client *http.Client
}

const (
	workers   = 4 // requests in flight at once, never two to one host
	timeout   = 15 * time.Second
	userAgent = "samizdat-linkcheck/1 (+https://github.com/samizdat-press/samizdat)"
)

// Check fetches every http(s) URL of another site that the site's pages
// link to or load (check.Outgoing) and reports the ones that are gone, at
// each place they appear, sorted with problem.Sort.
//
// Each URL (fragment removed) is asked once, with HEAD and then, if HEAD
// fails or is refused, GET. At most four requests are in flight and never
// two to the same host. Reported: no answer, 404, 410, other 4xx except
// 401, 403 and 429 (which sites send to robots), and 5xx. Redirects are
// followed. It stops early when ctx is done, reporting what it found.
func Check(ctx context.Context, out *output.Output, opts Options) []problem.Problem {
	links := map[string][]check.Link{}
	for _, l := range check.Outgoing(out, opts.BaseURL) {
		links[l.URL] = append(links[l.URL], l)
	}
	groups := byHost(links)
	client := opts.Client
	limit := opts.Timeout
	if limit <= 0 {
		limit = timeout
	}
	if client == nil {
		client = &http.Client{Timeout: limit}
	}
	fetchAll(ctx, client, limit, groups)

	var probs []problem.Problem
	for _, g := range groups {
		for i, u := range g.urls {
			if g.broken[i] == "" {
				continue
			}
			for _, at := range links[u] {
				probs = append(probs, problem.Problem{
					File: at.File, Line: at.Line, Col: at.Col,
					Message: fmt.Sprintf("%s %q is broken: %s", at.What, u, g.broken[i]),
					Hint:    "the page may have moved: find its new address, or link to a copy at web.archive.org",
				})
			}
		}
	}
	problem.Sort(probs)
	return probs
}

// hostGroup is the URLs of one host, checked one after another; broken[i]
// says what is wrong with urls[i], "" when nothing.
type hostGroup struct {
	urls   []string
	broken []string
}

func byHost(links map[string][]check.Link) []*hostGroup {
	index := map[string]*hostGroup{}
	var hosts []string
	for raw := range links {
		u, _ := url.Parse(raw) // parsed once already
		h := strings.ToLower(u.Host)
		if index[h] == nil {
			index[h] = &hostGroup{}
			hosts = append(hosts, h)
		}
		index[h].urls = append(index[h].urls, raw)
	}
	sort.Strings(hosts)
	groups := make([]*hostGroup, len(hosts))
	for i, h := range hosts {
		g := index[h]
		sort.Strings(g.urls)
		g.broken = make([]string, len(g.urls))
		groups[i] = g
	}
	return groups
}

// fetchAll checks the groups with workers goroutines, each taking
// a whole host, so a host never sees two requests at once. It returns when
// every worker has finished.
func fetchAll(ctx context.Context, client *http.Client, timeout time.Duration, groups []*hostGroup) {
	work := make(chan *hostGroup)
	var wg sync.WaitGroup
	for range min(workers, len(groups)) {
		wg.Go(func() {
			for g := range work {
				for i, u := range g.urls {
					if ctx.Err() != nil {
						break
					}
					g.broken[i] = fetch(ctx, client, timeout, u)
				}
			}
		})
	}
	for _, g := range groups {
		select {
		case work <- g:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
}

// fetch asks for u with HEAD, then GET, and says what is wrong with the
// answer, or "" when it is fine or the check was cancelled.
func fetch(ctx context.Context, client *http.Client, timeout time.Duration, u string) string {
	status, err := request(ctx, client, timeout, http.MethodHead, u)
	if err == nil && status < 400 {
		return ""
	}
	status, err = request(ctx, client, timeout, http.MethodGet, u)
	switch {
	case ctx.Err() != nil:
		return ""
	case err != nil:
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // without the method and URL, which the message already names
		}
		return "no answer (" + err.Error() + ")"
	case status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusTooManyRequests:
		return "" // the site turns robots away: the page may well be there
	case status >= 400:
		return fmt.Sprintf("the server answered %d %s", status, http.StatusText(status))
	}
	return ""
}

func request(ctx context.Context, client *http.Client, timeout time.Duration, method, u string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	// A little of the body lets the connection be reused for the next
	// URL on the same host without downloading large files.
	io.CopyN(io.Discard, resp.Body, 4<<10)
	resp.Body.Close()
	return resp.StatusCode, nil
}
