package watch

import (
	"slices"
	"time"
)

// coalescer gathers paths into batches: a batch is due once quiet has passed since the last
// path, or maxWait since the first. Until the receiver takes a due batch, new paths join it.
// quickPaths is the most paths a batch may hold and still be sent after
// Options.QuickQuiet: more than a save touches, fewer than a burst.
const quickPaths = 4

type coalescer struct {
	quiet, quick, maxWait time.Duration
	timer                 *time.Timer

	pending map[string]struct{}
	first   time.Time // when the first pending path arrived
	due     bool
	next    Batch // valid when due and not stale
	stale   bool
}

func newCoalescer(quiet, quick, maxWait time.Duration) *coalescer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &coalescer{
		quiet:   quiet,
		quick:   quick,
		maxWait: maxWait,
		timer:   t,
		pending: make(map[string]struct{}),
	}
}

func (c *coalescer) add(p string) {
	now := time.Now()
	if len(c.pending) == 0 {
		c.first = now
	}
	c.pending[p] = struct{}{}
	c.stale = true
	if c.due {
		return
	}
	wait := c.quiet
	if c.quick > 0 && len(c.pending) <= quickPaths {
		wait = c.quick
	}
	c.timer.Reset(min(wait, c.first.Add(c.maxWait).Sub(now)))
}

// fire marks the pending batch due; the timer calls it.
func (c *coalescer) fire() {
	if len(c.pending) > 0 {
		c.due = true
	}
}

// outbox returns out and the batch to send on it when one is due, and a nil channel, which
// blocks a select forever, otherwise.
func (c *coalescer) outbox(out chan Batch) (chan<- Batch, Batch) {
	if !c.due {
		return nil, Batch{}
	}
	if c.stale {
		paths := make([]string, 0, len(c.pending))
		for p := range c.pending {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		c.next = Batch{Paths: paths}
		c.stale = false
	}
	return out, c.next
}

// sent starts a new batch after the due one was received.
func (c *coalescer) sent() {
	c.pending = make(map[string]struct{})
	c.due = false
	c.next = Batch{}
}
