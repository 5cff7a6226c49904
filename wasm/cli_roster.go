//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/payroll"
	"sibase/calc/payroll/xlsx"
)

// runRoster is `sibase roster`: a payroll file in (an .xlsx workbook, or
// CSV or TSV in UTF-8 with or without BOM, UTF-16 or GBK/GB18030 —
// detected from the content, not the name), the list of adjusted bases
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
	fs.StringVar(&in, "in", "", "the payroll file: .xlsx, CSV or TSV (default: standard input)")
	var sheet string
	fs.StringVar(&sheet, "sheet", "", "the worksheet of an .xlsx to read (default: the first with a payroll header)")
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
	table, source, err := openPayroll(src, sheet)
	if err != nil {
		fmt.Fprintln(stderr, describeFileError(err))
		return 1
	}
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
	sum, err := job.RunTable(table)
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
	titles, titlesEN := "", ""
	if sum.TitleRows > 0 {
		titles, titlesEN = fmt.Sprintf("；表头上方 %d 行未计入", sum.TitleRows), fmt.Sprintf("; %d rows above the header not counted", sum.TitleRows)
	}
	fmt.Fprintf(stderr, "%s；读取 %d 行 = 计算 %d + 拒绝 %d；空行 %d%s / %s; read %d = computed %d + rejected %d; blank %d%s\n",
		source.zh, sum.Read, sum.Computed, sum.Rejected, sum.Blank, titles, source.en, sum.Read, sum.Computed, sum.Rejected, sum.Blank, titlesEN)
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

// sourceNote says what was read, for the summary line: the encoding of a
// text, or the workbook's sheet.
type sourceNote struct{ zh, en string }

// openPayroll tells what the file is from its content (payroll.Sniff) and
// opens it as a table: a workbook's sheet (the one named, else the first
// with a payroll header), read whole within payroll.MaxFileBytes; text
// streamed, its encoding detected from its first 64 KiB (GBK/GB18030
// through golang.org/x/text, UTF-16 read whole). Any other kind of file is
// refused with what it is.
func openPayroll(r io.Reader, sheet string) (payroll.Table, sourceNote, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	sample, _ := br.Peek(64 << 10)
	format := payroll.Sniff(sample)
	whole := func() ([]byte, error) {
		data, err := io.ReadAll(io.LimitReader(br, payroll.MaxFileBytes+1))
		if err == nil && len(data) > payroll.MaxFileBytes {
			err = fmt.Errorf("the file is over %d MiB: split it / 文件超过 %d MiB，请拆分", payroll.MaxFileBytes>>20, payroll.MaxFileBytes>>20)
		}
		return data, err
	}
	if format == payroll.FormatXLSX || format == payroll.FormatOtherZip || format == payroll.FormatEncrypted || format == payroll.FormatXLS {
		// A zip archive is told apart by its directory, at its end; a
		// compound file by its streams.
		data, err := whole()
		if err != nil {
			return nil, sourceNote{}, err
		}
		format = payroll.Sniff(data)
		if format == payroll.FormatXLSX {
			return openSheet(data, sheet)
		}
	}
	if zh, en := format.Problem(); zh != "" {
		return nil, sourceNote{}, fileProblem{zh, en}
	}
	if sheet != "" {
		return nil, sourceNote{}, fileProblem{"-sheet 只用于 .xlsx 工作簿", "-sheet is for .xlsx workbooks only"}
	}
	enc := payroll.Detect(sample)
	var text io.Reader = br
	switch enc {
	case payroll.GB18030:
		text = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	case payroll.UTF16LE, payroll.UTF16BE:
		data, err := whole()
		if err != nil {
			return nil, sourceNote{}, err
		}
		text = strings.NewReader(payroll.DecodeUTF16(data))
	}
	rd, err := payroll.NewReader(text)
	if err != nil {
		return nil, sourceNote{}, err
	}
	return rd, sourceNote{"编码 " + string(enc), "encoding " + string(enc)}, nil
}

// openSheet opens a workbook's sheet by name, or the one ChooseSheet picks.
func openSheet(data []byte, name string) (payroll.Table, sourceNote, error) {
	wb, err := xlsx.Open(data)
	if err != nil {
		return nil, sourceNote{}, err
	}
	i := payroll.ChooseSheet(wb)
	if name != "" {
		i = -1
		var names []string
		for j, s := range wb.Sheets {
			names = append(names, s.Name)
			if s.Name == name {
				i = j
			}
		}
		if i < 0 {
			return nil, sourceNote{}, fileProblem{"工作簿里没有工作表「" + name + "」，有：" + strings.Join(names, "、"),
				"the workbook has no sheet " + strconv.Quote(name) + "; it has: " + strings.Join(names, ", ")}
		}
	}
	t, err := payroll.OpenSheet(wb, i)
	if err != nil {
		return nil, sourceNote{}, err
	}
	s := wb.Sheets[i].Name
	return t, sourceNote{"Excel 工作簿，工作表「" + s + "」", "Excel workbook, sheet " + strconv.Quote(s)}, nil
}

// fileProblem is a file sibase does not read, with what to do.
type fileProblem struct{ zh, en string }

func (f fileProblem) Error() string { return f.zh + " / " + f.en }

// describeFileError writes why a file could not be opened, both languages.
func describeFileError(err error) string {
	var xe *xlsx.Error
	switch {
	case errors.As(err, &xe):
		return "roster: " + xe.Message + " / " + xe.MessageEN
	case errors.Is(err, payroll.ErrNoHeader):
		return "roster: 文件是空的：需要一行表头（姓名、上年月平均工资……） / " + err.Error()
	}
	return "roster: " + err.Error()
}

func reportRunError(stderr io.Writer, s *payroll.Summary, err error) {
	var cerr *calc.Error
	var xe *xlsx.Error
	switch {
	case errors.As(err, &xe):
		fmt.Fprintln(stderr, describeFileError(err))
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
