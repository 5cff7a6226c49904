package app

import (
	"strconv"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/rules"
)

// customPlace is the picker's value for "my place isn't listed": the
// person types the published figures.
const customPlace = "custom"

// region is the place the form's rules are for: the city where one is
// chosen, else the province ("" for none or custom figures).
func region(f form) string {
	if f["place"] == customPlace {
		return ""
	}
	if c := f["city"]; c != "" && len(c) == 6 && len(f["place"]) == 6 && c[:2] == f["place"][:2] {
		return c
	}
	return f["place"]
}

// ruleRequest starts an estimate request from the picker's fields: the
// month and the place, with the average typed in where the bundled rules
// do not carry it, or the person's own published figures.
func ruleRequest(f form, flexible bool) *estimate.Request {
	req := &estimate.Request{Date: f["date"], Region: region(f)}
	var rule estimate.Rule
	if f["place"] == customPlace {
		rule = estimate.Rule{Average: f["avg"], Floor: f["floor"], Cap: f["cap"],
			FloorRatio: f["floorRatio"], CapRatio: f["capRatio"], Rounding: f["rounding"]}
		if pl, err := strconv.Atoi(f["places"]); err == nil {
			rule.Places = &pl
		}
		if flexible {
			rule.FlexibleMinRatio, rule.FlexibleMaxRatio = f["fmin"], f["fmax"]
		}
	} else if _, needed := averageNeeded(f); needed {
		rule.Average = f["avg"]
	}
	if rule != (estimate.Rule{}) || f["place"] == customPlace {
		req.Rule = &rule
	}
	return req
}

// chosenRules resolves the bundled rules for the form's place and month,
// or reports false (custom figures, no place, a month not covered): what
// the pages show beside the fields depends on it.
func chosenRules(f form) (*calc.Rules, bool) {
	reg := region(f)
	if reg == "" {
		return nil, false
	}
	// A page asks several times per keystroke (the picker, the hints, the
	// fields a method needs) for the same rules: the last answer is kept.
	key := reg + "|" + f["date"] + "|" + f["kind"] + "|" + f["staffKind"]
	lastRules.Lock()
	defer lastRules.Unlock()
	if key != lastRules.key {
		lastRules.r, lastRules.ok = resolveRules(reg, f)
		lastRules.key = key
	}
	return lastRules.r, lastRules.ok
}

// lastRules is chosenRules' last answer, by the fields it depends on (the
// server pre-renders pages concurrently, hence the lock). The rules are
// bundled data and never change while the app runs.
var lastRules struct {
	sync.Mutex
	key string
	r   *calc.Rules
	ok  bool
}

// resolveRules is chosenRules without the memory.
func resolveRules(reg string, f form) (*calc.Rules, bool) {
	m, err := calc.ParseMonth("date", f["date"])
	if err != nil {
		return nil, false
	}
	match, cerr := rules.Find(reg, m)
	if cerr != nil {
		return nil, false
	}
	kind := calc.EmployerKind(f["kind"])
	if f["kind"] == "" {
		kind = calc.EmployerKind(f["staffKind"])
	}
	r, cerr := match.Set.AtPlace(m, calc.Place{City: match.Place.City, Kind: kind})
	return r, cerr == nil
}

// averageNeeded reports whether the chosen bundled rules lack the average
// they need for the chosen month, and which average it is.
func averageNeeded(f form) (calc.Average, bool) {
	r, ok := chosenRules(f)
	if !ok {
		return calc.Average{}, false
	}
	if _, err := r.Limits(); err != nil && err.Code == calc.CodeAverageRequired {
		return r.Average, true
	}
	return r.Average, false
}

// placeChoices lists the provinces, then "my place isn't listed".
func placeChoices(l Lang) []choice {
	ps := rules.Provinces()
	out := make([]choice, 0, len(ps)+2)
	out = append(out, choice{"", tr(l, "rules.place.none")})
	for _, p := range ps {
		out = append(out, choice{p.Code, pick(l, p.Name, p.NameEN)})
	}
	return append(out, choice{customPlace, tr(l, "rules.custom")})
}

