// Command samizdat builds and serves campaign websites. See internal/cli.
package main

import (
	"os"

	"github.com/samizdat-press/samizdat/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
