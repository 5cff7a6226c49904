package xlsx

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
)

// open returns a reader of the part's content, inflated, that fails once
// it has given more than limit bytes or more than MaxRatio times the
// part's compressed size (a zip bomb): a part is never trusted to be the
// size its directory entry says.
func (p part) open(data []byte, limit int64) (io.Reader, error) {
	if p.flags&1 != 0 {
		return nil, errEncrypted()
	}
	off := int(p.offset)
	if off < 0 || off+30 > len(data) || binary.LittleEndian.Uint32(data[off:]) != sigLocalHeader {
		return nil, errCorrupt("part " + p.name)
	}
	start := off + 30 + int(binary.LittleEndian.Uint16(data[off+26:])) + int(binary.LittleEndian.Uint16(data[off+28:]))
	end := start + int(p.compressed)
	if end < start || end > len(data) {
		return nil, errCorrupt("part " + p.name + " out of bounds")
	}
	raw := bytes.NewReader(data[start:end])
	ratioLimit := MaxRatio*int64(p.compressed) + 1<<20
	var r io.Reader
	switch p.method {
	case 0:
		r = raw
	case 8:
		r = flate.NewReader(raw)
	default:
		return nil, errCorrupt("part " + p.name + ": unknown compression")
	}
	return &boundedReader{r: r, left: min(limit, ratioLimit), name: p.name}, nil
}

// boundedReader fails once more than left bytes have been read.
type boundedReader struct {
	r    io.Reader
	left int64
	name string
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// At the limit: fine if the part ends here.
		var one [1]byte
		for range 3 {
			n, err := b.r.Read(one[:])
			if n == 0 && err == io.EOF {
				return 0, io.EOF
			}
			if n == 0 && err != nil {
				return 0, errCorrupt(b.name + ": " + err.Error())
			}
			if n > 0 {
				break
			}
		}
		return 0, errTooLarge(b.name)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err != nil && err != io.EOF {
		return n, errCorrupt(b.name + ": " + err.Error())
	}
	return n, err
}
