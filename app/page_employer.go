package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// maxRows bounds the rows typed by hand (a file import comes later).
const maxRows = 500

// employerPage is for a small employer's bookkeeper: the unit's payroll
// figures and its employees row by row (status included) → every
// individual base, their sum and the unit base with the rule that chose it.
type employerPage struct {
	app.Compo
	formPage

	imp      *payrollImport // a payroll file read on the page, if any
	printing string         // the print view shown: "approval", "publicity" or ""
	draftMsg string
	// pageCtx is the page's own context (from OnMount): an import's
	// progress and outcome are dispatched through it, since go-app drops a
	// dispatch whose source element is gone — the run button that started
	// the import is not drawn while it runs.
	pageCtx app.Context
	hasPage bool
}

func newEmployerPage() *employerPage { return newEmployerPageWith(nil) }

func newEmployerPageWith(f form) *employerPage {
	defaults := form{"date": defaultMonth(), "kind": "enterprise", "rows": "2", "source": "rows",
		"e.0.status": "active", "e.1.status": "active", "rounding": "half_up", "places": "2"}
	p := &employerPage{formPage: newFormPage(defaults, f, employerRequest, map[string]string{
		"employer.kind": "kind", "employer.monthly_avg_total_wages": "payroll",
		"employer.last_month_total_wages": "last", "employer": "payroll"})}
	p.mapField = rowField
	p.named("er.title", nil)
	return p
}

// rowField maps "employer.employees[3].monthly_wage" to the row field
// "e.3.wage" (and ".status" to "e.3.status").
func rowField(calcField string) string {
	rest, ok := strings.CutPrefix(calcField, "employer.employees[")
	if !ok {
		return ""
	}
	index, name, ok := strings.Cut(rest, "].")
	if _, err := strconv.Atoi(index); !ok || err != nil {
		return ""
	}
	switch name {
	case "status":
		return "e." + index + ".status"
	case "monthly_wage", "annual_wage", "months", "basic_wage", "total_wage", "approved_wage":
		return "e." + index + ".wage"
	}
	return ""
}

// rowCount reads the number of rows, within [1, maxRows].
func rowCount(f form) int {
	n, err := strconv.Atoi(f["rows"])
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxRows)
}

// employerRequest builds the request: every row, blank ones included, so
// nothing typed is dropped and a blank wage is named by its row.
func employerRequest(f form) (*estimate.Request, *calc.Error) {
	req := ruleRequest(f, false)
	if _, bundled := chosenRules(f); bundled && unitMethod(f) == "" && f["unitMethod"] == "" {
		return nil, &calc.Error{Code: calc.CodeEmployerIncomplete, Field: "rule.unit_method",
			Message:   "请选择单位缴费基数的确定方法：所选地区的规则未收录，按当地规定选择。",
			MessageEN: "Choose how the unit base is set: the chosen place's rules do not say; choose your place's."}
	}
	if m := f["unitMethod"]; m != "" && unitMethod(f) == "" {
		// The place's rules name no unit-base method: the person says
		// which their place uses (marked as entered by them).
		if req.Rule == nil {
			req.Rule = &estimate.Rule{}
		}
		req.Rule.UnitMethod = m
	}
	if f["source"] == "file" {
		// The file's rows are decided by the import; the form only
		// resolves the rules.
		return req, nil
	}
	e := &estimate.Employer{Kind: f["kind"], MonthlyAvgTotalWages: f["payroll"], LastMonthTotalWages: f["last"]}
	staff := staffWage(f)
	for i := 0; i < rowCount(f); i++ {
		k := fmt.Sprintf("e.%d.", i)
		id := f[k+"id"]
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		em := estimate.Employee{ID: id, Status: f[k+"status"]}
		switch {
		case staff == calc.WageBasic && em.Status != "rehired_retiree" && em.Status != "insured_elsewhere":
			em.BasicWage = f[k+"wage"]
		default:
			em.MonthlyWage = f[k+"wage"]
		}
		e.Employees = append(e.Employees, em)
	}
	req.Employer = e
	return req, nil
}

