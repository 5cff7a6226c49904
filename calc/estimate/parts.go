package estimate

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// notFor refuses a field that does not belong to the worker kind, so
// nothing typed is silently ignored.
func notFor(field, value, kind string) *calc.Error {
	if value == "" {
		return nil
	}
	return &calc.Error{Code: calc.CodeConflict, Field: field,
		Message:   fmt.Sprintf("%s 不适用于 %s 类人员；请删去或改选人员类别。", field, kind),
		MessageEN: fmt.Sprintf("%s does not apply to a %s worker; remove it or change the kind.", field, kind)}
}

func firstErr(errs ...*calc.Error) *calc.Error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func wageInput(prefix, monthly, annual string, months int) (calc.WageInput, *calc.Error) {
	var in calc.WageInput
	var err *calc.Error
	if in.MonthlyWage, err = calc.ParseOptionalAmount(prefix+".monthly_wage", monthly); err != nil {
		return in, err
	}
	if in.AnnualWage, err = calc.ParseOptionalAmount(prefix+".annual_wage", annual); err != nil {
		return in, err
	}
	if in.MonthlyWage != nil && (in.AnnualWage != nil || months != 0) {
		return in, &calc.Error{Code: calc.CodeConflict, Field: prefix + ".annual_wage",
			Message:   "月平均工资与上年工资总额只能填写一种。",
			MessageEN: "Give the monthly average wage or the annual total, not both."}
	}
	in.Months = months
	if in.AnnualWage != nil && months == 0 {
		return in, required(prefix+".months", "填写了上年工资总额，还需填写工作月数（1–12）。", "With an annual total, give the months worked (1–12).")
	}
	return in, nil
}

// institutionInput parses an institution worker's wages.
func institutionInput(prefix, basic, total, approved string) (calc.InstitutionInput, *calc.Error) {
	var in calc.InstitutionInput
	var err *calc.Error
	if in.BasicWage, err = calc.ParseOptionalAmount(prefix+".basic_wage", basic); err != nil {
		return in, err
	}
	if in.TotalWage, err = calc.ParseOptionalAmount(prefix+".total_wage", total); err != nil {
		return in, err
	}
	in.ApprovedWage, err = calc.ParseOptionalAmount(prefix+".approved_wage", approved)
	return in, err
}

// nonZero is d, or nil when it is zero.
func nonZero(d decimal.Decimal) *decimal.Decimal {
	if d.IsZero() {
		return nil
	}
	return &d
}

