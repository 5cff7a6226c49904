package estimate

import (
	"fmt"

	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/rules"
)

// Run answers a request. Every mistake in it comes back as a *calc.Error
// naming the field; nothing is guessed.
func Run(req *Request) (*Response, *calc.Error) {
	r, ins, err := ResolveRules(req)
	if err != nil {
		return nil, err
	}
	return respond(req, r, ins)
}

// ResolveRules picks and resolves the rules a request names — its date,
// region or rule set, and inline figures — without computing anything;
// the batch roster uses it to decide a payroll file's rows.
func ResolveRules(req *Request) (*calc.Rules, calc.Insurance, *calc.Error) {
	if req.Date == "" {
		return nil, "", required("date", "请填写月份（年-月），例如 2011-06。", "Give the month (YYYY-MM), e.g. 2011-06.")
	}
	month, err := calc.ParseMonth("date", req.Date)
	if err != nil {
		return nil, "", err
	}
	ins, err := parseInsurance(req.Insurance)
	if err != nil {
		return nil, "", err
	}
	figures, err := userFigures(req.Rule)
	if err != nil {
		return nil, "", err
	}
	r, err := pickRules(req, month, ins, figures)
	return r, ins, err
}

// respond computes the parts of the answer the request asks for.
func respond(req *Request, r *calc.Rules, ins calc.Insurance) (*Response, *calc.Error) {
	var err *calc.Error
	month := r.Month
	if !r.Asked.IsZero() {
		month = r.Asked
	}
	resp := &Response{Date: month.String(), Insurance: string(ins), Warnings: warnings(r, hasFigures(req.Rule))}
	if r.Set != nil {
		resp.RuleSet = info(r)
	}
	if a := r.Average.Amount; a != nil {
		resp.Average = calc.Yuan(*a)
	}
	if lim, err := r.LimitsFor(ins); err == nil && usesLimits(r, ins) {
		resp.Floor, resp.Cap = calc.Yuan(lim.Floor), calc.Yuan(lim.Cap)
	}
	carried, err := carriedParts(r, ins, req)
	if err != nil {
		return nil, err
	}
	if err := carryOver(r, req, carried, resp); err != nil {
		return nil, err
	}
	if req.Worker != nil && !carried.worker {
		if resp.Worker, err = worker(r, ins, req.Worker, resp); err != nil {
			return nil, err
		}
	}
	if req.Employer != nil && !carried.unit {
		if resp.Employer, err = employer(r, ins, req.Employer, resp); err != nil {
			return nil, err
		}
	}
	if req.CarryOver != nil {
		if resp.Settlement, err = settle(r, ins, req, carried, resp); err != nil {
			return nil, err
		}
	}
	if err := answers(r, req, resp); err != nil {
		return nil, err
	}
	return resp, nil
}

func required(field, zh, en string) *calc.Error {
	return &calc.Error{Code: CodeFieldRequired, Field: field, Message: zh, MessageEN: en}
}

func parseInsurance(s string) (calc.Insurance, *calc.Error) {
	switch calc.Insurance(s) {
	case "":
		return calc.Pension, nil
	case calc.Pension, calc.Medical, calc.Unemployment, calc.WorkInjury, calc.Maternity:
		return calc.Insurance(s), nil
	}
	return "", &calc.Error{Code: calc.CodeKindInvalid, Field: "insurance",
		Message:   fmt.Sprintf("险种应为 pension、medical、unemployment、work_injury 或 maternity，收到 “%s”。", s),
		MessageEN: fmt.Sprintf("Insurance must be pension, medical, unemployment, work_injury or maternity; got %q.", s)}
}

// pickRules resolves the bundled rule set (by id or region) for the month
// and applies the person's figures, or builds rules from the figures alone.
func pickRules(req *Request, month calc.Month, ins calc.Insurance, u calc.UserFigures) (*calc.Rules, *calc.Error) {
	var set *calc.RuleSet
	var match rules.Match
	switch {
	case req.RuleSet != "":
		s, ok := rules.ByID(req.RuleSet)
		if !ok {
			return nil, &calc.Error{Code: calc.CodeRegionUnknown, Field: "rule_set",
				Message:   fmt.Sprintf("没有编号为 “%s” 的内置规则集；`sibase rules` 列出全部。", req.RuleSet),
				MessageEN: fmt.Sprintf("No bundled rule set %q; `sibase rules` lists them.", req.RuleSet)}
		}
		if req.Region != "" && req.Region != s.Region {
			return nil, &calc.Error{Code: calc.CodeConflict, Field: "region",
				Message:   fmt.Sprintf("规则集 %s 属于地区 %s，与 region %s 不符。", s.ID, s.Region, req.Region),
				MessageEN: fmt.Sprintf("Rule set %s is for region %s, not %s.", s.ID, s.Region, req.Region)}
		}
		set = s
	case req.Region != "":
		m, err := rules.Find(req.Region, month)
		if err != nil {
			return nil, err
		}
		set, match = m.Set, m
	case req.Rule != nil:
		// The person's own figures, however few: what is missing is
		// asked for by name.
		return calc.NewUserRules(month, ins, u)
	default:
		return nil, required("region", "请选择地区（region），或在 rule 中填写当地公布的平均工资、上下限。",
			"Choose a region, or give the local published average, floor and cap in rule.")
	}
	place := match.Place
	place.Kind = employerKindOf(req)
	r, err := set.AtPlace(month, place)
	if err != nil {
		return nil, err
	}
	if err := r.Override(ins, u); err != nil {
		return nil, err
	}
	r.OwnSet = match.Own
	return r, nil
}

