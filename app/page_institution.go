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
	defaults := form{"date": defaultMonth(), "staffKind": "institution", "rounding": "half_up", "places": "2"}
	p := &institutionPage{formPage: newFormPage(defaults, f, institutionRequest, map[string]string{
		"worker.basic_wage": "basic", "worker.total_wage": "total", "worker.monthly_wage": "basic", "worker.kind": "place", "rule.institution_wage": "instWage"})}
	// 辽社险函〔2006〕89号 二(三)'s own example, where no place is known.
	p.named("inst.title", form{"place": "210000", "date": "2010-12"})
	return p
}

// institutionRequest sends the wage the rule takes: the basic wage, or
// the total wage where the place uses the rule's alternative.
//
// Where the place's rules give institution staff no base of their own
// (the provinces since 2019, where they are in the same scheme), they are
// employees whose employer is an institution, on their previous-year
// wage: the institution's own figures apply where the place has them.
func institutionRequest(f form) (*estimate.Request, *calc.Error) {
	req := ruleRequest(f, false)
	req.Worker = &estimate.Worker{Kind: "institution"}
	if !ownInstitutionRule(f) {
		req.Worker = &estimate.Worker{Kind: "employee", Employer: string(calc.EmployerInstitution), MonthlyWage: f["basic"]}
		return req, nil
	}
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

// ownInstitutionRule reports whether the chosen rules give institution
// staff a base of their own (89号 二(三)); custom figures are pension-style.
func ownInstitutionRule(f form) bool {
	r, ok := chosenRules(f)
	return ok && r.Bases[calc.Pension].Institution != nil
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

// OnPreRender opens the page on the place a link names, on the server.
func (p *institutionPage) OnPreRender(ctx app.Context) { p.prerender(ctx) }

// Render draws the page.
func (p *institutionPage) Render() app.UI {
	p.beginRender()
	l := p.lang
	return page(l, "/institution",
		elemText("h1", tr(l, "inst.title")),
		elemText("p.intro", tr(l, "inst.intro")),
		elem("form#form.calc",
			p.rulePicker(false),
			group("wages", tr(l, "inst.basic"),
				app.If(institutionAlternative(p.form), func() app.UI {
					return p.selectField("instWage", "inst.wage", []choice{{"", tr(l, "inst.wage.rule")}, {calc.WageTotal, tr(l, "inst.wage.total")}})
				}),
				app.If(p.form["instWage"] == calc.WageTotal, func() app.UI {
					return p.field(fieldOpts{name: "total", label: "inst.total"})
				}).ElseIf(!ownInstitutionRule(p.form), func() app.UI {
					return p.field(fieldOpts{name: "basic", label: "emp.wage"})
				}).Else(func() app.UI {
					return p.field(fieldOpts{name: "basic", label: "inst.basic"})
				}),
			),
		),
		p.resultBox(func() app.UI {
			w := p.resp.Worker
			return elem("div",
				p.figure("result-base", "res.base", w.Base),
				elemText("p#result-outcome.outcome", tr(l, "outcome."+w.Outcome)),
				p.contributions(w.Contributions),
				p.warnings(p.resp.Warnings),
				p.explanation("result-explain", w.Steps),
				p.ruleSetLine(p.resp.RuleSet),
			)
		}),
	)
}