func worker(r *calc.Rules, ins calc.Insurance, w *Worker, resp *Response) (*WorkerOut, *calc.Error) {
	out := &WorkerOut{Kind: w.Kind}
	var res calc.WorkerResult
	var err *calc.Error
	payer := calc.PayerIndividual
	var unitBase *decimal.Decimal
	switch w.Kind {
	case "employee":
		switch calc.EmployerKind(w.Employer) {
		case "", calc.EmployerEnterprise, calc.EmployerInstitution, calc.EmployerSocialOrg:
		default:
			return nil, &calc.Error{Code: calc.CodeKindInvalid, Field: "worker.employer",
				Message:   fmt.Sprintf("单位类型应为 enterprise（企业）、institution（机关事业单位）或 social_organization（社会团体），收到 “%s”。", w.Employer),
				MessageEN: fmt.Sprintf("The employer kind must be enterprise, institution or social_organization; got %q.", w.Employer)}
		}
		if err = firstErr(notFor("worker.ratio", w.Ratio, w.Kind), notFor("worker.amount", w.Amount, w.Kind),
			notFor("worker.basic_wage", w.BasicWage, w.Kind), notFor("worker.total_wage", w.TotalWage, w.Kind),
			notFor("worker.approved_wage", w.ApprovedWage, w.Kind)); err != nil {
			return nil, err
		}
		in, err := wageInput("worker", w.MonthlyWage, w.AnnualWage, w.Months)
		if err != nil {
			return nil, err
		}
		if res, err = r.EmployeeBase(ins, in, "worker"); err != nil {
			return nil, err
		}
		unitBase = &res.Base
	case "flexible":
		if err = firstErr(notFor("worker.monthly_wage", w.MonthlyWage, w.Kind), notFor("worker.annual_wage", w.AnnualWage, w.Kind),
			notFor("worker.basic_wage", w.BasicWage, w.Kind), notFor("worker.total_wage", w.TotalWage, w.Kind),
			notFor("worker.approved_wage", w.ApprovedWage, w.Kind)); err != nil {
			return nil, err
		}
		var c calc.FlexibleChoice
		if w.Ratio != "" {
			d, err := calc.ParseRatio("worker.ratio", w.Ratio)
			if err != nil {
				return nil, err
			}
			c.Ratio = &d
		}
		if c.Amount, err = calc.ParseOptionalAmount("worker.amount", w.Amount); err != nil {
			return nil, err
		}
		if res, err = r.FlexibleBase(ins, c, "worker"); err != nil {
			return nil, err
		}
		payer = calc.PayerFlexible
		if fl, e := r.FlexibleLimits(); e == nil && ins == calc.Pension {
			out.Tiers, out.Choice = fl.Tiers, string(fl.Choice)
			if d := r.Flexible.DepartsFrom; d != nil {
				resp.Warnings = append(resp.Warnings, calc.Warning{Code: calc.WarnDeparts,
					Message:   "这些数字与 " + d.String() + " 的规定不同：" + d.Note,
					MessageEN: "These figures depart from " + d.String() + ": " + d.NoteEN})
			}
		}
		if r.Set != nil && ins == calc.Pension {
			resp.FlexibleSchedule = r.Set.FlexibleSchedule()
		}
	case "institution":
		if err = firstErr(notFor("worker.ratio", w.Ratio, w.Kind), notFor("worker.amount", w.Amount, w.Kind),
			notFor("worker.monthly_wage", w.MonthlyWage, w.Kind), notFor("worker.annual_wage", w.AnnualWage, w.Kind)); err != nil {
			return nil, err
		}
		in, err := institutionInput("worker", w.BasicWage, w.TotalWage, w.ApprovedWage)
		if err != nil {
			return nil, err
		}
		if res, err = r.InstitutionBase(ins, in, "worker"); err != nil {
			return nil, err
		}
		payer = calc.PayerInstitution
	case "":
		return nil, required("worker.kind", "请选择人员类别：employee（职工）、flexible（灵活就业人员/个体工商户）或 institution（机关事业单位）。",
			"Choose the worker kind: employee, flexible or institution.")
	default:
		return nil, &calc.Error{Code: calc.CodeKindInvalid, Field: "worker.kind",
			Message:   fmt.Sprintf("人员类别应为 employee、flexible 或 institution，收到 “%s”。", w.Kind),
			MessageEN: fmt.Sprintf("The worker kind must be employee, flexible or institution; got %q.", w.Kind)}
	}
	out.Base, out.Min, out.Max = calc.Yuan(res.Base), optYuan(res.Min), optYuan(res.Max)
	out.Wage = optYuan(res.Wage)
	out.Outcome, out.OutcomeText = string(res.Outcome), res.Outcome.Label()
	out.Steps = res.Steps
	base := res.Base
	n := len(out.Steps)
	out.Contributions = contribution(r, ins, unitBase, &base, payer, &out.Steps)
	if out.Contributions != nil && out.Contributions.Unit != "" {
		// Under a dual base the unit pays on the unit base; what it pays
		// on this worker's base is shown for reference only.
		s := &out.Steps[n]
		s.Text += "（按本人基数计算，仅供参考；单位实际按单位缴费基数缴费）"
		s.TextEN += " (on this worker's base, for reference: the unit pays on the unit base)"
	}
	return out, nil
}

