package payroll

import (
	"strings"
	"unicode"
)

// Column is a kind of column sibase reads from a payroll file.
type Column string

// The columns. Ignored marks a file column that is not used.
const (
	Ignored     Column = ""
	Name        Column = "name"         // 姓名
	StaffID     Column = "staff_id"     // 工号
	IDNumber    Column = "id_number"    // 身份证号
	MonthlyWage Column = "monthly_wage" // 上年月平均工资
	AnnualWage  Column = "annual_wage"  // 上年工资总额
	Months      Column = "months"       // 工作月数
	Status      Column = "status"       // 人员类别
	BasicWage   Column = "basic_wage"   // 上月(应发)基本工资, institution staff
)

// Columns lists every column in the order a roster shows them.
var Columns = []Column{Name, StaffID, IDNumber, MonthlyWage, AnnualWage, Months, Status, BasicWage}

// columnLabels are the columns' names in Chinese and English, in the
// order of Columns.
var columnLabels = [...][2]string{{"姓名", "name"}, {"工号", "staff id"}, {"身份证号", "id number"},
	{"上年月平均工资", "monthly wage"}, {"上年工资总额", "annual wage"}, {"工作月数", "months"},
	{"人员类别", "status"}, {"上月基本工资", "basic wage"}}

// label is the column's name in Chinese (0) or English (1).
func (c Column) label(lang int) string {
	for i, x := range Columns {
		if x == c {
			return columnLabels[i][lang]
		}
	}
	return ""
}

// Label is the column's Chinese name, as headers and messages write it.
func (c Column) Label() string { return c.label(0) }

// LabelEN is the column's English name.
func (c Column) LabelEN() string { return c.label(1) }

// headerAliases are the headers each column is known by, normalized (see
// normalizeHeader).
var headerAliases = map[string]Column{
	"姓名": Name, "名字": Name, "职工姓名": Name, "员工姓名": Name, "name": Name, "employeename": Name, "fullname": Name,
	"工号": StaffID, "职工编号": StaffID, "员工编号": StaffID, "编号": StaffID, "人员编号": StaffID,
	"staffid": StaffID, "staffno": StaffID, "employeeid": StaffID, "employeeno": StaffID, "id": StaffID,
	"身份证号": IDNumber, "身份证号码": IDNumber, "公民身份号码": IDNumber, "身份证": IDNumber, "证件号码": IDNumber,
	"idnumber": IDNumber, "idcard": IDNumber, "idcardnumber": IDNumber, "residentid": IDNumber,
	"上年月平均工资": MonthlyWage, "上年度月平均工资": MonthlyWage, "月平均工资": MonthlyWage, "月均工资": MonthlyWage,
	"本人上年月平均工资": MonthlyWage, "monthlywage": MonthlyWage, "averagemonthlywage": MonthlyWage, "monthlyaveragewage": MonthlyWage,
	"上年工资总额": AnnualWage, "上年度工资总额": AnnualWage, "年工资总额": AnnualWage, "全年工资总额": AnnualWage,
	"annualwage": AnnualWage, "annualtotal": AnnualWage, "annualwages": AnnualWage, "yearlywage": AnnualWage,
	"工作月数": Months, "月数": Months, "工作月份数": Months, "months": Months, "monthsworked": Months,
	"人员类别": Status, "人员状态": Status, "类别": Status, "参保状态": Status, "status": Status,
	"上月基本工资": BasicWage, "上月应发基本工资": BasicWage, "基本工资": BasicWage, "basicwage": BasicWage,
}

// normalizeHeader folds a header for matching: full-width forms to ASCII,
// lower case, a unit in brackets dropped ("上年月平均工资(元)"), spaces and
// punctuation removed.
func normalizeHeader(h string) string {
	h = strings.TrimPrefix(h, "\uFEFF")
	var b strings.Builder
	depth := 0
	for _, r := range h {
		if r >= '\uFF01' && r <= '\uFF5E' {
			r -= 0xFEE0
		}
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// MatchHeader finds the column a header names.
func MatchHeader(h string) (Column, bool) {
	c, ok := headerAliases[normalizeHeader(h)]
	return c, ok
}

// Mapping gives each file column (by position) the column it holds;
// Ignored for one that is not used.
type Mapping []Column

// AutoMap maps a header row by name and lists the positions of headers it
// does not know (for the person to map or leave out). A column named twice
// is mapped at its first position only; the second is reported unknown.
func AutoMap(header []string) (Mapping, []int) {
	m := make(Mapping, len(header))
	seen := map[Column]bool{}
	var unknown []int
	for i, h := range header {
		c, ok := MatchHeader(h)
		if !ok || seen[c] {
			if strings.TrimSpace(h) != "" || ok {
				unknown = append(unknown, i)
			}
			continue
		}
		m[i] = c
		seen[c] = true
	}
	return m, unknown
}

// Has reports whether the mapping holds column c.
func (m Mapping) Has(c Column) bool {
	for _, x := range m {
		if x == c {
			return true
		}
	}
	return false
}

// index is the position of column c, or -1.
func (m Mapping) index(c Column) int {
	for i, x := range m {
		if x == c {
			return i
		}
	}
	return -1
}

// Missing lists what a mapping lacks to compute a roster: a way to name
// each person (姓名, 工号 or 身份证号) and a wage (上年月平均工资, or 上年工资总额
// with 工作月数, or 上月基本工资).
func (m Mapping) Missing() []string {
	var missing []string
	if !m.Has(Name) && !m.Has(StaffID) && !m.Has(IDNumber) {
		missing = append(missing, "姓名/工号/身份证号")
	}
	if !m.Has(MonthlyWage) && !m.Has(BasicWage) && !(m.Has(AnnualWage) && m.Has(Months)) {
		missing = append(missing, "上年月平均工资（或上年工资总额+工作月数，或上月基本工资）")
	}
	return missing
}
