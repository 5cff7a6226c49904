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
		return page(l, "/policy", el("p").Class("error").Text(err.Error()))
	}
	return page(l, "/policy",
		el("h1").Text(tr(l, "pol.title")),
		el("p").Class("intro").Text(tr(l, "pol.intro")),
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
	return el("section").ID("policy-"+rs.ID).Class("policy").Body(
		el("h2").Text(pick(l, rs.RegionName, rs.RegionNameEN)+" · "+pick(l, rs.Title, rs.TitleEN)),
		termList("", "meta", []pair{
			{"", tr(l, "res.citation"), rs.Document}, {"", tr(l, "pol.issuer"), rs.Issuer},
			{"", tr(l, "pol.period"), rs.Start().String() + " – " + until},
			{"", tr(l, "pol.status"), tr(l, "status."+string(rs.Status))}, {"", tr(l, "pol.reviewed"), rs.ReviewedThrough.String()},
		}),
		app.If(len(ns) > 0, func() app.UI {
			return el("ul").Class("notes").Body(app.Range(ns).Slice(func(i int) app.UI { return el("li").Text(ns[i]) }))
		}),
		el("div").Class("table-wrap").Body(
			el("table").Class("periods").Body(
				el("tr").Body(
					el("th").Attr("scope", "col").Text(tr(l, "pol.period")), el("th").Attr("scope", "col").Text(tr(l, "pol.average")),
					el("th").Attr("scope", "col").Text(tr(l, "pol.floor")), el("th").Attr("scope", "col").Text(tr(l, "pol.cap")),
					el("th").Attr("scope", "col").Text(tr(l, "pol.flexible")), el("th").Attr("scope", "col").Text(tr(l, "pol.rounding")),
					el("th").Attr("scope", "col").Text(tr(l, "pol.rates")),
				),
				app.Range(periods).Slice(func(i int) app.UI { return p.period(rs, periods[i]) }),
			),
		),
	)
}

// cited is a figure with its clause under it; label names its column
// for the phone layout.
func cited(label, text string, c calc.Citation) app.HTMLElem {
	return el("td").DataSet("label", label).Body(el("span").Text(text), el("span").Class("ref").Text(c.String()))
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
		return el("tr").Body(el("td").Attr("colspan", 7).Text(pick(l, err.Message, err.MessageEN)))
	}
	to := per.To.String()
	if to == "" {
		to = tr(l, "pol.open")
	}
	zh, en := calc.AverageName(r.Average)
	avg := labelled(l, "pol.entered") + pick(l, zh, en)
	if r.Average.Amount != nil {
		avg = calc.Yuan(*r.Average.Amount) + " (" + pick(l, zh, en) + ")"
		if r.Average.Source != nil {
			avg += " · " + r.Average.Source.Doc
		}
	}
	flex := el("td").DataSet("label", tr(l, "pol.flexible")).Text("—")
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
	return el("tr").Body(
		el("th").Attr("scope", "row").Text(per.From.String()+" – "+to),
		cited(tr(l, "pol.average"), avg, r.Average.Cite),
		cited(tr(l, "pol.floor"), boundText(l, r.Floor), r.Floor.Cite),
		cited(tr(l, "pol.cap"), boundText(l, r.Cap), r.Cap.Cite),
		flex,
		cited(tr(l, "pol.rounding"), round, r.RoundingCite),
		el("td").DataSet("label", tr(l, "pol.rates")).Text(strings.Join(rates, "; ")),
	)
}
