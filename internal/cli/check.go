package cli

import (
	"context"
	"fmt"
	"io"
)

// runCheck builds the site in memory and reports every problem, without
// writing anything: the command to run before deploying.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("check", "check [flags]", stdout, stderr)
	sf.register(fs, true)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	res := sf.buildSite(context.Background(), nil, stderr)
	if len(res.Problems) > 0 {
		printProblems(stderr, res.Problems)
		fmt.Fprintf(stderr, "samizdat check: %s\n", plural(len(res.Problems), "problem", "problems"))
		return exitProblems
	}
	fmt.Fprintf(stdout, "samizdat check: %s, no problems\n", plural(len(res.Files), "file", "files"))
	return exitOK
}
