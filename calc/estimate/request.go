// Package estimate is sibase's JSON contract: one request in, one response
// out, as `sibase estimate` reads and writes them and as the app builds
// them from its forms. It turns text into exact figures (through
// calc.ParseAmount, so "5,000元" means the same here as in a form), picks
// the rules, runs the calc functions and gathers their explanations.
//
// Example:
//
//	req, _ := estimate.Decode(strings.NewReader(`{"date":"2007-03","region":"210000",
//	  "rule":{"average":"1444.25"},"worker":{"kind":"flexible"}}`))
//	resp, _ := estimate.Run(req)
//	fmt.Println(resp.Worker.Base) // 1010.98: 70% of 1444.25, the 2007 minimum of 辽社险函〔2006〕89号 二(二)
package estimate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"sibase/calc"
)

// MaxEmployees bounds the employees one request may list; larger
// employers use the roster (a payroll file), which streams.
const MaxEmployees = 100_000

// MaxRequestBytes bounds a request: enough for an employer with tens of
// thousands of employees, small enough that a mistaken file is refused
// quickly.
const MaxRequestBytes = 16 << 20

// Request is one estimate. Amounts and ratios are strings, read as people
// type them. See ../../README.md and the architecture notes for the
// contract; fields marked "extension" were added to it.
type Request struct {
	Date       string      `json:"date"`
	Region     string      `json:"region,omitempty"`
	RuleSet    string      `json:"rule_set,omitempty"` // extension: a bundled rule set's id
	Insurance  string      `json:"insurance,omitempty"`
	Rule       *Rule       `json:"rule,omitempty"`
	Worker     *Worker     `json:"worker,omitempty"`
	Employer   *Employer   `json:"employer,omitempty"`
	CarryOver  *CarryOver  `json:"carry_over,omitempty"` // extension: 3号 四.3
	Correction *Correction `json:"correction,omitempty"` // extension: 3号 四.2
	UnitEvent  string      `json:"unit_event,omitempty"` // extension: 3号 四.1
}

// Rule holds published figures that override the bundled rule set's, or
// stand alone.
type Rule struct {
	Average          string `json:"average,omitempty"`
	Floor            string `json:"floor,omitempty"`
	Cap              string `json:"cap,omitempty"`
	FloorRatio       string `json:"floor_ratio,omitempty"`
	CapRatio         string `json:"cap_ratio,omitempty"`
	Rounding         string `json:"rounding,omitempty"`
	Places           *int   `json:"places,omitempty"`
	FlexibleMinRatio string `json:"flexible_min_ratio,omitempty"`
	FlexibleMaxRatio string `json:"flexible_max_ratio,omitempty"`
	FlexibleMin      string `json:"flexible_min,omitempty"`     // extension: a published minimum amount
	FlexibleMax      string `json:"flexible_max,omitempty"`     // extension
	UnitMethod       string `json:"unit_method,omitempty"`      // extension
	InstitutionWage  string `json:"institution_wage,omitempty"` // extension: "total", where the rule lets places use it (89号 二(三))
	Rates            *Rates `json:"rates,omitempty"`
}

// Rates are contribution rates as fractions ("0.08").
type Rates struct {
	Unit       string `json:"unit,omitempty"`
	Individual string `json:"individual,omitempty"`
	Flexible   string `json:"flexible,omitempty"`
}

// Worker is the person whose base is asked for.
type Worker struct {
	Kind         string `json:"kind"`
	MonthlyWage  string `json:"monthly_wage,omitempty"`
	AnnualWage   string `json:"annual_wage,omitempty"`
	Months       int    `json:"months,omitempty"`
	Ratio        string `json:"ratio,omitempty"`
	Amount       string `json:"amount,omitempty"` // extension: a flexible worker's chosen amount
	BasicWage    string `json:"basic_wage,omitempty"`
	TotalWage    string `json:"total_wage,omitempty"`    // extension
	ApprovedWage string `json:"approved_wage,omitempty"` // extension: wages and allowances approved by the personnel department (89号 二(四))
	// Employer is the kind of unit an employee works for: "institution"
	// (机关事业单位) where the place publishes figures of their own for
	// them; omitted, an enterprise (extension).
	Employer string `json:"employer,omitempty"`
}

// Employer is a contributing unit with its employees.
type Employer struct {
	Kind                 string     `json:"kind"`
	MonthlyAvgTotalWages string     `json:"monthly_avg_total_wages,omitempty"`
	LastMonthTotalWages  string     `json:"last_month_total_wages,omitempty"` // extension: 89号 二(一)
	ApprovedWages        string     `json:"approved_wages,omitempty"`         // extension: 89号 二(四), institutions' medical base
	Employees            []Employee `json:"employees,omitempty"`
}

