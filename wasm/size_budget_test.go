//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sizeBudget is how much larger than the go-app floor app.wasm may be,
// compressed with brotli: 1.25 times.
const sizeBudgetPercent = 125

// wasmBuildFlags are the Makefile's WASM_BUILD_FLAGS, as arguments:
// TestMakefileBuildsWasmSo keeps the two in step. Inlining is off in
// sibase's own packages and decimal (which the floor does not have): it
// costs about 10% per estimate and saves some 50 KB of brotli.
var wasmBuildFlags = []string{"-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-gcflags=sibase/...=-l", "-gcflags=github.com/shopspring/decimal=-l"}

// buildWasm builds the main package in dir for the browser, the way
// `make build` does, into out.
func buildWasm(t *testing.T, dir, out string) []byte {
	t.Helper()
	cmd := exec.Command("go", append(append([]string{"build"}, wasmBuildFlags...), "-o", out, dir)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building %s: %v\n%s", dir, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAppWasmSizeBudget builds app.wasm and the bare go-app floor
// (testdata/floor) the same way, compresses both with brotli at quality
// 11 as `make build` does, and holds sibase to 1.25 times the floor. Sizes
// are deterministic, so this is a test; timings are benchmarks.
func TestAppWasmSizeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two WebAssembly binaries; skipped with -short")
	}
	dir := t.TempDir()
	builds := []struct{ name, pkg string }{{"sibase", "."}, {"floor", "../testdata/floor"}}
	raws := make([][]byte, len(builds))
	for i, b := range builds {
		raws[i] = buildWasm(t, b.pkg, filepath.Join(dir, b.name+".wasm"))
	}
	sizes := map[string]int{}
	brs := make([][]byte, len(builds))
	gzs := make([][]byte, len(builds))
	var wg sync.WaitGroup
	for i := range builds {
		wg.Go(func() {
			brs[i], _ = brotliBytes(raws[i])
			gzs[i], _ = gzipBytes(raws[i])
		})
	}
	wg.Wait()
	for i, b := range builds {
		if len(brs[i]) == 0 || len(gzs[i]) == 0 {
			t.Fatalf("%s: compression failed", b.name)
		}
		sizes[b.name] = len(brs[i])
		t.Logf("%s: app.wasm %d bytes, gzip -9 %d bytes, brotli -q 11 %d bytes", b.name, len(raws[i]), len(gzs[i]), len(brs[i]))
	}
	t.Logf("sibase / floor: raw %.3f, gzip %.3f", float64(len(raws[0]))/float64(len(raws[1])), float64(len(gzs[0]))/float64(len(gzs[1])))
	limit := sizes["floor"] * sizeBudgetPercent / 100
	t.Logf("sibase / floor = %.3f (budget %.2f)", float64(sizes["sibase"])/float64(sizes["floor"]), float64(sizeBudgetPercent)/100)
	if sizes["sibase"] > limit {
		t.Errorf("app.wasm brotli: got %d bytes, want at most %d (1.25 × the floor's %d)", sizes["sibase"], limit, sizes["floor"])
	}
}

// TestMakefileBuildsWasmSo holds `make build` to the flags the size budget
// and the browser tests build with.
func TestMakefileBuildsWasmSo(t *testing.T) {
	data, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	var quoted []string
	for _, f := range wasmBuildFlags {
		if name, value, ok := strings.Cut(f, "="); ok {
			f = name + "='" + value + "'"
		}
		quoted = append(quoted, f)
	}
	want := "WASM_BUILD_FLAGS := " + strings.Join(quoted, " ") + "\n"
	if !strings.Contains(string(data), want) {
		t.Errorf("Makefile: want the line %q", want)
	}
}
