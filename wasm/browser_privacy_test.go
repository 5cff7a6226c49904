//go:build !wasm

package main

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// consoleLog collects a tab's console messages, browser log entries
// included (where Chromium reports CSP violations).
type consoleLog struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

func (c *consoleLog) watch(t *testing.T, ctx contextT) {
	t.Helper()
	msgs := chromedp.Console(ctx)
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("Log.enable: %v", err)
	}
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.mu.Unlock()
		}
	}()
}

// matching returns the messages whose text contains any of subs.
func (c *consoleLog) matching(subs ...string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		for _, s := range subs {
			if strings.Contains(m.Text, s) {
				out = append(out, m.String())
				break
			}
		}
	}
	return out
}

// cspWatch records every securitypolicyviolation event of every document
// the tab loads in sessionStorage-free memory (window.__csp).
const cspWatch = `window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`

// cspViolations is what the console and the page's own listener report.
func cspViolations(t *testing.T, ctx contextT, console *consoleLog) []string {
	t.Helper()
	out := eval[[]string](t, ctx, `window.__csp || []`)
	return append(out, console.matching("Content Security Policy", "Content-Security-Policy")...)
}

// TestBrowserPrivacy loads the app, waits until it is installed, then
// uses every page — typing, choosing, uploading a payroll file, the
// language switch, the CSV download — and asserts from the browser's own
// network events (the page's and the service worker's) and from the
// server's log that using them sends no request, that nothing ever went
// to another host, and that no Content-Security-Policy violation was
// reported. Each detector is then shown to work on a deliberate request
// and a deliberate violation.
func TestBrowserPrivacy(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	host := strings.TrimPrefix(srv.URL, "http://")
	ctx := newBrowser(t, desktopW, desktopH)

	var net netLog
	var console consoleLog
	net.watch(t, ctx, "page")
	console.watch(t, ctx)
	addScriptOnNewDocument(t, ctx, cspWatch)

	open(t, ctx, srv.URL+"/")
	waitServiceWorker(t, ctx)
	swCtx, cancelSW := chromedp.NewContext(ctx, chromedp.WithTargetID(serviceWorkerTarget(t, ctx)))
	defer cancelSW()
	net.watch(t, swCtx, "service worker")

	loaded := net.take()
	if len(loaded) == 0 {
		t.Fatal("loading the app: got no request recorded, want the page's own (the recorder is broken)")
	}
	checkHosts(t, "loading the app", loaded, host)
	srv.served()

	// The pages, reached through the app's own links (no reload), then
	// used. The app's one look for a newer version at start-up
	// (app-worker.js, same origin) may land here late; using a page must
	// send nothing.
	uses := []struct {
		nav string
		use func(*testing.T, contextT)
	}{
		{"", func(t *testing.T, ctx contextT) {
			click(t, ctx, "lang-switch")
			waitText(t, ctx, "home-title", "Social-insurance")
			click(t, ctx, "lang-switch")
			waitText(t, ctx, "home-title", "社保缴费基数自助测算")
		}},
		{"nav-flexible", useFlexible},
		{"nav-employee", useEmployee},
		{"nav-employer", func(t *testing.T, ctx contextT) {
			useEmployerRows(t, ctx)
			useEmployerFile(t, ctx, "../testdata/payroll/gbk.csv")
			dir := t.TempDir()
			allowDownloads(t, ctx, dir)
			click(t, ctx, "download-csv")
			waitFile(t, dir)
		}},
		{"nav-institution", useInstitution},
		{"nav-settlement", useSettlement},
		{"nav-policy", usePolicy},
	}
	workerChecks := 0 // requests for /app-worker.js seen while moving between pages
	for _, u := range uses {
		name := strings.TrimPrefix(u.nav, "nav-")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			if u.nav != "" {
				click(t, ctx, u.nav)
				waitJS(t, ctx, `location.pathname === '/`+name+`'`, "/"+name)
				waitJS(t, ctx, appReady, "the page")
				reached := append(net.take(), srv.served()...)
				t.Logf("reaching /%s through the app's link: %d requests %q", name, len(reached), reached)
				checkHosts(t, "reaching /"+name, reached, host)
				for _, r := range reached {
					if !strings.Contains(r, "/app-worker.js") {
						t.Errorf("reaching /%s through the app's link: got request %q, want none but the service worker's update check", name, r)
					} else {
						workerChecks++
					}
				}
				// The app asks for a newer version once per session (and
				// every 30 minutes), not on every page it shows.
				if workerChecks > 2 {
					t.Errorf("reaching /%s: %d update checks so far, want at most the one at start-up (seen by page and server)", name, workerChecks)
				}
			}
			u.use(t, ctx)
			if got := net.take(); len(got) != 0 {
				t.Errorf("using /%s: got %d network requests %q, want 0", name, len(got), got)
			}
			// The server's log as a cross-check. Chromium's own check for
			// a newer service worker (go-app's TryUpdate when a page
			// mounts, answered late) may land here: a bare GET of
			// /app-worker.js, which carries nothing typed.
			for _, r := range srv.served() {
				if r != "GET /app-worker.js" {
					t.Errorf("using /%s: the server got %q, want nothing (but the service worker's update check)", name, r)
				} else {
					t.Logf("using /%s: the server got the service worker's update check %q", name, r)
				}
			}
		})
	}

	if got := cspViolations(t, ctx, &console); len(got) != 0 {
		t.Errorf("CSP violations: got %q, want none", got)
	}
	if got := console.matching("Refused to"); len(got) != 0 {
		t.Errorf("console: got %q, want nothing refused", got)
	}

	// The detectors themselves: a request the page makes is seen by the
	// network log and by the server; an inline style attribute is refused
	// and reported.
	eval[bool](t, ctx, `fetch('/robots.txt?detector').then(() => true, () => true)`)
	if got := net.take(); len(got) == 0 || !strings.Contains(strings.Join(got, " "), "/robots.txt?detector") {
		t.Errorf("detector: a deliberate fetch got recorded as %q, want it seen", got)
	}
	eval[bool](t, ctx, `(document.body.setAttribute('style', 'outline: 1px solid red'), true)`)
	waitJS(t, ctx, `window.__csp.length > 0`, "the deliberate CSP violation to be reported")
}

