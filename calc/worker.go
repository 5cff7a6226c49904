package calc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Outcome says how a worker's base was reached.
type Outcome string

// Outcomes.
const (
	OutcomeRaisedToFloor Outcome = "raised_to_floor" // own wage below the floor
	OutcomeCutToCap      Outcome = "cut_to_cap"      // own wage above the cap
	OutcomeAsDeclared    Outcome = "as_declared"     // own wage within the limits (or no limits apply)
	OutcomeAverage       Outcome = "average"         // income unknown: the average
	OutcomeChosen        Outcome = "chosen"          // a flexible worker's chosen ratio or amount
	OutcomeDefault       Outcome = "default"         // a flexible worker who chose nothing: the rule's default base
	OutcomeReduced       Outcome = "reduced"         // a flexible worker's base lowered on hardship, as the city may grant
	OutcomeToChoose      Outcome = "to_choose"       // a flexible worker who chose nothing where the choice is theirs: the lowest, shown
	OutcomeCarriedOver   Outcome = "carried_over"    // the previous base, kept until the new figures are known
	OutcomeExempt        Outcome = "exempt"          // no individual base (rehired retiree, insured elsewhere)
	OutcomeUnitOnly      Outcome = "unit_only"       // the insurance has no individual contribution
)

// Label is the outcome in Chinese, as a result states it.
func (o Outcome) Label() string {
	return map[Outcome]string{
		OutcomeRaisedToFloor: "低于下限，按下限", OutcomeCutToCap: "高于上限，按上限",
		OutcomeAsDeclared: "按本人工资", OutcomeAverage: "收入无法确定，按平均工资",
		OutcomeChosen: "按所选基数", OutcomeDefault: "按规定的基数", OutcomeReduced: "困难下调",
		OutcomeToChoose: "自选基数，按最低展示", OutcomeCarriedOver: "沿用上年基数",
		OutcomeExempt: "不建立个人基数", OutcomeUnitOnly: "只由单位缴费",
	}[o]
}

// WageInput is an employee's previous-year wage: a monthly average, or an
// annual total with the months worked, or neither (income unknown).
type WageInput struct {
	MonthlyWage *decimal.Decimal
	AnnualWage  *decimal.Decimal
	Months      int
}

// WorkerResult is one worker's base for the month. Min and Max are the
// limits that applied (nil where none did).
type WorkerResult struct {
	Base    decimal.Decimal
	Wage    *decimal.Decimal // the monthly wage used; nil when income was unknown
	Min     *decimal.Decimal
	Max     *decimal.Decimal
	Outcome Outcome
	Steps   []Step
}

// scheme returns the insurance's scheme for the month, or an error naming
// the insurance.
func (r *Rules) scheme(ins Insurance) (Scheme, *Error) {
	s, ok := r.Bases[ins]
	if !ok {
		return s, newError(CodeInsuranceUnsupported, "insurance", "所选规则未规定"+insuranceName(ins)+"的缴费基数。",
			"The chosen rules set no base for "+string(ins)+".")
	}
	return s, nil
}

func insuranceName(ins Insurance) string {
	return map[Insurance]string{Pension: "基本养老保险", Medical: "基本医疗保险", Unemployment: "失业保险",
		WorkInjury: "工伤保险", Maternity: "生育保险"}[ins]
}

