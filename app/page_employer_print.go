package app

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/payroll"
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
			rows = append(rows, printRow{name: e.name, staffID: e.staffID, idNumber: e.idNumber, status: payroll.StatusLabel(e.status),
				outcome: e.outcome.Label(), wage: yuanOf(e.wageFen), base: yuanOf(e.baseFen)})
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
	if r, found := chosenRules(p.form); found {
		cite = r.Set.Document
	}
	date := p.form["date"]
	if p.printing == "publicity" {
		body := make([][]string, len(rows))
		for i, r := range rows {
			base := r.base
			if base == "" {
				base = r.outcome
			}
			body[i] = []string{strconv.Itoa(i + 1), r.name, payroll.MaskIDNumber(r.idNumber), base}
		}
		return elem("div#print-publicity.print-view",
			elemText("h1", "缴费基数公示表"),
			elemText("p", "缴费月份："+date+" · 依据："+cite),
			textTable("", "print-table", []string{"序号", "姓名", "身份证号码", "个人缴费基数（元）"}, body, 3),
			elemText("p", "单位缴费基数："+unitBase+" 元"),
			elemText("p.sign", "如对本人缴费基数有异议，请在公示期内向单位人事或财务部门提出。    单位（盖章）:            日期："),
		)
	}
	body := make([][]string, len(rows))
	for i, r := range rows {
		body[i] = []string{strconv.Itoa(i + 1), r.name, r.staffID, r.idNumber, r.status, r.wage, r.base, r.outcome}
	}
	return elem("div#print-approval.print-view",
		elemText("h1", "基本养老保险缴费基数核定表"),
		termList("", "print-meta", []pair{
			{"", "缴费月份", date}, {"", "依据", cite}, {"", "上年月平均工资总额", payrollText}, {"", "个人缴费基数之和", sum},
			{"", "单位缴费基数", unitBase}, {"", "核定方式", tr(Zh, "er.decided."+decidedBy)}, {"", "人数", strconv.Itoa(len(rows))},
		}),
		textTable("", "print-table", []string{"序号", "姓名", "工号", "身份证号码", "人员类别", "上年月平均工资", "个人缴费基数", "核定情况"}, body, 5, 6),
		elemText("p.sign", "单位（盖章）:                经办人：                日期：                社保经办机构审核："),
	)
}

// checklist lists the documents the rules ask an employer to bring at
// the start of the year, each with its clause.
func (p *employerPage) checklist() app.UI {
	r, ok := chosenRules(p.form)
	if !ok || r.YearRules == nil || len(r.YearRules.Documents) == 0 {
		return app.Text("")
	}
	docs := r.YearRules.Documents
	return elem("section#checklist.checklist",
		elemText("h2", tr(p.lang, "er.checklist")),
		elem("ul", app.Range(docs).Slice(func(i int) app.UI {
			d := docs[i]
			return elem("li", elemText("span", pick(p.lang, d.Name, d.NameEN)), elemText("span.ref", d.Cite.String()))
		})),
	)
}

// draftKey is where a draft of the typed-in form is kept on this device,
// only when the person asks (never in kiosk mode).
const draftKey = "sibase-employer-draft"

// drafts renders the save, restore and delete buttons.
func (p *employerPage) drafts() app.UI {
	l := p.lang
	return elem("div#drafts.drafts",
		elemText("p.hint", tr(l, "er.draft.hint")),
		elem("div.tools",
			btnText("#draft-save.secondary", tr(l, "er.draft.save")).OnClick(p.saveDraft),
			btnText("#draft-load.secondary", tr(l, "er.draft.load")).OnClick(p.loadDraft),
			btnText("#draft-delete.secondary", tr(l, "er.draft.delete")).OnClick(p.deleteDraft),
		),
		app.If(p.draftMsg != "", func() app.UI { return elemText("p#draft-msg", p.draftMsg).Role("status") }),
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
