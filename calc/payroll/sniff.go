package payroll

import (
	"bytes"
	"strings"

	"sibase/calc/payroll/xlsx"
)

// Format is what a payroll file is, told from its content (its first
// bytes, and for a zip archive its parts), never from its name: a CSV
// named .xlsx is read as the CSV it is.
type Format string

// The formats Sniff tells apart. sibase reads FormatText and FormatXLSX;
// for the others Problem says what the file is and what to do.
const (
	FormatText      Format = "text"      // CSV, TSV, pasted cells; UTF-8, UTF-16 or GBK
	FormatXLSX      Format = "xlsx"      // Office Open XML workbook
	FormatXLS       Format = "xls"       // Excel 97–2003 (BIFF) or WPS .et: a compound file
	FormatEncrypted Format = "encrypted" // a workbook saved with a password
	FormatODS       Format = "ods"       // OpenDocument spreadsheet
	FormatNumbers   Format = "numbers"   // Apple Numbers
	FormatOtherZip  Format = "zip"       // another zip archive (a .docx, a folder zipped)
	FormatPDF       Format = "pdf"
	FormatImage     Format = "image"
	FormatBinary    Format = "binary" // something else that is not text
)

// compoundFile is the signature of an OLE2 compound file: .xls, .et,
// .doc, and Office's encrypted .xlsx.
var compoundFile = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// utf16LE writes an ASCII name as the UTF-16LE a compound file's directory
// holds.
func utf16LE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// Sniff tells what a file is.
func Sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, compoundFile):
		if bytes.Contains(data, utf16LE("EncryptedPackage")) || bytes.Contains(data, utf16LE("EncryptionInfo")) {
			return FormatEncrypted
		}
		return FormatXLS
	case xlsx.IsZip(data):
		names, err := xlsx.PartNames(data)
		if err != nil {
			return FormatOtherZip
		}
		has := func(prefix string) bool {
			for _, n := range names {
				if strings.HasPrefix(n, prefix) {
					return true
				}
			}
			return false
		}
		switch {
		case has("[Content_Types].xml") && has("xl/"):
			return FormatXLSX
		case bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument")):
			return FormatODS
		case has("Index/") && has("Index/Document.iwa"):
			return FormatNumbers
		}
		return FormatOtherZip
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte{0x89, 'P', 'N', 'G'}), bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(data, []byte("GIF8")), bytes.HasPrefix(data, []byte("BM")) && len(data) > 14 && data[6] == 0 && data[7] == 0,
		len(data) >= 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")),
		len(data) >= 12 && bytes.Equal(data[4:8], []byte("ftyp")) && (bytes.HasPrefix(data[8:], []byte("heic")) || bytes.HasPrefix(data[8:], []byte("heix")) || bytes.HasPrefix(data[8:], []byte("mif1"))):
		return FormatImage
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return FormatText // UTF-16 text, as Excel's "Unicode text" saves
	case bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0:
		return FormatBinary
	}
	return FormatText
}

// Problem says, in Chinese and English, what a file sibase does not read
// is and what to do; "" for the formats it reads.
func (f Format) Problem() (zh, en string) {
	const fix = "请在 Excel 或 WPS 里“另存为”Excel 工作簿（.xlsx）或 CSV（UTF-8），或者选中表格里的单元格复制、粘贴到下面的文本框。"
	const fixEN = "Save it from Excel or WPS as an Excel workbook (.xlsx) or CSV (UTF-8), or copy the cells and paste them into the box below."
	switch f {
	case FormatXLS:
		return "这是 Excel 97–2003 工作簿（.xls）或 WPS 表格（.et）的旧格式，sibase 读不了。" + fix,
			"This is an Excel 97–2003 workbook (.xls) or a WPS spreadsheet (.et), an old format sibase does not read. " + fixEN
	case FormatEncrypted:
		return "这个工作簿设置了打开密码，内容已加密，sibase 读不了。请在 Excel 或 WPS 里打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx，或另存为 CSV。",
			"This workbook is protected with a password: its content is encrypted, and sibase cannot read it. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it again as .xlsx, or save it as CSV."
	case FormatODS:
		return "这是 OpenDocument 电子表格（.ods）。" + fix,
			"This is an OpenDocument spreadsheet (.ods). " + fixEN
	case FormatNumbers:
		return "这是苹果 Numbers 文件。请在 Numbers 里“导出为”Excel 或 CSV，或复制单元格粘贴到下面的文本框。",
			"This is an Apple Numbers file. Export it from Numbers as Excel or CSV, or copy the cells and paste them into the box below."
	case FormatOtherZip:
		return "这是一个压缩包（zip，或 Word 等文档），不是工资表。" + fix,
			"This is a zip archive (or a Word or other document), not a payroll table. " + fixEN
	case FormatPDF:
		return "这是 PDF 文件，其中的表格无法可靠地读出。请使用制作它的 Excel 或 WPS 文件，另存为 .xlsx 或 CSV。",
			"This is a PDF: the tables in it cannot be read reliably. Use the Excel or WPS file it was made from, saved as .xlsx or CSV."
	case FormatImage:
		return "这是一张图片（照片或截图），不是表格文件。请使用工资表的 Excel 或 WPS 文件，另存为 .xlsx 或 CSV。",
			"This is an image (a photo or a screenshot), not a table. Use the payroll's Excel or WPS file, saved as .xlsx or CSV."
	case FormatBinary:
		return "这个文件既不是表格也不是文本。" + fix,
			"This file is neither a spreadsheet nor text. " + fixEN
	}
	return "", ""
}
