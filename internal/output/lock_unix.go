//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// lockDir holds an exclusive advisory lock on the folder dir until the
// returned function is called, so that two builds writing beside each
// other (a `samizdat build` while `samizdat serve` writes, or two builds
// started at once) take turns: the second would otherwise remove the
// first's temporary folder as a leftover and fail it. The lock is on the
// folder itself, so no lock file is left behind; waited reports whether
// another build held it first.
func lockDir(dir string) (unlock func(), waited bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	fd := int(f.Fd())
	err = flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		waited = true
		err = flock(fd, syscall.LOCK_EX)
	}
	if err != nil {
		f.Close()
		return nil, waited, err
	}
	return func() { f.Close() }, waited, nil // closing the last descriptor releases the lock
}

func flock(fd, how int) error {
	for {
		if err := syscall.Flock(fd, how); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
