package xlsx

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// A workbook is a zip archive. sibase reads its central directory itself
// (forty lines here; archive/zip would add its writer side and time code)
// — in every build, for Sniff — and natively inflates each part with
// compress/flate (inflate.go).

// part is one file of the archive, as the central directory describes it.
type part struct {
	name       string
	method     uint16
	flags      uint16
	compressed uint32
	size       uint32
	offset     uint32
}

const (
	sigEndOfDirectory = 0x06054b50
	sigDirectoryEntry = 0x02014b50
	sigLocalHeader    = 0x04034b50
	// maxParts bounds the directory a workbook may have: Excel's own have
	// a few dozen parts.
	maxParts = 10_000
)

// IsZip reports whether data starts like a zip archive (a workbook, but
// also an .ods, a .numbers, a .docx).
func IsZip(data []byte) bool {
	return len(data) >= 4 && binary.LittleEndian.Uint32(data) == sigLocalHeader
}

// PartNames lists the files of a zip archive, for telling a workbook from
// other zip-based files.
func PartNames(data []byte) ([]string, error) {
	parts, err := readDirectory(data)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	return names, nil
}

// readDirectory reads the archive's central directory, by part name.
func readDirectory(data []byte) (map[string]part, error) {
	// The end-of-directory record is the last 22 bytes, unless a comment
	// (at most 65535 bytes) follows it.
	from := max(0, len(data)-22-65535)
	end := bytes.LastIndex(data[from:], []byte{0x50, 0x4b, 0x05, 0x06})
	if end < 0 || len(data)-(from+end) < 22 {
		return nil, errCorrupt("no zip directory")
	}
	eocd := data[from+end:]
	count := int(binary.LittleEndian.Uint16(eocd[10:]))
	size := int(binary.LittleEndian.Uint32(eocd[12:]))
	offset := int(binary.LittleEndian.Uint32(eocd[16:]))
	if count == 0xffff || size == 0xffffffff || offset == 0xffffffff {
		return nil, errCorrupt("zip64 archive")
	}
	if count > maxParts {
		return nil, errCorrupt("too many parts")
	}
	if offset < 0 || size < 0 || offset+size > len(data) {
		return nil, errCorrupt("zip directory out of bounds")
	}
	dir := data[offset : offset+size]
	parts := make(map[string]part, count)
	for i := 0; i < count; i++ {
		if len(dir) < 46 || binary.LittleEndian.Uint32(dir) != sigDirectoryEntry {
			return nil, errCorrupt("zip directory entry")
		}
		nameLen := int(binary.LittleEndian.Uint16(dir[28:]))
		extraLen := int(binary.LittleEndian.Uint16(dir[30:]))
		commentLen := int(binary.LittleEndian.Uint16(dir[32:]))
		if len(dir) < 46+nameLen+extraLen+commentLen {
			return nil, errCorrupt("zip directory entry")
		}
		p := part{
			name:       strings.TrimPrefix(string(dir[46:46+nameLen]), "/"),
			flags:      binary.LittleEndian.Uint16(dir[8:]),
			method:     binary.LittleEndian.Uint16(dir[10:]),
			compressed: binary.LittleEndian.Uint32(dir[20:]),
			size:       binary.LittleEndian.Uint32(dir[24:]),
			offset:     binary.LittleEndian.Uint32(dir[42:]),
		}
		parts[p.name] = p
		dir = dir[46+nameLen+extraLen+commentLen:]
	}
	return parts, nil
}
