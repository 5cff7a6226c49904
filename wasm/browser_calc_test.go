//go:build !wasm

package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pickPlace chooses the month, the province and (unless "") the city on
// a calculator page, and types the average when the rules ask for it.
func pickPlace(t *testing.T, ctx contextT, date, province, city, avg string) {
	t.Helper()
	setField(t, ctx, "date", date)
	setField(t, ctx, "place", province)
	if city != "" {
		setField(t, ctx, "city", city)
	}
	if avg != "" {
		typeInto(t, ctx, "avg", avg)
	}
}

// Each use* function works one page as a person would and asserts what
// it shows. The privacy and offline tests run them too.

// useFlexible: Liaoning, 2007-03, a city average of 1949.33 → the
// average itself (89号 二(二)), and the range a hardship reduction may go
// down to, said to be the city's decision; 60% is refused beside the
// ratio field and the result is withdrawn.
func useFlexible(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2007-03", "210000", "", "1949.33")
	waitText(t, ctx, "result-base", "1949.33")
	if got := text(t, ctx, "result-outcome"); got != "按规定的基数（平均工资）" {
		t.Errorf("flexible #result-outcome: got %q, want 按规定的基数（平均工资）", got)
	}
	if got := text(t, ctx, "result-range"); !strings.Contains(got, "1364.54 – 1949.33") {
		t.Errorf("flexible #result-range: got %q, want it to contain 1364.54 – 1949.33", got)
	}
	if got := text(t, ctx, "choice-hint"); !strings.Contains(got, "是否下调由所在市决定") {
		t.Errorf("flexible #choice-hint: got %q, want it to say the city decides a reduction", got)
	}
	explain := text(t, ctx, "result-explain")
	for _, want := range []string{"70% × 1949.33 = 1364.531，进位到分 = 1364.54", "辽社险函〔2006〕89号 二(二)", "sibase 的约定", "由当地决定"} {
		if !strings.Contains(explain, want) {
			t.Errorf("flexible #result-explain: got %q, want it to contain %q", explain, want)
		}
	}

	typeInto(t, ctx, "ratio", "0.6")
	msg := waitText(t, ctx, "ratio-error", "1364.54 至 1949.33")
	if !strings.Contains(msg, "60%") {
		t.Errorf("flexible #ratio-error: got %q, want it to name the chosen 60%%", msg)
	}
	if got := eval[string](t, ctx, `document.getElementById('ratio').getAttribute('aria-invalid')`); got != "true" {
		t.Errorf("flexible #ratio aria-invalid: got %q, want true", got)
	}
	waitText(t, ctx, "result-stale", "结果未更新")
	if got := eval[bool](t, ctx, `!!document.getElementById('result-base')`); got {
		t.Error("flexible: #result-base still shown with a refused ratio, want it withdrawn")
	}

	typeInto(t, ctx, "ratio", "0.8")
	waitText(t, ctx, "result-base", "1559.46")
	if got := eval[bool](t, ctx, `!!document.getElementById('ratio-error')`); got {
		t.Error("flexible: #ratio-error still shown for 0.8, want it gone")
	}

	// From one answer to another a keystroke redraws only the result
	// (resultPart); the slider, which is the page's, follows the ratio.
	typeInto(t, ctx, "ratio", "0.75")
	waitText(t, ctx, "result-base", "1462.00")
	slider := eval[[]string](t, ctx, `(() => { const s = document.getElementById('slider'); return [s.value, s.getAttribute('aria-valuetext')] })()`)
	if strings.Join(slider, " ") != "75 75%" {
		t.Errorf("flexible #slider after typing 0.75: got value and aria-valuetext %q, want 75 and 75%%", slider)
	}
}

