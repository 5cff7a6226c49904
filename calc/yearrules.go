package calc

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Answer is a yes/no answer to a question about the year rules, with the
// reason and its clause.
type Answer struct {
	Question string `json:"question"`
	Yes      bool   `json:"yes"`
	Text     string `json:"text"`
	TextEN   string `json:"text_en"`
	Ref      string `json:"ref"`
}

func (r *Rules) yearRules(field string) (*YearRules, *Error) {
	if r.YearRules == nil {
		return nil, newError(CodeInsuranceUnsupported, field, "所选规则没有关于缴费年度（基数核改、沿用与补收）的条款。",
			"The chosen rules have no clauses on the insurance year (corrections, carry-over, settlement).")
	}
	return r.YearRules, nil
}

// InsuranceYear returns the insurance year that month m belongs to, named
// by its first month (a July-to-June year starting 2009-07 is "2009-07").
func (y *YearRules) InsuranceYear(m Month) Month {
	start := y.YearStart
	if start < 1 || start > 12 {
		start = 1
	}
	first := Month{Year: m.Year, Month: start}
	if m.Before(first) {
		first.Year--
	}
	return first
}

// UnitBaseRecomputed answers whether event reopens the unit base within
// the insurance year. Under 庆社险函〔2011〕3号 四.1 the unit base holds for
// the year whoever joins or leaves; only a bulk transfer, a split or a
// merger reopens it.
//
// Example: UnitBaseRecomputed("new_hire") → no; ("merger") → yes.
func (r *Rules) UnitBaseRecomputed(event string) (Answer, *Error) {
	y, err := r.yearRules("unit_event")
	if err != nil {
		return Answer{}, err
	}
	known := append([]string{"new_hire", "leaver", "wage_change"}, y.RecomputeOn...)
	if !slices.Contains(known, event) {
		return Answer{}, newError(CodeKindInvalid, "unit_event",
			fmt.Sprintf("未知的事项 “%s”；可选：%v。", event, known), fmt.Sprintf("Unknown event %q; choose one of %v.", event, known))
	}
	a := Answer{Question: "unit_event:" + event, Ref: y.UnitFixed.String()}
	if slices.Contains(y.RecomputeOn, event) {
		a.Yes = true
		a.Text = "发生成建制批量转移、分离或合并的，单位缴费基数应按原则重新核定。"
		a.TextEN = "After a bulk transfer, split or merger the unit base is determined anew, on the same principle."
		return a, nil
	}
	a.Text = "单位缴费基数一经确定，当年不因人员增减或工资变化而改变。"
	a.TextEN = "Once set, the unit base holds for the year whoever joins or leaves and however wages change."
	return a, nil
}

// CanCorrect answers whether an individual base set for baseMonth can be
// corrected when asked in askedMonth. Under 庆社险函〔2011〕3号 四.2: within
// the same insurance year, yes, on a written application with supporting
// material; for a past year, never.
//
// Example: base 2011-01, asked 2011-09 in writing → yes; asked 2012-02 → no.
func (r *Rules) CanCorrect(baseMonth, askedMonth Month, written bool) (Answer, *Error) {
	y, err := r.yearRules("correction")
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Question: "correction", Ref: y.Correction.String()}
	by, ay := y.InsuranceYear(baseMonth), y.InsuranceYear(askedMonth)
	switch {
	case askedMonth.Before(baseMonth):
		return Answer{}, newError(CodeMonthInvalid, "correction.asked", "申请月份早于基数所属月份。", "The application month is before the base's month.")
	case ay != by:
		a.Text = fmt.Sprintf("%s 起的缴费年度已过，跨年度的个人缴费基数错误一律不予核改。", by)
		a.TextEN = fmt.Sprintf("The insurance year starting %s has passed: a past year's individual base is never corrected.", by)
	case !written:
		a.Text = "当年可以核改，但须由参保单位在当年提出书面申请并提供相关材料。"
		a.TextEN = "It can be corrected this year, but only on the employer's written application with supporting material, made within the year."
	default:
		a.Yes = true
		a.Text = "同一缴费年度内，凭书面申请及相关材料可以核改个人缴费基数。"
		a.TextEN = "Within the same insurance year, a written application with supporting material allows the individual base to be corrected."
	}
	return a, nil
}