// checkHosts fails for any recorded request to another host than host.
func checkHosts(t *testing.T, when string, reqs []string, host string) {
	t.Helper()
	for _, r := range reqs {
		raw := r
		if i := strings.LastIndex(r, " "); i >= 0 {
			raw = r[i+1:]
		}
		u, err := url.Parse(raw)
		if err != nil || (u.Host != host && u.Scheme != "") {
			t.Errorf("%s: got a request to %q, want only %s", when, r, host)
		}
	}
}

// TestBrowserSecurityHeaders: every response — pages, scripts, the
// service worker, app.wasm, the manifest, assets, a 404 — carries the
// Content-Security-Policy, X-Content-Type-Options and Referrer-Policy, as
// fetched over HTTP and as the browser received the page; and the page
// runs under it with nothing reported (TestBrowserPrivacy checks the
// console while every page is used).
func TestBrowserSecurityHeaders(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	paths := []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest",
		"/web/app.wasm", "/web/sibase.css", "/web/icon.svg", "/web/icon-192.png", "/no-such-page"}
	for _, p := range pagesByRoute {
		paths = append(paths, p.path)
	}
	for _, p := range paths {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		checkSecurityHeaders(t, "GET "+p, func(k string) string { return resp.Header.Get(k) })
	}

	ctx := newBrowser(t, desktopW, desktopH)
	var mu sync.Mutex
	got := map[string]network.Headers{}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok {
			mu.Lock()
			got[e.Response.URL] = e.Response.Headers
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, srv.URL+"/flexible")
	mu.Lock()
	defer mu.Unlock()
	for _, u := range []string{srv.URL + "/flexible", srv.URL + "/app.js", srv.URL + "/web/app.wasm"} {
		h, ok := got[u]
		if !ok {
			t.Errorf("browser: got no response for %s, want one", u)
			continue
		}
		checkSecurityHeaders(t, "browser "+u, func(k string) string {
			for name, v := range h {
				if strings.EqualFold(name, k) {
					s, _ := v.(string)
					return s
				}
			}
			return ""
		})
	}
}

// checkSecurityHeaders asserts the three headers and the CSP's promises:
// nothing but the page's own origin, no inline script or style, no eval
// beyond compiling WebAssembly, no framing.
func checkSecurityHeaders(t *testing.T, what string, get func(string) string) {
	t.Helper()
	if got := get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options got %q, want nosniff", what, got)
	}
	if got := get("Referrer-Policy"); got != "no-referrer" {
		t.Errorf("%s: Referrer-Policy got %q, want no-referrer", what, got)
	}
	csp := get("Content-Security-Policy")
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			directives[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for name, want := range map[string]string{
		"default-src": "'none'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'",
		"connect-src": "'self'", "img-src": "'self'", "frame-ancestors": "'none'", "form-action": "'none'",
	} {
		if got, ok := directives[name]; !ok || got != want {
			t.Errorf("%s: Content-Security-Policy %s got %q, want %q (header %q)", what, name, got, want, csp)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"} {
		for name, v := range directives {
			for _, src := range strings.Fields(v) {
				if src == bad {
					t.Errorf("%s: Content-Security-Policy %s allows %s, want it refused", what, name, bad)
				}
			}
		}
	}
}
