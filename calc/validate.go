package calc

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Validate checks a rule set as a bureau clerk might have written it: the
// header fields present, every parameter's values in order from the set's
// first month with none after its last, every value cited, ratios and
// rates in range, the floor below the cap, known methods and statuses. The
// first problem found is returned as an *Error (code rule_invalid) whose
// Field is the JSON path, e.g. "params.floor[1].from".
func (rs *RuleSet) Validate() *Error {
	v := validator{rs: rs, start: rs.Start()}
	v.header()
	p := rs.Params
	// The average may be left out where every limit is a published
	// amount (nothing needs it); ratios need it.
	v.series("params.average", len(p.Average), func(i int) Month { return p.Average[i].From }, rs.needsAverage())
	v.series("params.floor", len(p.Floor), func(i int) Month { return p.Floor[i].From }, true)
	v.series("params.cap", len(p.Cap), func(i int) Month { return p.Cap[i].From }, true)
	v.series("params.rounding", len(p.Rounding), func(i int) Month { return p.Rounding[i].From }, true)
	v.series("params.unknown_income", len(p.UnknownIncome), func(i int) Month { return p.UnknownIncome[i].From }, false)
	v.series("params.flexible", len(p.Flexible), func(i int) Month { return p.Flexible[i].From }, false)
	v.series("params.year_rules", len(p.YearRules), func(i int) Month { return p.YearRules[i].From }, false)
	for i, a := range p.Average {
		f := fmt.Sprintf("params.average[%d]", i)
		v.cite(f+".cite", a.Cite)
		if a.Kind != AverageInService && a.Kind != AverageAllStaff && a.Kind != AverageFullCaliber {
			v.fail(f+".kind", "应为 in_service、all_staff 或 full_caliber", "must be in_service, all_staff or full_caliber")
		}
		if a.Scope != "city" && a.Scope != "province" {
			v.fail(f+".scope", "应为 city 或 province", "must be city or province")
		}
		if a.Amount != nil {
			v.amount(f+".amount", *a.Amount)
			if a.Source == nil {
				v.fail(f+".source", "内置的平均工资必须注明来源", "a bundled average must name its source")
			}
		}
		v.source(f+".source", a.Source)
	}
	for i, b := range p.Floor {
		v.bound(fmt.Sprintf("params.floor[%d]", i), b.Bound)
	}
	for i, b := range p.Cap {
		v.bound(fmt.Sprintf("params.cap[%d]", i), b.Bound)
	}
	for i, r := range p.Rounding {
		f := fmt.Sprintf("params.rounding[%d]", i)
		v.rounding(f, r.Rounding)
		if r.Floor != nil {
			v.rounding(f+".floor", *r.Floor)
		}
		if r.Cap != nil {
			v.rounding(f+".cap", *r.Cap)
		}
		v.cite(f+".cite", r.Cite)
	}
	for i, c := range p.UnknownIncome {
		v.cite(fmt.Sprintf("params.unknown_income[%d].cite", i), c.Cite)
	}
	for i, fr := range p.Flexible {
		f := fmt.Sprintf("params.flexible[%d]", i)
		v.bound(f+".min", fr.Min)
		v.bound(f+".max", fr.Max)
		if fr.Min.Ratio != nil && fr.Max.Ratio != nil && fr.Min.Amount == nil && fr.Max.Amount == nil && fr.Min.Ratio.GreaterThan(*fr.Max.Ratio) {
			v.fail(f+".min.ratio", "最低比例高于最高比例", "the minimum ratio is above the maximum")
		}
		switch fr.Choice {
		case ChoiceHardship, ChoiceFree, ChoiceTiers:
		default:
			v.fail(f+".choice", "应为 hardship、free 或 tiers", "must be hardship, free or tiers")
		}
		v.cite(f+".choice_cite", fr.ChoiceCite)
		if (fr.Choice == ChoiceTiers) != (fr.Tiers != nil) {
			v.fail(f+".tiers", "choice 为 tiers 时必须列出档次，且只有此时可以列出", "tiers are given exactly when choice is tiers")
		}
		if fr.Choice == ChoiceHardship && fr.Default == nil {
			v.fail(f+".default", "hardship（困难下调）须给出规定的缴费基数", "a hardship choice needs the default base it lowers")
		}
		if fr.Default != nil {
			v.bound(f+".default", *fr.Default)
		}
		if fr.DepartsFrom != nil {
			v.cite(f+".departs_from", *fr.DepartsFrom)
			if fr.DepartsFrom.Note == "" || fr.DepartsFrom.NoteEN == "" {
				v.fail(f+".departs_from.note", "须用中英文说明与哪项规定不同", "must say in Chinese and English how the figures depart")
			}
		}
		if fr.Tiers != nil {
			v.cite(f+".tiers.cite", fr.Tiers.Cite)
			if (len(fr.Tiers.Ratios) == 0) == (len(fr.Tiers.Amounts) == 0) {
				v.fail(f+".tiers.ratios", "档次须列出比例或金额之一，且不能为空", "tiers list ratios or amounts, one of them, not empty")
			}
			for j, a := range fr.Tiers.Amounts {
				v.amount(fmt.Sprintf("%s.tiers.amounts[%d]", f, j), a)
				if j > 0 && !fr.Tiers.Amounts[j-1].LessThan(a) {
					v.fail(fmt.Sprintf("%s.tiers.amounts[%d]", f, j), "档次须从低到高排列且不重复", "tiers must rise and not repeat")
				}
			}
			for j, t := range fr.Tiers.Ratios {
				v.ratio(fmt.Sprintf("%s.tiers.ratios[%d]", f, j), t)
				if j > 0 && !fr.Tiers.Ratios[j-1].LessThan(t) {
					v.fail(fmt.Sprintf("%s.tiers.ratios[%d]", f, j), "档次须从低到高排列且不重复", "tiers must rise and not repeat")
				}
			}
		}
	}
	v.pairs()
	v.schemes()
	v.rates()
	v.checkSources()
	v.variants()
	v.statusMatches()
	for i, y := range p.YearRules {
		f := fmt.Sprintf("params.year_rules[%d]", i)
		if y.YearStart < 1 || y.YearStart > 12 {
			v.fail(f+".year_start", "应为 1 到 12", "must be 1 to 12")
		}
		v.cite(f+".unit_fixed", y.UnitFixed)
		v.cite(f+".correction", y.Correction)
		v.cite(f+".carry_over", y.CarryOver)
		if y.Refund != nil {
			v.cite(f+".refund", *y.Refund)
		}
		if len(y.Exempt) > 0 {
			v.cite(f+".exempt_cite", y.ExemptCite)
		}
		for j, d := range y.Documents {
			df := fmt.Sprintf("%s.documents[%d]", f, j)
			if d.Name == "" || d.NameEN == "" {
				v.fail(df+".name", "文件名称（中英文）不能为空", "needs its name in Chinese and English")
			}
			v.cite(df+".cite", d.Cite)
		}
		for j, s := range y.Exempt {
			if s != StatusRehiredRetiree && s != StatusInsuredElsewhere {
				v.fail(fmt.Sprintf("%s.exempt[%d]", f, j), "应为 rehired_retiree 或 insured_elsewhere", "must be rehired_retiree or insured_elsewhere")
			}
		}
	}
	return v.err
}

