package app

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/payroll"
	"sibase/calc/rules"
)

// printRow is one employee on a printed form.
type printRow struct {
	name, staffID, idNumber, status, wage, base, outcome string
}

// printData gathers what the print views show, from the imported file
// when the page works from one, else from the rows typed in: the
// employees, the unit base and how it was decided, and Σ bases.
func (p *employerPage) printData() (rows []printRow, unitBase, sum, decidedBy, payrollText string, ok bool) {
	if p.form["source"] == "file" {
		if p.imp == nil || p.imp.summary == nil {
			return nil, "", "", "", "", false
		}
		for _, e := range p.imp.entries {
			r := printRow{name: e.Row.Name, staffID: e.Row.StaffID, idNumber: e.Row.IDNumber, status: payroll.StatusLabel(e.Row.Status), outcome: e.Result.Outcome.Label()}
			if e.Result.Base != nil {
				r.base = calc.Yuan(*e.Result.Base)
			}
			if e.Result.Wage != nil {
				r.wage = calc.Yuan(*e.Result.Wage)
			}
			rows = append(rows, r)
		}
		emp := p.imp.summary.Employer
		if emp.Payroll != nil {
			payrollText = calc.Yuan(*emp.Payroll)
		}
		return rows, calc.Yuan(emp.Base), calc.Yuan(emp.SumEmployeeBases), emp.DecidedBy, payrollText, true
	}
	if p.resp == nil || p.resp.Employer == nil {
		return nil, "", "", "", "", false
	}
	e := p.resp.Employer
	for _, em := range e.Employees {
		rows = append(rows, printRow{name: em.ID, status: payroll.StatusLabel(calc.EmployeeStatus(em.Status)), wage: em.Wage, base: em.Base,
			outcome: calc.Outcome(em.Outcome).Label()})
	}
	return rows, e.Base, e.SumEmployeeBases, e.DecidedBy, e.Payroll, true
}

// printViews renders the two forms for A4 paper: 基本养老保险缴费基数核定表
// (the base approval form the employer brings to the bureau, 3号 三(一)1)
// and 缴费基数公示表 (the base publicity sheet posted inside the company,
// ID numbers masked). They show only in print, and only the one asked for.
func (p *employerPage) printViews() app.UI {
	if p.printing == "" {
		return app.Text("")
	}
	rows, unitBase, sum, decidedBy, payrollText, ok := p.printData()
	if !ok {
		return app.Text("")
	}
	cite := ""
	if rs, found := rules.ByID(p.form["set"]); found {
		cite = rs.Document
	}
	if p.printing == "publicity" {
		return app.Section().ID("print-publicity").Class("print-view").Body(
			app.H1().Text("缴费基数公示表"),
			app.P().Text("缴费月份:"+p.form["date"]+" · 依据:"+cite),
			app.Table().Class("print-table").Body(
				app.THead().Body(app.Tr().Body(app.Th().Text("序号"), app.Th().Text("姓名"), app.Th().Text("身份证号码"), app.Th().Text("个人缴费基数(元)"))),
				app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
					r := rows[i]
					base := r.base
					if base == "" {
						base = r.outcome
					}
					return app.Tr().Body(app.Td().Text(strconv.Itoa(i+1)), app.Td().Text(r.name), app.Td().Text(payroll.MaskIDNumber(r.idNumber)), app.Td().Class("num").Text(base))
				})),
			),
			app.P().Text("单位缴费基数:"+unitBase+" 元"),
			app.P().Class("sign").Text("如对本人缴费基数有异议,请在公示期内向单位人事或财务部门提出。    单位(盖章):            日期:"),
		)
	}
	return app.Section().ID("print-approval").Class("print-view").Body(
		app.H1().Text("基本养老保险缴费基数核定表"),
		app.Table().Class("print-meta").Body(app.TBody().Body(
			app.Tr().Body(app.Th().Text("缴费月份"), app.Td().Text(p.form["date"]), app.Th().Text("依据"), app.Td().Text(cite)),
			app.Tr().Body(app.Th().Text("上年月平均工资总额"), app.Td().Text(payrollText), app.Th().Text("个人缴费基数之和"), app.Td().Text(sum)),
			app.Tr().Body(app.Th().Text("单位缴费基数"), app.Td().Text(unitBase), app.Th().Text("核定方式"), app.Td().Text(tr(Zh, "er.decided."+decidedBy))),
			app.Tr().Body(app.Th().Text("人数"), app.Td().Text(strconv.Itoa(len(rows))), app.Th().Text(""), app.Td().Text("")),
		)),
		app.Table().Class("print-table").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("序号"), app.Th().Text("姓名"), app.Th().Text("工号"), app.Th().Text("身份证号码"),
				app.Th().Text("人员类别"), app.Th().Text("上年月平均工资"), app.Th().Text("个人缴费基数"), app.Th().Text("核定情况"))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				return app.Tr().Body(app.Td().Text(strconv.Itoa(i+1)), app.Td().Text(r.name), app.Td().Text(r.staffID), app.Td().Text(r.idNumber),
					app.Td().Text(r.status), app.Td().Class("num").Text(r.wage), app.Td().Class("num").Text(r.base), app.Td().Text(r.outcome))
			})),
		),
		app.P().Class("sign").Text("单位(盖章):                经办人:                日期:                社保经办机构审核:"),
	)
}

