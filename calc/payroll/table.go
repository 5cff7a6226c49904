package payroll

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"sibase/calc/payroll/xlsx"
)

// Table is where a Job's rows come from: CSV or TSV text (Reader) or a
// worksheet of a workbook (SheetTable). Both find the header row the same
// way (findHeader) and number rows as the person sees them: the text's
// line, the sheet's row.
type Table interface {
	// Header is the header row's cells.
	Header() []string
	// Next returns the next non-blank data row; io.EOF after the last.
	Next() (TableRow, error)
	// Blanks counts the empty rows skipped, TitleRows the rows above the
	// header (a title, a date line).
	Blanks() int
	TitleRows() int
	// Cell names a data cell for messages: "C7" in a sheet, "" in text.
	Cell(line, col int) string
}

// TableRow is one row of a Table: where it is, its cells, and which of
// them the source stored as numbers (a worksheet's; text has none).
type TableRow struct {
	Line    int
	Cells   []string
	Numeric []bool
}

// headerScan is how many non-blank rows from the top may be title rows
// before the header.
const headerScan = 20

// findHeader reads rows from next until it has the header: the first row
// that names a person's column and a wage column (Mapping.Missing is
// empty), else the one that names the most columns, the one with the most
// filled cells among those (a title is one merged cell), the first of
// equals. It
// returns the header, the rows above it (titles) and the rows read after
// it, to be returned first as data. A read error ends the search: the
// rows read so far decide, and the error is returned with the rows to
// give back before it.
func findHeader(next func() (TableRow, error)) (header TableRow, titles int, after []TableRow, err error) {
	var seen []TableRow
	for len(seen) < headerScan {
		row, rerr := next()
		if rerr != nil {
			err = rerr
			break
		}
		seen = append(seen, row)
		if m, _ := AutoMap(trimmed(row.Cells)); len(m.Missing()) == 0 {
			break
		}
	}
	if len(seen) == 0 {
		if err == nil || err == io.EOF {
			err = ErrNoHeader
		}
		return TableRow{}, 0, nil, err
	}
	best, bestScore, bestFilled := 0, -1, -1
	for i, row := range seen {
		m, _ := AutoMap(trimmed(row.Cells))
		if len(m.Missing()) == 0 {
			best = i
			break
		}
		score, filled := 0, 0
		for _, c := range m {
			if c != Ignored {
				score++
			}
		}
		for _, c := range row.Cells {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if score > bestScore || score == bestScore && filled > bestFilled {
			best, bestScore, bestFilled = i, score, filled
		}
	}
	if err == io.EOF {
		err = nil
	}
	return seen[best], best, seen[best+1:], err
}

func trimmed(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// SheetTable is a worksheet as a Table.
type SheetTable struct {
	rows    *xlsx.Rows
	header  []string
	titles  int
	pending []TableRow
	err     error
	blank   int
	read    int
	// Sheet is the worksheet's name; Size the rows it spans when its
	// source says (xlsx.Rows.Size), 0 when not.
	Sheet string
	Size  int
}

// OpenSheet reads the header of a worksheet of wb (by index in
// wb.Sheets).
func OpenSheet(wb *xlsx.Workbook, sheet int) (*SheetTable, error) {
	rows, err := wb.Rows(sheet)
	if err != nil {
		return nil, err
	}
	t := &SheetTable{rows: rows, Sheet: wb.Sheets[sheet].Name, Size: rows.Size}
	h, titles, after, err := findHeader(t.nextRaw)
	if errors.Is(err, ErrNoHeader) {
		return nil, err
	}
	t.header, t.titles, t.pending, t.err = trimmed(h.Cells), titles, after, err
	return t, nil
}

// ChooseSheet picks the sheet a payroll is on: the first, in the
// workbook's order, not hidden, whose header names a person and a wage;
// else the first visible sheet with any header sibase knows; else the
// first sheet.
func ChooseSheet(wb *xlsx.Workbook) int {
	fallback := -1
	for i, s := range wb.Sheets {
		if s.Hidden {
			continue
		}
		t, err := OpenSheet(wb, i)
		if err != nil {
			continue
		}
		m, _ := AutoMap(t.Header())
		if len(m.Missing()) == 0 {
			return i
		}
		for _, c := range m {
			if c != Ignored && fallback < 0 {
				fallback = i
			}
		}
	}
	if fallback < 0 {
		fallback = 0
	}
	return fallback
}

// nextRaw returns the sheet's next non-blank row, counting blank ones.
func (t *SheetTable) nextRaw() (TableRow, error) {
	for {
		row, err := t.rows.Next()
		if err != nil {
			return TableRow{}, err
		}
		if blank(row.Cells) {
			t.blank++
			continue
		}
		return TableRow{Line: row.Number, Cells: row.Cells, Numeric: row.Numeric}, nil
	}
}

func (t *SheetTable) Header() []string { return t.header }
func (t *SheetTable) Blanks() int      { return t.blank }
func (t *SheetTable) TitleRows() int   { return t.titles }

// Cell names a cell as the spreadsheet does: "C7".
func (t *SheetTable) Cell(line, col int) string {
	return xlsx.ColumnName(col) + strconv.Itoa(line)
}

// Next returns the next data row; io.EOF after the last.
func (t *SheetTable) Next() (TableRow, error) {
	if len(t.pending) > 0 {
		row := t.pending[0]
		t.pending = t.pending[1:]
		return t.counted(row)
	}
	if t.err != nil {
		err := t.err
		t.err = nil
		return TableRow{}, err
	}
	row, err := t.nextRaw()
	if err != nil {
		return TableRow{}, err
	}
	return t.counted(row)
}

func (t *SheetTable) counted(row TableRow) (TableRow, error) {
	t.read++
	if t.read > MaxRows {
		return row, ErrTooManyRows
	}
	return row, nil
}
