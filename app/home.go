// Package app holds sibase's go-app components: one page or widget per file.
// Components never compute; they hand input to calc and show its Result.
package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc/rules"
)

// home is the page for route "/": first where the person pays
// contributions (a province, then, optionally unless its figures differ, a city),
// remembered on the device, with this year's floor and cap there at once;
// then "who are you" in plain words, each answer a link to its page.
type home struct {
	app.Compo
	lang  Lang
	place string
	kiosk kioskConfig
	board bool // a kiosk between sessions shows the board of rules
}

// newHome returns the home page.
func newHome() *home { return &home{lang: Zh} }

// OnMount follows the session's language and place.
func (h *home) OnMount(ctx app.Context) {
	h.lang = currentLang(ctx)
	ctx.ObserveState(stateLang, &h.lang)
	h.kiosk = kioskSettings(ctx)
	if q := queryPlace(ctx); q != "" {
		setPlace(ctx, q)
	}
	h.place = currentPlace(ctx)
	ctx.ObserveState(statePlace, &h.place)
	if h.kiosk.On {
		ctx.ObserveState(stateBoard, &h.board)
	}
}

// startSession hides the board: a person has touched the kiosk.
func (h *home) startSession(ctx app.Context, e app.Event) {
	touch()
	ctx.SetState(stateBoard, false)
}

// onProvince and onCity choose the place.
func (h *home) onProvince(ctx app.Context, e app.Event) {
	setPlace(ctx, fieldValue(ctx))
}

func (h *home) onCity(ctx app.Context, e app.Event) {
	code := fieldValue(ctx)
	if code == "" {
		code, _ = splitPlace(h.place)
	}
	setPlace(ctx, code)
}

// Render asks for the place, shows its figures, then the choices.
func (h *home) Render() app.UI {
	l := h.lang
	if h.kiosk.On && h.board {
		return page(l, "/", renderBoard(l, h.kiosk.Place, h.startSession))
	}
	province, city := splitPlace(h.place)
	return page(l, "/",
		elemText("h1#home-title", tr(l, "app.title")),
		elem("section#where.where",
			elemText("h2", tr(l, "home.where")),
			elem("div.field",
				labelFor("home-province", tr(l, "rules.place")),
				optionSelect("home-province", placeChoices(l)[:len(placeChoices(l))-1], province).OnChange(h.onProvince),
			),
			app.If(hasCities(province), func() app.UI {
				return elem("div.field",
					labelFor("home-city", tr(l, "rules.city")),
					optionSelect("home-city", cityChoices(l, province), city).OnChange(h.onCity),
				)
			}),
			placeSummary(l, h.place),
		),
		elemText("h2", tr(l, "home.who")),
		elem("ul#who.who", app.Range(pageRoutes).Slice(func(i int) app.UI {
			r := pageRoutes[i]
			return elem("li",
				elem("a",
					elemText("strong", tr(l, r.key)),
					elemText("span", tr(l, "home."+r.name+".desc")),
				).ID("go-"+r.name).Attr("href", r.path),
			)
		})),
	)
}

// hasCities reports whether a province has cities to choose from: the
// home page offers them everywhere (a municipality has none), the
// calculators only where the figures differ.
func hasCities(province string) bool {
	p, ok := rules.PlaceByCode(province)
	return ok && len(p.Cities) > 0
}

// optionSelect is a select of choices with one selected.
func optionSelect(id string, choices []choice, selected string) app.HTMLElem {
	return elem("select", app.Range(choices).Slice(func(i int) app.UI {
		c := choices[i]
		return option(c.value, c.label, c.value == selected)
	})).ID(id).Attr("name", id)
}

// placeSummary is this year's floor and cap where the person pays, with a
// link to the place's page.
func placeSummary(l Lang, code string) app.UI {
	f, ok := placeFactsFor(l, code)
	if !ok {
		return app.Text("")
	}
	return elem("div#home-summary.result",
		elemText("p.figure-label", f.title),
		termList("home-figures", "figures", []pair{
			{"home-floor", tr(l, "pol.floor"), f.floor + " " + tr(l, "res.yuan")},
			{"home-cap", tr(l, "pol.cap"), f.cap + " " + tr(l, "res.yuan")},
		}),
		elemText("p.rules-line", f.period+" · "+f.doc+" · "+f.status),
		app.If(f.provisional, func() app.UI {
			return elemText("p#home-provisional.hint", strings.ReplaceAll(tr(l, "place.provisional"), "%s", f.until))
		}),
		link("a#home-place-page", tr(l, "home.placePage"), "/place/"+code),
	).Aria("live", "polite")
}
