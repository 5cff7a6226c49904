package app

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"sibase/calc"
	"sibase/calc/estimate"
	"sibase/calc/payroll"
	"sibase/calc/payroll/xlsx"
)

// importChunk is how many rows are decided between two looks at the
// cancel button and two progress updates; between chunks the browser gets
// to draw.
const importChunk = 2000

// errCancelled stops an import when the person presses cancel.
var errCancelled = errors.New("cancelled")

// payrollImport is a payroll file on the employer page: what was read,
// how its columns map, and what came of it. The decoded text is kept so
// the file can be run again after the person maps columns or fixes rows;
// nothing of it is stored on the device.
type payrollImport struct {
	source   string
	format   payroll.Format
	encoding payroll.Encoding
	text     string
	// A workbook: opened (its sheets are read again on each run), its
	// sheets' names and the one read; opening while the page unpacks it.
	book    *xlsx.Workbook
	opening bool
	sheets  []string
	sheet   int
	titles  int // rows above the header
	header  []string
	mapping payroll.Mapping
	unknown []int
	fixes   map[int][]string

	running  bool
	cancel   atomic.Bool
	done     int // rows decided so far
	total    int // rows in the file, about
	ranWith  string
	entries  []rosterRow
	rejected []rejectedRow
	summary  *payroll.Summary
	errText  string
	page     int
}

// rosterRow is one computed row as the page keeps it: the words as
// strings and the amounts in fen, without pointers, so that 100,000 rows
// take a few megabytes and the garbage collector has little to walk.
type rosterRow struct {
	line                    int32
	name, staffID, idNumber string
	status                  calc.EmployeeStatus
	outcome                 calc.Outcome
	wageFen, baseFen        int64 // -1: none
}

// keep compacts a computed row.
func keep(e payroll.Entry) rosterRow {
	fen := func(d *decimal.Decimal) int64 {
		if d == nil {
			return -1
		}
		return d.Shift(2).IntPart()
	}
	return rosterRow{line: int32(e.Row.Line), name: e.Row.Name, staffID: e.Row.StaffID, idNumber: e.Row.IDNumber,
		status: e.Row.Status, outcome: e.Result.Outcome, wageFen: fen(e.Result.Wage), baseFen: fen(e.Result.Base)}
}

// entry turns a kept row back into what the list writer takes.
func (r rosterRow) entry() payroll.Entry {
	dec := func(fen int64) *decimal.Decimal {
		if fen < 0 {
			return nil
		}
		d := decimal.New(fen, -2)
		return &d
	}
	return payroll.Entry{
		Row:    payroll.Row{Line: int(r.line), Name: r.name, StaffID: r.staffID, IDNumber: r.idNumber, Status: r.status},
		Result: calc.EmployeeResult{Status: r.status, Outcome: r.outcome, Wage: dec(r.wageFen), Base: dec(r.baseFen)},
	}
}

// yuan formats fen as yuan ("" for none).
func yuanOf(fen int64) string {
	if fen < 0 {
		return ""
	}
	return calc.Yuan(decimal.New(fen, -2))
}

// who names a kept row's person as the roster shows it.
func (r rosterRow) who() string {
	return payroll.Row{Line: int(r.line), Name: r.name, StaffID: r.staffID, IDNumber: r.idNumber}.Who()
}

// rejectedRow is a row the page shows for fixing in place.
type rejectedRow struct {
	line  int
	cells []string
	errs  []payroll.RowError
}

// rosterPageSize is how many roster rows the page shows at a time.
const rosterPageSize = 100

// onFile reads the chosen file, locally.
func (p *employerPage) onFile(ctx app.Context, e app.Event) {
	p.readChosen(ctx, ctx.JSSrc().Get("files"))
}

// onDragOver lets the import section take a dropped file.
func (p *employerPage) onDragOver(ctx app.Context, e app.Event) { e.PreventDefault() }