// needsAverage reports whether some limit is a ratio of the average.
func (rs *RuleSet) needsAverage() bool {
	for _, b := range append(append([]DatedBound{}, rs.Params.Floor...), rs.Params.Cap...) {
		if b.Amount == nil {
			return true
		}
	}
	for _, fr := range rs.Params.Flexible {
		for _, b := range []*Bound{&fr.Min, &fr.Max, fr.Default} {
			if b != nil && b.Amount == nil && b.Follows == "" {
				return true
			}
		}
		if fr.Tiers != nil && len(fr.Tiers.Ratios) > 0 {
			return true
		}
	}
	return false
}

type validator struct {
	rs    *RuleSet
	start Month
	err   *Error
}

func (v *validator) fail(field, zh, en string) {
	if v.err == nil {
		v.err = newError(CodeRuleInvalid, field, "规则集 "+v.rs.ID+" 的 "+field+":"+zh+"。", "Rule set "+v.rs.ID+", "+field+": "+en+".")
	}
}

func (e *Error) withCode(code string) *Error {
	c := *e
	c.Code = code
	return &c
}

func (v *validator) header() {
	rs := v.rs
	for _, f := range []struct{ name, val string }{
		{"id", rs.ID}, {"region", rs.Region}, {"region_name", rs.RegionName}, {"title", rs.Title},
		{"title_en", rs.TitleEN}, {"document", rs.Document}, {"issuer", rs.Issuer},
	} {
		if f.val == "" {
			v.fail(f.name, "不能为空", "is required")
		}
	}
	if len(rs.Region) != 6 || !allDigits(rs.Region) {
		v.fail("region", "应为 6 位 GB/T 2260 行政区划代码", "must be a six-digit GB/T 2260 code")
	}
	switch rs.Status {
	case StatusOfficial, StatusProvisional, StatusSecondary, StatusUnverified:
	default:
		v.fail("status", "应为 official、provisional、secondary_source 或 unverified", "must be official, provisional, secondary_source or unverified")
	}
	if rs.ReviewedThrough.IsZero() {
		v.fail("reviewed_through", "必须注明核对截至的月份", "must give the month the figures were checked through")
	}
	if !rs.Until.IsZero() && rs.Until.Before(v.start) {
		v.fail("until", "早于第一个期间", "is before the first period")
	}
}

