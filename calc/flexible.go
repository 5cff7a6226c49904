package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// FlexibleChoice is what a flexible worker or individual business owner
// chose: a ratio of the average, or an amount, or nothing (the lowest
// allowed base).
type FlexibleChoice struct {
	Ratio  *decimal.Decimal
	Amount *decimal.Decimal
}

// Tier is one discrete base a flexible worker may choose. Ratio is nil for
// a published amount that is not a ratio of the current average (a frozen
// minimum).
type Tier struct {
	Ratio  *decimal.Decimal `json:"ratio,omitempty"`
	Amount decimal.Decimal  `json:"amount"`
}

// FlexibleLimits is the range open to flexible workers in one month.
// MinRatio is nil when the minimum is a published amount; Tiers is empty
// when any amount within [Min, Max] may be chosen.
type FlexibleLimits struct {
	Average  decimal.Decimal
	Min, Max decimal.Decimal
	MinRatio *decimal.Decimal
	MaxRatio *decimal.Decimal
	Tiers    []Tier
	Steps    []Step
}

// FlexibleLimits resolves the flexible workers' range for the month.
// Ratios are applied to the average and rounded by the rule; a published
// minimum amount overrides the ratio (as when Shenyang froze its minimum in
// 2009).
//
// Example (辽社险函〔2006〕89号 二(二), 2007, average 1444.25): Min 1010.98
// (70%), Max 1444.25 (100%).
func (r *Rules) FlexibleLimits() (FlexibleLimits, *Error) {
	var fl FlexibleLimits
	fr := r.Flexible
	if fr == nil {
		return fl, errorf(CodeFlexibleUndefined, "worker.kind", "所选规则未规定灵活就业人员的缴费基数范围。",
			"The chosen rules set no base range for flexible workers.")
	}
	a, s, err := r.AverageAmount()
	if err != nil {
		return fl, err
	}
	fl.Average = a
	fl.Steps = append(fl.Steps, s)
	if fl.Min, err = r.bound(fr.Min, &a, "灵活就业人员最低基数", "flexible workers' lowest base", "rule.flexible_min_ratio", &fl.Steps); err != nil {
		return fl, err
	}
	if fr.Min.Amount == nil {
		fl.MinRatio = fr.Min.Ratio
	}
	if fl.Max, err = r.bound(fr.Max, &a, "灵活就业人员最高基数", "flexible workers' highest base", "rule.flexible_max_ratio", &fl.Steps); err != nil {
		return fl, err
	}
	if fr.Max.Amount == nil {
		fl.MaxRatio = fr.Max.Ratio
	}
	if fl.Min.GreaterThan(fl.Max) {
		return fl, errorf(CodeLimitsInvalid, "rule", "灵活就业人员最低基数 %s 高于最高基数 %s。",
			"The flexible workers' lowest base %s is above the highest %s.", Yuan(fl.Min), Yuan(fl.Max))
	}
	if fr.Tiers != nil {
		if fr.Min.Amount != nil {
			fl.Tiers = append(fl.Tiers, Tier{Amount: fl.Min})
		}
		for _, t := range fr.Tiers.Ratios {
			t := t
			fl.Tiers = append(fl.Tiers, Tier{Ratio: &t, Amount: r.Rounding.Apply(t.Mul(a))})
		}
		fl.Steps = append(fl.Steps, newStep(fr.Tiers.Cite, "", "可选档次："+fl.tierText(), "Tiers to choose from: "+fl.tierText()))
	}
	return fl, nil
}

