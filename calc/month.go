package calc

import (
	"fmt"
	"strconv"
)

// Month is a calendar month, the unit every rule period and every base is
// dated in. The zero value is "no month". Months compare with Before/After
// or by their Index.
type Month struct {
	Year  int
	Month int // 1–12
}

// ParseMonth reads "YYYY-MM" (e.g. "2011-06"). field names the input in any
// error.
func ParseMonth(field, s string) (Month, *Error) {
	bad := errorf(CodeMonthInvalid, field, "月份格式应为 年-月，例如 2011-06，收到“%s”。",
		"A month is written YYYY-MM, e.g. 2011-06; got %q.", s)
	if len(s) != 7 || s[4] != '-' || !allDigits(s[:4]) || !allDigits(s[5:]) {
		return Month{}, bad
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || y < 1900 || m < 1 || m > 12 {
		return Month{}, bad
	}
	return Month{Year: y, Month: m}, nil
}

// MustMonth is ParseMonth for literals in tests and examples; it panics on
// a malformed month.
func MustMonth(s string) Month {
	m, err := ParseMonth("month", s)
	if err != nil {
		panic(err)
	}
	return m
}

// String formats the month as "YYYY-MM"; the zero month is "".
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year, m.Month)
}

// IsZero reports whether m is the zero month.
func (m Month) IsZero() bool { return m.Year == 0 && m.Month == 0 }

// Index is the number of months since January of year 0; consecutive
// months have consecutive indexes.
func (m Month) Index() int { return m.Year*12 + m.Month - 1 }

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool { return m.Index() < o.Index() }

// After reports whether m is later than o.
func (m Month) After(o Month) bool { return m.Index() > o.Index() }

// AddMonths returns the month n months after m (n may be negative).
func (m Month) AddMonths(n int) Month {
	i := m.Index() + n
	return Month{Year: i / 12, Month: i%12 + 1}
}

// MarshalText implements encoding.TextMarshaler ("YYYY-MM").
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler ("YYYY-MM").
func (m *Month) UnmarshalText(b []byte) error {
	p, err := ParseMonth("month", string(b))
	if err != nil {
		return err
	}
	*m = p
	return nil
}
