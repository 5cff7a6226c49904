package payroll

import (
	"bytes"
	"unicode/utf8"
)

// Encoding is a payroll file's text encoding.
type Encoding string

// The encodings sibase reads.
const (
	UTF8    Encoding = "utf-8"     // no byte-order mark
	UTF8BOM Encoding = "utf-8-bom" // with EF BB BF, as Excel's "CSV UTF-8" writes
	GB18030 Encoding = "gb18030"   // GBK and its superset, as Excel on Chinese Windows writes
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Detect tells a file's encoding from its first bytes: a UTF-8 BOM, else
// valid UTF-8, else GB18030 (which covers GBK and GB2312). sample may end
// in the middle of a character.
func Detect(sample []byte) Encoding {
	if bytes.HasPrefix(sample, bom) {
		return UTF8BOM
	}
	if utf8.Valid(sample) {
		return UTF8
	}
	// A character cut off at the end of the sample does not count.
	for i := len(sample) - 1; i >= 0 && i >= len(sample)-utf8.UTFMax; i-- {
		if utf8.RuneStart(sample[i]) {
			if !utf8.FullRune(sample[i:]) && utf8.Valid(sample[:i]) {
				return UTF8
			}
			break
		}
	}
	return GB18030
}

// TrimBOM drops a leading UTF-8 byte-order mark.
func TrimBOM(b []byte) []byte { return bytes.TrimPrefix(b, bom) }
