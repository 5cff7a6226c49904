// Command wasm is sibase's single binary. Compiled to WebAssembly it is the
// browser app (web/app.wasm); compiled natively it serves that app over HTTP,
// precompresses build outputs, and runs the JSON command-line tools
// ("estimate", "rules").
//
// Usage:
//
//	wasm [-addr 127.0.0.1:8000] [-web web]   serve the app
//	wasm precompress FILE...                  write FILE.br and FILE.gz
//	wasm estimate < request.json              one JSON estimate (see docs)
//	wasm rules                                list bundled rule sets
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	sib "sibase/app"
)

func main() {
	registerRoutes()

	// In the browser this starts the app and never returns; on the server
	// it returns at once.
	app.RunWhenOnBrowser()

	serve()
}

// registerRoutes maps each URL path to its page, on the server (to pre-render
// it) and in the browser alike.
func registerRoutes() {
	sib.Routes()
}