// useEmployee: Daqing, 2011-06, average 2278: a wage of 1000 is raised to
// the floor 1366.80 and the explanation says so; "１０００元" (full-width
// digits, a 元 suffix) gives the same.
func useEmployee(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	for _, wage := range []string{"1000", "１０００元"} {
		typeInto(t, ctx, "wage", wage)
		if got := eval[string](t, ctx, `document.getElementById('wage').value`); got != wage {
			t.Fatalf("employee #wage: got %q typed, want %q", got, wage)
		}
		// Every prefix of 1000 (1, 10, 100) is below the floor too: wait
		// for the whole wage in the explanation, not for the base.
		waitText(t, ctx, "result-explain", "1000.00 低于下限")
		if got := text(t, ctx, "result-base"); got != "1366.80" {
			t.Errorf("employee wage %q: #result-base got %q, want 1366.80", wage, got)
		}
		if got := text(t, ctx, "result-outcome"); got != "低于下限，按下限" {
			t.Errorf("employee wage %q: #result-outcome got %q, want 低于下限，按下限", wage, got)
		}
		explain := text(t, ctx, "result-explain")
		for _, want := range []string{"1000.00 低于下限，按下限 1366.80 元缴费", "庆社险函〔2011〕3号 二(二)"} {
			if !strings.Contains(explain, want) {
				t.Errorf("employee wage %q: #result-explain got %q, want it to contain %q", wage, explain, want)
			}
		}
	}
}

