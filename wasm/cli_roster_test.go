//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var daqingArgs = []string{"roster", "-region", "230600", "-date", "2011-06", "-average", "2278"}

// The six employees in every encoding and layout give the golden roster,
// byte for byte, from a file or from standard input.
func TestRosterCommandFormats(t *testing.T) {
	want, err := os.ReadFile("../testdata/payroll/utf8.roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"utf8.csv", "utf8-bom.csv", "gbk.csv", "pasted.tsv", "english.csv"} {
		path := "../testdata/payroll/" + name
		stdout, stderr, code := run(t, nil, append(daqingArgs, "-in", path)...)
		if code != 0 || !bytes.Equal(stdout, want) {
			t.Errorf("%s: got exit %d and\n%q\nwant exit 0 and the golden roster\nstderr: %s", name, code, stdout, stderr)
		}
		if !strings.Contains(string(stderr), "读取 6 行 = 计算 6 + 拒绝 0") || !strings.Contains(string(stderr), "单位缴费基数 25000.00（payroll）") {
			t.Errorf("%s: summary on stderr: got %q", name, stderr)
		}
		data, _ := os.ReadFile(path)
		if stdout, _, code := run(t, data, daqingArgs...); code != 0 || !bytes.Equal(stdout, want) {
			t.Errorf("%s on stdin: got exit %d, want 0 and the golden roster", name, code)
		}
	}
}

func TestRosterCommandGBKNamesEncoding(t *testing.T) {
	_, stderr, _ := run(t, nil, append(daqingArgs, "-in", "../testdata/payroll/gbk.csv")...)
	if !strings.Contains(string(stderr), "编码 gb18030") {
		t.Errorf("got stderr %q, want the detected encoding gb18030", stderr)
	}
}

// Rejected rows are reported on stderr with their line and column, the
// good rows are still written, and the exit status is 1.
func TestRosterCommandBadRows(t *testing.T) {
	stdout, stderr, code := run(t, nil, append(daqingArgs, "-in", "../testdata/payroll/bad-rows.csv")...)
	if code != 1 {
		t.Errorf("got exit %d, want 1", code)
	}
	for _, want := range []string{
		"第 3 行「身份证号」：身份证号校验位应为 4", "第 8 行：这一行比表头多 1 个单元格", "第 11 行「工号」：与第 2 行重复",
		"第 13 行「上年月平均工资」", "读取 14 行 = 计算 3 + 拒绝 11；空行 1",
	} {
		if !strings.Contains(string(stderr), want) {
			t.Errorf("stderr: got no %q in\n%s", want, stderr)
		}
	}
	if lines := strings.Count(string(stdout), "\r\n"); lines != 4 {
		t.Errorf("roster: got %d lines, want 4 (the header and the 3 good rows):\n%s", lines, stdout)
	}
}

func TestRosterCommandUnknownHeaders(t *testing.T) {
	path := "../testdata/payroll/unknown-headers.csv"
	stdout, stderr, code := run(t, nil, append(daqingArgs, "-in", path)...)
	if code != 1 || len(stdout) != 0 || !strings.Contains(string(stderr), "未识别的表头：员工、部门、月薪(元)") {
		t.Errorf("got exit %d, stdout %q, stderr %q; want 1, nothing, and the unknown headers named", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "roster.csv")
	_, stderr, code = run(t, nil, append(daqingArgs, "-in", path, "-map", "员工=name,月薪(元)=monthly_wage", "-out", out)...)
	got, _ := os.ReadFile(out)
	if code != 0 || !bytes.Contains(got, []byte("2,李四,,,在职,1000.00,1366.80")) {
		t.Errorf("with -map: got exit %d, roster %q, stderr %q", code, got, stderr)
	}
}

func TestRosterCommandUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"roster", "-region", "230600"}, 1, "date"},
		{[]string{"roster", "-region", "230600", "-date", "2011-06"}, 1, "rule.average"},
		{append(daqingArgs, "-map", "员工"), 2, "-map"},
		{append(daqingArgs, "-payroll", "abc"), 2, "payroll"},
		{append(daqingArgs, "-in", "/nonexistent.csv"), 1, "nonexistent"},
	}
	for _, tt := range tests {
		_, stderr, code := run(t, []byte("姓名,上年月平均工资\n张三,3000\n"), tt.args...)
		if code != tt.code || !strings.Contains(string(stderr), tt.says) {
			t.Errorf("%v: got exit %d, stderr %q; want %d mentioning %q", tt.args, code, stderr, tt.code, tt.says)
		}
	}
}