// employerKindOf is the kind of employer the request is about: the
// employer's, or an institution worker's; "" otherwise.
func employerKindOf(req *Request) calc.EmployerKind {
	switch {
	case req.Employer != nil:
		return calc.EmployerKind(req.Employer.Kind)
	case req.Worker != nil && req.Worker.Kind == "institution":
		return calc.EmployerInstitution
	case req.Worker != nil && req.Worker.Employer != "":
		return calc.EmployerKind(req.Worker.Employer)
	}
	return ""
}

// userFigures parses the request's inline rule.
func userFigures(rule *Rule) (calc.UserFigures, *calc.Error) {
	var u calc.UserFigures
	if rule == nil {
		return u, nil
	}
	var err *calc.Error
	amount := func(field, s string) *decimal.Decimal {
		if s == "" || err != nil {
			return nil
		}
		d, e := calc.ParseAmount("rule."+field, s)
		if e != nil {
			err = e
			return nil
		}
		return &d
	}
	ratio := func(field, s string) *decimal.Decimal {
		if s == "" || err != nil {
			return nil
		}
		d, e := calc.ParseRatio("rule."+field, s)
		if e != nil {
			err = e
			return nil
		}
		return &d
	}
	u.Average = amount("average", rule.Average)
	u.Floor = amount("floor", rule.Floor)
	u.Cap = amount("cap", rule.Cap)
	u.FloorRatio = ratio("floor_ratio", rule.FloorRatio)
	u.CapRatio = ratio("cap_ratio", rule.CapRatio)
	u.FlexibleMinRatio = ratio("flexible_min_ratio", rule.FlexibleMinRatio)
	u.FlexibleMaxRatio = ratio("flexible_max_ratio", rule.FlexibleMaxRatio)
	u.FlexibleMin = amount("flexible_min", rule.FlexibleMin)
	u.FlexibleMax = amount("flexible_max", rule.FlexibleMax)
	if rule.Rates != nil {
		u.Rates = map[calc.Payer]decimal.Decimal{}
		for payer, s := range map[calc.Payer]string{calc.PayerUnit: rule.Rates.Unit, calc.PayerIndividual: rule.Rates.Individual, calc.PayerFlexible: rule.Rates.Flexible} {
			if r := ratio("rates."+string(payer), s); r != nil {
				u.Rates[payer] = *r
			}
		}
	}
	if err != nil {
		return u, err
	}
	if rule.Rounding != "" {
		m := calc.RoundMode(rule.Rounding)
		u.Rounding = &m
	}
	if rule.Places != nil {
		p := int32(*rule.Places)
		if *rule.Places < 0 || *rule.Places > 2 {
			p = -1
		}
		u.Places = &p
	}
	u.UnitMethod = calc.Method(rule.UnitMethod)
	u.InstitutionWage = rule.InstitutionWage
	return u, nil
}

// hasFigures reports whether the inline rule gives any figure.
func hasFigures(rule *Rule) bool {
	u, err := userFigures(rule)
	return err == nil && !u.IsZero()
}

// usesLimits reports whether the floor and cap bear on the insurance's
// individual base.
func usesLimits(r *calc.Rules, ins calc.Insurance) bool {
	s, ok := r.Bases[ins]
	return ok && s.Individual.Method == calc.MethodWithinLimits
}

func info(r *calc.Rules) *RuleSetInfo {
	s := r.Set
	in := &RuleSetInfo{ID: s.ID, Title: s.Title, TitleEN: s.TitleEN, Region: s.Region, RegionName: s.RegionName,
		Citation: s.Document, From: s.Start().String(), To: s.Until.String(),
		PeriodFrom: r.PeriodFrom.String(), PeriodTo: r.PeriodTo.String(),
		Status: string(r.Status()), ReviewedThrough: s.ReviewedThrough.String(), Provisional: r.Provisional, City: r.Place.City}
	if r.Place.City != "" {
		in.CityName, _ = rules.PlaceName(r.Place.City)
	}
	for _, v := range r.Variants {
		in.Variants = append(in.Variants, v.Name)
	}
	return in
}

func contribution(r *calc.Rules, ins calc.Insurance, unitBase, individualBase *decimal.Decimal, individualPayer calc.Payer, steps *[]calc.Step) *Contribution {
	var c Contribution
	if unitBase != nil {
		if u, ok := r.Contribute(ins, calc.PayerUnit, *unitBase); ok {
			c.Unit, c.UnitYearly = calc.Yuan(u.Monthly), calc.Yuan(u.Yearly)
			*steps = append(*steps, u.Step)
		}
	}
	if individualBase != nil {
		if i, ok := r.Contribute(ins, individualPayer, *individualBase); ok {
			c.Individual, c.IndividualYearly = calc.Yuan(i.Monthly), calc.Yuan(i.Yearly)
			*steps = append(*steps, i.Step)
		}
	}
	if c == (Contribution{}) {
		return nil
	}
	return &c
}

func optYuan(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return calc.Yuan(*d)
}
