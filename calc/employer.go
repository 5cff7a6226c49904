package calc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// EmployeeInput is one employee on an employer's list: the previous-year
// wage (Wage) of an employee, or the last-month wages (Institution) of
// institution staff where the rule gives them their own base. Which one an
// employee needs is the employer's kind's to say, not the row's: the other
// is refused.
type EmployeeInput struct {
	ID          string
	Status      EmployeeStatus
	Wage        WageInput
	Institution *InstitutionInput
}

// EmployerInput is a contributing unit: its kind, its payroll figures and
// its employees. MonthlyAvgTotalWages is the previous-year average monthly
// total wages (上年月平均工资总额); LastMonthTotalWages is last month's total
// payroll (上月工资总额); ApprovedWages the monthly wages and allowances the
// personnel department approved (an institution's medical base). When
// MonthlyAvgTotalWages is nil and every listed employee's wage is known,
// sibase estimates it as their sum and says that the estimate is its own.
type EmployerInput struct {
	Kind                 EmployerKind
	MonthlyAvgTotalWages *decimal.Decimal
	LastMonthTotalWages  *decimal.Decimal
	ApprovedWages        *decimal.Decimal
	Employees            []EmployeeInput
}

// EmployeeResult is one employee's individual base. Base is nil for an
// exempt employee and under an insurance the unit alone pays; Wage is the
// monthly wage the employee adds to the payroll (nil if unknown).
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
// monthly total wages), "sum_of_bases" (Σ individual bases, plus exempt
// staff's wages), "last_month_payroll" or "approved_wages". ExemptWages is
// what exempt staff (3号 四.4) earn, counted in the unit base. Counts
// tallies the employees by outcome. PayrollEstimated says the payroll is
// sibase's estimate from the listed wages, not a figure given.
type EmployerResult struct {
	Base             decimal.Decimal
	SumEmployeeBases decimal.Decimal
	ExemptWages      decimal.Decimal
	Payroll          *decimal.Decimal
	PayrollEstimated bool
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
//     the previous-year average monthly total wages;
//   - approved_wages (institutions' medical base under 89号 二(四)): the
//     wages and allowances the personnel department approved.
//
// Rehired retirees and staff insured elsewhere may, with proof, be left
// out of the insurance where the rule says so (3号 四.4); they then get no
// individual base, and their wages count in the unit base: added to Σ
// individual bases before it is compared with the payroll (or, for an
// institution, before it becomes the unit base). field prefixes error
// fields ("employer").
//
// Example (3号, floor 1366.80, cap 6834.00): payroll 9000, A earning 3000,
// B 9000 and a rehired retiree C 4000 → bases 3000 and 6834.00, Σ 9834.00
// + C's 4000 = 13834.00, the unit base (above the payroll).
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
	kind EmployerKind
	sch  Scheme
	unit MethodRule
	lim  *Limits
	// institution: the employer's staff take the scheme's institution
	// rule (last month's wages), not the employee's.
	institution bool

	// Employees counts the employees added; Counts tallies them by
	// outcome; Sum is Σ individual bases; Exempt is what exempt staff
	// earn, counted in the unit base.
	Employees int
	Counts    map[Outcome]int
	Sum       decimal.Decimal
	Exempt    decimal.Decimal

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
	return &EmployerTally{r: r, ins: ins, kind: kind, sch: sch, unit: unit, Counts: map[Outcome]int{}, wagesKnown: true,
		institution: kind == EmployerInstitution && sch.Institution != nil}, nil
}

// Add computes one employee's individual base and counts it. field names
// the employee in errors (e.g. "employer.employees[3]" or "第 5 行").
func (t *EmployerTally) Add(e EmployeeInput, field string) (EmployeeResult, *Error) {
	if err := t.fitsKind(e, field); err != nil {
		return EmployeeResult{}, err
	}
	if t.lim == nil && t.sch.Individual.Method == MethodWithinLimits && !t.institution && e.Status != StatusRehiredRetiree && e.Status != StatusInsuredElsewhere {
		l, err := t.r.LimitsFor(t.ins)
		if err != nil {
			return EmployeeResult{}, err
		}
		t.lim = &l
	}
	er, err := t.r.employee(t.ins, t.sch, t.lim, t.institution, e, field)
	if err != nil {
		return er, err
	}
	t.Employees++
	t.Counts[er.Outcome]++
	if er.Base != nil {
		t.Sum = t.Sum.Add(*er.Base)
	}
	if er.Outcome == OutcomeExempt && er.Wage != nil {
		t.Exempt = t.Exempt.Add(*er.Wage)
	}
	if er.Wage != nil {
		t.wageSum = t.wageSum.Add(*er.Wage)
	} else {
		t.wagesKnown = false
	}
	return er, nil
}

