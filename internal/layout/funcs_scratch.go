package layout

import (
	"fmt"
	"maps"
	"reflect"
	"sort"
	"sync"
)

// Scratch is Hugo's scratch pad (common/maps/scratch.go): a page's
// .Scratch and .Store, a shortcode call's, and newScratch's. Its methods
// are Hugo's, with Hugo's rules for Add. Where Hugo's would panic (a
// SetInMap on a key that holds no map) or quietly mix types, these
// return an error that becomes a problem at the template's line.
//
// A Scratch made by ReadOnly shares another's values and refuses every
// write with the error it was given: the site hands one out for a page
// whose pad the running template may read but not change (see package
// site's scratch.go for why).
//
// Values never hands out the pad's own map, and Add builds a new list
// rather than growing the old one, so a Clone taken before a template
// writes, and read-only views of it, never see that template's writes.
//
// A page's pad (NewPagePad) keeps its shortcodes' writes in order, for
// Replay: in Hugo the shortcodes run when the template first reads the
// page's content, so their writes come after what the template wrote
// before that ({{ .Scratch.Set "this" dict }} in a theme's baseof, the
// shortcodes' SetInMap "this" …, then a footer reading "this").
type Scratch struct {
	mu      sync.Mutex
	values  map[string]any
	refused error // non-nil: a read-only view, and why it may not be written

	recording bool            // a page's pad: each write is kept in log
	log       []scratchOp     // the writes, in order; never changed once the pad is cloned
	written   map[string]bool // a template run's copy: the keys written before Replay; nil after
}

// scratchOp is one write to a pad, kept for Replay.
type scratchOp struct {
	key   string
	value any                    // what was written, for Plain
	apply func(s *Scratch) error // the write, on s locked
}

// NewScratch returns an empty scratch pad: newScratch in templates.
func NewScratch() *Scratch { return &Scratch{values: map[string]any{}} }

// NewPagePad returns an empty pad for a page's shortcodes to write: it
// keeps their writes for the template's Replay.
func NewPagePad() *Scratch { return &Scratch{values: map[string]any{}, recording: true} }

// ReadOnly returns a view of s that reads s's values and refuses writes
// with err. s must not be written while the view is read. A nil s gives
// an empty view.
func (s *Scratch) ReadOnly(err error) *Scratch {
	if s == nil {
		return &Scratch{values: map[string]any{}, refused: err}
	}
	return &Scratch{values: s.values, refused: err}
}

// Clone returns a writable copy of s for a run of the page's template,
// which Replay may give the shortcodes' writes: a nil s gives an empty
// pad. The maps SetInMap fills are copied, since SetInMap writes into
// them.
func (s *Scratch) Clone() *Scratch {
	c := NewScratch()
	c.written = map[string]bool{}
	if s == nil {
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.values {
		c.values[k] = copyMap(v)
	}
	c.log = s.log
	return c
}

// copyMap is v, or a copy of it when it is a map SetInMap writes into.
func copyMap(v any) any {
	if m, ok := v.(map[string]any); ok {
		return maps.Clone(m)
	}
	return v
}

// Replay gives s, a run's copy of a page's pad, the writes of the page's
// shortcodes to each key the run wrote before it: the site calls it when
// the template first reads the page's content, where Hugo would run the
// shortcodes. The other keys already hold what the shortcodes wrote. It
// does its work once.
func (s *Scratch) Replay() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	written := s.written
	s.written = nil
	if len(written) == 0 {
		return nil // done already, or the run wrote no key before
	}
	for _, op := range s.log {
		if !written[op.key] {
			continue
		}
		err := op.apply(s)
		if v, ok := s.values[op.key]; ok {
			s.values[op.key] = copyMap(v) // a map Set put there is the page pad's too, and SetInMap writes into it
		}
		if err != nil {
			return &hintedError{msg: fmt.Sprintf("the page's shortcodes write %q of its .Scratch, which the template wrote before it showed the page's content: %s", op.key, err),
				hint: fmt.Sprintf("as in Hugo, the shortcodes' writes come after what the template wrote before .Content; keep the template's value under a key of its own, not %q", op.key)}
		}
	}
	return nil
}

// Plain reports whether every value in s is text, a number, a bool, or a
// list or map of those: values that mean the same in the next build, so
// a cache may keep them. A page or a date is not plain. A nil s is.
func (s *Scratch) Plain() bool {
	if s == nil {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range s.values {
		if !plain(reflect.ValueOf(v)) {
			return false
		}
	}
	for _, op := range s.log {
		if !plain(reflect.ValueOf(op.value)) {
			return false
		}
	}
	return true
}

func plain(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid, reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Interface:
		return plain(v.Elem())
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if !plain(v.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if !plain(it.Key()) || !plain(it.Value()) {
				return false
			}
		}
		return true
	}
	return false
}

// write applies op to s locked, unless s is a read-only view, and notes
// it for Replay. Like Hugo's methods it gives "", so {{ $s.Set … }}
// writes nothing.
func (s *Scratch) write(op scratchOp) (string, error) {
	if s.refused != nil {
		return "", s.refused
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := op.apply(s); err != nil {
		return "", err
	}
	if s.recording {
		s.log = append(s.log, op)
	}
	if s.written != nil {
		s.written[op.key] = true
	}
	return "", nil
}

// Set stores value under key.
func (s *Scratch) Set(key string, value any) (string, error) {
	return s.write(scratchOp{key: key, value: value, apply: func(s *Scratch) error {
		s.values[key] = value
		return nil
	}})
}

// Get returns the value under key; nothing when there is none.
func (s *Scratch) Get(key string) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.values[key]
}

