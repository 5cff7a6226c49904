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
		items = append(items, el("li").Body(
			el("a").ID("place-"+e.code).Attr("href", "/place/"+e.code).Text(e.name),
			el("span").Class("meta").Text(e.period+" · "+e.status+" · "+tr(l, "res.reviewed")+" "+e.reviewed),
		))
	}
	return page(l, "/policy",
		el("h1").Text(tr(l, "pol.title")),
		el("p").Class("intro").Text(tr(l, "pol.intro")),
		el("div").Class("field").Body(
			el("label").Attr("for", "find").Text(tr(l, "pol.find")),
			el("input").ID("find").Attr("type", "search").Attr("autocomplete", "off").OnInput(p.onQuery),
		),
		el("ul").ID("places").Class("places").Body(items...),
		app.If(len(items) == 0, func() app.UI { return el("p").ID("places-none").Text(tr(l, "pol.none")) }),
		el("p").Class("hint").Body(el("a").Attr("href", "/flexible?place=custom").Text(tr(l, "pol.custom"))),
	)
}
