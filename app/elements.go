package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The app draws with few of go-app's typed elements: every element type
// it renders (app.Table, app.Details, ...) adds that type's whole method
// set to app.wasm, some 2 KB compressed each. Tags the app uses in only a
// few places go through app.Elem instead — the same HTML, one Go type.

func el(tag string) app.HTMLElem { return app.Elem(tag) }

// button is a <button type="button"> (not a form's submit button).
func button() app.HTMLElem { return app.Elem("button").Attr("type", "button") }

// elem is an element written as a selector: its tag, then any "#id" and
// ".class"es, with the children, if any, as its body:
//
//	elem("p#import-source.note", children...)
//
// is el("p").ID("import-source").Class("note").Body(children...). In
// WebAssembly every chained call costs app.wasm some 250 bytes, and the
// pages make about a thousand of them: one call per element instead of
// three or four keeps app.wasm within its budget. Only literal ids and
// classes go in the selector; computed ones are chained as before.
func elem(sel string, body ...app.UI) app.HTMLElem {
	return withSelector(app.Elem(selTag(sel)), sel, body)
}

// elemText is elem with a text as its body.
func elemText(sel, text string) app.HTMLElem {
	return withSelector(app.Elem(selTag(sel)), sel, nil).Text(text)
}

// btn is button() written as a selector, as elem: btn("#go.primary").
func btn(sel string, body ...app.UI) app.HTMLElem {
	return withSelector(button(), sel, body)
}

// btnText is btn with a text as its body.
func btnText(sel, text string) app.HTMLElem {
	return withSelector(button(), sel, nil).Text(text)
}

// selTag is the tag of a selector: "p" in "p#id.class".
func selTag(sel string) string {
	if i := strings.IndexAny(sel, "#."); i >= 0 {
		return sel[:i]
	}
	return sel
}

// withSelector sets the id and classes a selector names on e, and the
// body if there is one.
func withSelector(e app.HTMLElem, sel string, body []app.UI) app.HTMLElem {
	i := strings.IndexAny(sel, "#.")
	for i >= 0 {
		kind := sel[i]
		sel = sel[i+1:]
		i = strings.IndexAny(sel, "#.")
		name := sel
		if i >= 0 {
			name = sel[:i]
		}
		if kind == '#' {
			e = e.ID(name)
		} else {
			e = e.Class(name)
		}
	}
	if len(body) > 0 {
		e = e.Body(body...)
	}
	return e
}

// labelFor is the <label> of the field with the given id.
func labelFor(id, text string) app.HTMLElem { return app.Elem("label").Attr("for", id).Text(text) }

// link is an <a> written as a selector ("a#id.class"), with its text and
// address.
func link(sel, text, href string) app.HTMLElem {
	return withSelector(app.Elem("a"), sel, nil).Attr("href", href).Text(text)
}

// option is an <option> of a select, chosen or not. (go-app writes no
// attribute for an empty value, so read a select through fieldValue.)
func option(value, label string, selected bool) app.HTMLElem {
	return app.Elem("option").Attr("value", value).Attr("selected", selected).Text(label)
}

// attrs sets attributes given as name, value pairs: one call where a
// chain of Attr calls would cost app.wasm some 250 bytes each.
//
//	attrs(el("input"), "type", "text", "inputmode", "decimal")
func attrs(e app.HTMLElem, kv ...string) app.HTMLElem {
	for i := 0; i+1 < len(kv); i += 2 {
		e = e.Attr(kv[i], kv[i+1])
	}
	return e
}
