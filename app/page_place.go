package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/rules"
)

// placePage (/place/CODE) answers one question before any calculator:
// what is the lowest and highest base where I pay, this year? It shows the
// place's floor and cap in force, its zones, the flexible workers' range
// with the monthly payment at its ends (or at each tier), the rates, every
// figure's source with its status and review date, the floors over the
// years, and links into each calculator for the place. The server renders
// it with its numbers, so the HTML answers before app.wasm runs.
type placePage struct {
	app.Compo
	lang  Lang
	code  string
	kiosk bool
}

func newPlacePage() *placePage { return &placePage{lang: Zh} }

// placeCode is the code in a /place/CODE path.
func placeCode(ctx app.Context) string {
	if ctx.Page() == nil || ctx.Page().URL() == nil {
		return ""
	}
	code, ok := strings.CutPrefix(ctx.Page().URL().Path, "/place/")
	if !ok {
		return ""
	}
	return code
}

// OnPreRender reads the place from the path and names the page after it,
// on the server.
func (p *placePage) OnPreRender(ctx app.Context) {
	if c := placeCode(ctx); c != "" {
		p.code = c
	}
	p.describe(ctx)
}

// OnNav reads the place from the path in the browser.
func (p *placePage) OnNav(ctx app.Context) {
	p.lang = currentLang(ctx)
	p.kiosk = isKiosk(ctx)
	ctx.ObserveState(stateLang, &p.lang)
	if c := placeCode(ctx); c != "" {
		p.code = c
	}
	p.describe(ctx)
}

// describe sets the page's title and description: a bookmark, a search
// result or a shared link says what it is.
func (p *placePage) describe(ctx app.Context) {
	f, ok := placeFactsFor(p.lang, p.code)
	if !ok || ctx.Page() == nil {
		return
	}
	ctx.Page().SetTitle(f.title + " · sibase")
	ctx.Page().SetDescription(f.place + "：" + tr(p.lang, "pol.floor") + " " + f.floor + "，" + tr(p.lang, "pol.cap") + " " + f.cap + "（" + f.period + "，" + f.doc + "）")
}

// placeFacts are the figures a place page shows, ready to print.
type placeFacts struct {
	place, title, period, doc, status, reviewed string
	floor, cap, average                         string
	provisional                                 bool
	until                                       string
	r                                           *calc.Rules
}

// placeFactsFor resolves the place's rules this month (the latest period
// after the published ones) and writes its figures.
func placeFactsFor(l Lang, code string) (placeFacts, bool) {
	var f placeFacts
	r, ok := placeRules(code, thisMonth(), "")
	if !ok {
		return f, false
	}
	lim, err := r.Limits()
	if err != nil {
		return f, false
	}
	f.r = r
	f.place = placeName(l, code)
	f.title = f.place + " " + strconv.Itoa(r.PeriodFrom.Year) + tr(l, "place.titleYear")
	f.period = r.PeriodFrom.String() + " – " + r.PeriodTo.String()
	if r.PeriodTo.IsZero() {
		f.period = r.PeriodFrom.String() + " –"
	}
	f.doc = r.Floor.Cite.Doc
	f.status = tr(l, "status."+string(r.Status()))
	f.reviewed = r.Set.ReviewedThrough.String()
	f.floor, f.cap = calc.Yuan(lim.Floor), calc.Yuan(lim.Cap)
	if lim.Average != nil {
		f.average = calc.Yuan(*lim.Average)
	}
	f.provisional, f.until = r.Provisional, r.Set.Until.String()
	return f, true
}