// Delete removes key.
func (s *Scratch) Delete(key string) (string, error) {
	return s.write(scratchOp{key: key, apply: func(s *Scratch) error {
		delete(s.values, key)
		return nil
	}})
}

// Values returns a copy of the keys and values: Hugo's returns the pad's
// own map, which a template ranging over it while a partial writes the
// pad would read half changed.
func (s *Scratch) Values() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.values)
}

// Add adds value to what key holds, by Hugo's rules: numbers add (whole
// numbers give a whole number, else a fraction), texts join, and a list
// gets the value, or a list's items, appended. A key that holds nothing
// is set to value. Any other mix is an error, where Hugo's says only
// "can't apply the operator to the values".
func (s *Scratch) Add(key string, value any) (string, error) {
	return s.write(scratchOp{key: key, value: value, apply: func(s *Scratch) error {
		old, ok := s.values[key]
		if !ok || old == nil {
			s.values[key] = value
			return nil
		}
		sum, err := addValues(old, value)
		if err != nil {
			return &hintedError{msg: fmt.Sprintf("%s, which %q holds", err, key),
				hint: fmt.Sprintf("Add adds a number to a number, a text to a text, or items to a list: give it a value of the kind %q holds, "+
					"or Set %q first to the kind you mean (Set %q 0, Set %q \"\", Set %q slice)", key, key, key, key, key)}
		}
		s.values[key] = sum
		return nil
	}})
}

// addValues is Hugo's Add of value to old (common/math.DoArithmetic's
// '+', collections.Append for lists).
func addValues(old, value any) (any, error) {
	if k := reflect.ValueOf(old).Kind(); k == reflect.Slice || k == reflect.Array {
		return appendItems(value, old) // a new list: Clone's copies share the old
	}
	a, aNum := number(old)
	b, bNum := number(value)
	if aNum && bNum {
		if isWhole(old) && isWhole(value) {
			return int(a) + int(b), nil
		}
		return a + b, nil
	}
	at, aText := text(old)
	bt, bText := text(value)
	if aText && bText {
		return at + bt, nil
	}
	return nil, fmt.Errorf("cannot add %s to %s", describeValue(value), describeValue(old))
}

// isWhole reports whether v is of an integer type.
func isWhole(v any) bool {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// text reads a value of a string type (a string, template.HTML).
func text(v any) (string, bool) {
	r := reflect.ValueOf(v)
	if r.Kind() != reflect.String {
		return "", false
	}
	return r.String(), true
}

// describeValue names a value and its kind for an error.
func describeValue(v any) string {
	if _, ok := number(v); ok {
		return fmt.Sprintf("the number %v", v)
	}
	if t, ok := text(v); ok {
		return fmt.Sprintf("the text %q", t)
	}
	return fmt.Sprintf("%v (a %T)", v, v)
}

// SetInMap stores value under mapKey in the map key holds, made when key
// holds nothing.
func (s *Scratch) SetInMap(key, mapKey string, value any) (string, error) {
	return s.write(scratchOp{key: key, value: value, apply: func(s *Scratch) error {
		m, err := s.mapAt(key, "SetInMap")
		if err != nil {
			return err
		}
		if m == nil {
			m = map[string]any{}
			s.values[key] = m
		}
		m[mapKey] = value
		return nil
	}})
}

// DeleteInMap removes mapKey from the map key holds.
func (s *Scratch) DeleteInMap(key, mapKey string) (string, error) {
	return s.write(scratchOp{key: key, apply: func(s *Scratch) error {
		m, err := s.mapAt(key, "DeleteInMap")
		if err == nil {
			delete(m, mapKey)
		}
		return err
	}})
}

// GetSortedMapValues returns the values of the map key holds, in the
// order of their keys; nothing when key holds nothing, as Hugo's: not an
// empty list, which a template would print as "[]".
func (s *Scratch) GetSortedMapValues(key string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.mapAt(key, "GetSortedMapValues")
	if err != nil || m == nil {
		return nil, err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out, nil
}

// mapAt is the map key holds, for method: nil when it holds nothing, an
// error when it holds something else (Hugo's panics).
func (s *Scratch) mapAt(key, method string) (map[string]any, error) {
	v, ok := s.values[key]
	if !ok || v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &hintedError{msg: fmt.Sprintf("%q holds %s, not a map", key, describeValue(v)),
			hint: fmt.Sprintf("%s reads a map that SetInMap filled: keep it under a key of its own, or Delete %q before the first SetInMap", method, key)}
	}
	return m, nil
}

// partialCached is Hugo's partialCached NAME CONTEXT [VARIANT…], run as
// partial is, on every call. Hugo runs the partial once for each name and
// variants, with the first CONTEXT it meets; pages render on all cores at
// once here, so which page is first changes from build to build, and so
// would every other page's copy. The variants only told Hugo's cache
// apart, so they are not read.
func (s *Set) partialCachedFunc(depth int) func(string, any, ...any) (any, error) {
	return func(name string, data any, _ ...any) (any, error) { return s.partial(depth, name, data) }
}
