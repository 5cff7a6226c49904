package calc

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// seedLines adds each line of a seed file in testdata/fuzz as a seed.
func seedLines(f *testing.F, path string) {
	file, err := os.Open(path)
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f.Add(sc.Text())
	}
}

// FuzzParseAmount: whatever is typed, ParseAmount never panics; it either
// refuses with a coded, bilingual error naming the field, or returns a
// non-negative amount of at most 1,000,000,000 with at most two decimal
// places, which reads back to itself.
func FuzzParseAmount(f *testing.F) {
	seedLines(f, "../testdata/fuzz/amounts.txt")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseAmount("worker.monthly_wage", s)
		if err != nil {
			if err.Code == "" || err.Field != "worker.monthly_wage" || err.Message == "" || err.MessageEN == "" {
				t.Fatalf("ParseAmount(%q): error %+v lacks a code, the field or a message", s, err)
			}
			return
		}
		if d.IsNegative() || d.GreaterThan(maxMonthlyAmount) || !d.Equal(d.Round(2)) {
			t.Fatalf("ParseAmount(%q) = %s: negative, too large or finer than the fen", s, d)
		}
		again, err := ParseAmount("x", Yuan(d))
		if err != nil || !again.Equal(d) {
			t.Fatalf("ParseAmount(%q) = %s, but its own text %q reads as %s, %v", s, d, Yuan(d), again, err)
		}
	})
}

// FuzzParseRatio: no panic; a ratio is positive and at most 100.
func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"0.7", "70%", "７０％", ".6", "300%", "0", "-1", "1e2", "%", "100.0000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseRatio("worker.ratio", s)
		if err != nil {
			if err.Code != CodeRatioInvalid || !utf8.ValidString(err.MessageEN) {
				t.Fatalf("ParseRatio(%q): error %+v", s, err)
			}
			return
		}
		if !d.IsPositive() || d.GreaterThan(decimal.NewFromInt(100)) {
			t.Fatalf("ParseRatio(%q) = %s, out of (0, 100]", s, d)
		}
	})
}

// FuzzParseMonth: no panic; a month reads back to itself.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2011-06", "2011-13", "0000-01", "9999-12", "2011-6", " 2011-06"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth("date", s)
		if err == nil && m.String() != s {
			t.Fatalf("ParseMonth(%q) = %s", s, m)
		}
		if err != nil && !strings.Contains(err.MessageEN, "YYYY-MM") {
			t.Fatalf("ParseMonth(%q): unhelpful error %+v", s, err)
		}
	})
}
