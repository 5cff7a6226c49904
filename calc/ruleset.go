package calc

import (
	"github.com/shopspring/decimal"
)

// Citation says where a parameter comes from: a document number and the
// clause within it, e.g. {Doc: "辽社险函〔2006〕89号", Clause: "二(二)"}.
// Note explains, in the project's own words, how the clause is read.
//
// Basis says whose decision a value is when it is not simply what the
// clause says, and then Note (Chinese) and NoteEN (English) say it to the
// person, in every explanation step that uses the value:
//
//   - BasisReading: the clause is ambiguous (or this copy of it garbled)
//     and sibase picks a reading;
//   - BasisLocal: the clause leaves the choice to the city or region, and
//     the value is that local choice (or the user's, on its behalf);
//   - BasisConvention: no document sets it at all (a rounding, a
//     default); Doc is then [ConventionDoc] and there is no clause.
type Citation struct {
	Doc    string `json:"doc"`
	Clause string `json:"clause,omitempty"`
	Note   string `json:"note,omitempty"`
	NoteEN string `json:"note_en,omitempty"`
	Basis  Basis  `json:"basis,omitempty"`
}

// Basis is whose decision a cited value is; empty means the clause itself
// says it.
type Basis string

// The bases of a value other than the clause's own words.
const (
	BasisReading    Basis = "reading"    // sibase's reading of an ambiguous clause
	BasisLocal      Basis = "local"      // a choice the notice leaves to the city
	BasisConvention Basis = "convention" // sibase's own convention: no document sets it
	BasisDeparts    Basis = "departs"    // a place's figures that depart from the cited notice (FlexibleRange.DepartsFrom)
)

// ConventionDoc is the Doc of a citation that names no document because
// the value is sibase's own convention (Basis "convention").
const ConventionDoc = "sibase"

// String is the citation as shown to people: "辽社险函〔2006〕89号 二(二)";
// a convention cites no document and is "" (its step says "sibase 约定").
func (c Citation) String() string {
	if c.Doc == ConventionDoc {
		return ""
	}
	if c.Clause == "" {
		return c.Doc
	}
	return c.Doc + " " + c.Clause
}

