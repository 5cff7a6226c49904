//go:build !wasm

package main

import (
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve serves the floor app from the directory holding its app.wasm
// (os.Args[1], default "web") on os.Args[2] (default 127.0.0.1:8001).
func serve() {
	dir, addr := "web", "127.0.0.1:8001"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if len(os.Args) > 2 {
		addr = os.Args[2]
	}
	http.Handle("/", &app.Handler{Name: "floor", Resources: app.LocalDir(dir)})
	http.ListenAndServe(addr, nil)
}
