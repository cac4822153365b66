// Package browsertest starts the headless Chromium that the project's
// browser tests drive (live reload, file:// browsing, axe-core). It is
// imported by tests only.
//
// Without Chromium a test is skipped on a laptop but fails in CI
// (CI=true), where .ci/run installs Debian's chromium.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Exec returns the path of the Chromium binary, or skips (fails in CI).
func Exec(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found; .ci/run must install it (apt-get install -y chromium)")
	}
	t.Skip("chromium not found; install it to run the browser tests")
	return ""
}

// Allocator returns a chromedp allocator context for a fresh headless
// Chromium with the flags a machine without network needs (no background
// networking, updates or sync, whose refused connections otherwise flood
// the log) and an empty profile. It is cancelled when the test ends.
func Allocator(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Exec(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancel := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	t.Cleanup(cancel)
	return ctx
}
