package estimate

import (
	"sibase/calc"
	"sibase/calc/rules"
)

// RuleSetView is a bundled rule set as `sibase rules` lists it: the set
// with every dated, cited parameter, plus its span, its periods and the
// flexible workers' schedule of minimums.
type RuleSetView struct {
	*calc.RuleSet
	From             string               `json:"from"`
	To               string               `json:"to,omitempty"`
	Periods          []calc.Period        `json:"periods"`
	FlexibleSchedule []calc.ScheduleEntry `json:"flexible_schedule,omitempty"`
}

// RuleSets describes every bundled rule set.
func RuleSets() ([]RuleSetView, error) {
	sets, err := rules.Bundled()
	if err != nil {
		return nil, err
	}
	views := make([]RuleSetView, len(sets))
	for i, s := range sets {
		views[i] = RuleSetView{RuleSet: s, From: s.Start().String(), To: s.Until.String(),
			Periods: s.Periods(), FlexibleSchedule: s.FlexibleSchedule()}
	}
	return views, nil
}