// monthlyWage turns a WageInput into a monthly wage: as declared, or the
// annual total ÷ months rounded by the rule (the one place a monthly average
// is rounded), or — income unknown — the average where the rule says so.
// field prefixes error fields (e.g. "worker").
func (r *Rules) monthlyWage(in WageInput, field string) (decimal.Decimal, bool, []Step, *Error) {
	switch {
	case in.MonthlyWage != nil:
		w := *in.MonthlyWage
		if r.brief {
			return w, false, nil, nil
		}
		return w, false, []Step{{Text: "本人上年月平均工资 " + Yuan(w) + " 元", TextEN: "Own previous-year average monthly wage: " + Yuan(w) + " yuan", Value: Yuan(w)}}, nil
	case in.AnnualWage != nil:
		if in.Months < 1 || in.Months > 12 {
			return decimal.Zero, false, nil, errorf(CodeMonthsInvalid, field+".months", "工作月数应为 1 到 12 的整数，收到 %d。",
				"Months worked must be a whole number from 1 to 12; got %d.", in.Months)
		}
		d := r.derive(in.AnnualWage.Div(decimal.NewFromInt(int64(in.Months))), r.Rounding)
		if r.brief {
			return d.Value, false, nil, nil
		}
		return d.Value, false, []Step{d.step(Citation{},
			fmt.Sprintf("本人上年月平均工资 = 上年工资总额 %s ÷ %d 个月", Yuan(*in.AnnualWage), in.Months),
			fmt.Sprintf("Own previous-year average monthly wage = annual total %s ÷ %d months", Yuan(*in.AnnualWage), in.Months))}, nil
	case in.Months != 0:
		return decimal.Zero, false, nil, errorf(CodeEmployerIncomplete, field+".annual_wage", "填写了工作月数，还需填写上年工资总额。",
			"Months worked were given; the annual total wage is needed too.")
	}
	if r.UnknownIncome == nil {
		return decimal.Zero, false, nil, errorf(CodeIncomeRequired, field+".monthly_wage",
			"请填写本人上年月平均工资（或上年工资总额和工作月数）：所选规则未规定收入无法确定时的基数。",
			"Enter the previous-year average monthly wage (or the annual total and months worked): the chosen rules say nothing for unknown income.")
	}
	a, s, err := r.AverageAmount()
	if err != nil {
		return decimal.Zero, false, nil, err
	}
	if r.brief {
		return a, true, nil, nil
	}
	zh, en := AverageName(r.Average)
	return a, true, []Step{s, newStep(*r.UnknownIncome, Yuan(a), "月工资收入无法确定，以"+zh+"为缴费基数", "Monthly income unknown: the base is "+en)}, nil
}

// EmployeeBase computes an employee's individual base for insurance ins.
//
// Under MethodWithinLimits the base is the own previous-year average
// monthly wage raised to the floor or cut to the cap; a declared wage
// within the limits is the base as declared, unrounded. Under MethodOwnWage
// the wage is the base. Income unknown → the average, where the rule says
// so.
//
// Example (辽社险函〔2006〕89号 二(一), average 1444.25): a wage of 800 is
// raised to the floor 866.55; 5000 is cut to the cap 4332.75.
func (r *Rules) EmployeeBase(ins Insurance, in WageInput, field string) (WorkerResult, *Error) {
	sch, err := r.scheme(ins)
	if err != nil {
		return WorkerResult{}, err
	}
	if sch.Individual.Method == MethodWithinLimits {
		lim, err := r.LimitsFor(ins)
		if err != nil {
			return WorkerResult{}, err
		}
		res, err := r.individualBase(sch, &lim, in, field)
		if err == nil && res.Outcome != OutcomeAverage {
			res.Steps = append(append([]Step{}, res.Steps[0]), append(lim.Steps, res.Steps[1:]...)...)
		}
		return res, err
	}
	return r.individualBase(sch, nil, in, field)
}

// individualBase computes an individual base under sch with the limits
// already resolved (lim is nil unless sch's method uses them). Its steps
// cover the wage and the decision, not the limits.
func (r *Rules) individualBase(sch Scheme, lim *Limits, in WageInput, field string) (WorkerResult, *Error) {
	var res WorkerResult
	if sch.Individual.Method == MethodNone {
		return res, newError(CodeInsuranceUnsupported, "insurance",
			"该险种只由单位缴费，没有个人缴费基数("+sch.Individual.Cite.String()+")。",
			"This insurance is paid by the unit alone; there is no individual base ("+sch.Individual.Cite.String()+").")
	}
	w, unknown, steps, err := r.monthlyWage(in, field)
	if err != nil {
		return res, err
	}
	res.Steps = steps
	if !unknown {
		res.Wage = &w
	}
	switch {
	case unknown:
		res.Base, res.Outcome = w, OutcomeAverage
		if lim != nil {
			res.Min, res.Max = &lim.Floor, &lim.Cap
		}
	case sch.Individual.Method == MethodOwnWage:
		res.Base, res.Outcome = w, OutcomeAsDeclared
		if r.brief {
			break
		}
		res.Steps = append(res.Steps, newStep(sch.Individual.Cite, Yuan(w),
			"以本人工资为缴费基数（该条款未规定上下限）", "The own wage is the base (the clause sets no floor or cap)"))
	default:
		res.applyLimits(sch.Individual.Cite, w, *lim, r.brief)
	}
	return res, nil
}

