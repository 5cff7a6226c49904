//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// offlineChecks are, for every route, what proves the page rendered and
// computed after a reload without a network.
var offlineChecks = []struct {
	path string
	use  func(*testing.T, contextT)
}{
	{"/", func(t *testing.T, ctx contextT) { waitText(t, ctx, "home-title", "社保缴费基数自助测算") }},
	{"/flexible", useFlexible},
	{"/employee", useEmployee},
	{"/employer", useEmployerRows},
	{"/institution", useInstitution},
	{"/settlement", useSettlement},
	{"/policy", usePolicy},
	// A kiosk reloading in a network outage; query strings are answered
	// from their path's cached page.
	{"/?kiosk=1", func(t *testing.T, ctx contextT) {
		waitJS(t, ctx, `!!document.getElementById('kiosk-board')`, "the kiosk board")
	}},
	{"/flexible?kiosk=1", useFlexible},
	// A place page, cached when it was first visited (below).
	{"/place/430000", func(t *testing.T, ctx contextT) {
		floor, _ := placeFigures(t, "430000")
		waitText(t, ctx, "place-floor", floor)
	}},
}

// TestBrowserOffline: after the first visit, with the network cut for the
// page and for its service worker, every route reloads, renders and
// computes — and the server sees no request meanwhile. Then the same once
// more with the server process stopped.
func TestBrowserOffline(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)
	open(t, ctx, srv.URL+"/")
	waitServiceWorker(t, ctx)
	// Place pages are cached on their first visit, not in advance.
	open(t, ctx, srv.URL+"/place/430000")
	waitJS(t, ctx, `caches.keys().then(async names => { for (const n of names) { if (await (await caches.open(n)).match('/place/430000')) return true } return false })`, "/place/430000 in the service worker's cache")

	t.Run("network-cut", func(t *testing.T) {
		goOffline(t, ctx)
		if got := eval[string](t, ctx, `fetch('/robots.txt?offline-probe', {cache: 'no-store'}).then(() => 'reached', e => 'failed')`); got != "failed" {
			t.Fatalf("offline probe fetch: got %q, want failed (the network is not cut)", got)
		}
		srv.served()
		for _, c := range offlineChecks {
			t.Run(strings.Trim(c.path, "/")+"_", func(t *testing.T) {
				open(t, ctx, srv.URL+c.path)
				if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
					t.Fatalf("reloading %s offline: %v", c.path, err)
				}
				waitJS(t, ctx, appReady, "app.wasm running after the offline reload of "+c.path)
				c.use(t, ctx)
			})
		}
		if got := srv.served(); len(got) != 0 {
			t.Errorf("offline: the server got %q, want no request", got)
		}
	})

	t.Run("server-stopped", func(t *testing.T) {
		// A fresh tab with the network on, the server gone.
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		srv.CloseClientConnections()
		srv.Close()
		for _, c := range offlineChecks {
			t.Run(strings.Trim(c.path, "/")+"_", func(t *testing.T) {
				open(t, tab, srv.URL+c.path)
				c.use(t, tab)
			})
		}
		// Proof the server is gone: a request the service worker does not
		// answer from its cache fails.
		if got := eval[string](t, tab, `fetch('/robots.txt?stopped-probe', {cache: 'no-store'}).then(r => 'reached ' + r.status, e => 'failed')`); got != "failed" {
			t.Errorf("probe with the server stopped: got %q, want failed", got)
		}
	})
}
