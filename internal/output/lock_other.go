//go:build !unix

package output

// lockDir is a no-op where flock is missing (Windows): two builds there
// must not write to the same folder at once, as WriteDir's doc says.
func lockDir(dir string) (unlock func(), waited bool, err error) { return func() {}, false, nil }
