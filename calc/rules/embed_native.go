//go:build !wasm

package rules

import "embed"

// The native binaries embed the data files as people edit them, notes and
// quotes included.
//
//go:embed data/*.json
var dataFS embed.FS

const dataDir = "data"
