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
	Basis    Basis  `json:"basis,omitempty"` // "reading" where the answer is sibase's reading of the clause
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
// the year whether staff join or leave; only a bulk transfer, a split or a
// merger reopens it. The clause names no other event: for a change of
// wages ("wage_change") the answer is sibase's reading of "当年的单位缴费基数
// 将不再随着变化", and says so.
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
	switch {
	case slices.Contains(y.RecomputeOn, event):
		a.Yes = true
		a.Text = "发生成建制批量转移、分离或合并的，单位缴费基数应按原则重新核定。"
		a.TextEN = "After a bulk transfer, split or merger the unit base is determined anew, on the same principle."
	case event == "wage_change":
		a.Text = "条款只写明人员增减不改变当年的单位缴费基数，没有提到工资变化；sibase 按“当年的单位缴费基数将不再随着变化”理解为工资变化同样不重新核定，请以经办机构答复为准。"
		a.TextEN = "The clause says only that staff joining or leaving do not change the year's unit base; it does not mention wage changes. sibase reads \"the year's unit base will no longer change\" as covering them too: confirm with the bureau."
		a.Basis = BasisReading
	default:
		a.Text = "单位缴费基数一经确定，当年不因新增或减少人员而改变。"
		a.TextEN = "Once set, the unit base holds for the year whether staff join or leave."
	}
	return a, nil
}

// CanCorrect answers whether an individual base set for baseMonth can be
// corrected when asked in askedMonth. Under 庆社险函〔2011〕3号 四.2 the
// individual base is fixed for the year; only a declaration error
// (申报错误) may be corrected, on the employer's written application with
// supporting material made within the same insurance year; an error
// across years, never. A change of wages is not a ground.
//
// Example: base 2011-01, asked 2011-09 in writing → yes, for a declaration
// error; asked 2012-02 → no.
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
		a.Text = fmt.Sprintf("%s 起的缴费年度已过：跨年度的个人缴费基数申报错误一律不予核改。", by)
		a.TextEN = fmt.Sprintf("The insurance year starting %s has passed: a declaration error in a past year's individual base is never corrected.", by)
	case !written:
		a.Text = "个人缴费基数确定后当年不再变化；只有申报错误可以核改，且须由参保单位在当年提出书面申请并提供相关材料。"
		a.TextEN = "The individual base is fixed for the year; only a declaration error can be corrected, and only on the employer's written application with supporting material, made within the year."
	default:
		a.Yes = true
		a.Text = "如确属个人缴费基数申报错误，同一缴费年度内凭参保单位的书面申请及相关材料可以核改；工资变化不是核改的理由，基数当年不再变化。"
		a.TextEN = "If the individual base was declared in error, the employer's written application with supporting material, made within the same insurance year, allows it to be corrected. A change of wages is not a ground: the base is fixed for the year."
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
// given. The clause names only collecting the difference (补收); a refund
// when the new base is lower is sibase's reading of its "调整", and the
// answer says so. months is at most maxMonths, the months of the insurance
// year already passed.
//
// Example: provisional 2000, new 2500, rate 8%, 5 months → 40.00 a month,
// 200.00 to collect.
func (r *Rules) Settle(who string, provisional, newBase decimal.Decimal, rate *decimal.Decimal, months, maxMonths int) (Settlement, *Error) {
	y, err := r.yearRules("carry_over")
	if err != nil {
		return Settlement{}, err
	}
	if months < 0 || months > maxMonths {
		return Settlement{}, errorf(CodeMonthsInvalid, "carry_over.months", "沿用月数应为 0 到 %d 的整数（%s 之前本缴费年度已过 %d 个月），收到 %d。",
			"Months on the carried-over base must be a whole number from 0 to %d (%[2]s is preceded by %[3]d months of its insurance year); got %[4]d.", maxMonths, r.Month, maxMonths, months)
	}
	s := Settlement{Months: months, ProvisionalBase: provisional, NewBase: newBase, BaseDifference: newBase.Sub(provisional), Rate: rate}
	s.Direction = direction(s.BaseDifference)
	s.Steps = append(s.Steps, newStep(y.CarryOver, Yuan(s.BaseDifference),
		fmt.Sprintf("%s：新基数 %s − 沿用基数 %s = %s 元/月", who, Yuan(newBase), Yuan(provisional), Yuan(s.BaseDifference)),
		fmt.Sprintf("%s: new base %s − carried-over base %s = %s yuan a month", whoEN(who), Yuan(newBase), Yuan(provisional), Yuan(s.BaseDifference))))
	if rate != nil {
		per := r.Rounding.Apply(s.BaseDifference.Mul(*rate)) // on the magnitude, by the rule (Rounding acts away from or toward zero)
		total := per.Mul(decimal.NewFromInt(int64(months)))
		s.PerMonth, s.Total = &per, &total
		s.Direction = direction(total)
		verb, verbEN := map[string]string{"collect": "补收", "return": "退还", "none": "无需补退"}[s.Direction], s.Direction
		s.Steps = append(s.Steps, newStep(y.CarryOver, Yuan(total),
			fmt.Sprintf("%s × 费率 %s = %s 元/月（%s），× %d 个月 = %s 元，%s", Yuan(s.BaseDifference), Percent(*rate), Yuan(per), r.Rounding, months, Yuan(total.Abs()), verb),
			fmt.Sprintf("%s × rate %s = %s yuan a month (%s), × %d months = %s yuan to %s", Yuan(s.BaseDifference), Percent(*rate), Yuan(per), r.Rounding.StringEN(), months, Yuan(total.Abs()), verbEN)))
	}
	if s.Direction == "return" && y.Refund != nil {
		last := &s.Steps[len(s.Steps)-1]
		*last = last.withNote(*y.Refund)
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