// applyLimits sets the base to w held within lim and records the step.
// Brief leaves the step out.
func (res *WorkerResult) applyLimits(cite Citation, w decimal.Decimal, lim Limits, brief bool) {
	res.Min, res.Max = &lim.Floor, &lim.Cap
	res.Base, res.Outcome = clamp(w, lim.Floor, lim.Cap)
	if !brief {
		res.Steps = append(res.Steps, clampStep(cite, w, res.Base, res.Outcome))
	}
}

// clamp holds w between floor and cap and says which way it went.
func clamp(w, floor, cap decimal.Decimal) (decimal.Decimal, Outcome) {
	switch {
	case w.LessThan(floor):
		return floor, OutcomeRaisedToFloor
	case w.GreaterThan(cap):
		return cap, OutcomeCutToCap
	default:
		return w, OutcomeAsDeclared
	}
}

func clampStep(cite Citation, w, base decimal.Decimal, o Outcome) Step {
	switch o {
	case OutcomeRaisedToFloor:
		return newStep(cite, Yuan(base), fmt.Sprintf("%s 低于下限，按下限 %s 元缴费", Yuan(w), Yuan(base)),
			fmt.Sprintf("%s is below the floor: raised to the floor, %s yuan", Yuan(w), Yuan(base)))
	case OutcomeCutToCap:
		return newStep(cite, Yuan(base), fmt.Sprintf("%s 高于上限，按上限 %s 元缴费", Yuan(w), Yuan(base)),
			fmt.Sprintf("%s is above the cap: cut to the cap, %s yuan", Yuan(w), Yuan(base)))
	default:
		return newStep(cite, Yuan(base), fmt.Sprintf("%s 在上下限之间，按本人工资缴费", Yuan(w)),
			fmt.Sprintf("%s is within the limits: the base is the wage as declared", Yuan(w)))
	}
}

// InstitutionInput is an institution worker's wages: last month's basic
// wage (上月应发基本工资), last month's total wage (上月应发工资总额), or the
// wages and allowances approved by the personnel department (人事部门核定的
// 工资总额和各项津补贴). Only the one the rule takes may be given.
type InstitutionInput struct {
	BasicWage    *decimal.Decimal
	TotalWage    *decimal.Decimal
	ApprovedWage *decimal.Decimal
}

// wage returns the input's wage of the kind, and the field it is given in.
func (in InstitutionInput) wage(kind string) (*decimal.Decimal, string) {
	switch kind {
	case WageTotal:
		return in.TotalWage, "total_wage"
	case WageApproved:
		return in.ApprovedWage, "approved_wage"
	}
	return in.BasicWage, "basic_wage"
}

// IsZero reports whether no wage was given.
func (in InstitutionInput) IsZero() bool {
	return in.BasicWage == nil && in.TotalWage == nil && in.ApprovedWage == nil
}

var institutionWageNames = map[string][2]string{
	WageBasic:    {"上月应发基本工资", "last month's basic wage"},
	WageTotal:    {"上月应发工资总额", "last month's total wage"},
	WageApproved: {"人事部门核定的月工资和各项津补贴", "the monthly wages and allowances approved by the personnel department"},
}

