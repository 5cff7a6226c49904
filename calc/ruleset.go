package calc

import (
	"github.com/shopspring/decimal"
)

// Citation says where a parameter comes from: a document number and the
// clause within it, e.g. {Doc: "辽社险函〔2006〕89号", Clause: "二(二)"}.
// Note explains, in the project's own words, how the clause is read.
type Citation struct {
	Doc    string `json:"doc"`
	Clause string `json:"clause,omitempty"`
	Note   string `json:"note,omitempty"`
}

// String is the citation as shown to people: "辽社险函〔2006〕89号 二(二)".
func (c Citation) String() string {
	if c.Clause == "" {
		return c.Doc
	}
	return c.Doc + " " + c.Clause
}

// Source says where a published figure was found and how: Grade "Q" means
// quoted in that document, "D" derived by arithmetic (annual ÷ 12, × ratio).
// Secondary marks a figure taken from a reposted copy or a report rather
// than the official notice.
type Source struct {
	Doc       string `json:"doc"`
	Note      string `json:"note,omitempty"`
	Grade     string `json:"grade"`
	Secondary bool   `json:"secondary,omitempty"`
}

// Status grades a whole rule set.
type Status string

// Rule-set statuses.
const (
	StatusOfficial    Status = "official"         // figures from the official notice itself
	StatusProvisional Status = "provisional"      // figures expected to change (e.g. awaiting publication)
	StatusSecondary   Status = "secondary_source" // figures from reposted copies or reports
)

// RuleSet is one place's rules under one governing document, as data. Each
// parameter is a list of dated values: a value holds from its From month
// until the next value's From, and the set ends after Until (inclusive;
// zero means open-ended). A date before a parameter's first value is not
// covered — sibase refuses it rather than guessing.
//
// The bundled rule sets live in package sibase/calc/rules; docs/RULES.md
// describes the JSON form field by field.
type RuleSet struct {
	ID              string   `json:"id"`
	Region          string   `json:"region"` // GB/T 2260 code; "000000" for a national template
	RegionName      string   `json:"region_name"`
	RegionNameEN    string   `json:"region_name_en"`
	Title           string   `json:"title"`
	TitleEN         string   `json:"title_en"`
	Document        string   `json:"document"` // the governing document's number
	Issuer          string   `json:"issuer"`
	Status          Status   `json:"status"`
	ReviewedThrough Month    `json:"reviewed_through"` // figures checked to be in force through this month
	Until           Month    `json:"until,omitzero"`   // last month covered; zero: open-ended
	Notes           []string `json:"notes,omitempty"`
	Params          Params   `json:"params"`
}

// Params holds every parameter of a rule set, each as dated values.
type Params struct {
	Average       []DatedAverage          `json:"average"`
	Floor         []DatedBound            `json:"floor"`
	Cap           []DatedBound            `json:"cap"`
	Rounding      []DatedRounding         `json:"rounding"`
	UnknownIncome []DatedCitation         `json:"unknown_income,omitempty"`
	Flexible      []FlexibleRange         `json:"flexible,omitempty"`
	Institution   []InstitutionRule       `json:"institution,omitempty"`
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
// in a reliable source): sibase then asks the user for it.
type Average struct {
	Amount   *decimal.Decimal `json:"amount,omitempty"`
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
type Bound struct {
	Ratio  *decimal.Decimal `json:"ratio,omitempty"`
	Amount *decimal.Decimal `json:"amount,omitempty"`
	Cite   Citation         `json:"cite"`
	Source *Source          `json:"source,omitempty"`
}

// DatedBound is a Bound from a month on.
type DatedBound struct {
	Dated
	Bound
}

// DatedRounding is a rule's rounding from a month on.
type DatedRounding struct {
	Dated
	Rounding
	Cite Citation `json:"cite"`
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
type FlexibleRange struct {
	Dated
	Min   Bound  `json:"min"`
	Max   Bound  `json:"max"`
	Tiers *Tiers `json:"tiers,omitempty"`
}

// Tiers are discrete ratios of the average a flexible worker chooses from.
type Tiers struct {
	Ratios []decimal.Decimal `json:"ratios"`
	Cite   Citation          `json:"cite"`
}

// InstitutionRule says which wage is an institution worker's base:
// "basic" (上月应发基本工资) or "total" (上月应发工资总额), and whether the
// floor and cap apply to it.
type InstitutionRule struct {
	Dated
	Wage   string   `json:"wage"`
	Limits bool     `json:"limits"`
	Cite   Citation `json:"cite"`
}

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
)

// MethodRule is a method with its citation.
type MethodRule struct {
	Method Method   `json:"method"`
	Cite   Citation `json:"cite"`
}

// Scheme is how one insurance's bases are computed from a month on:
// the individual base, the flexible worker's base (pension uses the
// FlexibleRange instead) and the unit base by employer kind.
type Scheme struct {
	Dated
	Individual MethodRule                  `json:"individual"`
	Flexible   *MethodRule                 `json:"flexible,omitempty"`
	Unit       map[EmployerKind]MethodRule `json:"unit"`
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
	Rate decimal.Decimal `json:"rate"`
	Cite Citation        `json:"cite"`
}

// RateSet is one insurance's contribution rates from a month on; a nil
// rate is not given by any source the rule set uses.
type RateSet struct {
	Dated
	Unit       *Rate `json:"unit,omitempty"`
	Individual *Rate `json:"individual,omitempty"`
	Flexible   *Rate `json:"flexible,omitempty"`
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
	// CarryOver: while the figures are unpublished the previous base is
	// kept and settled once known.
	CarryOver Citation `json:"carry_over"`
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
