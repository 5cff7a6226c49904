//go:build !wasm

package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// Every bundled figure with a source of the newer grades names its notice
// and address, and quotes, in at most 200 characters, the very figure it
// gives: the amount as published, or the ratio (as itself or as a
// percentage). A figure without such a source is not bundled.
func TestEveryFigureIsQuoted(t *testing.T) {
	sets, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	grades := map[string]int{}
	for _, rs := range sets {
		for _, f := range rs.Figures() {
			src := f.Source
			switch src.Grade {
			case calc.GradeOfficial, calc.GradeSecondary, calc.GradeUnverified:
			default:
				continue // the founding sets' older grades
			}
			grades[src.Grade]++
			where := rs.ID + " " + f.Field
			if src.Name() == "" || src.URL == "" || !strings.HasPrefix(src.URL, "http") {
				t.Errorf("%s: got source %q at %q, want a document and a web address", where, src.Name(), src.URL)
			}
			if n := utf8.RuneCountInString(src.Quote); n == 0 || n > calc.MaxQuoteRunes {
				t.Errorf("%s: got a quote of %d characters, want 1 to %d", where, n, calc.MaxQuoteRunes)
			}
			if !f.Figure.IsZero() && !calc.QuoteHolds(src.Quote, f.Figure, f.Percent) {
				t.Errorf("%s: got quote %q, want it to hold %s", where, src.Quote, f.Figure)
			}
		}
	}
	if grades[calc.GradeOfficial]+grades[calc.GradeSecondary]+grades[calc.GradeUnverified] < 100 {
		t.Errorf("got %v quoted figures by grade, want at least 100 in all", grades)
	}
	t.Logf("quoted figures by grade: %v", grades)
}

func TestQuoteHolds(t *testing.T) {
	tests := []struct {
		quote   string
		figure  string
		percent bool
		want    bool
	}{
		{"下限调整为4775元", "4775", false, true},
		{"下限为4,775.00元", "4775", false, true},
		{"下限为４７７５元", "4775", false, true},
		{"下限为4393.2元", "4393.2", false, true},
		{"下限为4393.2元", "4393", false, false},
		{"上限为47750元", "4775", false, false},
		{"按60%确定", "0.6", true, true},
		{"按60%确定", "0.6", false, false},
		{"缴费比例为20%", "0.2", true, true},
	}
	for _, tt := range tests {
		if got := calc.QuoteHolds(tt.quote, dec(tt.figure), tt.percent); got != tt.want {
			t.Errorf("QuoteHolds(%q, %s, %v) = %v, want %v", tt.quote, tt.figure, tt.percent, got, tt.want)
		}
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
