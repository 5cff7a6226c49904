// Package payrollgen writes large payroll files for the benchmarks and
// the browser tests: n employees with valid, distinct ID numbers, as the
// CSV an employer exports, or as an Excel workbook (workbook.go).
//
//	data := payrollgen.CSV(100_000) // 姓名,工号,身份证号,上年月平均工资,人员类别
package payrollgen

import (
	"bytes"
	"fmt"
)

// CSV writes n employees as a UTF-8 CSV with a header row; every tenth is
// a rehired retiree (退休返聘), and wages run from 800.00 to 9799.99.
func CSV(n int) []byte {
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
