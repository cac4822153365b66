// Package gitinfo reads when each file of a site was last changed from its
// git history, for pages without a lastmod in their front matter: their
// feed entries and sitemap entries then carry the date of their last
// commit, the same in every clone of the same commit (unlike files'
// modification times, which a checkout sets to the moment of checkout).
// Hugo's enableGitInfo does the same.
//
// It is the only part of a build that runs another program, so it stays
// out of package site, whose builds read nothing but their fs.FS: the
// command reads the dates once and passes them in (site.Options.Lastmods).
package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// ErrNoGit is returned when git is not installed or dir is not in a git
// work tree: the site is built without git dates.
var ErrNoGit = errors.New("no git history")

// Lastmods maps the slash path, relative to dir, of each file under dir's
// subfolder sub ("content") that git has a commit for, to the author date
// of its last commit.
func Lastmods(ctx context.Context, dir, sub string) (map[string]time.Time, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	prefix, err := git(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, ErrNoGit
	}
	// -z and quotePath off: names with spaces or Cyrillic come as they
	// are. --no-renames: a moved file's date is that of its move.
	out, err := git(ctx, dir, "-c", "core.quotePath=false", "log", "-z", "--no-renames",
		"--name-only", "--format=%x1e%aI", "--", sub)
	if err != nil {
		return nil, err
	}
	return parseLog(out, strings.TrimSpace(string(prefix))), nil
}

// parseLog reads git log's output, newest commit first: each commit is
// "\x1e" DATE "\x00" "\n" then its files' paths, each ending in "\x00". A
// file's first commit in the log is its last. Paths are from the top of
// the repository; prefix is the site's folder there ("" or "site/").
func parseLog(out []byte, prefix string) map[string]time.Time {
	dates := map[string]time.Time{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		fields := bytes.Split(commit, []byte{0})
		if len(fields) < 2 {
			continue
		}
		when, err := time.Parse(time.RFC3339, string(bytes.TrimSpace(fields[0])))
		if err != nil {
			continue
		}
		for _, f := range fields[1:] {
			name, ok := strings.CutPrefix(string(bytes.TrimLeft(f, "\n")), prefix)
			if !ok || name == "" {
				continue
			}
			if _, seen := dates[name]; !seen {
				dates[name] = when.UTC()
			}
		}
	}
	return dates
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, errors.New(strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