// onDrop reads a file dropped on the import section, locally.
func (p *employerPage) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		p.readChosen(ctx, dt.Get("files"))
	}
}

// readChosen reads the first of the files chosen or dropped.
func (p *employerPage) readChosen(ctx app.Context, files app.Value) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	if size := f.Get("size").Int(); size > payroll.MaxFileBytes {
		p.imp = &payrollImport{source: name, errText: fmt.Sprintf(tr(p.lang, "imp.tooBig"), payroll.MaxFileBytes>>20)}
		return
	}
	readFile(ctx, f, func(ctx app.Context, data []byte, errText string) {
		if errText != "" {
			p.imp = &payrollImport{source: name, errText: errText}
			return
		}
		p.load(ctx, name, data)
	})
}

// onPaste reads cells pasted into the text area.
func (p *employerPage) onPaste(ctx app.Context, e app.Event) {
	v := app.Window().GetElementByID("paste").Get("value").String()
	if strings.TrimSpace(v) == "" {
		return
	}
	p.load(ctx, tr(p.lang, "imp.pasted"), []byte(v))
}

// load decodes a file (UTF-8, with or without BOM, or GBK/GB18030 —
// detected), reads its header and maps the columns; when every needed
// column is found it runs at once, else it waits for the mapping.
// A workbook is opened first (openWorkbook: in the browser the page
// unpacks it, which takes a moment for a large one).
func (p *employerPage) load(ctx app.Context, source string, data []byte) {
	format := payroll.Sniff(data)
	if format == payroll.FormatXLSX {
		imp := &payrollImport{source: source, format: payroll.FormatXLSX, opening: true}
		p.imp = imp
		openWorkbook(ctx, data, func(ctx app.Context, wb *xlsx.Workbook, err error) {
			if p.imp != imp {
				return // another file was chosen meanwhile
			}
			p.imp = newWorkbookImport(p.lang, source, wb, err)
			p.runIfMapped(ctx)
		})
		return
	}
	p.imp = newImport(p.lang, source, format, data)
	p.runIfMapped(ctx)
}

// runIfMapped runs the import at once when every needed column is mapped.
func (p *employerPage) runIfMapped(ctx app.Context) {
	if p.imp.errText == "" && len(p.imp.mapping.Missing()) == 0 {
		p.runImport(ctx)
	}
}

// newWorkbookImport reads the header of the workbook's payroll sheet (the
// first with a payroll header, payroll.ChooseSheet) and maps it.
func newWorkbookImport(l Lang, source string, wb *xlsx.Workbook, err error) *payrollImport {
	imp := &payrollImport{source: source, format: payroll.FormatXLSX, fixes: map[int][]string{}}
	if err != nil {
		imp.errText = importError(l, err)
		return imp
	}
	imp.book = wb
	for _, s := range wb.Sheets {
		imp.sheets = append(imp.sheets, s.Name)
	}
	imp.openSheet(l, payroll.ChooseSheet(wb))
	return imp
}

// newImport decodes a text file, finds the header and maps it; a file of
// another format (what payroll.Sniff told from its content, not its
// name) gets a message saying what it is and what to do. Workbooks are
// opened by load.
func newImport(l Lang, source string, format payroll.Format, data []byte) *payrollImport {
	imp := &payrollImport{source: source, format: format, fixes: map[int][]string{}}
	if format != payroll.FormatText {
		zh, en := format.Problem()
		imp.errText = pick(l, zh, en)
		return imp
	}
	imp.encoding = payroll.Detect(data[:min(len(data), 64<<10)])
	if imp.encoding == payroll.UTF8 || imp.encoding == payroll.UTF8BOM {
		imp.text = string(payroll.TrimBOM(data))
	} else {
		imp.text = decodeText(imp.encoding, data)
	}
	rd, err := payroll.NewReader(strings.NewReader(imp.text))
	if err != nil {
		imp.errText = tr(l, "imp.noHeader")
		return imp
	}
	imp.header, imp.titles = rd.Header(), rd.TitleRows()
	imp.mapping, imp.unknown = payroll.AutoMap(imp.header)
	imp.total = strings.Count(imp.text, "\n")
	return imp
}

