//go:build unix

package output

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// TestWriteDirConcurrentBuildsTakeTurns: builds writing to one folder at
// once (serve's rebuild and a `samizdat build`, or two builds) each
// succeed, and the folder holds one whole site. Without the lock the
// second removed the first's temporary folder as a leftover, and the
// first failed with "no such file or directory".
func TestWriteDirConcurrentBuildsTakeTurns(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	sites := make([]map[string][]byte, 6)
	for i := range sites {
		sites[i] = map[string][]byte{}
		for j := range 200 {
			sites[i][fmt.Sprintf("p%d/index.html", j)] = fmt.Appendf(nil, "site %d page %d", i, j)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(sites))
	for i := range sites {
		wg.Go(func() { errs[i] = (&Output{Files: sites[i]}).WriteDir(dest, WriteOptions{}) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	got := readTree(t, dest)
	var dirs []string
	for j := range 200 {
		dirs = append(dirs, fmt.Sprintf("p%d", j))
	}
	whole := false
	for _, s := range sites {
		if maps.Equal(got, wantTree(s, dirs...)) {
			whole = true
		}
	}
	if !whole {
		t.Errorf("public/ is not one whole site: %d entries", len(got))
	}
	if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: got %q; want only public", got)
	}
}
