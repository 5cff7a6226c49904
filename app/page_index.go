package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc/rules"
)

// indexPage (/policy) is the index of places: every province, and every
// city with figures of its own, with the period in force, the status of
// its figures and the month they were checked through, each linking to its
// place page. Typing part of a name, its pinyin or its pinyin initials
// ("hn" for 湖南, 河南, 海南) narrows the list.
type indexPage struct {
	app.Compo
	lang  Lang
	query string
}

func newIndexPage() *indexPage { return &indexPage{lang: Zh} }

// OnMount follows the session's language.
func (p *indexPage) OnMount(ctx app.Context) {
	p.lang = currentLang(ctx)
	ctx.ObserveState(stateLang, &p.lang)
}

func (p *indexPage) onQuery(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
}

// indexEntry is one place of the index.
type indexEntry struct {
	code, name, period, status, reviewed string
}

// indexEntries lists the places with a page, with their figures' period,
// status and review month.
func indexEntries(l Lang) []indexEntry {
	var out []indexEntry
	for _, code := range pagePlaces() {
		e := indexEntry{code: code, name: placeName(l, code)}
		if f, ok := placeFactsFor(l, code); ok {
			e.period, e.status, e.reviewed = f.period, f.status, f.reviewed
		}
		out = append(out, e)
	}
	return out
}

// Render draws the search field and the places it matches.
func (p *indexPage) Render() app.UI {
	l := p.lang
	var items []app.UI
	for _, e := range indexEntries(l) {
		pl, _ := rules.PlaceByCode(e.code)
		if !pl.Matches(p.query) {
			continue
		}
		items = append(items, elem("li",
			elemText("a", e.name).ID("place-"+e.code).Attr("href", "/place/"+e.code),
			elemText("span.meta", e.period+" · "+e.status+" · "+tr(l, "res.reviewed")+" "+e.reviewed),
		))
	}
	return page(l, "/policy",
		elemText("h1", tr(l, "pol.title")),
		elemText("p.intro", tr(l, "pol.intro")),
		elem("div.field",
			labelFor("find", tr(l, "pol.find")),
			attrs(elem("input#find"), "type", "search", "autocomplete", "off").OnInput(p.onQuery),
		),
		elem("ul#places.places").Body(items...),
		app.If(len(items) == 0, func() app.UI { return elemText("p#places-none", tr(l, "pol.none")) }),
		elem("p.hint", link("a", tr(l, "pol.custom"), "/flexible?place=custom")),
	)
}
