//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// runCompact writes the browser's copy of the bundled rule sets:
// calc/rules/compact/ holds each file of calc/rules/data/ without what
// the app never shows — the rule sets' notes, the sources' verbatim
// quotes, the copies they were read through, the titles of numbered
// notices, and the notes of citations that carry no basis — so app.wasm
// stays small. The data files remain what people edit and review; with
// -check it only reports whether the copy is up to date.
func runCompact(args []string, stdout, stderr io.Writer) int {
	check := len(args) == 3 && args[0] == "-check"
	if check {
		args = args[1:]
	}
	if len(args) != 2 {
		fmt.Fprintln(stderr, "usage: wasm compact [-check] calc/rules/data calc/rules/compact")
		return 2
	}
	src, dst := args[0], args[1]
	names, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil || len(names) == 0 {
		fmt.Fprintln(stderr, "compact: no data files in", src, err)
		return 1
	}
	want := map[string][]byte{}
	for _, name := range names {
		if filepath.Base(name) == "places.json" {
			continue // compiled in as places_gen.go
		}
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		out, err := compactJSON(data)
		if err != nil {
			fmt.Fprintf(stderr, "compact: %s: %v\n", name, err)
			return 1
		}
		want[filepath.Base(name)] = out
	}
	have, _ := filepath.Glob(filepath.Join(dst, "*.json"))
	stale := len(have) != len(want)
	for name, out := range want {
		old, err := os.ReadFile(filepath.Join(dst, name))
		if err != nil || !bytes.Equal(old, out) {
			stale = true
		}
	}
	if check {
		if stale {
			fmt.Fprintf(stderr, "%s is not up to date with %s: run go run ./wasm compact %s %s\n", dst, src, src, dst)
			return 1
		}
		fmt.Fprintf(stdout, "%s: up to date\n", dst)
		return 0
	}
	for _, old := range have {
		if _, ok := want[filepath.Base(old)]; !ok {
			os.Remove(old)
		}
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for name, out := range want {
		if err := os.WriteFile(filepath.Join(dst, name), out, 0o644); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	return 0
}

// compactJSON strips one data file (see runCompact) and writes it without
// spaces, keys sorted.
func compactJSON(data []byte) ([]byte, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(strip(v, "")); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func strip(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		_, hasBasis := x["basis"]
		_, hasDoc := x["doc"]
		for k, val := range x {
			switch {
			case k == "notes" || k == "quote" || k == "via":
				continue
			case k == "title" && hasDoc && x["doc"] != "" && key != "":
				continue // a numbered notice is named by its number
			case (k == "note" || k == "note_en") && !hasBasis && !strings.HasSuffix(key, "departs_from"):
				continue
			}
			out[k] = strip(val, k)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = strip(e, key)
		}
		return out
	}
	return v
}
