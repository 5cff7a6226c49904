package estimate

import (
	"sibase/calc"
)

// Response is the answer to a Request. Amounts are strings to the fen.
type Response struct {
	RuleSet          *RuleSetInfo         `json:"rule_set,omitempty"`
	Date             string               `json:"date"`
	Insurance        string               `json:"insurance"`
	Average          string               `json:"average,omitempty"`
	Floor            string               `json:"floor,omitempty"`
	Cap              string               `json:"cap,omitempty"`
	Worker           *WorkerOut           `json:"worker,omitempty"`
	Employer         *EmployerOut         `json:"employer,omitempty"`
	FlexibleSchedule []calc.ScheduleEntry `json:"flexible_schedule,omitempty"`
	Settlement       *SettlementOut       `json:"settlement,omitempty"`
	Answers          []calc.Answer        `json:"answers,omitempty"`
	Warnings         []calc.Warning       `json:"warnings"`
}

// RuleSetInfo identifies the rules used. From/To are the rule set's whole
// span; PeriodFrom/PeriodTo the span over which the figures used hold.
type RuleSetInfo struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	TitleEN         string `json:"title_en,omitempty"`
	Region          string `json:"region,omitempty"`
	RegionName      string `json:"region_name,omitempty"`
	Citation        string `json:"citation"`
	From            string `json:"from"`
	To              string `json:"to,omitempty"`
	PeriodFrom      string `json:"period_from"`
	PeriodTo        string `json:"period_to,omitempty"`
	Status          string `json:"status"` // of the figures used: official, secondary_source or unverified
	ReviewedThrough string `json:"reviewed_through,omitempty"`
	// Provisional: the month is after the last published period, whose
	// figures answer it until new ones are published.
	Provisional bool `json:"provisional,omitempty"`
	// City is the city the rules were resolved for (its zone's figures
	// apply), with its name; Variants names the parts of the province
	// whose figures applied (a zone, institutions).
	City     string   `json:"city,omitempty"`
	CityName string   `json:"city_name,omitempty"`
	Variants []string `json:"variants,omitempty"`
}

// WorkerOut is one worker's result.
type WorkerOut struct {
	Kind          string        `json:"kind"`
	Base          string        `json:"base"`
	Min           string        `json:"min,omitempty"`
	Max           string        `json:"max,omitempty"`
	Wage          string        `json:"wage,omitempty"`
	Outcome       string        `json:"outcome"`
	OutcomeText   string        `json:"outcome_text"`
	Choice        string        `json:"choice,omitempty"` // flexible: hardship, free or tiers (whose choice the base is)
	Tiers         []calc.Tier   `json:"tiers,omitempty"`
	Contributions *Contribution `json:"contributions,omitempty"`
	Steps         []calc.Step   `json:"steps"`
}

// Contribution is monthly and yearly contributions; empty fields have no
// known rate.
type Contribution struct {
	Unit             string `json:"unit,omitempty"`
	Individual       string `json:"individual,omitempty"`
	UnitYearly       string `json:"unit_yearly,omitempty"`
	IndividualYearly string `json:"individual_yearly,omitempty"`
}

// EmployerOut is a unit's result with every employee's base.
type EmployerOut struct {
	Kind             string         `json:"kind"`
	Base             string         `json:"base"`
	SumEmployeeBases string         `json:"sum_employee_bases"`
	ExemptWages      string         `json:"exempt_wages,omitempty"` // wages of staff not insured here (3号 四.4), counted in the unit base
	Payroll          string         `json:"payroll,omitempty"`
	DecidedBy        string         `json:"decided_by"`
	Method           string         `json:"method"`
	Counts           map[string]int `json:"counts"`
	Employees        []EmployeeOut  `json:"employees"`
	Contributions    *Contribution  `json:"contributions,omitempty"`
	Steps            []calc.Step    `json:"steps"`
}

// EmployeeOut is one employee's base; Base is empty for exempt staff.
type EmployeeOut struct {
	ID      string      `json:"id"`
	Status  string      `json:"status"`
	Base    string      `json:"base,omitempty"`
	Wage    string      `json:"wage,omitempty"`
	Outcome string      `json:"outcome"`
	Steps   []calc.Step `json:"steps,omitempty"`
}

// SettlementOut settles carried-over bases for the worker and the unit.
type SettlementOut struct {
	Worker *SettlementPart `json:"worker,omitempty"`
	Unit   *SettlementPart `json:"unit,omitempty"`
}

// SettlementPart is one party's settlement: a positive total is collected,
// a negative one returned. PerMonth and Total are empty without a rate.
type SettlementPart struct {
	Months          int         `json:"months"`
	ProvisionalBase string      `json:"provisional_base"`
	NewBase         string      `json:"new_base"`
	BaseDifference  string      `json:"base_difference"`
	Rate            string      `json:"rate,omitempty"`
	PerMonth        string      `json:"per_month,omitempty"`
	Total           string      `json:"total,omitempty"`
	Direction       string      `json:"direction"`
	Steps           []calc.Step `json:"steps"`
}

func settlementPart(s calc.Settlement) *SettlementPart {
	p := &SettlementPart{Months: s.Months, ProvisionalBase: calc.Yuan(s.ProvisionalBase), NewBase: calc.Yuan(s.NewBase),
		BaseDifference: calc.Yuan(s.BaseDifference), PerMonth: optYuan(s.PerMonth), Total: optYuan(s.Total),
		Direction: s.Direction, Steps: s.Steps}
	if s.Rate != nil {
		p.Rate = s.Rate.String()
	}
	return p
}

// ErrorBody is what the command line prints on bad input.
type ErrorBody struct {
	Error *calc.Error `json:"error"`
}
