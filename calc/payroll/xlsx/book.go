// Package xlsx reads the worksheets of an Office Open XML workbook (.xlsx),
// as Excel, WPS Office and LibreOffice save them, into rows of text for
// the payroll reader.
//
// The model: a workbook is a zip archive of XML parts; its sheets are
// listed, in order, in the workbook part, each cell is a shared string, an
// inline string, a number, a date (a number with a date format), a
// boolean or an error. A cell's text is what a person would type to
// enter it again: a shared or inline string as it is; a number with at
// most 15 significant digits, as Excel keeps them ("3000", "3000.45"), and
// a note that it was a number (so that an ID number stored as a number,
// its last digits lost, is recognised as such); a date as YYYY-MM-DD.
// Rows keep their sheet row number and cells their column (A, B, …).
//
// Reading is in two layers. The archive and its XML — the zip directory,
// inflating each part, scanning the XML — is Open's (open.go, scan.go,
// inflate.go: standard library only; the app does not link it). What it
// finds in a sheet comes as stored cells through a CellSource; everything
// after — shared strings, which styles are dates, a cell's text, row
// numbers and columns, the limits on them — is this file's, so that
// another reader of the archive (the page's own, say) would hand over
// cells and get the same rows.
//
// Everything is bounded: the archive's directory, each part once inflated
// (MaxPartBytes, and 200 times its compressed size), the shared strings,
// the columns of a row; nesting costs nothing natively (the XML is
// scanned, not built into a tree).
//
// Example:
//
//	wb, err := xlsx.Open(data)
//	rows, err := wb.Rows(0) // the first sheet
//	for {
//		row, err := rows.Next() // io.EOF after the last
//		// row.Number 3, row.Cells ["张三", "3000"], row.Numeric[1] true
//	}
package xlsx