// fitsKind refuses a wage of the wrong kind for the employer: an
// enterprise's staff (and an institution's where the rule gives
// institutions no rule of their own) are based on their previous-year
// average wage; an institution's staff, where it does, on last month's
// wages (89号 二(三)).
func (t *EmployerTally) fitsKind(e EmployeeInput, field string) *Error {
	hasInst := e.Institution != nil && !e.Institution.IsZero()
	hasWage := e.Wage.MonthlyWage != nil || e.Wage.AnnualWage != nil || e.Wage.Months != 0
	switch {
	case t.institution && hasWage && e.Status != StatusRehiredRetiree && e.Status != StatusInsuredElsewhere:
		ir := t.sch.Institution
		_, f := InstitutionInput{}.wage(ir.Wage)
		name := institutionWageNames[ir.Wage]
		return newError(CodeConflict, field+".monthly_wage",
			fmt.Sprintf("机关事业单位人员的缴费基数以%s核定(%s)，不用上年月平均工资；请填写 %s。", name[0], ir.Cite, f),
			fmt.Sprintf("An institution worker's base is %s (%s), not the previous-year average wage: give %s.", name[1], ir.Cite, f))
	case !t.institution && hasInst:
		_, f := e.Institution.given()
		return newError(CodeConflict, field+"."+f,
			fmt.Sprintf("%s职工的缴费基数以本人上年月平均工资核定(%s)，%s不适用；请填写 monthly_wage（或 annual_wage 和 months）。", employerName(t.kind), t.sch.Individual.Cite, f),
			fmt.Sprintf("A %s employee's base is the previous-year average monthly wage (%s); %s does not apply: give monthly_wage (or annual_wage and months).", t.kind, t.sch.Individual.Cite, f))
	}
	return nil
}

// given names the first wage given in the input.
func (in InstitutionInput) given() (*decimal.Decimal, string) {
	for _, k := range []string{WageBasic, WageTotal, WageApproved} {
		if w, f := in.wage(k); w != nil {
			return w, f
		}
	}
	return nil, ""
}

