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

// PlaceView is a place as `sibase rules` lists it: its code, names, and
// the ids of the bundled rule sets that answer for it (its own, then its
// province's).
type PlaceView struct {
	Code     string      `json:"code"`
	Name     string      `json:"name"`
	NameEN   string      `json:"name_en"`
	RuleSets []string    `json:"rule_sets,omitempty"`
	Cities   []PlaceView `json:"cities,omitempty"`
}

// Places lists every province with its cities and the rule sets for each.
func Places() []PlaceView {
	sets, _ := rules.Bundled()
	ids := map[string][]string{}
	for _, s := range sets {
		ids[s.Region] = append(ids[s.Region], s.ID)
	}
	var out []PlaceView
	for _, p := range rules.Provinces() {
		pv := PlaceView{Code: p.Code, Name: p.Name, NameEN: p.NameEN, RuleSets: ids[p.Code]}
		for _, c := range p.Cities {
			pv.Cities = append(pv.Cities, PlaceView{Code: c.Code, Name: c.Name, NameEN: c.NameEN, RuleSets: append(append([]string{}, ids[c.Code]...), ids[p.Code]...)})
		}
		out = append(out, pv)
	}
	return out
}
