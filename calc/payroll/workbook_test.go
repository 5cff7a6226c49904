package payroll_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"sibase/calc"
	"sibase/calc/payroll"
	"sibase/calc/payroll/xlsx"
)

// runTable computes a table and returns its summary and roster CSV.
func runTable(t *testing.T, j payroll.Job, tbl payroll.Table) (*payroll.Summary, []byte, []payroll.RowError, error) {
	t.Helper()
	var out bytes.Buffer
	var rejected []payroll.RowError
	lw := payroll.NewListWriter(&out)
	j.OnEntry = lw.Write
	j.OnError = func(_ int, _ []string, errs []payroll.RowError) error {
		rejected = append(rejected, errs...)
		return nil
	}
	s, err := j.RunTable(tbl)
	if err == nil {
		if ferr := lw.Flush(); ferr != nil {
			t.Fatal(ferr)
		}
	}
	return s, out.Bytes(), rejected, err
}

// openWorkbook opens a sample workbook's payroll sheet as ChooseSheet
// picks it.
func openWorkbook(t *testing.T, name string) (*payroll.SheetTable, *xlsx.Workbook) {
	t.Helper()
	wb, err := xlsx.Open(read(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tbl, err := payroll.OpenSheet(wb, payroll.ChooseSheet(wb))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tbl, wb
}

// The six employees of the CSV samples, as a workbook written by excelize
// — a sheet of notes first, the payroll under a merged title and a date
// line, numbers as numbers, dates as dates — and as a streamed workbook
// of inline strings: the roster is the CSV samples' own, byte for byte.
func TestWorkbookRosterIsTheCSVRoster(t *testing.T) {
	want := read(t, "utf8.roster.csv")
	for _, c := range []struct {
		file, sheet string
		titles      int
	}{{"工资表.xlsx", "工资表", 2}, {"streamed.xlsx", "Sheet1", 0}} {
		tbl, _ := openWorkbook(t, c.file)
		if tbl.Sheet != c.sheet {
			t.Errorf("%s: ChooseSheet got %q, want %q (the first sheet with a payroll header)", c.file, tbl.Sheet, c.sheet)
		}
		s, roster, rejected, err := runTable(t, payroll.Job{Rules: daqing(t), Insurance: calc.Pension, Kind: calc.EmployerEnterprise}, tbl)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		for _, x := range []struct {
			what      string
			got, want any
		}{
			{"read", s.Read, 6}, {"computed", s.Computed, 6}, {"rejected", s.Rejected, 0}, {"title rows", s.TitleRows, c.titles},
			{"blank", s.Blank, 0}, {"unit base", calc.Yuan(s.Employer.Base), "25000.00"},
			{"unknown headers", strings.Join(s.UnknownHeaders(), ","), map[bool]string{true: "入职日期", false: ""}[c.titles > 0]},
		} {
			if x.got != x.want {
				t.Errorf("%s: %s got %v, want %v", c.file, x.what, x.got, x.want)
			}
		}
		if len(rejected) > 0 {
			t.Errorf("%s: rejected %v", c.file, rejected)
		}
		if !bytes.Equal(roster, want) {
			t.Errorf("%s: roster differs from utf8.roster.csv:\n%s", c.file, roster)
		}
	}
}

// An ID number typed as a number lost its last digits: the row is
// rejected saying so, with its sheet row and cell; the next row, its ID as
// text, is computed.
func TestWorkbookIDNumberStoredAsNumber(t *testing.T) {
	tbl, _ := openWorkbook(t, "id-as-number.xlsx")
	s, _, rejected, err := runTable(t, payroll.Job{Rules: daqing(t), Insurance: calc.Pension, Kind: calc.EmployerEnterprise}, tbl)
	if err != nil {
		t.Fatal(err)
	}
	if s.Read != 2 || s.Computed != 1 || s.Rejected != 1 {
		t.Errorf("got read %d = computed %d + rejected %d, want 2 = 1 + 1", s.Read, s.Computed, s.Rejected)
	}
	if len(rejected) != 1 {
		t.Fatalf("got %d row errors %v, want 1", len(rejected), rejected)
	}
	e := rejected[0]
	if e.Code != payroll.CodeRowIDNumeric || e.Line != 2 || e.Cell != "B2" || !strings.Contains(e.Message, "15 位") {
		t.Errorf("got %+v, want row_id_number_numeric on line 2, cell B2, naming the 15 digits", e)
	}
	if got := e.Error(); !strings.Contains(got, "第 2 行「身份证号」（B2）") || !strings.Contains(got, "line 2 (B2)") {
		t.Errorf("Error(): got %q, want the line, header and cell in both languages", got)
	}
}

// Title rows above a CSV's header are found and left out, as in a sheet;
// a row of another table's headers is not taken for the header.
func TestHeaderBelowTitleRows(t *testing.T) {
	text := "大庆某某有限公司 2010 年度职工工资表,,,\n制表日期,2011-01-15,,\n\n姓名,工号,上年月平均工资,人员类别\n张三,E001,3000,在职\n"
	rd, err := payroll.NewReader(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rd.Header(), ","); got != "姓名,工号,上年月平均工资,人员类别" {
		t.Errorf("header: got %q, want the fourth line's", got)
	}
	if rd.TitleRows() != 2 {
		t.Errorf("title rows: got %d, want 2", rd.TitleRows())
	}
	row, err := rd.Next()
	if err != nil || row.Line != 5 || row.Cells[0] != "张三" {
		t.Errorf("first data row: got %+v, %v; want line 5, 张三", row, err)
	}
	if _, err := rd.Next(); err != io.EOF {
		t.Errorf("after the last row: got %v, want io.EOF", err)
	}
	// No row names both a person and a wage: the one naming most columns
	// is the header, and the mapping step asks for the rest.
	rd, err = payroll.NewReader(strings.NewReader("工资表\n员工,部门,月薪(元)\n张三,财务,3000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rd.Header(), ","); got != "员工,部门,月薪(元)" {
		t.Errorf("unknown headers: got header %q, want the second line", got)
	}
}

// TestSniff tells files apart by their content, never their name.
func TestSniff(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "姓名\t上年月平均工资\r\n张三\t3000\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	for _, c := range []struct {
		name string
		data []byte
		want payroll.Format
	}{
		{"工资表.xlsx", read(t, "工资表.xlsx"), payroll.FormatXLSX},
		{"encrypted.xlsx (excelize, with a password)", read(t, "encrypted.xlsx"), payroll.FormatEncrypted},
		{"not-a-workbook.xlsx (a CSV named .xlsx)", read(t, "not-a-workbook.xlsx"), payroll.FormatText},
		{"gbk.csv", read(t, "gbk.csv"), payroll.FormatText},
		{"UTF-16 text, as Excel's Unicode text", utf16, payroll.FormatText},
		{"a compound file without encryption streams: .xls or .et", cfb, payroll.FormatXLS},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), payroll.FormatPDF},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), payroll.FormatImage},
		{"JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), payroll.FormatImage},
		{"HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), payroll.FormatImage},
		{"binary", []byte("MZ\x90\x00\x03\x00\x00\x00"), payroll.FormatBinary},
	} {
		if got := payroll.Sniff(c.data); got != c.want {
			t.Errorf("Sniff(%s): got %s, want %s", c.name, got, c.want)
		}
		zh, en := c.want.Problem()
		readable := c.want == payroll.FormatText || c.want == payroll.FormatXLSX
		if readable != (zh == "" && en == "") {
			t.Errorf("%s: Problem() got %q / %q, want a message exactly for formats sibase does not read", c.name, zh, en)
		}
	}
	if got := payroll.DecodeUTF16(utf16); got != "姓名\t上年月平均工资\r\n张三\t3000\r\n" {
		t.Errorf("DecodeUTF16: got %q", got)
	}
	if got := payroll.Detect(utf16); got != payroll.UTF16LE {
		t.Errorf("Detect(UTF-16LE): got %s", got)
	}
}
