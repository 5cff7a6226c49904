//go:build !wasm

package main

// Helpers for the end-to-end browser tests (browser_*_test.go): they build
// the real app.wasm once per run, serve it with the real handler
// (newHandler) from an in-process server, and drive headless Chromium
// through chromedp. Every test starts its own browser with a fresh profile
// and cancels it when it ends.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// installChromium is how to get the browser the tests need.
const installChromium = "apt-get update && apt-get install -y chromium (or set CHROMIUM=/path/to/chromium)"

// chromiumPath returns the Chromium binary: $CHROMIUM, else chromium or
// chromium-browser on PATH, else /usr/bin/chromium. Without one the test
// fails under CI=true and is skipped elsewhere, naming the install command.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		failNoBrowser(t, fmt.Sprintf("CHROMIUM=%s does not exist", p))
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	failNoBrowser(t, "Chromium not found")
	return ""
}

func failNoBrowser(t *testing.T, why string) {
	t.Helper()
	msg := why + "; the browser tests need it. Install: " + installChromium
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// webFixture is the app built for the browser tests: dir holds app.wasm
// (+ .br, .gz), the icons and sibase.css; dir2 the same app whose
// app.wasm differs by a custom section, i.e. a newer build.
var webFixture struct {
	once      sync.Once
	root      string
	dir, dir2 string
	err       error
}

// removeBrowserFixtures deletes what webDirs built (TestMain calls it).
func removeBrowserFixtures() {
	if webFixture.root != "" {
		os.RemoveAll(webFixture.root)
	}
}

// webDirs builds app.wasm once per test run and returns the web directory
// of the build and of a second, newer build.
func webDirs(t *testing.T) (string, string) {
	t.Helper()
	chromiumPath(t) // skip (or fail, in CI) before building anything
	webFixture.once.Do(func() {
		webFixture.root, webFixture.err = os.MkdirTemp("", "sibase-e2e")
		if webFixture.err != nil {
			return
		}
		webFixture.dir, webFixture.err = buildWebDir(filepath.Join(webFixture.root, "v1"), nil)
		if webFixture.err != nil {
			return
		}
		wasm, err := os.ReadFile(filepath.Join(webFixture.dir, "app.wasm"))
		if err != nil {
			webFixture.err = err
			return
		}
		webFixture.dir2, webFixture.err = buildWebDir(filepath.Join(webFixture.root, "v2"),
			appendCustomSection(wasm, "sibase.e2e.build", []byte("2")))
		if webFixture.err != nil {
			return
		}
		// The build as the server's precompress writes it (.br and .gz);
		// brotli at quality 11 takes ~20 s, so the newer build, for the
		// update test alone, gets only its .gz.
		if _, err := precompress(filepath.Join(webFixture.dir, "app.wasm")); err != nil {
			webFixture.err = err
			return
		}
		wasm2, err := os.ReadFile(filepath.Join(webFixture.dir2, "app.wasm"))
		if err == nil {
			var gz []byte
			if gz, err = gzipBytes(wasm2); err == nil {
				err = writeFileAtomic(filepath.Join(webFixture.dir2, "app.wasm.gz"), gz)
			}
		}
		webFixture.err = err
	})
	if webFixture.err != nil {
		t.Fatalf("building the app for the browser: %v", webFixture.err)
	}
	return webFixture.dir, webFixture.dir2
}

// buildWebDir writes a web directory into dir: app.wasm (built from this
// package for js/wasm when wasm is nil) and ../web's icons and stylesheet.
// webDirs then precompresses app.wasm with the server's precompress.
func buildWebDir(dir string, wasm []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := filepath.Join(dir, "app.wasm")
	if wasm == nil {
		cmd := exec.Command("go", append(append([]string{"build"}, wasmBuildFlags...), "-o", name, ".")...)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("GOOS=js GOARCH=wasm go build: %v\n%s", err, out)
		}
	} else if err := os.WriteFile(name, wasm, 0o644); err != nil {
		return "", err
	}
	for _, f := range []string{"icon-192.png", "icon-512.png", "icon.svg", "sibase.css", "noscript.css", "xlsx.js"} {
		data, err := os.ReadFile(filepath.Join("..", "web", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// appendCustomSection returns wasm with a custom section (id 0: a name and
// a payload the engine ignores) appended: a valid module with other bytes,
// hence another hash and another version.
func appendCustomSection(wasm []byte, name string, payload []byte) []byte {
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(name)))
	body = append(body, name...)
	body = append(body, payload...)
	out := append([]byte(nil), wasm...)
	out = append(out, 0)
	out = binary.AppendUvarint(out, uint64(len(body)))
	return append(out, body...)
}

// appServer is the real handler behind an in-process server whose handler
// can be swapped for a newer build, and which counts the requests it gets.
type appServer struct {
	*httptest.Server
	mu       sync.Mutex
	h        http.Handler
	requests []string
}

// startApp serves the web directory with newHandler(dir, env) on
// 127.0.0.1 (a secure context, so the service worker runs).
func startApp(t *testing.T, dir string, env map[string]string) *appServer {
	t.Helper()
	s := &appServer{}
	s.swap(t, dir, env)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h := s.h
		s.requests = append(s.requests, r.Method+" "+r.URL.RequestURI())
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// swap serves another build from now on.
func (s *appServer) swap(t *testing.T, dir string, env map[string]string) {
	t.Helper()
	h, err := newHandler(dir, env, publicSite{})
	if err != nil {
		t.Fatalf("newHandler(%s): %v", dir, err)
	}
	s.mu.Lock()
	s.h = h
	s.mu.Unlock()
}

// served returns the requests the server got since the last call.
func (s *appServer) served() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.requests
	s.requests = nil
	return out
}

// The two viewports the app is checked at.
const (
	phoneW, phoneH     = 360, 740
	desktopW, desktopH = 1280, 800
)

// newBrowser starts headless Chromium with a fresh profile and a window of
// w×h CSS pixels, and returns a context for its first tab. Both the
// browser's context and its allocator are cancelled when the test ends.
func newBrowser(t *testing.T, w, h int) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(w, h),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	tctx, cancelT := context.WithTimeout(ctx, 150*time.Second)
	t.Cleanup(func() {
		cancelT()
		cancelC()
		cancelA()
	})
	if err := chromedp.Do(tctx, viewport(w, h)); err != nil {
		t.Fatalf("starting Chromium (%s): %v", exe, err)
	}
	return tctx
}

// viewport sets the page's size in CSS pixels (device scale 1).
func viewport(w, h int) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(int64(w), int64(h))
}