// useEmployerRows: three employees typed in, a rehired retiree among them
// → the unit base 13834.00 and the rule that chose it (the sum of the
// individual bases plus the retiree's wage, 3号 二(一) and 四.4).
func useEmployerRows(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	setField(t, ctx, "source", "rows")
	setField(t, ctx, "kind", "enterprise")
	typeInto(t, ctx, "payroll", "9000")
	typeInto(t, ctx, "e.0.id", "A")
	typeInto(t, ctx, "e.0.wage", "3000")
	typeInto(t, ctx, "e.1.id", "B")
	typeInto(t, ctx, "e.1.wage", "9000")
	click(t, ctx, "add-row")
	typeInto(t, ctx, "e.2.id", "C")
	typeInto(t, ctx, "e.2.wage", "4000")
	setField(t, ctx, "e.2.status", "rehired_retiree")
	// The unit base is 13834.00 before C's status is taken too (A 3000 +
	// B's cap 6834 + C 4000 as active staff): wait for what only the
	// status gives.
	waitText(t, ctx, "result-exempt", "4000.00")
	for id, want := range map[string]string{
		"result-unit-base": "13834.00",
		"result-sum":       "9834.00",
		"result-exempt":    "4000.00",
		"result-decided":   "由个人缴费基数之和决定",
	} {
		if got := text(t, ctx, id); got != want {
			t.Errorf("employer rows #%s: got %q, want %q", id, got, want)
		}
	}
	if got := text(t, ctx, "result-explain"); !strings.Contains(got, "上年月平均工资总额 9000.00 低于个人缴费基数之和加不再参保人员工资 13834.00，以后者为单位缴费基数") {
		t.Errorf("employer rows #result-explain: got %q, want the payroll-vs-sum step", got)
	}
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('#result-employees tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()).join('|'))`)
	want := []string{"A|3000.00|3000.00|在上下限之间，按本人工资", "B|9000.00|6834.00|高于上限，按上限", "C|4000.00|—|不再参保，工资计入单位基数"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("employer rows #result-employees: got %q, want %q", rows, want)
	}
}

// useEmployerFile: the GBK payroll file chosen on the page → the
// accounting, the unit base, the roster of six; returns after the roster
// shows.
func useEmployerFile(t *testing.T, ctx contextT, file string) {
	t.Helper()
	useEmployerFileFrom(t, ctx, file, "gb18030")
}

// useEmployerFileFrom: a payroll file of the six sample employees chosen
// on the page, the #import-source line naming source (its encoding or
// sheet).
func useEmployerFileFrom(t *testing.T, ctx contextT, file, source string) {
	t.Helper()
	useEmployerFileBy(t, ctx, chooseFile, file, source)
}

// useEmployerFileBy is useEmployerFileFrom with the file put on the page
// by put: chosen (chooseFile) or dropped (dropFile).
func useEmployerFileBy(t *testing.T, ctx contextT, put func(*testing.T, contextT, string), file, source string) {
	t.Helper()
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	setField(t, ctx, "source", "file")
	setField(t, ctx, "payroll", "") // the default: the file's wages summed (3号 四.4)
	put(t, ctx, file)
	waitText(t, ctx, "import-counts", "读取 6 行")
	for id, want := range map[string]string{
		"import-counts":    "读取 6 行 = 计算 6 + 拒绝 0；空行 0",
		"import-unit-base": "25000.00",
		"import-decided":   "由上年月平均工资总额决定",
	} {
		if got := text(t, ctx, id); got != want {
			t.Errorf("employer file %s #%s: got %q, want %q", filepath.Base(file), id, got, want)
		}
	}
	if got := text(t, ctx, "import-source"); !strings.Contains(got, source) {
		t.Errorf("employer file #import-source: got %q, want %q named", got, source)
	}
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('#import-roster tbody tr')].map(r => r.cells[1].textContent.trim() + '|' + r.cells[2].textContent.trim() + '|' + r.cells[4].textContent.trim())`)
	if len(rows) != 6 {
		t.Fatalf("employer file #import-roster: got %d rows %q, want 6", len(rows), rows)
	}
	// The roster masks ID numbers; the raised and the capped rows show
	// the floor and the cap.
	for _, want := range []string{"1366.80", "6834.00"} {
		if !strings.Contains(strings.Join(rows, "\n"), want) {
			t.Errorf("employer file #import-roster: got %q, want a row based on %s", rows, want)
		}
	}
	if strings.Contains(strings.Join(rows, "\n"), "110101199003074514") {
		t.Errorf("employer file #import-roster: got %q, want ID numbers masked", rows)
	}
}

// useInstitution: Liaoning 2010-12 with an average of 1949.33: a basic
// wage of 3000 lies within the limits.
func useInstitution(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2010-12", "210000", "", "1949.33")
	typeInto(t, ctx, "basic", "3000")
	waitText(t, ctx, "result-base", "3000.00")
	if got := text(t, ctx, "result-outcome"); got != "在上下限之间，按本人工资" {
		t.Errorf("institution #result-outcome: got %q, want 在上下限之间，按本人工资", got)
	}
}

// useSettlement: paid on a provisional 2000 for five months, then 2500 →
// 200.00 to collect (3号 四.3).
func useSettlement(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	typeInto(t, ctx, "wage", "2500")
	typeInto(t, ctx, "provWorker", "2000")
	waitText(t, ctx, "settle-worker-total", "200.00")
	if got := text(t, ctx, "settle-worker-direction"); got != "补收" {
		t.Errorf("settlement #settle-worker-direction: got %q, want 补收", got)
	}
}

// usePolicy: /policy lists every province with a link to its page, and
// typing pinyin narrows the list to the places it names.
func usePolicy(t *testing.T, ctx contextT) {
	t.Helper()
	waitText(t, ctx, "place-210000", "辽宁")
	if n := eval[int](t, ctx, `document.querySelectorAll('#places li').length`); n < 31 {
		t.Errorf("/policy: got %d places, want every province (31) and more", n)
	}
	typeInto(t, ctx, "find", "hunan")
	waitJS(t, ctx, `document.querySelectorAll('#places li').length === 1`, "typing hunan to leave one place")
	if got := eval[string](t, ctx, `document.querySelector('#places a').getAttribute('href')`); got != "/place/430000" {
		t.Errorf("/policy after typing hunan: got a link to %q, want /place/430000", got)
	}
	setField(t, ctx, "find", "")
}

func TestBrowserFlexible(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	open(t, ctx, srv.URL+"/flexible")
	useFlexible(t, ctx)
}

func TestBrowserEmployee(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	open(t, ctx, srv.URL+"/employee")
	useEmployee(t, ctx)
}

// TestBrowserEmployer: rows typed in give the unit base and its rule; a
// payroll file gives the roster, and the CSV download is byte for byte
// the golden list of adjusted bases.
func TestBrowserEmployer(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)

	t.Run("rows", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		useEmployerRows(t, ctx)
	})
	t.Run("file", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employer")
		useEmployerFile(t, ctx, "../testdata/payroll/gbk.csv")
		downloaded := downloadRoster(t, ctx)
		if name := filepath.Base(downloaded); name != "调整基数名单-2011-06.csv" {
			t.Errorf("downloaded file name: got %q, want 调整基数名单-2011-06.csv", name)
		}
	})
}

// TestBrowserOtherPages: institution, settlement and policy compute and
// render.
func TestBrowserOtherPages(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	for _, c := range []struct {
		path string
		use  func(*testing.T, contextT)
	}{{"/institution", useInstitution}, {"/settlement", useSettlement}, {"/policy", usePolicy}} {
		t.Run(c.path[1:], func(t *testing.T) {
			open(t, ctx, srv.URL+c.path)
			c.use(t, ctx)
		})
	}
}

// TestBrowserLanguage: the switch turns every page English and back; the
// choice is remembered on the device (outside kiosk mode) across a
// reload.
func TestBrowserLanguage(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	open(t, ctx, srv.URL+"/")
	click(t, ctx, "lang-switch")
	waitText(t, ctx, "home-title", "Social-insurance base estimator")
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "en" {
		t.Errorf("after the switch <html lang>: got %q, want en", got)
	}
	if got := text(t, ctx, "lang-switch"); got != "中文" {
		t.Errorf("after the switch #lang-switch: got %q, want 中文", got)
	}
	if got := text(t, ctx, "go-flexible"); !strings.Contains(got, "Flexible worker") {
		t.Errorf("after the switch #go-flexible: got %q, want English", got)
	}
	click(t, ctx, "nav-employee")
	waitJS(t, ctx, `location.pathname === '/employee'`, "/employee")
	if got := eval[string](t, ctx, `document.querySelector('main h1').textContent`); got != "An employee's individual base" {
		t.Errorf("/employee in English: h1 got %q, want An employee's individual base", got)
	}
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	typeInto(t, ctx, "wage", "1000")
	waitText(t, ctx, "result-outcome", "Below the floor: raised to it")

	open(t, ctx, srv.URL+"/")
	waitText(t, ctx, "home-title", "Social-insurance base estimator")
	if got := eval[string](t, ctx, `localStorage.getItem('sibase-language')`); !strings.Contains(got, "en") {
		t.Errorf("localStorage sibase-language: got %q, want en remembered", got)
	}
	click(t, ctx, "lang-switch")
	waitText(t, ctx, "home-title", "社保缴费基数自助测算")
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "zh-CN" {
		t.Errorf("after switching back <html lang>: got %q, want zh-CN", got)
	}
}

// TestBrowserShareLink: the share link under a result, opened in another
// browser with a fresh profile, restores the form and the result.
func TestBrowserShareLink(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	open(t, ctx, srv.URL+"/flexible")
	pickPlace(t, ctx, "2007-03", "210000", "", "1949.33")
	typeInto(t, ctx, "ratio", "0.8")
	waitText(t, ctx, "result-base", "1559.46")
	waitJS(t, ctx, `(document.getElementById('share')||{}).href && document.getElementById('share').href.includes('ratio=0.8')`, "#share with the ratio")
	link := eval[string](t, ctx, `document.getElementById('share').href`)
	// The address bar takes the form once typing pauses.
	if err := tryWaitJS(ctx, `location.href === `+jsString(link), 5*time.Second); err != nil {
		t.Errorf("address bar: got %q, want the share link %q", eval[string](t, ctx, `location.href`), link)
	}
	if !strings.HasPrefix(link, srv.URL+"/flexible#") {
		t.Fatalf("share link: got %q, want %s/flexible#…", link, srv.URL)
	}

	other := newBrowser(t, phoneW, phoneH)
	open(t, other, link)
	waitText(t, other, "result-base", "1559.46")
	for id, want := range map[string]string{"date": "2007-03", "place": "210000", "avg": "1949.33", "ratio": "0.8"} {
		if got := eval[string](t, other, `document.getElementById(`+jsString(id)+`).value`); got != want {
			t.Errorf("restored #%s: got %q, want %q", id, got, want)
		}
	}
	if got := text(t, other, "result-range"); !strings.Contains(got, "1364.54 – 1949.33") {
		t.Errorf("restored #result-range: got %q, want 1364.54 – 1949.33", got)
	}
}
