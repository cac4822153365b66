package output

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// mountTmpfs mounts a new tmpfs on dir until the test ends, or skips the
// test where mounting is not permitted (not root, or in a container
// without the capability).
func mountTmpfs(t *testing.T, dir string) {
	t.Helper()
	mustMkdir(t, dir)
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, unix.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
}

// readOnlyDir makes dir a folder nobody can write in, root included:
// root writes in a folder of mode 0555, so for root it is a tmpfs
// mounted read-only (or the test is skipped where mounting is not
// permitted).
func readOnlyDir(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		mustMkdir(t, dir)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	mountTmpfs(t, dir)
	if err := unix.Mount("", dir, "", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot make the tmpfs read-only: %v", err)
	}
}

// A dest that is a mount point (a Docker volume, a Kubernetes emptyDir)
// failed every build with "device or resource busy", even empty. It is
// refused now with what samizdat needs, and the site in it stays as it was.
func TestWriteDirRefusesMountPoint(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "html")
	mountTmpfs(t, dest)
	files := map[string][]byte{"index.html": []byte("new")}
	err := (&Output{Files: files}).WriteDir(dest, WriteOptions{})
	wantRefused(t, err, "it is a mount point")

	mustWrite(t, filepath.Join(dest, MarkerName), markerText)
	mustWrite(t, filepath.Join(dest, "index.html"), "old")
	before := readTree(t, parent)
	err = (&Output{Files: files}).WriteDir(dest, WriteOptions{})
	wantRefused(t, err, "it is a mount point")
	diffTree(t, readTree(t, parent), before)
}

// A folder above dest that cannot be written in (here a read-only file
// system, with dest a writable volume in it, as Docker makes with
// --read-only) failed with the bare error of mkdir. It is refused now with
// what samizdat needs, and dest stays as it was.
func TestWriteDirRefusesReadOnlyFolderAbove(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "www")
	mountTmpfs(t, parent)
	dest := filepath.Join(parent, "html")
	mountTmpfs(t, dest)
	mustWrite(t, filepath.Join(dest, MarkerName), markerText)
	mustWrite(t, filepath.Join(dest, "index.html"), "old")
	if err := unix.Mount("", parent, "", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot make the tmpfs read-only: %v", err)
	}
	before := readTree(t, parent)
	err := (&Output{Files: map[string][]byte{"index.html": []byte("new")}}).WriteDir(dest, WriteOptions{})
	wantRefused(t, err, "cannot make a folder in "+parent+" (read-only file system)")
	diffTree(t, readTree(t, parent), before)
}
