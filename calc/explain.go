package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Step is one line of an explanation: what was done, in Chinese and
// English, the clause that says so, and the value it gave. A step
// attributes to Ref only what the clause says: where part of it is
// sibase's reading, a choice the notice leaves to the city, or sibase's
// own convention, Basis says which and Note/NoteEN say what.
type Step struct {
	Text   string `json:"text"`
	TextEN string `json:"text_en"`
	Ref    string `json:"ref,omitempty"`
	Value  string `json:"value,omitempty"`
	Basis  Basis  `json:"basis,omitempty"`
	Note   string `json:"note,omitempty"`
	NoteEN string `json:"note_en,omitempty"`
}

// withNote adds what part of the step rests on c's basis (a reading, a
// local choice, a convention), keeping the step's own Ref. A step already
// noted keeps its basis and gains the second note.
func (s Step) withNote(c Citation) Step {
	if c.Basis == "" {
		return s
	}
	if s.Basis == "" {
		s.Basis = c.Basis
	}
	s.Note = joinNote(s.Note, c.Note, "")
	s.NoteEN = joinNote(s.NoteEN, c.NoteEN, " ")
	return s
}

func joinNote(a, b, sep string) string {
	switch {
	case a == "":
		return b
	case b == "" || a == b:
		return a
	}
	return a + sep + b
}

// Warning flags something a person should know about a result: a stale
// rule set, a figure from a secondary source, a provisional base.
type Warning struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

// Warning codes. docs/ERRORS.md lists them.
const (
	WarnStale       = "rule_set_stale"
	WarnSecondary   = "secondary_source"
	WarnProvisional = "provisional_rule_set"
	WarnDerived     = "derived_figure"
	WarnCarriedOver = "carried_over"
	WarnUserFigures = "user_figures"
	WarnDeparts     = "departs_from_notice"
	WarnPayrollEst  = "payroll_estimated"

	WarnUnverified        = "unverified_source"
	WarnProvisionalPeriod = "provisional_period"
	WarnProvinceRules     = "province_rules"
	WarnVariesByCity      = "varies_by_city"
)

// Yuan formats an amount to the fen, as every amount in sibase's output is
// written: Yuan(decimal.New(13668, -1)) is "1366.80".
func Yuan(d decimal.Decimal) string { return d.StringFixed(2) }

// Percent formats a ratio as a percentage: 0.7 → "70%".
func Percent(r decimal.Decimal) string { return r.Shift(2).String() + "%" }

// newStep makes a Step citing ref; zh and en are the finished texts. A
// citation with a Basis brings its note along.
func newStep(ref Citation, value, zh, en string) Step {
	return Step{Text: zh, TextEN: en, Ref: ref.String(), Value: value}.withNote(ref)
}

// Convention makes the citation of a value that is sibase's own
// convention: no document sets it; zh and en say what sibase does and why.
func Convention(zh, en string) Citation {
	return Citation{Doc: ConventionDoc, Basis: BasisConvention, Note: zh, NoteEN: en}
}

// AverageName describes an average in Chinese and English, e.g.
// "本市2005年在岗职工月平均工资" / "the city's 2005 in-service average monthly wage".
func AverageName(a Average) (string, string) {
	scope, scopeEN := "", ""
	switch a.Scope {
	case "city":
		scope, scopeEN = "本市", "the city's"
	case "province":
		scope, scopeEN = "全省", "the province's"
	default:
		scope, scopeEN = "", "the"
	}
	kind, kindEN := "", ""
	switch a.Kind {
	case AverageInService:
		kind, kindEN = "在岗职工", "in-service"
	case AverageAllStaff:
		kind, kindEN = "职工", "all-staff"
	case AverageFullCaliber:
		kind, kindEN = "全口径城镇单位就业人员", "full-caliber"
	}
	year, yearEN := "上年", "previous-year "
	if a.WageYear > 0 {
		year, yearEN = fmt.Sprintf("%d年", a.WageYear), fmt.Sprintf("%d ", a.WageYear)
	}
	en := strings.Join(strings.Fields(fmt.Sprintf("%s %s%s average monthly wage", scopeEN, yearEN, kindEN)), " ")
	return scope + year + kind + "月平均工资", en
}
