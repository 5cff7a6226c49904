//go:build !wasm

package main

import "net/http"

// contentSecurityPolicy is sent with every response. It allows nothing but
// the page's own origin, which is what keeps the product's promise that no
// request leaves the page and no third party is involved:
//
//   - default-src 'none': everything not listed below is refused.
//   - script-src 'self' 'wasm-unsafe-eval': go-app's page loads only
//     /wasm_exec.js and /app.js, both external and same-origin; it has no
//     inline script and no event-handler attributes, so neither
//     'unsafe-inline' nor hashes are needed. Compiling app.wasm
//     (WebAssembly.instantiateStreaming) needs 'wasm-unsafe-eval'; the
//     broader 'unsafe-eval' is not needed and not given.
//   - style-src 'self': go-app's page has no <style> element and no style
//     attribute; its CSS is /app.css and ours is /web/sibase.css. Components
//     must therefore style with classes, never with app.Style() (go-app sets
//     that as a style attribute, which this policy refuses). If that ever
//     becomes unavoidable, add style-src-attr 'unsafe-inline' and say why.
//   - img-src 'self': icons are local files under /web/.
//   - font-src 'self': fonts, if any, are local.
//   - connect-src 'self': the fetch of /web/app.wasm and the service
//     worker's cache fill and fetches (the worker gets this header too).
//   - manifest-src 'self', worker-src 'self': /manifest.webmanifest and
//     /app-worker.js.
//   - base-uri 'none', form-action 'none': no <base> rewrite, and no form
//     can send what was typed anywhere, not even to this server.
//   - frame-ancestors 'none': no other site may frame the page.
const contentSecurityPolicy = "default-src 'none'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self'; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// securityHeaders are set on every response, whoever writes it.
var securityHeaders = map[string]string{
	"Content-Security-Policy": contentSecurityPolicy,
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
}

// setSecurityHeaders adds securityHeaders to h.
func setSecurityHeaders(h http.Header) {
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
}
