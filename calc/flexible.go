package calc

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// FlexibleChoice is what a flexible worker or individual business owner
// chose: a ratio of the average, or an amount, or nothing.
type FlexibleChoice struct {
	Ratio  *decimal.Decimal
	Amount *decimal.Decimal
}

// Tier is one discrete base a flexible worker may choose. Ratio is nil for
// a published amount that is not a ratio of the current average (a frozen
// minimum). In JSON the amount is written to the fen ("1677.20").
type Tier struct {
	Ratio  *decimal.Decimal `json:"ratio,omitempty"`
	Amount decimal.Decimal  `json:"amount"`
}

// MarshalJSON writes the amount to the fen, as every amount sibase
// outputs.
func (t Tier) MarshalJSON() ([]byte, error) {
	type out struct {
		Ratio  *decimal.Decimal `json:"ratio,omitempty"`
		Amount string           `json:"amount"`
	}
	return json.Marshal(out{Ratio: t.Ratio, Amount: Yuan(t.Amount)})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Tier) UnmarshalJSON(data []byte) error {
	var in struct {
		Ratio  *decimal.Decimal `json:"ratio,omitempty"`
		Amount decimal.Decimal  `json:"amount"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	t.Ratio, t.Amount = in.Ratio, in.Amount
	return nil
}

// FlexibleLimits is the range open to flexible workers in one month.
// MinRatio is nil when the minimum is a published amount; Tiers is empty
// when any amount within [Min, Max] may be chosen; Default is the base of
// a worker who chose nothing, where the rule names one.
type FlexibleLimits struct {
	Average  decimal.Decimal
	Min, Max decimal.Decimal
	MinRatio *decimal.Decimal
	MaxRatio *decimal.Decimal
	Choice   Choice
	Default  *decimal.Decimal
	Tiers    []Tier
	Steps    []Step
}

// flexibleLabels names the range's ends as the choice makes them: under a
// hardship reduction the minimum is how far the base may be lowered.
func flexibleLabels(c Choice) (minZH, minEN, maxZH, maxEN string) {
	if c == ChoiceHardship {
		return "困难下调的最低基数", "lowest base after a hardship reduction", "灵活就业人员最高基数", "flexible workers' highest base"
	}
	return "灵活就业人员可选最低基数", "flexible workers' lowest base to choose", "灵活就业人员可选最高基数", "flexible workers' highest base to choose"
}

// FlexibleLimits resolves the flexible workers' range for the month.
// Ratios are applied to the average and rounded by the rule (the minimum
// as a lower limit, the maximum as an upper one); a published amount
// overrides the ratio (as when Shenyang froze its minimum in 2009).
//
// Example (辽社险函〔2006〕89号 二(二), 2007, average 1444.25, the minimum
// rounded up): Min 1010.98 (70% = 1010.975), Max and Default 1444.25 (the
// average).
func (r *Rules) FlexibleLimits() (FlexibleLimits, *Error) {
	var fl FlexibleLimits
	fr := r.Flexible
	if fr == nil && r.Set == nil {
		return fl, errorf(CodeFlexibleUndefined, "rule.flexible_min_ratio", "请填写当地公布的灵活就业人员可选的最低、最高比例（或金额）。",
			"Enter the lowest and highest ratio (or amount) the place lets flexible workers choose.")
	}
	if fr == nil {
		return fl, errorf(CodeFlexibleUndefined, "worker.kind", "所选规则未规定灵活就业人员的缴费基数范围。",
			"The chosen rules set no base range for flexible workers.")
	}
	fl.Choice = fr.Choice
	// The average is needed where a bound is a ratio of it; published
	// amounts stand alone (the average is still shown if known).
	ratioOf := func(b Bound) bool { return b.Amount == nil && b.Follows == "" }
	needAverage := ratioOf(fr.Min) || ratioOf(fr.Max) || (fr.Default != nil && ratioOf(*fr.Default)) || (fr.Tiers != nil && len(fr.Tiers.Ratios) > 0)
	var avg *decimal.Decimal
	if needAverage || r.Average.Amount != nil || r.Average.Annual != nil {
		a, s, err := r.AverageAmount()
		if err != nil {
			return fl, err
		}
		fl.Average, avg = a, &a
		fl.Steps = append(fl.Steps, s)
	}
	var err *Error
	minZH, minEN, maxZH, maxEN := flexibleLabels(fr.Choice)
	if fl.Min, err = r.bound(fr.Min, avg, r.FloorRounding, minZH, minEN, "rule.flexible_min_ratio", &fl.Steps); err != nil {
		return fl, err
	}
	if fr.DepartsFrom != nil {
		d := *fr.DepartsFrom
		d.Basis = BasisDeparts
		fl.Steps[len(fl.Steps)-1] = fl.Steps[len(fl.Steps)-1].withNote(d)
	}
	if fr.Min.Amount == nil {
		fl.MinRatio = fr.Min.Ratio
	}
	if fl.Max, err = r.bound(fr.Max, avg, r.CapRounding, maxZH, maxEN, "rule.flexible_max_ratio", &fl.Steps); err != nil {
		return fl, err
	}
	if fr.Max.Amount == nil {
		fl.MaxRatio = fr.Max.Ratio
	}
	if fl.Min.GreaterThan(fl.Max) {
		return fl, errorf(CodeLimitsInvalid, "rule", "灵活就业人员最低基数 %s 高于最高基数 %s。",
			"The flexible workers' lowest base %s is above the highest %s.", Yuan(fl.Min), Yuan(fl.Max))
	}
	if fr.Default != nil {
		var steps []Step
		d, err := r.bound(*fr.Default, avg, r.Rounding, "规定的缴费基数", "the base the rule sets", "rule", &steps)
		if err != nil {
			return fl, err
		}
		fl.Default = &d
	}
	if fr.Tiers != nil {
		if fr.Min.Amount != nil {
			fl.Tiers = append(fl.Tiers, Tier{Amount: fl.Min})
		}
		for _, t := range fr.Tiers.Ratios {
			t := t
			fl.Tiers = append(fl.Tiers, Tier{Ratio: &t, Amount: r.Rounding.Apply(t.Mul(*avg))})
		}
		for _, a := range fr.Tiers.Amounts {
			fl.Tiers = append(fl.Tiers, Tier{Amount: a})
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
// for insurance ins, as the rule's Choice says:
//
//   - hardship (辽社险函〔2006〕89号 二(二)): nothing chosen → the default,
//     the average; a lower ratio or amount, down to the year's minimum, is
//     answered as the reduction the city may grant to a worker who truly
//     cannot pay on the average;
//   - free: the chosen ratio (ratio × average, rounded by the rule) or
//     amount, within the range; nothing chosen → the lowest, shown as an
//     example and said to be the worker's choice;
//   - tiers: one of the tiers.
//
// For an insurance whose scheme says MethodAverage (medical under 89号
// 二(四)) the base is the average; a ratio or amount is refused there.
//
// Example (89号 二(二), 2007, average 1444.25): no choice → 1444.25
// (default); ratio 0.8 → 1155.40 (reduced); ratio 0.65 → an error naming
// the range 1010.98 to 1444.25.
func (r *Rules) FlexibleBase(ins Insurance, c FlexibleChoice, field string) (WorkerResult, *Error) {
	var res WorkerResult
	if c.Ratio != nil && c.Amount != nil {
		return res, errorf(CodeConflict, field+".amount", "比例和金额只能填写一个。", "Give a ratio or an amount, not both.")
	}
	if ins != Pension {
		return r.flexibleByScheme(ins, c, field)
	}
	fl, err := r.FlexibleLimits()
	if err != nil {
		return res, err
	}
	fr := r.Flexible
	res.Steps = fl.Steps
	res.Min, res.Max = &fl.Min, &fl.Max
	// The chosen figure is the clause's; whose choice it is (a local
	// decision on hardship, say) is told once, in its own step.
	chosenCite := Citation{Doc: fr.ChoiceCite.Doc, Clause: fr.ChoiceCite.Clause}
	var base decimal.Decimal
	var errField string
	if c.Ratio != nil && fl.Average.IsZero() {
		// A ratio needs the average the published amounts were set from.
		if _, _, err := r.AverageAmount(); err != nil {
			zh, en := AverageName(r.Average)
			return res, newError(CodeAverageRequired, field+".ratio",
				"按比例选择需要"+zh+"，sibase 未收录这一数字：请直接填写基数金额，或在规则中填写平均工资。",
				"A ratio needs "+en+", which sibase does not carry: give the base as an amount, or enter the average.")
		}
	}
	switch {
	case c.Ratio != nil:
		d := r.derive(c.Ratio.Mul(fl.Average), r.Rounding)
		// The range's own ratios give its own ends, rounded as limits
		// are: choosing exactly the minimum ratio is choosing the minimum.
		if fl.MinRatio != nil && c.Ratio.Equal(*fl.MinRatio) {
			d = r.derive(d.Exact, r.FloorRounding)
		} else if fl.MaxRatio != nil && c.Ratio.Equal(*fl.MaxRatio) {
			d = r.derive(d.Exact, r.CapRounding)
		}
		base, errField = d.Value, field+".ratio"
		res.Steps = append(res.Steps, d.step(chosenCite,
			fmt.Sprintf("选择 %s × %s", Percent(*c.Ratio), Yuan(fl.Average)),
			fmt.Sprintf("Chosen %s × %s", Percent(*c.Ratio), Yuan(fl.Average))))
	case c.Amount != nil:
		base, errField = *c.Amount, field+".amount"
		res.Steps = append(res.Steps, newStep(chosenCite, Yuan(base), "选择金额 "+Yuan(base)+" 元", "Chosen amount: "+Yuan(base)+" yuan"))
	case fl.Default != nil:
		res.Base, res.Outcome = *fl.Default, OutcomeDefault
		res.Steps = append(res.Steps, newStep(fr.Default.Cite, Yuan(res.Base),
			"未申请下调：缴费基数为 "+Yuan(res.Base)+" 元", "No reduction asked for: the base is "+Yuan(res.Base)+" yuan"))
		if fr.Choice == ChoiceHardship {
			res.Steps = append(res.Steps, hardshipStep(fr, fl))
		}
		return res, nil
	default:
		zh, en := fl.rangeText()
		res.Base, res.Outcome = fl.Min, OutcomeToChoose
		res.Steps = append(res.Steps, newStep(fr.ChoiceCite, "", "缴费基数由本人在"+zh+"中选择", "The worker chooses the base: "+en),
			newStep(Convention("未选择时，sibase 按可选的最低基数展示缴费额，供参考；规定本身没有默认值。",
				"With nothing chosen sibase shows the lowest base allowed, for reference; the rule itself sets no default."),
				Yuan(fl.Min), "尚未选择：按最低 "+Yuan(fl.Min)+" 元展示", "Nothing chosen yet: shown at the lowest, "+Yuan(fl.Min)+" yuan"))
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
			Message:   fmt.Sprintf("%s 灵活就业人员的缴费基数可为 %s；所选 %s不在其中。", r.Month, zh, chosen),
			MessageEN: fmt.Sprintf("In %s a flexible worker's base may be %s; %s is not.", r.Month, en, chosenEN)}
	}
	res.Base, res.Outcome = base, OutcomeChosen
	if fr.Choice == ChoiceHardship && fl.Default != nil {
		switch {
		case base.Equal(*fl.Default):
			res.Outcome = OutcomeDefault
		case base.LessThan(*fl.Default):
			res.Outcome = OutcomeReduced
			res.Steps = append(res.Steps, hardshipStep(fr, fl))
		}
	}
	return res, nil
}

// hardshipStep says what a base below the default is under a hardship
// rule: a reduction the city grants, not the worker's own choice.
func hardshipStep(fr *FlexibleRange, fl FlexibleLimits) Step {
	return newStep(fr.ChoiceCite, Yuan(fl.Min),
		fmt.Sprintf("缴费确有困难的，可由所在市确定下调，最低 %s 元", Yuan(fl.Min)),
		fmt.Sprintf("Those who truly cannot pay on it may have the base lowered as the city decides, to no less than %s yuan", Yuan(fl.Min)))
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

// flexibleByScheme handles a non-pension insurance for flexible workers:
// the scheme's base (the average, under 89号 二(四)), with no choice to
// make — a chosen ratio or amount is refused, naming the clause.
func (r *Rules) flexibleByScheme(ins Insurance, c FlexibleChoice, field string) (WorkerResult, *Error) {
	var res WorkerResult
	sch, err := r.scheme(ins)
	if err != nil {
		return res, err
	}
	if sch.Flexible == nil || sch.Flexible.Method != MethodAverage {
		return res, newError(CodeFlexibleUndefined, "worker.kind", "所选规则未规定灵活就业人员的"+insuranceName(ins)+"缴费基数。",
			"The chosen rules set no "+string(ins)+" base for flexible workers.")
	}
	if c.Ratio != nil || c.Amount != nil {
		f := field + ".ratio"
		if c.Amount != nil {
			f = field + ".amount"
		}
		return res, newError(CodeConflict, f,
			fmt.Sprintf("%s只规定灵活就业人员的%s可按平均工资缴费，没有可选的比例或金额；请删去所选。", sch.Flexible.Cite, insuranceName(ins)),
			fmt.Sprintf("%s only lets a flexible worker pay %s on the average wage; it offers no ratio or amount to choose: remove it.", sch.Flexible.Cite, string(ins)))
	}
	a, s, err := r.AverageAmount()
	if err != nil {
		return res, err
	}
	res.Base, res.Outcome = a, OutcomeAverage
	res.Steps = []Step{s, newStep(sch.Flexible.Cite, Yuan(a), "以平均工资 "+Yuan(a)+" 元为缴费基数", "The base is the average wage, "+Yuan(a)+" yuan")}
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