func (fl FlexibleLimits) tierText() string {
	parts := make([]string, len(fl.Tiers))
	for i, t := range fl.Tiers {
		parts[i] = Yuan(t.Amount)
		if t.Ratio != nil {
			parts[i] += " (" + Percent(*t.Ratio) + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// rangeText describes the range for error messages.
func (fl FlexibleLimits) rangeText() (string, string) {
	if len(fl.Tiers) > 0 {
		return "以下档次之一：" + fl.tierText(), "one of these tiers: " + fl.tierText()
	}
	zh := fmt.Sprintf("%s 至 %s 元", Yuan(fl.Min), Yuan(fl.Max))
	en := fmt.Sprintf("%s to %s yuan", Yuan(fl.Min), Yuan(fl.Max))
	if fl.MinRatio != nil && fl.MaxRatio != nil {
		zh += fmt.Sprintf("（月平均工资 %s 元的 %s 至 %s）", Yuan(fl.Average), Percent(*fl.MinRatio), Percent(*fl.MaxRatio))
		en += fmt.Sprintf(" (%s to %s of the average %s)", Percent(*fl.MinRatio), Percent(*fl.MaxRatio), Yuan(fl.Average))
	}
	return zh, en
}

// FlexibleBase computes a flexible worker's (灵活就业人员 / 个体工商户) base
// for insurance ins. For pension: a chosen ratio (ratio × average, rounded
// by the rule) or amount, which must lie within the range allowed for the
// month (or be one of its tiers); nothing chosen → the lowest allowed. For
// an insurance whose scheme says MethodAverage (medical under 89号 二(四)),
// the base is the average.
//
// Example (辽社险函〔2006〕89号 二(二), 2007, average 1444.25): no choice →
// 1010.98; ratio 0.65 → an error naming the range 1010.98 to 1444.25.
func (r *Rules) FlexibleBase(ins Insurance, c FlexibleChoice, field string) (WorkerResult, *Error) {
	var res WorkerResult
	if c.Ratio != nil && c.Amount != nil {
		return res, errorf(CodeConflict, field+".amount", "比例和金额只能填写一个。", "Give a ratio or an amount, not both.")
	}
	if ins != Pension {
		return r.flexibleByScheme(ins)
	}
	fl, err := r.FlexibleLimits()
	if err != nil {
		return res, err
	}
	res.Steps = fl.Steps
	res.Min, res.Max = &fl.Min, &fl.Max
	cite := r.Flexible.Min.Cite
	var base decimal.Decimal
	var errField string
	switch {
	case c.Ratio != nil:
		base = r.Rounding.Apply(c.Ratio.Mul(fl.Average))
		errField = field + ".ratio"
		res.Steps = append(res.Steps, newStep(cite, Yuan(base),
			fmt.Sprintf("选择 %s × %s = %s 元（%s）", Percent(*c.Ratio), Yuan(fl.Average), Yuan(base), r.Rounding),
			fmt.Sprintf("Chosen %s × %s = %s yuan (%s)", Percent(*c.Ratio), Yuan(fl.Average), Yuan(base), r.Rounding.StringEN())))
	case c.Amount != nil:
		base = *c.Amount
		errField = field + ".amount"
		res.Steps = append(res.Steps, newStep(cite, Yuan(base), "选择金额 "+Yuan(base)+" 元", "Chosen amount: "+Yuan(base)+" yuan"))
	default:
		res.Base, res.Outcome = fl.Min, OutcomeLowest
		res.Steps = append(res.Steps, newStep(cite, Yuan(fl.Min), "未选择档次，按最低基数 "+Yuan(fl.Min)+" 元",
			"Nothing chosen: the lowest allowed base, "+Yuan(fl.Min)+" yuan"))
		return res, nil
	}
	if !fl.allows(base) {
		zh, en := fl.rangeText()
		chosen, chosenEN := Yuan(base)+" 元", Yuan(base)+" yuan"
		if c.Ratio != nil {
			chosen = Percent(*c.Ratio) + "（" + chosen + "）"
			chosenEN = Percent(*c.Ratio) + " (" + chosenEN + ")"
		}
		code := CodeFlexibleRange
		if len(fl.Tiers) > 0 {
			code = CodeFlexibleTier
		}
		return res, &Error{Code: code, Field: errField,
			Message:   fmt.Sprintf("%s 灵活就业人员可选的缴费基数为 %s；所选 %s不在其中。", r.Month, zh, chosen),
			MessageEN: fmt.Sprintf("In %s a flexible worker's base must be %s; %s is not.", r.Month, en, chosenEN)}
	}
	res.Base, res.Outcome = base, OutcomeChosen
	return res, nil
}

// allows reports whether base may be chosen: one of the tiers, or within
// [Min, Max] when there are none.
func (fl FlexibleLimits) allows(base decimal.Decimal) bool {
	if len(fl.Tiers) > 0 {
		for _, t := range fl.Tiers {
			if t.Amount.Equal(base) {
				return true
			}
		}
		return false
	}
	return !base.LessThan(fl.Min) && !base.GreaterThan(fl.Max)
}

// flexibleByScheme handles a non-pension insurance for flexible workers.
func (r *Rules) flexibleByScheme(ins Insurance) (WorkerResult, *Error) {
	var res WorkerResult
	sch, err := r.scheme(ins)
	if err != nil {
		return res, err
	}
	if sch.Flexible == nil || sch.Flexible.Method != MethodAverage {
		return res, newError(CodeFlexibleUndefined, "worker.kind", "所选规则未规定灵活就业人员的"+insuranceName(ins)+"缴费基数。",
			"The chosen rules set no "+string(ins)+" base for flexible workers.")
	}
	a, s, err := r.AverageAmount()
	if err != nil {
		return res, err
	}
	res.Base, res.Outcome = a, OutcomeAverage
	res.Steps = []Step{s, newStep(sch.Flexible.Cite, Yuan(a), "以平均工资为缴费基数", "The base is the average wage")}
	return res, nil
}

// ScheduleEntry is the flexible workers' lowest base over one span of
// months: the ratio (nil when a published amount overrides it) and, where
// the rule set carries the average, the amount.
type ScheduleEntry struct {
	From      Month            `json:"from"`
	To        Month            `json:"to,omitzero"`
	MinRatio  *decimal.Decimal `json:"min_ratio,omitempty"`
	MinAmount *decimal.Decimal `json:"min_amount,omitempty"`
	MaxRatio  *decimal.Decimal `json:"max_ratio,omitempty"`
	Average   *decimal.Decimal `json:"average,omitempty"`
	Ref       string           `json:"ref"`
}

// FlexibleSchedule lists the flexible workers' minimum over the rule set's
// periods, merging consecutive periods where it does not change — the
// series the app charts (89号: 60% in 2006 rising to 100% in 2010).
func (rs *RuleSet) FlexibleSchedule() []ScheduleEntry {
	var out []ScheduleEntry
	for _, p := range rs.Periods() {
		r, err := rs.At(p.From)
		if err != nil || r.Flexible == nil {
			continue
		}
		e := ScheduleEntry{From: p.From, To: p.To, MinRatio: r.Flexible.Min.Ratio, MaxRatio: r.Flexible.Max.Ratio,
			Average: r.Average.Amount, Ref: r.Flexible.Min.Cite.String()}
		if r.Flexible.Min.Amount != nil {
			e.MinRatio = nil
		}
		if fl, err := r.FlexibleLimits(); err == nil {
			e.MinAmount = &fl.Min
		}
		if n := len(out); n > 0 && sameMinimum(out[n-1], e) {
			out[n-1].To = e.To
			continue
		}
		out = append(out, e)
	}
	return out
}

func sameMinimum(a, b ScheduleEntry) bool {
	eq := func(x, y *decimal.Decimal) bool {
		return (x == nil && y == nil) || (x != nil && y != nil && x.Equal(*y))
	}
	return eq(a.MinRatio, b.MinRatio) && eq(a.MinAmount, b.MinAmount) && eq(a.MaxRatio, b.MaxRatio) && eq(a.Average, b.Average) && a.Ref == b.Ref
}
