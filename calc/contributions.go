package calc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// monthsPerYear turns a monthly contribution into a yearly one: twelve
// equal months on a base fixed for the year (庆社险函〔2011〕3号 四.1–四.2).
var monthsPerYear = decimal.NewFromInt(12)

// Contribution is one party's contribution on a base: base × rate, rounded
// by the rule (the one place contributions are rounded), and twelve times
// that for the year.
type Contribution struct {
	Rate    decimal.Decimal
	Monthly decimal.Decimal
	Yearly  decimal.Decimal
	Step    Step
}

// Payer names who pays a contribution.
type Payer string

// Payers.
const (
	PayerUnit        Payer = "unit"
	PayerIndividual  Payer = "individual"
	PayerInstitution Payer = "institution" // an institution worker's own share
	PayerFlexible    Payer = "flexible"    // a flexible worker pays the whole contribution
)

// Rate returns the insurance's rate for payer, or nil if no source gives it.
func (r *Rules) Rate(ins Insurance, payer Payer) *Rate {
	rs, ok := r.Rates[ins]
	if !ok {
		return nil
	}
	switch payer {
	case PayerUnit:
		return rs.Unit
	case PayerIndividual:
		return rs.Individual
	case PayerInstitution:
		return rs.Institution
	case PayerFlexible:
		return rs.Flexible
	}
	return nil
}

// Contribute computes payer's contribution on base, or reports false when
// the rate is unknown.
//
// Example: base 1366.80 at 8% = 109.344, half-up to the fen → 109.34 a
// month, 1312.08 a year.
func (r *Rules) Contribute(ins Insurance, payer Payer, base decimal.Decimal) (Contribution, bool) {
	rate := r.Rate(ins, payer)
	if rate == nil {
		return Contribution{}, false
	}
	d := r.derive(base.Mul(rate.Rate), r.Rounding)
	m := d.Value
	c := Contribution{Rate: rate.Rate, Monthly: m, Yearly: m.Mul(monthsPerYear)}
	zh := map[Payer]string{PayerUnit: "单位缴费", PayerIndividual: "个人缴费", PayerInstitution: "个人缴费", PayerFlexible: "灵活就业人员缴费"}[payer]
	en := map[Payer]string{PayerUnit: "Unit contribution", PayerIndividual: "Individual contribution", PayerInstitution: "Individual contribution", PayerFlexible: "Flexible worker's contribution"}[payer]
	c.Step = d.step(rate.Cite, fmt.Sprintf("%s：%s × %s", zh, Yuan(base), Percent(rate.Rate)), fmt.Sprintf("%s: %s × %s", en, Yuan(base), Percent(rate.Rate)))
	c.Step.Text += fmt.Sprintf(" 元/月，全年 %s 元", Yuan(c.Yearly))
	c.Step.TextEN += fmt.Sprintf(" yuan a month, %s yuan a year", Yuan(c.Yearly))
	return c, true
}
