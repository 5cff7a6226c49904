//go:build !wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/text/encoding/simplifiedchinese"

	"sibase/calc/payroll"
	"sibase/calc/payroll/xlsx"
)

// Native stand-ins for the browser's file APIs, so components can be
// tested with go-app's test engine: the same decoding (golang.org/x/text's
// GB18030 follows the same WHATWG tables), no file picker, no download.

func readFile(ctx app.Context, file app.Value, done func(ctx app.Context, data []byte, errText string)) {
	done(ctx, nil, "no file reader outside the browser")
}

func decodeText(enc payroll.Encoding, data []byte) string {
	if enc != payroll.GB18030 {
		return payroll.DecodeUTF16(data)
	}
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return string(data)
	}
	return string(b)
}

// lastDownload records what download would have offered, for tests.
var lastDownload struct {
	name string
	data []byte
}

func download(name, mime string, data []byte) {
	lastDownload.name, lastDownload.data = name, data
}

// openWorkbook opens an .xlsx workbook with calc/payroll/xlsx's own
// reader, as roster does.
func openWorkbook(ctx app.Context, data []byte, done func(ctx app.Context, wb *xlsx.Workbook, err error)) {
	wb, err := xlsx.Open(data)
	done(ctx, wb, err)
}
