//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// wasmFiles holds app.wasm and its precompressed encodings, read once when
// the server starts, so that the bytes served always match the version the
// page announces. Rebuild, then restart the server.
type wasmFiles struct {
	version string // short hex hash of the raw file
	raw     []byte
	br, gz  []byte // nil when absent or not an encoding of raw
}

// loadWasm reads dir/app.wasm, dir/app.wasm.br and dir/app.wasm.gz. An
// encoded file that does not decode to app.wasm (left over from an older
// build) is skipped with a warning rather than served.
func loadWasm(dir string) (*wasmFiles, error) {
	name := filepath.Join(dir, "app.wasm")
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%w (run make build first)", err)
	}
	sum := sha256.Sum256(raw)
	f := &wasmFiles{version: hex.EncodeToString(sum[:6]), raw: raw}
	f.br = loadEncoded(name+".br", raw, func(r io.Reader) (io.Reader, error) {
		return brotli.NewReader(r), nil
	})
	f.gz = loadEncoded(name+".gz", raw, func(r io.Reader) (io.Reader, error) {
		return gzip.NewReader(r)
	})
	return f, nil
}

// loadEncoded returns the contents of name if it decodes to raw, else nil.
func loadEncoded(name string, raw []byte, decoder func(io.Reader) (io.Reader, error)) []byte {
	enc, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		log.Printf("sibase: skipping %s: %v", name, err)
		return nil
	}
	dec, err := decoder(bytes.NewReader(enc))
	if err == nil {
		var got []byte
		got, err = io.ReadAll(dec)
		if err == nil && !bytes.Equal(got, raw) {
			err = fmt.Errorf("stale: it does not decode to app.wasm (run make build)")
		}
	}
	if err != nil {
		log.Printf("sibase: skipping %s: %v", name, err)
		return nil
	}
	return enc
}

// ServeHTTP sends app.wasm, brotli- or gzip-encoded when the request's
// Accept-Encoding allows and the encoding exists, raw otherwise.
// Content-Length is the length of the bytes sent; the page learns the raw
// length from Handler.WasmContentLength.
func (f *wasmFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, encoding := f.raw, ""
	ae := r.Header.Get("Accept-Encoding")
	switch {
	case f.br != nil && acceptsEncoding(ae, "br"):
		body, encoding = f.br, "br"
	case f.gz != nil && acceptsEncoding(ae, "gzip"):
		body, encoding = f.gz, "gzip"
	}

	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	etag := f.version
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
		etag += "-" + encoding // each representation has its own strong ETag
	}
	h.Set("ETag", strconv.Quote(etag))
	if encoding != "" {
		// ServeContent leaves Content-Length out when Content-Encoding is
		// set; byte ranges of the encoded body are not worth supporting, so
		// an encoded response is always whole and its length is known.
		h.Set("Content-Length", strconv.Itoa(len(body)))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	// ServeContent answers HEAD and If-None-Match, and sets Content-Length
	// (and serves ranges) for the raw file.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsEncoding reports whether an Accept-Encoding header value accepts
// coding: named with a q-value above zero, or covered by "*" when not named.
func acceptsEncoding(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch name {
		case coding:
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
