package calc

import "github.com/shopspring/decimal"

// UserCite is the citation on every figure a person typed in: sibase shows
// it wherever such a figure is used, and warns that it was not checked.
var UserCite = Citation{Doc: "用户输入", Note: "entered by the user"}

// defaultRoundingCite explains the rounding used when a person's own rules
// name none: sibase's convention, as in the bundled sets whose notices set
// no rounding.
var defaultRoundingCite = Convention(
	"未指定取整方式：sibase 将推算的下限向上、上限向下取整到分，使其不越过所定比例；其他推算金额四舍五入到分。",
	"No rounding given: sibase rounds a derived floor up and a derived cap down to the fen, so neither crosses its ratio, and every other derived figure half-up to the fen.")

// UserFigures are published figures a person types in: they override a
// bundled rule set's values for one request, or stand alone when the
// person's place is not bundled. A published Floor or Cap amount wins over
// its ratio. Nil fields are not given.
type UserFigures struct {
	Average                            *decimal.Decimal
	Floor, Cap                         *decimal.Decimal
	FloorRatio, CapRatio               *decimal.Decimal
	Rounding                           *RoundMode
	Places                             *int32
	FlexibleMinRatio, FlexibleMaxRatio *decimal.Decimal
	FlexibleMin, FlexibleMax           *decimal.Decimal
	UnitMethod                         Method
	InstitutionWage                    string // "total": the alternative wage a rule offers institutions
	Rates                              map[Payer]decimal.Decimal
}

// IsZero reports whether no figure was given.
func (u UserFigures) IsZero() bool {
	return u.Average == nil && u.Floor == nil && u.Cap == nil && u.FloorRatio == nil && u.CapRatio == nil &&
		u.Rounding == nil && u.Places == nil && u.FlexibleMinRatio == nil && u.FlexibleMaxRatio == nil &&
		u.FlexibleMin == nil && u.FlexibleMax == nil && u.UnitMethod == "" && u.InstitutionWage == "" && len(u.Rates) == 0
}

// NewUserRules builds rules for month m from the person's figures alone:
// pension-style limits (own wage held between floor and cap), the flexible
// range if given, the unit-base method if given, and half-up to the fen
// unless a rounding is given (a derived floor rounded up and a cap down,
// sibase's convention).
func NewUserRules(m Month, ins Insurance, u UserFigures) (*Rules, *Error) {
	r := &Rules{
		Month:         m,
		PeriodFrom:    m,
		PeriodTo:      m,
		Average:       Average{Cite: UserCite},
		Rounding:      Rounding{Mode: RoundHalfUp, Places: 2},
		FloorRounding: Rounding{Mode: RoundUp, Places: 2},
		CapRounding:   Rounding{Mode: RoundDown, Places: 2},
		RoundingCite:  defaultRoundingCite,
		Bases: map[Insurance]Scheme{ins: {
			Individual: MethodRule{Method: MethodWithinLimits, Cite: UserCite},
			Unit:       map[EmployerKind]MethodRule{},
		}},
		Rates: map[Insurance]RateSet{},
	}
	if err := r.Override(ins, u); err != nil {
		return nil, err
	}
	return r, nil
}

// Override replaces the rules' values with the person's figures for
// insurance ins. It checks the figures it is given: a rounding mode and
// places, a unit method, rates below 1.
func (r *Rules) Override(ins Insurance, u UserFigures) *Error {
	if u.Average != nil {
		a := *u.Average
		r.Average.Amount = &a
		r.Average.Source = &Source{Doc: UserCite.Doc, Grade: "Q"}
	}
	overrideBound(&r.Floor, u.Floor, u.FloorRatio)
	overrideBound(&r.Cap, u.Cap, u.CapRatio)
	if u.Rounding != nil || u.Places != nil {
		if u.Rounding != nil {
			r.Rounding.Mode = *u.Rounding
		}
		if u.Places != nil {
			r.Rounding.Places = *u.Places
		}
		r.RoundingCite = UserCite
		if err := r.Rounding.Validate("rule.rounding"); err != nil {
			if err.Field == "rule.rounding.places" {
				err.Field = "rule.places"
			} else {
				err.Field = "rule.rounding"
			}
			return err
		}
		r.FloorRounding, r.CapRounding = r.Rounding, r.Rounding
	}
	r.InstitutionWage = u.InstitutionWage
	if u.FlexibleMinRatio != nil || u.FlexibleMaxRatio != nil || u.FlexibleMin != nil || u.FlexibleMax != nil {
		fr := FlexibleRange{Choice: ChoiceFree, ChoiceCite: UserCite}
		if r.Flexible != nil {
			fr = *r.Flexible
		}
		overrideBound(&fr.Min, u.FlexibleMin, u.FlexibleMinRatio)
		overrideBound(&fr.Max, u.FlexibleMax, u.FlexibleMaxRatio)
		r.Flexible = &fr
	}
	if u.UnitMethod != "" {
		ok := false
		for _, m := range unitMethods {
			ok = ok || m == u.UnitMethod
		}
		if !ok {
			return errorf(CodeKindInvalid, "rule.unit_method", "单位缴费基数方法应为 max_payroll_or_sum、sum_of_bases、last_month_payroll 或 avg_payroll，收到 “%s”。",
				"The unit-base method must be max_payroll_or_sum, sum_of_bases, last_month_payroll or avg_payroll; got %q.", string(u.UnitMethod))
		}
		sch := r.Bases[ins]
		unit := map[EmployerKind]MethodRule{}
		for _, k := range employerKinds {
			unit[k] = MethodRule{Method: u.UnitMethod, Cite: UserCite}
		}
		sch.Unit = unit
		r.Bases[ins] = sch
	}
	if len(u.Rates) > 0 {
		rs := r.Rates[ins]
		for payer, v := range u.Rates {
			if !v.IsPositive() || !v.LessThan(decimal.NewFromInt(1)) {
				return errorf(CodeRatioInvalid, "rule.rates."+string(payer), "费率应大于 0 且小于 1（如 0.08），收到 %s。",
					"A rate must be above 0 and below 1 (e.g. 0.08); got %s.", v.String())
			}
			rate := &Rate{Rate: v, Cite: UserCite}
			switch payer {
			case PayerUnit:
				rs.Unit = rate
			case PayerIndividual:
				rs.Individual = rate
			case PayerFlexible:
				rs.Flexible = rate
			}
		}
		r.Rates[ins] = rs
	}
	return nil
}

// overrideBound sets b to a person's amount (which wins) or ratio.
func overrideBound(b *Bound, amount, ratio *decimal.Decimal) {
	switch {
	case amount != nil:
		a := *amount
		*b = Bound{Amount: &a, Cite: UserCite}
	case ratio != nil:
		x := *ratio
		*b = Bound{Ratio: &x, Cite: UserCite}
	}
}