func employer(r *calc.Rules, ins calc.Insurance, e *Employer, resp *Response) (*EmployerOut, *calc.Error) {
	if len(e.Employees) > MaxEmployees {
		return nil, &calc.Error{Code: CodeTooManyEmployees, Field: "employer.employees",
			Message:   fmt.Sprintf("一次最多列出 %d 名职工（收到 %d 名）；人数更多请用工资表导入或 roster 命令。", MaxEmployees, len(e.Employees)),
			MessageEN: fmt.Sprintf("At most %d employees per request (got %d); for more, import a payroll file or use the roster command.", MaxEmployees, len(e.Employees))}
	}
	in := calc.EmployerInput{Kind: calc.EmployerKind(e.Kind), Employees: make([]calc.EmployeeInput, len(e.Employees))}
	if e.Kind == "" {
		return nil, required("employer.kind", "请选择单位类型：enterprise（企业）、institution（机关事业单位）或 social_organization（社会团体）。",
			"Choose the employer kind: enterprise, institution or social_organization.")
	}
	var err *calc.Error
	if in.MonthlyAvgTotalWages, err = calc.ParseOptionalAmount("employer.monthly_avg_total_wages", e.MonthlyAvgTotalWages); err != nil {
		return nil, err
	}
	if in.LastMonthTotalWages, err = calc.ParseOptionalAmount("employer.last_month_total_wages", e.LastMonthTotalWages); err != nil {
		return nil, err
	}
	if in.ApprovedWages, err = calc.ParseOptionalAmount("employer.approved_wages", e.ApprovedWages); err != nil {
		return nil, err
	}
	for i, em := range e.Employees {
		prefix := fmt.Sprintf("employer.employees[%d]", i)
		ei := calc.EmployeeInput{ID: em.ID, Status: calc.EmployeeStatus(em.Status)}
		if ei.Wage, err = wageInput(prefix, em.MonthlyWage, em.AnnualWage, em.Months); err != nil {
			return nil, err
		}
		if em.BasicWage != "" || em.TotalWage != "" || em.ApprovedWage != "" {
			inst, err := institutionInput(prefix, em.BasicWage, em.TotalWage, em.ApprovedWage)
			if err != nil {
				return nil, err
			}
			ei.Institution = &inst
		}
		in.Employees[i] = ei
	}
	res, err := r.EmployerBase(ins, in, "employer")
	if err != nil {
		return nil, err
	}
	if res.PayrollEstimated {
		resp.Warnings = append(resp.Warnings, calc.Warning{Code: calc.WarnPayrollEst,
			Message:   "未填写上年月平均工资总额：sibase 以所列人员的月工资合计估算，这不是文件规定的数字；请填写单位统计的实际数字。",
			MessageEN: "No payroll was given: sibase estimated it from the listed wages, which is not a figure the notice sets; enter the unit's actual figure."})
	}
	out := &EmployerOut{Kind: e.Kind, Base: calc.Yuan(res.Base), SumEmployeeBases: calc.Yuan(res.SumEmployeeBases), ExemptWages: optYuan(nonZero(res.ExemptWages)),
		Payroll: optYuan(res.Payroll), DecidedBy: res.DecidedBy, Method: string(res.Method),
		Counts: map[string]int{}, Employees: make([]EmployeeOut, len(res.Employees)), Steps: res.Steps}
	for o, n := range res.Counts {
		out.Counts[string(o)] = n
	}
	for i, er := range res.Employees {
		out.Employees[i] = EmployeeOut{ID: er.ID, Status: string(er.Status), Base: optYuan(er.Base), Wage: optYuan(er.Wage),
			Outcome: string(er.Outcome), Steps: er.Steps}
	}
	base := res.Base
	out.Contributions = contribution(r, ins, &base, nil, calc.PayerIndividual, &out.Steps)
	return out, nil
}

// carried says which bases are kept from last year (庆社险函〔2011〕3号
// 四.3) and why: the worker's while the average is unpublished, the
// unit's while the average is unpublished or the employer's previous-year
// payroll is not yet known.
type carried struct {
	worker, unit bool
	why          string // "average" or "payroll"
}

