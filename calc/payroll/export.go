package payroll

import (
	"encoding/csv"
	"io"
	"strconv"

	"sibase/calc"
)

// ListHeader is the header of the adjusted-base list (调整基数名单) sibase
// writes for the bureau (庆社险函〔2011〕3号 三(二)1).
var ListHeader = []string{"序号", "姓名", "工号", "身份证号码", "人员类别", "上年月平均工资", "个人缴费基数", "核定情况"}

// ListWriter writes the adjusted-base list as CSV for Excel: UTF-8 with a
// byte-order mark, CRLF line ends, and long digit strings (ID numbers,
// staff numbers with leading zeros) prefixed with a tab so Excel keeps
// them as text instead of rounding them to 15 digits. The BOM and header
// are written with the first row, or by Flush: a job that fails before
// any row writes nothing.
type ListWriter struct {
	out     io.Writer
	w       *csv.Writer
	seq     int
	started bool
}

// NewListWriter returns a writer for the list.
func NewListWriter(w io.Writer) *ListWriter {
	c := csv.NewWriter(w)
	c.UseCRLF = true
	return &ListWriter{out: w, w: c}
}

func (lw *ListWriter) start() error {
	if lw.started {
		return nil
	}
	lw.started = true
	if _, err := lw.out.Write(bom); err != nil {
		return err
	}
	return lw.w.Write(ListHeader)
}

// Write adds one computed row.
func (lw *ListWriter) Write(e Entry) error {
	if err := lw.start(); err != nil {
		return err
	}
	lw.seq++
	r, res := e.Row, e.Result
	base := ""
	if res.Base != nil {
		base = calc.Yuan(*res.Base)
	}
	wage := ""
	if res.Wage != nil {
		wage = calc.Yuan(*res.Wage)
	}
	return lw.w.Write([]string{strconv.Itoa(lw.seq), r.Name, excelText(r.StaffID), excelText(r.IDNumber),
		StatusLabel(r.Status), wage, base, res.Outcome.Label()})
}

// Flush writes the header if no row did, then any buffered rows, and
// reports a write error.
func (lw *ListWriter) Flush() error {
	if err := lw.start(); err != nil {
		return err
	}
	lw.w.Flush()
	return lw.w.Error()
}

// StatusLabel is a status as the list writes it.
func StatusLabel(s calc.EmployeeStatus) string {
	return map[calc.EmployeeStatus]string{calc.StatusActive: "在职", calc.StatusRehiredRetiree: "退休返聘", calc.StatusInsuredElsewhere: "外地参保"}[s]
}

// excelText prefixes a long or zero-led digit string with a tab, which
// Excel shows as text and sibase's reader trims.
func excelText(s string) string {
	if s == "" {
		return s
	}
	digits := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && !(c == 'X' && i == len(s)-1) {
			digits = false
			break
		}
	}
	if digits && (s[0] == '0' || len(s) > 11) {
		return "\t" + s
	}
	return s
}
