package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Session-wide settings, kept in go-app's in-memory state: the language,
// and whether the app runs as a kiosk. Neither is written to the device in
// kiosk mode.
const (
	stateLang  = "sibase.lang"
	stateKiosk = "sibase.kiosk"
	storedLang = "sibase-language" // localStorage key, outside kiosk mode only; not a go-app state name
)

// isKiosk reports whether the app runs as a kiosk (see kioskSettings).
func isKiosk(ctx app.Context) bool { return kioskSettings(ctx).On }

// currentLang returns the session's language: the one chosen in this
// session, else the one remembered on this device (never in kiosk mode),
// else Chinese.
func currentLang(ctx app.Context) Lang {
	var l Lang
	ctx.GetState(stateLang, &l)
	if l == "" && !isKiosk(ctx) {
		ctx.LocalStorage().Get(storedLang, &l)
	}
	if l != En {
		l = Zh
	}
	return l
}

// setLang switches the language for every page and remembers it on the
// device, except in kiosk mode.
func setLang(ctx app.Context, l Lang) {
	ctx.SetState(stateLang, l)
	if !isKiosk(ctx) {
		ctx.LocalStorage().Set(storedLang, l)
	}
}