// institutionRule returns the scheme's rule for institution staff under
// ins, with the wage it takes this month: the rule's own, or its
// alternative where the request chose it (rule.institution_wage).
func (r *Rules) institutionRule(ins Insurance, field string) (InstitutionRule, string, Citation, *Error) {
	sch, err := r.scheme(ins)
	if err != nil {
		return InstitutionRule{}, "", Citation{}, err
	}
	ir := sch.Institution
	if ir == nil {
		return InstitutionRule{}, "", Citation{}, newError(CodeInstitutionUndefined, field+".kind",
			"所选规则未规定机关事业单位人员的"+insuranceName(ins)+"个人缴费基数；请按职工（employee）填写本人上年月平均工资。",
			"The chosen rules set no "+string(ins)+" base of their own for institution staff; enter them as employees with their previous-year average monthly wage.")
	}
	wage, cite := ir.Wage, ir.Cite
	switch r.InstitutionWage {
	case "", ir.Wage:
	case ir.Alternative:
		wage = ir.Alternative
		if ir.AlternativeCite != nil {
			cite = *ir.AlternativeCite
		}
	default:
		allowed := ir.Wage
		if ir.Alternative != "" {
			allowed += " 或 " + ir.Alternative
		}
		return *ir, "", cite, errorf(CodeKindInvalid, "rule.institution_wage",
			"所选规则下机关事业单位人员的基数只能取 %s，收到“%s”。",
			"Under the chosen rules an institution worker's base can only be %s; got %q.", allowed, r.InstitutionWage)
	}
	return *ir, wage, cite, nil
}

// InstitutionBase computes an institution (机关事业单位) worker's base
// under insurance ins, as the scheme's institution rule says: last month's
// basic wage (辽社险函〔2006〕89号 二(三)), or the total wage where the
// place uses that option, or the approved wages and allowances (二(四),
// medical), held within the limits only if the rule says so. A wage of
// another kind is refused, naming the one the rule takes: nothing given is
// silently ignored.
func (r *Rules) InstitutionBase(ins Insurance, in InstitutionInput, field string) (WorkerResult, *Error) {
	var res WorkerResult
	ir, kind, cite, err := r.institutionRule(ins, field)
	if err != nil {
		return res, err
	}
	name, nameEN := institutionWageNames[kind][0], institutionWageNames[kind][1]
	wage, wField := in.wage(kind)
	for _, other := range []string{WageBasic, WageTotal, WageApproved} {
		if w, f := in.wage(other); other != kind && w != nil {
			return res, newError(CodeConflict, field+"."+f,
				fmt.Sprintf("所选规则以%s为机关事业单位人员的缴费基数(%s)，%s不适用；请删去它，或填写 %s。", name, cite, institutionWageNames[other][0], wField),
				fmt.Sprintf("The chosen rules take %s as an institution worker's base (%s); %s does not apply: remove it, or give %s.", nameEN, cite, institutionWageNames[other][1], wField))
		}
	}
	if wage == nil {
		return res, newError(CodeIncomeRequired, field+"."+wField, "请填写"+name+"。", "Enter "+nameEN+".")
	}
	w := *wage
	res.Wage = &w
	if !r.brief {
		res.Steps = append(res.Steps, newStep(cite, Yuan(w), fmt.Sprintf("%s %s 元", name, Yuan(w)), fmt.Sprintf("%s: %s yuan", capitalize(nameEN), Yuan(w))))
	}
	if !ir.Limits {
		res.Base, res.Outcome = w, OutcomeAsDeclared
		if !r.brief {
			res.Steps = append(res.Steps, newStep(cite, Yuan(w), "以"+name+"为缴费基数（该条款未规定上下限）", "The base is "+nameEN+" (the clause sets no floor or cap)"))
		}
		return res, nil
	}
	lim, err := r.LimitsFor(ins)
	if err != nil {
		return res, err
	}
	if !r.brief {
		res.Steps = append(res.Steps, lim.Steps...)
	}
	res.applyLimits(cite, w, lim, r.brief)
	return res, nil
}
