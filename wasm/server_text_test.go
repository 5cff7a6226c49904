//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// Pages, scripts, styles and the manifest come compressed, as app.wasm
// does: brotli where the browser takes it, else gzip, else as they are;
// each decodes to the plain response.
func TestTextServedCompressed(t *testing.T) {
	dir, _ := fakeWeb(t)
	srv := newTestServer(t, dir)
	for _, path := range []string{"/", "/flexible", "/place/430000", "/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"} {
		_, plain := get(t, srv, path, "identity")
		for _, tt := range []struct{ accept, want string }{{"gzip, deflate, br", "br"}, {"gzip", "gzip"}, {"identity", ""}} {
			res, body := get(t, srv, path, tt.accept)
			if got := res.Header.Get("Content-Encoding"); got != tt.want {
				t.Errorf("GET %s (Accept-Encoding %s): Content-Encoding %q, want %q", path, tt.accept, got, tt.want)
				continue
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s: Vary %q, want Accept-Encoding", path, res.Header.Get("Vary"))
			}
			var r io.Reader = bytes.NewReader(body)
			switch tt.want {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				gz, err := gzip.NewReader(r)
				if err != nil {
					t.Fatalf("GET %s: %v", path, err)
				}
				r = gz
			}
			decoded, err := io.ReadAll(r)
			// go-app writes a page's attributes in map order, so pages are
			// compared by their text, scripts and styles byte for byte.
			same := bytes.Equal(decoded, plain)
			if strings.Contains(res.Header.Get("Content-Type"), "text/html") {
				same = strings.Contains(string(decoded), "</html>") && titleOf(decoded) == titleOf(plain)
			}
			if err != nil || !same {
				t.Errorf("GET %s as %s: decodes to %d bytes (err %v), want the %d plain bytes", path, tt.want, len(decoded), err, len(plain))
			}
			if tt.want != "" && len(body) >= len(plain) {
				t.Errorf("GET %s as %s: %d bytes, want fewer than the plain %d", path, tt.want, len(body), len(plain))
			}
		}
	}
}

// Without the site's public address a page carries no Open Graph tags
// (go-app would write "https:///flexible"); with it, complete ones.
func TestOpenGraphOnlyWithPublicURL(t *testing.T) {
	dir, _ := fakeWeb(t)
	_, page := get(t, newTestServer(t, dir), "/place/430000", "identity")
	if strings.Contains(string(page), "og:") {
		t.Errorf("no public URL: got Open Graph tags in\n%s", page)
	}
	public, err := parsePublicURL("https://sibase.example.org")
	if err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(dir, nil, public)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	_, page = get(t, srv, "/place/430000", "identity")
	for _, want := range []string{`content="https://sibase.example.org/place/430000"`, `content="https://sibase.example.org/web/icon-512.png"`, `property="og:title"`, `property="og:url"`, `property="og:image"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("with -public-url: got no %s in\n%s", want, page)
		}
	}
	for _, bad := range []string{"http://x.org", "https://x.org/sub", "x.org"} {
		if _, err := parsePublicURL(bad); err == nil {
			t.Errorf("parsePublicURL(%q): got nil, want an error", bad)
		}
	}
}

// A place page's HTML holds its title, floor and cap before app.wasm
// runs: the server renders them.
func TestPlacePagePrerendered(t *testing.T) {
	dir, _ := fakeWeb(t)
	srv := newTestServer(t, dir)
	_, page := get(t, srv, "/place/440100", "identity")
	for _, want := range []string{"<title>广东省广州市", "年社保缴费基数上下限 · sibase</title>", `id="place-floor"`, "5510.00", "27549.00", "粤人社发〔2025〕32号"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("/place/440100: got no %q", want)
		}
	}
	_, page = get(t, srv, "/flexible?place=430000", "identity")
	for _, want := range []string{"湖南省", `id="result-range"`, "20529.00"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("/flexible?place=430000: got no %q", want)
		}
	}
}

// The service worker answers a URL with a query string from its path's
// cached page, and keeps a place page once visited.
func TestServiceWorkerOffline(t *testing.T) {
	dir, _ := fakeWeb(t)
	_, js := get(t, newTestServer(t, dir), "/app-worker.js", "identity")
	for _, want := range []string{"ignoreSearch: navigation", `url.pathname.startsWith("/place/")`, "cache.put(url.pathname"} {
		if !strings.Contains(string(js), want) {
			t.Errorf("app-worker.js: got no %q", want)
		}
	}
}

func titleOf(page []byte) string {
	_, after, _ := strings.Cut(string(page), "<title>")
	title, _, _ := strings.Cut(after, "</title>")
	return title
}
