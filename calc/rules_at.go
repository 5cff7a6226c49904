package calc

import (
	"fmt"
	"sort"
)

// Rules are a rule set's parameters resolved for one month: one value of
// each, ready for the computations. Set is nil for rules typed in by the
// user alone. Optional parameters the rule set does not define are nil.
type Rules struct {
	Set        *RuleSet
	Month      Month
	PeriodFrom Month // the first month these values hold
	PeriodTo   Month // the last month they hold; zero: open-ended

	Average       Average
	Floor, Cap    Bound
	Rounding      Rounding
	RoundingCite  Citation
	FloorRounding Rounding // rounds the lower limits: the floor, the flexible minimum
	CapRounding   Rounding // rounds the upper limits: the cap, the flexible maximum
	UnknownIncome *Citation
	Flexible      *FlexibleRange
	Bases         map[Insurance]Scheme
	// InstitutionWage is the wage an institution worker's base takes where
	// the rule offers an alternative and the request chose it ("total").
	InstitutionWage string
	Rates           map[Insurance]RateSet
	YearRules       *YearRules

	brief bool // individual results without their steps (Brief)
}

// Brief returns a copy of the rules whose individual results (employee,
// institution and exempt bases) come without explanation steps: a roster
// of 100,000 rows shows none, and building them is most of its cost. The
// employer's own steps are kept.
func (r *Rules) Brief() *Rules {
	c := *r
	c.brief = true
	return &c
}

type dated interface{ from() Month }

// valueAt returns the last value whose From is not after m.
func valueAt[T dated](vals []T, m Month) (T, bool) {
	var zero T
	found := false
	for _, v := range vals {
		if v.from().After(m) {
			break
		}
		zero, found = v, true
	}
	return zero, found
}

// Start is the first month the rule set covers: the earliest From of its
// averages.
func (rs *RuleSet) Start() Month {
	if len(rs.Params.Average) == 0 {
		return Month{}
	}
	return rs.Params.Average[0].From
}

// Covers reports whether m falls within the rule set's months.
func (rs *RuleSet) Covers(m Month) bool {
	start := rs.Start()
	if start.IsZero() || m.Before(start) {
		return false
	}
	return rs.Until.IsZero() || !m.After(rs.Until)
}

// Period is a span of months over which none of a rule set's parameters
// changes. To is zero for an open-ended last period.
type Period struct {
	From Month `json:"from"`
	To   Month `json:"to,omitzero"`
}

// eachFrom calls f with the From month of every value of every parameter.
func (rs *RuleSet) eachFrom(f func(Month)) {
	p := rs.Params
	fromsOf(p.Average, f)
	fromsOf(p.Floor, f)
	fromsOf(p.Cap, f)
	fromsOf(p.Rounding, f)
	fromsOf(p.UnknownIncome, f)
	fromsOf(p.Flexible, f)
	for _, vs := range p.Bases {
		fromsOf(vs, f)
	}
	for _, vs := range p.Rates {
		fromsOf(vs, f)
	}
	fromsOf(p.YearRules, f)
}

func fromsOf[T dated](vals []T, f func(Month)) {
	for _, v := range vals {
		f(v.from())
	}
}

// Periods lists the rule set's periods in order: a new one starts
// wherever any parameter takes a new value.
func (rs *RuleSet) Periods() []Period {
	seen := map[Month]bool{}
	rs.eachFrom(func(m Month) {
		if rs.Covers(m) {
			seen[m] = true
		}
	})
	starts := make([]Month, 0, len(seen))
	for m := range seen {
		starts = append(starts, m)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	periods := make([]Period, len(starts))
	for i, m := range starts {
		periods[i].From = m
		if i+1 < len(starts) {
			periods[i].To = starts[i+1].AddMonths(-1)
		} else {
			periods[i].To = rs.Until
		}
	}
	return periods
}

// periodAround returns the period holding m (which the set covers): it
// starts at the latest change not after m and ends before the next one.
// It is Periods' answer for one month, without building them all.
func (rs *RuleSet) periodAround(m Month) Period {
	var per Period
	var next Month
	rs.eachFrom(func(f Month) {
		switch {
		case !f.After(m):
			if per.From.IsZero() || f.After(per.From) {
				per.From = f
			}
		case rs.Covers(f) && (next.IsZero() || f.Before(next)):
			next = f
		}
	})
	per.To = rs.Until
	if !next.IsZero() {
		per.To = next.AddMonths(-1)
	}
	return per
}

// At resolves the rule set for month m. A month outside the set's months is
// an error naming the months covered (field "date").
//
// Example:
//
//	r, err := set.At(calc.MustMonth("2007-03"))
//	// r.Flexible.Min.Ratio is 0.7 under 辽社险函〔2006〕89号 二(二)
func (rs *RuleSet) At(m Month) (*Rules, *Error) {
	if !rs.Covers(m) {
		to := rs.Until.String()
		if to == "" {
			to = "至今"
		}
		toEN := rs.Until.String()
		if toEN == "" {
			toEN = "on"
		}
		return nil, newError(CodeDateOutOfRange, "date",
			fmt.Sprintf("%s（%s）只适用于 %s 至 %s，不含 %s。", rs.Title, rs.Document, rs.Start(), to, m),
			fmt.Sprintf("%s (%s) covers %s to %s only, not %s.", rs.TitleEN, rs.Document, rs.Start(), toEN, m))
	}
	r := &Rules{Set: rs, Month: m, Bases: map[Insurance]Scheme{}, Rates: map[Insurance]RateSet{}}
	p := rs.Params
	if v, ok := valueAt(p.Average, m); ok {
		r.Average = v.Average
	}
	if v, ok := valueAt(p.Floor, m); ok {
		r.Floor = v.Bound
	}
	if v, ok := valueAt(p.Cap, m); ok {
		r.Cap = v.Bound
	}
	if v, ok := valueAt(p.Rounding, m); ok {
		r.setRounding(v)
	}
	if v, ok := valueAt(p.UnknownIncome, m); ok {
		c := v.Cite
		r.UnknownIncome = &c
	}
	if v, ok := valueAt(p.Flexible, m); ok {
		r.Flexible = &v
	}
	for ins, vs := range p.Bases {
		if v, ok := valueAt(vs, m); ok {
			r.Bases[ins] = v
		}
	}
	for ins, vs := range p.Rates {
		if v, ok := valueAt(vs, m); ok {
			r.Rates[ins] = v
		}
	}
	if v, ok := valueAt(p.YearRules, m); ok {
		r.YearRules = &v
	}
	per := rs.periodAround(m)
	r.PeriodFrom, r.PeriodTo = per.From, per.To
	return r, nil
}

// setRounding takes a dated rounding's modes: the lower and upper limits
// round as the rounding says for them, else like every derived figure.
func (r *Rules) setRounding(v DatedRounding) {
	r.Rounding, r.RoundingCite = v.Rounding, v.Cite
	r.FloorRounding, r.CapRounding = v.Rounding, v.Rounding
	if v.Floor != nil {
		r.FloorRounding = *v.Floor
	}
	if v.Cap != nil {
		r.CapRounding = *v.Cap
	}
}
