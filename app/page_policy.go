package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/rules"
)

// policyPage shows each bundled rule set — its periods, figures, clauses,
// sources, status and review date — so a person can check the source of
// every number.
type policyPage struct {
	app.Compo
	lang Lang
}

func newPolicyPage() *policyPage { return &policyPage{lang: Zh} }

// OnMount follows the session's language.
func (p *policyPage) OnMount(ctx app.Context) {
	p.lang = currentLang(ctx)
	ctx.ObserveState(stateLang, &p.lang)
}

// Render draws every rule set.
func (p *policyPage) Render() app.UI {
	l := p.lang
	sets, err := rules.Bundled()
	if err != nil {
		return page(l, "/policy", app.P().Class("error").Text(err.Error()))
	}
	return page(l, "/policy",
		app.H1().Text(tr(l, "pol.title")),
		app.P().Class("intro").Text(tr(l, "pol.intro")),
		app.Range(sets).Slice(func(i int) app.UI { return p.ruleSet(sets[i]) }),
	)
}

// notes returns the set's notes in the language: they alternate Chinese,
// English.
func notes(l Lang, rs *calc.RuleSet) []string {
	var out []string
	for i, n := range rs.Notes {
		if (i%2 == 1) == (l == En) {
			out = append(out, n)
		}
	}
	return out
}

func (p *policyPage) ruleSet(rs *calc.RuleSet) app.UI {
	l := p.lang
	until := rs.Until.String()
	if until == "" {
		until = tr(l, "pol.open")
	}
	ns := notes(l, rs)
	periods := rs.Periods()
	return app.Section().ID("policy-"+rs.ID).Class("policy").Body(
		app.H2().Text(pick(l, rs.RegionName, rs.RegionNameEN)+" · "+pick(l, rs.Title, rs.TitleEN)),
		app.Dl().Class("meta").Body(
			app.Dt().Text(tr(l, "res.citation")), app.Dd().Text(rs.Document),
			app.Dt().Text(tr(l, "pol.issuer")), app.Dd().Text(rs.Issuer),
			app.Dt().Text(tr(l, "pol.period")), app.Dd().Text(rs.Start().String()+" – "+until),
			app.Dt().Text(tr(l, "pol.status")), app.Dd().Text(tr(l, "status."+string(rs.Status))),
			app.Dt().Text(tr(l, "pol.reviewed")), app.Dd().Text(rs.ReviewedThrough.String()),
		),
		app.If(len(ns) > 0, func() app.UI {
			return app.Ul().Class("notes").Body(app.Range(ns).Slice(func(i int) app.UI { return app.Li().Text(ns[i]) }))
		}),
		app.Div().Class("table-wrap").Body(
			app.Table().Class("periods").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(tr(l, "pol.period")), app.Th().Scope("col").Text(tr(l, "pol.average")),
					app.Th().Scope("col").Text(tr(l, "pol.floor")), app.Th().Scope("col").Text(tr(l, "pol.cap")),
					app.Th().Scope("col").Text(tr(l, "pol.flexible")), app.Th().Scope("col").Text(tr(l, "pol.rounding")),
					app.Th().Scope("col").Text(tr(l, "pol.rates")),
				)),
				app.TBody().Body(app.Range(periods).Slice(func(i int) app.UI { return p.period(rs, periods[i]) })),
			),
		),
	)
}

// cited is a figure with its clause under it; label names its column
// for the phone layout.
func cited(label, text string, c calc.Citation) app.HTMLTd {
	return app.Td().DataSet("label", label).Body(app.Span().Text(text), app.Span().Class("ref").Text(c.String()))
}

// boundText is a floor, cap or flexible bound as written in the rules.
func boundText(l Lang, b calc.Bound) string {
	switch {
	case b.Amount != nil:
		return calc.Yuan(*b.Amount) + " " + tr(l, "res.yuan")
	case b.Ratio != nil:
		return calc.Percent(*b.Ratio)
	}
	return "—"
}

func (p *policyPage) period(rs *calc.RuleSet, per calc.Period) app.UI {
	l := p.lang
	r, err := rs.At(per.From)
	if err != nil {
		return app.Tr().Body(app.Td().ColSpan(7).Text(pick(l, err.Message, err.MessageEN)))
	}
	to := per.To.String()
	if to == "" {
		to = tr(l, "pol.open")
	}
	zh, en := calc.AverageName(r.Average)
	avg := tr(l, "pol.entered") + ": " + pick(l, zh, en)
	if r.Average.Amount != nil {
		avg = calc.Yuan(*r.Average.Amount) + " (" + pick(l, zh, en) + ")"
		if r.Average.Source != nil {
			avg += " · " + r.Average.Source.Doc
		}
	}
	flex := app.Td().DataSet("label", tr(l, "pol.flexible")).Text("—")
	if f := r.Flexible; f != nil {
		text := boundText(l, f.Min) + " – " + boundText(l, f.Max)
		if f.Tiers != nil {
			var ts []string
			for _, t := range f.Tiers.Ratios {
				ts = append(ts, calc.Percent(t))
			}
			text += "; " + tr(l, "pol.tiers") + " " + strings.Join(ts, "/")
		}
		flex = cited(tr(l, "pol.flexible"), text, f.Min.Cite)
	}
	var rates []string
	for _, ins := range []calc.Insurance{calc.Pension, calc.Medical, calc.WorkInjury, calc.Maternity, calc.Unemployment} {
		rs, ok := r.Rates[ins]
		if !ok {
			continue
		}
		for _, x := range []struct {
			key  string
			rate *calc.Rate
		}{{"res.unit", rs.Unit}, {"res.individual", rs.Individual}, {"nav.flexible", rs.Flexible}} {
			if x.rate != nil {
				rates = append(rates, tr(l, x.key)+" "+calc.Percent(x.rate.Rate)+" ("+x.rate.Cite.String()+")")
			}
		}
	}
	if len(rates) == 0 {
		rates = []string{"—"}
	}
	round := pick(l, r.Rounding.String(), r.Rounding.StringEN())
	return app.Tr().Body(
		app.Th().Scope("row").Text(per.From.String()+" – "+to),
		cited(tr(l, "pol.average"), avg, r.Average.Cite),
		cited(tr(l, "pol.floor"), boundText(l, r.Floor), r.Floor.Cite),
		cited(tr(l, "pol.cap"), boundText(l, r.Cap), r.Cap.Cite),
		flex,
		cited(tr(l, "pol.rounding"), round, r.RoundingCite),
		app.Td().DataSet("label", tr(l, "pol.rates")).Text(strings.Join(rates, "; ")),
	)
}
