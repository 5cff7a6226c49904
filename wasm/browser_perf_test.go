//go:build !wasm

package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"sibase/testdata/payrollgen"
)

// TestBrowserPerformance measures, for `make bench`, what a person waits
// for and what the app costs in Chromium, beside the bare go-app floor
// built and served the same way (testdata/floor): start-up (first
// pre-rendered text; interactive = go-app's loader gone and the first
// result drawn) cold and warm at 1× and 4× CPU, median of 5 with min and
// max; the bytes a first visit transfers; input latency from a keystroke
// to the result updated; memory after start-up and after a 100,000-row
// payroll file, and that file's time. Timings are noisy, so this prints a
// report instead of asserting; it runs only with SIBASE_BENCH=1.
func TestBrowserPerformance(t *testing.T) {
	if os.Getenv("SIBASE_BENCH") != "1" {
		t.Skip("a benchmark: run by make bench (SIBASE_BENCH=1)")
	}
	chromiumPath(t)
	dir, _ := webDirs(t)
	sib := startApp(t, dir, nil)
	floorURL := startFloor(t)
	r := &perfReport{}

	apps := []struct {
		name, url, ready string
	}{
		{"sibase", sib.URL + "/employee#place=230000&city=230600&date=2011-06&avg=2278&wage=1000", "#result-base"},
		{"sibase /place/430000", sib.URL + "/place/430000", "#place-floor"},
		{"floor", floorURL + "/", "#hello"},
	}
	// Input latency and memory first, on a machine not yet busy with the
	// browsers of the start-up runs (sibase only: the floor has no input).
	// Each keystroke keeps the result valid: a digit then Backspace in the
	// employee's wage, in the flexible worker's ratio (0.8 ↔ 0.85).
	typed := []struct{ name, url, field string }{
		{"/employee", apps[0].url, "wage"},
		{"/flexible", sib.URL + "/flexible#place=210000&date=2007-03&avg=1949.33&ratio=0.8", "ratio"},
	}
	for _, page := range typed {
		for _, rate := range []float64{1, 4} {
			session(t, func(t *testing.T) {
				ctx := newBrowser(t, phoneW, phoneH)
				addScriptOnNewDocument(t, ctx, startupProbe("#result-base")+latencyProbe)
				open(t, ctx, page.url)
				waitJS(t, ctx, "document.getElementById('result-base')", "the first result")
				if rate == 1 && page.field == "wage" {
					heap, wasm := memory(t, ctx)
					r.add("after start-up: JS heap / wasm memory (MiB)", "sibase", fmt.Sprintf("%.1f / %.1f", heap, wasm))
				}
				throttle(t, ctx, rate)
				r.add(fmt.Sprintf("keystroke to result on %s, %gx CPU: p50 / p95 (ms)", page.name, rate), "sibase", latenciesIn(t, ctx, page.field))
			})
		}
	}
	session(t, func(t *testing.T) {
		ctx := newBrowser(t, desktopW, desktopH)
		addScriptOnNewDocument(t, ctx, startupProbe("#hello"))
		open(t, ctx, floorURL+"/")
		heap, wasm := memory(t, ctx)
		r.add("after start-up: JS heap / wasm memory (MiB)", "floor", fmt.Sprintf("%.1f / %.1f", heap, wasm))
	})
	for _, a := range apps {
		for _, rate := range []float64{1, 4} {
			var coldText, coldReady, warmText, warmReady []float64
			for i := 0; i < 5; i++ {
				session(t, func(t *testing.T) {
					ctx := newBrowser(t, phoneW, phoneH)
					addScriptOnNewDocument(t, ctx, startupProbe(a.ready))
					bytes := &transferLog{}
					bytes.watch(t, ctx)
					throttle(t, ctx, rate)
					fcp, ready := loadTimed(t, ctx, a.url)
					coldText, coldReady = append(coldText, fcp), append(coldReady, ready)
					if i == 0 && rate == 1 && !strings.HasPrefix(a.name, "sibase ") {
						time.Sleep(500 * time.Millisecond)
						r.add("first visit, bytes transferred", a.name, fmt.Sprintf("%.0f", bytes.total()))
					}
					waitServiceWorker(t, ctx)
					fcp, ready = loadTimed(t, ctx, a.url)
					warmText, warmReady = append(warmText, fcp), append(warmReady, ready)
				})
			}
			name, col := a.name, a.name
			if strings.HasPrefix(name, "sibase ") {
				// The place page: its own rows, in the sibase column.
				col = "sibase"
				name = strings.TrimPrefix(name, "sibase ") + " "
			} else {
				name = ""
			}
			r.add(fmt.Sprintf("%sfirst text, cold, %gx CPU (ms)", name, rate), col, stats(coldText))
			r.add(fmt.Sprintf("%sinteractive, cold, %gx CPU (ms)", name, rate), col, stats(coldReady))
			r.add(fmt.Sprintf("%sfirst text, warm, %gx CPU (ms)", name, rate), col, stats(warmText))
			r.add(fmt.Sprintf("%sinteractive, warm, %gx CPU (ms)", name, rate), col, stats(warmReady))
		}
	}

	session(t, func(t *testing.T) { roster(t, sib.URL, r, "payroll100k.csv", payroll100k()) })
	session(t, func(t *testing.T) { roster(t, sib.URL, r, "payroll100k.xlsx", payroll100kWorkbook(t)) })
	r.print(t)
}

