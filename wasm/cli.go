//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/rules"
)

// runCLI runs the command-line tool named by args[0] and returns the exit
// status:
//
//	estimate   one JSON request on stdin → one JSON response on stdout;
//	           bad input → {"error": {...}} on stdout, the message on stderr, status 1
//	rules      the bundled rule sets with their periods, figures and citations,
//	           and every place (province, city) with its names and rule sets;
//	           -coverage: per province, what is bundled (docs/COVERAGE.md)
//	roster     a payroll file in, the list of adjusted bases out (see cli_roster.go)
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch args[0] {
	case "estimate":
		if len(args) > 1 {
			fmt.Fprintln(stderr, "usage: sibase estimate < request.json")
			return 2
		}
		return runEstimate(stdin, stdout, stderr)
	case "roster":
		return runRoster(args[1:], stdin, stdout, stderr)
	case "rules":
		if len(args) == 3 && args[1] == "-check" {
			return checkRuleFile(args[2], stdout, stderr)
		}
		if len(args) == 2 && args[1] == "-coverage" {
			rows, err := rules.Coverage()
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			fmt.Fprint(stdout, rules.CoverageTable(rows))
			return 0
		}
		if len(args) > 1 {
			fmt.Fprintln(stderr, "usage: sibase rules [-check FILE.json | -coverage]")
			return 2
		}
		views, err := estimate.RuleSets()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return writeJSON(stdout, stderr, map[string]any{"rule_sets": views, "places": estimate.Places()})
	}
	fmt.Fprintf(stderr, "unknown command %q\n", args[0])
	return 2
}

func runEstimate(stdin io.Reader, stdout, stderr io.Writer) int {
	req, err := estimate.Decode(stdin)
	if err == nil {
		var resp *estimate.Response
		if resp, err = estimate.Run(req); err == nil {
			return writeJSON(stdout, stderr, resp)
		}
	}
	fmt.Fprintln(stderr, describe(err))
	if writeJSON(stdout, stderr, estimate.ErrorBody{Error: err}) != 0 {
		return 1
	}
	return 1
}

// checkRuleFile validates a rule file a bureau wrote before it is added to
// calc/rules/data: status 0 and its periods if it is sound, status 1 and
// the file and field at fault if not.
func checkRuleFile(path string, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	rs, err := rules.Parse(filepath.Base(path), data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %s (%s), periods: %d, from %s, ok\n", filepath.Base(path), rs.ID, rs.Title, len(rs.Periods()), rs.Start())
	return 0
}

// describe is the error as one line for a person at a terminal.
func describe(e *calc.Error) string {
	if e.Field == "" {
		return e.Message + " / " + e.MessageEN
	}
	return e.Field + ": " + e.Message + " / " + e.MessageEN
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// isCLICommand reports whether name is one of the command-line tools.
func isCLICommand(name string) bool { return name == "estimate" || name == "rules" || name == "roster" }
