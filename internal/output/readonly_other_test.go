//go:build !linux

package output

import (
	"os"
	"testing"
)

// readOnlyDir makes dir a folder the test cannot write in. Root writes in
// a folder of mode 0555, and mounting a read-only file system for it is
// done on Linux only (write_linux_test.go), so root skips the test here.
func readOnlyDir(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("root writes in a read-only folder")
	}
	mustMkdir(t, dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
}
