//go:build wasm

package rules

import "embed"

// The browser embeds compact/, the data files without what the app never
// shows (the sets' notes, the sources' quotes): `go run ./wasm compact`
// writes it from data/, and a test keeps the two in step.
//
//go:embed compact/*.json
var dataFS embed.FS

const dataDir = "compact"
