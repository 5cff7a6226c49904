package calc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// EmployeeInput is one employee on an employer's list. Institution is set
// for institution staff whose base is last month's basic (or total) wage.
type EmployeeInput struct {
	ID          string
	Status      EmployeeStatus
	Wage        WageInput
	Institution *InstitutionInput
}

// EmployerInput is a contributing unit: its kind, its payroll figures and
// its employees. MonthlyAvgTotalWages is the previous-year average monthly
// total wages (上年月平均工资总额); LastMonthTotalWages is last month's total
// payroll (上月工资总额). When MonthlyAvgTotalWages is nil it is taken as the
// sum of every listed employee's monthly wage — exempt staff included.
type EmployerInput struct {
	Kind                 EmployerKind
	MonthlyAvgTotalWages *decimal.Decimal
	LastMonthTotalWages  *decimal.Decimal
	Employees            []EmployeeInput
}

// EmployeeResult is one employee's individual base. Base is nil for an
// exempt employee; Wage is the monthly wage the employee adds to the
// payroll (nil if unknown).
type EmployeeResult struct {
	ID      string
	Status  EmployeeStatus
	Base    *decimal.Decimal
	Wage    *decimal.Decimal
	Outcome Outcome
	Steps   []Step
}

// EmployerResult is a unit's base with every individual base. DecidedBy
// names what set the unit base: "payroll" (the previous-year average
// monthly total wages), "sum_of_bases", or "last_month_payroll". Counts
// tallies the employees by outcome.
type EmployerResult struct {
	Base             decimal.Decimal
	SumEmployeeBases decimal.Decimal
	Payroll          *decimal.Decimal
	DecidedBy        string
	Method           Method
	Employees        []EmployeeResult
	Counts           map[Outcome]int
	Steps            []Step
}

// EmployerBase computes every employee's individual base and the unit
// base for insurance ins:
//
//   - max_payroll_or_sum (庆社险函〔2011〕3号 二(一)): the larger of the
//     previous-year average monthly total wages and Σ individual bases;
//   - sum_of_bases (institutions, social organisations): Σ individual bases;
//   - last_month_payroll (辽社险函〔2006〕89号 二(一)): last month's payroll;
//   - avg_payroll (medical, work injury, maternity under 89号 二(四)(五)):
//     the previous-year average monthly total wages.
//
// Rehired retirees and staff insured elsewhere get no individual base where
// the rule exempts them (3号 四.4), but their wages count in the payroll.
// field prefixes error fields ("employer").
//
// Example (3号, floor 1366.80, cap 6834.00): payroll 10000 and employees
// earning 3000 and 9000 → bases 3000 and 6834.00, Σ 9834.00, unit base
// 10000 (the payroll is larger).
func (r *Rules) EmployerBase(ins Insurance, in EmployerInput, field string) (EmployerResult, *Error) {
	t, err := r.NewEmployerTally(ins, in.Kind, field)
	if err != nil {
		return EmployerResult{}, err
	}
	employees := make([]EmployeeResult, len(in.Employees))
	for i, e := range in.Employees {
		if employees[i], err = t.Add(e, fmt.Sprintf("%s.employees[%d]", field, i)); err != nil {
			return EmployerResult{}, err
		}
	}
	res, err := t.Finish(in, field)
	res.Employees = employees
	return res, err
}

// EmployerTally computes an employer's bases one employee at a time and
// keeps only running totals, so a roster of any length — a 100,000-row
// payroll file — needs bounded memory. EmployerBase is the same computation
// over a list. A tally is not safe for concurrent use.
//
// Example:
//
//	t, _ := rules.NewEmployerTally(calc.Pension, calc.EmployerEnterprise, "employer")
//	for _, e := range employees { res, err := t.Add(e, "row 2"); … }
//	unit, _ := t.Finish(calc.EmployerInput{MonthlyAvgTotalWages: &payroll}, "employer")
type EmployerTally struct {
	r    *Rules
	ins  Insurance
	sch  Scheme
	unit MethodRule
	lim  *Limits

	// Employees counts the employees added; Counts tallies them by
	// outcome; Sum is Σ individual bases.
	Employees int
	Counts    map[Outcome]int
	Sum       decimal.Decimal

	wageSum    decimal.Decimal
	wagesKnown bool
}

// NewEmployerTally starts a tally for an employer of the kind (enterprise
// when empty) under insurance ins, or says why the rules cannot give it a
// unit base.
func (r *Rules) NewEmployerTally(ins Insurance, kind EmployerKind, field string) (*EmployerTally, *Error) {
	sch, err := r.scheme(ins)
	if err != nil {
		return nil, err
	}
	if kind == "" {
		kind = EmployerEnterprise
	}
	unit, ok := sch.Unit[kind]
	if !ok {
		return nil, newError(CodeKindInvalid, field+".kind",
			fmt.Sprintf("所选规则未规定%s的单位缴费基数。", employerName(kind)),
			fmt.Sprintf("The chosen rules set no unit base for a %s employer.", kind))
	}
	return &EmployerTally{r: r, ins: ins, sch: sch, unit: unit, Counts: map[Outcome]int{}, wagesKnown: true}, nil
}

