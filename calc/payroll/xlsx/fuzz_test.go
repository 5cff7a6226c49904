package xlsx_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"sibase/calc/payroll/xlsx"
)

// FuzzWorkbook: any bytes as a workbook — the sample workbooks whole, cut
// or bit-flipped, and the hand-built cases — are opened and every sheet
// read without a panic; what fails, fails with an *xlsx.Error carrying a
// code and a message in both languages, and no row is wider than
// MaxColumns.
func FuzzWorkbook(f *testing.F) {
	books, _ := filepath.Glob("../../../testdata/payroll/*.xlsx")
	for _, p := range books {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(workbook(f, `<si><t>姓名</t></si><si><r><t>张</t></r><rPh><t>x</t></rPh></si>`, `<cellXfs><xf numFmtId="14"/></cellXfs>`,
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"><v>40544</v></c></row><row><c t="inlineStr"><is><t>a&amp;b</t></is></c></row>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := xlsx.Open(data)
		if err != nil {
			checkError(t, err)
			return
		}
		for i := range wb.Sheets {
			rows, err := wb.Rows(i)
			if err != nil {
				checkError(t, err)
				continue
			}
			for n := 0; ; n++ {
				row, err := rows.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					checkError(t, err)
					break
				}
				if len(row.Cells) > xlsx.MaxColumns || len(row.Cells) != len(row.Numeric) {
					t.Fatalf("row %d: %d cells, %d numeric flags (at most %d)", row.Number, len(row.Cells), len(row.Numeric), xlsx.MaxColumns)
				}
			}
		}
	})
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var xe *xlsx.Error
	if !errors.As(err, &xe) || xe.Code == "" || xe.Message == "" || xe.MessageEN == "" {
		t.Fatalf("got %v (%T), want an *xlsx.Error with a code and both messages", err, err)
	}
}