import (
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits on a workbook, beyond the file size the caller bounds.
const (
	MaxPartBytes     = 512 << 20 // one part, inflated
	MaxSharedStrings = 1_000_000 // entries of the shared-string table
	MaxSharedBytes   = 128 << 20 // their text
	MaxColumns       = 1000      // cells of one row (the last column used)
	// MaxRatio is how many times its compressed size a part may inflate
	// to. Sheets of repeated rows compress well (thirty-fold is common); a
	// zip bomb is built to go a thousand-fold and more.
	MaxRatio = 200
)

// Error is why a workbook cannot be read, in Chinese and English, with a
// stable code (docs/ERRORS.md).
type Error struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

func (e *Error) Error() string { return e.Code + ": " + e.MessageEN }

// The codes of Error.
const (
	CodeCorrupt   = "xlsx_corrupt"
	CodeEncrypted = "xlsx_encrypted"
	CodeTooLarge  = "xlsx_too_large"
	CodeNoSheet   = "xlsx_no_sheet"
	CodeColumns   = "xlsx_too_many_columns"
)

func errCorrupt(what string) *Error {
	return &Error{Code: CodeCorrupt,
		Message:   "工作簿已损坏或不是 Excel 保存的 .xlsx（" + what + "）：请用 Excel 或 WPS 重新另存为 .xlsx 或 CSV",
		MessageEN: "the workbook is damaged or not an .xlsx as Excel saves it (" + what + "): save it again as .xlsx or CSV"}
}

func errEncrypted() *Error {
	return &Error{Code: CodeEncrypted, Message: "工作簿的内容已加密", MessageEN: "the workbook's content is encrypted"}
}

func errTooManyShared() *Error {
	return &Error{Code: CodeTooLarge, Message: "工作簿的共享字符串过多", MessageEN: "the workbook has too many shared strings"}
}

func errSharedTooLarge() *Error {
	return &Error{Code: CodeTooLarge, Message: "工作簿的共享字符串过大", MessageEN: "the workbook's shared strings are too large"}
}

func errColumns(row int) *Error {
	return &Error{Code: CodeColumns, Message: "工作表第 " + strconv.Itoa(row) + " 行的列数超过 " + strconv.Itoa(MaxColumns),
		MessageEN: "row " + strconv.Itoa(row) + " of the sheet has more than " + strconv.Itoa(MaxColumns) + " columns"}
}

// Fail is an Error with one of the codes above, for the reader of the
// archive layer outside this package (the browser's): detail says what
// was wrong ("an unfinished tag", a part's name). The code
// "shared_strings" is a shared-string table over MaxSharedStrings.
func Fail(code, detail string) *Error {
	switch code {
	case "shared_strings":
		return errTooManyShared()
	case CodeColumns:
		n, _ := strconv.Atoi(detail)
		return errColumns(n)
	case CodeEncrypted:
		return errEncrypted()
	case CodeTooLarge:
		return errTooLarge(detail)
	case CodeNoSheet:
		return errNoSheet()
	}
	return errCorrupt(detail)
}

func errTooLarge(part string) *Error {
	return &Error{Code: CodeTooLarge,
		Message:   "工作簿的「" + part + "」解压后过大（可能是压缩炸弹）：请另存为 CSV 或分成几个文件",
		MessageEN: "the workbook's " + part + " is too large once unpacked (a zip bomb?): save it as CSV or split it"}
}

func errNoSheet() *Error {
	return &Error{Code: CodeNoSheet, Message: "工作簿里没有工作表", MessageEN: "the workbook has no worksheet"}
}

// Sheet is one worksheet of the workbook.
type Sheet struct {
	Name   string
	Hidden bool
	part   string
}

// Workbook is an opened workbook: its sheets, shared strings, the styles
// that make a number a date, and where its sheets' stored cells come
// from.
type Workbook struct {
	Sheets     []Sheet
	shared     []string
	dateStyles []bool
	date1904   bool
	cells      func(sheet int) (CellSource, error)
	// sharedBytes is the shared strings' raw text so far (addShared).
	sharedBytes int
	// The archive, when Open read it.
	data  []byte
	parts map[string]part
}

// RawCell is a cell as the sheet stores it: its reference ("C7"; empty
// when the sheet leaves it out), its type (the t attribute: "s" shared
// string, "inlineStr", "str" formula text, "b", "e", "n" or "" number),
// its style index (the s attribute) and its text: the <v>, or an inline
// string's <t> runs, XML's references decoded, Office's _xHHHH_ escapes
// not yet.
type RawCell struct{ Ref, Type, Style, Text string }

// RawRow is a row as the sheet stores it: its r attribute (empty when
// absent) and its cells in order.
type RawRow struct {
	Ref   string
	Cells []RawCell
}

// CellSource reads a sheet's stored rows in order, io.EOF after the last.
// Natively it is the sheet's XML scanned by this package (Open); in the
// browser, the page's own reader (ReadBook, ChunkCells). A source returns
// no row of more than MaxColumns cells.
type CellSource interface {
	Next() (RawRow, error)
}

// Book is a workbook whose archive and XML were read outside this package
// (in the browser): the sheets in the workbook's order, the shared
// strings' raw text, the number format of each cell style (<cellXfs>),
// the custom formats' codes by id, the date system, and each sheet's
// cells.
type Book struct {
	Sheets   []Sheet
	Shared   []string
	Styles   []string
	Formats  map[string]string
	Date1904 bool
	Cells    func(sheet int) (CellSource, error)
}

// NewWorkbook opens a Book as Open opens an archive, with the same limits
// on the shared strings.
func NewWorkbook(b Book) (*Workbook, error) {
	if len(b.Sheets) == 0 {
		return nil, errNoSheet()
	}
	wb := &Workbook{Sheets: b.Sheets, date1904: b.Date1904, cells: b.Cells}
	for _, s := range b.Shared {
		if err := wb.addShared(s); err != nil {
			return nil, err
		}
	}
	wb.dateStyles = dateStyles(b.Styles, b.Formats)
	return wb, nil
}

// addShared appends a shared string, given as stored (Office's _xHHHH_
// escapes not yet decoded), within MaxSharedStrings entries and
// MaxSharedBytes of text: the limits for both readers of the table.
func (wb *Workbook) addShared(raw string) error {
	if len(wb.shared) >= MaxSharedStrings {
		return errTooManyShared()
	}
	if wb.sharedBytes += len(raw); wb.sharedBytes > MaxSharedBytes {
		return errSharedTooLarge()
	}
	wb.shared = append(wb.shared, unescapeX(raw))
	return nil
}

// builtinDates lists the built-in number formats that show a date, each
// between commas.
const builtinDates = ",14,15,16,17,22,27,28,29,30,31,32,33,34,35,36,50,51,52,53,54,55,56,57,58,"

// dateStyles says, for each cell style's number format id, whether it
// shows a date: a custom format by its code, else a built-in one.
func dateStyles(styles []string, formats map[string]string) []bool {
	out := make([]bool, len(styles))
	for i, id := range styles {
		if code, ok := formats[id]; ok {
			out[i] = isDateFormat(code)
		} else {
			out[i] = id != "" && strings.Contains(builtinDates, ","+id+",")
		}
	}
	return out
}

// isDateFormat reports whether a number format shows a date: it has a
// year or day code outside quoted text and brackets.
func isDateFormat(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		}
	}
	return false
}

