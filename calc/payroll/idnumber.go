package payroll

import (
	"strings"
	"time"
)

// idWeights and idCheckChars are GB 11643's check-digit rule for the
// 18-character citizen identity number: Σ digit×weight mod 11 picks the
// check character.
var (
	idWeights    = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	idCheckChars = "10X98765432"
)

// CheckIDNumber checks a 公民身份号码 as typed and returns it normalized
// (full-width digits to ASCII, a lower-case x upper-cased). It accepts the
// 18-character number with a valid birth date and check character, and the
// old 15-digit number with a valid birth date. The reason comes back in
// Chinese and English.
//
// Example: CheckIDNumber("11010519491231002x") → "11010519491231002X", ok.
func CheckIDNumber(s string) (string, string, string, bool) {
	s = strings.ToUpper(foldWidth(strings.TrimSpace(s)))
	switch len(s) {
	case 18:
		for i := 0; i < 17; i++ {
			if s[i] < '0' || s[i] > '9' {
				return s, "身份证号前 17 位应为数字", "the first 17 characters of an ID number are digits", false
			}
		}
		if !validBirth(s[6:14]) {
			return s, "身份证号中的出生日期 " + s[6:14] + " 不存在", "the birth date " + s[6:14] + " in the ID number does not exist", false
		}
		sum := 0
		for i, w := range idWeights {
			sum += int(s[i]-'0') * w
		}
		if want := idCheckChars[sum%11]; s[17] != want {
			return s, "身份证号校验位应为 " + string(want) + "，请核对是否输错", "the ID number's check character should be " + string(want) + ": check for a typing slip", false
		}
		return s, "", "", true
	case 15:
		for i := 0; i < 15; i++ {
			if s[i] < '0' || s[i] > '9' {
				return s, "15 位身份证号应全为数字", "a 15-digit ID number has digits only", false
			}
		}
		if !validBirth("19" + s[6:12]) {
			return s, "身份证号中的出生日期不存在", "the birth date in the ID number does not exist", false
		}
		return s, "", "", true
	}
	return s, "身份证号应为 18 位（或旧的 15 位）", "an ID number has 18 characters (or 15 for the old kind)", false
}

func validBirth(yyyymmdd string) bool {
	t, err := time.Parse("20060102", yyyymmdd)
	return err == nil && t.Year() >= 1900
}

// MaskIDNumber hides an ID number's middle for showing on screen and in
// the publicity sheet: the region's 6 digits and the last 4 stay.
//
// Example: MaskIDNumber("11010519491231002X") → "110105********002X".
func MaskIDNumber(s string) string {
	if len(s) < 10 {
		return strings.Repeat("*", len(s))
	}
	return s[:6] + strings.Repeat("*", len(s)-10) + s[len(s)-4:]
}

// foldWidth maps full-width ASCII forms to ASCII.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '\uFF01' && r <= '\uFF5E' {
			return r - 0xFEE0
		}
		return r
	}, s)
}
