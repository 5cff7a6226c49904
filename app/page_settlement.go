package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// settlementPage settles months paid on a carried-over base
// (庆社险函〔2011〕3号 四.3) for the worker and the unit, and answers the
// year's other questions: may an individual base be corrected (四.2), does
// an event reopen the unit base (四.1).
type settlementPage struct {
	app.Compo
	formPage
}

func newSettlementPage() *settlementPage { return newSettlementPageWith(nil) }

func newSettlementPageWith(f form) *settlementPage {
	defaults := form{"date": defaultMonth(), "kind": "enterprise", "rounding": "half_up", "places": "2"}
	p := &settlementPage{formPage: newFormPage(defaults, f, settlementRequest, map[string]string{
		"worker.monthly_wage": "wage", "carry_over.worker_base": "provWorker", "carry_over.unit_base": "provUnit",
		"carry_over.months": "months", "employer.monthly_avg_total_wages": "payroll", "rule.rates.unit": "rateUnit",
		"correction.base_month": "baseMonth", "correction.asked": "asked", "unit_event": "event", "worker": "wage", "employer": "payroll"})}
	// 庆社险函〔2011〕3号 四's own example, where no place is known.
	p.supports = hasSettlementRules
	p.named("st.title", form{"place": "230000", "city": "230600", "date": "2011-06"})
	return p
}

// hasSettlementRules reports whether the bundled rules for the form's
// place and month have year rules (carry-over, settlement): 3号's.
func hasSettlementRules(f form) bool {
	r, ok := chosenRules(f)
	return ok && r.YearRules != nil
}

// settlementRequest builds the request: the worker part when a wage or a
// carried-over base is typed, the unit part likewise, the questions when
// asked.
func settlementRequest(f form) (*estimate.Request, *calc.Error) {
	req := ruleRequest(f, false)
	months, err := calc.ParseMonths("carry_over.months", f["months"])
	if err != nil {
		return nil, err
	}
	if f["rateUnit"] != "" {
		if req.Rule == nil {
			req.Rule = &estimate.Rule{}
		}
		req.Rule.Rates = &estimate.Rates{Unit: f["rateUnit"]}
	}
	co := &estimate.CarryOver{WorkerBase: f["provWorker"], UnitBase: f["provUnit"]}
	if months > 0 {
		co.Months = &months
	}
	if f["wage"] != "" || f["provWorker"] != "" {
		req.Worker = &estimate.Worker{Kind: "employee", MonthlyWage: f["wage"]}
	}
	if f["payroll"] != "" || f["provUnit"] != "" {
		req.Employer = &estimate.Employer{Kind: "enterprise", MonthlyAvgTotalWages: f["payroll"]}
	}
	if co.WorkerBase != "" || co.UnitBase != "" {
		req.CarryOver = co
	}
	if f["baseMonth"] != "" || f["asked"] != "" {
		req.Correction = &estimate.Correction{BaseMonth: f["baseMonth"], Asked: f["asked"], Written: f["written"] == "yes"}
	}
	req.UnitEvent = f["event"]
	return req, nil
}

// OnMount follows the language and restores a shared link.
func (p *settlementPage) OnMount(ctx app.Context) { p.mount(ctx) }

// OnNav restores a share link opened on this page.
func (p *settlementPage) OnNav(ctx app.Context) { p.restore(ctx) }

// OnPreRender opens the page on the place a link names, on the server.
func (p *settlementPage) OnPreRender(ctx app.Context) { p.prerender(ctx) }

func (p *settlementPage) onWritten(ctx app.Context, e app.Event) {
	v := ""
	if ctx.JSSrc().Get("checked").Bool() {
		v = "yes"
	}
	p.set(ctx, "written", v)
}