// Row is one row of a sheet: its number (1 for the first), its cells from
// column A (an empty string where the sheet has none), and which of them
// were numbers.
type Row struct {
	Number  int
	Cells   []string
	Numeric []bool
}

// Rows reads a sheet row by row.
type Rows struct {
	wb   *Workbook
	src  CellSource
	last int
	// Size is the number of rows the sheet spans when its source says
	// (the page's reader takes it from the sheet's <dimension>), 0 when
	// it does not: a progress bar's total, never a limit.
	Size int
}

// Rows starts reading the sheet with the given index in wb.Sheets.
func (wb *Workbook) Rows(sheet int) (*Rows, error) {
	if sheet < 0 || sheet >= len(wb.Sheets) {
		return nil, &Error{Code: CodeNoSheet, Message: "没有这个工作表", MessageEN: "no such worksheet"}
	}
	src, err := wb.cells(sheet)
	if err != nil {
		return nil, err
	}
	r := &Rows{wb: wb, src: src}
	if sized, ok := src.(interface{ Size() int }); ok {
		r.Size = sized.Size()
	}
	return r, nil
}

// Next returns the next row of the sheet that has one at all (rows the
// sheet leaves out are not returned); io.EOF after the last. A row
// without a number follows the one before; a cell without a reference
// follows the one before it.
func (rs *Rows) Next() (Row, error) {
	raw, err := rs.src.Next()
	if err != nil {
		return Row{}, err
	}
	row := Row{Number: rs.last + 1}
	if n, err := strconv.Atoi(raw.Ref); err == nil && n > 0 {
		row.Number = n
	}
	rs.last = row.Number
	col := -1
	for _, c := range raw.Cells {
		col++
		if c.Ref != "" {
			if n, _ := splitRef(c.Ref); n >= 0 {
				col = n
			}
		}
		if col >= MaxColumns {
			return Row{}, errColumns(row.Number)
		}
		style := -1
		if c.Style != "" {
			style, _ = strconv.Atoi(c.Style)
		}
		value, numeric := rs.wb.display(c.Type, style, c.Text)
		for len(row.Cells) <= col {
			row.Cells = append(row.Cells, "")
			row.Numeric = append(row.Numeric, false)
		}
		row.Cells[col], row.Numeric[col] = value, numeric
	}
	return row, nil
}

// display turns a cell's stored value into the text a person sees, and
// says whether it was a number.
func (wb *Workbook) display(kind string, style int, v string) (string, bool) {
	switch kind {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(wb.shared) {
			return "", false
		}
		return wb.shared[i], false
	case "inlineStr", "str":
		return unescapeX(v), false
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE", false
		}
		return "FALSE", false
	case "e", "d":
		return v, false
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return "", false
	}
	if len(v) > maxNumberText {
		return v, true // no spreadsheet writes a number this long
	}
	d, err := decimal.NewFromString(v)
	if err != nil || !excelRange(d) {
		return v, true
	}
	if style >= 0 && style < len(wb.dateStyles) && wb.dateStyles[style] {
		if date, ok := serialDate(d, wb.date1904); ok {
			return date, false
		}
	}
	return significant(d, 15), true
}

// maxNumberText bounds a stored number's text: a double needs at most 17
// significant digits, a sign, a point and an exponent. A longer run of
// digits is kept as written rather than parsed (a million digits take
// big-number arithmetic seconds).
const maxNumberText = 64

// excelRange reports whether d lies within what a spreadsheet stores (an
// IEEE double: below 1e309, not below 1e-330 unless zero). Beyond it the
// text is kept as written: "1e999999999" would otherwise be written out
// with a billion zeros.
func excelRange(d decimal.Decimal) bool {
	if d.IsZero() {
		return true
	}
	digits := int32(len(d.Coefficient().String()))
	if d.Coefficient().Sign() < 0 {
		digits--
	}
	magnitude := d.Exponent() + digits // 10^(magnitude-1) <= |d| < 10^magnitude
	return magnitude <= 309 && magnitude > -330
}

// significant writes d with at most n significant digits, without an
// exponent: what Excel shows of a number (it keeps 15 digits; the value
// stored may carry binary noise, "3000.4499999999998").
func significant(d decimal.Decimal, n int) string {
	digits := len(d.Coefficient().String())
	if d.Coefficient().Sign() < 0 {
		digits--
	}
	if digits > n {
		d = d.Round(-d.Exponent() - int32(digits-n))
	}
	return d.String()
}

