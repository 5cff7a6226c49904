//go:build wasm

package main

// serve does nothing in the browser: the server, the precompressor and the
// command-line tools stay out of app.wasm.
func serve() {}
