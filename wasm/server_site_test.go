//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sibase/calc/rules"
	"strconv"
	"strings"
	"testing"

	sib "sibase/app"
)

// testSite writes a site built from fakeWeb, with the repository's real
// icons and stylesheet in place of the stand-ins so that the URL check
// covers them, and returns its directory and the fake app.wasm.
func testSite(t *testing.T) (out string, raw []byte) {
	t.Helper()
	web, raw := fakeWeb(t)
	for _, name := range []string{"icon-192.png", "icon-512.png", "icon.svg", "sibase.css", "noscript.css", "xlsx.js"} {
		data, err := os.ReadFile(filepath.Join("..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out = filepath.Join(t.TempDir(), "dist")
	if _, _, err := writeSite(web, out, publicSite{}); err != nil {
		t.Fatalf("writeSite: got error %v, want nil", err)
	}
	return out, raw
}

func readSiteFile(t *testing.T, out, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("reading %s: got error %v, want the file", name, err)
	}
	return data
}

func TestSitePages(t *testing.T) {
	out, _ := testSite(t)
	for _, route := range sib.Paths() {
		page := string(readSiteFile(t, out, filepath.ToSlash(sitePageFile(route))))
		for _, want := range []string{`<html lang="zh-CN">`, `id="main"`, `src="/app.js"`} {
			if !strings.Contains(page, want) {
				t.Errorf("route %s, file %s: got a page without %q, want it", route, sitePageFile(route), want)
			}
		}
	}
}

func TestSitePageFile(t *testing.T) {
	tests := []struct{ route, want string }{
		{"/", "index.html"},
		{"/flexible", "flexible.html"},
		{"/a/b", filepath.Join("a", "b.html")},
	}
	for _, tt := range tests {
		if got := sitePageFile(tt.route); got != tt.want {
			t.Errorf("sitePageFile(%q): got %q, want %q", tt.route, got, tt.want)
		}
	}
}

func TestSiteFiles(t *testing.T) {
	out, raw := testSite(t)
	repoIcon, err := os.ReadFile(filepath.Join("..", "web", "icon.svg"))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		want func(data []byte) bool
		what string
	}{
		{"app.js", containsString(`const goappWasmContentLength = "` + strconv.Itoa(len(raw)) + `"`), "the raw wasm length"},
		{"app-worker.js", containsString(`"/web/app.wasm"`), "app.wasm precached"},
		{"wasm_exec.js", containsString("globalThis.Go = class"), "Go's wasm_exec.js"},
		{"manifest.webmanifest", containsString(`"src":"/web/icon.svg"`), "the local SVG icon"},
		{"app.css", nonEmpty, "go-app's styles"},
		{"web/app.wasm", func(b []byte) bool { return bytes.Equal(b, raw) }, "app.wasm"},
		{"web/app.wasm.br", func(b []byte) bool { return bytes.Equal(decode(t, "br", b), raw) }, "app.wasm, brotli-encoded"},
		{"web/app.wasm.gz", func(b []byte) bool { return bytes.Equal(decode(t, "gzip", b), raw) }, "app.wasm, gzip-encoded"},
		{"web/icon.svg", func(b []byte) bool { return bytes.Equal(b, repoIcon) }, "web/icon.svg"},
		{"web/icon-192.png", nonEmpty, "the icon"},
		{"web/icon-512.png", nonEmpty, "the icon"},
		{"web/sibase.css", nonEmpty, "the stylesheet"},
	}
	for _, tt := range tests {
		if data := readSiteFile(t, out, tt.name); !tt.want(data) {
			t.Errorf("%s: got %d bytes without %s, want them", tt.name, len(data), tt.what)
		}
	}
}

func containsString(s string) func([]byte) bool {
	return func(b []byte) bool { return bytes.Contains(b, []byte(s)) }
}

func nonEmpty(b []byte) bool { return len(b) > 0 }

func TestSiteHeadersFile(t *testing.T) {
	out, _ := testSite(t)
	headers := string(readSiteFile(t, out, "_headers"))
	for _, want := range []string{
		"/*\n",
		"\n  Content-Security-Policy: " + contentSecurityPolicy + "\n",
		"\n  X-Content-Type-Options: nosniff\n",
		"\n  Referrer-Policy: no-referrer\n",
		"\n  Cache-Control: no-cache\n",
		"\n/web/app.wasm\n  Content-Type: application/wasm\n",
		"\n/manifest.webmanifest\n  Content-Type: application/manifest+json\n",
	} {
		if !strings.Contains(headers, want) {
			t.Errorf("_headers: got\n%s\nwant it to contain %q", headers, want)
		}
	}
}

// citedAddresses are the addresses of every source the bundled rule data
// cites (and the copies they were read through).
func citedAddresses(t *testing.T) map[string]bool {
	t.Helper()
	sets, err := rules.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, rs := range sets {
		for _, f := range rs.Figures() {
			out[f.Source.URL], out[f.Source.Via] = true, true
		}
		for _, s := range rs.Sources {
			out[s.URL], out[s.Via] = true, true
		}
	}
	return out
}

// inAttribute reports whether the URL is the value of an HTML attribute
// (href, src, content …) on the line: a link or a load, not text.
func inAttribute(line, u string) bool {
	return strings.Contains(line, `="`+u) || strings.Contains(line, `='`+u)
}

// No file of the site may make the browser contact another host. The
// addresses of the notices the rule data cites are text shown to people
// (never links, never fetched): they may appear, and nothing else may.
func TestSiteNoThirdPartyURLs(t *testing.T) {
	out, _ := testSite(t)
	absolute := regexp.MustCompile(`(?i)https?://[^\s"'<>)]*`)
	citations := citedAddresses(t)
	// A protocol-relative URL in an attribute or url(): not searched for in
	// scripts, where "//" starts every comment.
	relative := regexp.MustCompile(`(?i)["'(=]\s*//[a-z0-9]`)
	// URLs with a host that are not requests, and where they may appear.
	notRequests := map[string]string{
		// The SVG namespace of web/icon.svg: an identifier, never fetched.
		"http://www.w3.org/2000/svg": "web/icon.svg",
		// Inside a "//" comment of Go's wasm_exec.js (checked below).
		"https://github.com/golang/go/issues/28975": "wasm_exec.js",
	}

	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(out, p)
		name = filepath.ToSlash(name)
		if name == "web/app.wasm.br" || name == "web/app.wasm.gz" {
			return nil // encodings of web/app.wasm, which is checked
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, m := range absolute.FindAllString(line, -1) {
				u, err := url.Parse(m)
				switch {
				case err != nil:
					t.Errorf("%s: unparsable URL %q: %v", name, m, err)
				case u.Host == "":
					// go-app writes og:url as "https:///ROUTE" and og:image
					// as "https://" when Handler.Domain is unset: no host,
					// nothing is fetched.
				case notRequests[m] == name && (name != "wasm_exec.js" || strings.HasPrefix(strings.TrimSpace(line), "//")):
				case citations[html.UnescapeString(m)] && !inAttribute(line, m):
				default:
					t.Errorf("%s: URL %q: got host %q, want none", name, m, u.Host)
				}
			}
			if !strings.HasSuffix(name, ".js") {
				if m := relative.FindString(line); m != "" {
					t.Errorf("%s: got a protocol-relative URL %q, want none", name, m)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// routeHTML serves dir as a static host configured as the README says:
// /ROUTE is answered from ROUTE.html.
func routeHTML(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p != "/" && path.Ext(p) == "" {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)+".html")); err == nil {
				r = r.Clone(r.Context())
				r.URL.Path = p + ".html"
			}
		}
		files.ServeHTTP(w, r)
	})
}

