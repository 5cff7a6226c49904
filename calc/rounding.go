package calc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RoundMode names how a derived amount is rounded.
type RoundMode string

// The rounding modes a rule may name. They act on the magnitude, so a
// refund rounds like a charge of the same size:
//
//	half_up: 1366.805 → 1366.81, 1366.804 → 1366.80 (half away from zero)
//	up:      1366.801 → 1366.81 (away from zero)
//	down:    1366.809 → 1366.80 (toward zero)
const (
	RoundHalfUp RoundMode = "half_up"
	RoundUp     RoundMode = "up"
	RoundDown   RoundMode = "down"
)

// Rounding is a rule's rounding: a mode and the number of decimal places
// kept (0 yuan, 1 jiao, 2 fen). sibase rounds only figures it derives —
// limits from ratios, monthly averages from annual totals, flexible bases
// from ratios, contributions — and never an intermediate.
type Rounding struct {
	Mode   RoundMode `json:"mode"`
	Places int32     `json:"places"`
}

// Apply rounds d by r.
//
// Example:
//
//	Rounding{Mode: RoundUp, Places: 0}.Apply(decimal.RequireFromString("1366.2")) // 1367
func (r Rounding) Apply(d decimal.Decimal) decimal.Decimal {
	switch r.Mode {
	case RoundUp:
		return d.RoundUp(r.Places)
	case RoundDown:
		return d.RoundDown(r.Places)
	default:
		return d.Round(r.Places)
	}
}

// Validate reports whether r names a known mode and 0, 1 or 2 places.
func (r Rounding) Validate(field string) *Error {
	switch r.Mode {
	case RoundHalfUp, RoundUp, RoundDown:
	default:
		return errorf(CodeRoundingInvalid, field+".mode", "取整方式应为 half_up（四舍五入）、up（进位）或 down（舍去），收到“%s”。",
			"Rounding mode must be half_up, up or down; got %q.", string(r.Mode))
	}
	if r.Places < 0 || r.Places > 2 {
		return errorf(CodeRoundingInvalid, field+".places", "取整位数应为 0（元）、1（角）或 2（分），收到 %d。",
			"Rounding places must be 0 (yuan), 1 (jiao) or 2 (fen); got %d.", r.Places)
	}
	return nil
}

// String describes r in Chinese, e.g. "四舍五入到分".
func (r Rounding) String() string {
	unit := [...]string{"元", "角", "分"}
	mode := map[RoundMode]string{RoundHalfUp: "四舍五入", RoundUp: "进位", RoundDown: "舍去"}[r.Mode]
	if r.Places < 0 || r.Places > 2 {
		return fmt.Sprintf("%s到%d位小数", mode, r.Places)
	}
	return mode + "到" + unit[r.Places]
}

// StringEN describes r in English, e.g. "half-up to the fen".
func (r Rounding) StringEN() string {
	unit := [...]string{"yuan", "jiao", "fen"}
	mode := map[RoundMode]string{RoundHalfUp: "half-up", RoundUp: "up", RoundDown: "down"}[r.Mode]
	if r.Places < 0 || r.Places > 2 {
		return fmt.Sprintf("%s to %d places", mode, r.Places)
	}
	return mode + " to the " + unit[r.Places]
}
