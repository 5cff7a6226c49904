//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the CLI golden responses in testdata/cli")

// sibaseBin is the real command-line binary, built once for the CLI tests.
var sibaseBin string

// TestMain registers the app's routes for the server tests and builds the
// real binary for the CLI tests. The browser tests build app.wasm on first
// use (webDirs); it is removed here at the end.
func TestMain(m *testing.M) {
	flag.Parse()
	registerRoutes()
	dir, err := os.MkdirTemp("", "sibase-cli")
	if err != nil {
		panic(err)
	}
	sibaseBin = filepath.Join(dir, "sibase")
	build := exec.Command("go", "build", "-o", sibaseBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building the sibase binary: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	removeBrowserFixtures() // the app built for the browser tests, if any
	os.Exit(code)
}

// run runs the binary with stdin and returns stdout, stderr and the exit
// status.
func run(t *testing.T, stdin []byte, args ...string) ([]byte, []byte, int) {
	t.Helper()
	cmd := exec.Command(sibaseBin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.Bytes(), errOut.Bytes(), 0
	case errors.As(err, &exit):
		return out.Bytes(), errOut.Bytes(), exit.ExitCode()
	}
	t.Fatalf("running %v: %v", args, err)
	return nil, nil, -1
}

// TestEstimateGolden feeds every testdata/cli/*.request.json to the real
// `sibase estimate` and compares stdout byte for byte with the matching
// .response.json (rewrite them with -update after checking the change).
// An "error" body must come with exit status 1 and a message on stderr;
// any other body with status 0.
func TestEstimateGolden(t *testing.T) {
	reqs, _ := filepath.Glob("../testdata/cli/*.request.json")
	if len(reqs) < 10 {
		t.Fatalf("got %d CLI request files, want at least 10", len(reqs))
	}
	for _, reqPath := range reqs {
		name := strings.TrimSuffix(filepath.Base(reqPath), ".request.json")
		t.Run(name, func(t *testing.T) {
			req, err := os.ReadFile(reqPath)
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := run(t, req, "estimate")
			var body map[string]json.RawMessage
			if err := json.Unmarshal(stdout, &body); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
			}
			_, isError := body["error"]
			if isError && (code != 1 || len(stderr) == 0) {
				t.Errorf("error body: got exit %d and stderr %q, want exit 1 and a message", code, stderr)
			}
			if !isError && (code != 0 || len(stderr) != 0) {
				t.Errorf("answer: got exit %d and stderr %q, want exit 0 and nothing", code, stderr)
			}
			golden := strings.TrimSuffix(reqPath, ".request.json") + ".response.json"
			if *update {
				if err := os.WriteFile(golden, stdout, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./wasm -run TestEstimateGolden -update, then check the file)", err)
			}
			if !bytes.Equal(stdout, want) {
				t.Errorf("stdout differs from %s\ngot:\n%s", golden, stdout)
			}
		})
	}
}

func TestRulesCommand(t *testing.T) {
	stdout, _, code := run(t, nil, "rules")
	if code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}
	var listing struct {
		RuleSets []struct {
			ID              string `json:"id"`
			Region          string `json:"region"`
			Document        string `json:"document"`
			ReviewedThrough string `json:"reviewed_through"`
			From            string `json:"from"`
			Periods         []struct {
				From string `json:"from"`
			} `json:"periods"`
			Params struct {
				Floor []struct {
					Cite struct {
						Doc    string `json:"doc"`
						Clause string `json:"clause"`
					} `json:"cite"`
				} `json:"floor"`
			} `json:"params"`
		} `json:"rule_sets"`
	}
	if err := json.Unmarshal(stdout, &listing); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"liaoning-2006": "辽社险函〔2006〕89号", "shenyang-2009": "辽社险函〔2006〕89号",
		"daqing-2011": "庆社险函〔2011〕3号", "national-2019": "国办发〔2019〕13号"}
	found := 0
	for _, rs := range listing.RuleSets {
		if doc, known := want[rs.ID]; known {
			found++
			if doc != rs.Document {
				t.Errorf("%s: document %q, want %q", rs.ID, rs.Document, doc)
			}
		}
		if rs.ReviewedThrough == "" || rs.From == "" || len(rs.Periods) == 0 || rs.Params.Floor[0].Cite.Doc == "" {
			t.Errorf("%s: reviewed_through %q, from %q, %d periods, floor cite %q: want all present", rs.ID, rs.ReviewedThrough, rs.From, len(rs.Periods), rs.Params.Floor[0].Cite.Doc)
		}
	}
	if found != len(want) {
		t.Errorf("got %d of the %d founding rule sets, want all", found, len(want))
	}
}

func TestRulesCheck(t *testing.T) {
	good := "../calc/rules/data/230600-daqing-2011.json"
	if out, _, code := run(t, nil, "rules", "-check", good); code != 0 || !bytes.Contains(out, []byte("ok")) {
		t.Errorf("rules -check %s: got exit %d, %q; want 0 and ok", good, code, out)
	}
	data, _ := os.ReadFile(good)
	bad := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(bad, bytes.Replace(data, []byte(`"clause": "二(二)"}}],
    "cap"`), []byte(`"clause": "二(二)"}, "ratio": "4"}],
    "cap"`), 1), 0o644)
	_, stderr, code := run(t, nil, "rules", "-check", bad)
	if code != 1 || !bytes.Contains(stderr, []byte("broken.json")) || !bytes.Contains(stderr, []byte("params.floor")) {
		t.Errorf("rules -check broken file: got exit %d, stderr %q; want 1 naming broken.json and params.floor", code, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"estimate", "extra"}, {"rules", "-x"}} {
		if _, _, code := run(t, nil, args...); code != 2 {
			t.Errorf("%v: got exit %d, want 2", args, code)
		}
	}
}

// docs/COVERAGE.md holds the table `rules -coverage` prints, as it prints
// it: what sibase carries for each province.
func TestCoverageDocMatchesCommand(t *testing.T) {
	stdout, stderr, code := run(t, nil, "rules", "-coverage")
	if code != 0 {
		t.Fatalf("rules -coverage: exit %d, stderr %s", code, stderr)
	}
	doc, err := os.ReadFile("../docs/COVERAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules -coverage -->\n", "<!-- end -->"
	text := string(doc)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("docs/COVERAGE.md: want the table between %q and %q", strings.TrimSpace(begin), end)
	}
	if got := text[i+len(begin) : j]; got != string(stdout) {
		t.Errorf("docs/COVERAGE.md table differs from `go run ./wasm rules -coverage`:\ngot\n%s\nwant\n%s", got, stdout)
	}
	if n := strings.Count(string(stdout), "\n"); n != 2+31 {
		t.Errorf("rules -coverage: got %d lines, want the header and 31 provinces", n)
	}
}

// places.json is in its canonical form, its pinyin and English names
// derived from its Chinese names as `wasm places` derives them.
func TestPlacesUpToDate(t *testing.T) {
	_, stderr, code := run(t, nil, "places", "-check", "../calc/rules/data/places.json")
	if code != 0 {
		t.Errorf("places -check: exit %d: %s", code, stderr)
	}
}

// calc/rules/compact_gen.go, the browser's copy of the rule data, is what
// `wasm compact` makes of calc/rules/data/ now.
func TestCompactRulesUpToDate(t *testing.T) {
	_, stderr, code := run(t, nil, "compact", "-check", "../calc/rules/data", "../calc/rules/compact_gen.go")
	if code != 0 {
		t.Errorf("compact -check: exit %d: %s", code, stderr)
	}
}