// citiesMatter reports whether a province's figures differ by city: its
// rules have zones, or some city has rules of its own.
func citiesMatter(province string) bool {
	if len(province) != 6 || province == customPlace {
		return false
	}
	p, ok := rules.PlaceByCode(province)
	if !ok {
		return false
	}
	sets, _ := rules.InRegion(province)
	for _, rs := range sets {
		for _, v := range rs.Variants {
			if len(v.Cities) > 0 {
				return true
			}
		}
	}
	for _, c := range p.Cities {
		if own, _ := rules.InRegion(c.Code); len(own) > 0 {
			return true
		}
	}
	return false
}

// cityChoices lists a province's cities, after "another city" — or,
// where the figures are the same in every city, after "the same
// everywhere", the city being optional.
func cityChoices(l Lang, province string) []choice {
	p, _ := rules.PlaceByCode(province)
	first := "rules.city.other"
	if !citiesMatter(province) {
		first = "rules.city.same"
	}
	out := []choice{{"", tr(l, first)}}
	for _, c := range p.Cities {
		out = append(out, choice{c.Code, pick(l, c.Name, c.NameEN)})
	}
	return out
}

// placeHint names the rules in force for the chosen place and month: the
// document, the period and the status of its figures.
func placeHint(l Lang, f form) app.UI {
	r, ok := chosenRules(f)
	if !ok || r.Set == nil {
		return app.Text("")
	}
	rs := r.Set
	text := rs.Document + " · " + pick(l, rs.Title, rs.TitleEN) + " · " + tr(l, "status."+string(r.Status()))
	if r.Provisional {
		text += " · " + tr(l, "rules.provisional")
	}
	return elemText("p#set-hint.hint", text)
}

// rulePicker renders the month, the place and the figures the rules need
// from the person. flexible adds the custom flexible range.
func (p *formPage) rulePicker(flexible bool) app.UI {
	custom := p.form["place"] == customPlace
	avg, needAvg := averageNeeded(p.form)
	avgLabel := ""
	if needAvg {
		zh, en := calc.AverageName(avg)
		avgLabel = pick(p.lang, zh, en)
	}
	return group("rules", tr(p.lang, "rules.legend"),
		p.field(fieldOpts{name: "date", label: "rules.date", kind: "month"}),
		p.selectField("place", "rules.place", placeChoices(p.lang)),
		app.If(citiesMatter(p.form["place"]), func() app.UI {
			return p.selectField("city", "rules.city", cityChoices(p.lang, p.form["place"]))
		}),
		app.If(!custom, func() app.UI { return placeHint(p.lang, p.form) }),
		app.If(needAvg, func() app.UI {
			return p.field(fieldOpts{name: "avg", label: avgLabel, labelRaw: true, hint: tr(p.lang, "rules.needAvg")})
		}),
		app.If(custom, func() app.UI {
			return elem("div#custom-rules.custom",
				p.field(fieldOpts{name: "avg", label: "rules.average"}),
				p.field(fieldOpts{name: "floorRatio", label: "rules.floorRatio", kind: "ratio"}),
				p.field(fieldOpts{name: "capRatio", label: "rules.capRatio", kind: "ratio"}),
				p.field(fieldOpts{name: "floor", label: "rules.floor"}),
				p.field(fieldOpts{name: "cap", label: "rules.cap"}),
				p.selectField("rounding", "rules.rounding", []choice{
					{"half_up", tr(p.lang, "round.half_up")}, {"up", tr(p.lang, "round.up")}, {"down", tr(p.lang, "round.down")}}),
				p.selectField("places", "rules.places", []choice{
					{"2", tr(p.lang, "places.2")}, {"1", tr(p.lang, "places.1")}, {"0", tr(p.lang, "places.0")}}),
				app.If(flexible, func() app.UI {
					return elem("div",
						p.field(fieldOpts{name: "fmin", label: "rules.fmin", kind: "ratio"}),
						p.field(fieldOpts{name: "fmax", label: "rules.fmax", kind: "ratio"}),
					)
				}),
			)
		}),
	)
}

// legacySet turns a share link of the earlier form, which named a rule
// set ("set": "shenyang-2009"), into the place that set is for.
func legacySet(f form) {
	id := f["set"]
	if id == "" || f["place"] != "" {
		return
	}
	delete(f, "set")
	if id == "custom" || id == "national-2019" {
		f["place"] = customPlace
		return
	}
	if rs, ok := rules.ByID(id); ok {
		f["place"] = rs.Region[:2] + "0000"
		if rs.Region[2:] != "0000" {
			f["city"] = rs.Region
		}
	}
}