// Source says where a published figure was found, and how far it can be
// trusted. A figure bundled for the provinces since 2019 names the notice
// (Doc, or Title where it has no number), its Issuer and Date, the
// address of the page read (URL; Via names where the text was read when
// that was a copy, such as a repository quoting the page), a verbatim
// Quote of at most 200 characters that contains the figure, and a Grade:
//
//   - "official": the notice's own wording was seen (on any site
//     reprinting it);
//   - "secondary": a news or bureau page quoting the figure and naming the
//     notice;
//   - "unverified": only a compilation or a calculator's data file gives
//     it — every answer using it says so.
//
// The founding sets (2006–2011) use the older grades "Q" (quoted in that
// document) and "D" (derived by arithmetic), with Secondary marking a
// reposted copy. Ref names an entry of the rule set's Sources whose fields
// fill the ones left empty here, so a notice is described once.
type Source struct {
	Ref       string `json:"ref,omitempty"`
	Doc       string `json:"doc,omitempty"`
	Title     string `json:"title,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Via       string `json:"via,omitempty"`
	Quote     string `json:"quote,omitempty"`
	Note      string `json:"note,omitempty"`
	Grade     string `json:"grade,omitempty"`
	Secondary bool   `json:"secondary,omitempty"`
}

// Source grades.
const (
	GradeOfficial   = "official"
	GradeSecondary  = "secondary"
	GradeUnverified = "unverified"
)

// Name is how the source is named to people: its document number, else
// its title.
func (s Source) Name() string {
	if s.Doc != "" {
		return s.Doc
	}
	return s.Title
}

// status is the trust a source gives a period: its grade, or for the
// older grades, official unless it was a secondary copy.
func (s Source) status() Status {
	if s.Doc == UserCite.Doc {
		return ""
	}
	switch s.Grade {
	case GradeOfficial, "Q":
		if s.Secondary {
			return StatusSecondary
		}
		return StatusOfficial
	case GradeSecondary, "D":
		return StatusSecondary
	case GradeUnverified:
		return StatusUnverified
	}
	return ""
}

// Status grades a whole rule set.
type Status string

// Rule-set statuses.
const (
	StatusOfficial    Status = "official"         // figures from the official notice itself
	StatusProvisional Status = "provisional"      // figures expected to change (e.g. awaiting publication)
	StatusSecondary   Status = "secondary_source" // figures from reposted copies or reports
	StatusUnverified  Status = "unverified"       // figures only a compilation or calculator gives
)

// worse returns the less trusted of two statuses ("" counts as none).
func worse(a, b Status) Status {
	rank := map[Status]int{"": 0, StatusOfficial: 1, StatusProvisional: 2, StatusSecondary: 3, StatusUnverified: 4}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// RuleSet is one place's rules under one governing document, as data. Each
// parameter is a list of dated values: a value holds from its From month
// until the next value's From, and the set ends after Until (inclusive;
// zero means open-ended). A date before a parameter's first value is not
// covered — sibase refuses it rather than guessing.
//
// The bundled rule sets live in package sibase/calc/rules; docs/RULES.md
// describes the JSON form field by field.
type RuleSet struct {
	ID              string `json:"id"`
	Region          string `json:"region"` // GB/T 2260 code; "000000" for a national template
	RegionName      string `json:"region_name"`
	RegionNameEN    string `json:"region_name_en"`
	Title           string `json:"title"`
	TitleEN         string `json:"title_en"`
	Document        string `json:"document"` // the governing document's number
	Issuer          string `json:"issuer"`
	Status          Status `json:"status"`
	ReviewedThrough Month  `json:"reviewed_through"` // figures checked to be in force through this month
	Until           Month  `json:"until,omitzero"`   // last month covered; zero: open-ended
	// CarryForward: a month after Until is still answered, with the last
	// period's figures marked provisional (the new ones are not yet
	// published, and the difference is settled once they are). Without
	// it such a month is refused.
	CarryForward bool              `json:"carry_forward,omitempty"`
	Notes        []string          `json:"notes,omitempty"`
	Sources      map[string]Source `json:"sources,omitempty"` // notices cited by Ref from the figures' sources
	Params       Params            `json:"params"`
	// Variants change some figures for part of the place: a zone of
	// cities inside the province, or one kind of employer.
	Variants []Variant `json:"variants,omitempty"`
}

// Variant is a part of a province whose figures differ: the cities of a
// zone (片区, 类区), or, with EmployerKind, the staff of one kind of
// employer (机关事业单位 with their own floor). Its Params replace the
// province's values where they have one for the month; every other
// parameter is the province's.
type Variant struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	NameEN       string        `json:"name_en"`
	Cities       []string      `json:"cities,omitempty"`
	EmployerKind EmployerKind  `json:"employer_kind,omitempty"`
	Note         string        `json:"note,omitempty"`
	Params       VariantParams `json:"params"`
}

// VariantParams are the parameters a variant may change.
type VariantParams struct {
	Average  []DatedAverage  `json:"average,omitempty"`
	Floor    []DatedBound    `json:"floor,omitempty"`
	Cap      []DatedBound    `json:"cap,omitempty"`
	Flexible []FlexibleRange `json:"flexible,omitempty"`
}

// Applies reports whether the variant covers a place and employer: a city
// it lists (or any, when it lists none) and its employer kind (or any).
func (v *Variant) Applies(city string, kind EmployerKind) bool {
	if len(v.Cities) > 0 && !containsString(v.Cities, city) {
		return false
	}
	return v.EmployerKind == "" || v.EmployerKind == kind
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Params holds every parameter of a rule set, each as dated values.
type Params struct {
	Average       []DatedAverage          `json:"average"`
	Floor         []DatedBound            `json:"floor"`
	Cap           []DatedBound            `json:"cap"`
	Rounding      []DatedRounding         `json:"rounding"`
	UnknownIncome []DatedCitation         `json:"unknown_income,omitempty"`
	Flexible      []FlexibleRange         `json:"flexible,omitempty"`
	Bases         map[Insurance][]Scheme  `json:"bases"`
	Rates         map[Insurance][]RateSet `json:"rates,omitempty"`
	YearRules     []YearRules             `json:"year_rules,omitempty"`
}

// Dated is the start month of a dated value.
type Dated struct {
	From Month `json:"from"`
}

func (d Dated) from() Month { return d.From }

// AverageKind is which average wage a rule refers to.
type AverageKind string

// The kinds of average wage.
const (
	AverageInService   AverageKind = "in_service"   // 在岗职工平均工资
	AverageAllStaff    AverageKind = "all_staff"    // 职工平均工资
	AverageFullCaliber AverageKind = "full_caliber" // 全口径城镇单位就业人员平均工资
)

// Average is the reference average monthly wage. Amount is nil when the
// rule set does not carry the figure (it differs by city, or was not found
// in a reliable source): sibase then asks the user for it. Annual is the
// figure where the place publishes a yearly average instead (重庆, 陕西):
// the monthly one is then derived from it.
type Average struct {
	Amount   *decimal.Decimal `json:"amount,omitempty"`
	Annual   *decimal.Decimal `json:"annual,omitempty"`
	Kind     AverageKind      `json:"kind"`
	Scope    string           `json:"scope"` // "city" or "province"
	WageYear int              `json:"wage_year,omitempty"`
	Cite     Citation         `json:"cite"`
	Source   *Source          `json:"source,omitempty"`
}

// DatedAverage is an Average from a month on.
type DatedAverage struct {
	Dated
	Average
}

// Bound is a limit: a ratio of the average, or a published amount. When
// both are given the amount wins (places publish rounded or frozen
// figures).
//
// Source is where the amount (or, alone, the ratio) was published;
// RatioSource, where the ratio beside a published amount was published
// elsewhere (国办发〔2019〕13号's 60%, say).
//
// Follows, instead of a ratio or an amount, makes a flexible worker's
// bound the rules' own floor ("floor") or cap ("cap") for the month and
// place — a zone's where it has one.
type Bound struct {
	Follows     string           `json:"follows,omitempty"`
	Ratio       *decimal.Decimal `json:"ratio,omitempty"`
	Amount      *decimal.Decimal `json:"amount,omitempty"`
	Cite        Citation         `json:"cite"`
	Source      *Source          `json:"source,omitempty"`
	RatioSource *Source          `json:"ratio_source,omitempty"`
}

// DatedBound is a Bound from a month on.
type DatedBound struct {
	Dated
	Bound
}

// DatedRounding is a rule's rounding from a month on: Rounding for every
// figure sibase derives, except that Floor rounds the lower limits (the
// floor and the flexible minimum) and Cap the upper ones (the cap and the
// flexible maximum) where they are given. A limit rounded up never falls
// below the ratio a clause sets as a minimum (60% × 1657.92 = 994.752 →
// 994.76), and one rounded down never exceeds a maximum.
type DatedRounding struct {
	Dated
	Rounding
	Floor *Rounding `json:"floor,omitempty"`
	Cap   *Rounding `json:"cap,omitempty"`
	Cite  Citation  `json:"cite"`
}

// DatedCitation switches a clause on from a month on (used for "income
// unknown → the average").
type DatedCitation struct {
	Dated
	Cite Citation `json:"cite"`
}

// FlexibleRange is the base range open to flexible workers and individual
// business owners: Min and Max bound it; Tiers, when present, are the only
// ratios allowed (besides Min's published amount).
//
// Choice says whose choice a base within the range is, as the notice puts
// it, cited by ChoiceCite:
//
//   - ChoiceHardship (辽社险函〔2006〕89号 二(二)): the base is Default (the
//     average); a lower one, down to Min, is a reduction the city may grant
//     to those who truly cannot pay on it;
//   - ChoiceFree: the worker chooses any amount from Min to Max;
//   - ChoiceTiers: the worker chooses one of the Tiers.
//
// Default is the base of a worker who chose nothing, where the notice
// names one; without it sibase shows the lowest base and says that the
// worker chooses. DepartsFrom names a clause these figures depart from
// (Shenyang's frozen minimum against 89号 二(二)): every answer using them
// says so.
type FlexibleRange struct {
	Dated
	Min         Bound     `json:"min"`
	Max         Bound     `json:"max"`
	Choice      Choice    `json:"choice"`
	ChoiceCite  Citation  `json:"choice_cite"`
	Default     *Bound    `json:"default,omitempty"`
	Tiers       *Tiers    `json:"tiers,omitempty"`
	DepartsFrom *Citation `json:"departs_from,omitempty"`
}

// Choice is whose choice a flexible worker's base within the range is.
type Choice string

// The choices a notice gives a flexible worker.
const (
	ChoiceHardship Choice = "hardship" // the default base, lowered on hardship by the city's decision
	ChoiceFree     Choice = "free"     // any amount within the range, the worker's choice
	ChoiceTiers    Choice = "tiers"    // one of a list of tiers, the worker's choice
)

// Tiers are discrete ratios of the average a flexible worker chooses from.
// Amounts, where the place publishes its tiers as a fixed list of amounts
// (江苏's twelve), are the tiers instead of Ratios; Sources are where the
// list was published, each tier held by one of their quotes (a long list
// takes more than one quote of 200 characters).
type Tiers struct {
	Ratios  []decimal.Decimal `json:"ratios,omitempty"`
	Amounts []decimal.Decimal `json:"amounts,omitempty"`
	Cite    Citation          `json:"cite"`
	Sources []*Source         `json:"sources,omitempty"`
}

// InstitutionRule says which wage is an institution (机关事业单位) worker's
// base under one insurance: "basic" (上月应发基本工资), "total" (上月应发
// 工资总额) or "approved" (the wages and allowances approved by the
// personnel department, 人事部门核定的工资总额和各项津补贴), and whether
// the floor and cap apply to it. Alternative is a wage the notice lets
// places use instead ("有条件的地区可改用…"), cited by AlternativeCite; a
// request chooses it with rule.institution_wage.
type InstitutionRule struct {
	Wage            string    `json:"wage"`
	Limits          bool      `json:"limits"`
	Cite            Citation  `json:"cite"`
	Alternative     string    `json:"alternative,omitempty"`
	AlternativeCite *Citation `json:"alternative_cite,omitempty"`
}

// The wages an institution worker's base may be taken from.
const (
	WageBasic    = "basic"
	WageTotal    = "total"
	WageApproved = "approved"
)

// Insurance names a social-insurance scheme.
type Insurance string

// The insurances.
const (
	Pension      Insurance = "pension"
	Medical      Insurance = "medical"
	Unemployment Insurance = "unemployment"
	WorkInjury   Insurance = "work_injury"
	Maternity    Insurance = "maternity"
)

// Method names how a base is computed. Formulas live in code; which one a
// place uses, and why, is data.
type Method string

// Individual-base methods.
const (
	// MethodWithinLimits: the worker's own previous-year average monthly
	// wage, raised to the floor or cut to the cap.
	MethodWithinLimits Method = "within_limits"
	// MethodOwnWage: the worker's own wage as declared, no limits.
	MethodOwnWage Method = "own_wage"
	// MethodNone: no individual contribution.
	MethodNone Method = "none"
	// MethodAverage: the average wage itself (flexible workers' medical
	// base under 89号 二(四)).
	MethodAverage Method = "average"
)

// Unit-base methods.
const (
	// MethodMaxPayrollOrSum: the larger of the previous-year average monthly
	// total wages and the sum of individual bases (庆社险函〔2011〕3号 二(一)).
	MethodMaxPayrollOrSum Method = "max_payroll_or_sum"
	// MethodSumOfBases: the sum of individual bases.
	MethodSumOfBases Method = "sum_of_bases"
	// MethodLastMonthPayroll: last month's total payroll.
	MethodLastMonthPayroll Method = "last_month_payroll"
	// MethodAveragePayroll: the previous-year average monthly total wages.
	MethodAveragePayroll Method = "avg_payroll"
	// MethodApprovedWages: the monthly wages and allowances approved by
	// the personnel department (institutions' medical base under
	// 辽社险函〔2006〕89号 二(四)).
	MethodApprovedWages Method = "approved_wages"
)

// MethodRule is a method with its citation.
type MethodRule struct {
	Method Method   `json:"method"`
	Cite   Citation `json:"cite"`
}

// Scheme is how one insurance's bases are computed from a month on:
// the individual base of an employee, of an institution worker where the
// notice gives institutions their own rule (Institution; without it
// institution staff are employees like any other), the flexible worker's
// base (pension uses the FlexibleRange instead) and the unit base by
// employer kind.
type Scheme struct {
	Dated
	// Floor and Cap, where given, are this insurance's own limits (a
	// medical range, say); without them the insurance uses the rule
	// set's floor and cap.
	Floor       *Bound                      `json:"floor,omitempty"`
	Cap         *Bound                      `json:"cap,omitempty"`
	Individual  MethodRule                  `json:"individual"`
	Institution *InstitutionRule            `json:"institution,omitempty"`
	Flexible    *MethodRule                 `json:"flexible,omitempty"`
	Unit        map[EmployerKind]MethodRule `json:"unit"`
}

// EmployerKind is the kind of contributing unit.
type EmployerKind string

// Employer kinds.
const (
	EmployerEnterprise  EmployerKind = "enterprise"
	EmployerInstitution EmployerKind = "institution"         // 机关事业单位
	EmployerSocialOrg   EmployerKind = "social_organization" // 社会团体
)

// Rate is a contribution rate with its citation.
type Rate struct {
	Rate   decimal.Decimal `json:"rate"`
	Cite   Citation        `json:"cite"`
	Source *Source         `json:"source,omitempty"`
}

// RateSet is one insurance's contribution rates from a month on; a nil
// rate is not given by any source the rule set uses. Individual is an
// employee's rate; Institution an institution worker's, which a document
// on enterprise workers does not set.
type RateSet struct {
	Dated
	Unit        *Rate `json:"unit,omitempty"`
	Individual  *Rate `json:"individual,omitempty"`
	Institution *Rate `json:"institution,omitempty"`
	Flexible    *Rate `json:"flexible,omitempty"`
}

// YearRules are 庆社险函〔2011〕3号 四's rules for the insurance year.
type YearRules struct {
	Dated
	// YearStart is the insurance year's first month (1 for calendar
	// years, 7 for July-to-June).
	YearStart int `json:"year_start"`
	// UnitFixed: the unit base holds for the year whatever staff join or
	// leave; RecomputeOn lists the events that reopen it.
	UnitFixed   Citation `json:"unit_fixed"`
	RecomputeOn []string `json:"recompute_on"`
	// Correction: an individual base may be corrected within the same
	// insurance year on written application; never for a past year.
	Correction Citation `json:"correction"`
	// CarryOver: while the average is unpublished, or the employer's
	// previous-year accounts are not ready, the previous base is kept and
	// settled once known. Refund, when given, is the citation (usually a
	// reading) under which a difference in the worker's favour is
	// returned; the clause may name only collecting it.
	CarryOver Citation  `json:"carry_over"`
	Refund    *Citation `json:"refund,omitempty"`
	// Exempt statuses get no individual base; their wages count in the
	// unit's payroll.
	Exempt     []EmployeeStatus `json:"exempt"`
	ExemptCite Citation         `json:"exempt_cite"`
	// Documents are what an employer brings at the start of the year to
	// have its bases set (3号 三).
	Documents []Document `json:"documents,omitempty"`
}

// Document is one item an employer must bring, with the clause asking
// for it.
type Document struct {
	Name   string   `json:"name"`
	NameEN string   `json:"name_en"`
	Cite   Citation `json:"cite"`
}

// EmployeeStatus is an employee's insurance status at the employer.
type EmployeeStatus string

// Employee statuses.
const (
	StatusActive           EmployeeStatus = "active"
	StatusRehiredRetiree   EmployeeStatus = "rehired_retiree"
	StatusInsuredElsewhere EmployeeStatus = "insured_elsewhere"
)