// openSheet reads the header of a workbook's sheet and maps it.
func (imp *payrollImport) openSheet(l Lang, sheet int) {
	imp.sheet, imp.header, imp.mapping, imp.unknown, imp.errText = sheet, nil, nil, nil, ""
	t, err := payroll.OpenSheet(imp.book, sheet)
	if err != nil {
		imp.errText = importError(l, err)
		return
	}
	imp.header, imp.titles, imp.total = t.Header(), t.TitleRows(), t.Size
	imp.mapping, imp.unknown = payroll.AutoMap(imp.header)
}

// table opens what a run reads: the text, or the chosen sheet again.
func (imp *payrollImport) table() (payroll.Table, error) {
	if imp.format != payroll.FormatXLSX {
		return payroll.NewReader(strings.NewReader(imp.text))
	}
	return payroll.OpenSheet(imp.book, imp.sheet)
}

// importError is an error's message for the person: a workbook's or
// calc's own, in the page's language.
func importError(l Lang, err error) string {
	// Type assertions, not errors.As: reflection stays out of app.wasm.
	switch e := err.(type) {
	case *xlsx.Error:
		return pick(l, e.Message, e.MessageEN)
	case *calc.Error:
		return pick(l, e.Message, e.MessageEN)
	}
	if errors.Is(err, payroll.ErrNoHeader) {
		return tr(l, "imp.noHeader")
	}
	return err.Error()
}

// onSheet reads another sheet of the workbook.
func (p *employerPage) onSheet(ctx app.Context, e app.Event) {
	imp := p.imp
	i, err := strconv.Atoi(fieldValue(ctx))
	if imp == nil || imp.running || imp.book == nil || err != nil || i < 0 || i >= len(imp.sheets) {
		return
	}
	imp.summary, imp.entries, imp.rejected, imp.fixes = nil, nil, nil, map[int][]string{}
	imp.openSheet(p.lang, i)
	p.runIfMapped(ctx)
}

// onMap sets the column a file column holds.
func (p *employerPage) onMap(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.imp == nil || i >= len(p.imp.mapping) {
			return
		}
		p.imp.mapping[i] = payroll.Column(fieldValue(ctx))
	}
}

// onFix records a corrected cell of a rejected row.
func (p *employerPage) onFix(line, col int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		imp := p.imp
		for _, r := range imp.rejected {
			if r.line != line {
				continue
			}
			cells := imp.fixes[line]
			if cells == nil {
				cells = append([]string(nil), r.cells...)
			}
			for len(cells) <= col {
				cells = append(cells, "")
			}
			cells[col] = ctx.JSSrc().Get("value").String()
			imp.fixes[line] = cells
		}
	}
}

func (p *employerPage) onRun(ctx app.Context, e app.Event)    { p.runImport(ctx) }
func (p *employerPage) onCancel(ctx app.Context, e app.Event) { p.imp.cancel.Store(true) }

func (p *employerPage) onPage(delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.imp.page += delta }
}

// importSignature is what an import's result depends on besides the file:
// the rules and the employer's figures.
func (p *employerPage) importSignature() string {
	return strings.Join([]string{p.form["date"], p.form["place"], p.form["city"], p.form["avg"], p.form["kind"], p.form["payroll"], p.form["last"],
		p.form["floor"], p.form["cap"], p.form["floorRatio"], p.form["capRatio"], p.form["rounding"], p.form["places"]}, "|")
}

