// Command floor is the go-app floor sibase measures itself against: a bare
// go-app v10 hello world, split like sibase (no server code in the wasm
// build) and built the same way (-trimpath -ldflags='-s -w'). `make bench`
// builds it beside sibase and reports every figure as a ratio to it; the
// size budget test builds it too.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().ID("hello").Text("Hello") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	serve()
}