// appReady is true once app.wasm runs the page: go-app's loader is gone
// and the Go side has replaced the page's navigation hook.
const appReady = `!document.getElementById('app-wasm-loader') && typeof window.goappNav === 'function' && String(window.goappNav).indexOf('{ }') < 0`

// open navigates to url and waits until app.wasm runs the page.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigating to %s: %v", url, err)
	}
	waitJS(t, ctx, appReady, "app.wasm running on "+url)
}

// waitJS polls a JavaScript condition until it is true, failing the test
// with what was awaited after 30 s.
func waitJS(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	if err := tryWaitJS(ctx, cond, 30*time.Second); err != nil {
		t.Fatalf("waiting for %s: %v (condition %s)", what, err, cond)
	}
}

// tryWaitJS polls cond until it is true or timeout passes. Errors while
// the page navigates (no execution context yet) are retried.
func tryWaitJS(ctx context.Context, cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")", chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		} else {
			last = errors.New("still false")
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return fmt.Errorf("after %v: %w", timeout, last)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// textOf is the JS expression for the trimmed text of the element with id
// ("" when absent).
func textOf(id string) string {
	return `((document.getElementById(` + jsString(id) + `)||{}).textContent||'').trim()`
}

// text returns the trimmed text of the element with id, "" when absent.
func text(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	return eval[string](t, ctx, textOf(id))
}

// waitText waits until the element with id contains want, and returns
// its text; the failure says what it held instead.
func waitText(t *testing.T, ctx context.Context, id, want string) string {
	t.Helper()
	cond := textOf(id) + `.includes(` + jsString(want) + `)`
	if err := tryWaitJS(ctx, cond, 20*time.Second); err != nil {
		t.Fatalf("#%s: got %q, want it to contain %q", id, text(t, ctx, id), want)
	}
	return text(t, ctx, id)
}

// eval evaluates a JavaScript expression (promises awaited) and decodes
// its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// setField sets an input's or select's value as a person's input would
// and fires the events the app listens to (input, then change).
func setField(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	// A select must offer the value first: right after the field before
	// it changed (a province, say), the page may still show the old
	// options, and a value they lack would quietly become "". ("" itself
	// is the first option's, which go-app writes without a value
	// attribute.)
	waitJS(t, ctx, `(() => { const el = document.getElementById(`+jsString(id)+`);
		return !!el && (el.tagName !== 'SELECT' || `+jsString(value)+` === '' || [...el.options].some(o => o.value === `+jsString(value)+`)) })()`,
		"#"+id+" offering "+jsString(value))
	if !eval[bool](t, ctx, `(() => { const el = document.getElementById(`+jsString(id)+`);
		el.focus(); el.value = `+jsString(value)+`;
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return el.tagName !== 'SELECT' || el.value === `+jsString(value)+` || `+jsString(value)+` === '' })()`) {
		t.Fatalf("setting #%s to %q: the select did not take it", id, value)
	}
}

// keyPause is the pause between two keys typeInto types, a fast person's
// pace. Keys sent back to back at machine speed can be lost by the app
// (TestBrowserFastTyping).
const keyPause = 40 * time.Millisecond

// typeInto clears an input and types value into it key by key, as a
// person does.
func typeInto(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	typeAt(t, ctx, id, value, keyPause)
}

// typeAt types value into the input with a pause between keys (none: all
// keys at once, at machine speed).
func typeAt(t *testing.T, ctx context.Context, id, value string, pause time.Duration) {
	t.Helper()
	sel := chromedp.CSS(`[id="` + id + `"]`)
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(sel), chromedp.Focus(sel)); err != nil {
		t.Fatalf("focusing #%s: %v", id, err)
	}
	setField(t, ctx, id, "")
	keys := []string{value}
	if pause > 0 {
		keys = strings.Split(value, "")
	}
	for _, k := range keys {
		time.Sleep(pause)
		if err := chromedp.Do(ctx, chromedp.SendKeys(sel, k)); err != nil {
			t.Fatalf("typing %q into #%s: %v", value, id, err)
		}
	}
}