// importJob builds the job from the page's rules and employer figures.
func (p *employerPage) importJob() (payroll.Job, *calc.Error) {
	req := ruleRequest(p.form, false)
	r, ins, err := estimate.ResolveRules(req)
	if err != nil {
		return payroll.Job{}, err
	}
	job := payroll.Job{Rules: r, Insurance: ins, Kind: calc.EmployerKind(p.form["kind"])}
	if job.Payroll, err = calc.ParseOptionalAmount("employer.monthly_avg_total_wages", p.form["payroll"]); err != nil {
		return job, err
	}
	job.LastPayroll, err = calc.ParseOptionalAmount("employer.last_month_total_wages", p.form["last"])
	return job, err
}

// runImport decides every row of the file in chunks, off the UI
// goroutine, updating the progress bar between chunks and stopping when
// cancel is pressed.
func (p *employerPage) runImport(ctx app.Context) {
	imp := p.imp
	if imp == nil || imp.running {
		return
	}
	job, cerr := p.importJob()
	if cerr != nil {
		imp.errText = pick(p.lang, cerr.Message, cerr.MessageEN)
		return
	}
	imp.running, imp.done, imp.errText, imp.page = true, 0, "", 0
	imp.summary = nil
	imp.cancel.Store(false)
	imp.ranWith = p.importSignature()
	lang := p.lang
	if p.hasPage {
		ctx = p.pageCtx
	}
	ctx.Async(func() {
		out := imp.run(job, func(n int) error {
			if imp.cancel.Load() {
				return errCancelled
			}
			ctx.Dispatch(func(ctx app.Context) { imp.done = n })
			if app.IsClient {
				time.Sleep(time.Millisecond) // let the browser draw and take clicks
			}
			return nil
		})
		ctx.Dispatch(func(ctx app.Context) { imp.apply(lang, out) })
	})
}

// importRun is what one run of the file produced.
type importRun struct {
	entries  []rosterRow
	rejected []rejectedRow
	summary  *payroll.Summary
	err      error
}

// run decides every row with the job, calling progress every importChunk
// rows (an error from it stops the run). Only the computed rows, without
// their steps, and the rejected rows are kept, so memory stays near the
// file's own size.
func (imp *payrollImport) run(job payroll.Job, progress func(n int) error) importRun {
	var out importRun
	job.Mapping = append(payroll.Mapping(nil), imp.mapping...)
	job.Fixed = map[int][]string{}
	for line, cells := range imp.fixes {
		job.Fixed[line] = cells
	}
	step := func() error {
		if n := len(out.entries) + len(out.rejected); progress != nil && n%importChunk == 0 {
			return progress(n)
		}
		return nil
	}
	job.OnEntry = func(e payroll.Entry) error {
		out.entries = append(out.entries, keep(e))
		return step()
	}
	job.OnError = func(line int, cells []string, errs []payroll.RowError) error {
		out.rejected = append(out.rejected, rejectedRow{line: line, cells: append([]string(nil), cells...), errs: errs})
		return step()
	}
	t, err := imp.table()
	if err != nil {
		out.err = err
		return out
	}
	out.summary, out.err = job.RunTable(t)
	return out
}

// apply shows a run's outcome.
func (imp *payrollImport) apply(l Lang, out importRun) {
	imp.running = false
	// A type assertion, not errors.As: calc's errors arrive unwrapped, and
	// errors.As would bring reflection into app.wasm.
	switch err := out.err; {
	case errors.Is(err, errCancelled):
		imp.errText = tr(l, "imp.cancelled")
	case errors.Is(err, payroll.ErrTooManyRows):
		imp.errText = fmt.Sprintf(tr(l, "imp.tooMany"), payroll.MaxRows)
	case err != nil:
		imp.errText = importError(l, err)
	default:
		imp.entries, imp.rejected, imp.summary = out.entries, out.rejected, out.summary
		imp.done = out.summary.Read
	}
}

