//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/payroll"
)

// FuzzPayrollFile: any bytes as a payroll file — CSV or TSV, UTF-8, BOM,
// GBK or UTF-16, ragged rows, stray quotes, huge cells, workbooks whole or
// cut — are opened as roster opens them, without a panic; a file that
// opens has every row accounted for: read = computed + rejected, each
// rejection with its line and a bilingual reason.
func FuzzPayrollFile(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/payroll/*.csv")
	tsv, _ := filepath.Glob("../testdata/payroll/*.tsv")
	books, _ := filepath.Glob("../testdata/payroll/*.xlsx")
	for _, p := range append(append(paths, tsv...), books...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("姓名,上年月平均工资\n\"张三,3000\n李四,\"\"\"4000\n"))
	f.Add([]byte("\xef\xbb\xbf姓名\t上年月平均工资\n张三\t" + string(bytes.Repeat([]byte("9"), 5000)) + "\n"))
	rules, _, cerr := estimate.ResolveRules(&estimate.Request{Date: "2011-06", Region: "230600", Rule: &estimate.Rule{Average: "2278"}})
	if cerr != nil {
		f.Fatal(cerr)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		table, _, err := openPayroll(bytes.NewReader(data), "")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a file refused without a reason")
			}
			return
		}
		var rejectedLines int
		job := payroll.Job{Rules: rules, Insurance: calc.Pension, Kind: calc.EmployerEnterprise,
			OnError: func(line int, _ []string, errs []payroll.RowError) error {
				rejectedLines++
				for _, e := range errs {
					if e.Line <= 0 || e.Code == "" || e.Message == "" || e.MessageEN == "" {
						t.Fatalf("row error %+v lacks its line, code or message", e)
					}
				}
				return nil
			}}
		s, err := job.RunTable(table)
		if err != nil {
			return
		}
		if s.Read != s.Computed+s.Rejected || s.Rejected != rejectedLines {
			t.Fatalf("read %d != computed %d + rejected %d (reported %d)", s.Read, s.Computed, s.Rejected, rejectedLines)
		}
	})
}
