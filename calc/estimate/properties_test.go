package estimate

import (
	"encoding/json"
	"strings"
	"testing"
)

// The same amount typed in any accepted format gives the identical
// answer, byte for byte.
func TestSameAmountAnyFormatSameAnswer(t *testing.T) {
	forms := []string{"12000", "12,000", "12，000", "１２０００", "12000元", "1.2万", "1.2万元", "￥12,000.00", " 12 000 "}
	for _, field := range []string{"monthly_wage", "average"} {
		var first []byte
		for _, f := range forms {
			req := `{"date":"2011-06","region":"230600","rule":{"average":"2278"},"worker":{"kind":"employee","monthly_wage":"` + f + `"}}`
			if field == "average" {
				req = `{"date":"2011-06","region":"230600","rule":{"average":"` + f + `"},"worker":{"kind":"employee","monthly_wage":"5000"}}`
			}
			r, err := Decode(strings.NewReader(req))
			if err != nil {
				t.Fatalf("%s %q: %v", field, f, err)
			}
			resp, err := Run(r)
			if err != nil {
				t.Fatalf("%s %q: %v", field, f, err)
			}
			got, _ := json.Marshal(resp)
			if first == nil {
				first = got
			} else if string(got) != string(first) {
				t.Errorf("%s typed %q: got\n%s\nwant the same answer as %q:\n%s", field, f, got, forms[0], first)
			}
		}
	}
}

// A request over the employee limit is refused with the limit named.
func TestTooManyEmployees(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"date":"2011-06","region":"230600","rule":{"average":"2278"},"employer":{"kind":"enterprise","employees":[`)
	for i := 0; i <= MaxEmployees; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"e","monthly_wage":"1"}`)
	}
	b.WriteString(`]}}`)
	req, err := Decode(strings.NewReader(b.String()))
	if err == nil {
		_, err = Run(req)
	}
	if err == nil || err.Code != CodeTooManyEmployees || err.Field != "employer.employees" {
		t.Fatalf("got %+v, want %s on employer.employees", err, CodeTooManyEmployees)
	}
}
