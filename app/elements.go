package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The app draws with few of go-app's typed elements: every element type
// it renders (app.Table, app.Details, ...) adds that type's whole method
// set to app.wasm, some 2 KB compressed each. Tags the app uses in only a
// few places go through app.Elem instead — the same HTML, one Go type.

func el(tag string) app.HTMLElem { return app.Elem(tag) }

// button is a <button type="button"> (not a form's submit button).
func button() app.HTMLElem { return app.Elem("button").Attr("type", "button") }