// Settlement is the difference owed once the real base replaces a
// carried-over one: per month and over Months months. A positive Total is
// collected (补收); a negative one returned (退还).
type Settlement struct {
	Months          int              `json:"months"`
	ProvisionalBase decimal.Decimal  `json:"provisional_base"`
	NewBase         decimal.Decimal  `json:"new_base"`
	BaseDifference  decimal.Decimal  `json:"base_difference"`
	Rate            *decimal.Decimal `json:"rate,omitempty"`
	PerMonth        *decimal.Decimal `json:"per_month,omitempty"`
	Total           *decimal.Decimal `json:"total,omitempty"`
	Direction       string           `json:"direction"` // "collect", "return" or "none"
	Steps           []Step           `json:"steps"`
}

// Settle computes a settlement under 庆社险函〔2011〕3号 四.3: months paid on
// a carried-over provisional base are settled against the new base. The
// monthly contribution difference is (new − provisional) × rate, rounded by
// the rule on its magnitude (so a refund rounds like a charge), and the
// total is that times months. Without a rate only the base difference is
// given.
//
// Example: provisional 2000, new 2500, rate 8%, 5 months → 40.00 a month,
// 200.00 to collect.
func (r *Rules) Settle(who string, provisional, newBase decimal.Decimal, rate *decimal.Decimal, months int) (Settlement, *Error) {
	y, err := r.yearRules("carry_over")
	if err != nil {
		return Settlement{}, err
	}
	if months < 0 || months > 12 {
		return Settlement{}, errorf(CodeMonthsInvalid, "carry_over.months", "沿用月数应为 0 到 12 的整数，收到 %d。",
			"Months on the carried-over base must be a whole number from 0 to 12; got %d.", months)
	}
	s := Settlement{Months: months, ProvisionalBase: provisional, NewBase: newBase, BaseDifference: newBase.Sub(provisional), Rate: rate}
	s.Direction = direction(s.BaseDifference)
	s.Steps = append(s.Steps, newStep(y.CarryOver, Yuan(s.BaseDifference),
		fmt.Sprintf("%s：新基数 %s − 沿用基数 %s = %s 元/月", who, Yuan(newBase), Yuan(provisional), Yuan(s.BaseDifference)),
		fmt.Sprintf("%s: new base %s − carried-over base %s = %s yuan a month", whoEN(who), Yuan(newBase), Yuan(provisional), Yuan(s.BaseDifference))))
	if rate != nil {
		per := r.Rounding.Apply(s.BaseDifference.Mul(*rate))
		total := per.Mul(decimal.NewFromInt(int64(months)))
		s.PerMonth, s.Total = &per, &total
		s.Direction = direction(total)
		verb, verbEN := map[string]string{"collect": "补收", "return": "退还", "none": "无需补退"}[s.Direction], s.Direction
		s.Steps = append(s.Steps, newStep(y.CarryOver, Yuan(total),
			fmt.Sprintf("%s × 费率 %s = %s 元/月（%s），× %d 个月 = %s 元，%s", Yuan(s.BaseDifference), Percent(*rate), Yuan(per), r.Rounding, months, Yuan(total.Abs()), verb),
			fmt.Sprintf("%s × rate %s = %s yuan a month (%s), × %d months = %s yuan to %s", Yuan(s.BaseDifference), Percent(*rate), Yuan(per), r.Rounding.StringEN(), months, Yuan(total.Abs()), verbEN)))
	}
	return s, nil
}

func direction(d decimal.Decimal) string {
	switch d.Sign() {
	case 1:
		return "collect"
	case -1:
		return "return"
	}
	return "none"
}

func whoEN(who string) string {
	switch who {
	case "个人":
		return "Worker"
	case "单位":
		return "Unit"
	}
	return who
}

// MonthsBefore counts the months of m's insurance year before m: the
// months already paid on a carried-over base when the new base takes
// effect in m.
func (y *YearRules) MonthsBefore(m Month) int {
	return m.Index() - y.InsuranceYear(m).Index()
}