// onDownload offers the list of adjusted bases as a CSV file for Excel.
func (p *employerPage) onDownload(ctx app.Context, e app.Event) {
	data, err := p.rosterCSV()
	if err != nil {
		return
	}
	download("调整基数名单-"+p.form["date"]+".csv", "text/csv;charset=utf-8", data)
}

// rosterCSV writes the computed rows as the adjusted-base list.
func (p *employerPage) rosterCSV() ([]byte, error) {
	var b bytes.Buffer
	lw := payroll.NewListWriter(&b)
	for _, r := range p.imp.entries {
		if err := lw.Write(r.entry()); err != nil {
			return nil, err
		}
	}
	err := lw.Flush()
	return b.Bytes(), err
}

// printForm shows one of the print views and opens the print dialog once
// it is drawn.
func (p *employerPage) printForm(which string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.printing = which
		ctx.Defer(func(ctx app.Context) {
			if app.IsClient {
				app.Window().Call("print") // returns when the dialog closes
				p.printing = ""
				ctx.Update()
			}
		})
	}
}

// importSection renders the file import: the chooser and paste box, the
// column mapping when needed, progress, the rejected rows for fixing, and
// the result.
func (p *employerPage) importSection() app.UI {
	l := p.lang
	return elem("section#import.import",
		elemText("h2", tr(l, "imp.title")),
		elemText("p.hint", tr(l, "imp.intro")),
		elem("div#dropzone.field.dropzone",
			labelFor("file", tr(l, "imp.file")),
			attrs(elem("input#file"), "type", "file", "accept", fileTypes).OnChange(p.onFile),
			elemText("p.hint", tr(l, "imp.drop")),
		),
		elem("div.field",
			labelFor("paste", tr(l, "imp.paste")),
			attrs(elem("textarea#paste"), "rows", "4", "spellcheck", "false"),
			btnText("#paste-read.secondary", tr(l, "imp.pasteRead")).OnClick(p.onPaste),
		),
		app.If(p.imp != nil, func() app.UI { return p.importState() }),
	).On("dragover", p.onDragOver).On("drop", p.onDrop)
}

// fileTypes are what the file chooser offers: workbooks and text tables
// (any other file can still be chosen, and is told apart by its content).
const fileTypes = ".xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/tab-separated-values,text/plain"

func (p *employerPage) importState() app.UI {
	l, imp := p.lang, p.imp
	var parts []app.UI
	// What was read, in one line: the file and its encoding or sheet, the
	// title rows left out; while a workbook is unpacked, that.
	var source string
	switch {
	case imp.opening:
		source = fmt.Sprintf(tr(l, "imp.opening"), imp.source)
	case imp.encoding != "":
		source = fmt.Sprintf(tr(l, "imp.source"), imp.source, string(imp.encoding), len(imp.header))
	case len(imp.sheets) > 0:
		source = fmt.Sprintf(tr(l, "imp.sourceSheet"), imp.source, imp.sheets[imp.sheet], len(imp.header))
	}
	if imp.titles > 0 {
		source += fmt.Sprintf(tr(l, "imp.titles"), imp.titles)
	}
	if source != "" {
		parts = append(parts, elemText("p#import-source.hint", source).Role("status"))
	}
	if len(imp.sheets) > 1 {
		sheets := make([]choice, len(imp.sheets))
		for i, name := range imp.sheets {
			sheets[i] = choice{strconv.Itoa(i), name}
		}
		parts = append(parts, elem("div.field",
			labelFor("sheet", tr(l, "imp.sheet")),
			optionSelect("sheet", sheets, strconv.Itoa(imp.sheet)).Attr("disabled", imp.running).OnChange(p.onSheet),
		))
	}
	if imp.errText != "" {
		parts = append(parts, elemText("p#import-error.error", imp.errText).Role("alert"))
	}
	if len(imp.header) > 0 && !imp.running && imp.summary == nil {
		parts = append(parts, p.mappingStep())
	}
	if imp.running {
		parts = append(parts, elem("div#import-progress.progress",
			labelFor("import-bar", fmt.Sprintf(tr(l, "imp.progress"), imp.done, imp.total)),
			elem("progress#import-bar").Attr("max", max(imp.total, 1)).Attr("value", imp.done),
			btnText("#import-cancel.secondary", tr(l, "imp.cancel")).OnClick(p.onCancel),
		))
	}
	if imp.summary != nil {
		parts = append(parts, p.importResult())
	}
	return elem("div#import-state").Body(parts...)
}

