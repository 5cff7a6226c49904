//go:build !wasm

package main

import (
	"fmt"
	"io"
)

// runCLI runs a command-line tool named by args[0] ("estimate", "rules").
// It returns the process exit status.
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "not yet implemented:", args)
	return 2
}

// isCLICommand reports whether name is one of the command-line tools.
func isCLICommand(name string) bool { return name == "estimate" || name == "rules" }
