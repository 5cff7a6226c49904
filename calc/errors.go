package calc

import "fmt"

// Error is a mistake a person can cause: bad input, or a question the rule
// set cannot answer. Code is stable and machine-readable; Field names the
// input (a JSON path such as "worker.monthly_wage" or "employer.employees[3].monthly_wage");
// Message is for people in Chinese, MessageEN in English.
type Error struct {
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

// Error implements the error interface with the English message.
func (e *Error) Error() string {
	if e.Field == "" {
		return e.Code + ": " + e.MessageEN
	}
	return e.Code + " (" + e.Field + "): " + e.MessageEN
}

// errorf builds an *Error; zh and en are format strings sharing args.
func errorf(code, field, zh, en string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(zh, args...), MessageEN: fmt.Sprintf(en, args...)}
}

// newError builds an *Error from finished texts.
func newError(code, field, zh, en string) *Error {
	return &Error{Code: code, Field: field, Message: zh, MessageEN: en}
}

// WithField returns a copy of e whose Field is prefixed by parent
// (e.g. "employees[2]" + "monthly_wage").
func (e *Error) WithField(parent string) *Error {
	c := *e
	switch {
	case c.Field == "":
		c.Field = parent
	case parent != "":
		c.Field = parent + "." + c.Field
	}
	return &c
}

// Error codes. docs/ERRORS.md lists each with its meaning.
const (
	CodeAmountEmpty          = "amount_empty"
	CodeAmountInvalid        = "amount_invalid"
	CodeAmountNegative       = "amount_negative"
	CodeAmountTooLarge       = "amount_too_large"
	CodeAmountPrecision      = "amount_precision"
	CodeRatioInvalid         = "ratio_invalid"
	CodeMonthInvalid         = "month_invalid"
	CodeMonthsInvalid        = "months_invalid"
	CodeDateOutOfRange       = "date_out_of_range"
	CodeAverageRequired      = "average_required"
	CodeIncomeRequired       = "income_required"
	CodeFlexibleRange        = "flexible_out_of_range"
	CodeFlexibleTier         = "flexible_not_a_tier"
	CodeFlexibleUndefined    = "flexible_undefined"
	CodeInstitutionUndefined = "institution_undefined"
	CodeInsuranceUnsupported = "insurance_unsupported"
	CodeKindInvalid          = "kind_invalid"
	CodeStatusInvalid        = "status_invalid"
	CodeRoundingInvalid      = "rounding_invalid"
	CodeLimitsInvalid        = "limits_invalid"
	CodeEmployerIncomplete   = "employer_incomplete"
	CodeRuleInvalid          = "rule_invalid"
	CodeConflict             = "input_conflict"
	CodeRegionUnknown        = "region_unknown"
)
