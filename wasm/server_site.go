//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	sib "sibase/app"
)

// runSite writes the app as a static website: wasm site [-web web] [-out dist].
func runSite(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	web := fs.String("web", "web", "directory holding app.wasm and the static assets")
	out := fs.String("out", "dist", "directory to write the site to (replaced if it holds an earlier site)")
	publicURL := fs.String("public-url", "", "the https origin the site will be published at: pages then carry complete Open Graph tags")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wasm site [-web dir] [-out dir]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, "wasm site", stderr); !ok {
		return code
	}
	public, err := parsePublicURL(*publicURL)
	if err != nil {
		fmt.Fprintln(stderr, "wasm site:", err)
		return 2
	}
	n, size, err := writeSite(*web, *out, public)
	if err != nil {
		fmt.Fprintln(stderr, "wasm site:", err)
		return 1
	}
	fmt.Fprintf(stderr, "sibase: wrote %s: %d files, %d bytes, %d pages\n", *out, n, size, len(sitePages()))
	return 0
}

// writeSite writes into outDir everything a static host needs to serve the
// app whose build outputs and assets are in webDir: go-app's generated
// pages and scripts, web/ (app.wasm with its .br and .gz encodings, icons,
// CSS) and a _headers file. It builds the site beside outDir and then
// replaces outDir, which must be absent, empty or an earlier site. It
// returns the number of files written and their total size.
func writeSite(webDir, outDir string, public publicSite) (files int, size int64, err error) {
	if err := checkSiteDirs(webDir, outDir); err != nil {
		return 0, 0, err
	}
	// The same handler the server uses: same version (a hash of app.wasm),
	// icons, styles, precached routes and wasm length.
	s, err := newServer(webDir, nil, public)
	if err != nil {
		return 0, 0, err
	}
	// GenerateStaticWebsite writes whatever the handler answers, a 404
	// page included, so check first that every route renders.
	pages := sitePages()
	for _, p := range pages {
		rec := httptest.NewRecorder()
		s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return 0, 0, fmt.Errorf("route %s: status %d, want 200 (is it registered?)", p, rec.Code)
		}
	}

	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(outDir)), "."+filepath.Base(outDir)+".tmp-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp) // nothing left to remove once renamed
	// MkdirTemp makes it 0700; a web server running as another user must
	// be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return 0, 0, err
	}

	if err := app.GenerateStaticWebsite(tmp, s.app, pages...); err != nil {
		return 0, 0, err
	}
	for _, p := range pages {
		name := filepath.Join(tmp, sitePageFile(p))
		page, err := os.ReadFile(name)
		if err != nil {
			return 0, 0, fmt.Errorf("route %s: %w", p, err)
		}
		if err := os.WriteFile(name, s.public.finishHTML(page), 0o644); err != nil {
			return 0, 0, err
		}
	}
	appJS := filepath.Join(tmp, "app.js")
	js, err := os.ReadFile(appJS)
	if err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(appJS, finishAppJS(js), 0o644); err != nil {
		return 0, 0, err
	}
	if err := copyWebDir(webDir, filepath.Join(tmp, "web"), s.wasm); err != nil {
		return 0, 0, err
	}
	// The Go server answers these from web/; a static host from the root.
	for _, name := range []string{"robots.txt", "sitemap.xml", "ads.txt"} {
		err := copyFile(filepath.Join(webDir, name), filepath.Join(tmp, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, 0, err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, "_headers"), []byte(siteHeaders()), 0o644); err != nil {
		return 0, 0, err
	}
	if err := precompressText(tmp); err != nil {
		return 0, 0, err
	}

	err = filepath.WalkDir(tmp, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			files, size = files+1, size+fi.Size()
		}
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	if err := replaceDir(tmp, outDir); err != nil {
		return 0, 0, err
	}
	return files, size, nil
}

// sitePages are the pages the site holds: every route, and a page for
// each place (/place/430000 …).
func sitePages() []string { return append(sib.Paths(), sib.PlacePaths()...) }

