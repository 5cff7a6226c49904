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

// Reader reads a payroll table: the header row, then data rows with their
// line numbers. The delimiter is found from the header line: a tab (cells
// pasted from Excel or WPS, or a TSV file) or a comma.
type Reader struct {
	csv    *csv.Reader
	header []string
	rows   int
	// Blank counts the empty lines skipped (not rows).
	Blank int
}

// ErrNoHeader is returned for a file without a header row.
var ErrNoHeader = errors.New("payroll: the file is empty: it needs a header row (姓名, 上年月平均工资, …)")

// ErrTooManyRows is returned when a file holds more than MaxRows rows.
var ErrTooManyRows = fmt.Errorf("payroll: more than %d rows: split the file", MaxRows)

// NewReader reads the header row of UTF-8 text (a leading BOM is
// dropped).
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
	for {
		rec, err := c.Read()
		if err == io.EOF {
			return nil, ErrNoHeader
		}
		if err != nil {
			return nil, fmt.Errorf("payroll: header row: %w", err)
		}
		if blank(rec) {
			continue
		}
		rd.header = make([]string, len(rec))
		for i, h := range rec {
			rd.header[i] = strings.TrimSpace(h)
		}
		return rd, nil
	}
}

// Header returns the header row's cells.
func (rd *Reader) Header() []string { return rd.header }

// Delimiter returns the cell separator found: ',' or '\t'.
func (rd *Reader) Delimiter() rune { return rd.csv.Comma }

// Next returns the next data row and the line it starts on; io.EOF after
// the last. Empty lines are skipped and counted in Blank. A malformed row
// (say, a quote never closed) is returned as an error naming its line; the
// caller may go on reading.
func (rd *Reader) Next() (int, []string, error) {
	for {
		rec, err := rd.csv.Read()
		if err == io.EOF {
			return 0, nil, io.EOF
		}
		line := 0
		if len(rec) > 0 {
			line, _ = rd.csv.FieldPos(0)
		}
		// encoding/csv returns its *ParseError as it is (a type
		// assertion keeps reflection out of app.wasm).
		if perr, ok := err.(*csv.ParseError); ok {
			return perr.StartLine, nil, err
		}
		if err != nil {
			return line, nil, err
		}
		if blank(rec) {
			rd.Blank++
			continue
		}
		rd.rows++
		if rd.rows > MaxRows {
			return line, nil, ErrTooManyRows
		}
		return line, rec, nil
	}
}

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
func validText(s string) bool { return utf8.ValidString(s) }
