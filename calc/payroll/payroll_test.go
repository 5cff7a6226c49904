package payroll_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/payroll"
	"sibase/calc/rules"
)

var update = flag.Bool("update", false, "rewrite the golden rosters in testdata/payroll")

const dir = "../../testdata/payroll/"

// daqing is 庆社险函〔2011〕3号 in 2011-06 with 2,278.00 entered as the
// provincial average: floor 1366.80, cap 6834.00.
func daqing(t testing.TB) *calc.Rules {
	t.Helper()
	rs, _ := rules.ByID("daqing-2011")
	r, err := rs.At(calc.MustMonth("2011-06"))
	if err != nil {
		t.Fatal(err)
	}
	avg := decimal.RequireFromString("2278.00")
	if err := r.Override(calc.Pension, calc.UserFigures{Average: &avg}); err != nil {
		t.Fatal(err)
	}
	return r
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(dir + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// run computes a UTF-8 file and returns its summary and roster CSV.
func run(t *testing.T, j payroll.Job, data []byte) (*payroll.Summary, []byte, error) {
	t.Helper()
	var out bytes.Buffer
	lw := payroll.NewListWriter(&out)
	j.OnEntry = lw.Write
	s, err := j.Run(bytes.NewReader(data))
	if err == nil {
		if ferr := lw.Flush(); ferr != nil {
			t.Fatal(ferr)
		}
	}
	return s, out.Bytes(), err
}

func TestDetect(t *testing.T) {
	tests := map[string]payroll.Encoding{
		"utf8.csv": payroll.UTF8, "utf8-bom.csv": payroll.UTF8BOM, "gbk.csv": payroll.GB18030,
		"pasted.tsv": payroll.UTF8, "english.csv": payroll.UTF8,
	}
	for name, want := range tests {
		if got := payroll.Detect(read(t, name)); got != want {
			t.Errorf("Detect(%s) = %s, want %s", name, got, want)
		}
	}
	// A sample cut in the middle of a character is still UTF-8.
	if got := payroll.Detect([]byte("姓名")[:4]); got != payroll.UTF8 {
		t.Errorf("Detect(cut UTF-8) = %s, want utf-8", got)
	}
}

// The same six employees, written four ways, give the same roster, byte
// for byte, and the same unit base.
func TestSameRosterFromEveryFormat(t *testing.T) {
	golden := dir + "utf8.roster.csv"
	var first []byte
	for _, name := range []string{"utf8.csv", "utf8-bom.csv", "pasted.tsv", "english.csv"} {
		s, roster, err := run(t, payroll.Job{Rules: daqing(t), Insurance: calc.Pension, Kind: calc.EmployerEnterprise}, read(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checks := []struct {
			what      string
			got, want any
		}{
			{"read", s.Read, 6}, {"computed", s.Computed, 6}, {"rejected", s.Rejected, 0},
			{"exempt", s.Counts[calc.OutcomeExempt], 2}, {"raised", s.Counts[calc.OutcomeRaisedToFloor], 1}, {"cut", s.Counts[calc.OutcomeCutToCap], 1},
			{"sum", calc.Yuan(s.Employer.SumEmployeeBases), "14200.80"},
			{"unit base", calc.Yuan(s.Employer.Base), "25000.00"}, {"decided by", s.Employer.DecidedBy, "payroll"},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: %s got %v, want %v", name, c.what, c.got, c.want)
			}
		}
		if first == nil {
			first = roster
			if *update {
				os.WriteFile(golden, roster, 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(roster, want) {
				t.Errorf("%s: roster differs from %s:\n%q\nwant\n%q", name, golden, roster, want)
			}
		} else if !bytes.Equal(roster, first) {
			t.Errorf("%s: roster differs from utf8.csv's:\n%s", name, roster)
		}
	}
	if !bytes.HasPrefix(first, []byte("\xEF\xBB\xBF序号,姓名,工号,身份证号码")) || !bytes.Contains(first, []byte("\r\n")) {
		t.Errorf("roster: got %q…, want a UTF-8 BOM, the header and CRLF lines", first[:40])
	}
	if !bytes.Contains(first, []byte("\t110101199003074514")) {
		t.Errorf("roster: the ID number is not kept as text for Excel: %q", first)
	}
}

func TestUnknownHeadersNeedMapping(t *testing.T) {
	j := payroll.Job{Rules: daqing(t), Insurance: calc.Pension, Kind: calc.EmployerEnterprise}
	s, _, err := run(t, j, read(t, "unknown-headers.csv"))
	if !errors.Is(err, payroll.ErrMapping) {
		t.Fatalf("got error %v, want ErrMapping", err)
	}
	if got := strings.Join(s.UnknownHeaders(), "|"); got != "员工|部门|月薪(元)" {
		t.Errorf("unknown headers: got %q, want 员工|部门|月薪(元)", got)
	}
	j.Mapping = payroll.Mapping{payroll.Name, payroll.Ignored, payroll.MonthlyWage}
	s, roster, err := run(t, j, read(t, "unknown-headers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Computed != 2 || calc.Yuan(s.Employer.SumEmployeeBases) != "4366.80" {
		t.Errorf("after mapping: computed %d, sum %s; want 2 and 4366.80 (3000 + the floor)", s.Computed, calc.Yuan(s.Employer.SumEmployeeBases))
	}
	if !bytes.Contains(roster, []byte(`李四,,,在职,1000.00,1366.80,低于下限，按下限`)) {
		t.Errorf("roster: got %q", roster)
	}
}

// Every kind of bad row is rejected with its line, column and reason;
// every row is accounted for.
func TestBadRows(t *testing.T) {
	s, _, err := run(t, payroll.Job{Rules: daqing(t), Insurance: calc.Pension, Kind: calc.EmployerEnterprise, Payroll: ptr("20000")}, read(t, "bad-rows.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Read != s.Computed+s.Rejected || s.Read != 14 || s.Computed != 3 || s.Blank != 1 {
		t.Errorf("got read %d = computed %d + rejected %d, blank %d; want 14 = 3 + 11, blank 1", s.Read, s.Computed, s.Rejected, s.Blank)
	}
	want := []struct {
		line int
		col  payroll.Column
		code string
	}{
		{3, payroll.IDNumber, payroll.CodeRowIDNumber},
		{4, payroll.IDNumber, payroll.CodeRowIDNumber},
		{5, payroll.IDNumber, payroll.CodeRowIDNumber},
		{6, payroll.MonthlyWage, calc.CodeAmountNegative},
		{7, payroll.MonthlyWage, calc.CodeAmountInvalid},
		{8, payroll.Ignored, payroll.CodeRowExtraCells},
		{9, payroll.Status, payroll.CodeRowStatus},
		{10, payroll.Name, payroll.CodeRowNoName},
		{11, payroll.StaffID, payroll.CodeRowDuplicate},
		{13, payroll.MonthlyWage, calc.CodeIncomeRequired},
		{14, payroll.MonthlyWage, calc.CodeAmountPrecision},
	}
	if len(s.Errors) != len(want) {
		for _, e := range s.Errors {
			t.Log(e)
		}
		t.Fatalf("got %d row errors, want %d", len(s.Errors), len(want))
	}
	for i, w := range want {
		e := s.Errors[i]
		if e.Line != w.line || e.Column != w.col || e.Code != w.code || e.Message == "" || e.MessageEN == "" {
			t.Errorf("error %d: got line %d %s %s (%s), want line %d %s %s", i, e.Line, e.Column, e.Code, e.Message, w.line, w.col, w.code)
		}
	}
	if !strings.Contains(s.Errors[2].Message, "18 位") || !strings.Contains(s.Errors[0].Message, "校验位应为 4") {
		t.Errorf("ID number messages: got %q and %q", s.Errors[0].Message, s.Errors[2].Message)
	}
	if got := calc.Yuan(s.Employer.SumEmployeeBases); got != "7500.00" {
		t.Errorf("sum of the three good rows: got %s, want 7500.00 (3000 + 4500; the exempt row has none)", got)
	}
}

func TestInstitutionFile(t *testing.T) {
	rs, _ := rules.ByID("liaoning-2006")
	r, _ := rs.At(calc.MustMonth("2008-04"))
	s, _, err := run(t, payroll.Job{Rules: r, Insurance: calc.Pension, Kind: calc.EmployerInstitution}, read(t, "institution.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got := calc.Yuan(s.Employer.Base); got != "2000.50" || s.Employer.DecidedBy != "sum_of_bases" {
		t.Errorf("institution unit base: got %s by %s, want 2000.50 by sum_of_bases (辽社险函〔2006〕89号 二(三))", got, s.Employer.DecidedBy)
	}
}

func TestCheckIDNumber(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"11010519491231002x", "11010519491231002X", true},
		{"１１０１０１１９９００３０７４５１４", "110101199003074514", true},
		{"110101199003074515", "", false},
		{"110101199002304514", "", false},
		{"110101900307451", "110101900307451", true},
		{"110101901307451", "", false},
		{"11010119900307451", "", false},
		{"11010119900307451Y", "", false},
	}
	for _, tt := range tests {
		got, zh, en, ok := payroll.CheckIDNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) || (!ok && (zh == "" || en == "")) {
			t.Errorf("CheckIDNumber(%q) = %q, %v (%s); want %q, %v", tt.in, got, ok, zh, tt.want, tt.ok)
		}
	}
	if got := payroll.MaskIDNumber("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskIDNumber: got %s, want 110105********002X", got)
	}
}

func TestAutoMap(t *testing.T) {
	m, unknown := payroll.AutoMap([]string{"\uFEFF姓名", "工号", "上年月平均工资（元）", "Annual Wage", "MONTHS", "备注", ""})
	want := payroll.Mapping{payroll.Name, payroll.StaffID, payroll.MonthlyWage, payroll.AnnualWage, payroll.Months, payroll.Ignored, payroll.Ignored}
	for i := range want {
		if m[i] != want[i] {
			t.Errorf("column %d: got %q, want %q", i, m[i], want[i])
		}
	}
	if len(unknown) != 1 || unknown[0] != 5 {
		t.Errorf("unknown: got %v, want [5] (备注)", unknown)
	}
	if missing := (payroll.Mapping{payroll.Name}).Missing(); len(missing) != 1 {
		t.Errorf("a mapping with a name and no wage: got missing %v, want the wage", missing)
	}
}

func ptr(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

var _ = filepath.Join