// click clicks the element with id (ids may contain dots).
func click(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	sel := chromedp.CSS(`[id="` + id + `"]`)
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(sel), chromedp.Click(sel)); err != nil {
		t.Fatalf("clicking #%s: %v", id, err)
	}
}

// netLog records the requests a tab (and the service worker, when
// attached) sends, from Network.requestWillBeSent.
type netLog struct {
	mu   sync.Mutex
	urls []string
}

// watchNetwork enables the Network domain on ctx's target and records its
// requests into l. data: and blob: URLs are not network requests and are
// left out.
func (l *netLog) watch(t *testing.T, ctx context.Context, who string) {
	t.Helper()
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u := e.Request.URL
			if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
				return
			}
			l.mu.Lock()
			l.urls = append(l.urls, who+" "+u)
			l.mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("listening to %s: %v", who, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("Network.enable on %s: %v", who, err)
	}
}

// take returns the requests recorded since the last call.
func (l *netLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.urls
	l.urls = nil
	return out
}

// waitServiceWorker waits until the page is controlled by go-app's
// service worker and its cache holds app.wasm and every route, i.e. the
// app would work offline.
func waitServiceWorker(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, `(async () => {
		if (!navigator.serviceWorker.controller) return false;
		for (const name of await caches.keys()) {
			const c = await caches.open(name);
			const keys = (await c.keys()).map(r => new URL(r.url).pathname);
			if (keys.includes('/web/app.wasm') && ['/', '/flexible', '/employee', '/employer', '/institution', '/settlement', '/policy'].every(p => keys.includes(p))) return true;
		}
		return false })()`, "the service worker to control the page with app.wasm and every route cached")
}

