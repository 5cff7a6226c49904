package payroll_test

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"

	"sibase/calc"
	"sibase/calc/payroll"
)

// payrollFile writes n employees as a UTF-8 CSV with valid ID numbers,
// wages across the limits and every tenth a rehired retiree.
func payrollFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("姓名,工号,身份证号,上年月平均工资,人员类别\n")
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%06d19%02d%02d%02d%03d", 110101+i/21000, 60+i%40, 1+i%12, 1+i%28, i%1000) // unique for 2,100,000 rows
		sum := 0
		for j, w := range weights {
			sum += int(id[j]-'0') * w
		}
		id += string("10X98765432"[sum%11])
		status := "在职"
		if i%10 == 9 {
			status = "退休返聘"
		}
		fmt.Fprintf(&b, "职工%d,S%06d,%s,%d.%02d,%s\n", i, i, id, 800+i%9000, i%100, status)
	}
	return b.Bytes()
}

// BenchmarkRoster100k decides a 100,000-row payroll file and writes the
// adjusted-base list, as `sibase roster` does; it reports rows per second
// and the peak heap in use while it runs.
func BenchmarkRoster100k(b *testing.B) {
	const rows = 100_000
	data := payrollFile(rows)
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
