package calc

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// maxMonthlyAmount is the largest monthly amount sibase accepts: one
// billion yuan. It is a sanity limit against typing slips (an extra row of
// zeros), not a policy figure.
var maxMonthlyAmount = decimal.New(1, 9)

// maxRatio bounds ratios people type (300% is 3); anything above 100× an
// average is a slip.
var maxRatio = decimal.New(100, 0)

var tenThousand = decimal.New(1, 4)

// ParseAmount reads a yuan amount the way people type it and returns it
// exactly. field names the input in any error.
//
// Accepted: ASCII or full-width digits (５０００), thousands separators in
// groups of three (5,000 or 5，000), a leading ¥ or ￥, a trailing 元, a
// 万 multiplier (1.2万 = 12000, 1.2万元 too), a leading +, and spaces
// anywhere around. Rejected with an [*Error]: empty input, negative
// amounts, exponents and other non-numbers, more than two decimal places
// (amounts are to the fen), and more than 1,000,000,000 yuan.
//
// Example:
//
//	a, _ := ParseAmount("worker.monthly_wage", "１２,３４５.６元")
//	fmt.Println(a) // 12345.6
func ParseAmount(field, s string) (decimal.Decimal, *Error) {
	raw := s
	s = normalizeNumber(s)
	if s == "" {
		return decimal.Zero, errorf(CodeAmountEmpty, field, "请填写金额。", "Enter an amount.")
	}
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimSuffix(s, "元")
	s = strings.TrimSpace(s)
	multiplier := decimal.Decimal{}
	if strings.HasSuffix(s, "万") {
		s = strings.TrimSpace(strings.TrimSuffix(s, "万"))
		multiplier = tenThousand
	}
	if strings.HasPrefix(s, "-") {
		return decimal.Zero, errorf(CodeAmountNegative, field, "金额不能为负数：“%s”。", "The amount cannot be negative: %q.", raw)
	}
	s = strings.TrimPrefix(s, "+")
	digits, ok := stripGrouping(s)
	if !ok {
		return decimal.Zero, errorf(CodeAmountInvalid, field,
			"无法识别的金额：“%s”。请填写数字，例如 5000、5,000、5000元 或 0.5万。",
			"Not an amount: %q. Type a number such as 5000, 5,000, 5000元 or 0.5万.", raw)
	}
	d, err := decimal.NewFromString(digits)
	if err != nil {
		return decimal.Zero, errorf(CodeAmountInvalid, field,
			"无法识别的金额：“%s”。请填写数字，例如 5000、5,000、5000元 或 0.5万。",
			"Not an amount: %q. Type a number such as 5000, 5,000, 5000元 or 0.5万.", raw)
	}
	if !multiplier.IsZero() {
		d = d.Mul(multiplier)
	}
	if d.GreaterThan(maxMonthlyAmount) {
		return decimal.Zero, errorf(CodeAmountTooLarge, field,
			"金额“%s”超过 10 亿元，请检查是否多输了零。", "The amount %q is over 1,000,000,000 yuan; check for extra zeros.", raw)
	}
	if d.Exponent() < -2 && !d.Equal(d.Round(2)) {
		return decimal.Zero, errorf(CodeAmountPrecision, field,
			"金额“%s”最多精确到分（两位小数）。", "The amount %q can have at most two decimal places (fen).", raw)
	}
	return d, nil
}

// ParseOptionalAmount is ParseAmount for a field that may be left empty:
// "" gives nil and no error.
func ParseOptionalAmount(field, s string) (*decimal.Decimal, *Error) {
	if s == "" {
		return nil, nil
	}
	d, err := ParseAmount(field, s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// ParseRatio reads a ratio of an average wage: a decimal fraction ("0.7")
// or a percentage ("70%", "７０％"). It returns the fraction (0.7). Ratios
// must be positive and at most 100 (10000%).
//
// Example:
//
//	r, _ := ParseRatio("worker.ratio", "70%")
//	fmt.Println(r) // 0.7
func ParseRatio(field, s string) (decimal.Decimal, *Error) {
	raw := s
	s = normalizeNumber(s)
	percent := false
	if strings.HasSuffix(s, "%") {
		percent = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	bad := func() (decimal.Decimal, *Error) {
		return decimal.Zero, errorf(CodeRatioInvalid, field,
			"无法识别的比例：“%s”。请填写如 0.7 或 70%% 的正数。",
			"Not a ratio: %q. Type a positive number such as 0.7 or 70%%.", raw)
	}
	if s == "" || !isPlainDecimal(s) {
		return bad()
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return bad()
	}
	if percent {
		d = d.Div(decimal.New(100, 0))
	}
	if !d.IsPositive() || d.GreaterThan(maxRatio) {
		return bad()
	}
	return d, nil
}

// ParseMonths reads a count of months worked, 1 to 12, as typed (ASCII or
// full-width digits); empty is 0, "not given".
func ParseMonths(field, s string) (int, *Error) {
	s = normalizeNumber(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 12 {
		return 0, errorf(CodeMonthsInvalid, field, "工作月数应为 1 到 12 的整数，收到“%s”。",
			"Months worked must be a whole number from 1 to 12; got %q.", s)
	}
	return n, nil
}

// normalizeNumber maps full-width ASCII variants (digits, ，．％－＋, ￥) to
// their ASCII forms, drops spaces of every width, and returns the result.
func normalizeNumber(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			continue
		case r >= '\uFF01' && r <= '\uFF5E': // full-width forms of ASCII
			r -= 0xFEE0
		case r == '\uFFE5': // ￥ full-width yen sign
			r = '¥'
		case r == '\u00A0':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stripGrouping removes thousands separators from s, which must be digits
// with an optional fraction. Separators must group the integer part in
// threes ("12,345", not "1,23"). It reports false for anything else,
// exponents included.
func stripGrouping(s string) (string, bool) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return "", false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
			return "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return "", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" || !allDigits(intPart) {
		return "", false
	}
	if hasFrac {
		return intPart + "." + frac, true
	}
	return intPart, true
}

// isPlainDecimal reports whether s is digits with at most one '.', and at
// least one digit.
func isPlainDecimal(s string) bool {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && !allDigits(frac) {
		return false
	}
	if intPart != "" && !allDigits(intPart) {
		return false
	}
	return intPart != "" || frac != ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
