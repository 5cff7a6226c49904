package payroll_test

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"sibase/calc"
	"sibase/calc/payroll"
	"sibase/testdata/payrollgen"
)

// BenchmarkRoster100k decides a 100,000-row payroll file and writes the
// adjusted-base list, as `sibase roster` does; it reports rows per second
// and the peak heap in use while it runs.
func BenchmarkRoster100k(b *testing.B) {
	const rows = 100_000
	data := payrollgen.CSV(rows)
	r := daqing(b)
	var peak uint64
	for b.Loop() {
		lw := payroll.NewListWriter(io.Discard)
		n := 0
		j := payroll.Job{Rules: r, Insurance: calc.Pension, Kind: calc.EmployerEnterprise, OnEntry: func(e payroll.Entry) error {
			n++
			if n%10_000 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
			return lw.Write(e)
		}}
		s, err := j.Run(bytes.NewReader(data))
		if err != nil || s.Read != rows || s.Rejected != 0 {
			b.Fatalf("got %v, read %d, rejected %d; want %d rows, none rejected", err, s.Read, s.Rejected, rows)
		}
		lw.Flush()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
