package calc_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/rules"
)

func mustSet(t *testing.T, id string) *calc.RuleSet {
	t.Helper()
	rs, ok := rules.ByID(id)
	if !ok {
		t.Fatalf("bundled rule set %s missing", id)
	}
	return rs
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestLiaoningPeriodsAndSchedule(t *testing.T) {
	rs := mustSet(t, "liaoning-2006")
	periods := rs.Periods()
	if len(periods) != 5 {
		t.Fatalf("got %d periods, want 5 (one per year 2006–2010)", len(periods))
	}
	want := []string{"0.6", "0.7", "0.8", "0.9", "1"}
	sched := rs.FlexibleSchedule()
	if len(sched) != len(want) {
		t.Fatalf("got %d schedule entries, want %d", len(sched), len(want))
	}
	for i, e := range sched {
		year := 2006 + i
		if e.From.String() != fmt.Sprintf("%d-01", year) || e.To.String() != fmt.Sprintf("%d-12", year) {
			t.Errorf("entry %d spans %s–%s, want %d-01–%d-12", i, e.From, e.To, year, year)
		}
		if e.MinRatio == nil || !e.MinRatio.Equal(dec(want[i])) {
			t.Errorf("%d minimum ratio = %v, want %s (辽社险函〔2006〕89号 二(二))", year, e.MinRatio, want[i])
		}
		if e.MinAmount != nil {
			t.Errorf("%d minimum amount = %s, want none: the city average is not bundled", year, e.MinAmount)
		}
		if i > 0 && e.MinRatio.LessThan(*sched[i-1].MinRatio) {
			t.Errorf("the minimum fell from %s to %s in %d", sched[i-1].MinRatio, e.MinRatio, year)
		}
	}
}

func TestShenyangFrozenMinimumSchedule(t *testing.T) {
	sched := mustSet(t, "shenyang-2009").FlexibleSchedule()
	if len(sched) != 1 {
		t.Fatalf("got %d entries, want 1", len(sched))
	}
	e := sched[0]
	if e.MinRatio != nil {
		t.Errorf("minimum ratio = %s, want none: a published amount overrides it", e.MinRatio)
	}
	if e.MinAmount == nil || !e.MinAmount.Equal(dec("1368.55")) {
		t.Errorf("minimum amount = %v, want 1368.55", e.MinAmount)
	}
	if e.From.String() != "2009-07" || e.To.String() != "2010-06" {
		t.Errorf("span %s–%s, want 2009-07–2010-06 (a July-to-June year)", e.From, e.To)
	}
}

func TestAtBoundaries(t *testing.T) {
	tests := []struct {
		set, month string
		covered    bool
	}{
		{"liaoning-2006", "2005-12", false},
		{"liaoning-2006", "2006-01", true},
		{"liaoning-2006", "2010-12", true},
		{"liaoning-2006", "2011-01", false},
		{"shenyang-2009", "2009-06", false},
		{"shenyang-2009", "2009-07", true},
		{"shenyang-2009", "2010-06", true},
		{"shenyang-2009", "2010-07", false},
		{"daqing-2011", "2011-01", true},
		{"daqing-2011", "2012-01", false},
		{"national-2019", "2019-04", false},
		{"national-2019", "2019-05", true},
		{"national-2019", "2040-01", true},
	}
	for _, tt := range tests {
		_, err := mustSet(t, tt.set).At(calc.MustMonth(tt.month))
		if tt.covered != (err == nil) {
			t.Errorf("%s at %s: error %v, want covered=%v", tt.set, tt.month, err, tt.covered)
		}
		if err != nil && err.Code != calc.CodeDateOutOfRange {
			t.Errorf("%s at %s: code %s, want %s", tt.set, tt.month, err.Code, calc.CodeDateOutOfRange)
		}
	}
}

// Invariants over generated wages: the base lies within [floor, cap], is
// monotone in the wage, and equals the wage inside the limits — for every
// bundled rule set and period, with an average entered where none is
// bundled.
func TestEmployeeBaseInvariants(t *testing.T) {
	sets, err := rules.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	avg := dec("3214.67")
	for _, rs := range sets {
		for _, p := range rs.Periods() {
			r, err := rs.At(p.From)
			if err != nil {
				t.Fatal(err)
			}
			if r.Average.Amount == nil {
				if err := r.Override(calc.Pension, calc.UserFigures{Average: &avg}); err != nil {
					t.Fatal(err)
				}
			}
			lim, err := r.Limits()
			if err != nil {
				t.Fatalf("%s %s: %v", rs.ID, p.From, err)
			}
			prev := decimal.Zero
			cent := decimal.New(1, -2)
			wages := []decimal.Decimal{}
			for w := int64(0); w <= 40000_00; w += 19_99 { // every 19.99 yuan up to 40,000
				wages = append(wages, decimal.New(w, -2))
			}
			// and both sides of each limit, to the fen
			wages = append(wages, lim.Floor.Sub(cent), lim.Floor, lim.Floor.Add(cent), lim.Cap.Sub(cent), lim.Cap, lim.Cap.Add(cent))
			slices.SortFunc(wages, decimal.Decimal.Cmp)
			for _, wage := range wages {
				res, err := r.EmployeeBase(calc.Pension, calc.WageInput{MonthlyWage: &wage}, "worker")
				if err != nil {
					t.Fatalf("%s %s wage %s: %v", rs.ID, p.From, wage, err)
				}
				if res.Base.LessThan(lim.Floor) || res.Base.GreaterThan(lim.Cap) {
					t.Fatalf("%s %s wage %s: base %s outside [%s, %s]", rs.ID, p.From, wage, res.Base, lim.Floor, lim.Cap)
				}
				if res.Base.LessThan(prev) {
					t.Fatalf("%s %s wage %s: base %s fell below %s for a lower wage", rs.ID, p.From, wage, res.Base, prev)
				}
				if !wage.LessThan(lim.Floor) && !wage.GreaterThan(lim.Cap) && !res.Base.Equal(wage) {
					t.Fatalf("%s %s wage %s within limits: got base %s, want the wage", rs.ID, p.From, wage, res.Base)
				}
				prev = res.Base
			}
		}
	}
}

func TestValidateRefusesBrokenSets(t *testing.T) {
	half := dec("0.5")
	four := dec("4")
	tests := []struct {
		name   string
		break_ func(rs *calc.RuleSet)
		field  string
	}{
		{"missing citation", func(rs *calc.RuleSet) { rs.Params.Floor[0].Cite.Doc = "" }, "params.floor[0].cite.doc"},
		{"floor above cap", func(rs *calc.RuleSet) { rs.Params.Floor[0].Ratio = &four }, "params.floor"},
		{"periods out of order", func(rs *calc.RuleSet) {
			rs.Params.Flexible[1].From, rs.Params.Flexible[2].From = rs.Params.Flexible[2].From, rs.Params.Flexible[1].From
		}, "params.flexible[2].from"},
		{"duplicate period", func(rs *calc.RuleSet) { rs.Params.Flexible[2].From = rs.Params.Flexible[1].From }, "params.flexible[2].from"},
		{"gap at start", func(rs *calc.RuleSet) { rs.Params.Cap[0].From = calc.MustMonth("2007-01") }, "params.cap[0].from"},
		{"after until", func(rs *calc.RuleSet) { rs.Params.Flexible[4].From = calc.MustMonth("2011-01") }, "params.flexible[4].from"},
		{"no reviewed_through", func(rs *calc.RuleSet) { rs.ReviewedThrough = calc.Month{} }, "reviewed_through"},
		{"bad status", func(rs *calc.RuleSet) { rs.Status = "draft" }, "status"},
		{"bad region", func(rs *calc.RuleSet) { rs.Region = "21" }, "region"},
		{"flexible min above max", func(rs *calc.RuleSet) { rs.Params.Flexible[0].Max.Ratio = &half }, "params.flexible[0].min.ratio"},
		{"bad rounding", func(rs *calc.RuleSet) { rs.Params.Rounding[0].Places = 3 }, "params.rounding[0].places"},
		{"unknown method", func(rs *calc.RuleSet) {
			s := rs.Params.Bases[calc.Pension][0]
			s.Individual.Method = "guess"
			rs.Params.Bases[calc.Pension] = []calc.Scheme{s}
		}, "params.bases.pension[0].individual.method"},
	}
	for _, tt := range tests {
		rs := *mustSet(t, "liaoning-2006")
		rs.Params = cloneParams(rs.Params)
		tt.break_(&rs)
		err := rs.Validate()
		if err == nil {
			t.Errorf("%s: got no error, want one on %s", tt.name, tt.field)
			continue
		}
		if err.Code != calc.CodeRuleInvalid || err.Field != tt.field {
			t.Errorf("%s: got %s on %q, want rule_invalid on %q", tt.name, err.Code, err.Field, tt.field)
		}
	}
}

// cloneParams copies the slices a test may change, so the bundled set is
// left alone.
func cloneParams(p calc.Params) calc.Params {
	p.Floor = append([]calc.DatedBound(nil), p.Floor...)
	p.Cap = append([]calc.DatedBound(nil), p.Cap...)
	p.Rounding = append([]calc.DatedRounding(nil), p.Rounding...)
	p.Flexible = append([]calc.FlexibleRange(nil), p.Flexible...)
	bases := map[calc.Insurance][]calc.Scheme{}
	for k, v := range p.Bases {
		bases[k] = append([]calc.Scheme(nil), v...)
	}
	p.Bases = bases
	return p
}

// At names the same period for a month as Periods lists, at each period's
// first month, its last, and a month between.
func TestAtPeriodMatchesPeriods(t *testing.T) {
	sets, err := rules.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, rs := range sets {
		for _, p := range rs.Periods() {
			last := p.To
			if last.IsZero() {
				last = p.From.AddMonths(30)
			}
			for _, m := range []calc.Month{p.From, p.From.AddMonths((last.Index() - p.From.Index()) / 2), last} {
				r, err := rs.At(m)
				if err != nil {
					t.Fatalf("%s at %s: %v", rs.ID, m, err)
				}
				if r.PeriodFrom != p.From || r.PeriodTo != p.To {
					t.Errorf("%s at %s: got period %s–%s, want %s–%s", rs.ID, m, r.PeriodFrom, r.PeriodTo, p.From, p.To)
				}
			}
		}
	}
}