// Add computes one employee's individual base and counts it. field names
// the employee in errors (e.g. "employer.employees[3]" or "第 5 行").
func (t *EmployerTally) Add(e EmployeeInput, field string) (EmployeeResult, *Error) {
	if t.lim == nil && t.sch.Individual.Method == MethodWithinLimits && e.Institution == nil && e.Status != StatusRehiredRetiree && e.Status != StatusInsuredElsewhere {
		l, err := t.r.Limits()
		if err != nil {
			return EmployeeResult{}, err
		}
		t.lim = &l
	}
	er, err := t.r.employee(t.ins, t.sch, t.lim, e, field)
	if err != nil {
		return er, err
	}
	t.Employees++
	t.Counts[er.Outcome]++
	if er.Base != nil {
		t.Sum = t.Sum.Add(*er.Base)
	}
	if er.Wage != nil {
		t.wageSum = t.wageSum.Add(*er.Wage)
	} else {
		t.wagesKnown = false
	}
	return er, nil
}

// Finish computes the unit base from the employees added and the payroll
// figures in in (its Employees are ignored: they were added one by one).
func (t *EmployerTally) Finish(in EmployerInput, field string) (EmployerResult, *Error) {
	r, unit := t.r, t.unit
	res := EmployerResult{Method: unit.Method, Counts: t.Counts, SumEmployeeBases: t.Sum}
	if t.lim != nil {
		res.Steps = append(res.Steps, t.lim.Steps...)
	}
	if t.Employees > 0 && t.sch.Individual.Method != MethodNone {
		insured := t.Employees - t.Counts[OutcomeExempt]
		res.Steps = append(res.Steps, newStep(Citation{}, Yuan(t.Sum),
			fmt.Sprintf("%d 名职工个人缴费基数之和 %s 元", insured, Yuan(t.Sum)),
			fmt.Sprintf("Sum of the individual bases (%d insured employees): %s yuan", insured, Yuan(t.Sum))))
	}
	switch unit.Method {
	case MethodSumOfBases:
		res.Base, res.DecidedBy = res.SumEmployeeBases, "sum_of_bases"
		res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base), "单位缴费基数为全部参保职工个人缴费基数之和",
			"The unit base is the sum of all insured employees' individual bases"))
	case MethodLastMonthPayroll:
		if in.LastMonthTotalWages == nil {
			return res, newError(CodeEmployerIncomplete, field+".last_month_total_wages", "请填写上月工资总额：该规则以其为单位缴费基数("+unit.Cite.String()+")。",
				"Enter last month's total payroll: the rule makes it the unit base ("+unit.Cite.String()+").")
		}
		res.Base, res.DecidedBy = *in.LastMonthTotalWages, "last_month_payroll"
		res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base), "单位缴费基数为上月工资总额 "+Yuan(res.Base)+" 元",
			"The unit base is last month's total payroll, "+Yuan(res.Base)+" yuan"))
	case MethodMaxPayrollOrSum, MethodAveragePayroll:
		payroll, err := r.payroll(in, t.Employees, t.wageSum, t.wagesKnown, unit.Cite, field, &res.Steps)
		if err != nil {
			return res, err
		}
		res.Payroll = &payroll
		res.Base, res.DecidedBy = payroll, "payroll"
		if unit.Method == MethodAveragePayroll {
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(payroll), "单位缴费基数为上年月平均工资总额",
				"The unit base is the previous-year average monthly total wages"))
			break
		}
		if payroll.LessThan(res.SumEmployeeBases) {
			res.Base, res.DecidedBy = res.SumEmployeeBases, "sum_of_bases"
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base),
				fmt.Sprintf("上年月平均工资总额 %s 低于个人缴费基数之和 %s，以个人缴费基数之和为单位缴费基数", Yuan(payroll), Yuan(res.SumEmployeeBases)),
				fmt.Sprintf("The payroll %s is below the sum of individual bases %s: the sum is the unit base", Yuan(payroll), Yuan(res.SumEmployeeBases))))
		} else {
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base),
				fmt.Sprintf("上年月平均工资总额 %s 不低于个人缴费基数之和 %s，以其为单位缴费基数", Yuan(payroll), Yuan(res.SumEmployeeBases)),
				fmt.Sprintf("The payroll %s is not below the sum of individual bases %s: the payroll is the unit base", Yuan(payroll), Yuan(res.SumEmployeeBases))))
		}
	default:
		return res, newError(CodeKindInvalid, field+".kind", "未知的单位缴费基数方法 "+string(unit.Method)+"。", "Unknown unit-base method "+string(unit.Method)+".")
	}
	return res, nil
}

