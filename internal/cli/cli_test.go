package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"samizdat": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command end to end: each file in testdata/script
// is a site and a session of commands with the output they must print.
//
// Besides the standard commands, scripts have
//
//	exitcode [-within DURATION] CODE PROGRAM [ARGS...]
//
// which runs PROGRAM like exec and fails unless it exits with CODE (and,
// with -within, finishes in time);
//
//	unescape SRC DST
//
// which writes SRC to DST with Go escapes (\r, \x00, \xff, \ufeff)
// turned into the bytes they stand for, so scripts can hold files with a
// BOM, CR line ends, NUL bytes or other encodings as readable text; and
// the condition [root], true when the tests run as root (where chmod 000
// does not stop reading).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1354060800") // 2012-11-28, so dated pages are not "future"
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
			"unescape": cmdUnescape,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exitcode does not support !")
	}
	var within time.Duration
	if len(args) > 1 && args[0] == "-within" {
		d, err := time.ParseDuration(args[1])
		ts.Check(err)
		within, args = d, args[2:]
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode [-within DURATION] CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	start := time.Now()
	err = ts.Exec(args[1], args[2:]...)
	took := time.Since(start)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
	if within > 0 && took > within {
		ts.Fatalf("%s took %v, more than %v", args[1], took.Round(time.Millisecond), within)
	}
}

func cmdUnescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: unescape SRC DST")
	}
	s := ts.ReadFile(args[0])
	s = strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(s)
	out, err := strconv.Unquote(`"` + s + `"`)
	if err != nil {
		ts.Fatalf("unescape %s: %v", args[0], err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out), 0o644))
}
