//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// publicSite is what the server knows of the address the site is
// published at (-public-url): with it, pages carry complete Open Graph
// tags; without it they carry none (go-app would write "https:///flexible").
type publicSite struct {
	host string // "sibase.example.org"; "" when unknown
}

// parsePublicURL reads -public-url: an https origin, no path.
func parsePublicURL(s string) (publicSite, error) {
	if s == "" {
		return publicSite{}, nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
		return publicSite{}, &url.Error{Op: "-public-url", URL: s, Err: errPublicURL}
	}
	return publicSite{host: u.Host}, nil
}

var errPublicURL = errorString("want an https origin such as https://sibase.example.org, with no path")

type errorString string

func (e errorString) Error() string { return string(e) }

// ogTags matches the Open Graph and Twitter meta elements go-app writes.
// (go-app writes attributes in any order.)
var ogTags = regexp.MustCompile(`<meta [^>]*(?:property="og:|name="twitter:)[^>]*>`)

// finishHTML removes the Open Graph tags from a page when the site's
// address is unknown: a link preview then falls back on the title and
// description rather than a broken address.
func (p publicSite) finishHTML(page []byte) []byte {
	if p.host != "" {
		return page
	}
	return ogTags.ReplaceAll(page, nil)
}

// compressible reports whether a response of this type is text worth
// compressing: pages, scripts, styles, the manifest.
func compressible(contentType string) bool {
	for _, t := range []string{"text/html", "text/css", "javascript", "application/json", "application/manifest+json", "image/svg+xml"} {
		if strings.Contains(contentType, t) {
			return true
		}
	}
	return false
}

// textCache keeps the compressed forms of the responses served, by
// request and encoding: pages are the same for every visitor of a
// version, and compressing them again on each request would cost time.
type textCache struct {
	sync.Mutex
	m map[string][]byte
}

const textCacheMax = 512

func (c *textCache) get(key string) ([]byte, bool) {
	c.Lock()
	defer c.Unlock()
	b, ok := c.m[key]
	return b, ok
}

func (c *textCache) put(key string, b []byte) {
	c.Lock()
	defer c.Unlock()
	if c.m == nil || len(c.m) >= textCacheMax {
		c.m = map[string][]byte{}
	}
	c.m[key] = b
}

// serveText serves what go-app answers, with the Open Graph tags
// finished and the body compressed (brotli, else gzip) where the browser
// accepts it and the type is text.
func (s *server) serveText(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, r)
	res := rec.Result()
	body := rec.Body.Bytes()
	h := w.Header()
	for k, vs := range res.Header {
		h[k] = vs
	}
	ct := res.Header.Get("Content-Type")
	if strings.Contains(ct, "text/html") {
		body = s.public.finishHTML(body)
	}
	if r.URL.Path == "/app.js" && res.StatusCode == http.StatusOK {
		body = finishAppJS(body)
	}
	h.Del("Content-Length")
	enc := ""
	if compressible(ct) && res.StatusCode == http.StatusOK && len(body) > 512 {
		enc = acceptedEncoding(r.Header.Get("Accept-Encoding"))
	}
	h.Add("Vary", "Accept-Encoding")
	if enc == "" {
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(res.StatusCode)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	key := enc + " " + s.app.Version + " " + r.URL.RequestURI()
	out, ok := s.texts.get(key)
	if !ok {
		out = compressText(body, enc)
		s.texts.put(key, out)
	}
	h.Set("Content-Encoding", enc)
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(res.StatusCode)
	if r.Method != http.MethodHead {
		w.Write(out)
	}
}

// acceptedEncoding picks br, else gzip, from an Accept-Encoding header.
func acceptedEncoding(accept string) string {
	br, gz := false, false
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") && !strings.Contains(params, "q=0.") {
			continue
		}
		switch strings.TrimSpace(name) {
		case "br":
			br = true
		case "gzip":
			gz = true
		}
	}
	switch {
	case br:
		return "br"
	case gz:
		return "gzip"
	}
	return ""
}

