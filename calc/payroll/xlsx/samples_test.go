//go:build !wasm

package xlsx_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"sibase/calc/payroll/xlsx"
)

// samplesDir is testdata/payroll, where the workbooks live beside the CSV
// samples.
var samplesDir = filepath.Join("..", "..", "..", "testdata", "payroll")

// The six employees of the CSV samples (testdata/payroll/README.md).
var staff = []struct {
	name, id, number string
	wage             any // a number, as a payroll keeps it; nil for none
	annual, months   any
	status           string
	hired            time.Time
}{
	{"张三", "E001", "110101199003074514", 3000, nil, nil, "在职", time.Date(2009, 3, 2, 0, 0, 0, 0, time.UTC)},
	{"李四", "E002", "11010519491231002X", 1000, nil, nil, "在职", time.Date(2001, 7, 16, 0, 0, 0, 0, time.UTC)},
	{"王五", "E003", "440301198501011236", 9000, nil, nil, "在职", time.Date(2010, 11, 1, 0, 0, 0, 0, time.UTC)},
	{"赵六", "E004", "", nil, 36000, 12, "在职", time.Date(2008, 1, 2, 0, 0, 0, 0, time.UTC)},
	{"钱七", "E005", "", 5000, nil, nil, "退休返聘", time.Date(2010, 5, 4, 0, 0, 0, 0, time.UTC)},
	{"孙八", "E006", "", 4000, nil, nil, "外地参保", time.Date(2011, 1, 10, 0, 0, 0, 0, time.UTC)},
}

var header = []any{"姓名", "工号", "身份证号", "上年月平均工资", "上年工资总额", "工作月数", "人员类别", "入职日期"}

// TestWriteSamples writes the sample workbooks with excelize, a real
// spreadsheet writer, when SIBASE_WRITE_SAMPLES=1 (testdata/payroll/README.md
// gives the command). Otherwise it checks that each sample is there.
func TestWriteSamples(t *testing.T) {
	samples := map[string]func() (*excelize.File, excelize.Options){
		"工资表.xlsx":          payrollWorkbook,
		"id-as-number.xlsx": idAsNumberWorkbook,
		"streamed.xlsx":     streamedWorkbook,
		"encrypted.xlsx": func() (*excelize.File, excelize.Options) {
			f, _ := payrollWorkbook()
			return f, excelize.Options{Password: "sibase"}
		},
	}
	if os.Getenv("SIBASE_WRITE_SAMPLES") != "1" {
		for name := range samples {
			if _, err := os.Stat(filepath.Join(samplesDir, name)); err != nil {
				t.Errorf("sample %s: %v (write it: SIBASE_WRITE_SAMPLES=1 go test -run TestWriteSamples ./calc/payroll/xlsx)", name, err)
			}
		}
		return
	}
	for name, make := range samples {
		f, opts := make()
		if err := f.SaveAs(filepath.Join(samplesDir, name), opts); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// payrollWorkbook is a payroll as an office keeps it: a first sheet of
// notes, then the payroll under a title merged across the columns and a
// date line; wages and months as numbers, ID numbers as text, hiring dates
// as dates, empty cells left empty.
func payrollWorkbook() (*excelize.File, excelize.Options) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "本工作簿第二张表是 2010 年度职工工资，用于 2011 年缴费基数申报。")
	f.SetCellValue("说明", "A2", "填表人：劳资科")
	f.NewSheet("工资表")
	f.SetCellValue("工资表", "A1", "大庆某某有限公司 2010 年度职工工资表")
	f.MergeCell("工资表", "A1", "H1")
	f.SetCellValue("工资表", "A2", "制表日期")
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellValue("工资表", "B2", time.Date(2011, 1, 15, 0, 0, 0, 0, time.UTC))
	f.SetCellStyle("工资表", "B2", "B2", date)
	f.SetSheetRow("工资表", "A3", &header)
	for i, s := range staff {
		row := strconv.Itoa(4 + i)
		f.SetCellValue("工资表", "A"+row, s.name)
		f.SetCellValue("工资表", "B"+row, s.id)
		if s.number != "" {
			f.SetCellStr("工资表", "C"+row, s.number)
		}
		for col, v := range map[string]any{"D": s.wage, "E": s.annual, "F": s.months} {
			if v != nil {
				f.SetCellValue("工资表", col+row, v)
			}
		}
		f.SetCellValue("工资表", "G"+row, s.status)
		f.SetCellValue("工资表", "H"+row, s.hired)
		f.SetCellStyle("工资表", "H"+row, "H"+row, date)
	}
	f.SetActiveSheet(1)
	return f, excelize.Options{}
}