// mappingStep lets the person say what each column holds.
func (p *employerPage) mappingStep() app.UI {
	l, imp := p.lang, p.imp
	missing := imp.mapping.Missing()
	choices := []choice{{"", tr(l, "imp.col.ignored")}}
	for _, c := range payroll.Columns {
		choices = append(choices, choice{string(c), pick(l, c.Label(), c.LabelEN())})
	}
	return group("mapping", tr(l, "imp.mapping"),
		app.If(len(missing) > 0, func() app.UI {
			return elemText("p#mapping-missing.needed", tr(l, "imp.missing")+strings.Join(missing, "、"))
		}),
		app.Range(imp.header).Slice(func(i int) app.UI {
			id := "map-" + strconv.Itoa(i)
			return elem("div.field",
				labelFor(id, imp.header[i]),
				elem("select", app.Range(choices).Slice(func(j int) app.UI {
					return option(choices[j].value, choices[j].label, string(imp.mapping[i]) == choices[j].value)
				})).ID(id).OnChange(p.onMap(i)),
			)
		}),
		btnText("#import-run", tr(l, "imp.run")).OnClick(p.onRun),
	)
}

// importResult renders the accounting, the unit base, the rejected rows
// and the roster.
func (p *employerPage) importResult() app.UI {
	l, imp, s := p.lang, p.imp, p.imp.summary
	e := s.Employer
	stale := imp.ranWith != p.importSignature()
	from := imp.page * rosterPageSize
	to := min(from+rosterPageSize, len(imp.entries))
	shown := imp.entries[from:to]
	return elem("div#import-result.result",
		elemText("p#import-counts.outcome", fmt.Sprintf(tr(l, "imp.counts"), s.Read, s.Computed, s.Rejected, s.Blank)),
		app.If(stale, func() app.UI {
			return elem("p#import-stale.needed",
				app.Text(tr(l, "imp.stale")+" "),
				btnText(".secondary", tr(l, "imp.rerun")).OnClick(p.onRun),
			)
		}),
		p.figure("import-unit-base", "er.unitBase", calc.Yuan(e.Base)),
		elemText("p#import-decided.outcome", tr(l, "er.decided."+e.DecidedBy)),
		p.figure("import-sum", "er.sum", calc.Yuan(e.SumEmployeeBases)),
		elemText("p#import-outcomes", outcomeCounts(l, s.Counts)),
		p.contributions(p.unitContribution(e)),
		p.explanation("import-explain", e.Steps),
		app.If(len(imp.rejected) > 0, func() app.UI { return p.rejectedRows() }),
		elem("div.tools",
			btnText("#download-csv", tr(l, "imp.download")).OnClick(p.onDownload),
			btnText("#print-approval.secondary", tr(l, "imp.printApproval")).OnClick(p.printForm("approval")),
			btnText("#print-publicity.secondary", tr(l, "imp.printPublicity")).OnClick(p.printForm("publicity")),
		),
		scrollRegion(tr(l, "imp.roster"), textTable("import-roster", "roster",
			[]string{tr(l, "imp.line"), tr(l, "er.id"), tr(l, "imp.idNumber"), tr(l, "er.wage"), tr(l, "res.base"), tr(l, "er.status")},
			rosterRows(l, shown), 3, 4)),
		app.If(len(imp.entries) > rosterPageSize, func() app.UI {
			return elem("div#roster-pager.tools",
				btnText("#roster-prev.secondary", tr(l, "imp.prev")).Attr("disabled", imp.page == 0).OnClick(p.onPage(-1)),
				elemText("span#roster-page", fmt.Sprintf(tr(l, "imp.page"), from+1, to, len(imp.entries))),
				btnText("#roster-next.secondary", tr(l, "imp.next")).Attr("disabled", to >= len(imp.entries)).OnClick(p.onPage(1)),
			)
		}),
	)
}

