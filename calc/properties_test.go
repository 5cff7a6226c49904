package calc_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// daqingRules is 庆社险函〔2011〕3号 in 2011-06 with an average entered.
func daqingRules(t *testing.T, avg string) *calc.Rules {
	t.Helper()
	r, err := mustSet(t, "daqing-2011").At(calc.MustMonth("2011-06"))
	if err != nil {
		t.Fatal(err)
	}
	a := dec(avg)
	if err := r.Override(calc.Pension, calc.UserFigures{Average: &a}); err != nil {
		t.Fatal(err)
	}
	return r
}

// randomEmployees makes n employees with wages from 0 to 20,000.00 and a
// mix of statuses, from a fixed seed so failures repeat.
func randomEmployees(rng *rand.Rand, n int) []calc.EmployeeInput {
	out := make([]calc.EmployeeInput, n)
	for i := range out {
		w := decimal.New(rng.Int64N(2_000_001), -2)
		st := calc.StatusActive
		switch rng.IntN(10) {
		case 0:
			st = calc.StatusRehiredRetiree
		case 1:
			st = calc.StatusInsuredElsewhere
		}
		out[i] = calc.EmployeeInput{ID: fmt.Sprint(i), Status: st, Wage: calc.WageInput{MonthlyWage: &w}}
	}
	return out
}

// Under 3号 二(一) the unit base is never below Σ individual bases plus
// the wages of staff exempt under 四.4 (which count in the unit base), and
// for institutions and social organisations it is exactly that.
func TestUnitBaseProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2011))
	for trial := 0; trial < 300; trial++ {
		r := daqingRules(t, decimal.New(100_000+rng.Int64N(900_000), -2).String())
		employees := randomEmployees(rng, 1+rng.IntN(40))
		payroll := decimal.New(rng.Int64N(50_000_000), -2)
		for _, kind := range []calc.EmployerKind{calc.EmployerEnterprise, calc.EmployerInstitution, calc.EmployerSocialOrg} {
			res, err := r.EmployerBase(calc.Pension, calc.EmployerInput{Kind: kind, MonthlyAvgTotalWages: &payroll, Employees: employees}, "employer")
			if err != nil {
				t.Fatalf("trial %d %s: %v", trial, kind, err)
			}
			sum, exempt := decimal.Zero, decimal.Zero
			for _, e := range res.Employees {
				if e.Base != nil {
					sum = sum.Add(*e.Base)
				}
				if e.Outcome == calc.OutcomeExempt {
					exempt = exempt.Add(*e.Wage)
				}
			}
			if !sum.Equal(res.SumEmployeeBases) || !exempt.Equal(res.ExemptWages) {
				t.Fatalf("trial %d: Σ bases %s and exempt wages %s, reported %s and %s", trial, sum, exempt, res.SumEmployeeBases, res.ExemptWages)
			}
			sum = sum.Add(exempt)
			switch kind {
			case calc.EmployerEnterprise:
				if res.Base.LessThan(sum) || (!res.Base.Equal(sum) && !res.Base.Equal(payroll)) {
					t.Fatalf("trial %d enterprise: unit base %s, Σ %s, payroll %s: want max(payroll, Σ + exempt wages)", trial, res.Base, sum, payroll)
				}
			default:
				if !res.Base.Equal(sum) {
					t.Fatalf("trial %d %s: unit base %s, want Σ + exempt wages %s", trial, kind, res.Base, sum)
				}
			}
		}
	}
}

// Settlement (3号 四.3) is Σ over the months of (new − provisional) ×
// rate, each month rounded by the rule, and its sign says collect or
// return.
func TestSettlementProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 3))
	r := daqingRules(t, "2278.00")
	for trial := 0; trial < 1000; trial++ {
		prov := decimal.New(rng.Int64N(2_000_000), -2)
		now := decimal.New(rng.Int64N(2_000_000), -2)
		rate := decimal.New(1+rng.Int64N(300), -3)
		months := rng.IntN(13)
		s, err := r.Settle("个人", prov, now, &rate, months, 12)
		if err != nil {
			t.Fatal(err)
		}
		want := decimal.Zero
		for m := 0; m < months; m++ {
			want = want.Add(r.Rounding.Apply(now.Sub(prov).Mul(rate)))
		}
		if !s.Total.Equal(want) {
			t.Fatalf("prov %s new %s rate %s × %d: total %s, want %s", prov, now, rate, months, s.Total, want)
		}
		dir := map[int]string{1: "collect", -1: "return", 0: "none"}[want.Sign()]
		if s.Direction != dir {
			t.Fatalf("total %s: direction %s, want %s", want, s.Direction, dir)
		}
	}
}

// The flexible minimum under 89号 never falls from one year to the next,
// and every bundled set's flexible minimum is within its maximum.
func TestFlexibleMinimumNeverFalls(t *testing.T) {
	for _, id := range []string{"liaoning-2006"} {
		sched := mustSet(t, id).FlexibleSchedule()
		for i := 1; i < len(sched); i++ {
			if sched[i].MinRatio.LessThan(*sched[i-1].MinRatio) {
				t.Errorf("%s: the minimum fell from %s to %s at %s", id, sched[i-1].MinRatio, sched[i].MinRatio, sched[i].From)
			}
			if sched[i].MinRatio.GreaterThan(*sched[i].MaxRatio) {
				t.Errorf("%s: minimum %s above maximum %s at %s", id, sched[i].MinRatio, sched[i].MaxRatio, sched[i].From)
			}
		}
	}
}
