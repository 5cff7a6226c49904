package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/estimate"
)

// flexiblePage is for flexible workers and individual business owners:
// the month and rules, the range allowed then, a ratio (slider or field)
// or an amount or a tier, and the base with its contributions, its
// explanation and the chart of minimums over the years.
type flexiblePage struct {
	app.Compo
	formPage
}

// defaultMonth is the current month, where a person starts.
func defaultMonth() string { return time.Now().Format("2006-01") }

func newFlexiblePage() *flexiblePage { return newFlexiblePageWith(nil) }

// newFlexiblePageWith starts the page with fields (tests and restored
// links); missing fields take their defaults.
func newFlexiblePageWith(f form) *flexiblePage {
	defaults := form{"date": defaultMonth(), "rounding": "half_up", "places": "2"}
	p := &flexiblePage{formPage: newFormPage(defaults, f, flexibleRequest, map[string]string{
		"worker.ratio": "ratio", "worker.amount": "amount", "worker.kind": "place"})}
	p.resultOnly = map[string]bool{"ratio": true, "amount": true} // the slider follows them (moveSlider)
	p.named("flex.title", nil)
	return p
}

// flexibleRequest builds the request from the page's fields.
func flexibleRequest(f form) (*estimate.Request, *calc.Error) {
	req := ruleRequest(f, true)
	req.Worker = &estimate.Worker{Kind: "flexible", Ratio: f["ratio"], Amount: f["amount"]}
	return req, nil
}

// OnMount follows the language and restores a shared link.
func (p *flexiblePage) OnMount(ctx app.Context) { p.mount(ctx) }

// OnNav restores a share link opened on this page.
func (p *flexiblePage) OnNav(ctx app.Context) { p.restore(ctx) }

// OnPreRender opens the page on the place a link names, on the server.
func (p *flexiblePage) OnPreRender(ctx app.Context) { p.prerender(ctx) }

// A ratio and an amount exclude each other: typing one clears the other.
func (p *flexiblePage) onRatio(ctx app.Context, e app.Event) {
	p.form["amount"] = ""
	alone := p.typed(ctx, "ratio", ctx.JSSrc().Get("value").String())
	p.syncDOM(ctx)
	if alone {
		p.moveSlider()
	}
}

func (p *flexiblePage) onAmount(ctx app.Context, e app.Event) {
	p.form["ratio"] = ""
	alone := p.typed(ctx, "amount", ctx.JSSrc().Get("value").String())
	p.syncDOM(ctx)
	if alone {
		p.moveSlider()
	}
}

// onSlider sets the ratio from the slider's percentage.
func (p *flexiblePage) onSlider(ctx app.Context, e app.Event) {
	pct, err := decimal.NewFromString(ctx.JSSrc().Get("value").String())
	if err != nil {
		return
	}
	p.form["amount"] = ""
	p.set(ctx, "ratio", pct.Shift(-2).String())
	p.syncDOM(ctx)
}

// onTier picks a tier: "" (the lowest), a ratio "r:0.7" or an amount
// "a:1368.55".
func (p *flexiblePage) onTier(ctx app.Context, e app.Event) {
	v := fieldValue(ctx)
	p.form["ratio"], p.form["amount"] = "", ""
	switch {
	case len(v) > 2 && v[:2] == "r:":
		p.set(ctx, "ratio", v[2:])
	case len(v) > 2 && v[:2] == "a:":
		p.set(ctx, "amount", v[2:])
	default:
		p.set(ctx, "ratio", "")
	}
	p.syncDOM(ctx)
}

// Render draws the page.
func (p *flexiblePage) Render() app.UI {
	p.beginRender()
	l := p.lang
	return page(l, "/flexible",
		elemText("h1", tr(l, "flex.title")),
		elemText("p.intro", tr(l, "flex.intro")),
		elem("form#form.calc",
			p.rulePicker(true),
			group("choice", tr(l, "flex.ratio"),
				p.choiceHint(),
				p.choice(),
			),
		),
		p.resultBox(p.result),
	)
}

// choiceHint says whose choice the base is, as the rules' data says: the
// worker's (free, tiers), or the city's on hardship.
func (p *flexiblePage) choiceHint() app.UI {
	if p.resp == nil || p.resp.Worker == nil || p.resp.Worker.Choice == "" {
		return app.Text("")
	}
	return elemText("p#choice-hint.hint", tr(p.lang, "flex.choice."+p.resp.Worker.Choice))
}

// ratioLabel names the ratio field: under a hardship rule it is the
// reduction asked for.
func (p *flexiblePage) ratioLabel() string {
	if p.resp != nil && p.resp.Worker != nil && p.resp.Worker.Choice == string(calc.ChoiceHardship) {
		return tr(p.lang, "flex.reduce")
	}
	return tr(p.lang, "flex.ratio")
}