// series checks that a parameter's values are in strictly increasing order,
// start at the set's first month if required (no gap), and none starts
// after the set's last month.
func (v *validator) series(field string, n int, from func(int) Month, required bool) {
	if n == 0 {
		if required {
			v.fail(field, "至少需要一个取值", "needs at least one value")
		}
		return
	}
	if required && from(0) != v.start {
		v.fail(field+"[0].from", "必须从规则集的第一个月 "+v.start.String()+" 开始", "must start at the set's first month, "+v.start.String())
	}
	for i := 0; i < n; i++ {
		m := from(i)
		f := fmt.Sprintf("%s[%d].from", field, i)
		switch {
		case m.IsZero():
			v.fail(f, "缺少起始月份", "is missing")
		case m.Before(v.start):
			v.fail(f, "早于规则集的第一个月", "is before the set's first month")
		case !v.rs.Until.IsZero() && m.After(v.rs.Until):
			v.fail(f, "晚于规则集的最后一个月", "is after the set's last month")
		case i > 0 && !from(i-1).Before(m):
			v.fail(f, "必须晚于前一个取值的起始月份（按时间排序，不得重叠）", "must be later than the previous value's (sorted, no overlaps)")
		}
	}
}

func (v *validator) cite(field string, c Citation) {
	if c.Doc == "" {
		v.fail(field+".doc", "每个参数都必须注明出处文件", "every parameter must cite its document")
	}
	switch c.Basis {
	case "", BasisReading, BasisLocal, BasisConvention:
	default:
		v.fail(field+".basis", "应为 reading、local 或 convention", "must be reading, local or convention")
	}
	if c.Basis != "" && (c.Note == "" || c.NoteEN == "") {
		v.fail(field+".note", "注明 basis 时须用中英文说明（note、note_en）", "a basis needs its note in Chinese and English (note, note_en)")
	}
	if (c.Doc == ConventionDoc) != (c.Basis == BasisConvention) {
		v.fail(field+".basis", "只有 sibase 自己的约定（doc 为 sibase）才用 basis convention", "basis convention goes with doc sibase, and only with it")
	}
}

func (v *validator) rounding(field string, r Rounding) {
	if err := r.Validate(field); err != nil && v.err == nil {
		v.err = err.withCode(CodeRuleInvalid)
	}
}

func (v *validator) source(field string, s *Source) {
	if s == nil {
		return
	}
	if s.Name() == "" {
		v.fail(field+".doc", "来源必须注明文件", "a source must name its document")
	}
	switch s.Grade {
	case "Q", "D", GradeOfficial, GradeSecondary, GradeUnverified:
	default:
		v.fail(field+".grade", "应为 official、secondary、unverified（或早期规则集的 Q、D）", "must be official, secondary or unverified (or Q, D in the founding sets)")
	}
}

func (v *validator) ratio(field string, r decimal.Decimal) {
	if !r.IsPositive() || r.GreaterThan(maxRatio) {
		v.fail(field, "比例应为正数且不超过 100", "a ratio must be positive and at most 100")
	}
}

func (v *validator) amount(field string, a decimal.Decimal) {
	if !a.IsPositive() || a.GreaterThan(maxMonthlyAmount) {
		v.fail(field, "金额应为正数且不超过 10 亿元", "an amount must be positive and at most 1,000,000,000")
	}
}

