// Package app holds sibase's go-app components: one page or widget per file.
// Components never compute; they hand input to calc and show its Result.
package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/rules"
)

// home is the page for route "/": "who are you" in plain words, each
// answer a link to its page, then the bundled rule sets.
type home struct {
	app.Compo
	lang  Lang
	kiosk kioskConfig
	board bool // a kiosk between sessions shows the board of rules
}

// newHome returns the home page.
func newHome() *home { return &home{lang: Zh} }

// OnMount follows the session's language.
func (h *home) OnMount(ctx app.Context) {
	h.lang = currentLang(ctx)
	ctx.ObserveState(stateLang, &h.lang)
	h.kiosk = kioskSettings(ctx)
	if h.kiosk.On {
		ctx.ObserveState(stateBoard, &h.board)
	}
}

// startSession hides the board: a person has touched the kiosk.
func (h *home) startSession(ctx app.Context, e app.Event) {
	touch()
	ctx.SetState(stateBoard, false)
}

// Render shows the choices and the bundled rule sets.
func (h *home) Render() app.UI {
	l := h.lang
	if h.kiosk.On && h.board {
		return page(l, "/", renderBoard(l, h.kiosk.Place, h.startSession))
	}
	return page(l, "/",
		el("h1").ID("home-title").Text(tr(l, "app.title")),
		el("h2").Text(tr(l, "home.who")),
		el("ul").ID("who").Class("who").Body(app.Range(pageRoutes).Slice(func(i int) app.UI {
			r := pageRoutes[i]
			return el("li").Body(
				el("a").ID("go-"+r.name).Attr("href", r.path).Body(
					el("strong").Text(tr(l, r.key)),
					el("span").Text(tr(l, "home."+r.name+".desc")),
				),
			)
		})),
		ruleSetList(l),
	)
}

// ruleSetList lists the bundled rule sets: place, document, months
// covered and status.
func ruleSetList(l Lang) app.UI {
	sets, err := rules.Bundled()
	if err != nil {
		return el("p").ID("rule-sets-error").Class("error").Text(err.Error())
	}
	return el("section").ID("rule-sets").Body(
		el("h2").Text(tr(l, "home.rulesets")),
		el("ul").Body(app.Range(sets).Slice(func(i int) app.UI { return ruleSetItem(l, sets[i]) })),
	)
}

func ruleSetItem(l Lang, rs *calc.RuleSet) app.UI {
	months := rs.Start().String() + " –"
	if !rs.Until.IsZero() {
		months += " " + rs.Until.String()
	}
	return el("li").ID("rule-set-"+rs.ID).Body(
		el("strong").Text(pick(l, rs.RegionName, rs.RegionNameEN)),
		app.Text(" "+rs.Document+" · "+months+" · "+tr(l, "status."+string(rs.Status))),
	)
}
