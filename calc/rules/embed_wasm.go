//go:build wasm

package rules

import "errors"

// The browser carries compact_gen.go, the data files without what the app
// never shows, as Go strings: `go run ./wasm compact` writes it from data/,
// and a test keeps the two in step.

const dataDir = "compact"

// dataNames lists the bundled files.
func dataNames() []string {
	out := make([]string, len(compactFiles))
	for i, f := range compactFiles {
		out[i] = f[0]
	}
	return out
}

// dataFile returns a bundled file by its path (dataDir/NAME).
func dataFile(name string) ([]byte, error) {
	for _, f := range compactFiles {
		if dataDir+"/"+f[0] == name {
			return []byte(f[1]), nil
		}
	}
	return nil, errors.New("no bundled file " + name)
}