func (v *validator) bound(field string, b Bound) {
	v.cite(field+".cite", b.Cite)
	v.source(field+".source", b.Source)
	switch {
	case b.Follows != "" && (b.Follows != "floor" && b.Follows != "cap" || b.Ratio != nil || b.Amount != nil):
		v.fail(field+".follows", "应为 floor 或 cap，且不再给出比例或金额", "must be floor or cap, with no ratio or amount beside it")
	case b.Follows == "" && b.Ratio == nil && b.Amount == nil:
		v.fail(field, "需要比例（ratio）或金额（amount）", "needs a ratio or an amount")
	}
	if b.Ratio != nil {
		v.ratio(field+".ratio", *b.Ratio)
	}
	if b.Amount != nil {
		v.amount(field+".amount", *b.Amount)
		if b.Source == nil && b.Cite.Doc != UserCite.Doc {
			v.fail(field+".source", "公布的金额必须注明来源", "a published amount must name its source")
		}
	}
}

// pairs checks the floor is below the cap wherever both are ratios or
// both are amounts.
func (v *validator) pairs() {
	for _, p := range v.rs.Periods() {
		fl, _ := valueAt(v.rs.Params.Floor, p.From)
		cp, _ := valueAt(v.rs.Params.Cap, p.From)
		if fl.Ratio != nil && cp.Ratio != nil && fl.Amount == nil && cp.Amount == nil && !fl.Ratio.LessThan(*cp.Ratio) {
			v.fail("params.floor", "自 "+p.From.String()+" 起下限比例不低于上限比例", "from "+p.From.String()+" the floor ratio is not below the cap ratio")
		}
		if fl.Amount != nil && cp.Amount != nil && !fl.Amount.LessThan(*cp.Amount) {
			v.fail("params.floor", "自 "+p.From.String()+" 起下限金额不低于上限金额", "from "+p.From.String()+" the floor amount is not below the cap amount")
		}
	}
}

var (
	individualMethods = []Method{MethodWithinLimits, MethodOwnWage, MethodNone}
	unitMethods       = []Method{MethodMaxPayrollOrSum, MethodSumOfBases, MethodLastMonthPayroll, MethodAveragePayroll, MethodApprovedWages}
	insurances        = []Insurance{Pension, Medical, Unemployment, WorkInjury, Maternity}
	employerKinds     = []EmployerKind{EmployerEnterprise, EmployerInstitution, EmployerSocialOrg}
)

func (v *validator) schemes() {
	if len(v.rs.Params.Bases[Pension]) == 0 {
		v.fail("params.bases.pension", "必须规定养老保险的基数方法", "must set the pension bases")
	}
	for _, ins := range sortedKeys(v.rs.Params.Bases) {
		vs := v.rs.Params.Bases[ins]
		field := "params.bases." + string(ins)
		if !slices.Contains(insurances, ins) {
			v.fail(field, "未知险种", "unknown insurance")
		}
		v.series(field, len(vs), func(i int) Month { return vs[i].From }, ins == Pension)
		for i, s := range vs {
			f := fmt.Sprintf("%s[%d]", field, i)
			if !slices.Contains(individualMethods, s.Individual.Method) {
				v.fail(f+".individual.method", "未知方法", "unknown method")
			}
			v.cite(f+".individual.cite", s.Individual.Cite)
			if ir := s.Institution; ir != nil {
				for _, w := range []struct{ field, wage string }{{".wage", ir.Wage}, {".alternative", ir.Alternative}} {
					if w.wage != WageBasic && w.wage != WageTotal && w.wage != WageApproved && (w.field == ".wage" || w.wage != "") {
						v.fail(f+".institution"+w.field, "应为 basic、total 或 approved", "must be basic, total or approved")
					}
				}
				v.cite(f+".institution.cite", ir.Cite)
				if (ir.Alternative == "") != (ir.AlternativeCite == nil) {
					v.fail(f+".institution.alternative_cite", "可选的工资口径须注明出处，且只有给出时才注明", "an alternative wage needs its citation, and only then")
				}
				if ir.AlternativeCite != nil {
					v.cite(f+".institution.alternative_cite", *ir.AlternativeCite)
				}
			}
			if s.Flexible != nil {
				if s.Flexible.Method != MethodAverage {
					v.fail(f+".flexible.method", "应为 average", "must be average")
				}
				v.cite(f+".flexible.cite", s.Flexible.Cite)
			}
			for _, k := range sortedKeys(s.Unit) {
				u := s.Unit[k]
				if !slices.Contains(employerKinds, k) {
					v.fail(f+".unit."+string(k), "未知单位类型", "unknown employer kind")
				}
				if !slices.Contains(unitMethods, u.Method) {
					v.fail(f+".unit."+string(k)+".method", "未知方法", "unknown method")
				}
				v.cite(f+".unit."+string(k)+".cite", u.Cite)
			}
		}
	}
}

