package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/rules"
)

// customSet is the picker's value for "my place isn't listed".
const customSet = "custom"

// ruleRequest starts an estimate request from the picker's fields: the
// month, then a bundled rule set with the average typed in where the set
// does not carry it, or the person's own published figures.
func ruleRequest(f form, flexible bool) *estimate.Request {
	req := &estimate.Request{Date: f["date"]}
	var rule estimate.Rule
	if f["set"] == customSet {
		rule = estimate.Rule{Average: f["avg"], Floor: f["floor"], Cap: f["cap"],
			FloorRatio: f["floorRatio"], CapRatio: f["capRatio"], Rounding: f["rounding"]}
		if pl, err := strconv.Atoi(f["places"]); err == nil {
			rule.Places = &pl
		}
		if flexible {
			rule.FlexibleMinRatio, rule.FlexibleMaxRatio = f["fmin"], f["fmax"]
		}
	} else {
		req.RuleSet = f["set"]
		if _, needed := averageNeeded(f); needed {
			rule.Average = f["avg"]
		}
	}
	if rule != (estimate.Rule{}) {
		req.Rule = &rule
	}
	return req
}

// chosenRules resolves the form's bundled rule set at its month, or
// reports false (a custom rule, no set, a month the set does not cover):
// what the pages show beside the fields depends on it.
func chosenRules(f form) (*calc.Rules, bool) {
	rs, ok := rules.ByID(f["set"])
	if !ok {
		return nil, false
	}
	m, err := calc.ParseMonth("date", f["date"])
	if err != nil {
		return nil, false
	}
	r, cerr := rs.At(m)
	return r, cerr == nil
}

// averageNeeded reports whether the chosen bundled set lacks the average
// for the chosen month, and which average it is.
func averageNeeded(f form) (calc.Average, bool) {
	r, ok := chosenRules(f)
	if !ok {
		return calc.Average{}, false
	}
	return r.Average, r.Average.Amount == nil
}

// setChoices lists the bundled rule sets by place, document and months,
// then "my place isn't listed".
func setChoices(l Lang) []choice {
	sets, _ := rules.Bundled()
	out := make([]choice, 0, len(sets)+1)
	for _, rs := range sets {
		months := rs.Start().String() + " –"
		if !rs.Until.IsZero() {
			months += " " + rs.Until.String()
		}
		name := pick(l, rs.RegionName, rs.RegionNameEN)
		out = append(out, choice{rs.ID, name + " " + months})
	}
	return append(out, choice{customSet, tr(l, "rules.custom")})
}

// setHint names the chosen set's document and status under the select.
func setHint(l Lang, id string) app.UI {
	rs, ok := rules.ByID(id)
	if !ok {
		return app.Text("")
	}
	return app.P().ID("set-hint").Class("hint").Text(rs.Document + " · " + pick(l, rs.Title, rs.TitleEN) + " · " + tr(l, "status."+string(rs.Status)))
}

// rulePicker renders the month, the rule set and the figures the rules
// need from the person. flexible adds the custom flexible range.
func (p *formPage) rulePicker(flexible bool) app.UI {
	custom := p.form["set"] == customSet
	avg, needAvg := averageNeeded(p.form)
	avgLabel := ""
	if needAvg {
		zh, en := calc.AverageName(avg)
		avgLabel = pick(p.lang, zh, en)
	}
	return group("rules", tr(p.lang, "rules.legend"),
		p.field(fieldOpts{name: "date", label: "rules.date", kind: "month"}),
		p.selectField("set", "rules.set", setChoices(p.lang)),
		app.If(!custom, func() app.UI { return setHint(p.lang, p.form["set"]) }),
		app.If(needAvg, func() app.UI {
			return p.field(fieldOpts{name: "avg", label: avgLabel, labelRaw: true, hint: tr(p.lang, "rules.needAvg")})
		}),
		app.If(custom, func() app.UI {
			return app.Div().ID("custom-rules").Class("custom").Body(
				p.field(fieldOpts{name: "avg", label: "rules.average"}),
				p.field(fieldOpts{name: "floorRatio", label: "rules.floorRatio", kind: "ratio"}),
				p.field(fieldOpts{name: "capRatio", label: "rules.capRatio", kind: "ratio"}),
				p.field(fieldOpts{name: "floor", label: "rules.floor"}),
				p.field(fieldOpts{name: "cap", label: "rules.cap"}),
				p.selectField("rounding", "rules.rounding", []choice{
					{"half_up", tr(p.lang, "round.half_up")}, {"up", tr(p.lang, "round.up")}, {"down", tr(p.lang, "round.down")}}),
				p.selectField("places", "rules.places", []choice{
					{"2", tr(p.lang, "places.2")}, {"1", tr(p.lang, "places.1")}, {"0", tr(p.lang, "places.0")}}),
				app.If(flexible, func() app.UI {
					return app.Div().Body(
						p.field(fieldOpts{name: "fmin", label: "rules.fmin", kind: "ratio"}),
						p.field(fieldOpts{name: "fmax", label: "rules.fmax", kind: "ratio"}),
					)
				}),
			)
		}),
	)
}
