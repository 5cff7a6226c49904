//go:build !wasm

package main

import (
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	sib "sibase/app"
)

// server is sibase's HTTP handler: go-app's app.Handler, with app.wasm
// served precompressed and the security headers on every response.
type server struct {
	app    *app.Handler
	wasm   *wasmFiles
	static http.Handler
	public publicSite
	texts  textCache
}

// newHandler returns the handler serving the app whose build outputs and
// assets are in webDir (app.wasm must exist there). The app's version is a
// hash of app.wasm, so every new build is a new version.
func newHandler(webDir string, env map[string]string, public publicSite) (http.Handler, error) {
	return newServer(webDir, env, public)
}

// newServer is newHandler's server, whose app.Handler the static site
// generator reuses. env is passed to the app (app.Getenv), e.g. the kiosk
// settings.
func newServer(webDir string, env map[string]string, public publicSite) (*server, error) {
	if _, err := os.Stat(webDir); err != nil {
		return nil, err
	}
	wasm, err := loadWasm(webDir)
	if err != nil {
		return nil, err
	}
	static := webResources{http.FileServer(http.Dir(webDir))}
	h := newAppHandler(static, wasm, env)
	if public.host != "" {
		h.Domain = public.host
		h.Image = "/web/icon-512.png"
	}
	return &server{
		app:    h,
		wasm:   wasm,
		static: static,
		public: public,
	}, nil
}

// newAppHandler describes the PWA. Every resource it names is local: go-app's
// default icons live on a third-party host, so they are replaced.
func newAppHandler(res webResources, wasm *wasmFiles, env map[string]string) *app.Handler {
	return &app.Handler{
		Env:         env,
		Name:        "社保基数测算",
		ShortName:   "sibase",
		Title:       "社保缴费基数自助测算 (sibase)",
		Description: "在浏览器中自助测算社会保险缴费基数及其上下限。计算全部在本设备上完成，输入的内容不会离开本设备。",
		Lang:        "zh-CN",
		Author:      "sibase",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png", // the glyph sits inside the safe zone
			SVG:      "/web/icon.svg",
		},
		ThemeColor:      "#1f6f5c",
		BackgroundColor: "#f6f6f6",
		LoadingLabel:    "计算器加载中 {progress}%",
		Styles:          []string{"/web/sibase.css"},
		// The page's reader of .xlsx archives (DecompressionStream and
		// DOMParser); app.wasm does the rest.
		Scripts: []string{"/web/xlsx.js defer"},
		// Without JavaScript the loading bar goes (web/noscript.css): the
		// pre-rendered page answers alone.
		RawHeaders:            []string{`<noscript><link rel="stylesheet" href="/web/noscript.css"></noscript>`},
		CacheableResources:    cacheable(),
		Resources:             res,
		Version:               wasm.version,
		WasmContentLength:     strconv.Itoa(len(wasm.raw)),
		ServiceWorkerTemplate: serviceWorker,
	}
}

// cacheable lists what the service worker must store besides "/" so that
// every page works offline after the first visit: each route and the
// icons (go-app precaches app.wasm, its scripts, the styles and "/").
func cacheable() []string {
	paths := sib.Paths()[1:]
	return append(paths, "/web/icon.svg", "/web/icon-192.png", "/web/icon-512.png", "/web/noscript.css")
}

// ServeHTTP sets the security headers, then serves app.wasm itself, the few
// root files go-app would otherwise fetch over HTTP from whatever host the
// request names (robots.txt, sitemap.xml, ads.txt) from the web directory,
// and everything else through go-app.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	switch r.URL.Path {
	case "/web/app.wasm", "/app.wasm", "/goapp.wasm":
		s.wasm.ServeHTTP(w, r)
	case "/robots.txt", "/sitemap.xml", "/ads.txt":
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/web" + r.URL.Path
		s.static.ServeHTTP(w, r2)
	default:
		s.serveText(w, r)
	}
}

// webResources serves the files of the web directory under /web/ and
// resolves /web/ paths to themselves, as app.LocalDir("") does, but reading
// from any directory. Directory listings are not served.
type webResources struct {
	files http.Handler
}

// Resolve returns the URL path of a static resource: /web/... paths are
// made absolute, anything else is returned as is.
func (webResources) Resolve(location string) string {
	if location == "" || location == "/" {
		return "/"
	}
	if strings.HasPrefix(location, "/web/") || location == "/web" ||
		strings.HasPrefix(location, "web/") || location == "web" {
		return "/" + strings.Trim(location, "/")
	}
	return location
}

// ServeHTTP serves /web/NAME from the web directory's NAME.
func (res webResources) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/web/")
	if !ok || name == "" || strings.HasSuffix(name, "/") {
		http.NotFound(w, r)
		return
	}
	r2 := r.Clone(r.Context())
	r2.URL.Path = path.Clean("/" + name)
	r2.URL.RawPath = ""
	res.files.ServeHTTP(w, r2)
}
