package payroll

import (
	"errors"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// MaxKeptErrors bounds the row errors a Summary keeps; the rest are
// counted in Rejected (and passed to OnError as they occur).
const MaxKeptErrors = 10_000

// Job is one payroll file to compute: the rules, the employer, and what to
// do with each row as it is decided.
type Job struct {
	Rules     *calc.Rules
	Insurance calc.Insurance
	Kind      calc.EmployerKind
	// Payroll and LastPayroll are the employer's previous-year average
	// monthly total wages and last month's payroll, where the rules use
	// them (nil: the listed wages are summed, or calc asks for it).
	Payroll, LastPayroll *decimal.Decimal
	// Mapping overrides the header's automatic mapping when not nil.
	Mapping Mapping
	// Headers maps header texts the automatic mapping does not know (or
	// maps otherwise) to columns, e.g. {"月薪": MonthlyWage}.
	Headers map[string]Column
	// Fixed replaces the cells of the rows on the given lines (rows a
	// person corrected after a first run).
	Fixed map[int][]string
	// OnEntry and OnError, when set, receive each computed row and each
	// rejected row (its cells and errors) in file order. An error they
	// return stops the job (a cancel button, a failed write).
	OnEntry func(Entry) error
	OnError func(line int, cells []string, errs []RowError) error
}

// Summary is the outcome of a Job: every row accounted for, the unit base
// and why, and the errors kept.
type Summary struct {
	Header    []string
	Mapping   Mapping
	Unknown   []int // header positions not mapped
	Delimiter rune  // text only
	Blank     int
	TitleRows int // rows above the header, not counted in Read
	Read      int
	Computed  int
	Rejected  int
	Counts    map[calc.Outcome]int
	Employer  calc.EmployerResult
	Errors    []RowError // the first MaxKeptErrors
}

// ErrMapping is returned when the header lacks a column the roster needs;
// the Summary's Header, Mapping and Unknown say what was found.
var ErrMapping = errors.New("payroll: the header lacks a needed column")

// Run reads UTF-8 payroll text from r and decides every row (RunTable).
func (j Job) Run(r io.Reader) (*Summary, error) {
	rd, err := NewReader(r)
	if err != nil {
		return nil, err
	}
	s, err := j.RunTable(rd)
	if s != nil {
		s.Delimiter = rd.Delimiter()
	}
	return s, err
}

// RunTable decides every row of a table (text or a worksheet). It returns
// an error only for a table it cannot read at all (no header, a needed
// column missing, too many rows, a damaged workbook) or rules that cannot
// give this employer a unit base; row problems are in the Summary.
func (j Job) RunTable(rd Table) (*Summary, error) {
	s := &Summary{Header: rd.Header()}
	s.Mapping, s.Unknown = AutoMap(rd.Header())
	if j.Mapping != nil {
		s.Mapping = j.Mapping
		s.Unknown = nil
	}
	if len(j.Headers) > 0 {
		var still []int
		for _, i := range s.Unknown {
			if c, ok := j.Headers[s.Header[i]]; ok {
				s.Mapping[i] = c
			} else {
				still = append(still, i)
			}
		}
		s.Unknown = still
	}
	if len(s.Mapping.Missing()) > 0 {
		return s, ErrMapping
	}
	ro, cerr := NewRoster(j.Rules, j.Insurance, j.Kind)
	if cerr != nil {
		return s, cerr
	}
	reject := func(line int, cells []string, errs []RowError) error {
		for _, e := range errs {
			if len(s.Errors) < MaxKeptErrors {
				s.Errors = append(s.Errors, e)
			}
		}
		if j.OnError != nil {
			return j.OnError(line, cells, errs)
		}
		return nil
	}
	for {
		tr, err := rd.Next()
		line, cells := tr.Line, tr.Cells
		if err == io.EOF {
			break
		}
		// A type assertion, not errors.As: reflection stays out of app.wasm.
		if rerr, ok := err.(*RowReadError); ok {
			// A row that cannot be read is rejected like any other, so it
			// is counted the same way.
			errs := []RowError{{Line: rerr.Line, Code: CodeRowMalformed, Message: "这一行无法解析：" + err.Error(), MessageEN: "the row cannot be read: " + err.Error()}}
			ro.Add(Row{Line: rerr.Line}, errs)
			if err := reject(rerr.Line, nil, errs); err != nil {
				return s, err
			}
			continue
		}
		if err != nil {
			// Too many rows, or a workbook that cannot be read on.
			return s, err
		}
		numeric := tr.Numeric
		if fixed, ok := j.Fixed[line]; ok {
			cells, numeric = fixed, nil
		}
		row, errs := ParseRow(cells, s.Mapping, s.Header, line)
		errs = append(errs, lostDigits(numeric, s.Mapping, s.Header, cells, line, errs)...)
		for i := range errs {
			if col := s.Mapping.index(errs[i].Column); col >= 0 && errs[i].Column != Ignored {
				errs[i].Cell = rd.Cell(line, col)
			}
		}
		entry, errs, cerr := ro.Add(row, errs)
		if cerr != nil {
			return s, cerr
		}
		if len(errs) > 0 {
			if err := reject(line, cells, errs); err != nil {
				return s, err
			}
			continue
		}
		if j.OnEntry != nil {
			if err := j.OnEntry(entry); err != nil {
				return s, err
			}
		}
	}
	s.Blank, s.TitleRows, s.Read, s.Computed, s.Rejected = rd.Blanks(), rd.TitleRows(), ro.Read, ro.Computed, ro.Rejected
	s.Counts = ro.Counts()
	s.Employer, cerr = ro.Finish(j.Payroll, j.LastPayroll)
	if cerr != nil {
		return s, cerr
	}
	return s, nil
}

// UnknownHeaders lists the header texts the Summary could not map.
func (s *Summary) UnknownHeaders() []string {
	var out []string
	for _, i := range s.Unknown {
		out = append(out, s.Header[i])
	}
	return out
}

// lostDigits rejects an ID number a worksheet stored as a number: Excel
// keeps 15 significant digits, so an 18-digit ID number typed into a cell
// not formatted as text has lost its last three (it shows 1.10101E+17).
// The row is rejected with what happened and how to fix it, rather than
// the ID number taken with wrong digits. A row whose ID already failed
// its check is not reported twice.
func lostDigits(numeric []bool, m Mapping, header, cells []string, line int, errs []RowError) []RowError {
	i := m.index(IDNumber)
	if i < 0 || i >= len(numeric) || !numeric[i] || strings.TrimSpace(cells[i]) == "" {
		return nil
	}
	for j, e := range errs {
		if e.Column == IDNumber {
			errs[j].Code = CodeRowIDNumeric
			errs[j].Message, errs[j].MessageEN = idNumericZH, idNumericEN
			return nil
		}
	}
	return []RowError{{Line: line, Column: IDNumber, Header: header[i], Code: CodeRowIDNumeric, Message: idNumericZH, MessageEN: idNumericEN}}
}

const (
	idNumericZH = "身份证号在表格里存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失：请把这一列设为“文本”格式后重新输入身份证号（或在号码前加英文单引号 '）"
	idNumericEN = "the ID number was stored as a number: Excel keeps 15 significant digits, so its last digits are lost; format the column as Text and type the ID numbers again (or start each with ')"
)
