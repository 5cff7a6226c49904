//go:build !wasm

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// runWasmSize prints a size breakdown of a WebAssembly binary by Go
// package: the bytes of each function body in the code section, named by
// the binary's name section (so build it without -s -w), summed by the
// package part of the function name, plus the data section. It is how
// `make bench` shows what app.wasm is made of.
//
// With -funcs PACKAGE it lists that package's largest functions instead
// ("wasmsize -funcs sibase/app full.wasm 30"): where to look when a
// package grows.
func runWasmSize(args []string, stdout, stderr io.Writer) int {
	funcsOf := ""
	if len(args) > 2 && args[0] == "-funcs" {
		funcsOf, args = args[1], args[2:]
	}
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(stderr, "usage: wasm wasmsize [-funcs PACKAGE] FILE.wasm [TOP]")
		return 2
	}
	top := 25
	if len(args) == 2 {
		fmt.Sscan(args[1], &top)
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	sizes, total, err := wasmSizes(data, funcsOf)
	if err != nil {
		fmt.Fprintln(stderr, "wasmsize:", err)
		return 1
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range sizes {
		rows = append(rows, row{p, s})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	fmt.Fprintf(stdout, "%10s  %5s  %s\n", "bytes", "%", "package (function bodies; data section separately)")
	for i, r := range rows {
		if i == top {
			break
		}
		fmt.Fprintf(stdout, "%10d  %5.1f  %s\n", r.size, 100*float64(r.size)/float64(total), r.pkg)
	}
	fmt.Fprintf(stdout, "%10d  100.0  total of %d bytes\n", total, len(data))
	return 0
}

// wasmSizes sums function body sizes by package and adds the data
// section as "(data)".
//
// With funcsOf set, it sums by function within that package instead.
func wasmSizes(b []byte, funcsOf string) (map[string]int, int, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, 0, errors.New("not a WebAssembly binary")
	}
	r := bytes.NewReader(b[8:])
	var imports int
	var bodies []int
	names := map[int]string{}
	out := map[string]int{}
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, 0, err
		}
		sec := make([]byte, size)
		if _, err := io.ReadFull(r, sec); err != nil {
			return nil, 0, err
		}
		s := bytes.NewReader(sec)
		switch id {
		case 2: // imports: functions among them take the first indexes
			n, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < n; i++ {
				skipName(s)
				skipName(s)
				kind, _ := s.ReadByte()
				switch kind {
				case 0:
					binary.ReadUvarint(s)
					imports++
				case 1:
					s.ReadByte()
					skipLimits(s)
				case 2:
					skipLimits(s)
				case 3:
					s.ReadByte()
					s.ReadByte()
				}
			}
		case 10: // code
			n, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < n; i++ {
				sz, _ := binary.ReadUvarint(s)
				bodies = append(bodies, int(sz))
				s.Seek(int64(sz), io.SeekCurrent)
			}
		case 11:
			out["(data)"] += int(size)
		case 0:
			name := readName(s)
			if name != "name" {
				out["(custom "+name+")"] += int(size)
				continue
			}
			for s.Len() > 0 {
				sub, _ := s.ReadByte()
				subSize, _ := binary.ReadUvarint(s)
				if sub != 1 {
					s.Seek(int64(subSize), io.SeekCurrent)
					continue
				}
				n, _ := binary.ReadUvarint(s)
				for i := uint64(0); i < n; i++ {
					idx, _ := binary.ReadUvarint(s)
					names[int(idx)] = readName(s)
				}
			}
		}
	}
	total := 0
	for i, sz := range bodies {
		name := names[imports+i]
		switch pkg := packageOf(name); {
		case funcsOf == "":
			out[pkg] += sz
		case pkg == funcsOf:
			out[name] += sz
		}
	}
	for _, v := range out {
		total += v
	}
	return out, total, nil
}

func readName(s *bytes.Reader) string {
	n, _ := binary.ReadUvarint(s)
	b := make([]byte, n)
	io.ReadFull(s, b)
	return string(b)
}

func skipName(s *bytes.Reader) { readName(s) }

func skipLimits(s *bytes.Reader) {
	flag, _ := s.ReadByte()
	binary.ReadUvarint(s)
	if flag&1 == 1 {
		binary.ReadUvarint(s)
	}
}

// packageOf takes the package from a Go function name as the wasm name
// section writes it, with "/" and "-" turned to "_":
// "github.com_shopspring_decimal.Decimal.Add" → github.com/shopspring/decimal,
// "sibase_calc.(*Rules).Limits" → sibase/calc.
func packageOf(fn string) string {
	if fn == "" {
		return "(unnamed)"
	}
	start := 0
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(fn, host) {
			start = len(host)
		}
	}
	if i := strings.LastIndex(fn, "/"); i >= start {
		start = i + 1
	}
	dot := strings.Index(fn[start:], ".")
	if dot < 0 {
		return fn
	}
	return strings.ReplaceAll(fn[:start+dot], "_", "/")
}
