//go:build !wasm

package main

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeExample is a command from README.md and the excerpt of its output
// shown right after it.
type readmeExample struct {
	request string   // an estimate request, or
	args    []string // the arguments of another command
	excerpt []string
	// exit is the status the prose before the block gives ("(exit status
	// 1)"); 0 when it gives none.
	exit int
}

var (
	echoLine    = regexp.MustCompile(`^echo '(.*)' \| go run \./wasm estimate$`)
	commandLine = regexp.MustCompile(`^go run \./wasm (roster .*)$`)
	exitStatus  = regexp.MustCompile(`exit status (\d)`)
)

// readmeExamples finds each ```sh block holding one estimate command and
// the ```json block that follows it.
func readmeExamples(t *testing.T) []readmeExample {
	t.Helper()
	f, err := os.Open("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []readmeExample
	var cur *readmeExample
	block, prose := "", ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if block == "" && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "```") {
			prose = line
		}
		switch {
		case strings.HasPrefix(line, "```") && block == "":
			block = strings.TrimPrefix(line, "```")
			if block == "" {
				block = "text"
			}
		case line == "```":
			if (block == "json" || block == "text") && cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			block = ""
		case block == "sh":
			if m := echoLine.FindStringSubmatch(line); m != nil {
				cur = &readmeExample{request: m[1]}
			}
			if m := commandLine.FindStringSubmatch(line); m != nil {
				cur = &readmeExample{args: strings.Fields(m[1])}
				if e := exitStatus.FindStringSubmatch(prose); e != nil {
					cur.exit = int(e[1][0] - '0')
				}
			}
		case (block == "json" || block == "text") && cur != nil:
			cur.excerpt = append(cur.excerpt, line)
		}
	}
	return out
}

// TestReadmeExamples runs every estimate example in README.md through the
// real binary and checks that each line of the excerpt shown appears in
// what it prints.
func TestReadmeExamples(t *testing.T) {
	examples := readmeExamples(t)
	if len(examples) < 5 {
		t.Fatalf("got %d README examples, want at least 5", len(examples))
	}
	for _, ex := range examples {
		if ex.args != nil {
			checkCommandExample(t, ex)
			continue
		}
		stdout, _, code := run(t, []byte(ex.request), "estimate")
		printed := map[string]bool{}
		for _, l := range strings.Split(string(stdout), "\n") {
			printed[normalize(l)] = true
		}
		wantCode := 0
		for _, l := range ex.excerpt {
			if strings.Contains(l, `"code": "`) && !strings.Contains(string(stdout), `"warnings"`) {
				wantCode = 1
			}
			if !printed[normalize(l)] {
				t.Errorf("README example %s\n  got no line %q in its output:\n%s", ex.request, strings.TrimSpace(l), stdout)
			}
		}
		if code != wantCode {
			t.Errorf("README example %s: got exit %d, want %d", ex.request, code, wantCode)
		}
	}
}

// checkCommandExample runs a README command from the repository root (its
// -out goes to a temporary file) and checks the lines shown against what
// it prints on stderr.
func checkCommandExample(t *testing.T, ex readmeExample) {
	t.Helper()
	args := append([]string(nil), ex.args...)
	for i, a := range args {
		if strings.HasPrefix(a, "testdata/") {
			args[i] = "../" + a
		}
		if i > 0 && args[i-1] == "-out" {
			args[i] = t.TempDir() + "/out.csv"
		}
	}
	_, stderr, code := run(t, nil, args...)
	if code != ex.exit {
		t.Errorf("README example %v: got exit %d, want %d; stderr %s", ex.args, code, ex.exit, stderr)
	}
	for _, l := range ex.excerpt {
		if !strings.Contains(string(stderr), strings.TrimSpace(l)) {
			t.Errorf("README example %v: got no line %q in\n%s", ex.args, l, stderr)
		}
	}
}

func normalize(l string) string { return strings.TrimSuffix(strings.TrimSpace(l), ",") }
