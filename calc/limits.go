package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits are the floor and cap on a worker's base for one month, with the
// average they derive from (nil when both are published amounts and no
// average was given).
type Limits struct {
	Average *decimal.Decimal
	Floor   decimal.Decimal
	Cap     decimal.Decimal
	Steps   []Step
}

// AverageAmount returns the average for the month, or an error asking for
// it (field "rule.average") that names which average the rule needs.
func (r *Rules) AverageAmount() (decimal.Decimal, Step, *Error) {
	zh, en := AverageName(r.Average)
	if r.Average.Amount == nil && r.Average.Annual != nil {
		// A yearly figure as published: the monthly one is sibase's
		// arithmetic, said so.
		d := r.derive(r.Average.Annual.Div(monthsPerYear), r.Rounding)
		s := d.step(r.Average.Cite, "基准："+zh+"：公布的年平均工资 "+Yuan(*r.Average.Annual)+" 元 ÷ 12",
			"Reference: "+en+": the published yearly average "+Yuan(*r.Average.Annual)+" ÷ 12")
		return d.Value, r.sourced(s, r.Average.Source), nil
	}
	if r.Average.Amount == nil {
		return decimal.Zero, Step{}, newError(CodeAverageRequired, "rule.average",
			"请填写"+zh+"：该规则以其为基准("+r.Average.Cite.String()+")，但 sibase 未收录这一数字。",
			"Enter "+en+": the rule is based on it ("+r.Average.Cite.String()+"), and sibase does not carry the figure.")
	}
	a := *r.Average.Amount
	return a, r.sourced(newStep(r.Average.Cite, Yuan(a), "基准："+zh, "Reference: "+en), r.Average.Source), nil
}

// sourced adds where a figure was published to its step: "（用户输入）" for
// a figure typed in, else the source's document.
func (r *Rules) sourced(s Step, src *Source) Step {
	switch {
	case src == nil:
	case src.Doc == UserCite.Doc:
		s.Text += "（用户输入）"
		s.TextEN += " (entered by the user)"
	case src.Name() != "" && !strings.HasPrefix(s.Ref, src.Name()):
		s.Text += "（数字来源：" + src.Name() + "）"
		s.TextEN += " (figure from " + src.Name() + ")"
	}
	return s
}

// LimitsFor returns the floor and cap an insurance's individual base is
// held within: its scheme's own where the notice gives them (a medical
// range), else the rule set's.
func (r *Rules) LimitsFor(ins Insurance) (Limits, *Error) {
	sch, ok := r.Bases[ins]
	if !ok || (sch.Floor == nil && sch.Cap == nil) {
		return r.Limits()
	}
	c := *r
	if sch.Floor != nil {
		c.Floor = *sch.Floor
	}
	if sch.Cap != nil {
		c.Cap = *sch.Cap
	}
	return c.Limits()
}

// Limits returns the floor and cap for the month. A published amount is
// used as published; a ratio is applied to the average and the product
// rounded by the rule's FloorRounding or CapRounding (the one place limits
// are rounded).
//
// Example (辽社险函〔2006〕89号, an average of 1657.92; sibase's convention
// rounds a derived floor up and a derived cap down, to the fen):
//
//	floor = 60% × 1657.92 = 994.752 → 994.76, cap = 300% × 1657.92 = 4973.76
func (r *Rules) Limits() (Limits, *Error) {
	var l Limits
	needAverage := r.Floor.Amount == nil || r.Cap.Amount == nil
	if needAverage || r.Average.Amount != nil {
		a, s, err := r.AverageAmount()
		if err != nil {
			return l, err
		}
		l.Average = &a
		l.Steps = append(l.Steps, s)
	}
	var err *Error
	if l.Floor, err = r.bound(r.Floor, l.Average, r.FloorRounding, "下限", "floor", "rule.floor", &l.Steps); err != nil {
		return l, err
	}
	if l.Cap, err = r.bound(r.Cap, l.Average, r.CapRounding, "上限", "cap", "rule.cap", &l.Steps); err != nil {
		return l, err
	}
	if !l.Floor.LessThan(l.Cap) {
		return l, errorf(CodeLimitsInvalid, "rule", "下限 %s 应低于上限 %s。", "The floor %s must be below the cap %s.", Yuan(l.Floor), Yuan(l.Cap))
	}
	return l, nil
}

