//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// fakeWeb writes a small stand-in app.wasm, precompressed, plus the icons
// and stylesheet the handler names, into a temporary directory.
func fakeWeb(t *testing.T) (dir string, raw []byte) {
	t.Helper()
	dir = t.TempDir()
	raw = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 not really wasm "), 512)
	name := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(name, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := precompress(name); err != nil {
		t.Fatalf("precompress: got error %v, want nil", err)
	}
	for _, f := range []string{"icon-192.png", "icon-512.png", "icon.svg", "sibase.css", "noscript.css", "xlsx.js"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, raw
}

func newTestServer(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	h, err := newHandler(dir, nil, publicSite{})
	if err != nil {
		t.Fatalf("newHandler: got error %v, want nil", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path without letting the client decode the body.
func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Setting the header ourselves stops the transport from adding
	// "gzip" and decoding transparently; "identity" asks for raw bytes.
	if acceptEncoding == "" {
		acceptEncoding = "identity"
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", path, err)
	}
	return res, body
}

func TestSecurityHeaders(t *testing.T) {
	dir, _ := fakeWeb(t)
	srv := newTestServer(t, dir)

	for _, path := range []string{"/", "/web/app.wasm", "/app.js", "/app-worker.js",
		"/manifest.webmanifest", "/web/icon-192.png", "/no-such-page", "/robots.txt"} {
		res, _ := get(t, srv, path, "br")
		for name, want := range securityHeaders {
			if got := res.Header.Get(name); got != want {
				t.Errorf("GET %s: %s: got %q, want %q", path, name, got, want)
			}
		}
	}
}

func TestWasmEncoding(t *testing.T) {
	dir, raw := fakeWeb(t)
	srv := newTestServer(t, dir)

	tests := []struct {
		acceptEncoding string
		wantEncoding   string
	}{
		{"br", "br"},
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"*", "br"},
		{"identity", ""},
		{"deflate", ""},
		{"br;q=0, gzip;q=0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.acceptEncoding, func(t *testing.T) {
			res, body := get(t, srv, "/web/app.wasm", tt.acceptEncoding)
			checks := []struct{ name, got, want string }{
				{"status", strconv.Itoa(res.StatusCode), "200"},
				{"Content-Encoding", res.Header.Get("Content-Encoding"), tt.wantEncoding},
				{"Content-Type", res.Header.Get("Content-Type"), "application/wasm"},
				{"Vary", res.Header.Get("Vary"), "Accept-Encoding"},
				{"Content-Length", res.Header.Get("Content-Length"), strconv.Itoa(len(body))},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("Accept-Encoding %q: %s: got %q, want %q", tt.acceptEncoding, c.name, c.got, c.want)
				}
			}
			if got := decode(t, tt.wantEncoding, body); !bytes.Equal(got, raw) {
				t.Errorf("Accept-Encoding %q: decoded body: got %d bytes, want the %d bytes of app.wasm",
					tt.acceptEncoding, len(got), len(raw))
			}
		})
	}
}

func decode(t *testing.T, encoding string, body []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch encoding {
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", encoding, err)
	}
	return b
}

// A compressed file left from an older build must not be served.
func TestWasmStaleEncodingSkipped(t *testing.T) {
	dir, _ := fakeWeb(t)
	newer := []byte("\x00asm\x01\x00\x00\x00 a newer build")
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), newer, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, dir)

	res, body := get(t, srv, "/web/app.wasm", "br, gzip")
	if got := res.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding: got %q, want none", got)
	}
	if !bytes.Equal(body, newer) {
		t.Errorf("body: got %q, want %q", body, newer)
	}
}