// choice renders the tiers where the rules have them, else a slider with
// the ratio and amount fields.
func (p *flexiblePage) choice() app.UI {
	l := p.lang
	if p.resp != nil && p.resp.Worker != nil && len(p.resp.Worker.Tiers) > 0 {
		tiers := p.resp.Worker.Tiers
		choices := []choice{{"", tr(l, "flex.tier.none")}}
		selected := ""
		for _, t := range tiers {
			label := calc.Yuan(t.Amount)
			value := "a:" + calc.Yuan(t.Amount)
			if t.Ratio != nil {
				label = calc.Percent(*t.Ratio) + " · " + label
				value = "r:" + t.Ratio.String()
			}
			choices = append(choices, choice{value, label})
			if (t.Ratio != nil && p.form["ratio"] == t.Ratio.String()) || (t.Ratio == nil && p.form["amount"] == calc.Yuan(t.Amount)) {
				selected = value
			}
		}
		return elem("div.field",
			labelFor("tier", tr(l, "flex.tier")),
			elem("select#tier",
				app.Range(choices).Slice(func(i int) app.UI {
					return option(choices[i].value, choices[i].label, choices[i].value == selected)
				}),
			).Attr("name", "tier").OnChange(p.onTier),
		)
	}
	ratioErr, amountErr := p.errorFor("ratio"), p.errorFor("amount")
	return elem("div",
		p.slider(),
		elem("div.field",
			labelFor("ratio", p.ratioLabel()),
			attrs(p.textInput("ratio"), "type", "text", "inputmode", "decimal", "autocomplete", "off", "placeholder", "0.7 / 70%").OnInput(p.onRatio).
				Aria("invalid", ratioErr != "").Aria("describedby", "ratio-error"),
			app.If(ratioErr != "", func() app.UI { return elemText("p#ratio-error.error", ratioErr).Role("alert") }),
		),
		elem("div.field",
			labelFor("amount", tr(l, "flex.amount")),
			attrs(p.textInput("amount"), "type", "text", "inputmode", "decimal", "autocomplete", "off").OnInput(p.onAmount).
				Aria("invalid", amountErr != "").Aria("describedby", "amount-error"),
			app.If(amountErr != "", func() app.UI { return elemText("p#amount-error.error", amountErr).Role("alert") }),
		),
	)
}

// slider renders a range input over the allowed ratios, in whole percent.
func (p *flexiblePage) slider() app.UI {
	lo, hi, at, ok := p.sliderPercents()
	if !ok {
		return app.Text("")
	}
	return elem("div.field",
		labelFor("slider", tr(p.lang, "flex.slider")),
		attrs(elem("input#slider"), "type", "range", "min", lo, "max", hi, "step", "1", "value", at).OnInput(p.onSlider).Aria("valuetext", at+"%"),
	)
}

// sliderPercents are the slider's bounds and position: the lowest and
// highest base and the chosen one, in whole percent of the average.
func (p *flexiblePage) sliderPercents() (lo, hi, at string, ok bool) {
	if p.resp == nil || p.resp.Worker == nil || p.resp.Average == "" || p.resp.Worker.Min == "" {
		return "", "", "", false
	}
	avg, _ := decimal.NewFromString(p.resp.Average)
	if !avg.IsPositive() {
		return "", "", "", false
	}
	pct := func(s string) string {
		d, _ := decimal.NewFromString(s)
		return d.Div(avg).Shift(2).Round(0).String()
	}
	return pct(p.resp.Worker.Min), pct(p.resp.Worker.Max), pct(p.resp.Worker.Base), true
}

// moveSlider puts the slider where a typed ratio or amount puts the base
// when only the result was redrawn (the slider is the page's, which a
// render of the page moves itself).
func (p *flexiblePage) moveSlider() {
	_, _, at, ok := p.sliderPercents()
	if !ok {
		return
	}
	if el := app.Window().GetElementByID("slider"); el.Truthy() {
		el.Set("value", at)
		el.Call("setAttribute", "aria-valuetext", at+"%")
	}
}

// result renders the base, the range, contributions, warnings, the chart
// and the explanation.
func (p *flexiblePage) result() app.UI {
	l := p.lang
	w := p.resp.Worker
	var chosen *decimal.Decimal
	if avg, err := decimal.NewFromString(p.resp.Average); err == nil && avg.IsPositive() {
		base, _ := decimal.NewFromString(w.Base)
		c := base.Div(avg).Shift(2)
		chosen = &c
	}
	month, _ := calc.ParseMonth("date", p.resp.Date)
	return elem("div",
		p.figure("result-base", "res.base", w.Base),
		elemText("p#result-outcome.outcome", tr(l, "outcome."+w.Outcome)),
		elemText("p#result-range.range", labelled(l, "flex.range")+w.Min+" – "+w.Max+" "+tr(l, "res.yuan")),
		p.contributions(w.Contributions),
		p.warnings(p.resp.Warnings),
		scheduleChart(l, p.resp.FlexibleSchedule, month, chosen),
		p.explanation("result-explain", w.Steps),
		p.ruleSetLine(p.resp.RuleSet),
	)
}
