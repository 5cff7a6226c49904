package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/rules"
)

// The person's place — where they pay contributions — is a GB/T 2260
// code: a province, or a city where its figures differ. It is kept for the
// session and remembered on the device (never in kiosk mode, where the
// kiosk's own place stands).
const (
	statePlace  = "sibase.place"
	storedPlace = "sibase-place" // localStorage key, outside kiosk mode only
)

// currentPlace returns the session's place: the one chosen in this
// session, else the one remembered on this device, else the kiosk's, else
// "".
func currentPlace(ctx app.Context) string {
	var code string
	ctx.GetState(statePlace, &code)
	k := kioskSettings(ctx)
	if code == "" && !k.On {
		ctx.LocalStorage().Get(storedPlace, &code)
	}
	if code == "" && k.On {
		code = k.Place
	}
	if _, ok := rules.PlaceByCode(code); !ok {
		return ""
	}
	return code
}

// setPlace makes code the session's place and remembers it on the device,
// except in kiosk mode.
func setPlace(ctx app.Context, code string) {
	if _, ok := rules.PlaceByCode(code); !ok {
		return
	}
	ctx.SetState(statePlace, code)
	if !isKiosk(ctx) {
		ctx.LocalStorage().Set(storedPlace, code)
	}
}

// splitPlace turns a code into the picker's fields: the province and, for
// a city, the city.
func splitPlace(code string) (province, city string) {
	if len(code) != 6 {
		return "", ""
	}
	if code[2:] == "0000" {
		return code, ""
	}
	return code[:2] + "0000", code
}

// queryPlace is the place a link names (?place=CODE), if it is one.
func queryPlace(ctx app.Context) string {
	if ctx.Page() == nil || ctx.Page().URL() == nil {
		return ""
	}
	code := ctx.Page().URL().Query().Get("place")
	if _, ok := rules.PlaceByCode(code); !ok {
		return ""
	}
	return code
}

// thisMonth is the current month, where a person starts (a variable so
// tests can fix the day).
var thisMonth = func() calc.Month {
	now := time.Now()
	return calc.Month{Year: now.Year(), Month: int(now.Month())}
}

// placeRules resolves the bundled rules for a place in a month (its own,
// or its province's at that city), for an employer kind.
func placeRules(code string, m calc.Month, kind calc.EmployerKind) (*calc.Rules, bool) {
	match, err := rules.Find(code, m)
	if err != nil {
		return nil, false
	}
	r, err := match.Set.AtPlace(m, calc.Place{City: match.Place.City, Kind: kind})
	return r, err == nil
}

// placeName is a code's name in the language: "湖北省武汉市" / "Wuhan, Hubei".
func placeName(l Lang, code string) string {
	zh, en := rules.PlaceName(code)
	return pick(l, zh, en)
}

// pagePlaces lists the places with a page of their own, in code order:
// every province, and every city whose current figures differ from its
// province's (a zone's).
func pagePlaces() []string {
	var out []string
	today := thisMonth()
	for _, p := range rules.Provinces() {
		out = append(out, p.Code)
		sets, _ := rules.InRegion(p.Code)
		seen := map[string]bool{}
		for _, rs := range sets {
			if !rs.Covers(today) {
				continue
			}
			for _, v := range rs.Variants {
				for _, c := range v.Cities {
					seen[c] = true
				}
			}
		}
		for _, c := range p.Cities {
			if seen[c.Code] {
				out = append(out, c.Code)
			}
		}
	}
	return out
}