// bound evaluates one Bound: the floor or cap it follows, its published
// amount, or ratio × average rounded by ro.
func (r *Rules) bound(b Bound, avg *decimal.Decimal, ro Rounding, zh, en, field string, steps *[]Step) (decimal.Decimal, *Error) {
	if b.Follows != "" {
		lim, err := r.Limits()
		if err != nil {
			return decimal.Zero, err
		}
		v, name, nameEN := lim.Floor, "缴费基数下限", "the floor"
		if b.Follows == "cap" {
			v, name, nameEN = lim.Cap, "缴费基数上限", "the cap"
		}
		*steps = append(*steps, newStep(b.Cite, Yuan(v),
			fmt.Sprintf("%s：同%s %s 元", zh, name, Yuan(v)),
			fmt.Sprintf("%s: %s, %s yuan", capitalize(en), nameEN, Yuan(v))))
		return v, nil
	}
	if b.Amount != nil {
		a := *b.Amount
		*steps = append(*steps, r.sourced(newStep(b.Cite, Yuan(a),
			fmt.Sprintf("%s：公布金额 %s 元", zh, Yuan(a)),
			fmt.Sprintf("%s: the published amount, %s yuan", capitalize(en), Yuan(a))), b.Source))
		return a, nil
	}
	if b.Ratio == nil || avg == nil {
		return decimal.Zero, newError(CodeLimitsInvalid, field, "规则未给出"+zh+"。", "The rule gives no "+en+".")
	}
	d := r.derive(b.Ratio.Mul(*avg), ro)
	*steps = append(*steps, d.step(b.Cite,
		fmt.Sprintf("%s：%s × %s", zh, Percent(*b.Ratio), Yuan(*avg)),
		fmt.Sprintf("%s: %s × %s", capitalize(en), Percent(*b.Ratio), Yuan(*avg))))
	return d.Value, nil
}

// derived is a figure sibase computed: the exact product or quotient and
// the value after rounding.
type derived struct {
	Exact, Value decimal.Decimal
	Rounding     Rounding
	Cite         Citation // the rounding's
}

// derive rounds an exact figure by ro (the rule's rounding citation goes
// with it).
func (r *Rules) derive(exact decimal.Decimal, ro Rounding) derived {
	return derived{Exact: exact, Value: ro.Apply(exact), Rounding: ro, Cite: r.RoundingCite}
}

// rounded reports whether rounding changed the figure.
func (d derived) rounded() bool { return !d.Exact.Equal(d.Value) }

// step explains the figure after the formula zh/en ("下限：60% × 1657.92"):
// "= 994.76", or, where rounding changed it, "= 994.752，向上取整到分 =
// 994.76" with the rounding's citation noted (a rounding no document sets
// says it is sibase's convention).
func (d derived) step(cite Citation, zh, en string) Step {
	if !d.rounded() {
		return newStep(cite, Yuan(d.Value), zh+" = "+Yuan(d.Value), en+" = "+Yuan(d.Value))
	}
	return newStep(cite, Yuan(d.Value),
		fmt.Sprintf("%s = %s，%s = %s", zh, exactText(d.Exact), d.Rounding, Yuan(d.Value)),
		fmt.Sprintf("%s = %s, %s: %s", en, exactText(d.Exact), d.Rounding.StringEN(), Yuan(d.Value))).withNote(d.Cite)
}

// exactText writes an exact figure for an explanation: as it is up to four
// decimal places ("994.752"), cut there with "…" beyond
// ("6666.6666…" for 20000 ÷ 3).
func exactText(d decimal.Decimal) string {
	if t := d.Truncate(4); !t.Equal(d) {
		return t.String() + "…"
	}
	return d.String()
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
