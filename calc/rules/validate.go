//go:build !wasm

package rules

import "sibase/calc"

// checkBundled validates the bundled rule sets as they are loaded.
var checkBundled check = (*calc.RuleSet).Validate
