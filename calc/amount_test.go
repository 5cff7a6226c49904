package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when an error is expected
		code string
	}{
		{"5000", "5000", ""},
		{"５０００", "5000", ""},
		{"5,000", "5000", ""},
		{"5，000", "5000", ""},
		{"１２,３４５.６元", "12345.6", ""},
		{"5000元", "5000", ""},
		{" 5000 元 ", "5000", ""},
		{"1.2万", "12000", ""},
		{"1.2万元", "12000", ""},
		{"１.２万", "12000", ""},
		{"¥5000", "5000", ""},
		{"￥5,000.50", "5000.5", ""},
		{"+5000", "5000", ""},
		{"0", "0", ""},
		{"3000.10", "3000.1", ""},
		{"3000.000", "3000", ""},
		{"1,234,567.89", "1234567.89", ""},
		{"1000000000", "1000000000", ""},
		{"", "", CodeAmountEmpty},
		{"   ", "", CodeAmountEmpty},
		{"-5000", "", CodeAmountNegative},
		{"－5000", "", CodeAmountNegative},
		{"abc", "", CodeAmountInvalid},
		{"五千", "", CodeAmountInvalid},
		{"1e3", "", CodeAmountInvalid},
		{"5,00", "", CodeAmountInvalid},
		{",500", "", CodeAmountInvalid},
		{"5.", "", CodeAmountInvalid},
		{"5..0", "", CodeAmountInvalid},
		{"0x10", "", CodeAmountInvalid},
		{"Inf", "", CodeAmountInvalid},
		{"NaN", "", CodeAmountInvalid},
		{"1000000000.01", "", CodeAmountTooLarge},
		{"10万万", "", CodeAmountInvalid},
		{"99999999999999999999999", "", CodeAmountTooLarge},
		{"3000.555", "", CodeAmountPrecision},
		{"0.00001万", "0.1", ""},
		{"0.000001万", "0.01", ""},
		{"0.0000001万", "", CodeAmountPrecision},
	}
	for _, tt := range tests {
		got, err := ParseAmount("worker.monthly_wage", tt.in)
		switch {
		case tt.code != "":
			if err == nil {
				t.Errorf("ParseAmount(%q) = %s, want error %s", tt.in, got, tt.code)
			} else if err.Code != tt.code || err.Field != "worker.monthly_wage" || err.Message == "" || err.MessageEN == "" {
				t.Errorf("ParseAmount(%q) error = %+v, want code %s on worker.monthly_wage with both messages", tt.in, err, tt.code)
			}
		case err != nil:
			t.Errorf("ParseAmount(%q) error %v, want %s", tt.in, err, tt.want)
		case !got.Equal(decimal.RequireFromString(tt.want)):
			t.Errorf("ParseAmount(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// The same amount typed in any accepted format gives the identical value.
func TestParseAmountFormatsAgree(t *testing.T) {
	forms := []string{"12000", "12,000", "12，000", "１２０００", "12000元", "1.2万", "1.2万元", "￥12,000.00", " 12 000 "}
	want := decimal.RequireFromString("12000")
	for _, f := range forms {
		got, err := ParseAmount("x", f)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseAmount(%q) = %s, %v; want 12000", f, got, err)
		}
	}
}

func TestParseRatio(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"0.7", "0.7", true},
		{"70%", "0.7", true},
		{"７０％", "0.7", true},
		{".6", "0.6", true},
		{"300%", "3", true},
		{"3", "3", true},
		{"0", "", false},
		{"-0.6", "", false},
		{"abc", "", false},
		{"", "", false},
		{"%", "", false},
		{"101", "", false},
		{"1e-1", "", false},
	}
	for _, tt := range tests {
		got, err := ParseRatio("worker.ratio", tt.in)
		if tt.ok != (err == nil) {
			t.Errorf("ParseRatio(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("ParseRatio(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if !tt.ok && (err.Code != CodeRatioInvalid || err.Field != "worker.ratio") {
			t.Errorf("ParseRatio(%q) error = %+v, want ratio_invalid on worker.ratio", tt.in, err)
		}
	}
}

func TestRoundingApply(t *testing.T) {
	tests := []struct {
		mode   RoundMode
		places int32
		in     string
		want   string
	}{
		{RoundHalfUp, 2, "1366.805", "1366.81"},
		{RoundHalfUp, 2, "1366.804", "1366.8"},
		{RoundHalfUp, 2, "-50.656", "-50.66"},
		{RoundHalfUp, 2, "-50.655", "-50.66"},
		{RoundUp, 2, "1366.801", "1366.81"},
		{RoundUp, 2, "-50.651", "-50.66"},
		{RoundUp, 0, "994.752", "995"},
		{RoundUp, 0, "995", "995"},
		{RoundDown, 2, "1366.809", "1366.8"},
		{RoundDown, 2, "-50.659", "-50.65"},
		{RoundDown, 0, "994.752", "994"},
		{RoundHalfUp, 1, "994.75", "994.8"},
		{RoundHalfUp, 1, "994.74", "994.7"},
		{RoundHalfUp, 0, "994.5", "995"},
	}
	for _, tt := range tests {
		got := Rounding{Mode: tt.mode, Places: tt.places}.Apply(decimal.RequireFromString(tt.in))
		if !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("Rounding{%s, %d}.Apply(%s) = %s, want %s", tt.mode, tt.places, tt.in, got, tt.want)
		}
	}
}

func TestMonth(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{{"2011-06", true}, {"2011-6", false}, {"2011-13", false}, {"2011-00", false}, {"11-06", false}, {"2011/06", false}, {"", false}, {"2000-+1", false}, {"+200-01", false}} {
		_, err := ParseMonth("date", tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseMonth(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
		}
	}
	m := MustMonth("2009-07")
	if got := m.AddMonths(11).String(); got != "2010-06" {
		t.Errorf("2009-07 + 11 months = %s, want 2010-06", got)
	}
	if got := m.AddMonths(-7).String(); got != "2008-12" {
		t.Errorf("2009-07 - 7 months = %s, want 2008-12", got)
	}
	y := YearRules{YearStart: 7}
	for _, tt := range []struct{ m, year string }{{"2009-07", "2009-07"}, {"2010-06", "2009-07"}, {"2010-07", "2010-07"}, {"2010-01", "2009-07"}} {
		if got := y.InsuranceYear(MustMonth(tt.m)).String(); got != tt.year {
			t.Errorf("July-year InsuranceYear(%s) = %s, want %s", tt.m, got, tt.year)
		}
	}
	if got := y.MonthsBefore(MustMonth("2009-12")); got != 5 {
		t.Errorf("July-year months before 2009-12 = %d, want 5", got)
	}
}

func TestParseMonths(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true}, {"12", 12, true}, {"１２", 12, true}, {" 7 ", 7, true},
		{"0", 0, false}, {"13", 0, false}, {"十二", 0, false}, {"6.5", 0, false}, {"-1", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseMonths("worker.months", tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseMonths(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && (err.Code != CodeMonthsInvalid || err.Field != "worker.months") {
			t.Errorf("ParseMonths(%q) error %+v, want months_invalid on worker.months", tt.in, err)
		}
	}
}
