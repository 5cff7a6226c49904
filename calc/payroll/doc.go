// Package payroll reads an employer's payroll file — an .xlsx workbook
// (package xlsx), CSV or TSV as Excel or WPS writes it, or cells pasted
// from them — into validated employee
// rows, runs them through calc one by one (a roster of any length in
// bounded memory), and writes the roster out as the list of adjusted bases
// a bureau takes (UTF-8 with BOM, so Excel opens it correctly).
//
// The model: a file is a header row, below any title rows, and data rows
// (Table; Sniff tells what a file is from its first bytes). Columns are found by
// their header, in Chinese or English (姓名 / name, 工号 / staff id,
// 身份证号 / id number, 上年月平均工资 / monthly wage, 上年工资总额 / annual
// wage with 工作月数 / months, 人员类别 / status, 上月基本工资 / basic wage);
// a header sibase does not know is reported so the person can map it. Every
// data row is either computed or rejected with its line, column and reason:
// read = computed + rejected, and blank lines are counted apart.
//
// The package is pure (standard library and decimal): it reads UTF-8 text.
// Detect tells the caller which encoding a file is in; the caller turns
// GBK/GB18030 into UTF-8 (natively with golang.org/x/text, in the browser
// with its TextDecoder) and UTF-16 too (DecodeUTF16, or the browser's
// TextDecoder).
//
// Example:
//
//	rd, _ := payroll.NewReader(strings.NewReader("姓名,上年月平均工资\n张三,3000\n"))
//	m, unknown := payroll.AutoMap(rd.Header()) // unknown is empty
//	r, _ := rd.Next()
//	row, errs := payroll.ParseRow(r.Cells, m, rd.Header(), r.Line) // row.Name "张三", wage 3000; errs empty
package payroll
