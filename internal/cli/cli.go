// Package cli is the samizdat command: its subcommands, flags, messages and
// exit codes. It is the only place that touches the process (os.Args,
// signals, the clock, the real disk); everything it calls takes those as
// arguments.
//
// Exit codes: 0 success, 1 the site has problems, 2 the command was used
// wrongly.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"time"
)

// Exit codes.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a folder (public/ by default)", runBuild},
		{"serve", "build the site and serve it with live reload", runServe},
		{"check", "build the site in memory and report problems", runCheck},
		{"new", "create a page from an archetype: samizdat new SECTION/NAME", runNew},
		{"version", "print the version", runVersion},
	}
}

// Main runs samizdat with the arguments after the program name and returns
// the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 && args[0] == "help" {
		args = []string{args[1], "--help"} // samizdat help build: build's own help
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "samizdat: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "samizdat builds campaign websites from markdown.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: samizdat COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run samizdat help COMMAND, or samizdat COMMAND --help, for a command's flags.")
}

// newFlags makes a flag set that prints its help to stdout on --help and
// its errors to stderr.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: samizdat %s\n", synopsis)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses the flags of a command that takes no other arguments; it
// returns an exit code and false when the command should stop (help asked
// for, or a usage error).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	rest, code, ok := parseArgs(fs, args, stdout)
	if ok && len(rest) > 0 {
		fmt.Fprintf(fs.Output(), "samizdat %s: unexpected argument %q\n", fs.Name(), rest[0])
		return exitUsage, false
	}
	return code, ok
}

// parseArgs parses flags wherever they are among the arguments, as Hugo's
// command does (samizdat new zhanaozen/x --source site), and returns the
// other arguments; everything after "--" is one of them. The flag package
// alone stops at the first argument that is not a flag and would take the
// flags after it for pages.
func parseArgs(fs *flag.FlagSet, args []string, stdout io.Writer) (rest []string, code int, ok bool) {
	// The flag package prints the usage itself on -help and on an error,
	// to the error output; help asked for belongs on stdout, once.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			usage()
			return nil, exitOK, false
		}
		if err != nil {
			usage() // after the flag package's own line saying what is wrong
			return nil, exitUsage, false
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, exitOK, true
		}
		if endOfFlags(args, left) {
			return append(rest, left...), exitOK, true
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

// endOfFlags reports whether fs.Parse(args) stopped at "--" (which it
// consumes) rather than at an argument that is not a flag.
func endOfFlags(args, left []string) bool {
	i := len(args) - len(left) - 1
	return i >= 0 && args[i] == "--"
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stdout, stderr)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	fmt.Fprintln(stdout, "samizdat", version())
	return exitOK
}

// version is the module version and VCS revision the binary was built
// from, as the Go toolchain recorded them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		v += " " + rev[:min(12, len(rev))]
		if settings["vcs.modified"] == "true" {
			v += "+dirty"
		}
	}
	return v + " " + info.GoVersion
}

// now is the time to write into what samizdat makes (the zip's file
// times, a new page's date): SOURCE_DATE_EPOCH when set (reproducible
// builds), else the clock. Which pages are published is decided by the
// clock alone (see buildSite).
func now(stderr io.Writer) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return time.Unix(sec, 0).UTC()
		}
		fmt.Fprintf(stderr, "samizdat: ignoring SOURCE_DATE_EPOCH=%q: not a whole number of seconds\n", s)
	}
	return time.Now().UTC()
}

// plural writes "1 page" or "3 pages".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