// The page and the manifest must name no host but the page's own.
func TestNoThirdPartyURLs(t *testing.T) {
	dir, _ := fakeWeb(t)
	srv := newTestServer(t, dir)
	own, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	urlRE := regexp.MustCompile(`(?i)(?:https?:)?//[^\s"'<>)]*`)

	for _, path := range []string{"/", "/manifest.webmanifest", "/app.js", "/app-worker.js"} {
		res, body := get(t, srv, path, "")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status: got %d, want 200", path, res.StatusCode)
		}
		for _, m := range urlRE.FindAllString(string(body), -1) {
			u, err := url.Parse(m)
			if err != nil {
				t.Errorf("GET %s: unparsable URL %q: %v", path, m, err)
				continue
			}
			// go-app writes og:url and og:image as "https://" (no host)
			// when Handler.Domain is unset: nothing is fetched from it.
			if u.Host != "" && u.Host != own.Host {
				t.Errorf("GET %s: URL %q: got host %q, want none or %q", path, m, u.Host, own.Host)
			}
		}
	}
}

func TestPageContent(t *testing.T) {
	dir, raw := fakeWeb(t)
	srv := newTestServer(t, dir)
	_, page := get(t, srv, "/", "")
	_, appJS := get(t, srv, "/app.js", "")

	tests := []struct {
		name, body, want string
	}{
		{"lang", string(page), `<html lang="zh-CN">`},
		{"title", string(page), "<title>社保缴费基数自助测算 (sibase)</title>"},
		{"home pre-rendered", string(page), `id="home-title"`},
		{"who are you", string(page), `href="/flexible"`},
		{"local icon", string(page), `href="/web/icon.svg"`},
		{"wasm length", string(appJS), `const goappWasmContentLength = "` + strconv.Itoa(len(raw)) + `"`},
	}
	for _, tt := range tests {
		if !bytes.Contains([]byte(tt.body), []byte(tt.want)) {
			t.Errorf("%s: got a body without %q, want it", tt.name, tt.want)
		}
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"", "br", false},
		{"br", "br", true},
		{"BR", "br", true},
		{"gzip, br", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.5", "br", true},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"*, gzip;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"deflate", "gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q): got %v, want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

// The kiosk flags of the README's example reach the app as its
// environment; bad flags are refused before anything is served.
func TestServerFlags(t *testing.T) {
	env := appEnv(true, "210100", 90*time.Second, 30*time.Minute)
	want := map[string]string{"SIBASE_KIOSK": "1", "SIBASE_KIOSK_PLACE": "210100", "SIBASE_KIOSK_IDLE": "90", "SIBASE_UPDATE_CHECK": "1800"}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("appEnv: %s got %q, want %q", k, env[k], v)
		}
	}
	if env := appEnv(false, "", 0, time.Minute); env["SIBASE_KIOSK"] != "" || env["SIBASE_UPDATE_CHECK"] != "60" {
		t.Errorf("appEnv without -kiosk: got %v, want only the update check", env)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-h"}, 0},
		{[]string{"-kiosk-idle", "soon"}, 2},
		{[]string{"stray"}, 2},
		{[]string{"site", "-out"}, 2},
	} {
		var stderr bytes.Buffer
		if got := runServer(tt.args, &stderr); got != tt.code {
			t.Errorf("runServer(%q): got %d, want %d (%s)", tt.args, got, tt.code, stderr.String())
		}
	}
}

// TestPagesNotHeldByTimers: go-app's server sends a page only once every
// timer the page started has fired, so a page that schedules one on the
// server (the share link's address-bar delay, 300 ms, once did) arrives
// that much later. A page renders in a few milliseconds; any such wait is
// at least the timer's length.
func TestPagesNotHeldByTimers(t *testing.T) {
	dir, _ := fakeWeb(t)
	srv := newTestServer(t, dir)
	for _, path := range []string{"/", "/flexible", "/employee", "/employer", "/institution", "/settlement", "/policy", "/place/430000", "/employee?place=440100", "/?kiosk=1", "/flexible?kiosk=1"} {
		get(t, srv, path, "") // the first request decodes the place's rules
		start := time.Now()
		get(t, srv, path, "")
		if took := time.Since(start); took >= 250*time.Millisecond {
			t.Errorf("GET %s: took %v, want well under the 300 ms a server-side timer holds a page", path, took.Round(time.Millisecond))
		}
	}
}
