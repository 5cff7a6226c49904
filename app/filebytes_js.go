//go:build wasm

package app

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc/payroll"
)

// readFile reads the browser File value into bytes and calls done with
// them (or with an error message) on the UI goroutine. Nothing leaves the
// page: the File is read locally with its arrayBuffer method.
func readFile(ctx app.Context, file app.Value, done func(ctx app.Context, data []byte, errText string)) {
	var then, fail js.Func
	then = js.FuncOf(func(this js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, arr.Get("length").Int())
		js.CopyBytesToGo(data, arr)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, data, "") })
		then.Release()
		fail.Release()
		return nil
	})
	fail = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "read failed"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ctx.Dispatch(func(ctx app.Context) { done(ctx, nil, msg) })
		then.Release()
		fail.Release()
		return nil
	})
	file.JSValue().Call("arrayBuffer").Call("then", then, fail)
}

// decodeText turns GBK/GB18030 or UTF-16 bytes into text with the
// browser's own TextDecoder (the WHATWG decoders, whose labels
// payroll.Encoding uses), which costs app.wasm nothing.
func decodeText(enc payroll.Encoding, data []byte) string {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	return js.Global().Get("TextDecoder").New(string(enc)).Call("decode", arr).String()
}

// download offers bytes as a file download, from a blob: URL made in the
// page (no request leaves it).
func download(name, mime string, data []byte) {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	a := js.Global().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	js.Global().Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Get("URL").Call("revokeObjectURL", url)
}