// session runs one browser's measurements as a subtest, so that its
// browser is closed before the next starts (browsers left running skew
// every timing after them).
func session(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	if !t.Run("browser", f) {
		t.FailNow()
	}
}

// startupProbe records, in the page, when the first contentful paint
// happened (the pre-rendered text) and when go-app's loader was gone with
// ready (a CSS selector) on the page, and captures the wasm instance.
func startupProbe(ready string) string {
	return `window.__perf = {};
new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__perf.fcp = e.startTime; }).observe({type: 'paint', buffered: true});
const __check = () => { if (!window.__perf.ready && !document.getElementById('app-wasm-loader') && document.querySelector(` + jsString(ready) + `)) window.__perf.ready = performance.now(); };
new MutationObserver(__check).observe(document, {childList: true, subtree: true});
const __inst = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (...a) => { const r = await __inst(...a); window.__wasm = r.instance; return r; };
const __inst2 = WebAssembly.instantiate;
WebAssembly.instantiate = async (...a) => { const r = await __inst2(...a); if (r.instance) window.__wasm = r.instance; return r; };
`
}

// latencyProbe times each keystroke in #wage until #result-base changes.
const latencyProbe = `
document.addEventListener('keydown', () => { window.__key = performance.now(); window.__lat = null; }, true);
new MutationObserver(() => { if (window.__key && window.__lat === null) { window.__lat = performance.now() - window.__key; } })
  .observe(document, {childList: true, subtree: true, characterData: true});
`

// loadTimed navigates and returns the first text and interactive times
// in ms since navigation start.
func loadTimed(t *testing.T, ctx contextT, url string) (float64, float64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, url)
	waitJS(t, ctx, "window.__perf && window.__perf.ready && window.__perf.fcp", "the start-up marks")
	return eval[float64](t, ctx, "window.__perf.fcp"), eval[float64](t, ctx, "window.__perf.ready")
}

func throttle(t *testing.T, ctx contextT, rate float64) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
		t.Fatalf("CPU throttling: %v", err)
	}
}

// latencies types 100 keystrokes into #wage (a digit, then Backspace, so
// each changes the base) and returns p50 and p95.
func latencies(t *testing.T, ctx contextT) string { return latenciesIn(t, ctx, "wage") }

// latenciesIn is latencies for the field with the given id.
func latenciesIn(t *testing.T, ctx contextT, id string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID(id))); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, "(() => { const e = document.getElementById("+jsString(id)+"); e.setSelectionRange(e.value.length, e.value.length); return true })()")
	var ms []float64
	for i := 0; i < 100; i++ {
		key := "5"
		if i%2 == 1 {
			key = "\b"
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, "window.__lat !== null && window.__lat !== undefined", "the result after a keystroke")
		ms = append(ms, eval[float64](t, ctx, "window.__lat"))
	}
	slices.Sort(ms)
	return fmt.Sprintf("%.1f / %.1f", ms[49], ms[94])
}

