package estimate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRequest: any bytes on the command line's stdin are either answered
// or refused with a coded, bilingual error; nothing panics, and an answer
// is valid JSON with amounts as strings.
func FuzzRequest(f *testing.F) {
	for _, pattern := range []string{"../../testdata/fuzz/requests/*.json", "../../testdata/cli/*.request.json"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, g := range loadGoldenF(f) {
		f.Add([]byte(g))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := Decode(strings.NewReader(string(data)))
		if err == nil {
			var resp *Response
			if resp, err = Run(req); err == nil {
				if _, jerr := json.Marshal(resp); jerr != nil {
					t.Fatalf("answer does not marshal: %v", jerr)
				}
				return
			}
		}
		if err.Code == "" || err.Message == "" || err.MessageEN == "" {
			t.Fatalf("error %+v lacks a code or a message", err)
		}
	})
}

// loadGoldenF returns the golden cases' requests as seeds.
func loadGoldenF(f *testing.F) []string {
	paths, _ := filepath.Glob("../../testdata/golden/*.json")
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var g goldenFile
		if err := json.Unmarshal(data, &g); err != nil {
			f.Fatal(err)
		}
		for _, c := range g.Cases {
			out = append(out, string(c.Request))
		}
	}
	return out
}