// carriedParts decides what a request's carry_over keeps: a base given
// there is carried when its figures are not yet known, and settled
// against the new one when they are.
func carriedParts(r *calc.Rules, ins calc.Insurance, req *Request) (carried, *calc.Error) {
	var c carried
	if req.CarryOver == nil {
		return c, nil
	}
	if r.YearRules == nil {
		return c, &calc.Error{Code: calc.CodeInsuranceUnsupported, Field: "carry_over",
			Message: "所选规则没有关于沿用与补收的条款。", MessageEN: "The chosen rules have no clause on carry-over and settlement."}
	}
	_, err := r.Limits()
	averageUnknown := err != nil && err.Code == calc.CodeAverageRequired
	payrollUnknown := false
	if e := req.Employer; e != nil && e.MonthlyAvgTotalWages == "" {
		if sch, ok := r.Bases[ins]; ok {
			m := sch.Unit[calc.EmployerKind(e.Kind)].Method
			payrollUnknown = m == calc.MethodMaxPayrollOrSum || m == calc.MethodAveragePayroll
		}
	}
	c.worker = averageUnknown && req.CarryOver.WorkerBase != ""
	c.unit = (averageUnknown || payrollUnknown) && req.CarryOver.UnitBase != ""
	c.why = "payroll"
	if averageUnknown {
		c.why = "average"
	}
	return c, nil
}

// carryOver writes the carried bases: the previous ones, kept until the
// new figures are known (庆社险函〔2011〕3号 四.3).
func carryOver(r *calc.Rules, req *Request, c carried, resp *Response) *calc.Error {
	if !c.worker && !c.unit {
		if req.CarryOver != nil && req.Worker == nil && req.Employer == nil {
			return required("carry_over.worker_base", "请填写沿用的上年个人或单位缴费基数，以及要结算的职工或单位。",
				"Give the carried-over worker or unit base, and the worker or employer to settle.")
		}
		return nil
	}
	co := req.CarryOver
	cite := r.YearRules.CarryOver.String()
	zh, en := "上年平均工资尚未公布：暂沿用上年缴费基数不变，待当年缴费基数确定后调整补收", "Last year's average is not yet published: the previous base is kept for now, and the difference is collected once the year's base is set"
	if c.why == "payroll" {
		zh, en = "单位上年财务决算报表等材料尚未统计出来：暂沿用上年单位缴费基数不变，待确定后调整补收", "The employer's previous-year accounts are not ready: the previous unit base is kept for now, and the difference is collected once it is set"
	}
	if c.worker {
		b, err := calc.ParseAmount("carry_over.worker_base", co.WorkerBase)
		if err != nil {
			return err
		}
		kind := "employee"
		if req.Worker != nil && req.Worker.Kind != "" {
			kind = req.Worker.Kind
		}
		resp.Worker = &WorkerOut{Kind: kind, Base: calc.Yuan(b), Outcome: string(calc.OutcomeCarriedOver), OutcomeText: calc.OutcomeCarriedOver.Label(),
			Steps: []calc.Step{{Text: zh, TextEN: en, Ref: cite, Value: calc.Yuan(b)}}}
	}
	if c.unit {
		b, err := calc.ParseAmount("carry_over.unit_base", co.UnitBase)
		if err != nil {
			return err
		}
		kind := "enterprise"
		if req.Employer != nil && req.Employer.Kind != "" {
			kind = req.Employer.Kind
		}
		resp.Employer = &EmployerOut{Kind: kind, Base: calc.Yuan(b), DecidedBy: "carried_over", Method: "carry_over", Counts: map[string]int{},
			Employees: []EmployeeOut{}, Steps: []calc.Step{{Text: zh, TextEN: en, Ref: cite, Value: calc.Yuan(b)}}}
	}
	resp.Warnings = append(resp.Warnings, calc.Warning{Code: calc.WarnCarriedOver,
		Message:   "结果为沿用的暂定基数：当年缴费基数确定后需按新基数调整补收差额。",
		MessageEN: "This is a provisional, carried-over base: once the year's base is set, the difference is settled."})
	return nil
}

