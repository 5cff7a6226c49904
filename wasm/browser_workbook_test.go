//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sibase/calc/payroll/xlsx"
	"sibase/testdata/payrollgen"
)

// TestBrowserWorkbook: an employer chooses the payroll workbook they keep
// in Excel or WPS. The six sample employees as a workbook (a notes sheet
// first, the payroll under a merged title) give the same roster, byte for
// byte, as the CSV; an ID number Excel stored as a number is rejected at
// its cell; files sibase does not read say what they are; the page's
// reader of the archive (web/xlsx.js) gives calc/payroll/xlsx the same
// cells as its own reader does.
func TestBrowserWorkbook(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)

	t.Run("the payroll workbook", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		useEmployerFileFrom(t, ctx, "../testdata/payroll/工资表.xlsx", "工作表「工资表」")
		if got := text(t, ctx, "import-source"); !strings.Contains(got, "表头上方的 2 行") {
			t.Errorf("#import-source: got %q, want the 2 title rows above the header named", got)
		}
		if got := eval[[]string](t, ctx, `[...document.querySelectorAll('#sheet option')].map(o => o.textContent)`); strings.Join(got, ",") != "说明,工资表" {
			t.Errorf("#sheet: got %q, want the workbook's two sheets, 说明 and 工资表", got)
		}
		downloadRoster(t, ctx)
		// The other sheet, chosen, has no payroll header: the mapping
		// step asks for the columns.
		setField(t, ctx, "sheet", "0")
		waitText(t, ctx, "mapping-missing", "姓名")
	})

	t.Run("dropped on the page", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		useEmployerFileBy(t, ctx, dropFile, "../testdata/payroll/工资表.xlsx", "工作表「工资表」")
	})

	t.Run("an ID number stored as a number", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
		setField(t, ctx, "source", "file")
		chooseFile(t, ctx, "../testdata/payroll/id-as-number.xlsx")
		waitText(t, ctx, "import-counts", "读取 2 行 = 计算 1 + 拒绝 1")
		got := text(t, ctx, "rejected-2")
		for _, want := range []string{"B2", "15 位"} {
			if !strings.Contains(got, want) {
				t.Errorf("#rejected-2: got %q, want it to name %s", got, want)
			}
		}
	})

	t.Run("files sibase does not read", func(t *testing.T) {
		for _, c := range []struct{ file, want string }{
			{"../testdata/payroll/encrypted.xlsx", "设置了打开密码"},
			{tempFile(t, "bomb.xlsx", bombWorkbook(t)), "解压后过大"},
			{tempFile(t, "工资表.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2048)...)), "Excel 97–2003"},
			{tempFile(t, "工资表.pdf", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n")), "这是 PDF 文件"},
		} {
			open(t, ctx, srv.URL+"/employer")
			pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
			setField(t, ctx, "source", "file")
			chooseFile(t, ctx, c.file)
			waitText(t, ctx, "import-error", c.want)
		}
		// A CSV named .xlsx is read for what it is.
		open(t, ctx, srv.URL+"/employer")
		useEmployerFileFrom(t, ctx, "../testdata/payroll/not-a-workbook.xlsx", "utf-8")
	})

	t.Run("100,000 rows, cancelled and run again", func(t *testing.T) {
		importCancelRerun(t, ctx, srv.URL, tempFile(t, "工资表100k.xlsx", payroll100kWorkbook(t)))
	})

	t.Run("the page's reader agrees with roster's", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		waitJS(t, ctx, `window.sibaseXLSX`, "web/xlsx.js")
		files := map[string][]byte{"cells.xlsx": trickyWorkbook(t), "bomb.xlsx": bombWorkbook(t),
			"bare-ampersand.xlsx": zipOf(t, map[string]string{
				"_rels/.rels":     `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
				"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
				"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
					`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
				"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c t="inlineStr"><is><t>AT&T</t></is></c></row></sheetData></worksheet>`,
			})}
		for _, name := range []string{"工资表.xlsx", "streamed.xlsx", "id-as-number.xlsx"} {
			data, err := os.ReadFile("../testdata/payroll/" + name)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = data
		}
		for name, data := range files {
			want := sheetRows(t, name, func() (*xlsx.Workbook, error) { return xlsx.Open(data) })
			got := sheetRows(t, name, func() (*xlsx.Workbook, error) { return pageWorkbook(t, ctx, data) })
			// A damaged workbook fails with the same code; the rows read
			// before it may differ (the page unpacks every sheet first and
			// reads rows in slices).
			if gotErr, wantErr := lastError(got), lastError(want); gotErr != "" || wantErr != "" {
				if gotErr != wantErr {
					t.Errorf("%s through web/xlsx.js: got %q, want %q, as roster reads it", name, gotErr, wantErr)
				}
				continue
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s through web/xlsx.js:\n%s\nwant, as roster reads it:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	})
}

// lastError is the error line of sheetRows's lines, "" when none.
func lastError(lines []string) string {
	for _, l := range lines {
		if _, e, ok := strings.Cut(l, "error "); ok {
			return e
		}
	}
	return ""
}

// pageWorkbook opens a workbook with the page's reader, web/xlsx.js, all
// its sheets' rows read in the page, and hands what it wrote to
// xlsx.ReadBook as app.wasm does.
func pageWorkbook(t *testing.T, ctx contextT, data []byte) (*xlsx.Workbook, error) {
	t.Helper()
	type page struct {
		Text   string     `json:"text"`
		Sizes  []int      `json:"sizes"`
		Chunks [][]string `json:"chunks"`
	}
	p := eval[page](t, ctx, `(async () => {
		const bytes = Uint8Array.from(atob(`+jsString(base64.StdEncoding.EncodeToString(data))+`), c => c.charCodeAt(0));
		const book = await sibaseXLSX.open(bytes, `+jsArgs(xlsx.MaxPartBytes, xlsx.MaxRatio, xlsx.MaxSharedStrings, xlsx.MaxColumns)+`);
		const out = {text: book.text, sizes: [], chunks: []};
		for (let i = 0; book.rows && i < 16; i++) {
			let cur;
			try { cur = book.rows(i); } catch (e) { break; }
			out.sizes.push(cur.size);
			const chunks = [];
			for (let s = cur.next(2); s !== ""; s = cur.next(2)) { chunks.push(s); if (s[0] === "\x02") break; }
			out.chunks.push(chunks);
		}
		return out;
	})()`)
	return xlsx.ReadBook(p.Text, func(sheet int) (xlsx.CellSource, error) {
		chunks := p.Chunks[sheet]
		return xlsx.ChunkCells(p.Sizes[sheet], func() string {
			if len(chunks) == 0 {
				return ""
			}
			s := chunks[0]
			chunks = chunks[1:]
			return s
		}), nil
	})
}

// sheetRows reads every sheet of a workbook as "sheet row: cell|cell #A"
// lines (# marks the cells stored as numbers), and an error by its code.
func sheetRows(t *testing.T, name string, open func() (*xlsx.Workbook, error)) []string {
	t.Helper()
	// An error is compared by its code: each reader names what it found
	// in its own words.
	failed := func(err error) string {
		if xe, ok := err.(*xlsx.Error); ok {
			return "error " + xe.Code
		}
		return "error " + err.Error()
	}
	wb, err := open()
	if err != nil {
		return []string{failed(err)}
	}
	var out []string
	for i, s := range wb.Sheets {
		rows, err := wb.Rows(i)
		if err != nil {
			out = append(out, s.Name+": "+failed(err))
			continue
		}
		out = append(out, s.Name+" hidden="+map[bool]string{true: "yes", false: "no"}[s.Hidden])
		for {
			row, err := rows.Next()
			if err != nil {
				if err != io.EOF {
					out = append(out, failed(err))
				}
				break
			}
			line := s.Name + " " + strconv.Itoa(row.Number) + ": " + strings.Join(row.Cells, "|")
			for c, n := range row.Numeric {
				if n {
					line += " #" + xlsx.ColumnName(c)
				}
			}
			out = append(out, line)
		}
	}
	return out
}

// jsArgs writes numbers as JavaScript arguments: "1, 2, 3".
func jsArgs(n ...int) string {
	var s []string
	for _, v := range n {
		s = append(s, strconv.Itoa(v))
	}
	return strings.Join(s, ", ")
}

// trickyWorkbook is a workbook of the cells a reader gets wrong: shared
// strings with runs, phonetic guides and _x000D_; inline strings; numbers
// with binary noise and exponents; dates by built-in and custom formats,
// and a number format that is not a date; booleans, errors, formula text;
// prefixed elements; rows and cells without references; a hidden sheet
// and a 1904 date system.
func trickyWorkbook(t *testing.T) []byte {
	t.Helper()
	const main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<x:workbook xmlns:x="` + main + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets>` +
			`<x:sheet name="工资表" sheetId="1" r:id="rId1"/><x:sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/../worksheets/sheet2.xml"/>` +
			`<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<sst xmlns="` + main + `"><si><t>姓名</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>ちょう</t></rPh></si>` +
			`<si><t>a&amp;b&lt;c&#x4E2D;_x000D_</t></si><si/></sst>`,
		"xl/styles.xml": `<styleSheet xmlns="` + main + `"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="&quot;day&quot;0.00"/></numFmts>` +
			`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="` + main + `"><x:dimension ref="A1:F5"/><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c></x:row>` +
			`<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3"><x:v>3000.4499999999998</x:v></x:c><x:c><x:v>1.1010119900307451E+17</x:v></x:c><x:c r="E3" t="inlineStr"><x:is><x:t><![CDATA[<不是标签>]]></x:t></x:is></x:c></x:row>` +
			`<x:row><x:c s="1"><x:v>40544</x:v></x:c><x:c s="2"><x:v>40694.5</x:v></x:c><x:c s="3"><x:v>40544</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>1x</x:v></x:c></x:row>` +
			`<!-- a comment > with a bracket --><x:row r="5"/><?pi data?>` +
			`<x:row r='6' x:spans='1:3'><x:c r='A6' t='inlineStr' x:note="a > b"><x:is><x:t>&#25991;&#x5B57;&quot;&apos;</x:t><x:rPh><x:t>ふり</x:t></x:rPh></x:is></x:c ><x:c r="B6"><x:f>SUM(1,2)</x:f><x:v>3</x:v></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
		"xl/worksheets/sheet2.xml": `<worksheet xmlns="` + main + `"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
	})
}

// payroll100kWorkbook is payroll100k's employees as a workbook written
// by excelize's streaming writer: wages as numbers, ID numbers as text.
func payroll100kWorkbook(t testing.TB) []byte {
	t.Helper()
	data, err := payrollgen.Workbook(100_000)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// bombWorkbook is a workbook whose sheet inflates to 16 MB from some 16
// KB: past 200 times its size, both readers stop.
func bombWorkbook(t *testing.T) []byte {
	t.Helper()
	const main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<workbook xmlns="` + main + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="` + main + `"><sheetData>` + strings.Repeat("<x/>", 4<<20) + `</sheetData></worksheet>`,
	})
}

// zipOf writes a zip archive of the given parts.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dropFile drops the file at path on the employer page's drop zone, as
// a file dragged from the desktop arrives: a drop event whose
// DataTransfer holds the file.
func dropFile(t *testing.T, ctx contextT, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	js := `(() => {
		const bytes = Uint8Array.from(atob(` + jsString(base64.StdEncoding.EncodeToString(data)) + `), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], ` + jsString(filepath.Base(path)) + `));
		return document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`
	if accepted := eval[bool](t, ctx, js); accepted {
		t.Error("drop on #dropzone: got the event not cancelled, want the page to take it (preventDefault)")
	}
}