// The employer's kind decides each row's rule, not the columns present:
// an enterprise's staff are based on their previous-year average wage
// (89号 二(一)), so a file of basic wages is refused row by row (exit 1)
// instead of each basic wage becoming a base below the enterprise floor;
// the same file for an institution gives the basic wages (二(三)).
func TestRosterCommandKindDecidesTheRule(t *testing.T) {
	liaoning := []string{"roster", "-region", "210000", "-date", "2008-04", "-average", "2280.92", "-in", "../testdata/payroll/institution.csv"}
	stdout, stderr, code := run(t, nil, append(liaoning, "-kind", "enterprise", "-last-payroll", "56000")...)
	if code != 1 || !strings.Contains(string(stderr), "第 2 行「上月基本工资」") || !strings.Contains(string(stderr), "拒绝 2") {
		t.Errorf("enterprise: got exit %d, stderr %q; want 1 with both rows refused at 上月基本工资", code, stderr)
	}
	if strings.Contains(string(stdout), "800.00") {
		t.Errorf("enterprise: a basic wage became a base: %q", stdout)
	}
	stdout, stderr, code = run(t, nil, append(liaoning, "-kind", "institution")...)
	if code != 0 || !strings.Contains(string(stdout), "800.00") || !strings.Contains(string(stderr), "计算 2 + 拒绝 0") {
		t.Errorf("institution: got exit %d, stdout %q, stderr %q; want 0 and the basic wages as bases", code, stdout, stderr)
	}
}

// Workbooks through the command: the sample workbooks (a notes sheet
// first, a stream-written one, a CSV named .xlsx) give the golden roster
// byte for byte; -sheet picks another sheet or names the ones there are;
// files roster does not read exit 1 saying what they are.
func TestRosterCommandWorkbooks(t *testing.T) {
	want, err := os.ReadFile("../testdata/payroll/utf8.roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, source string }{
		{"工资表.xlsx", "Excel 工作簿，工作表「工资表」"},
		{"streamed.xlsx", "Excel 工作簿，工作表「Sheet1」"},
		{"not-a-workbook.xlsx", "编码 utf-8"},
	} {
		stdout, stderr, code := run(t, nil, append(daqingArgs, "-in", "../testdata/payroll/"+c.file)...)
		if code != 0 || !bytes.Equal(stdout, want) {
			t.Errorf("%s: got exit %d and\n%q\nwant exit 0 and the golden roster\nstderr: %s", c.file, code, stdout, stderr)
		}
		if !strings.Contains(string(stderr), c.source) {
			t.Errorf("%s: stderr got %q, want %q named", c.file, stderr, c.source)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		// The notes sheet has no payroll header: the mapping is asked for.
		{[]string{"-in", "../testdata/payroll/工资表.xlsx", "-sheet", "说明"}, "表头缺少"},
		{[]string{"-in", "../testdata/payroll/工资表.xlsx", "-sheet", "工资"}, "工作簿里没有工作表「工资」，有：说明、工资表"},
		{[]string{"-in", "../testdata/payroll/utf8.csv", "-sheet", "工资表"}, "-sheet 只用于 .xlsx 工作簿"},
		{[]string{"-in", "../testdata/payroll/encrypted.xlsx"}, "这个工作簿设置了打开密码"},
	} {
		_, stderr, code := run(t, nil, append(daqingArgs, c.args...)...)
		if code == 0 || !strings.Contains(string(stderr), c.want) {
			t.Errorf("roster %v: got exit %d, stderr %q; want a failure saying %q", c.args, code, stderr, c.want)
		}
	}
}