// Render draws the place's page.
func (p *placePage) Render() app.UI {
	l := p.lang
	f, ok := placeFactsFor(l, p.code)
	if !ok {
		return page(l, "/policy", elemText("h1", tr(l, "place.none")), elem("p", link("a", tr(l, "nav.policy"), "/policy")))
	}
	r := f.r
	return page(l, "/policy",
		elemText("h1#place-title", f.title),
		elemText("p#place-period.intro", f.period+" · "+f.doc+" · "+f.status+" · "+tr(l, "res.reviewed")+" "+f.reviewed),
		app.If(f.provisional, func() app.UI {
			return elemText("p#place-provisional.warnings", strings.ReplaceAll(tr(l, "place.provisional"), "%s", f.until))
		}),
		termList("place-figures", "figures", []pair{
			{"place-floor", tr(l, "pol.floor"), f.floor + " " + tr(l, "res.yuan")},
			{"place-cap", tr(l, "pol.cap"), f.cap + " " + tr(l, "res.yuan")},
			{"place-average", tr(l, "pol.average"), withUnit(f.average, tr(l, "res.yuan"))},
		}),
		p.zones(r),
		p.flexible(r),
		p.rates(r),
		p.sources(r),
		floorChart(l, p.code),
		elem("nav#place-calculators",
			elemText("h2", tr(l, "place.calculators")),
			elem("ul.who", app.Range(calcRoutes()).Slice(func(i int) app.UI {
				rt := calcRoutes()[i]
				return elem("li", elemText("a", tr(l, rt.key)).ID("place-go-"+rt.name).Attr("href", rt.path+"?place="+p.code))
			})),
		).Aria("label", tr(l, "place.calculators")),
		app.If(!p.kiosk, func() app.UI {
			return btnText("#place-remember.secondary", tr(l, "place.remember")).OnClick(p.remember)
		}),
	)
}

// remember makes this place the person's.
func (p *placePage) remember(ctx app.Context, e app.Event) { setPlace(ctx, p.code) }

// zones lists a province's zones with their floors, on the province's
// page; a zone city's page names its zone.
func (p *placePage) zones(r *calc.Rules) app.UI {
	l := p.lang
	var rows [][]string
	for _, v := range r.CityVariants() {
		z, ok := placeRules(v.Cities[0], r.Month, "")
		if !ok {
			continue
		}
		lim, err := z.Limits()
		if err != nil {
			continue
		}
		var names []string
		for _, c := range v.Cities {
			names = append(names, placeName(l, c))
		}
		rows = append(rows, []string{pick(l, v.Name, v.NameEN), calc.Yuan(lim.Floor), strings.Join(names, pick(l, "、", ", "))})
	}
	if len(r.Variants) > 0 && r.Place.City != "" {
		return elemText("p#place-zone", labelled(l, "place.zone")+pick(l, r.Variants[0].Name, r.Variants[0].NameEN))
	}
	if len(rows) == 0 {
		return app.Text("")
	}
	return elem("section#place-zones",
		elemText("h2", tr(l, "place.zones")),
		elemText("p.hint", tr(l, "place.zones.hint")),
		textTable("zones", "facts", []string{tr(l, "place.zone"), tr(l, "pol.floor"), tr(l, "place.cities")}, rows, 1),
	)
}

// flexible shows the flexible workers' range, whose choice it is, and
// the monthly payment at its ends — or at each tier.
func (p *placePage) flexible(r *calc.Rules) app.UI {
	l := p.lang
	fl, err := r.FlexibleLimits()
	if err != nil {
		return app.Text("")
	}
	bases := []decimal.Decimal{fl.Min, fl.Max}
	if len(fl.Tiers) > 0 {
		bases = bases[:0]
		for _, t := range fl.Tiers {
			bases = append(bases, t.Amount)
		}
	}
	var rows [][]string
	for _, b := range bases {
		pay := "—"
		if c, ok := r.Contribute(calc.Pension, calc.PayerFlexible, b); ok {
			pay = calc.Yuan(c.Monthly)
		}
		rows = append(rows, []string{calc.Yuan(b), pay})
	}
	rate := ""
	if rt := r.Rate(calc.Pension, calc.PayerFlexible); rt != nil {
		rate = " · " + tr(l, "pol.rates") + " " + calc.Percent(rt.Rate) + "（" + rt.Cite.String() + "）"
	}
	return elem("section#place-flexible",
		elemText("h2", tr(l, "pol.flexible")),
		elemText("p.hint", tr(l, "flex.choice."+string(fl.Choice))+rate),
		textTable("place-payments", "facts", []string{tr(l, "res.base"), tr(l, "place.monthly")}, rows, 0, 1),
	)
}