// checklist lists the documents the rules ask an employer to bring at
// the start of the year, each with its clause.
func (p *employerPage) checklist() app.UI {
	rs, ok := rules.ByID(p.form["set"])
	if !ok {
		return app.Text("")
	}
	m, err := calc.ParseMonth("date", p.form["date"])
	if err != nil {
		return app.Text("")
	}
	r, cerr := rs.At(m)
	if cerr != nil || r.YearRules == nil || len(r.YearRules.Documents) == 0 {
		return app.Text("")
	}
	docs := r.YearRules.Documents
	return app.Section().ID("checklist").Class("checklist").Body(
		app.H2().Text(tr(p.lang, "er.checklist")),
		app.Ul().Body(app.Range(docs).Slice(func(i int) app.UI {
			d := docs[i]
			return app.Li().Body(app.Span().Text(pick(p.lang, d.Name, d.NameEN)), app.Span().Class("ref").Text(d.Cite.String()))
		})),
	)
}

// draftKey is where a draft of the typed-in form is kept on this device,
// only when the person asks (never in kiosk mode).
const draftKey = "sibase-employer-draft"

// drafts renders the save, restore and delete buttons.
func (p *employerPage) drafts() app.UI {
	l := p.lang
	return app.Section().ID("drafts").Class("drafts").Body(
		app.P().Class("hint").Text(tr(l, "er.draft.hint")),
		app.Div().Class("tools").Body(
			app.Button().ID("draft-save").Type("button").Class("secondary").OnClick(p.saveDraft).Text(tr(l, "er.draft.save")),
			app.Button().ID("draft-load").Type("button").Class("secondary").OnClick(p.loadDraft).Text(tr(l, "er.draft.load")),
			app.Button().ID("draft-delete").Type("button").Class("secondary").OnClick(p.deleteDraft).Text(tr(l, "er.draft.delete")),
		),
		app.If(p.draftMsg != "", func() app.UI { return app.P().ID("draft-msg").Role("status").Text(p.draftMsg) }),
	)
}

func (p *employerPage) saveDraft(ctx app.Context, e app.Event) {
	if p.kiosk {
		return
	}
	data, _ := json.Marshal(p.form)
	if err := ctx.LocalStorage().Set(draftKey, string(data)); err != nil {
		p.draftMsg = err.Error()
		return
	}
	p.draftMsg = tr(p.lang, "er.draft.saved")
}

func (p *employerPage) loadDraft(ctx app.Context, e app.Event) {
	var data string
	if err := ctx.LocalStorage().Get(draftKey, &data); err != nil || data == "" {
		p.draftMsg = tr(p.lang, "er.draft.none")
		return
	}
	f := form{}
	if err := json.Unmarshal([]byte(data), &f); err != nil {
		p.draftMsg = tr(p.lang, "er.draft.none")
		return
	}
	p.form = f
	p.recompute()
	p.share(ctx)
	p.syncDOM(ctx)
	p.draftMsg = tr(p.lang, "er.draft.loaded")
}

func (p *employerPage) deleteDraft(ctx app.Context, e app.Event) {
	ctx.LocalStorage().Del(draftKey)
	p.draftMsg = tr(p.lang, "er.draft.deleted")
}
