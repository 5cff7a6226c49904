package payroll

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits on what a payroll file may hold. They bound memory and time on a
// phone; a file over them is refused with a message saying so.
const (
	MaxFileBytes = 64 << 20 // 64 MiB
	MaxRows      = 200_000  // data rows
	MaxCellBytes = 1000     // one cell
)

// Reader reads a payroll table from text: the header row (found as
// findHeader finds it, below any title rows), then data rows with their
// line numbers. The delimiter is found from the first line: a tab (cells
// pasted from Excel or WPS, or a TSV file) or a comma. It is a Table.
type Reader struct {
	csv     *csv.Reader
	header  []string
	titles  int
	pending []TableRow
	err     error
	errLine int
	rows    int
	// Blank counts the empty lines skipped (not rows).
	Blank int
}

// ErrNoHeader is returned for a file without a header row.
var ErrNoHeader = errors.New("payroll: the file is empty: it needs a header row (姓名, 上年月平均工资, …)")

// ErrTooManyRows is returned when a file holds more than MaxRows rows.
var ErrTooManyRows = fmt.Errorf("payroll: more than %d rows: split the file", MaxRows)

// NewReader reads UTF-8 text (a leading BOM is dropped) up to its header
// row.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, bom) {
		br.Discard(3)
	}
	first, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	c := csv.NewReader(br)
	c.FieldsPerRecord = -1
	c.LazyQuotes = true
	if bytes.Contains(first, []byte{'\t'}) {
		c.Comma = '\t'
	}
	rd := &Reader{csv: c}
	h, titles, after, err := findHeader(rd.nextRaw)
	if errors.Is(err, ErrNoHeader) {
		return nil, err
	}
	if err != nil && len(after) == 0 && h.Cells == nil {
		return nil, fmt.Errorf("payroll: header row: %w", err)
	}
	rd.header, rd.titles, rd.pending, rd.err = trimmed(h.Cells), titles, after, err
	return rd, nil
}

// Header returns the header row's cells.
func (rd *Reader) Header() []string { return rd.header }

// Delimiter returns the cell separator found: ',' or '\t'.
func (rd *Reader) Delimiter() rune { return rd.csv.Comma }

// Blanks counts the empty lines skipped.
func (rd *Reader) Blanks() int { return rd.Blank }

// TitleRows counts the rows above the header.
func (rd *Reader) TitleRows() int { return rd.titles }

// Cell is "" for text: its rows are named by line and header.
func (rd *Reader) Cell(line, col int) string { return "" }

// nextRaw returns the next non-blank record and the line it starts on.
func (rd *Reader) nextRaw() (TableRow, error) {
	for {
		rec, err := rd.csv.Read()
		if err == io.EOF {
			return TableRow{}, io.EOF
		}
		line := 0
		if len(rec) > 0 {
			line, _ = rd.csv.FieldPos(0)
		}
		// encoding/csv returns its *ParseError as it is (a type
		// assertion keeps reflection out of app.wasm).
		if perr, ok := err.(*csv.ParseError); ok {
			rd.errLine = perr.StartLine
			return TableRow{}, err
		}
		if err != nil {
			rd.errLine = line
			return TableRow{}, err
		}
		if blank(rec) {
			rd.Blank++
			continue
		}
		return TableRow{Line: line, Cells: rec}, nil
	}
}

// Next returns the next data row; io.EOF after the last. Empty lines are
// skipped and counted in Blank. A malformed row (say, a quote never
// closed) is returned as a *RowReadError naming its line; the caller may
// go on reading.
func (rd *Reader) Next() (TableRow, error) {
	var row TableRow
	var err error
	switch {
	case len(rd.pending) > 0:
		row, rd.pending = rd.pending[0], rd.pending[1:]
	case rd.err != nil:
		err, rd.err = rd.err, nil
	default:
		row, err = rd.nextRaw()
	}
	if err == io.EOF {
		return TableRow{}, io.EOF
	}
	if err != nil {
		return TableRow{Line: rd.errLine}, &RowReadError{Line: rd.errLine, Err: err}
	}
	rd.rows++
	if rd.rows > MaxRows {
		return row, ErrTooManyRows
	}
	return row, nil
}

// RowReadError is a row that cannot be read (a quote never closed): the
// row is rejected and reading goes on.
type RowReadError struct {
	Line int
	Err  error
}

func (e *RowReadError) Error() string { return e.Err.Error() }

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// validText reports whether a cell is valid UTF-8 (a GBK file read as
// UTF-8 is not).
func validText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) }