// compressText compresses a body as br (quality 9, fast enough per
// request, cached after) or gzip.
func compressText(body []byte, enc string) []byte {
	var b bytes.Buffer
	if enc == "br" {
		w := brotli.NewWriterLevel(&b, 9)
		w.Write(body)
		w.Close()
		return b.Bytes()
	}
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(body)
	w.Close()
	return b.Bytes()
}

// serviceWorker is go-app's app-worker.js with the fetch handler sibase
// needs offline: any URL of the app with a query string (…?kiosk=1,
// /flexible?place=430000) is answered from its path's cached page, and a
// place page is kept in the cache once visited, so the person's place
// opens offline. (The routes themselves are precached at install.)
var serviceWorker = func() string {
	const old = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`
	const replacement = `async function fetchWithCache(request) {
  const url = new URL(request.url);
  const navigation = request.mode === "navigate";
  const cachedResponse = await caches.match(request, { ignoreSearch: navigation });
  if (cachedResponse) {
    return cachedResponse;
  }
  const response = await fetch(request);
  if (navigation && response.ok && url.origin === self.location.origin && url.pathname.startsWith("/place/")) {
    const cache = await caches.open(cacheName);
    await cache.put(url.pathname, response.clone());
  }
  return response;
}`
	if !strings.Contains(app.DefaultAppWorkerJS, old) {
		panic("go-app's app-worker.js changed: its fetchWithCache is not the one wasm/server_text.go replaces")
	}
	return strings.Replace(app.DefaultAppWorkerJS, old, replacement, 1)
}()

// finishAppJS changes go-app's app.js where sibase needs it to start
// differently: the browser paints the pre-rendered page before app.wasm is
// fetched and compiled (otherwise the download competes with the page's
// own, and compiling and starting it hold back the first paint, so that the
// page's answer appears only with the app).
func finishAppJS(js []byte) []byte {
	const old = `goappInitServiceWorker();
goappWatchForUpdate();
goappWatchForInstallable();
goappInitWebAssembly();`
	const replacement = `goappInitServiceWorker();
goappWatchForUpdate();
goappWatchForInstallable();
// sibase: paint the page first, then fetch and start app.wasm.
sibaseAfterFirstPaint(goappInitWebAssembly);

// sibaseAfterFirstPaint runs start once the browser has painted the page's
// content (its largest contentful paint, else its first), or after three
// seconds where it does not paint (a tab in the background).
function sibaseAfterFirstPaint(start) {
  let started = false;
  const go = () => {
    if (!started) {
      started = true;
      setTimeout(start, 0);
    }
  };
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  const type = types.includes("largest-contentful-paint") ? "largest-contentful-paint" : types.includes("paint") ? "paint" : "";
  if (type) {
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      go();
    }).observe({ type: type, buffered: true });
  } else {
    requestAnimationFrame(go);
  }
  setTimeout(go, 3000);
}`
	// app.wasm is compiled as it arrives, by the browser's own streaming
	// compiler (go-app's instantiateStreaming, which falls back to a whole
	// download where a browser has none). go-app reads it through a
	// progress counter (a JavaScript
	// stream), which keeps the page's thread busy as it arrives, in tasks
	// of 100 to 300 ms that block the page; the loading bar says "loading"
	// without a percentage instead. (Downloading it whole before compiling
	// it, as sibase did before, started the app some 250 ms later.)
	const oldFetch = `const wasm = await instantiateStreaming(
      fetchWithProgress("/web/app.wasm", showProgress),
      go.importObject
    );`
	const newFetch = `const wasm = await instantiateStreaming(fetch("/web/app.wasm"), go.importObject);`
	if !bytes.Contains(js, []byte(old)) || !bytes.Contains(js, []byte(oldFetch)) {
		panic("go-app's app.js changed: its start-up is not the one wasm/server_text.go replaces")
	}
	js = bytes.Replace(js, []byte(old), []byte(replacement), 1)
	return bytes.Replace(js, []byte(oldFetch), []byte(newFetch), 1)
}
