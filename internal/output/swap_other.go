//go:build !linux

package output

import "errors"

// exchange is the atomic folder exchange of Linux; elsewhere WriteDir falls
// back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