// precompressText writes FILE.br and FILE.gz beside every page, script,
// stylesheet and manifest of the site, as app.wasm has them, for hosts
// that serve precompressed files (nginx's brotli_static, gzip_static).
func precompressText(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".js", ".css", ".webmanifest", ".svg":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for enc, ext := range map[string]string{"br": ".br", "gzip": ".gz"} {
			if err := os.WriteFile(p+ext, compressText(data, enc), 0o644); err != nil {
				return err
			}
		}
		return nil
	})
}

// sitePageFile is the file, relative to the site, holding the page of a
// route: index.html for "/", ROUTE.html for "/ROUTE", as go-app writes them.
func sitePageFile(route string) string {
	if route == "/" {
		return "index.html"
	}
	return filepath.FromSlash(strings.Trim(route, "/") + ".html")
}

// siteHeaders is the _headers file read by Netlify and Cloudflare Pages: the
// headers the Go server sends, and the types of app.wasm and of the
// manifest (which many hosts do not know). The policy is the server's own
// (securityHeaders, server_headers.go). Cache-Control is go-app's no-cache:
// the service worker keeps the offline copy, and a long HTTP cache would let
// a new version's worker precache the old app.wasm.
func siteHeaders() string {
	names := make([]string, 0, len(securityHeaders))
	for k := range securityHeaders {
		names = append(names, k)
	}
	sort.Strings(names)

	var b strings.Builder
	b.WriteString("# Response headers for static hosts that read this file (Netlify,\n" +
		"# Cloudflare Pages): those the Go server sends, see wasm/server_headers.go.\n" +
		"# Configure the same headers on any other host. Written by `wasm site`.\n")
	b.WriteString("/*\n")
	b.WriteString("  Cache-Control: no-cache\n")
	for _, k := range names {
		fmt.Fprintf(&b, "  %s: %s\n", k, securityHeaders[k])
	}
	b.WriteString("\n/web/app.wasm\n  Content-Type: application/wasm\n")
	b.WriteString("\n/manifest.webmanifest\n  Content-Type: application/manifest+json\n")
	return b.String()
}

// checkSiteDirs refuses an output directory that is, holds or lies inside
// the web directory, or that holds something else than an earlier site.
func checkSiteDirs(webDir, outDir string) error {
	web, err := filepath.Abs(webDir)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(outDir)
	if err != nil {
		return err
	}
	if within(web, out) || within(out, web) {
		return fmt.Errorf("-out %s and -web %s must not contain each other", outDir, webDir)
	}
	return checkReplaceable(outDir)
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// checkReplaceable returns nil if dir is absent, empty, or an earlier site
// (it has index.html and app-worker.js), which writeSite may replace.
func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	for _, name := range []string{"index.html", "app-worker.js"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("refusing to replace %s: it is not empty and not an earlier site (no %s)", dir, name)
		}
	}
	return nil
}

// replaceDir moves the finished site tmp to dir, removing an earlier site.
func replaceDir(tmp, dir string) error {
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// copyWebDir copies webDir into dst, except app.wasm and its encodings,
// which it writes from w: the bytes the version was computed from, and
// encodings that decode to them (computed here when web/ has none, or stale
// ones). Leftover *.tmp files of an interrupted precompress are skipped.
func copyWebDir(webDir, dst string, w *wasmFiles) error {
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return err
		}
		switch {
		case rel == "app.wasm", rel == "app.wasm.br", rel == "app.wasm.gz", strings.HasSuffix(rel, ".tmp"):
			return nil
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(path, filepath.Join(dst, rel))
	})
	if err != nil {
		return err
	}

	br, gz := w.br, w.gz
	if br == nil {
		if br, err = brotliBytes(w.raw); err != nil {
			return err
		}
	}
	if gz == nil {
		if gz, err = gzipBytes(w.raw); err != nil {
			return err
		}
	}
	for name, data := range map[string][]byte{"app.wasm": w.raw, "app.wasm.br": br, "app.wasm.gz": gz} {
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyFile copies the contents of src (following symbolic links) to a new
// file dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