// Finish computes the unit base from the employees added and the payroll
// figures in in (its Employees are ignored: they were added one by one).
func (t *EmployerTally) Finish(in EmployerInput, field string) (EmployerResult, *Error) {
	r, unit := t.r, t.unit
	res := EmployerResult{Method: unit.Method, Counts: t.Counts, SumEmployeeBases: t.Sum, ExemptWages: t.Exempt}
	if t.lim != nil {
		res.Steps = append(res.Steps, t.lim.Steps...)
	}
	comparesBases := unit.Method == MethodSumOfBases || unit.Method == MethodMaxPayrollOrSum
	if comparesBases && t.Employees == 0 {
		return res, newError(CodeEmployerIncomplete, field+".employees",
			"请列出职工：单位缴费基数要由职工个人缴费基数之和决定("+unit.Cite.String()+")，没有职工就无从计算。",
			"List the employees: the unit base depends on the sum of their individual bases ("+unit.Cite.String()+"), which cannot be computed without them.")
	}
	// sum is Σ individual bases plus exempt staff's wages: what the unit
	// base must not fall below (or, for sum_of_bases, what it is).
	sum := t.Sum
	if t.Employees > 0 && t.sch.Individual.Method != MethodNone {
		insured := t.Employees - t.Counts[OutcomeExempt]
		res.Steps = append(res.Steps, newStep(Citation{}, Yuan(t.Sum),
			fmt.Sprintf("%d 名职工个人缴费基数之和 %s 元", insured, Yuan(t.Sum)),
			fmt.Sprintf("Sum of the individual bases (%d insured employees): %s yuan", insured, Yuan(t.Sum))))
		if n := t.Counts[OutcomeExempt]; n > 0 && comparesBases {
			sum = t.Sum.Add(t.Exempt)
			res.Steps = append(res.Steps, newStep(r.YearRules.ExemptCite, Yuan(sum),
				fmt.Sprintf("加上 %d 名不再参保人员（退休返聘、外地参保）的工资 %s 元：%s + %s = %s 元", n, Yuan(t.Exempt), Yuan(t.Sum), Yuan(t.Exempt), Yuan(sum)),
				fmt.Sprintf("Plus the wages of %d people not insured here (rehired retirees, insured elsewhere), %s yuan: %s + %s = %s yuan", n, Yuan(t.Exempt), Yuan(t.Sum), Yuan(t.Exempt), Yuan(sum))))
		}
	}
	switch unit.Method {
	case MethodSumOfBases:
		res.Base, res.DecidedBy = sum, "sum_of_bases"
		zh, en := "单位缴费基数为全部参保职工个人缴费基数之和", "The unit base is the sum of all insured employees' individual bases"
		if t.Counts[OutcomeExempt] > 0 {
			zh += "，加上不再参保人员的工资"
			en += ", plus the wages of those not insured here"
		}
		res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base), zh, en))
	case MethodLastMonthPayroll:
		if in.LastMonthTotalWages == nil {
			return res, newError(CodeEmployerIncomplete, field+".last_month_total_wages", "请填写上月工资总额：该规则以其为单位缴费基数("+unit.Cite.String()+")。",
				"Enter last month's total payroll: the rule makes it the unit base ("+unit.Cite.String()+").")
		}
		res.Base, res.DecidedBy = *in.LastMonthTotalWages, "last_month_payroll"
		res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base), "单位缴费基数为上月工资总额 "+Yuan(res.Base)+" 元",
			"The unit base is last month's total payroll, "+Yuan(res.Base)+" yuan"))
	case MethodApprovedWages:
		if in.ApprovedWages == nil {
			return res, newError(CodeEmployerIncomplete, field+".approved_wages", "请填写人事部门核定的月工资总额和各项津补贴：该规则以其确定单位缴费基数("+unit.Cite.String()+")。",
				"Enter the monthly wages and allowances approved by the personnel department: the rule bases the unit's contribution on them ("+unit.Cite.String()+").")
		}
		res.Base, res.DecidedBy = *in.ApprovedWages, "approved_wages"
		res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base), "单位缴费基数按人事部门核定的工资总额和各项津补贴确定："+Yuan(res.Base)+" 元",
			"The unit base is the wages and allowances approved by the personnel department: "+Yuan(res.Base)+" yuan"))
	case MethodMaxPayrollOrSum, MethodAveragePayroll:
		payroll, estimated, err := r.payroll(in, t.Employees, t.wageSum, t.wagesKnown, unit.Cite, field, &res.Steps)
		if err != nil {
			return res, err
		}
		res.Payroll, res.PayrollEstimated = &payroll, estimated
		res.Base, res.DecidedBy = payroll, "payroll"
		if unit.Method == MethodAveragePayroll {
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(payroll), "单位缴费基数为上年月平均工资总额",
				"The unit base is the previous-year average monthly total wages"))
			break
		}
		sumZH, sumEN := "个人缴费基数之和", "the sum of individual bases"
		if t.Counts[OutcomeExempt] > 0 {
			sumZH, sumEN = "个人缴费基数之和加不再参保人员工资", "the sum of individual bases plus the wages of those not insured here"
		}
		if payroll.LessThan(sum) {
			res.Base, res.DecidedBy = sum, "sum_of_bases"
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base),
				fmt.Sprintf("上年月平均工资总额 %s 低于%s %s，以后者为单位缴费基数", Yuan(payroll), sumZH, Yuan(sum)),
				fmt.Sprintf("The payroll %s is below %s, %s: the latter is the unit base", Yuan(payroll), sumEN, Yuan(sum))))
		} else {
			res.Steps = append(res.Steps, newStep(unit.Cite, Yuan(res.Base),
				fmt.Sprintf("上年月平均工资总额 %s 不低于%s %s，以其为单位缴费基数", Yuan(payroll), sumZH, Yuan(sum)),
				fmt.Sprintf("The payroll %s is not below %s, %s: the payroll is the unit base", Yuan(payroll), sumEN, Yuan(sum))))
		}
	default:
		return res, newError(CodeKindInvalid, field+".kind", "未知的单位缴费基数方法 "+string(unit.Method)+"。", "Unknown unit-base method "+string(unit.Method)+".")
	}
	return res, nil
}

// payrollEstimate is the convention behind an estimated payroll.
var payrollEstimate = Convention(
	"未填写上年月平均工资总额，sibase 以所列人员（含不再参保人员）的月工资合计估算；这是 sibase 的估算，不是文件规定，所列人员不全时会偏低。请以单位上年工资统计为准填写。",
	"No payroll was given: sibase estimates it as the sum of the listed people's monthly wages (those not insured here included). The estimate is sibase's, not the notice's, and is too low if the list is incomplete; enter the payroll from the unit's statistics.")