func (v *validator) rates() {
	for _, ins := range sortedKeys(v.rs.Params.Rates) {
		vs := v.rs.Params.Rates[ins]
		field := "params.rates." + string(ins)
		if !slices.Contains(insurances, ins) {
			v.fail(field, "未知险种", "unknown insurance")
		}
		v.series(field, len(vs), func(i int) Month { return vs[i].From }, false)
		for i, rs := range vs {
			for name, r := range map[string]*Rate{"unit": rs.Unit, "individual": rs.Individual, "institution": rs.Institution, "flexible": rs.Flexible} {
				if r == nil {
					continue
				}
				f := fmt.Sprintf("%s[%d].%s", field, i, name)
				if !r.Rate.IsPositive() || !r.Rate.LessThan(decimal.NewFromInt(1)) {
					v.fail(f+".rate", "费率应大于 0 且小于 1", "a rate must be above 0 and below 1")
				}
				v.cite(f+".cite", r.Cite)
			}
		}
	}
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// statusMatches holds a rule set whose figures carry the newer grades to
// the status its latest period's sources give: the file cannot claim more
// than they do.
func (v *validator) statusMatches() {
	newer := false
	for _, f := range v.rs.Figures() {
		switch f.Source.Grade {
		case GradeOfficial, GradeSecondary, GradeUnverified:
			newer = true
		}
	}
	periods := v.rs.Periods()
	if !newer || len(periods) == 0 || v.err != nil {
		return
	}
	r, err := v.rs.At(periods[len(periods)-1].From)
	if err != nil {
		return
	}
	if st := r.Status(); st != v.rs.Status {
		v.fail("status", "应与最新期间数字的来源等级一致："+string(st), "must be what the latest period's sources give: "+string(st))
	}
}

// variants checks each variant: named in both languages, a unique id,
// cities given as GB/T 2260 codes of the set's province, and its values in
// order within the set's months, cited like the province's.
func (v *validator) variants() {
	ids := map[string]bool{}
	for i, vr := range v.rs.Variants {
		f := fmt.Sprintf("variants[%d]", i)
		if vr.ID == "" || vr.Name == "" || vr.NameEN == "" {
			v.fail(f+".id", "须有 id 和中英文名称", "needs an id and its name in Chinese and English")
		}
		if ids[vr.ID] {
			v.fail(f+".id", "id 重复", "repeats an id")
		}
		ids[vr.ID] = true
		if len(vr.Cities) == 0 && vr.EmployerKind == "" {
			v.fail(f+".cities", "须列出城市或单位类型", "needs its cities or an employer kind")
		}
		for j, c := range vr.Cities {
			if len(c) != 6 || !allDigits(c) || c[:2] != v.rs.Region[:2] || c[2:] == "0000" {
				v.fail(fmt.Sprintf("%s.cities[%d]", f, j), "应为本省地级城市的 6 位代码", "must be the six-digit code of a city of the province")
			}
		}
		if vr.EmployerKind != "" && !slices.Contains(employerKinds, vr.EmployerKind) {
			v.fail(f+".employer_kind", "未知单位类型", "unknown employer kind")
		}
		p := vr.Params
		v.series(f+".params.average", len(p.Average), func(i int) Month { return p.Average[i].From }, false)
		v.series(f+".params.floor", len(p.Floor), func(i int) Month { return p.Floor[i].From }, false)
		v.series(f+".params.cap", len(p.Cap), func(i int) Month { return p.Cap[i].From }, false)
		v.series(f+".params.flexible", len(p.Flexible), func(i int) Month { return p.Flexible[i].From }, false)
		for j, b := range p.Floor {
			v.bound(fmt.Sprintf("%s.params.floor[%d]", f, j), b.Bound)
		}
		for j, b := range p.Cap {
			v.bound(fmt.Sprintf("%s.params.cap[%d]", f, j), b.Bound)
		}
		for j, a := range p.Average {
			v.cite(fmt.Sprintf("%s.params.average[%d].cite", f, j), a.Cite)
		}
		if len(p.Average)+len(p.Floor)+len(p.Cap)+len(p.Flexible) == 0 {
			v.fail(f+".params", "没有任何数字", "changes no figure")
		}
	}
}
