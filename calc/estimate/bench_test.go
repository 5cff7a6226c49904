package estimate

import (
	"fmt"
	"strings"
	"testing"
)

// contractExample is the request from the JSON contract: one employee and
// one employer under 庆社险函〔2011〕3号.
const contractExample = `{"date":"2011-06","region":"230600","insurance":"pension",
 "rule":{"average":"2278.00","rates":{"unit":"0.20","individual":"0.08"}},
 "worker":{"kind":"employee","monthly_wage":"3000"},
 "employer":{"kind":"enterprise","monthly_avg_total_wages":"100000","employees":[{"id":"E1","monthly_wage":"3000","status":"active"}]}}`

// BenchmarkEstimate is one estimate as the command line runs it: decode
// the JSON request, pick the rules, compute, explain.
func BenchmarkEstimate(b *testing.B) {
	for b.Loop() {
		req, err := Decode(strings.NewReader(contractExample))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Run(req); err != nil {
			b.Fatal(err)
		}
	}
}

// employerRequest is an enterprise with n employees whose wages spread
// over and beyond the limits, every tenth a rehired retiree.
func employerRequest(n int) *Request {
	req := &Request{Date: "2011-06", Region: "230600", Rule: &Rule{Average: "2278.00"},
		Employer: &Employer{Kind: "enterprise", MonthlyAvgTotalWages: "30000000"}}
	req.Employer.Employees = make([]Employee, n)
	for i := range req.Employer.Employees {
		e := Employee{ID: fmt.Sprintf("E%06d", i), MonthlyWage: fmt.Sprintf("%d.%02d", 800+i%9000, i%100)}
		if i%10 == 9 {
			e.Status = "rehired_retiree"
		}
		req.Employer.Employees[i] = e
	}
	return req
}

// BenchmarkEmployer10000 computes an enterprise of 10,000 employees: every
// individual base, the sum and the unit base (the request is built once,
// outside the timing; amounts are parsed inside it, as from JSON).
func BenchmarkEmployer10000(b *testing.B) {
	req := employerRequest(10000)
	for b.Loop() {
		resp, err := Run(req)
		if err != nil {
			b.Fatal(err)
		}
		if len(resp.Employer.Employees) != 10000 {
			b.Fatalf("got %d employees, want 10000", len(resp.Employer.Employees))
		}
	}
}

func TestEmployerRequestShape(t *testing.T) {
	resp, err := Run(employerRequest(1000))
	if err != nil {
		t.Fatal(err)
	}
	e := resp.Employer
	if got := e.Counts["exempt"]; got != 100 {
		t.Errorf("got %d exempt employees, want 100", got)
	}
	if got := e.Counts["raised_to_floor"] + e.Counts["cut_to_cap"] + e.Counts["as_declared"] + e.Counts["exempt"]; got != 1000 {
		t.Errorf("got %d employees accounted for, want 1000", got)
	}
}
