//go:build !wasm

package rules

import "embed"

// The native binaries embed the data files as people edit them, notes and
// quotes included.
//
//go:embed data/*.json
var dataFS embed.FS

const dataDir = "data"

// dataNames lists the bundled files.
func dataNames() []string {
	dir, _ := dataFS.ReadDir(dataDir)
	out := make([]string, len(dir))
	for i, d := range dir {
		out[i] = d.Name()
	}
	return out
}

// dataFile returns a bundled file by its path (dataDir/NAME).
func dataFile(name string) ([]byte, error) { return dataFS.ReadFile(name) }