func TestSiteServedStatically(t *testing.T) {
	out, raw := testSite(t)
	srv := httptest.NewServer(routeHTML(out))
	t.Cleanup(srv.Close)

	type check struct {
		path, wantType, wantBody string
	}
	var tests []check
	for _, route := range sib.Paths() {
		tests = append(tests, check{route, "text/html; charset=utf-8", `id="main"`})
	}
	tests = append(tests,
		check{"/web/app.wasm", "application/wasm", string(raw[:8])},
		check{"/app.js", "text/javascript; charset=utf-8", "goappWasmContentLength"},
		// Go's FileServer, like many hosts, knows no type for .webmanifest:
		// _headers and the README name it.
		check{"/manifest.webmanifest", "", `"start_url":"/"`},
	)
	// The service worker precaches its whole list with cache.addAll, which
	// fails (and nothing works offline) if any URL is not a 200.
	worker := string(readSiteFile(t, out, "app-worker.js"))
	_, list, ok := strings.Cut(worker, "const resourcesToCache = ")
	list, _, _ = strings.Cut(list, ";\n")
	var precached []string
	if err := json.Unmarshal([]byte(list), &precached); !ok || err != nil {
		t.Fatalf("app-worker.js: got no parsable resourcesToCache (%v), want a JSON list", err)
	}
	if got, want := len(precached), len(sib.Paths())+6; got < want {
		t.Errorf("app-worker.js: got %d precached URLs %q, want at least %d", got, precached, want)
	}
	for _, p := range precached {
		tests = append(tests, check{path: p})
	}

	for _, tt := range tests {
		res, err := srv.Client().Get(srv.URL + tt.path)
		if err != nil {
			t.Fatalf("GET %s: %v", tt.path, err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("GET %s: %v", tt.path, err)
		}
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status: got %d, want 200", tt.path, res.StatusCode)
		}
		if got := res.Header.Get("Content-Type"); tt.wantType != "" && got != tt.wantType {
			t.Errorf("GET %s: Content-Type: got %q, want %q", tt.path, got, tt.wantType)
		}
		if !strings.Contains(string(body), tt.wantBody) {
			t.Errorf("GET %s: got a body without %q, want it", tt.path, tt.wantBody)
		}
	}
}