// settle compares the carried-over bases with the newly computed ones,
// for each part not itself still carried.
func settle(r *calc.Rules, ins calc.Insurance, req *Request, c carried, resp *Response) (*SettlementOut, *calc.Error) {
	co := req.CarryOver
	maxMonths := r.YearRules.MonthsBefore(r.Month)
	months := maxMonths
	if co.Months != nil {
		months = *co.Months
	}
	out := &SettlementOut{}
	if co.WorkerBase != "" && !c.worker {
		if resp.Worker == nil {
			return nil, required("worker", "要结算个人基数，请同时填写 worker。", "To settle the worker base, give the worker too.")
		}
		prov, err := calc.ParseAmount("carry_over.worker_base", co.WorkerBase)
		if err != nil {
			return nil, err
		}
		newBase, _ := decimal.NewFromString(resp.Worker.Base)
		payer := payerOf(resp.Worker.Kind)
		var rate *decimal.Decimal
		if rt := r.Rate(ins, payer); rt != nil {
			rate = &rt.Rate
		}
		s, err := r.Settle("个人", prov, newBase, rate, months, maxMonths)
		if err != nil {
			return nil, err
		}
		out.Worker = settlementPart(s)
	}
	if co.UnitBase != "" && !c.unit {
		if resp.Employer == nil {
			return nil, required("employer", "要结算单位基数，请同时填写 employer。", "To settle the unit base, give the employer too.")
		}
		prov, err := calc.ParseAmount("carry_over.unit_base", co.UnitBase)
		if err != nil {
			return nil, err
		}
		newBase, _ := decimal.NewFromString(resp.Employer.Base)
		var rate *decimal.Decimal
		if rt := r.Rate(ins, calc.PayerUnit); rt != nil {
			rate = &rt.Rate
		}
		s, err := r.Settle("单位", prov, newBase, rate, months, maxMonths)
		if err != nil {
			return nil, err
		}
		out.Unit = settlementPart(s)
	}
	if out.Worker == nil && out.Unit == nil {
		if c.worker || c.unit {
			return nil, nil
		}
		return nil, required("carry_over.worker_base", "请填写沿用的上年个人或单位缴费基数。", "Give the carried-over worker or unit base.")
	}
	return out, nil
}

// payerOf is who pays a worker's own contribution.
func payerOf(kind string) calc.Payer {
	switch kind {
	case "flexible":
		return calc.PayerFlexible
	case "institution":
		return calc.PayerInstitution
	}
	return calc.PayerIndividual
}

func answers(r *calc.Rules, req *Request, resp *Response) *calc.Error {
	if c := req.Correction; c != nil {
		base, err := calc.ParseMonth("correction.base_month", c.BaseMonth)
		if err != nil {
			return err
		}
		asked, err := calc.ParseMonth("correction.asked", c.Asked)
		if err != nil {
			return err
		}
		a, err := r.CanCorrect(base, asked, c.Written)
		if err != nil {
			return err
		}
		resp.Answers = append(resp.Answers, a)
	}
	if req.UnitEvent != "" {
		a, err := r.UnitBaseRecomputed(req.UnitEvent)
		if err != nil {
			return err
		}
		resp.Answers = append(resp.Answers, a)
	}
	return nil
}

// varyingWarning says that the province's figures differ by city, naming
// each zone's floor where it has one: the answer holds outside them.
func varyingWarning(r *calc.Rules, zones []*calc.Variant) calc.Warning {
	var zh, en []string
	for _, v := range zones {
		c, _ := r.Set.AtPlace(r.Month, calc.Place{City: v.Cities[0], Kind: r.Place.Kind})
		floor := ""
		if lim, err := c.Limits(); err == nil {
			floor = calc.Yuan(lim.Floor)
		}
		zh = append(zh, v.Name+" "+floor)
		en = append(en, v.NameEN+" "+floor)
	}
	return calc.Warning{Code: calc.WarnVariesByCity,
		Message:   fmt.Sprintf("%s的缴费基数下限因城市而异（%s）：此结果适用于这些地区以外；请选择所在城市。", r.Set.RegionName, strings.Join(zh, "；")),
		MessageEN: fmt.Sprintf("%s's floor differs by city (%s): this answer holds outside those places; choose your city.", r.Set.RegionNameEN, strings.Join(en, "; "))}
}

