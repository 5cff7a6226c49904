package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"sibase/calc/payroll/xlsx"
)

// workbook zips parts into an .xlsx: the package parts every workbook has,
// one sheet per sheet XML given (its <sheetData> content), shared strings
// and styles when given. Tests build the odd and hostile workbooks no
// spreadsheet program writes this way; testdata/payroll holds real ones.
func workbook(t testing.TB, shared, styles string, sheets ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	var list, rels strings.Builder
	for i := range sheets {
		n := string(rune('1' + i))
		list.WriteString(`<sheet name="S` + n + `" sheetId="` + n + `" r:id="rId` + n + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + n + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet` + n + `.xml"/>`)
		add("xl/worksheets/sheet"+n+".xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+sheets[i]+`</sheetData></worksheet>`)
	}
	if shared != "" {
		rels.WriteString(`<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		add("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+shared+`</sst>`)
	}
	if styles != "" {
		rels.WriteString(`<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
		add("xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+styles+`</styleSheet>`)
	}
	add("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+list.String()+`</sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readAll reads a sheet's rows, as "row: cell|cell" lines.
func readAll(t testing.TB, data []byte, sheet int) ([]string, error) {
	t.Helper()
	wb, err := xlsx.Open(data)
	if err != nil {
		return nil, err
	}
	return rowsOf(wb, sheet)
}

// rowsOf reads a sheet of an opened workbook as readAll does.
func rowsOf(wb *xlsx.Workbook, sheet int) ([]string, error) {
	rows, err := wb.Rows(sheet)
	if err != nil {
		return nil, err
	}
	var out []string
	for {
		r, err := rows.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		line := strings.Join(r.Cells, "|")
		for i, n := range r.Numeric {
			if n {
				line += " #" + xlsx.ColumnName(i)
			}
		}
		out = append(out, strconv.Itoa(r.Number)+": "+line)
	}
}

func TestCells(t *testing.T) {
	styles := `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\(0.00\)"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>`
	for _, c := range []struct {
		name, shared, sheet string
		want                []string
	}{
		{"shared and inline strings, numbers, empty cells",
			`<si><t>姓名</t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh><t>ちょう</t></rPh></si><si><t xml:space="preserve"> 在职 </t></si>`,
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>上年月平均工资</t></is></c></row>` +
				`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>3000</v></c></row>`,
			[]string{"1: 姓名||上年月平均工资", "2: 张三| 在职 |3000 #C"}},
		{"binary noise and exponents written as Excel shows them",
			"",
			`<row r="5"><c r="A5"><v>3000.4499999999998</v></c><c r="B5"><v>1.1010119900307451E+17</v></c><c r="C5"><v>-0.1</v></c></row>`,
			[]string{"5: 3000.45|110101199003075000|-0.1 #A #B #C"}},
		{"a number past a double's range is kept as written",
			"",
			`<row r="1"><c r="A1"><v>1e999999999</v></c><c r="B1"><v>-1E-999999</v></c><c r="C1"><v>1E308</v></c></row>`,
			[]string{"1: 1e999999999|-1E-999999|1" + strings.Repeat("0", 308) + " #A #B #C"}},
		{"dates by built-in and custom formats, not by a number format",
			"",
			`<row r="1"><c r="A1" s="1"><v>40544</v></c><c r="B1" s="2"><v>40694.5</v></c><c r="C1" s="3"><v>40544</v></c><c r="D1" s="1"><v>59</v></c><c r="E1" s="1"><v>61</v></c></row>`,
			[]string{"1: 2011-01-01|2011-05-31|40544|1900-02-28|1900-03-01 #C"}},
		{"rows and cells without references, booleans, errors, formulas",
			"",
			`<row><c><v>1</v></c><c t="b"><v>1</v></c></row><row><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"x"</f><v>1x</v></c></row>`,
			[]string{"1: 1|TRUE #A", "2: #N/A|1x"}},
		{"prefixed elements, entities, _x000D_ and CDATA",
			`<x:si><x:t>a&amp;b&lt;c&#x4E2D;&#25991;_x000D_</x:t></x:si>`,
			`<!-- a comment > with a bracket --><x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c r="C3" t="inlineStr"><x:is><x:t><![CDATA[<不是标签>]]></x:t></x:is></x:c></x:row>`,
			[]string{"3: |a&b<c中文\r|<不是标签>"}},
		{"a row left empty and a self-closed row",
			"",
			`<row r="1"/><row r="2"><c r="A2"/></row><row r="4"><c r="B4" t="inlineStr"><is><t>x</t></is></c></row>`,
			[]string{"1: ", "2: ", "4: |x"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := readAll(t, workbook(t, c.shared, styles, c.sheet), 0)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestColumnNames(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := xlsx.ColumnName(i); got != want {
			t.Errorf("ColumnName(%d): got %s, want %s", i, got, want)
		}
	}
}

// TestHostile: workbooks built to exhaust memory or time fail with the
// code that says why, within the limits.
func TestHostile(t *testing.T) {
	// A sheet of 16 MB of empty elements, some 16 KB compressed: past 200
	// times its size, the reader stops (a real bomb goes on to gigabytes).
	var bomb strings.Builder
	bomb.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`)
	chunk := strings.Repeat("<x/>", 1<<18)
	for range 16 {
		bomb.WriteString(chunk)
	}
	deep := strings.Repeat("<x>", 200_000) + `<row r="1"><c t="inlineStr"><is><t>deep</t></is></c></row>` + strings.Repeat("</x>", 200_000)
	many := strings.Repeat("<si/>", xlsx.MaxSharedStrings+1)
	for _, c := range []struct {
		name   string
		data   []byte
		code   string
		reason string
	}{
		{"zip bomb", workbook(t, "", "", bomb.String()), xlsx.CodeTooLarge, "a part inflating past 200 times its size"},
		{"too many shared strings", workbook(t, many, "", `<row r="1"/>`), xlsx.CodeTooLarge, "more than MaxSharedStrings"},
		{"a DTD", workbook(t, "", "", `<!DOCTYPE x [<!ENTITY a "aaaa">]><row r="1"/>`), xlsx.CodeCorrupt, "entities could expand"},
		{"too many columns", workbook(t, "", "", `<row r="1"><c r="ZZZ1"><v>1</v></c></row>`), xlsx.CodeColumns, "past MaxColumns"},
		{"an unknown entity", workbook(t, "", "", `<row r="1"><c t="inlineStr"><is><t>&lol;</t></is></c></row>`), xlsx.CodeCorrupt, "no DTD defines it"},
		{"cut short", workbook(t, "", "", `<row r="1"><c><v>1`), xlsx.CodeCorrupt, "an unfinished row"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readAll(t, c.data, 0)
			var xe *xlsx.Error
			if !errors.As(err, &xe) || xe.Code != c.code {
				t.Fatalf("got %v, want %s (%s)", err, c.code, c.reason)
			}
			if xe.Message == "" || xe.MessageEN == "" {
				t.Errorf("got %+v, want a message in both languages", xe)
			}
		})
	}
	// Nesting, however deep, costs nothing: the row is read.
	got, err := readAll(t, workbook(t, "", "", deep), 0)
	if err != nil || len(got) != 1 || got[0] != "1: deep" {
		t.Errorf("deeply nested row: got %q, %v; want [1: deep]", got, err)
	}
}

// TestNotAWorkbook: damaged archives are refused as damaged, never read.
func TestNotAWorkbook(t *testing.T) {
	good := workbook(t, "", "", `<row r="1"/>`)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"text", []byte("姓名,上年月平均工资\n张三,3000\n")},
		{"cut in half", good[:len(good)/2]},
		{"directory pointing past the end", append(good[:len(good)-6:len(good)-6], 0xff, 0xff, 0xff, 0x7f, 0, 0)},
		{"no workbook part", func() []byte {
			var b bytes.Buffer
			z := zip.NewWriter(&b)
			w, _ := z.Create("hello.txt")
			io.WriteString(w, "hi")
			z.Close()
			return b.Bytes()
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := xlsx.Open(c.data)
			var xe *xlsx.Error
			if !errors.As(err, &xe) {
				t.Fatalf("got %v, want an *xlsx.Error", err)
			}
		})
	}
}

// TestReadBook: what the page's reader (web/xlsx.js) writes, read as the
// archive is: shared strings decoded, a date by its cell style, a number
// stored as a number marked; the reader's errors by their codes; the same
// limits on the shared strings.
func TestReadBook(t *testing.T) {
	chunks := func(c ...string) func(int) (xlsx.CellSource, error) {
		return func(int) (xlsx.CellSource, error) {
			i := 0
			return xlsx.ChunkCells(0, func() string {
				if i == len(c) {
					return ""
				}
				i++
				return c[i-1]
			}), nil
		}
	}
	// One visible sheet; shared strings 张三 and a_x000D_b; cell styles
	// with number formats 0 and 14 (a date); no custom formats.
	const book = "\x01工资表\x00\x00\x01张三\x00a_x000D_b\x00\x010\x0014\x00\x01\x01"
	wb, err := xlsx.ReadBook(book, chunks(
		"1\x00A1\x00s\x00\x000\x00B1\x00s\x00\x001\x01",
		"2\x00A2\x00\x001\x0042005\x00B2\x00\x00\x003000\x01"))
	if err != nil {
		t.Fatalf("ReadBook: got %v, want a workbook", err)
	}
	got, err := rowsOf(wb, 0)
	want := []string{"1: 张三|a\rb", "2: 2015-01-01|3000 #B"}
	if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows: got %q, %v; want %q", got, err, want)
	}

	if wb, err = xlsx.ReadBook(book, chunks("1\x00A1\x00\x00\x00x\x01", "\x02xlsx_too_many_columns\x002")); err != nil {
		t.Fatalf("ReadBook: got %v, want a workbook", err)
	}
	if got, err := rowsOf(wb, 0); !isCode(err, xlsx.CodeColumns) || len(got) != 1 {
		t.Errorf("a row the reader refused: got %q, %v; want the row before it, then %s", got, err, xlsx.CodeColumns)
	}

	tooMany := "\x01工资表\x00\x00\x01" + strings.Repeat("x\x00", xlsx.MaxSharedStrings+1) + "\x01\x01\x01"
	for _, c := range []struct{ name, text, code string }{
		{"the reader's own error", "\x02xlsx_encrypted\x00", xlsx.CodeEncrypted},
		{"the reader stopped at MaxSharedStrings", "\x02shared_strings\x00", xlsx.CodeTooLarge},
		{"more shared strings than MaxSharedStrings", tooMany, xlsx.CodeTooLarge},
		{"no sheet", "\x01\x01\x01\x01\x01", xlsx.CodeNoSheet},
		{"sections missing", "\x01工资表\x00\x00\x01", xlsx.CodeCorrupt},
	} {
		if _, err := xlsx.ReadBook(c.text, chunks()); !isCode(err, c.code) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.code)
		}
	}
}

// isCode reports whether err is an *xlsx.Error with the code.
func isCode(err error, code string) bool {
	var xe *xlsx.Error
	return errors.As(err, &xe) && xe.Code == code
}
