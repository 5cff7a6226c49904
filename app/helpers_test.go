package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sibase/calc"
)

func TestFragmentRoundTrip(t *testing.T) {
	tests := []form{
		{"date": "2007-03", "set": "liaoning-2006", "avg": "1949.33", "ratio": "0.7"},
		{"wage": "１０００元", "set": "daqing-2011"},
		{"e.0.id": "张三 & 李四", "e.0.wage": "5,000", "rows": "1", "note": "a=b#c%d"},
		{},
	}
	for _, f := range tests {
		frag := f.fragment()
		got, ok := parseFragment("#" + frag)
		if !ok {
			t.Errorf("parseFragment(%q): not ok", frag)
			continue
		}
		if len(got) != len(f) {
			t.Errorf("round trip of %v: got %v", f, got)
		}
		for k, v := range f {
			if got[k] != v {
				t.Errorf("round trip of %v: field %q got %q, want %q", f, k, got[k], v)
			}
		}
	}
}

func TestFragmentEmptyValuesLeftOut(t *testing.T) {
	if got := (form{"a": "", "b": "1"}).fragment(); got != "b=1" {
		t.Errorf("got %q, want %q", got, "b=1")
	}
}

func TestParseFragmentRefusesJunk(t *testing.T) {
	for _, frag := range []string{"%zz", "a=%", strings.Repeat("x", maxFragment+1)} {
		if got, ok := parseFragment(frag); ok || len(got) != 0 {
			t.Errorf("parseFragment(%.20q…) = %v, %v; want an empty form and false", frag, got, ok)
		}
	}
}

// Every translation has both languages, and every key the code asks for
// exists — literal keys found in the source, and keys built from values
// calc returns (outcomes, statuses, directions, ...).
func TestTranslationsComplete(t *testing.T) {
	for k, v := range texts {
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("%q: got zh %q, en %q; want both", k, v[0], v[1])
		}
	}
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	literal := regexp.MustCompile(`tr\([a-zA-Z.]+, "([a-zA-Z0-9_.]+)"\)|(?:key|label|labelKey): +"([a-zA-Z0-9_.]+)"|"((?:nav|home|rules|flex|emp|er|inst|st|pol|res|app|round|places)\.[a-zA-Z0-9_.]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "i18n.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			for _, k := range m[1:] {
				if k != "" && !strings.HasSuffix(k, ".") {
					used[k] = true
				}
			}
		}
	}
	dynamic := map[string][]string{
		"outcome.": {string(calc.OutcomeRaisedToFloor), string(calc.OutcomeCutToCap), string(calc.OutcomeAsDeclared), string(calc.OutcomeAverage),
			string(calc.OutcomeChosen), string(calc.OutcomeDefault), string(calc.OutcomeReduced), string(calc.OutcomeToChoose),
			string(calc.OutcomeCarriedOver), string(calc.OutcomeExempt), string(calc.OutcomeUnitOnly)},
		"basis.":       {string(calc.BasisReading), string(calc.BasisLocal), string(calc.BasisConvention), string(calc.BasisDeparts)},
		"status.":      {"official", "provisional", "secondary_source", "active", "rehired_retiree", "insured_elsewhere"},
		"er.decided.":  {"payroll", "sum_of_bases", "last_month_payroll", "carried_over", "approved_wages"},
		"er.wage.":     {calc.WageBasic, calc.WageTotal, calc.WageApproved},
		"flex.choice.": {string(calc.ChoiceHardship), string(calc.ChoiceFree), string(calc.ChoiceTiers)},
		"st.":          {"collect", "return", "none"},
	}
	for prefix, values := range dynamic {
		for _, v := range values {
			used[prefix+v] = true
		}
	}
	for _, r := range pageRoutes {
		used[r.key] = true
		used["home."+r.name+".desc"] = true
	}
	if len(used) < 50 {
		t.Fatalf("found %d keys in use, want the scan to find at least 50", len(used))
	}
	for k := range used {
		if _, ok := texts[k]; !ok {
			t.Errorf("key %q is used but has no translation", k)
		}
	}
}

func TestRuleRequestUsesTheAverageOnlyWhereNeeded(t *testing.T) {
	tests := []struct {
		name string
		f    form
		want string
	}{
		{"Liaoning lacks the city average", form{"place": "210000", "date": "2007-03", "avg": "1949.33"}, "1949.33"},
		{"Shenyang carries its average: a stale field is ignored", form{"place": "210000", "city": "210100", "date": "2009-09", "avg": "1949.33"}, ""},
		{"custom figures", form{"place": customPlace, "date": "2024-01", "avg": "8000", "floorRatio": "0.6"}, "8000"},
	}
	for _, tt := range tests {
		req := ruleRequest(tt.f, false)
		got := ""
		if req.Rule != nil {
			got = req.Rule.Average
		}
		if got != tt.want {
			t.Errorf("%s: got average %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRowField(t *testing.T) {
	tests := map[string]string{
		"employer.employees[3].monthly_wage": "e.3.wage",
		"employer.employees[0].status":       "e.0.status",
		"employer.employees[x].status":       "",
		"employer.monthly_avg_total_wages":   "",
	}
	for in, want := range tests {
		if got := rowField(in); got != want {
			t.Errorf("rowField(%q) = %q, want %q", in, got, want)
		}
	}
}
