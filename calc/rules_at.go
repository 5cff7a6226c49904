package calc

import (
	"github.com/shopspring/decimal"

	"fmt"
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
	// Place is where the rules were resolved for: a city and an employer
	// kind; Variants are the parts of the province whose figures applied
	// (a zone, institutions).
	Place    Place
	Variants []*Variant
	// Provisional: the month is after the last period published, and the
	// figures are that period's, until the new ones are published.
	Provisional bool
	// Asked is the month asked about; Month is the month whose figures
	// answer it (earlier when Provisional).
	Asked Month
	// OwnSet is the city's own rule set, when it does not cover the month
	// and its province's answers instead.
	OwnSet    *RuleSet
	Rates     map[Insurance]RateSet
	YearRules *YearRules

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

// Place selects the part of a rule set that applies: a city (its GB/T
// 2260 code; "" for the province as a whole) and an employer kind (""
// for an employee of an enterprise, or a flexible worker).
type Place struct {
	City string
	Kind EmployerKind
}

// Start is the first month the rule set covers: the earliest From of its
// floors (every set has one from its first month).
func (rs *RuleSet) Start() Month {
	if len(rs.Params.Floor) == 0 {
		return Month{}
	}
	return rs.Params.Floor[0].From
}

// Covers reports whether m falls within the rule set's months (a set
// that carries forward covers every month after its start, the later
// ones provisionally).
func (rs *RuleSet) Covers(m Month) bool {
	start := rs.Start()
	if start.IsZero() || m.Before(start) {
		return false
	}
	return rs.Until.IsZero() || rs.CarryForward || !m.After(rs.Until)
}

// Published reports whether m falls within the months the published
// figures cover (not carried forward).
func (rs *RuleSet) Published(m Month) bool {
	return rs.Covers(m) && (rs.Until.IsZero() || !m.After(rs.Until))
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
	rs.variantFroms(f)
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
	// An insertion sort: a set has a few dozen starts at most, and a
	// generic sort would add its code to app.wasm for each type sorted.
	for i := 1; i < len(starts); i++ {
		for j := i; j > 0 && starts[j].Before(starts[j-1]); j-- {
			starts[j], starts[j-1] = starts[j-1], starts[j]
		}
	}
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

// variantFroms calls f with the From month of every value of every
// variant's parameters.
func (rs *RuleSet) variantFroms(f func(Month)) {
	for _, v := range rs.Variants {
		fromsOf(v.Params.Average, f)
		fromsOf(v.Params.Floor, f)
		fromsOf(v.Params.Cap, f)
		fromsOf(v.Params.Flexible, f)
	}
}

// At resolves the rule set for month m. A month outside the set's months is
// an error naming the months covered (field "date").
//
// Example:
//
//	r, err := set.At(calc.MustMonth("2007-03"))
//	// r.Flexible.Min.Ratio is 0.7 under 辽社险函〔2006〕89号 二(二)
func (rs *RuleSet) At(m Month) (*Rules, *Error) { return rs.AtPlace(m, Place{}) }

// AtPlace resolves the rule set for month m at a place: the province's
// values, replaced by those of every variant that applies to the city and
// employer kind. A month after the published periods of a set that
// carries forward gets the last period's figures, marked Provisional.
func (rs *RuleSet) AtPlace(m Month, place Place) (*Rules, *Error) {
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
	asked := m
	provisional := !rs.Published(m)
	if provisional {
		m = rs.Until
	}
	r := &Rules{Set: rs, Month: m, Asked: asked, Provisional: provisional, Place: place, Bases: map[Insurance]Scheme{}, Rates: map[Insurance]RateSet{}}
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
	for i := range rs.Variants {
		if v := &rs.Variants[i]; v.Applies(place.City, place.Kind) && r.overlay(v, m) {
			r.Variants = append(r.Variants, v)
		}
	}
	per := rs.periodAround(m)
	r.PeriodFrom, r.PeriodTo = per.From, per.To
	return r, nil
}

// overlay replaces the rules' values with the variant's that hold in m,
// and reports whether it had any.
func (r *Rules) overlay(v *Variant, m Month) bool {
	any := false
	if x, ok := valueAt(v.Params.Average, m); ok {
		r.Average, any = x.Average, true
	}
	if x, ok := valueAt(v.Params.Floor, m); ok {
		r.Floor, any = x.Bound, true
	}
	if x, ok := valueAt(v.Params.Cap, m); ok {
		r.Cap, any = x.Bound, true
	}
	if x, ok := valueAt(v.Params.Flexible, m); ok {
		r.Flexible, any = &x, true
	}
	return any
}

// CityVariants lists the zones of the rule set whose floor differs from
// the province's this month, where the rules were resolved for no city:
// the answer then holds only outside them.
func (r *Rules) CityVariants() []*Variant {
	if r.Set == nil || r.Place.City != "" {
		return nil
	}
	var out []*Variant
	for i := range r.Set.Variants {
		v := &r.Set.Variants[i]
		if len(v.Cities) == 0 {
			continue
		}
		if fv, ok := valueAt(v.Params.Floor, r.Month); ok && !sameBound(fv.Bound, r.Floor) {
			out = append(out, v)
		}
	}
	return out
}

// sameBound reports whether two bounds give the same figure.
func sameBound(a, b Bound) bool {
	eq := func(x, y *decimal.Decimal) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	return a.Follows == b.Follows && eq(a.Amount, b.Amount) && eq(a.Ratio, b.Ratio)
}

// Status is how far the figures in use can be trusted: the least trusted
// grade among the sources of the published limits (a period whose floor
// and cap are official is official; the average's own source is named in
// its step), or the rule set's own status where its limits carry no
// source.
func (r *Rules) Status() Status {
	var st Status
	for _, src := range []*Source{r.Floor.Source, r.Cap.Source} {
		if src != nil {
			st = worse(st, src.status())
		}
	}
	if r.Flexible != nil {
		for _, src := range []*Source{r.Flexible.Min.Source, r.Flexible.Max.Source} {
			if src != nil {
				st = worse(st, src.status())
			}
		}
	}
	if st == "" && r.Set != nil {
		return r.Set.Status
	}
	return st
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
