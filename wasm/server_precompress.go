//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

// compressedSizes are the byte sizes of a file and of its two encodings.
type compressedSizes struct{ raw, br, gz int }

// precompress writes name+".br" (brotli, quality 11) and name+".gz"
// (gzip, level 9) beside name, so that the server can send app.wasm
// compressed without compressing at request time, and the build needs no
// system tool.
func precompress(name string) (compressedSizes, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return compressedSizes{}, err
	}
	br, err := brotliBytes(raw)
	if err != nil {
		return compressedSizes{}, fmt.Errorf("brotli %s: %w", name, err)
	}
	gz, err := gzipBytes(raw)
	if err != nil {
		return compressedSizes{}, fmt.Errorf("gzip %s: %w", name, err)
	}
	if err := writeFileAtomic(name+".br", br); err != nil {
		return compressedSizes{}, err
	}
	if err := writeFileAtomic(name+".gz", gz); err != nil {
		return compressedSizes{}, err
	}
	return compressedSizes{raw: len(raw), br: len(br), gz: len(gz)}, nil
}

func brotliBytes(raw []byte) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func gzipBytes(raw []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeFileAtomic writes data to a temporary file beside name and renames it
// into place, so a running server never reads half a file.
func writeFileAtomic(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