// staffWage is the wage the employer's staff are based on where the
// chosen rules give its kind a rule of its own (institutions under 89号
// 二(三): "basic"), or "" for the previous-year average wage.
func staffWage(f form) string {
	r, ok := chosenRules(f)
	if !ok || f["kind"] != string(calc.EmployerInstitution) {
		return ""
	}
	if ir := r.Bases[calc.Pension].Institution; ir != nil {
		return ir.Wage
	}
	return ""
}

// wageLabel is the row's wage label: the wage the staff are based on.
func wageLabel(f form) string {
	if w := staffWage(f); w != "" {
		return "er.wage." + w
	}
	return "er.wage"
}

// unitMethod is the unit-base method the chosen bundled rules use for the
// chosen kind of employer ("" when unknown: both payroll fields show).
func unitMethod(f form) calc.Method {
	r, ok := chosenRules(f)
	if !ok {
		return ""
	}
	return r.Bases[calc.Pension].Unit[calc.EmployerKind(f["kind"])].Method
}

// OnMount follows the language and restores a shared link.
func (p *employerPage) OnMount(ctx app.Context) {
	p.pageCtx, p.hasPage = ctx, true
	p.mount(ctx)
}

// OnNav restores a share link opened on this page.
func (p *employerPage) OnNav(ctx app.Context) { p.restore(ctx) }

// OnPreRender opens the page on the place a link names, on the server.
func (p *employerPage) OnPreRender(ctx app.Context) { p.prerender(ctx) }

func (p *employerPage) addRow(ctx app.Context, e app.Event) {
	n := rowCount(p.form)
	if n >= maxRows {
		return
	}
	p.form[fmt.Sprintf("e.%d.status", n)] = "active"
	p.set(ctx, "rows", strconv.Itoa(n+1))
}

// removeRow deletes row i, moving the rows after it up.
func (p *employerPage) removeRow(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		n := rowCount(p.form)
		if n <= 1 {
			return
		}
		for j := i; j < n-1; j++ {
			for _, f := range []string{"id", "wage", "status"} {
				p.form[fmt.Sprintf("e.%d.%s", j, f)] = p.form[fmt.Sprintf("e.%d.%s", j+1, f)]
			}
		}
		for _, f := range []string{"id", "wage", "status"} {
			delete(p.form, fmt.Sprintf("e.%d.%s", n-1, f))
		}
		p.set(ctx, "rows", strconv.Itoa(n-1)) // structural: syncDOM moves the values up
	}
}

// Render draws the page.
func (p *employerPage) Render() app.UI {
	p.beginRender()
	l := p.lang
	method := unitMethod(p.form)
	n := rowCount(p.form)
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	fromFile := p.form["source"] == "file"
	return page(l, "/employer",
		elem("div",
			elem("div.screen").Body(p.employerForm(method, rows, fromFile)...),
			p.printViews(),
		).Class("printing-"+p.printing),
	)
}