// memory returns the JS heap in use and the wasm memory, in MiB.
func memory(t *testing.T, ctx contextT) (float64, float64) {
	t.Helper()
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(ctx, performance.GetMetrics, struct{}{})
	if err != nil {
		t.Fatal(err)
	}
	heap := 0.0
	for _, m := range res.Metrics {
		if m.Name == "JSHeapUsedSize" {
			heap = m.Value
		}
	}
	wasm := eval[float64](t, ctx, "window.__wasm ? window.__wasm.exports.mem.buffer.byteLength : 0")
	return heap / (1 << 20), wasm / (1 << 20)
}

// roster times a 100,000-row payroll file (a CSV, a workbook) through
// the employer page and reads memory after it.
func roster(t *testing.T, base string, r *perfReport, name string, data []byte) {
	t.Helper()
	path := tempFile(t, name, data)
	ctx := newBrowser(t, desktopW, desktopH)
	addScriptOnNewDocument(t, ctx, startupProbe("#import"))
	open(t, ctx, base+"/employer#place=230000&city=230600&date=2011-06&avg=2278&source=file")
	waitJS(t, ctx, "document.getElementById('file')", "the file chooser")
	start := time.Now()
	eval[bool](t, ctx, "(() => { window.__t0 = performance.now(); return true })()")
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("file"), []string{path})); err != nil {
		t.Fatal(err)
	}
	if err := tryWaitJS(ctx, "document.getElementById('import-counts')", 5*time.Minute); err != nil {
		t.Fatalf("waiting for the roster: %v", err)
	}
	kind := filepath.Ext(name)[1:]
	r.add("100,000-row payroll "+kind+", chosen to roster shown (s)", "sibase", fmt.Sprintf("%.2f", time.Since(start).Seconds()))
	r.add("100,000-row payroll "+kind+": counts", "sibase", text(t, ctx, "import-counts"))
	heap, wasm := memory(t, ctx)
	r.add("after the 100,000-row "+kind+" roster: JS heap / wasm memory (MiB)", "sibase", fmt.Sprintf("%.1f / %.1f", heap, wasm))
}

// payroll100k is the 100,000 employees calc/payroll's benchmarks read.
func payroll100k() []byte { return payrollgen.CSV(100_000) }

// transferLog sums the bytes a tab receives (Network.loadingFinished).
type transferLog struct{ bytes float64 }

func (l *transferLog) watch(t *testing.T, ctx contextT) {
	t.Helper()
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventLoadingFinished); ok {
			l.bytes += e.EncodedDataLength
		}
	})
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
}

func (l *transferLog) total() float64 { return l.bytes }

// startFloor builds the floor app (wasm and its native server) and serves
// it on a free loopback port; it returns its URL.
func startFloor(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	os.MkdirAll(web, 0o755)
	buildWasm(t, "../testdata/floor", filepath.Join(web, "app.wasm"))
	bin := filepath.Join(dir, "floor")
	if out, err := exec.Command("go", "build", "-o", bin, "../testdata/floor").CombinedOutput(); err != nil {
		t.Fatalf("building the floor server: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, dir, addr)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	return "http://" + addr
}

// stats is "median (min–max)" of ms values.
func stats(ms []float64) string {
	s := slices.Clone(ms)
	slices.Sort(s)
	return fmt.Sprintf("%.0f (%.0f–%.0f)", s[len(s)/2], s[0], s[len(s)-1])
}

// perfReport collects figures by measure and app, in order.
type perfReport struct {
	order []string
	rows  map[string]map[string]string
}

func (r *perfReport) add(measure, app, value string) {
	if r.rows == nil {
		r.rows = map[string]map[string]string{}
	}
	if r.rows[measure] == nil {
		r.rows[measure] = map[string]string{}
		r.order = append(r.order, measure)
	}
	r.rows[measure][app] = value
}

// print writes the report as a Markdown table, with sibase/floor ratios
// of the medians where both apps were measured.
func (r *perfReport) print(t *testing.T) {
	var b strings.Builder
	b.WriteString("\n| measure | sibase | floor | sibase / floor |\n| --- | --- | --- | --- |\n")
	for _, m := range r.order {
		s, f := r.rows[m]["sibase"], r.rows[m]["floor"]
		ratio := ""
		var a, c float64
		if _, err := fmt.Sscan(s, &a); err == nil {
			if _, err := fmt.Sscan(f, &c); err == nil && c > 0 {
				ratio = fmt.Sprintf("%.2f", a/c)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", m, s, orDash(f), ratio)
	}
	fmt.Print(b.String())
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