// serialDate turns a date serial number into YYYY-MM-DD: days since
// 1899-12-30 (Excel's 1900 system, which counts a 29 February 1900 that
// never was) or since 1904-01-01.
func serialDate(d decimal.Decimal, date1904 bool) (string, bool) {
	days := d.IntPart()
	if days < 1 || days > 2958465 { // 9999-12-31
		return "", false
	}
	if !date1904 && days < 61 {
		days++ // before the phantom 1900-02-29
	}
	if date1904 {
		days += 1462
	}
	// Days from 1899-12-30 to a civil date (Howard Hinnant's algorithm),
	// with no float and no time zone.
	z := days - 25569 + 719468 // days from 0000-03-01 to the date, via 1970-01-01
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	if month <= 2 {
		y++
	}
	pad := func(n int64, w int) string {
		s := strconv.FormatInt(n, 10)
		for len(s) < w {
			s = "0" + s
		}
		return s
	}
	return pad(y, 4) + "-" + pad(month, 2) + "-" + pad(day, 2), true
}

// ColumnName is a column's letters: 0 → "A", 25 → "Z", 26 → "AA".
func ColumnName(i int) string {
	name := ""
	for i >= 0 {
		name = string(rune('A'+i%26)) + name
		i = i/26 - 1
	}
	return name
}

// splitRef splits a cell reference "AB12" into its column index (27) and
// row (12); -1 and 0 when it is not one.
func splitRef(ref string) (int, int) {
	col, i := 0, 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A') + 1
		i++
		if col > 1<<20 {
			return -1, 0
		}
	}
	if i == 0 {
		return -1, 0
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil {
		row = 0
	}
	return col - 1, row
}

// unescapeX decodes the _xHHHH_ escapes Office writes in cell text for
// characters XML cannot hold (a carriage return is _x000D_).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 || s[i+6] != '_' {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
}

// ReadBook opens a workbook from the text the page's reader
// (web/xlsx.js) writes for it: five sections, each ended by \x01 — the
// date system ("1904" or ""); the sheets, "name\x00hidden\x00" each
// (hidden "1" or ""); the shared strings' raw text, each ended by \x00;
// each cell style's number format id, each ended by \x00; the custom
// formats, "id\x00code\x00" each. "\x02code\x00detail" is the reader's
// error (Fail). cells reads a sheet's rows (ChunkCells).
//
// Example: "\x01工资表\x00\x00\x01张三\x00\x01\x01\x01" is one visible
// sheet and one shared string.
func ReadBook(text string, cells func(sheet int) (CellSource, error)) (*Workbook, error) {
	if strings.HasPrefix(text, "\x02") {
		code, detail, _ := strings.Cut(text[1:], "\x00")
		return nil, Fail(code, detail)
	}
	sections := strings.Split(text, "\x01")
	if len(sections) != 6 {
		return nil, errCorrupt("the page's reader gave " + strconv.Itoa(len(sections)-1) + " sections")
	}
	b := Book{Date1904: sections[0] == "1904", Shared: fields(sections[2]), Styles: fields(sections[3]),
		Formats: map[string]string{}, Cells: cells}
	names := fields(sections[1])
	for i := 0; i+1 < len(names); i += 2 {
		b.Sheets = append(b.Sheets, Sheet{Name: names[i], Hidden: names[i+1] == "1"})
	}
	formats := fields(sections[4])
	for i := 0; i+1 < len(formats); i += 2 {
		b.Formats[formats[i]] = formats[i+1]
	}
	return NewWorkbook(b)
}

// fields splits "a\x00b\x00" into a and b.
func fields(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\x00"), "\x00")
}

// ChunkCells is a CellSource over the page reader's rows, read a chunk at
// a time by next: each row its r, then for each cell \x00 and its r, t, s
// and text split by \x00, ended by \x01; "" after the last row;
// "\x02code\x00detail" on an error.
func ChunkCells(size int, next func() string) CellSource {
	return &chunkCells{size: size, next: next}
}

type chunkCells struct {
	size int
	next func() string
	buf  string
	done bool
}

func (c *chunkCells) Size() int { return c.size }

func (c *chunkCells) Next() (RawRow, error) {
	if c.buf == "" {
		if !c.done {
			c.buf = c.next()
		}
		if c.buf == "" {
			c.done = true
			return RawRow{}, io.EOF
		}
		if c.buf[0] == '\x02' {
			code, detail, _ := strings.Cut(c.buf[1:], "\x00")
			c.buf, c.done = "", true
			return RawRow{}, Fail(code, detail)
		}
	}
	line, rest, _ := strings.Cut(c.buf, "\x01")
	c.buf = rest
	f := strings.Split(line, "\x00")
	row := RawRow{Ref: f[0]}
	for i := 1; i+3 < len(f); i += 4 {
		row.Cells = append(row.Cells, RawCell{Ref: f[i], Type: f[i+1], Style: f[i+2], Text: f[i+3]})
	}
	return row, nil
}
