package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// employeePage is for an employee: last year's monthly average wage (or
// the year's total and the months worked) → the individual base, saying
// whether it was raised to the floor or cut to the cap.
type employeePage struct {
	app.Compo
	formPage
}

func newEmployeePage() *employeePage { return newEmployeePageWith(nil) }

func newEmployeePageWith(f form) *employeePage {
	defaults := form{"date": defaultMonth(), "rounding": "half_up", "places": "2"}
	p := &employeePage{formPage: newFormPage(defaults, f, employeeRequest, map[string]string{
		"worker.monthly_wage": "wage", "worker.annual_wage": "annual", "worker.months": "months", "worker.kind": "place"})}
	p.resultOnly = map[string]bool{"wage": true, "annual": true, "months": true}
	p.named("emp.title", nil)
	return p
}

// employeeRequest builds the request from the page's fields.
func employeeRequest(f form) (*estimate.Request, *calc.Error) {
	months, err := calc.ParseMonths("worker.months", f["months"])
	if err != nil {
		return nil, err
	}
	req := ruleRequest(f, false)
	req.Worker = &estimate.Worker{Kind: "employee", MonthlyWage: f["wage"], AnnualWage: f["annual"], Months: months}
	return req, nil
}

// OnMount follows the language and restores a shared link.
func (p *employeePage) OnMount(ctx app.Context) { p.mount(ctx) }

// OnNav restores a share link opened on this page.
func (p *employeePage) OnNav(ctx app.Context) { p.restore(ctx) }

// OnPreRender opens the page on the place a link names, on the server.
func (p *employeePage) OnPreRender(ctx app.Context) { p.prerender(ctx) }

// Render draws the page.
func (p *employeePage) Render() app.UI {
	p.beginRender()
	l := p.lang
	return page(l, "/employee",
		elemText("h1", tr(l, "emp.title")),
		elemText("p.intro", tr(l, "emp.intro")),
		elem("form#form.calc",
			p.rulePicker(false),
			group("wages", tr(l, "emp.wage"),
				p.field(fieldOpts{name: "wage", label: "emp.wage"}),
				elemText("p.or", tr(l, "emp.or")),
				p.field(fieldOpts{name: "annual", label: "emp.annual"}),
				p.field(fieldOpts{name: "months", label: "emp.months", kind: "int"}),
				elemText("p.hint", tr(l, "emp.unknown")),
			),
		),
		p.resultBox(p.result),
	)
}

func (p *employeePage) result() app.UI {
	l := p.lang
	w := p.resp.Worker
	return elem("div",
		p.figure("result-base", "res.base", w.Base),
		elemText("p#result-outcome", tr(l, "outcome."+w.Outcome)).Class("outcome "+w.Outcome),
		app.If(w.Min != "", func() app.UI {
			return elemText("p#result-range.range", labelled(l, "res.range")+w.Min+" – "+w.Max+" "+tr(l, "res.yuan"))
		}),
		p.contributions(w.Contributions),
		p.warnings(p.resp.Warnings),
		p.explanation("result-explain", w.Steps),
		p.ruleSetLine(p.resp.RuleSet),
	)
}
