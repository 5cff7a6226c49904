package payroll

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// Entry is one computed row: the row and its individual base.
type Entry struct {
	Row    Row
	Result calc.EmployeeResult
}

// Roster runs rows through calc one at a time and accounts for every one:
// Read = Computed + Rejected. It keeps only running totals and the keys
// needed to catch duplicates, so memory stays bounded however long the
// file. It is not safe for concurrent use.
type Roster struct {
	tally *calc.EmployerTally
	kind  calc.EmployerKind
	seen  map[string]int // staff id or ID number → the line it was first seen on

	Read, Computed, Rejected int
}

// NewRoster starts a roster for an employer of kind under the rules.
func NewRoster(r *calc.Rules, ins calc.Insurance, kind calc.EmployerKind) (*Roster, *calc.Error) {
	t, err := r.Brief().NewEmployerTally(ins, kind, "employer")
	if err != nil {
		return nil, err
	}
	return &Roster{tally: t, kind: kind, seen: map[string]int{}}, nil
}

// Add accounts for one row: rejected with errs when parsing found
// problems, or with calc's reason, or computed. A staff id or ID number
// seen on an earlier line rejects the row. When the rules themselves
// cannot decide any row (an average not given, say) Add returns calc's
// error and does not count the row: the job stops.
func (ro *Roster) Add(row Row, errs []RowError) (Entry, []RowError, *calc.Error) {
	ro.Read++
	for _, key := range []string{"工号:" + row.StaffID, "身份证号:" + row.IDNumber} {
		if strings.HasSuffix(key, ":") {
			continue
		}
		if first, dup := ro.seen[key]; dup {
			errs = append(errs, RowError{Line: row.Line, Column: columnOfKey(key), Header: columnOfKey(key).Label(), Code: CodeRowDuplicate,
				Message:   fmt.Sprintf("与第 %d 行重复（%s）", first, key),
				MessageEN: fmt.Sprintf("a duplicate of line %d (%s)", first, key)})
		}
	}
	if len(errs) > 0 {
		ro.Rejected++
		return Entry{Row: row}, errs, nil
	}
	in := calc.EmployeeInput{ID: row.Who(), Status: row.Status, Wage: row.Wage}
	if row.Basic != nil {
		// Every figure read goes to calc, which refuses the one the
		// employer's kind does not take: nothing is silently ignored.
		in.Institution = &calc.InstitutionInput{BasicWage: row.Basic}
	}
	res, err := ro.tally.Add(in, "row")
	if err != nil {
		if ruleLevel(err) {
			ro.Read--
			return Entry{Row: row}, nil, err
		}
		ro.Rejected++
		return Entry{Row: row}, []RowError{fromCalc(row.Line, err)}, nil
	}
	for _, key := range []string{"工号:" + row.StaffID, "身份证号:" + row.IDNumber} {
		if !strings.HasSuffix(key, ":") {
			ro.seen[key] = row.Line
		}
	}
	ro.Computed++
	return Entry{Row: row, Result: res}, nil, nil
}

// ruleLevel reports whether calc's error is about the rules or the
// request rather than the row.
func ruleLevel(err *calc.Error) bool {
	return strings.HasPrefix(err.Field, "rule") || err.Field == "date" || err.Field == "insurance" || strings.HasPrefix(err.Field, "employer")
}

func columnOfKey(key string) Column {
	if strings.HasPrefix(key, "工号") {
		return StaffID
	}
	return IDNumber
}

// fromCalc turns calc's error on a row into a RowError, naming the column
// from the error's field ("row.monthly_wage" → 上年月平均工资).
func fromCalc(line int, err *calc.Error) RowError {
	c := Ignored
	switch {
	case strings.HasSuffix(err.Field, "monthly_wage"):
		c = MonthlyWage
	case strings.HasSuffix(err.Field, "annual_wage"):
		c = AnnualWage
	case strings.HasSuffix(err.Field, "months"):
		c = Months
	case strings.HasSuffix(err.Field, "status"):
		c = Status
	case strings.HasSuffix(err.Field, "basic_wage"):
		c = BasicWage
	}
	return RowError{Line: line, Column: c, Header: c.Label(), Code: err.Code, Message: err.Message, MessageEN: err.MessageEN}
}

// Counts tallies the computed rows by outcome.
func (ro *Roster) Counts() map[calc.Outcome]int { return ro.tally.Counts }

// Sum is Σ individual bases so far.
func (ro *Roster) Sum() decimal.Decimal { return ro.tally.Sum }

// Finish computes the unit base from the rows computed and the employer's
// payroll figures (either may be nil when the rules do not need it).
func (ro *Roster) Finish(monthlyAvgTotalWages, lastMonthTotalWages *decimal.Decimal) (calc.EmployerResult, *calc.Error) {
	return ro.tally.Finish(calc.EmployerInput{Kind: ro.kind, MonthlyAvgTotalWages: monthlyAvgTotalWages, LastMonthTotalWages: lastMonthTotalWages}, "employer")
}
