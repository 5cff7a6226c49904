//go:build wasm

package app

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc/payroll/xlsx"
)

// openWorkbook opens an .xlsx workbook in the page and calls done with it
// on the UI goroutine. web/xlsx.js unpacks the archive and reads its XML
// with the browser's own DecompressionStream and DOMParser (they cost
// app.wasm nothing; Go's inflater and an XML scanner would cost it some
// 30 KB compressed); everything after — shared strings, dates, numbers,
// rows and columns, the limits — is calc/payroll/xlsx's, as in roster.
// Nothing leaves the page.
func openWorkbook(ctx app.Context, data []byte, done func(ctx app.Context, wb *xlsx.Workbook, err error)) {
	reader := js.Global().Get("sibaseXLSX")
	if !reader.Truthy() {
		done(ctx, nil, xlsx.Fail(xlsx.CodeCorrupt, "web/xlsx.js is not loaded"))
		return
	}
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	var then js.Func
	then = js.FuncOf(func(this js.Value, args []js.Value) any {
		then.Release()
		book := args[0]
		wb, err := xlsx.ReadBook(book.Get("text").String(), func(sheet int) (xlsx.CellSource, error) {
			rows := book.Call("rows", sheet)
			return xlsx.ChunkCells(rows.Get("size").Int(), func() string { return rows.Call("next", pageRows).String() }), nil
		})
		ctx.Dispatch(func(ctx app.Context) { done(ctx, wb, err) })
		return nil
	})
	reader.Call("open", arr, xlsx.MaxPartBytes, xlsx.MaxRatio, xlsx.MaxSharedStrings, xlsx.MaxColumns).Call("then", then)
}

// pageRows is how many rows one call into web/xlsx.js parses.
const pageRows = 1000
