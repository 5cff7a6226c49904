//go:build wasm

package rules

// checkBundled is nil in the browser: the bundled rule sets are embedded
// at build time and validated by every test run and by the native binary
// as it loads them (validate.go), so app.wasm leaves the validator out and
// is smaller. Parse and LoadFS validate in every build.
var checkBundled check