// rates lists the pension contribution rates with their clauses.
func (p *placePage) rates(r *calc.Rules) app.UI {
	l := p.lang
	var rows [][]string
	for _, x := range []struct {
		key   string
		payer calc.Payer
	}{{"res.unit", calc.PayerUnit}, {"res.individual", calc.PayerIndividual}, {"nav.flexible", calc.PayerFlexible}} {
		if rt := r.Rate(calc.Pension, x.payer); rt != nil {
			rows = append(rows, []string{tr(l, x.key), calc.Percent(rt.Rate), rt.Cite.String()})
		}
	}
	if len(rows) == 0 {
		return app.Text("")
	}
	return elem("section#place-rates",
		elemText("h2", tr(l, "pol.rates")),
		textTable("rates", "facts", []string{tr(l, "place.payer"), tr(l, "pol.rates"), tr(l, "res.citation")}, rows, 1),
	)
}

// sources names where the floor and cap were published: the notice, its
// issuer and date, how far it can be trusted, and the address (as text:
// the page links nowhere).
func (p *placePage) sources(r *calc.Rules) app.UI {
	l := p.lang
	seen := map[string]bool{}
	var items []app.UI
	for _, b := range []calc.Bound{r.Floor, r.Cap} {
		s := b.Source
		if s == nil || seen[s.Name()+s.URL] {
			continue
		}
		seen[s.Name()+s.URL] = true
		text := strings.Join(nonEmpty(s.Name(), s.Issuer, s.Date, tr(l, "grade."+s.Grade)), " · ")
		items = append(items, elem("li", elemText("span", text), elemText("span.ref", s.URL)))
	}
	return elem("section#place-sources",
		elemText("h2", tr(l, "place.sources")),
		el("ul").Body(items...),
		elemText("p.hint", tr(l, "place.sources.hint")),
	)
}

func nonEmpty(xs ...string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// floorChart draws the place's floor in each period bundled, as bars.
func floorChart(l Lang, code string) app.UI {
	province, _ := splitPlace(code)
	sets, _ := rules.InRegion(province)
	type bar struct {
		label string
		floor decimal.Decimal
	}
	var bars []bar
	top := decimal.Zero
	for _, rs := range sets {
		if rs.Start().Year < 2019 {
			continue
		}
		for _, per := range rs.Periods() {
			r, ok := placeRules(code, per.From, "")
			if !ok || r.Set != rs {
				continue
			}
			lim, err := r.Limits()
			if err != nil {
				continue
			}
			if n := len(bars); n > 0 && bars[n-1].floor.Equal(lim.Floor) {
				continue // a period that changed something else
			}
			bars = append(bars, bar{per.From.String(), lim.Floor})
			top = decimal.Max(top, lim.Floor)
		}
	}
	if len(bars) < 2 || !top.IsPositive() {
		return app.Text("")
	}
	w := chartW / len(bars)
	items := []app.UI{svg("title").Text(tr(l, "place.chart"))}
	for i, b := range bars {
		h := int(b.floor.Div(top).Mul(decimal.NewFromInt(chartPlotH)).IntPart())
		x := chartLeft + i*w
		items = append(items,
			svgRect("bar", x+2, chartTop+chartPlotH-h, w-4, h),
			svgText("bar-value", x+w/2, chartTop+chartPlotH-h-2, "middle", calc.Yuan(b.floor)),
			svgText("bar-label", x+w/2, chartH-10, "middle", b.label),
		)
	}
	return elem("figure#place-chart.chart",
		svg("svg").Attr("viewBox", "0 0 "+strconv.Itoa(chartW+chartLeft)+" "+strconv.Itoa(chartH)).Attr("role", "img").
			Aria("label", tr(l, "place.chart")).Body(items...),
		elemText("figcaption", tr(l, "place.chart")),
	)
}
