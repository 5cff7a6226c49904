package payroll

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is a payroll file's text encoding.
type Encoding string

// The encodings sibase reads.
const (
	UTF8    Encoding = "utf-8"     // no byte-order mark
	UTF8BOM Encoding = "utf-8-bom" // with EF BB BF, as Excel's "CSV UTF-8" writes
	GB18030 Encoding = "gb18030"   // GBK and its superset, as Excel on Chinese Windows writes
	UTF16LE Encoding = "utf-16le"  // with FF FE, as Excel's "Unicode text" (.txt) saves
	UTF16BE Encoding = "utf-16be"  // with FE FF
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Detect tells a file's encoding from its first bytes: a UTF-8 or UTF-16
// byte-order mark, else valid UTF-8, else GB18030 (which covers GBK and GB2312). sample may end
// in the middle of a character.
func Detect(sample []byte) Encoding {
	switch {
	case bytes.HasPrefix(sample, bom):
		return UTF8BOM
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return UTF16BE
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

// DecodeUTF16 turns UTF-16 text with its byte-order mark into UTF-8 (a
// character that is not valid UTF-16 becomes U+FFFD, which the row check
// then reports).
func DecodeUTF16(data []byte) string {
	be := bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	data = data[min(2, len(data)):]
	units := make([]uint16, len(data)/2)
	for i := range units {
		if be {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(units))
}