// Render draws the page.
func (p *settlementPage) Render() app.UI {
	p.beginRender()
	l := p.lang
	events := []choice{{"", tr(l, "st.event.none")}}
	for _, e := range []string{"new_hire", "leaver", "wage_change", "bulk_transfer", "split", "merger"} {
		events = append(events, choice{e, tr(l, "st.event."+e)})
	}
	return page(l, "/settlement",
		elemText("h1", tr(l, "st.title")),
		elemText("p.intro", tr(l, "st.intro")),
		app.If(p.unsupported != "", func() app.UI {
			return elemText("p#unsupported.warnings", strings.ReplaceAll(tr(l, "st.unsupported"), "%s", placeName(l, p.unsupported)))
		}),
		elem("form#form.calc",
			p.rulePicker(false),
			group("worker", tr(l, "st.worker"),
				p.field(fieldOpts{name: "wage", label: "st.wage"}),
				p.field(fieldOpts{name: "provWorker", label: "st.provWorker"}),
			),
			group("unit", tr(l, "st.unit"),
				p.field(fieldOpts{name: "payroll", label: "st.payroll"}),
				p.field(fieldOpts{name: "provUnit", label: "st.provUnit"}),
				p.field(fieldOpts{name: "rateUnit", label: "st.rateUnit", kind: "ratio"}),
			),
			group("carry", tr(l, "st.carry"),
				p.field(fieldOpts{name: "months", label: "st.months", kind: "int"}),
			),
			group("questions", tr(l, "st.questions"),
				p.field(fieldOpts{name: "baseMonth", label: "st.baseMonth", kind: "month"}),
				p.field(fieldOpts{name: "asked", label: "st.asked", kind: "month"}),
				elem("div.field.check",
					elem("input#written").Attr("type", "checkbox").Attr("checked", p.form["written"] == "yes").OnChange(p.onWritten),
					labelFor("written", tr(l, "st.written")),
				),
				p.selectField("event", "st.event", events),
			),
		),
		p.resultBox(p.result),
	)
}

// withUnit appends a unit to a figure, or gives "" for no figure.
func withUnit(figure, unit string) string {
	if figure == "" {
		return ""
	}
	return figure + " " + unit
}

func (p *settlementPage) result() app.UI {
	l := p.lang
	r := p.resp
	var parts []app.UI
	if r.Settlement != nil {
		for _, s := range []struct {
			id, key string
			part    *estimate.SettlementPart
		}{{"worker", "st.worker", r.Settlement.Worker}, {"unit", "st.unit", r.Settlement.Unit}} {
			if s.part == nil {
				continue
			}
			part := s.part
			parts = append(parts, elem("div.settle",
				elemText("h2", tr(l, s.key)),
				elemText("p", tr(l, "st."+part.Direction)).ID("settle-"+s.id+"-direction").Class("outcome "+part.Direction),
				termList("", "", []pair{
					{"", tr(l, "st.baseDiff"), part.BaseDifference + " " + tr(l, "res.perMonth")},
					{"", tr(l, "st.perMonth"), withUnit(part.PerMonth, tr(l, "res.yuan"))},
					{"settle-" + s.id + "-total", tr(l, "st.total"), withUnit(part.Total, tr(l, "res.yuan"))},
				}),
				p.explanation("settle-"+s.id+"-explain", part.Steps),
			).ID("settle-"+s.id))
		}
	}
	if r.Worker != nil && r.Settlement == nil {
		parts = append(parts, p.figure("result-base", "res.base", r.Worker.Base), p.explanation("result-explain", r.Worker.Steps))
	}
	if r.Employer != nil && r.Settlement == nil {
		parts = append(parts, p.figure("result-unit-base", "er.unitBase", r.Employer.Base), p.explanation("result-unit-explain", r.Employer.Steps))
	}
	for i, a := range r.Answers {
		yes, no := "st.yes", "st.no"
		if a.Question != "correction" {
			yes, no = "st.recompute.yes", "st.recompute.no"
		}
		verdict := tr(l, no)
		if a.Yes {
			verdict = tr(l, yes)
		}
		parts = append(parts, elem("div.answer",
			elemText("strong", verdict),
			elemText("span", " "+pick(l, a.Text, a.TextEN)),
			elemText("span.ref", a.Ref),
		).ID("answer-"+[]string{"0", "1"}[min(i, 1)]))
	}
	if len(parts) == 0 {
		parts = append(parts, elemText("p#result-none", tr(l, "res.none")))
	}
	parts = append(parts, p.warnings(r.Warnings), p.ruleSetLine(r.RuleSet))
	return el("div").Body(parts...)
}