// payroll is the previous-year average monthly total wages: as given, or
// the sum of the listed employees' wages (exempt staff included).
func (r *Rules) payroll(in EmployerInput, employees int, wageSum decimal.Decimal, wagesKnown bool, cite Citation, field string, steps *[]Step) (decimal.Decimal, *Error) {
	if in.MonthlyAvgTotalWages != nil {
		p := *in.MonthlyAvgTotalWages
		*steps = append(*steps, newStep(cite, Yuan(p), "上年月平均工资总额 "+Yuan(p)+" 元", "Previous-year average monthly total wages: "+Yuan(p)+" yuan"))
		return p, nil
	}
	if employees == 0 || !wagesKnown {
		return decimal.Zero, newError(CodeEmployerIncomplete, field+".monthly_avg_total_wages",
			"请填写单位上年月平均工资总额（或列出每名职工的工资）。",
			"Enter the previous-year average monthly total wages (or every employee's wage).")
	}
	zh, en := "未填写上年月平均工资总额，按所列职工月工资合计", "No payroll given: the sum of the listed employees' monthly wages"
	if r.YearRules != nil && len(r.YearRules.Exempt) > 0 {
		zh += "（退休返聘、外地参保人员的工资计入）"
		en += " (rehired retirees' and staff insured elsewhere count)"
		cite = r.YearRules.ExemptCite
	}
	*steps = append(*steps, newStep(cite, Yuan(wageSum), zh+" "+Yuan(wageSum)+" 元", en+": "+Yuan(wageSum)+" yuan"))
	return wageSum, nil
}

// employee computes one listed employee's base.
func (r *Rules) employee(ins Insurance, sch Scheme, lim *Limits, e EmployeeInput, field string) (EmployeeResult, *Error) {
	er := EmployeeResult{ID: e.ID, Status: e.Status}
	if er.Status == "" {
		er.Status = StatusActive
	}
	if er.Status != StatusActive {
		return r.exemptEmployee(er, e, field)
	}
	if sch.Individual.Method == MethodNone {
		if e.Wage.MonthlyWage != nil {
			er.Wage = e.Wage.MonthlyWage
		}
		er.Outcome = OutcomeExempt
		return er, nil
	}
	var wr WorkerResult
	var err *Error
	if e.Institution != nil {
		wr, err = r.InstitutionBase(ins, *e.Institution, field)
	} else {
		wr, err = r.individualBase(sch, lim, e.Wage, field)
	}
	if err != nil {
		return er, err
	}
	base := wr.Base
	er.Base, er.Wage, er.Outcome, er.Steps = &base, wr.Wage, wr.Outcome, wr.Steps
	return er, nil
}

// exemptEmployee handles a rehired retiree or someone insured elsewhere.
func (r *Rules) exemptEmployee(er EmployeeResult, e EmployeeInput, field string) (EmployeeResult, *Error) {
	switch er.Status {
	case StatusRehiredRetiree, StatusInsuredElsewhere:
	default:
		return er, newError(CodeStatusInvalid, field+".status",
			fmt.Sprintf("人员类别应为 active（在职）、rehired_retiree（退休返聘）或 insured_elsewhere（外地参保），收到“%s”。", er.Status),
			fmt.Sprintf("Status must be active, rehired_retiree or insured_elsewhere; got %q.", er.Status))
	}
	if r.YearRules == nil || !containsStatus(r.YearRules.Exempt, er.Status) {
		return er, newError(CodeStatusInvalid, field+".status",
			"所选规则没有关于"+statusName(er.Status)+"的条款；请按在职人员填写或核对当地规定。",
			"The chosen rules have no clause for "+string(er.Status)+"; enter the person as active or check local rules.")
	}
	er.Outcome = OutcomeExempt
	if e.Wage.MonthlyWage != nil || e.Wage.AnnualWage != nil {
		// The wage counts in the payroll, read as any employee's is (a
		// bad number of months is an error, not a wage left out).
		w, _, _, err := r.Brief().monthlyWage(e.Wage, field)
		if err != nil {
			return er, err
		}
		er.Wage = &w
	}
	if r.brief {
		return er, nil
	}
	er.Steps = []Step{newStep(r.YearRules.ExemptCite, "", statusName(er.Status)+"不建立个人缴费基数，工资计入单位缴费基数",
		"A "+statusNameEN(er.Status)+" gets no individual base; the wage counts in the unit's payroll")}
	return er, nil
}

func containsStatus(list []EmployeeStatus, s EmployeeStatus) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func statusName(s EmployeeStatus) string {
	return map[EmployeeStatus]string{StatusActive: "在职人员", StatusRehiredRetiree: "退休返聘人员", StatusInsuredElsewhere: "外地参保人员"}[s]
}

func statusNameEN(s EmployeeStatus) string {
	return map[EmployeeStatus]string{StatusActive: "active employee", StatusRehiredRetiree: "rehired retiree", StatusInsuredElsewhere: "person insured elsewhere"}[s]
}

func employerName(k EmployerKind) string {
	return map[EmployerKind]string{EmployerEnterprise: "企业", EmployerInstitution: "机关事业单位", EmployerSocialOrg: "社会团体"}[k]
}
