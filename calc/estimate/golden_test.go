package estimate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// goldenFile is one notice's golden cases (testdata/golden/*.json). Each
// case is a request and what a person would check in the answer, as
// dotted paths into the JSON response ("worker.base",
// "employer.employees[1].outcome", "error.code"). A path segment "*"
// matches any element; a key ending in "~" checks that the string
// contains the value; "#" is a list's length; null means absent.
type goldenFile struct {
	Notice string       `json:"notice"`
	Cases  []goldenCase `json:"cases"`
}

type goldenCase struct {
	Name    string          `json:"name"`
	Shows   string          `json:"shows"`
	Request json.RawMessage `json:"request"`
	Want    map[string]any  `json:"want"`
}

func loadGolden(t *testing.T) map[string]goldenFile {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/golden/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files found: %v", err)
	}
	files := map[string]goldenFile{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var f goldenFile
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		files[filepath.Base(p)] = f
	}
	return files
}

// answer runs a request as the command line does and returns the JSON it
// would print, decoded.
func answer(raw []byte) any {
	var body any
	req, err := Decode(strings.NewReader(string(raw)))
	if err == nil {
		var resp *Response
		if resp, err = Run(req); err == nil {
			body = resp
		}
	}
	if err != nil {
		body = ErrorBody{Error: err}
	}
	data, _ := json.Marshal(body)
	var v any
	_ = json.Unmarshal(data, &v)
	return v
}

func TestGolden(t *testing.T) {
	total := 0
	for name, f := range loadGolden(t) {
		seen := map[string]bool{}
		for _, c := range f.Cases {
			total++
			if seen[c.Name] {
				t.Errorf("%s: case name %q used twice", name, c.Name)
			}
			seen[c.Name] = true
			if len(c.Want) == 0 || c.Shows == "" {
				t.Errorf("%s/%s: a case needs a want and says what it shows", name, c.Name)
			}
			t.Run(strings.TrimSuffix(name, ".json")+"/"+c.Name, func(t *testing.T) {
				got := answer(c.Request)
				for path, want := range c.Want {
					if msg := check(got, path, want); msg != "" {
						var req bytes.Buffer
						_ = json.Compact(&req, c.Request)
						t.Errorf("%s (%s)\n  request %s\n  %s", path, c.Shows, req.String(), msg)
					}
				}
			})
		}
	}
	if total < 60 {
		t.Errorf("got %d golden cases, want at least 60", total)
	}
}

// check compares the value(s) at path with want and returns a failure
// message, or "".
func check(doc any, path string, want any) string {
	contains := strings.HasSuffix(path, "~")
	path = strings.TrimSuffix(path, "~")
	vals := resolve([]any{doc}, splitPath(path))
	if want == nil {
		for _, v := range vals {
			if v != nil {
				return fmt.Sprintf("got %v, want nothing", show(v))
			}
		}
		return ""
	}
	if len(vals) == 0 {
		return fmt.Sprintf("got nothing, want %v", show(want))
	}
	for _, v := range vals {
		if contains {
			if s, ok := v.(string); ok && strings.Contains(s, fmt.Sprint(want)) {
				return ""
			}
		} else if reflect.DeepEqual(v, want) {
			return ""
		}
	}
	if len(vals) == 1 {
		return fmt.Sprintf("got %v, want %v", show(vals[0]), show(want))
	}
	return fmt.Sprintf("got none of %d values matching %v: %v", len(vals), show(want), show(vals))
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// splitPath turns "a.b[2].c" into ["a", "b", "2", "c"].
func splitPath(p string) []string {
	p = strings.ReplaceAll(p, "[", ".")
	p = strings.ReplaceAll(p, "]", "")
	return strings.Split(p, ".")
}

func resolve(cur []any, segs []string) []any {
	for _, s := range segs {
		var next []any
		for _, c := range cur {
			switch x := c.(type) {
			case map[string]any:
				if v, ok := x[s]; ok {
					next = append(next, v)
				}
			case []any:
				switch {
				case s == "*":
					next = append(next, x...)
				case s == "#":
					next = append(next, float64(len(x)))
				default:
					if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(x) {
						next = append(next, x[i])
					}
				}
			}
		}
		cur = next
	}
	return cur
}
