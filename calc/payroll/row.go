package payroll

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// Row is one validated employee from the file.
type Row struct {
	Line     int
	Name     string
	StaffID  string
	IDNumber string // normalized; checked
	Status   calc.EmployeeStatus
	Wage     calc.WageInput
	Basic    *decimal.Decimal // 上月基本工资, for institution staff
}

// Who names the row's person for messages: name, staff id, or masked ID
// number.
func (r Row) Who() string {
	switch {
	case r.Name != "":
		return r.Name
	case r.StaffID != "":
		return r.StaffID
	case r.IDNumber != "":
		return MaskIDNumber(r.IDNumber)
	}
	return fmt.Sprintf("第 %d 行", r.Line)
}

// RowError is why a row was rejected: its line, the column at fault (and
// the file's header for it), a code and the reason in Chinese and English.
type RowError struct {
	Line      int    `json:"line"`
	Cell      string `json:"cell,omitempty"` // a worksheet's cell, "C7"
	Column    Column `json:"column,omitempty"`
	Header    string `json:"header,omitempty"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

// Error formats the row error for a terminal, Chinese then English.
func (e RowError) Error() string {
	col, at := "", ""
	if e.Header != "" {
		col = "「" + e.Header + "」"
	}
	if e.Cell != "" {
		col += "（" + e.Cell + "）"
		at = " (" + e.Cell + ")"
	}
	return fmt.Sprintf("第 %d 行%s：%s / line %d%s: %s", e.Line, col, e.Message, e.Line, at, e.MessageEN)
}

// Row error codes (docs/ERRORS.md).
const (
	CodeRowNoName     = "row_no_name"
	CodeRowIDNumber   = "row_id_number"
	CodeRowStatus     = "row_status"
	CodeRowExtraCells = "row_extra_cells"
	CodeRowCellLong   = "row_cell_too_long"
	CodeRowEncoding   = "row_encoding"
	CodeRowDuplicate  = "row_duplicate"
	CodeRowMalformed  = "row_malformed"
	CodeRowIDNumeric  = "row_id_number_numeric"
)

// statusAliases are the statuses a file may write, normalized.
var statusAliases = map[string]calc.EmployeeStatus{
	"": calc.StatusActive, "在职": calc.StatusActive, "在岗": calc.StatusActive, "正常": calc.StatusActive, "active": calc.StatusActive,
	"退休返聘": calc.StatusRehiredRetiree, "返聘": calc.StatusRehiredRetiree, "退休": calc.StatusRehiredRetiree,
	"rehiredretiree": calc.StatusRehiredRetiree, "retiree": calc.StatusRehiredRetiree,
	"外地参保": calc.StatusInsuredElsewhere, "异地参保": calc.StatusInsuredElsewhere,
	"insuredelsewhere": calc.StatusInsuredElsewhere,
}

// ParseRow validates one data row against the mapping and returns the row
// or every problem found in it (not just the first, so a person can fix
// them all at once). header is the file's header row, for messages.
func ParseRow(cells []string, m Mapping, header []string, line int) (Row, []RowError) {
	row := Row{Line: line}
	var errs []RowError
	fail := func(c Column, h, code, zh, en string) {
		errs = append(errs, RowError{Line: line, Column: c, Header: h, Code: code, Message: zh, MessageEN: en})
	}
	if len(cells) > len(m) {
		// The cells after a stray comma are shifted: checking them would
		// only report the shift again, column by column.
		extra := strings.Join(cells[len(m):], ",")
		fail(Ignored, "", CodeRowExtraCells,
			fmt.Sprintf("这一行比表头多 %d 个单元格（%s）：金额中的逗号需要用引号括起来，如 \"5,000\"", len(cells)-len(m), extra),
			fmt.Sprintf("the row has %d more cells than the header (%s): an amount with a comma must be quoted, as \"5,000\"", len(cells)-len(m), extra))
		return row, errs
	}
	var cellOf, headerOf rowCells
	for i, c := range m {
		if c == Ignored || i >= len(cells) {
			continue
		}
		v := strings.TrimSpace(cells[i])
		h := header[i]
		headerOf.set(c, h)
		switch {
		case !validText(v):
			fail(c, h, CodeRowEncoding, "单元格含有无法识别的字符（文件编码可能混用）", "the cell holds characters that are not text (mixed encodings?)")
			continue
		case len(v) > MaxCellBytes:
			fail(c, h, CodeRowCellLong, fmt.Sprintf("单元格超过 %d 字节", MaxCellBytes), fmt.Sprintf("the cell is longer than %d bytes", MaxCellBytes))
			continue
		}
		cellOf.set(c, v)
	}
	row.Name, row.StaffID = cellOf.get(Name), cellOf.get(StaffID)
	if v := cellOf.get(IDNumber); v != "" {
		id, zh, en, ok := CheckIDNumber(v)
		row.IDNumber = id
		if !ok {
			fail(IDNumber, headerOf.get(IDNumber), CodeRowIDNumber, zh, en)
		}
	}
	if row.Name == "" && row.StaffID == "" && row.IDNumber == "" && !hasColumnError(errs, IDNumber) {
		fail(Name, headerOf.get(Name), CodeRowNoName, "这一行没有姓名、工号或身份证号", "the row has no name, staff id or ID number")
	}
	st, ok := statusAliases[cellOf.get(Status)]
	if !ok {
		st, ok = statusAliases[normalizeHeader(cellOf.get(Status))]
	}
	if !ok {
		fail(Status, headerOf.get(Status), CodeRowStatus,
			"人员类别应为 在职、退休返聘 或 外地参保，收到“"+cellOf.get(Status)+"”", "status must be 在职 (active), 退休返聘 (rehired retiree) or 外地参保 (insured elsewhere); got "+fmt.Sprintf("%q", cellOf.get(Status)))
	}
	row.Status = st
	amount := func(c Column) *decimal.Decimal {
		v := cellOf.get(c)
		if v == "" {
			return nil
		}
		d, err := calc.ParseAmount(string(c), v)
		if err != nil {
			fail(c, headerOf.get(c), err.Code, err.Message, err.MessageEN)
			return nil
		}
		return &d
	}
	row.Wage.MonthlyWage = amount(MonthlyWage)
	row.Wage.AnnualWage = amount(AnnualWage)
	row.Basic = amount(BasicWage)
	if v := cellOf.get(Months); v != "" {
		n, err := calc.ParseMonths(string(Months), v)
		if err != nil {
			fail(Months, headerOf.get(Months), err.Code, err.Message, err.MessageEN)
		}
		row.Wage.Months = n
	}
	if row.Wage.MonthlyWage != nil {
		// A monthly average, when given, is the figure used; an annual
		// total beside it is only informative.
		row.Wage.AnnualWage, row.Wage.Months = nil, 0
	}
	return row, errs
}

func hasColumnError(errs []RowError, c Column) bool {
	for _, e := range errs {
		if e.Column == c {
			return true
		}
	}
	return false
}

// rowCells holds one row's text by column, without a map per row.
type rowCells [len(columnIndex)]string

// columnIndex numbers the columns for cells.
var columnIndex = [...]Column{Name, StaffID, IDNumber, MonthlyWage, AnnualWage, Months, Status, BasicWage}

func indexOf(c Column) int {
	for i, x := range columnIndex {
		if x == c {
			return i
		}
	}
	return -1
}

func (cs *rowCells) set(c Column, v string) {
	if i := indexOf(c); i >= 0 {
		cs[i] = v
	}
}

func (cs *rowCells) get(c Column) string {
	if i := indexOf(c); i >= 0 {
		return cs[i]
	}
	return ""
}
