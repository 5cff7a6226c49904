package app

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"sibase/calc/payroll"
)

// importPage is the employer page working from a payroll file, as after
// the person chose it: decoded, mapped and run.
func importPage(t *testing.T, f form, file string, data []byte) *employerPage {
	t.Helper()
	if data == nil {
		var err error
		if data, err = os.ReadFile("../testdata/payroll/" + file); err != nil {
			t.Fatal(err)
		}
	}
	base := form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "source": "file"}
	for k, v := range f {
		base[k] = v
	}
	p := newEmployerPageWith(base)
	p.imp = newImport(Zh, file, payroll.Sniff(data), data)
	if len(p.imp.mapping.Missing()) == 0 {
		job, err := p.importJob()
		if err != nil {
			t.Fatal(err)
		}
		p.imp.ranWith = p.importSignature()
		p.imp.apply(Zh, p.imp.run(job, nil))
	}
	return p
}

// A GBK payroll file with a few broken rows becomes a correct roster, a
// correct unit base, an Excel-ready CSV and two printable forms.
func TestImportGBKFile(t *testing.T) {
	p := importPage(t, nil, "gbk.csv", nil)
	html := rendered(t, p)
	for id, want := range map[string]string{
		"import-counts":    "读取 6 行 = 计算 6 + 拒绝 0；空行 0",
		"import-unit-base": "25000.00",
		"import-decided":   "由上年月平均工资总额决定",
		"import-sum":       "14200.80",
	} {
		if got, ok := textOf(html, id); got != want {
			t.Errorf("#%s: got %q (found %v), want %q", id, got, ok, want)
		}
	}
	for _, s := range []string{"gbk.csv · 编码 gb18030 · 7 列", "110101********4514", "低于下限，按下限", `id="download-csv"`, `id="print-approval"`, `id="checklist"`, "上年财务决算报表", "庆社险函〔2011〕3号 三(一)1"} {
		if !strings.Contains(html, s) {
			t.Errorf("got a page without %q", s)
		}
	}
	if strings.Contains(html, "110101199003074514") {
		t.Errorf("the full ID number is shown on screen; want it masked")
	}
	csv, err := p.rosterCSV()
	want, _ := os.ReadFile("../testdata/payroll/utf8.roster.csv")
	if err != nil || !bytes.Equal(csv, want) {
		t.Errorf("downloaded CSV: got %q, want the golden roster", csv)
	}
}

func TestImportBadRowsListedForFixing(t *testing.T) {
	p := importPage(t, form{"payroll": "20000"}, "bad-rows.csv", nil)
	html := rendered(t, p)
	if got, _ := textOf(html, "import-counts"); got != "读取 14 行 = 计算 3 + 拒绝 11；空行 1" {
		t.Errorf("counts: got %q", got)
	}
	for _, s := range []string{`id="rejected-3"`, "「身份证号」 身份证号校验位应为 4", `id="fix-7-3"`, `value="三千"`, `id="import-rerun"`} {
		if !strings.Contains(html, s) {
			t.Errorf("got a page without %q", s)
		}
	}
	// Fix line 7's wage and run again: one more row computed.
	p.imp.fixes[7] = []string{"孙八", "B006", "", "3000", "在职"}
	job, _ := p.importJob()
	p.imp.apply(Zh, p.imp.run(job, nil))
	if s := p.imp.summary; s.Computed != 4 || s.Rejected != 10 {
		t.Errorf("after fixing line 7: got computed %d, rejected %d; want 4 and 10", s.Computed, s.Rejected)
	}
}

func TestImportUnknownHeadersAskForMapping(t *testing.T) {
	p := importPage(t, nil, "unknown-headers.csv", nil)
	html := rendered(t, p)
	for _, s := range []string{`id="mapping"`, `id="mapping-missing"`, `<label for="map-2">月薪(元)</label>`, `id="import-run"`} {
		if !strings.Contains(html, s) {
			t.Errorf("got a page without %q", s)
		}
	}
	p.imp.mapping[0], p.imp.mapping[2] = "name", "monthly_wage"
	job, _ := p.importJob()
	p.imp.apply(Zh, p.imp.run(job, nil))
	if s := p.imp.summary; s == nil || s.Computed != 2 {
		t.Fatalf("after mapping: got %+v, want 2 rows computed", s)
	}
}

func TestImportPastedCells(t *testing.T) {
	pasted := "姓名\t上年月平均工资\t人员类别\n张三\t5,000元\t在职\n李四\t１２００\t退休返聘\n"
	p := importPage(t, form{"payroll": "3000"}, "粘贴", []byte(pasted))
	if s := p.imp.summary; s == nil || s.Computed != 2 || p.imp.entries[0].baseFen != 500000 {
		t.Fatalf("pasted cells: got %+v", s)
	}
	if got := p.imp.summary.Employer.Base.String(); got != "6200" {
		t.Errorf("unit base: got %s, want 6200 (Σ bases 5000 + the rehired retiree's 1200 > payroll 3000)", got)
	}
}

func TestImportPrintViews(t *testing.T) {
	p := importPage(t, nil, "utf8.csv", nil)
	p.printing = "publicity"
	html := rendered(t, p)
	for _, s := range []string{`id="print-publicity"`, "缴费基数公示表", "110101********4514", "单位缴费基数：25000.00 元"} {
		if !strings.Contains(html, s) {
			t.Errorf("publicity sheet: got no %q", s)
		}
	}
	p = importPage(t, nil, "utf8.csv", nil)
	p.printing = "approval"
	html = rendered(t, p)
	for _, s := range []string{`id="print-approval"`, "基本养老保险缴费基数核定表", "110101199003074514", "由上年月平均工资总额决定", "单位（盖章）"} {
		if !strings.Contains(html, s) {
			t.Errorf("approval form: got no %q", s)
		}
	}
}

func TestImportStaleWhenRulesChange(t *testing.T) {
	p := importPage(t, nil, "utf8.csv", nil)
	p.form["payroll"] = "99999"
	html := rendered(t, p)
	if !strings.Contains(html, `id="import-stale"`) {
		t.Errorf("changing the payroll after a run: want the result marked out of date")
	}
}
