//go:build !wasm

package payroll_test

import (
	"io"
	"testing"

	"sibase/calc"
	"sibase/calc/payroll"
	"sibase/calc/payroll/xlsx"
	"sibase/testdata/payrollgen"
)

// BenchmarkWorkbook100k decides payrollgen's 100,000 employees from an
// .xlsx workbook written by excelize's stream writer (wages as numbers;
// 28 MB of sheet XML inflated from 3.4 MB), as `sibase roster -in
// x.xlsx` does: the archive opened, the sheet inflated and scanned, every
// row decided and the list written.
func BenchmarkWorkbook100k(b *testing.B) {
	const rows = 100_000
	data, err := payrollgen.Workbook(rows)
	if err != nil {
		b.Fatal(err)
	}
	r := daqing(b)
	for b.Loop() {
		wb, err := xlsx.Open(data)
		if err != nil {
			b.Fatal(err)
		}
		tbl, err := payroll.OpenSheet(wb, payroll.ChooseSheet(wb))
		if err != nil {
			b.Fatal(err)
		}
		lw := payroll.NewListWriter(io.Discard)
		j := payroll.Job{Rules: r, Insurance: calc.Pension, Kind: calc.EmployerEnterprise, OnEntry: lw.Write}
		s, err := j.RunTable(tbl)
		if err != nil || s.Read != rows || s.Rejected != 0 {
			b.Fatalf("got %v, read %d, rejected %d; want %d rows, none rejected", err, s.Read, s.Rejected, rows)
		}
		lw.Flush()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(len(data)), "file-bytes")
}
