//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// wasmVersion is the version the server announces for a web directory: a
// hash of its app.wasm (as loadWasm computes it, written out here so a
// change there is noticed).
func wasmVersion(t *testing.T, dir string) (string, int) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:6]), len(raw)
}

// runningVersion is the version of the app the page runs and the size of
// the app.wasm its service worker serves it.
const runningVersion = `(async () => {
	const v = goappGetenv('GOAPP_VERSION');
	const c = await caches.open('app-' + v);
	const r = await c.match('/web/app.wasm');
	return {version: v, wasm: r ? (await r.arrayBuffer()).byteLength : -1, caches: await caches.keys()};
})()`

type running struct {
	Version string   `json:"version"`
	Wasm    int      `json:"wasm"`
	Caches  []string `json:"caches"`
}

// TestBrowserUpdate: a page opened on one build notices a newer build
// served later (a new app.wasm, hence a new Version), offers the reload
// (#update, #update-reload), and after the reload runs the new version
// and still computes.
func TestBrowserUpdate(t *testing.T) {
	v1, v2 := webDirs(t)
	ver1, size1 := wasmVersion(t, v1)
	ver2, size2 := wasmVersion(t, v2)
	if ver1 == ver2 {
		t.Fatalf("fixture: both builds have version %s, want two", ver1)
	}
	// The server tells open pages to look for a newer version every 2 s
	// (-update-check; 30 minutes by default).
	env := map[string]string{"SIBASE_UPDATE_CHECK": "2"}
	srv := startApp(t, v1, env)
	ctx := newBrowser(t, desktopW, desktopH)
	open(t, ctx, srv.URL+"/flexible")
	waitServiceWorker(t, ctx)
	if got := eval[running](t, ctx, runningVersion); got.Version != ver1 || got.Wasm != size1 {
		t.Fatalf("first build: got version %s with app.wasm of %d bytes, want %s with %d", got.Version, got.Wasm, ver1, size1)
	}

	// The same build served again: no offer.
	click(t, ctx, "nav-employee")
	eval[bool](t, ctx, `navigator.serviceWorker.ready.then(r => r.update()).then(() => true)`)
	time.Sleep(time.Second)
	if eval[bool](t, ctx, `!!document.getElementById('update')`) {
		t.Fatal("same build: got the update offer #update, want none")
	}

	// A newer build; the open page finds it at its next look.
	srv.swap(t, v2, env)
	click(t, ctx, "nav-flexible")
	if err := tryWaitJS(ctx, `document.getElementById('update') && document.getElementById('update-reload')`, 30*time.Second); err != nil {
		t.Fatalf("after a newer build was served: got no #update with #update-reload, want the reload offer (caches %v)", eval[running](t, ctx, runningVersion).Caches)
	}
	if got := text(t, ctx, "update"); got == "" {
		t.Error("#update: got no text, want the offer explained")
	}
	click(t, ctx, "update-reload")
	waitJS(t, ctx, appReady+` && goappGetenv('GOAPP_VERSION') === `+jsString(ver2), "the reloaded page to run "+ver2)
	got := eval[running](t, ctx, runningVersion)
	if got.Version != ver2 || got.Wasm != size2 {
		t.Errorf("after the reload: got version %s with app.wasm of %d bytes, want %s with %d", got.Version, got.Wasm, ver2, size2)
	}
	if len(got.Caches) != 1 || got.Caches[0] != "app-"+ver2 {
		t.Errorf("after the reload: got caches %q, want only app-%s", got.Caches, ver2)
	}
	if eval[bool](t, ctx, `!!document.getElementById('update')`) {
		t.Error("after the reload: got #update still offered, want it gone")
	}
	useFlexible(t, ctx)
}