// The output directory is replaced only when it holds an earlier site.
func TestSiteOutputDirectory(t *testing.T) {
	web, _ := fakeWeb(t)
	tests := []struct {
		name    string
		prepare func(t *testing.T, out string) string // returns the -out to use
		wantErr bool
		kept    string // a file that must survive
		gone    string // a file that must be removed
	}{
		{"absent", func(t *testing.T, out string) string { return out }, false, "", ""},
		{"empty", func(t *testing.T, out string) string {
			mkdir(t, out)
			return out
		}, false, "", ""},
		{"earlier site", func(t *testing.T, out string) string {
			mkdir(t, out)
			for _, f := range []string{"index.html", "app-worker.js", "removed-route.html"} {
				writeFile(t, filepath.Join(out, f), "old")
			}
			return out
		}, false, "", "removed-route.html"},
		{"other files", func(t *testing.T, out string) string {
			mkdir(t, out)
			writeFile(t, filepath.Join(out, "notes.txt"), "mine")
			return out
		}, true, "notes.txt", ""},
		{"the web directory", func(t *testing.T, out string) string { return web }, true, "", ""},
		{"inside the web directory", func(t *testing.T, out string) string { return filepath.Join(web, "dist") }, true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.prepare(t, filepath.Join(t.TempDir(), "dist"))
			_, _, err := writeSite(web, out, publicSite{})
			if gotErr := err != nil; gotErr != tt.wantErr {
				t.Fatalf("writeSite(%s): got error %v, want error: %v", tt.name, err, tt.wantErr)
			}
			if !tt.wantErr {
				if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
					t.Errorf("app-worker.js: got %v, want the file", err)
				}
			}
			if tt.kept != "" {
				if _, err := os.Stat(filepath.Join(out, tt.kept)); err != nil {
					t.Errorf("%s: got %v, want it kept", tt.kept, err)
				}
			}
			if tt.gone != "" {
				if _, err := os.Stat(filepath.Join(out, tt.gone)); err == nil {
					t.Errorf("%s: got it kept, want it removed", tt.gone)
				}
			}
			if _, err := os.Stat(filepath.Join(web, "app-worker.js")); err == nil {
				t.Errorf("web directory: got a site written into it, want it untouched")
			}
		})
	}
}

func TestRunSiteUsage(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"extra"}, 2},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"-h"}, 0},
		{[]string{"-web", filepath.Join(t.TempDir(), "missing"), "-out", filepath.Join(t.TempDir(), "dist")}, 1},
	}
	for _, tt := range tests {
		if got := runSite(tt.args, io.Discard); got != tt.want {
			t.Errorf("runSite(%q): got status %d, want %d", tt.args, got, tt.want)
		}
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