// rosterRows are the roster's rows as shown on screen (ID numbers masked).
func rosterRows(l Lang, entries []rosterRow) [][]string {
	rows := make([][]string, len(entries))
	for i, r := range entries {
		base := yuanOf(r.baseFen)
		if base == "" {
			base = "—"
		}
		rows[i] = []string{strconv.Itoa(int(r.line)), r.who(), payroll.MaskIDNumber(r.idNumber), yuanOf(r.wageFen), base, tr(l, "outcome."+string(r.outcome))}
	}
	return rows
}

// rejectedRows lists each rejected row with its reasons and its cells as
// inputs, so it can be fixed in place and the file run again.
func (p *employerPage) rejectedRows() app.UI {
	l, imp := p.lang, p.imp
	shown := imp.rejected[:min(len(imp.rejected), 200)]
	return elem("div#rejected.rejected",
		elemText("h2", fmt.Sprintf(tr(l, "imp.rejected"), len(imp.rejected))),
		app.Range(shown).Slice(func(i int) app.UI {
			r := shown[i]
			cells := imp.fixes[r.line]
			if cells == nil {
				cells = r.cells
			}
			return elem("div.bad-row",
				elemText("p.error", fmt.Sprintf(tr(l, "imp.lineN"), r.line)),
				elem("ul", app.Range(r.errs).Slice(func(j int) app.UI {
					e := r.errs[j]
					col := ""
					if e.Header != "" {
						col = "「" + e.Header + "」 "
					}
					if e.Cell != "" {
						col += "(" + e.Cell + ") "
					}
					return elemText("li", col+pick(l, e.Message, e.MessageEN)).DataSet("code", e.Code)
				})),
				elem("div.cells", app.Range(imp.header).Slice(func(c int) app.UI {
					v := ""
					if c < len(cells) {
						v = cells[c]
					}
					id := fmt.Sprintf("fix-%d-%d", r.line, c)
					return elem("div.field",
						labelFor(id, imp.header[c]),
						attrs(el("input"), "type", "text", "value", v).ID(id).OnInput(p.onFix(r.line, c)),
					)
				})),
			).ID("rejected-" + strconv.Itoa(r.line))
		}),
		btnText("#import-rerun", tr(l, "imp.rerun")).OnClick(p.onRun),
	)
}

// unitContribution is the unit's contribution on the unit base where the
// rules know the rate.
func (p *employerPage) unitContribution(e calc.EmployerResult) *estimate.Contribution {
	job, err := p.importJob()
	if err != nil {
		return nil
	}
	c, ok := job.Rules.Contribute(job.Insurance, calc.PayerUnit, e.Base)
	if !ok {
		return nil
	}
	return &estimate.Contribution{Unit: calc.Yuan(c.Monthly), UnitYearly: calc.Yuan(c.Yearly)}
}

// outcomeCounts says how many rows were raised, cut, kept, exempt.
func outcomeCounts(l Lang, counts map[calc.Outcome]int) string {
	var parts []string
	for _, o := range []calc.Outcome{calc.OutcomeRaisedToFloor, calc.OutcomeCutToCap, calc.OutcomeAsDeclared, calc.OutcomeAverage, calc.OutcomeExempt} {
		if n := counts[o]; n > 0 {
			parts = append(parts, tr(l, "outcome."+string(o))+" "+strconv.Itoa(n))
		}
	}
	return strings.Join(parts, ";")
}
