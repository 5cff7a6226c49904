//go:build !wasm

package main

import (
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve serves the floor app as go-app serves it by default, from the
// directory os.Args[1] (default ".") holding web/app.wasm, on os.Args[2]
// (default 127.0.0.1:8001).
func serve() {
	dir, addr := ".", "127.0.0.1:8001"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if len(os.Args) > 2 {
		addr = os.Args[2]
	}
	if err := os.Chdir(dir); err != nil {
		panic(err)
	}
	http.Handle("/", &app.Handler{Name: "floor", Resources: app.LocalDir("")})
	http.ListenAndServe(addr, nil)
}