// idAsNumberWorkbook has ID numbers typed into cells not formatted as
// text: Excel keeps 15 significant digits of them.
func idAsNumberWorkbook() (*excelize.File, excelize.Options) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "身份证号", "上年月平均工资"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"张三", 1.10101199003074e17, 3000})
	f.SetSheetRow("Sheet1", "A3", &[]any{"李四", "11010519491231002X", 1000})
	return f, excelize.Options{}
}

// streamedWorkbook is written as a large export is, row by row through
// excelize's stream writer, which stores text as inline strings.
func streamedWorkbook() (*excelize.File, excelize.Options) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", header[:7])
	for i, s := range staff {
		cells := []any{s.name, s.id, s.number, s.wage, s.annual, s.months, s.status}
		for j, c := range cells {
			if c == nil || c == "" {
				cells[j] = nil
			}
		}
		sw.SetRow("A"+strconv.Itoa(2+i), cells)
	}
	sw.Flush()
	return f, excelize.Options{}
}

// TestSamplesAgreeWithExcelize reads every sheet of every sample workbook
// with this package and with excelize (its raw values) and compares them
// cell by cell: text as it is, numbers by value (to Excel's 15 digits),
// dates as the date excelize's own conversion gives.
func TestSamplesAgreeWithExcelize(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join(samplesDir, "*.xlsx"))
	if len(names) < 3 {
		t.Fatalf("got %d sample workbooks in %s, want the samples", len(names), samplesDir)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		wb, err := xlsx.Open(data)
		if strings.Contains(name, "encrypted") || strings.Contains(name, "not-a-workbook") {
			if err == nil {
				t.Errorf("%s: got it opened, want refused", filepath.Base(name))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(name), err)
		}
		ef, err := excelize.OpenFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, sh := range wb.Sheets {
			want, err := ef.GetRows(sh.Name, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := wb.Rows(i)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]xlsx.Row{}
			for {
				r, err := rows.Next()
				if err != nil {
					break
				}
				got[r.Number] = r
			}
			for n, cells := range want {
				r := got[n+1]
				for c, w := range cells {
					g := ""
					if c < len(r.Cells) {
						g = r.Cells[c]
					}
					if !sameCell(g, w) {
						t.Errorf("%s %s!%s%d: got %q, excelize reads %q", filepath.Base(name), sh.Name, xlsx.ColumnName(c), n+1, g, w)
					}
				}
			}
		}
	}
}

// sameCell compares this package's text with excelize's raw value: equal
// text, or equal numbers to 15 significant digits, or a date (ours
// YYYY-MM-DD) that is excelize's serial number.
func sameCell(got, raw string) bool {
	if got == raw {
		return true
	}
	r, err := decimal.NewFromString(raw)
	if err != nil {
		return false
	}
	if g, err := decimal.NewFromString(got); err == nil {
		return g.Sub(r).Abs().LessThanOrEqual(r.Abs().Shift(-14))
	}
	if d, err := time.Parse("2006-01-02", got); err == nil {
		f, _ := r.Float64()
		e, err := excelize.ExcelDateToTime(f, false)
		return err == nil && e.Format("2006-01-02") == d.Format("2006-01-02")
	}
	return false
}