// warnings lists what a person should know about the rules used.
func warnings(r *calc.Rules, userFigures bool) []calc.Warning {
	ws := []calc.Warning{}
	if s := r.Set; s != nil {
		if r.Month.After(s.ReviewedThrough) {
			ws = append(ws, calc.Warning{Code: calc.WarnStale,
				Message:   fmt.Sprintf("规则集“%s”只核对到 %s，%s 可能已有新规定，请向当地经办机构核实。", s.Title, s.ReviewedThrough, r.Month),
				MessageEN: fmt.Sprintf("The rule set %q was checked through %s only; %s may be under newer rules: check with the local bureau.", s.TitleEN, s.ReviewedThrough, r.Month)})
		}
		switch r.Status() {
		case calc.StatusSecondary:
			ws = append(ws, calc.Warning{Code: calc.WarnSecondary,
				Message:   "规则集的数字来自转载或报道，不是通知原件，请以经办机构公布为准。",
				MessageEN: "The rule set's figures come from reposted copies or reports, not the original notice: the bureau's publication prevails."})
		case calc.StatusUnverified:
			ws = append(ws, calc.Warning{Code: calc.WarnUnverified,
				Message:   "这些数字只见于计算器或汇编的数据文件，sibase 未见到通知原文，请以经办机构公布为准。",
				MessageEN: "These figures appear only in calculators' or compilations' data files; sibase has not seen the notice's own text: the bureau's publication prevails."})
		case calc.StatusProvisional:
			ws = append(ws, calc.Warning{Code: calc.WarnProvisional,
				Message: "规则集为暂定数字，可能调整。", MessageEN: "The rule set's figures are provisional and may change."})
		}
		if r.Provisional {
			ws = append(ws, calc.Warning{Code: calc.WarnProvisionalPeriod,
				Message: fmt.Sprintf("%s公布的数字只适用至 %s，%s 的新数字尚未公布：暂按 %s 的数字计算。新数字公布后，通常按新数字补缴或退还差额（以当地通知为准）。",
					s.RegionName, s.Until, r.Asked, s.Until),
				MessageEN: fmt.Sprintf("%s's published figures apply through %s; those for %s are not yet published, so %s's are used for now. Once they are, the difference is usually settled (as the local notice says).",
					s.RegionNameEN, s.Until, r.Asked, s.Until)})
		}
		if own := r.OwnSet; own != nil {
			ws = append(ws, calc.Warning{Code: calc.WarnProvinceRules,
				Message: fmt.Sprintf("%s的内置规则（%s）只适用于 %s 至 %s；%s 按%s的规则集 %s（region %s，%s）计算。",
					own.RegionName, own.ID, own.Start(), own.Until, r.Asked, s.RegionName, s.ID, s.Region, s.Document),
				MessageEN: fmt.Sprintf("%s's own bundled rules (%s) cover %s to %s only; %s is answered by %s's rule set %s (region %s, %s).",
					own.RegionNameEN, own.ID, own.Start(), own.Until, r.Asked, s.RegionNameEN, s.ID, s.Region, s.Document)})
		}
		if zones := r.CityVariants(); len(zones) > 0 {
			ws = append(ws, varyingWarning(r, zones))
		}
		if src := r.Average.Source; src != nil && src.Grade == "D" && src.Doc != calc.UserCite.Doc {
			ws = append(ws, calc.Warning{Code: calc.WarnDerived,
				Message:   "平均工资由公布的年度数字推算（÷12），不是原文数字。",
				MessageEN: "The average is derived from the published annual figure (÷ 12), not quoted."})
		}
	}
	if userFigures {
		ws = append(ws, calc.Warning{Code: calc.WarnUserFigures,
			Message:   "结果使用了您填写的数字（标注“用户输入”）,sibase 未核实。",
			MessageEN: "The result uses figures you entered (marked 用户输入), which sibase has not checked."})
	}
	return ws
}