// Employee is one row of an employer's list.
type Employee struct {
	ID           string `json:"id"`
	MonthlyWage  string `json:"monthly_wage,omitempty"`
	AnnualWage   string `json:"annual_wage,omitempty"`
	Months       int    `json:"months,omitempty"`
	BasicWage    string `json:"basic_wage,omitempty"`
	TotalWage    string `json:"total_wage,omitempty"`
	ApprovedWage string `json:"approved_wage,omitempty"`
	Status       string `json:"status,omitempty"`
}

// CarryOver gives the bases paid provisionally while the new figures were
// not yet known (庆社险函〔2011〕3号 四.3): the average unpublished, or the
// employer's previous-year accounts not ready. Months is how many months
// were paid on them; omitted, it is the months of the insurance year
// before date, and it may not be more.
type CarryOver struct {
	WorkerBase string `json:"worker_base,omitempty"`
	UnitBase   string `json:"unit_base,omitempty"`
	Months     *int   `json:"months,omitempty"`
}

// Correction asks whether an individual base may be corrected
// (庆社险函〔2011〕3号 四.2).
type Correction struct {
	BaseMonth string `json:"base_month"`
	Asked     string `json:"asked"`
	Written   bool   `json:"written"`
}

// Decode reads one JSON request. Unknown fields, trailing data, wrong
// types and requests over MaxRequestBytes are refused with an error that
// names the field.
func Decode(r io.Reader) (*Request, *calc.Error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxRequestBytes+1))
	if err != nil {
		return nil, &calc.Error{Code: CodeRequestInvalid, Message: "无法读取请求：" + err.Error(), MessageEN: "Cannot read the request: " + err.Error()}
	}
	if len(data) > MaxRequestBytes {
		return nil, &calc.Error{Code: CodeRequestTooLarge,
			Message:   fmt.Sprintf("请求超过 %d MiB 上限。", MaxRequestBytes>>20),
			MessageEN: fmt.Sprintf("The request is over the %d MiB limit.", MaxRequestBytes>>20)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, &calc.Error{Code: CodeRequestInvalid, Message: "请求只能包含一个 JSON 对象。", MessageEN: "The request must be a single JSON object."}
	}
	return &req, nil
}

// Request error codes (docs/ERRORS.md).
const (
	CodeRequestInvalid   = "request_invalid"
	CodeRequestTooLarge  = "request_too_large"
	CodeFieldRequired    = "field_required"
	CodeTooManyEmployees = "too_many_employees"
)

// jsonError turns a decoding error into a calc.Error naming the field.
func jsonError(err error) *calc.Error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		want := map[string]string{"string": "文字（带引号的字符串）", "int": "整数", "bool": "true 或 false"}[typeErr.Type.Kind().String()]
		if want == "" {
			want = typeErr.Type.String()
		}
		return &calc.Error{Code: CodeRequestInvalid, Field: typeErr.Field,
			Message:   fmt.Sprintf("字段 %s 应为%s，收到 %s。", typeErr.Field, want, typeErr.Value),
			MessageEN: fmt.Sprintf("Field %s must be a %s; got %s.", typeErr.Field, typeErr.Type.Kind(), typeErr.Value)}
	case errors.As(err, &syntaxErr):
		return &calc.Error{Code: CodeRequestInvalid,
			Message:   fmt.Sprintf("JSON 格式错误（第 %d 字节）:%s。", syntaxErr.Offset, syntaxErr.Error()),
			MessageEN: fmt.Sprintf("Malformed JSON at byte %d: %s.", syntaxErr.Offset, syntaxErr.Error())}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &calc.Error{Code: CodeRequestInvalid, Field: name,
			Message:   fmt.Sprintf("未知字段 “%s”；请核对拼写。", name),
			MessageEN: fmt.Sprintf("Unknown field %q; check the spelling.", name)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &calc.Error{Code: CodeRequestInvalid, Message: "JSON 不完整：在结束前中断了。", MessageEN: "The JSON is incomplete: it ends too early."}
	case errors.Is(err, io.EOF):
		return &calc.Error{Code: CodeRequestInvalid, Message: "请求为空。", MessageEN: "The request is empty."}
	}
	return &calc.Error{Code: CodeRequestInvalid, Message: "请求无法解析：" + err.Error(), MessageEN: "The request cannot be read: " + err.Error()}
}