// payroll is the previous-year average monthly total wages: as given, or
// sibase's estimate from the listed wages (estimated is then true).
func (r *Rules) payroll(in EmployerInput, employees int, wageSum decimal.Decimal, wagesKnown bool, cite Citation, field string, steps *[]Step) (decimal.Decimal, bool, *Error) {
	if in.MonthlyAvgTotalWages != nil {
		p := *in.MonthlyAvgTotalWages
		*steps = append(*steps, newStep(cite, Yuan(p), "上年月平均工资总额 "+Yuan(p)+" 元", "Previous-year average monthly total wages: "+Yuan(p)+" yuan"))
		return p, false, nil
	}
	if employees == 0 || !wagesKnown {
		return decimal.Zero, false, newError(CodeEmployerIncomplete, field+".monthly_avg_total_wages",
			"请填写单位上年月平均工资总额（或列出每名职工的工资）。",
			"Enter the previous-year average monthly total wages (or every employee's wage).")
	}
	*steps = append(*steps, newStep(payrollEstimate, Yuan(wageSum),
		"上年月平均工资总额（估算）：所列人员月工资合计 "+Yuan(wageSum)+" 元", "Previous-year average monthly total wages (estimated): the listed monthly wages add up to "+Yuan(wageSum)+" yuan"))
	return wageSum, true, nil
}

// employee computes one listed employee's base; institution says the
// employer's staff take the scheme's institution rule.
func (r *Rules) employee(ins Insurance, sch Scheme, lim *Limits, institution bool, e EmployeeInput, field string) (EmployeeResult, *Error) {
	er := EmployeeResult{ID: e.ID, Status: e.Status}
	if er.Status == "" {
		er.Status = StatusActive
	}
	if er.Status != StatusActive {
		return r.exemptEmployee(er, e, field)
	}
	if sch.Individual.Method == MethodNone {
		return r.unitOnlyEmployee(er, sch, e, field)
	}
	var wr WorkerResult
	var err *Error
	if institution {
		in := InstitutionInput{}
		if e.Institution != nil {
			in = *e.Institution
		}
		wr, err = r.InstitutionBase(ins, in, field)
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

// unitOnlyEmployee is an employee under an insurance the unit alone pays
// (work injury, maternity): no individual base; a wage given counts in
// the payroll.
func (r *Rules) unitOnlyEmployee(er EmployeeResult, sch Scheme, e EmployeeInput, field string) (EmployeeResult, *Error) {
	er.Outcome = OutcomeUnitOnly
	if e.Wage.MonthlyWage != nil || e.Wage.AnnualWage != nil {
		w, _, _, err := r.Brief().monthlyWage(e.Wage, field)
		if err != nil {
			return er, err
		}
		er.Wage = &w
	}
	if !r.brief {
		er.Steps = []Step{newStep(sch.Individual.Cite, "", "该险种只由单位缴费，职工没有个人缴费基数", "The unit alone pays this insurance: the employee has no individual base")}
	}
	return er, nil
}

// exemptEmployee handles a rehired retiree or someone insured elsewhere
// (3号 四.4): with proof they may be left out of the insurance, and their
// wage counts in the unit base — so it must be given.
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
	cite := r.YearRules.ExemptCite
	if e.Wage.MonthlyWage == nil && e.Wage.AnnualWage == nil {
		return er, newError(CodeIncomeRequired, field+".monthly_wage",
			fmt.Sprintf("请填写这名%s的月工资：其工资计入单位缴费基数(%s)。", statusName(er.Status), cite),
			fmt.Sprintf("Enter this %s's monthly wage: it counts in the unit base (%s).", statusNameEN(er.Status), cite))
	}
	// The wage is read as any employee's is (a bad number of months is an
	// error, not a wage left out).
	w, _, _, err := r.Brief().monthlyWage(e.Wage, field)
	if err != nil {
		return er, err
	}
	er.Wage = &w
	if r.brief {
		return er, nil
	}
	er.Steps = []Step{newStep(cite, Yuan(w),
		fmt.Sprintf("%s提供相关证明的，可以不再参保，不建立个人缴费基数；其工资 %s 元计入单位缴费基数", statusName(er.Status), Yuan(w)),
		fmt.Sprintf("A %s who provides proof may stay out of the insurance here, with no individual base; the wage, %s yuan, counts in the unit base", statusNameEN(er.Status), Yuan(w)))}
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
