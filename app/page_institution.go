package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// institutionPage is for institution (机关事业单位) staff: last month's
// basic wage → the individual base, under the rules that set one
// (辽社险函〔2006〕89号 二(三)).
type institutionPage struct {
	app.Compo
	formPage
}

func newInstitutionPage() *institutionPage { return newInstitutionPageWith(nil) }

func newInstitutionPageWith(f form) *institutionPage {
	defaults := form{"date": "2010-12", "place": "210000", "staffKind": "institution", "rounding": "half_up", "places": "2"}
	return &institutionPage{formPage: newFormPage(defaults, f, institutionRequest, map[string]string{
		"worker.basic_wage": "basic", "worker.total_wage": "total", "worker.kind": "place", "rule.institution_wage": "instWage"})}
}

// institutionRequest sends the wage the rule takes: the basic wage, or
// the total wage where the place uses the rule's alternative.
func institutionRequest(f form) (*estimate.Request, *calc.Error) {
	req := ruleRequest(f, false)
	req.Worker = &estimate.Worker{Kind: "institution"}
	if f["instWage"] == calc.WageTotal {
		if req.Rule == nil {
			req.Rule = &estimate.Rule{}
		}
		req.Rule.InstitutionWage = calc.WageTotal
		req.Worker.TotalWage = f["total"]
	} else {
		req.Worker.BasicWage = f["basic"]
	}
	return req, nil
}

// institutionAlternative reports whether the chosen rules let places use
// another wage for institution staff (89号 二(三)'s total wage).
func institutionAlternative(f form) bool {
	r, ok := chosenRules(f)
	if !ok {
		return false
	}
	ir := r.Bases[calc.Pension].Institution
	return ir != nil && ir.Alternative == calc.WageTotal
}

// OnMount follows the language and restores a shared link.
func (p *institutionPage) OnMount(ctx app.Context) { p.mount(ctx) }

// OnNav restores a share link opened on this page.
func (p *institutionPage) OnNav(ctx app.Context) { p.restore(ctx) }

// Render draws the page.
func (p *institutionPage) Render() app.UI {
	p.beginRender()
	l := p.lang
	return page(l, "/institution",
		el("h1").Text(tr(l, "inst.title")),
		el("p").Class("intro").Text(tr(l, "inst.intro")),
		el("form").ID("form").Class("calc").Body(
			p.rulePicker(false),
			group("wages", tr(l, "inst.basic"),
				app.If(institutionAlternative(p.form), func() app.UI {
					return p.selectField("instWage", "inst.wage", []choice{{"", tr(l, "inst.wage.rule")}, {calc.WageTotal, tr(l, "inst.wage.total")}})
				}),
				app.If(p.form["instWage"] == calc.WageTotal, func() app.UI {
					return p.field(fieldOpts{name: "total", label: "inst.total"})
				}).Else(func() app.UI {
					return p.field(fieldOpts{name: "basic", label: "inst.basic"})
				}),
			),
		),
		p.resultBox(func() app.UI {
			w := p.resp.Worker
			return el("div").Body(
				p.figure("result-base", "res.base", w.Base),
				el("p").ID("result-outcome").Class("outcome").Text(tr(l, "outcome."+w.Outcome)),
				p.contributions(w.Contributions),
				p.warnings(p.resp.Warnings),
				p.explanation("result-explain", w.Steps),
				p.ruleSetLine(p.resp.RuleSet),
			)
		}),
	)
}