// serviceWorkerTarget returns the running service worker's target.
func serviceWorkerTarget(t *testing.T, ctx context.Context) target.ID {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatalf("listing targets: %v", err)
		}
		for _, in := range infos {
			if in.Type == "service_worker" {
				return in.TargetID
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no service_worker target: got none, want go-app's worker")
	return ""
}

// emulateNetworkConditions is the raw Network.emulateNetworkConditions
// command, absent from the typed cdproto but still accepted by Chromium.
var emulateNetworkConditions = cdp.Command[networkConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type networkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// goOffline cuts the network for the page's target and for the service
// worker's (whose own fetches would otherwise still reach the server).
// It returns the service worker's context.
func goOffline(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	swID := serviceWorkerTarget(t, ctx)
	swCtx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(swID))
	t.Cleanup(cancel)
	for _, c := range []struct {
		name string
		ctx  context.Context
	}{{"page", ctx}, {"service worker", swCtx}} {
		if _, err := chromedp.Call(c.ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatalf("Network.enable on the %s: %v", c.name, err)
		}
		if _, err := chromedp.Call(c.ctx, emulateNetworkConditions, networkConditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
			t.Fatalf("going offline on the %s: %v", c.name, err)
		}
	}
	return swCtx
}

// screenshotDir is where the screenshots for review go:
// test-output/screenshots at the repository root.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "test-output", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot writes a full-page PNG of the tab to the screenshot folder.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(screenshotDir(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// allowDownloads sends the tab's downloads to dir.
func allowDownloads(t *testing.T, ctx context.Context, dir string) {
	t.Helper()
	_, err := chromedp.CallBrowser(ctx, browserSetDownloadBehavior, downloadBehavior{Behavior: "allow", DownloadPath: dir})
	if err != nil {
		t.Fatalf("Browser.setDownloadBehavior: %v", err)
	}
}

var browserSetDownloadBehavior = cdp.Command[downloadBehavior, cdp.Empty]{Method: "Browser.setDownloadBehavior"}

type downloadBehavior struct {
	Behavior     string `json:"behavior"`
	DownloadPath string `json:"downloadPath,omitempty"`
}

// waitFile waits for a completed file in dir (Chromium writes
// NAME.crdownload first) and returns its path.
func waitFile(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".crdownload") && !e.IsDir() {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("download: got no file in %s, want one", dir)
	return ""
}

// addScriptOnNewDocument runs src in every document the tab loads from
// now on, before the page's own scripts.
func addScriptOnNewDocument(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatalf("Page.addScriptToEvaluateOnNewDocument: %v", err)
	}
}

// contextT is a chromedp context.
type contextT = context.Context

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// mustAbs returns the absolute path of a file relative to wasm/.
func mustAbs(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// downloadRoster clicks #download-csv and holds the file downloaded to
// the golden roster of the six sample employees,
// testdata/payroll/utf8.roster.csv, byte for byte; it returns the file's
// path.
func downloadRoster(t *testing.T, ctx contextT) string {
	t.Helper()
	downloads := t.TempDir()
	allowDownloads(t, ctx, downloads)
	click(t, ctx, "download-csv")
	path := waitFile(t, downloads)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../testdata/payroll/utf8.roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("downloaded CSV: got %d bytes\n%s\nwant testdata/payroll/utf8.roster.csv (%d bytes)\n%s", len(got), got, len(want), want)
	}
	return path
}

// importCancelRerun chooses the 100,000-row payroll file at path on the
// employer page (大庆 2011-06), cancels the import while its progress bar
// moves, runs it again and waits for every row to be decided.
func importCancelRerun(t *testing.T, ctx contextT, origin, path string) {
	t.Helper()
	open(t, ctx, origin+"/employer")
	pickPlace(t, ctx, "2011-06", "230000", "230600", "2278")
	setField(t, ctx, "source", "file")
	chooseFile(t, ctx, path)
	// A script's click: the button is drawn anew with each step of the
	// bar, which chromedp's mouse click would wait out.
	waitJS(t, ctx, `document.getElementById('import-cancel')`, "the progress bar and its cancel button")
	eval[bool](t, ctx, `(document.getElementById('import-cancel').click(), true)`)
	waitText(t, ctx, "import-error", "已取消")
	// The run button is gone once the run starts: its progress and
	// outcome still reach the page.
	click(t, ctx, "import-run")
	waitText(t, ctx, "import-counts", "读取 100000 行 = 计算 100000 + 拒绝 0")
}

// tempFile writes data to a file of the given name in a directory of the
// test's own, and returns its path.
func tempFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
