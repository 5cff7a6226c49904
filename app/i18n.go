package app

import "strings"

// Lang is the language the app speaks: Chinese by default, English on the
// switch.
type Lang string

// The languages.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// texts is the one translation table: every word the app shows, by key, in
// Chinese and English. Texts from calc (steps, errors, warnings) come with
// both languages already and are not repeated here.
var texts = parseTexts(translationTable)

// translationTable holds the translations one a line: key, Chinese, English,
// separated by tabs. (A table in one string costs app.wasm far less than
// a map literal, whose every entry is initialisation code.)
const translationTable = `app.title	社保缴费基数自助测算	Social-insurance base estimator
app.short	社保基数测算	sibase
app.privacy	本页面完全在您的设备上运行，您输入的任何内容都不会离开本设备。	This page runs entirely on your device: nothing you type leaves it.
app.skip	跳到主要内容	Skip to the main content
app.lang.switch	English	中文
app.lang.label	切换语言	Switch language
app.update	有新版本（可能含新的规则数据）。	A new version is available (it may carry new rule data).
app.update.reload	立即更新	Reload now
app.nav	主导航	Main navigation
app.home	首页	Home
nav.flexible	灵活就业人员 / 个体工商户	Flexible worker / individual business owner
nav.employee	职工	Employee
nav.employer	用人单位	Employer
nav.institution	机关事业单位	Institution staff
nav.settlement	补收测算	Settlement
nav.policy	政策依据	The rules
home.where	您在哪里缴纳社保？	Where do you pay contributions?
home.placePage	查看本地的上下限、档次、费率与来源	The place's limits, tiers, rates and sources
home.who	您是哪一类?	Who are you?
home.flexible.desc	自己缴费：看当年可选的基数范围、最低基数和每月应缴。	You pay yourself: the range you may choose this year, the lowest base and what you pay.
home.employee.desc	单位代缴：按上年月平均工资看个人缴费基数。	Your employer pays: your individual base from last year's monthly wage.
home.employer.desc	逐人核定个人基数，并得出单位缴费基数。	Every employee's base and the unit base.
home.institution.desc	按上月应发基本工资核定。	From last month's basic wage.
home.settlement.desc	沿用上年基数后，计算应补收或退还的差额。	After a carried-over base: what is collected or returned.
home.policy.desc	各省、市的上下限、来源与核对日期。	Every province's and city's limits, sources and review date.
home.rulesets	内置规则	Bundled rules
rules.legend	适用规则	Rules
rules.date	缴费月份	Month
rules.place	缴费地（省、自治区、直辖市）	Where you pay (province)
rules.place.none	请选择	Choose
rules.city	城市	City
rules.city.other	其他城市（按全省规定）	Another city (the province's figures)
rules.city.same	全省各市相同（可不选）	Same in every city (optional)
rules.provisional	新数字尚未公布，暂按最近公布的数字	new figures not yet published: the latest ones for now
rules.custom	我的地区不在列表中（自行填写公布的数字）	My place isn't listed (enter the published figures)
rules.average	月平均工资	Average monthly wage
rules.floor	下限（金额，可留空）	Floor (amount, optional)
rules.cap	上限（金额，可留空）	Cap (amount, optional)
rules.floorRatio	下限比例	Floor ratio
rules.capRatio	上限比例	Cap ratio
rules.rounding	取整方式	Rounding
rules.places	取整到	Round to
rules.fmin	灵活就业最低比例	Flexible minimum ratio
rules.fmax	灵活就业最高比例	Flexible maximum ratio
rules.needAvg	该规则以此为基准，sibase 未收录这一数字，请填写当地公布的数字。	The rule is based on this figure, which sibase does not carry: enter the published figure.
round.half_up	四舍五入	Half-up
round.up	进位	Up
round.down	舍去	Down
places.0	元	Yuan
places.1	角	Jiao
places.2	分	Fen
flex.title	灵活就业人员 / 个体工商户	Flexible workers and individual business owners
flex.intro	选择缴费月份，查看当时的规定和允许的基数范围。	Choose the month to see the rule then and the range it allows.
flex.choice.hardship	规定以平均工资为缴费基数；按平均工资缴费确有困难的，可向所在市申请下调，最低不低于下面的下限。是否下调由所在市决定。	The rule sets the average wage as the base; those who truly cannot pay on it may ask their city for a lower base, no lower than the minimum below. Whether to lower it is the city's decision.
flex.choice.free	在下面的范围内自选缴费基数。	Choose your base within the range below.
flex.choice.tiers	在下面的档次中选择一档。	Choose one of the tiers below.
flex.reduce	申请下调到（占平均工资）	Lowered to (share of the average)
flex.ratio	缴费比例（占平均工资）	Ratio (of the average wage)
flex.slider	拖动选择比例	Slide to choose a ratio
flex.amount	或直接填写基数金额	or type the base amount
flex.tier	可选档次	Tiers
flex.tier.none	尚未选择	Not chosen yet
flex.range	允许范围	Allowed range
flex.chart	历年最低缴费基数	The lowest base over the years
flex.chart.you	您选择的基数	Your base
emp.title	职工个人缴费基数	An employee's individual base
emp.intro	填写本人上年月平均工资；或填写上年工资总额和工作月数。	Enter last year's average monthly wage, or last year's total and the months worked.
emp.wage	上年月平均工资	Last year's average monthly wage
emp.annual	上年工资总额	Last year's total wage
emp.months	工作月数	Months worked
emp.or	或	or
emp.unknown	不填工资：按规则处理收入无法确定的情形。	Leave the wage empty: the rule for unknown income applies.
res.base	缴费基数	Base
res.range	上下限	Floor and cap
res.min	最低	Lowest
res.max	最高	Highest
res.monthly	每月缴费	Monthly contribution
res.yearly	全年缴费	Yearly contribution
res.unit	单位	Unit
res.individual	个人	Individual
res.explain	计算过程与依据	How it was worked out, and why
res.stale	输入有误，结果未更新。	Fix the input: the result is not up to date.
res.none	填写后即时显示结果。	The result appears as you type.
res.citation	依据	Under
res.warnings	请注意	Please note
res.print	打印结果	Print the result
res.share	分享链接（只含表单内容，不经过服务器）	Share link (the form only; it never reaches a server)
res.yuan	元	yuan
res.perMonth	元/月	yuan a month
res.ruleset	规则集	Rule set
res.reviewed	数字核对至	Figures checked through
outcome.raised_to_floor	低于下限，按下限	Below the floor: raised to it
outcome.cut_to_cap	高于上限，按上限	Above the cap: cut to it
outcome.as_declared	在上下限之间，按本人工资	Within the limits: the wage as declared
outcome.average	收入无法确定，按平均工资	Income unknown: the average
outcome.chosen	按所选基数	As chosen
outcome.default	按规定的基数（平均工资）	The base the rule sets (the average)
outcome.reduced	困难下调（由所在市决定）	Lowered on hardship (the city decides)
outcome.to_choose	尚未选择：按最低展示，供参考	Not chosen yet: shown at the lowest, for reference
outcome.unit_only	只由单位缴费	Paid by the unit alone
outcome.carried_over	沿用上年基数	Carried over
outcome.exempt	不再参保，工资计入单位基数	Not insured here; the wage counts in the unit base
basis.reading	sibase 的理解	sibase's reading
basis.local	由当地决定	Left to the city
basis.convention	sibase 的约定	sibase's convention
basis.departs	与文件规定不同	Departs from the notice
status.official	正式文件	Official notice
status.provisional	暂定	Provisional
status.secondary_source	转载来源	Secondary source
status.unverified	未核实（仅见于计算器数据）	Unverified (calculators' data only)
grade.official	正式文件	official notice
grade.secondary	转载或报道	secondary source
grade.unverified	仅见于计算器数据	calculators' data only
er.title	用人单位缴费基数	An employer's bases
er.intro	填写单位上年月平均工资总额，再逐行填写职工；得出每人的个人基数、合计和单位缴费基数。	Enter the previous-year average monthly total wages, then each employee: every individual base, their sum and the unit base.
er.kind	单位类型	Employer kind
er.kind.enterprise	企业	Enterprise
er.kind.institution	机关事业单位	Institution
er.kind.social_organization	社会团体	Social organisation
er.method	单位缴费基数的确定方法（本地规则未收录，请按当地规定选择）	How the unit base is set (not in the bundled rules: choose your place's)
er.method.none	请选择	Choose
er.method.sum_of_bases	职工个人缴费基数之和	The sum of the employees' bases
er.method.max_payroll_or_sum	上年月平均工资总额与个人基数之和取高	The higher of the payroll and the sum of bases
er.method.avg_payroll	上年月平均工资总额	The previous-year average monthly payroll
er.method.last_month_payroll	上月工资总额	Last month's payroll
er.payroll	上年月平均工资总额	Previous-year average monthly total wages
er.payroll.hint	留空时 sibase 按所列人员工资合计估算（不是文件规定的数字）；请尽量填写单位统计数。	Left empty, sibase estimates it as the sum of the listed wages (not a figure any notice sets): enter the unit's own figure where you can.
er.last	上月工资总额	Last month's total payroll
er.staff	职工	Employees
er.id	姓名或工号	Name or staff number
er.wage	上年月平均工资	Previous-year monthly average wage
er.status	人员类别	Status
er.add	添加一行	Add a row
er.remove	删除此行	Remove this row
er.row	第 %d 行	Row %d
er.unitBase	单位缴费基数	Unit base
er.sum	个人缴费基数之和	Sum of individual bases
er.decided.payroll	由上年月平均工资总额决定	Set by the payroll
er.decided.sum_of_bases	由个人缴费基数之和决定	Set by the sum of individual bases
er.decided.last_month_payroll	由上月工资总额决定	Set by last month's payroll
er.decided.carried_over	沿用上年基数	Carried over
er.decided.approved_wages	按人事部门核定的工资和津补贴	Set by the approved wages and allowances
er.wage.basic	上月应发基本工资	Last month's basic wage
er.wage.total	上月应发工资总额	Last month's total wage
er.wage.approved	核定的月工资和津补贴	Approved monthly wages and allowances
er.exempt	不再参保人员工资（计入单位基数）	Wages of staff not insured here (counted in the unit base)
status.active	在职	Active
status.rehired_retiree	退休返聘	Rehired retiree
status.insured_elsewhere	外地参保	Insured elsewhere
er.source	职工名单来源	Employees from
er.source.rows	逐行填写	Rows typed here
er.source.file	导入工资表文件或粘贴表格	A payroll file or pasted cells
er.checklist	年初需提交的材料	Documents to bring at the start of the year
er.draft.hint	填写内容默认不保存。需要时可在本设备保存一份草稿（导入的文件不保存）。	Nothing you type is kept unless you save a draft on this device (imported files are never kept).
er.draft.save	在本设备保存草稿	Save a draft on this device
er.draft.load	载入草稿	Load the draft
er.draft.delete	删除草稿	Delete the draft
er.draft.saved	草稿已保存在本设备。	The draft is saved on this device.
er.draft.loaded	已载入草稿。	The draft is loaded.
er.draft.deleted	草稿已删除。	The draft is deleted.
er.draft.none	本设备上没有草稿。	There is no draft on this device.
imp.title	导入工资表	Import a payroll file
imp.intro	选择 Excel 工作簿（.xlsx）或 CSV/TSV 文件（UTF-8、GBK 或 UTF-16，自动识别），或从 Excel/WPS 复制单元格粘贴到下框。文件只在本页读取，不会上传。	Choose an Excel workbook (.xlsx) or a CSV/TSV file (UTF-8, GBK or UTF-16, detected), or paste cells copied from Excel/WPS. The file is read in this page and never uploaded.
imp.drop	也可以把文件拖到这里。	Or drop the file here.
imp.sourceSheet	%s · Excel 工作簿 · 工作表「%s」 · %d 列	%s · Excel workbook · sheet “%s” · %d columns
imp.sheet	工作表	Sheet
imp.opening	正在本页解开工作簿「%s」…	Unpacking the workbook “%s” in this page…
imp.titles	 · 表头上方的 %d 行（标题等）未计入	 · the %d rows above the header (a title and such) not counted
imp.file	工资表文件	Payroll file
imp.paste	或粘贴表格（含表头）	or paste cells (with the header row)
imp.pasteRead	读取粘贴内容	Read the pasted cells
imp.pasted	粘贴的表格	pasted cells
imp.source	%s · 编码 %s · %d 列	%s · encoding %s · %d columns
imp.tooBig	文件超过 %d MiB，请拆分后再导入。	The file is over %d MiB: split it.
imp.tooMany	文件超过 %d 行，请拆分后再导入。	The file has more than %d rows: split it.
imp.noHeader	文件是空的：需要一行表头（姓名、上年月平均工资……）。	The file is empty: it needs a header row (姓名， 上年月平均工资， …).
imp.mapping	确认每一列的内容	Say what each column holds
imp.missing	还缺少：	Still missing: 
imp.col.ignored	(不使用)	(not used)
imp.run	开始计算	Compute
imp.rerun	重新计算	Compute again
imp.progress	已处理 %d / 约 %d 行	%d of about %d rows done
imp.cancel	取消	Cancel
imp.cancelled	已取消。	Cancelled.
imp.counts	读取 %d 行 = 计算 %d + 拒绝 %d；空行 %d	Read %d = computed %d + rejected %d; blank lines %d
imp.stale	规则或单位数字已更改，结果未更新。	The rules or the employer's figures changed: the result is not up to date.
imp.rejected	未能计算的行（%d 行）：可在下面直接改正后重新计算	Rows not computed (%d): fix them below and compute again
imp.lineN	第 %d 行	Line %d
imp.line	行号	Line
imp.idNumber	身份证号	ID number
imp.download	下载调整基数名单（CSV）	Download the adjusted-base list (CSV)
imp.printApproval	打印核定表	Print the approval form
imp.printPublicity	打印公示表	Print the publicity sheet
imp.prev	上一页	Previous
imp.next	下一页	Next
imp.page	第 %d–%d 行，共 %d 行	Rows %d–%d of %d
kiosk.start	轻触屏幕开始测算	Touch the screen to start
kiosk.notCurrent	本地规则集不包含本月，下面是最近一期的规则，请向窗口工作人员核实。	The place's rules do not cover this month: below is the latest period. Please check at the counter.
kiosk.noPlace	本机未设置地区，或没有该地区的内置规则。	This kiosk has no place set, or no bundled rules for it.
inst.title	机关事业单位人员	Institution staff
inst.intro	按所选规则规定的工资核定个人缴费基数：通常为本人上月应发基本工资。	The individual base is the wage the chosen rules name: usually last month's basic wage.
st.unsupported	%s 的规则里没有沿用与补收的条款（这些条款来自大庆的庆社险函〔2011〕3号 四）；下面是大庆 2011 年的例子，可在上面改选地区和月份。	The rules of %s have no clause on carry-over and settlement (these come from Daqing's 庆社险函〔2011〕3号 四); below is Daqing's 2011 example — change the place and month above.
inst.wage	工资口径	Which wage
inst.wage.rule	按规则（上月应发基本工资）	As the rule says (last month's basic wage)
inst.wage.total	本地改用上月应发工资总额	This place uses last month's total wage
inst.total	上月应发工资总额	Last month's total wage
inst.basic	上月应发基本工资	Last month's basic wage
st.title	补收测算与年度规则	Settlement and the year's rules
st.intro	平均工资公布前沿用上年基数缴费的月份，公布后按新基数补收或退还差额。	Months paid on last year's base while the average was unpublished are settled once the new base is known.
st.worker	个人	Worker
st.unit	单位	Unit
st.wage	本人上年月平均工资	Own previous-year monthly average wage
st.provWorker	已沿用的个人基数	Carried-over individual base
st.payroll	单位上年月平均工资总额	Previous-year average monthly total wages
st.provUnit	已沿用的单位基数	Carried-over unit base
st.carry	沿用的月份	Months on the old base
st.months	已按旧基数缴费的月数（可留空）	Months paid on the old base (optional)
st.rateUnit	单位缴费比例（可留空）	Unit rate (optional)
st.collect	补收	To collect
st.return	退还	To return
st.none	无需补退	Nothing to settle
st.perMonth	每月差额	Per month
st.baseDiff	基数差额	Base difference
st.total	合计	Total
st.questions	年度规则问答	Questions on the year's rules
st.baseMonth	基数所属月份	The base's month
st.asked	申请核改的月份	Month of the application
st.written	有书面申请及材料	With a written application and material
st.event	单位发生的事项	What happened at the employer
st.event.none	(不问)	(no question)
st.event.new_hire	新增人员	Staff joined
st.event.leaver	减少人员	Staff left
st.event.wage_change	工资变化	Wages changed
st.event.bulk_transfer	成建制批量转移	Bulk transfer
st.event.split	分离	Split
st.event.merger	合并	Merger
st.yes	可以	Yes
st.no	不可以	No
st.recompute.yes	需要重新核定	Determined anew
st.recompute.no	不变	Unchanged
place.titleYear	 年社保缴费基数上下限	: contribution base limits
place.none	没有该地区的内置规则。	No bundled rules for this place.
place.provisional	新数字尚未公布：以下是适用至 %s 的最近一期数字，暂按此缴费，新数字公布后通常多退少补。	The new figures are not yet published: these are the latest, in force through %s, used for now; the difference is usually settled once the new ones are.
place.calculators	按本地规则测算	Calculate for this place
place.remember	设为我的缴费地	Make this my place
place.payer	缴费方	Who pays
imp.roster	核定名单（可左右滚动）	The roster (scrolls sideways)
place.zone	所属片区	Zone
place.zones	各片区的下限	Floors by zone
place.zones.hint	未列出的城市按全省下限；上限全省统一。	Cities not listed take the province's floor; the cap is the same everywhere.
place.cities	城市	Cities
place.monthly	每月缴费	Monthly payment
place.sources	数字来源	Where the figures come from
place.sources.hint	地址供核对，本页不链接、不访问任何外部网站。	The addresses are for checking: this page links to and contacts no other site.
place.chart	历年缴费基数下限	The floor over the years
app.place	缴费地	Where you pay
app.place.change	更改	change
app.place.none	选择缴费地	Choose where you pay
pol.title	政策依据	The rules and their sources
pol.intro	每个省（及数字不同的城市）今年适用的缴费基数上下限、来源等级与核对日期。输入名称或拼音首字母查找。	Each province (and each city whose figures differ): the limits in force this year, how far their sources can be trusted and when they were checked. Type a name or its pinyin initials.
pol.find	查找地区	Find a place
pol.none	没有匹配的地区。	No place matches.
pol.custom	我的地区不在列表中：自行填写公布的数字	My place isn't listed: enter the published figures
pol.issuer	发文机关	Issued by
pol.status	来源等级	Status
pol.reviewed	数字核对至	Checked through
pol.period	期间	Period
pol.average	平均工资	Average wage
pol.floor	下限	Floor
pol.cap	上限	Cap
pol.flexible	灵活就业人员	Flexible workers
pol.rounding	取整	Rounding
pol.rates	费率	Rates
pol.entered	需填写	entered by you
pol.tiers	档次	tiers
pol.notes	说明	Notes
pol.open	至今	open`

// parseTexts reads translationTable into the lookup map.
func parseTexts(table string) map[string][2]string {
	out := make(map[string][2]string, strings.Count(table, "\n")+1)
	for _, line := range strings.Split(table, "\n") {
		parts := strings.Split(line, "\t")
		if len(parts) == 3 {
			out[parts[0]] = [2]string{parts[1], parts[2]}
		}
	}
	return out
}

// tr returns the text for key in lang, or the key itself (a missing
// translation shows as its key, and a test lists them).
func tr(l Lang, key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if l == En {
		return t[1]
	}
	return t[0]
}

// labelled is a label followed by a colon in the language's punctuation:
// "允许范围：" or "Allowed range: ".
func labelled(l Lang, key string) string {
	if l == En {
		return tr(l, key) + ": "
	}
	return tr(l, key) + "："
}

// pick returns zh or en by lang, for texts calc provides in both.
func pick(l Lang, zh, en string) string {
	if l == En && en != "" {
		return en
	}
	return zh
}
