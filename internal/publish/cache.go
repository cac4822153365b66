package publish

import "sync"

// keyedCache is the dev server's memory of what the build made from
// files' bytes (ImageCache, ProcessCache): values by a SHA-256 key, kept
// while builds use them. It is safe for concurrent use.
type keyedCache[V any] struct {
	mu   sync.Mutex
	m    map[[32]byte]V
	live map[[32]byte]bool // used since the last prune
}

func newKeyedCache[V any]() keyedCache[V] {
	return keyedCache[V]{m: map[[32]byte]V{}, live: map[[32]byte]bool{}}
}

// prune drops what was not used since the last prune, so the cache holds
// one site's worth.
func (c *keyedCache[V]) prune() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.m {
		if !c.live[k] {
			delete(c.m, k)
		}
	}
	c.live = map[[32]byte]bool{}
}

func (c *keyedCache[V]) get(k [32]byte) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if ok {
		c.live[k] = true
	}
	return v, ok
}

func (c *keyedCache[V]) put(k [32]byte, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k], c.live[k] = v, true
}