// employerForm is the page as seen on screen: the rules, the employer,
// the employees by hand or from a file, the result, the year-start
// documents and the draft buttons.
func (p *employerPage) employerForm(method calc.Method, rows []int, fromFile bool) []app.UI {
	l := p.lang
	return []app.UI{
		elemText("h1", tr(l, "er.title")),
		elemText("p.intro", tr(l, "er.intro")),
		elem("form#form.calc",
			p.rulePicker(false),
			group("unit", tr(l, "er.kind"),
				p.selectField("kind", "er.kind", []choice{
					{"enterprise", tr(l, "er.kind.enterprise")}, {"institution", tr(l, "er.kind.institution")},
					{"social_organization", tr(l, "er.kind.social_organization")}}),
				app.If(method == "" && p.form["place"] != "" && p.form["place"] != customPlace, func() app.UI {
					return p.selectField("unitMethod", "er.method", []choice{{"", tr(l, "er.method.none")},
						{string(calc.MethodSumOfBases), tr(l, "er.method.sum_of_bases")}, {string(calc.MethodMaxPayrollOrSum), tr(l, "er.method.max_payroll_or_sum")},
						{string(calc.MethodAveragePayroll), tr(l, "er.method.avg_payroll")}, {string(calc.MethodLastMonthPayroll), tr(l, "er.method.last_month_payroll")}})
				}),
				app.If(method != calc.MethodLastMonthPayroll && method != calc.MethodSumOfBases, func() app.UI {
					return p.field(fieldOpts{name: "payroll", label: "er.payroll", hint: tr(l, "er.payroll.hint")})
				}),
				app.If(method == "" || method == calc.MethodLastMonthPayroll, func() app.UI {
					return p.field(fieldOpts{name: "last", label: "er.last"})
				}),
			),
			p.selectField("source", "er.source", []choice{{"rows", tr(l, "er.source.rows")}, {"file", tr(l, "er.source.file")}}),
			app.If(!fromFile, func() app.UI {
				return group("staff", tr(l, "er.staff"),
					app.Range(rows).Slice(func(i int) app.UI { return p.row(i) }),
					btnText("#add-row.secondary", tr(l, "er.add")).OnClick(p.addRow),
				)
			}),
		),
		app.If(fromFile, func() app.UI { return p.importSection() }).Else(func() app.UI { return p.resultBox(p.result) }),
		p.checklist(),
		app.If(!p.kiosk, func() app.UI { return p.drafts() }),
	}
}

// employeeRows are the typed-in employees' results as table rows.
func employeeRows(l Lang, employees []estimate.EmployeeOut) [][]string {
	rows := make([][]string, len(employees))
	for i, em := range employees {
		base := em.Base
		if base == "" {
			base = "—"
		}
		rows[i] = []string{em.ID, em.Wage, base, tr(l, "outcome."+em.Outcome)}
	}
	return rows
}

// row renders one employee row: id, wage, status and a remove button.
func (p *employerPage) row(i int) app.UI {
	l := p.lang
	k := fmt.Sprintf("e.%d.", i)
	return elem("div.row",
		p.field(fieldOpts{name: k + "id", label: "er.id", kind: "text"}),
		p.field(fieldOpts{name: k + "wage", label: wageLabel(p.form)}),
		p.selectField(k+"status", "er.status", []choice{
			{"active", tr(l, "status.active")}, {"rehired_retiree", tr(l, "status.rehired_retiree")},
			{"insured_elsewhere", tr(l, "status.insured_elsewhere")}}),
		btnText(".remove", tr(l, "er.remove")).Aria("label", fmt.Sprintf(tr(l, "er.row"), i+1)+" "+tr(l, "er.remove")).OnClick(p.removeRow(i)),
	).ID(fmt.Sprintf("row-%d", i)).Role("group").Aria("label", fmt.Sprintf(tr(l, "er.row"), i+1))
}

func (p *employerPage) result() app.UI {
	l := p.lang
	e := p.resp.Employer
	return elem("div",
		p.figure("result-unit-base", "er.unitBase", e.Base),
		elemText("p#result-decided.outcome", tr(l, "er.decided."+e.DecidedBy)),
		p.figure("result-sum", "er.sum", e.SumEmployeeBases),
		textTable("result-employees", "roster",
			[]string{tr(l, "er.id"), tr(l, wageLabel(p.form)), tr(l, "res.base"), tr(l, "er.status")}, employeeRows(l, e.Employees), 2),
		app.If(e.ExemptWages != "", func() app.UI { return p.figure("result-exempt", "er.exempt", e.ExemptWages) }),
		p.contributions(e.Contributions),
		p.warnings(p.resp.Warnings),
		p.explanation("result-explain", e.Steps),
		p.ruleSetLine(p.resp.RuleSet),
		elem("div.tools",
			btnText("#rows-print-approval.secondary", tr(l, "imp.printApproval")).OnClick(p.printForm("approval")),
			btnText("#rows-print-publicity.secondary", tr(l, "imp.printPublicity")).OnClick(p.printForm("publicity")),
		),
	)
}
