//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/payroll"
)

// runRoster is `sibase roster`: a payroll file in (CSV or TSV; UTF-8 with
// or without BOM, or GBK/GB18030 — detected), the list of adjusted bases
// out (CSV, UTF-8 with BOM), streamed row by row so a file of any length
// takes bounded memory. Rejected rows go to stderr with their line, column
// and reason, then a summary; the exit status is 1 if any row was rejected
// or the file could not be used, 2 on bad usage.
func runRoster(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("roster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var req estimate.Request
	var average, kind, payrollFigure, lastPayroll, headers, in, out string
	fs.StringVar(&req.Date, "date", "", "the month the bases are for, YYYY-MM (required)")
	fs.StringVar(&req.Region, "region", "", "a bundled rule set's region code (see `rules`)")
	fs.StringVar(&req.RuleSet, "rule-set", "", "a bundled rule set's id, instead of -region")
	fs.StringVar(&req.Insurance, "insurance", "", "pension (default), medical, work_injury or maternity")
	fs.StringVar(&average, "average", "", "the average wage the rules need, where the rule set does not carry it")
	fs.StringVar(&kind, "kind", "enterprise", "the employer: enterprise, institution or social_organization")
	fs.StringVar(&payrollFigure, "payroll", "", "previous-year average monthly total wages (default: the sum of the listed wages)")
	fs.StringVar(&lastPayroll, "last-payroll", "", "last month's total payroll, where the rules use it")
	fs.StringVar(&headers, "map", "", `headers sibase does not know, as header=column pairs: "员工=name，月薪=monthly_wage"`)
	fs.StringVar(&in, "in", "", "the payroll file (default: standard input)")
	fs.StringVar(&out, "out", "", "where to write the roster CSV (default: standard output)")
	if code, ok := parseFlags(fs, args, "roster", stderr); !ok {
		return code
	}
	if average != "" {
		req.Rule = &estimate.Rule{Average: average}
	}
	rules, ins, cerr := estimate.ResolveRules(&req)
	if cerr != nil {
		fmt.Fprintln(stderr, describe(cerr))
		return 1
	}
	job := payroll.Job{Rules: rules, Insurance: ins, Kind: calc.EmployerKind(kind)}
	if job.Payroll, cerr = calc.ParseOptionalAmount("payroll", payrollFigure); cerr == nil {
		job.LastPayroll, cerr = calc.ParseOptionalAmount("last-payroll", lastPayroll)
	}
	if cerr != nil {
		fmt.Fprintln(stderr, describe(cerr))
		return 2
	}
	var err error
	if job.Headers, err = parseHeaderMap(headers); err != nil {
		fmt.Fprintln(stderr, "roster:", err)
		return 2
	}

	src := stdin
	if in != "" {
		f, err := os.Open(in)
		if err != nil {
			fmt.Fprintln(stderr, "roster:", err)
			return 1
		}
		defer f.Close()
		src = f
	}
	text, enc := decodePayroll(src)
	dst := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			fmt.Fprintln(stderr, "roster:", err)
			return 1
		}
		defer f.Close()
		dst = f
	}
	buf := bufio.NewWriter(dst)
	lw := payroll.NewListWriter(buf)
	job.OnEntry = lw.Write
	job.OnError = func(_ int, _ []string, errs []payroll.RowError) error {
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return nil
	}
	sum, err := job.Run(text)
	if err == nil {
		err = lw.Flush()
	}
	if ferr := buf.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		reportRunError(stderr, sum, err)
		if out != "" {
			os.Remove(out)
		}
		return 1
	}
	e := sum.Employer
	fmt.Fprintf(stderr, "编码 %s；读取 %d 行 = 计算 %d + 拒绝 %d；空行 %d / encoding %s; read %d = computed %d + rejected %d; blank %d\n",
		enc, sum.Read, sum.Computed, sum.Rejected, sum.Blank, enc, sum.Read, sum.Computed, sum.Rejected, sum.Blank)
	fmt.Fprintf(stderr, "个人缴费基数之和 %s；单位缴费基数 %s（%s） / sum of individual bases %s; unit base %s (%s)\n",
		calc.Yuan(e.SumEmployeeBases), calc.Yuan(e.Base), e.DecidedBy, calc.Yuan(e.SumEmployeeBases), calc.Yuan(e.Base), e.DecidedBy)
	if sum.Rejected > 0 {
		return 1
	}
	return 0
}

// parseHeaderMap reads "员工=name,月薪=monthly_wage".
func parseHeaderMap(s string) (map[string]payroll.Column, error) {
	if s == "" {
		return nil, nil
	}
	m := map[string]payroll.Column{}
	for _, pair := range strings.Split(s, ",") {
		h, c, ok := strings.Cut(pair, "=")
		col := payroll.Column(strings.TrimSpace(c))
		known := false
		for _, k := range payroll.Columns {
			known = known || k == col
		}
		if !ok || !known {
			return nil, fmt.Errorf("-map: %q is not header=column; columns are %s", pair, columnNames())
		}
		m[strings.TrimSpace(h)] = col
	}
	return m, nil
}

// decodePayroll detects the file's encoding from its first 64 KiB and
// returns it as UTF-8 text: GBK/GB18030 through golang.org/x/text.
func decodePayroll(r io.Reader) (io.Reader, payroll.Encoding) {
	br := bufio.NewReaderSize(r, 64<<10)
	sample, _ := br.Peek(64 << 10)
	enc := payroll.Detect(sample)
	if enc == payroll.GB18030 {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), enc
	}
	return br, enc
}

func reportRunError(stderr io.Writer, s *payroll.Summary, err error) {
	var cerr *calc.Error
	switch {
	case errors.As(err, &cerr):
		fmt.Fprintln(stderr, describe(cerr))
	case errors.Is(err, payroll.ErrMapping):
		fmt.Fprintf(stderr, "表头缺少：%s。未识别的表头：%s。请用 -map \"表头=列\" 指定，列：%s / the header lacks: %s; unknown headers: %s; map them with -map \"header=column\"\n",
			strings.Join(s.Mapping.Missing(), "、"), strings.Join(s.UnknownHeaders(), "、"), columnNames(),
			strings.Join(s.Mapping.Missing(), ", "), strings.Join(s.UnknownHeaders(), ", "))
	default:
		fmt.Fprintln(stderr, "roster:", err)
	}
}

func columnNames() string {
	var names []string
	for _, c := range payroll.Columns {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}
