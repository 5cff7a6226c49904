package rules

import (
	"os"
	"path/filepath"
	"testing"

	"sibase/calc"
)

// FuzzRuleFile: a rule file written by hand — any bytes — is loaded or
// refused with the file named; nothing panics. A file that loads resolves
// at every one of its periods and yields its flexible schedule.
func FuzzRuleFile(f *testing.F) {
	for _, pattern := range []string{"data/*.json", "../../testdata/rules/*.json"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := Parse("fuzz.json", data)
		if err != nil {
			fe, ok := err.(*FileError)
			if !ok || fe.File != "fuzz.json" || fe.Err.Code == "" || fe.Err.Message == "" || fe.Err.MessageEN == "" {
				t.Fatalf("error %v does not name the file with a coded, bilingual reason", err)
			}
			return
		}
		for _, p := range rs.Periods() {
			r, cerr := rs.At(p.From)
			if cerr != nil {
				t.Fatalf("a valid set does not resolve at its own period %s: %v", p.From, cerr)
			}
			if lim, cerr := r.Limits(); cerr == nil && lim.Floor.GreaterThan(lim.Cap) {
				t.Fatalf("floor %s above cap %s at %s", lim.Floor, lim.Cap, p.From)
			}
		}
		rs.FlexibleSchedule()
		_ = calc.Month{}
	})
}
