package app

import (
	"regexp"
	"sibase/calc"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rendered loads a component in go-app's test engine, as the browser
// would mount it, and returns its HTML.
func rendered(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

// textOf returns the text directly inside the element with the id, or
// false if there is none.
func textOf(html, id string) (string, bool) {
	m := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `"[^>]*>([^<]*)<`).FindStringSubmatch(html)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// startTag returns the start tag of the element with the id ("" if none);
// go-app writes attributes in no fixed order.
func startTag(html, id string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	end := strings.Index(html[i:], ">")
	return html[start : i+end+1]
}

// pageCheck is what a person would check on a page filled with form.
type pageCheck struct {
	name     string
	page     func() app.Composer
	texts    map[string]string // id → its text
	contains []string          // snippets the page shows
	absent   []string          // ids that must not be there
}

func TestPagesRenderRealResults(t *testing.T) {
	defer fixToday("2025-09")()
	tests := []pageCheck{
		{
			name: "flexible worker, 辽宁 2007: the average, lowered only on hardship",
			page: func() app.Composer {
				return newFlexiblePageWith(form{"place": "210000", "date": "2007-03", "avg": "1949.33"})
			},
			texts: map[string]string{"result-base": "1949.33", "result-outcome": "按规定的基数（平均工资）", "result-range": "允许范围：1364.54 – 1949.33 元",
				"choice-hint": "规定以平均工资为缴费基数；按平均工资缴费确有困难的，可向所在市申请下调，最低不低于下面的下限。是否下调由所在市决定。"},
			contains: []string{"辽社险函〔2006〕89号 二(二)", `id="chart"`, `id="slider"`, `inputmode="decimal"`, "本市2006年在岗职工月平均工资",
				"申请下调到", `class="basis basis-local"`, "由当地决定："},
		},
		{
			name: "flexible worker, 2007, ratio under the minimum",
			page: func() app.Composer {
				return newFlexiblePageWith(form{"place": "210000", "date": "2007-03", "avg": "1949.33", "ratio": "0.6"})
			},
			texts:    map[string]string{"result-stale": "输入有误，结果未更新。"},
			contains: []string{`id="ratio-error"`, "1364.54 至 1949.33 元", `value="0.6"`},
			absent:   []string{"result-base"},
		},
		{
			name: "flexible worker, 沈阳 2009, tiers and the frozen minimum",
			page: func() app.Composer {
				return newFlexiblePageWith(form{"place": "210000", "city": "210100", "date": "2009-09"})
			},
			texts:    map[string]string{"result-base": "1368.55", "result-outcome": "尚未选择：按最低展示，供参考"},
			contains: []string{`id="tier"`, "70% · 1956.73", "规则集的数字来自转载或报道", "与 辽社险函〔2006〕89号 二(二) 的规定不同", "尚未选择"},
		},
		{
			name:     "flexible worker, empty average is a prompt, not an error",
			page:     func() app.Composer { return newFlexiblePageWith(form{"place": "custom", "date": "2024-03"}) },
			texts:    map[string]string{"result-stale": "填写后即时显示结果。"},
			contains: []string{`class="needed"`},
			absent:   []string{"result-base"},
		},
		{
			name: "employee, 大庆 2011, raised to the floor",
			page: func() app.Composer {
				return newEmployeePageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "wage": "1000"})
			},
			texts:    map[string]string{"result-base": "1366.80", "result-outcome": "低于下限，按下限"},
			contains: []string{"庆社险函〔2011〕3号 二(二)", "1000.00 低于下限，按下限 1366.80 元缴费"},
		},
		{
			name: "employee, full-width digits and 元 give the same result",
			page: func() app.Composer {
				return newEmployeePageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "wage": "１０００元"})
			},
			texts: map[string]string{"result-base": "1366.80"},
		},
		{
			name: "employee, months worked not a number",
			page: func() app.Composer {
				return newEmployeePageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "annual": "30000", "months": "十二"})
			},
			contains: []string{`id="months-error"`, "工作月数应为 1 到 12 的整数"},
			absent:   []string{"result-base"},
		},
		{
			name: "employer, 大庆： the sum of bases beats the payroll",
			page: func() app.Composer {
				return newEmployerPageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "payroll": "9000", "rows": "3",
					"e.0.id": "A", "e.0.wage": "3000", "e.1.id": "B", "e.1.wage": "9000", "e.2.id": "C", "e.2.wage": "4000", "e.2.status": "rehired_retiree"})
			},
			texts:    map[string]string{"result-unit-base": "13834.00", "result-sum": "9834.00", "result-exempt": "4000.00", "result-decided": "由个人缴费基数之和决定"},
			contains: []string{"6834.00", "不再参保，工资计入单位基数", "9834.00 + 4000.00 = 13834.00"},
			absent:   []string{"last"},
		},
		{
			name: "employer, a bad wage is named in its row",
			page: func() app.Composer {
				return newEmployerPageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "payroll": "9000", "rows": "2",
					"e.0.wage": "3000", "e.1.wage": "三千"})
			},
			contains: []string{`id="e.1.wage-error"`, "无法识别的金额"},
			absent:   []string{"result-unit-base"},
		},
		{
			name: "institution staff, 辽宁： the basic wage is the base",
			page: func() app.Composer {
				return newInstitutionPageWith(form{"place": "210000", "date": "2008-04", "avg": "2280.92", "basic": "800"})
			},
			texts:    map[string]string{"result-base": "800.00"},
			contains: []string{"辽社险函〔2006〕89号 二(三)"},
		},
		{
			name: "settlement, 大庆： collected after a carried-over base",
			page: func() app.Composer {
				return newSettlementPageWith(form{"place": "230000", "city": "230600", "date": "2011-06", "avg": "2278", "wage": "2500", "provWorker": "2000",
					"baseMonth": "2011-01", "asked": "2012-02", "written": "yes", "event": "merger"})
			},
			texts:    map[string]string{"settle-worker-direction": "补收", "settle-worker-total": "200.00 元"},
			contains: []string{"庆社险函〔2011〕3号 四.3", "跨年度的个人缴费基数申报错误一律不予核改", "需要重新核定"},
		},
		{
			name:     "the index lists every province and every zone city, with its period, status and review",
			page:     func() app.Composer { return newIndexPage() },
			contains: []string{`href="/place/430000"`, `href="/place/440100"`, `href="/place/420100"`, "湖南省", "广东省广州市", "2025-07 – 2026-06", "正式文件", "数字核对至 2026-11", `id="find"`},
		},
		{
			name: "a Guangzhou place page: its zone's floor, the province's cap, the sources, the calculators",
			page: func() app.Composer { p := newPlacePage(); p.code = "440100"; return p },
			texts: map[string]string{"place-title": "广东省广州市 2025 年社保缴费基数上下限", "place-floor": "5510.00 元", "place-cap": "27549.00 元",
				"place-zone": "所属片区：广州市、省直"},
			contains: []string{"粤人社发〔2025〕32号", "https://hrss.gd.gov.cn/", `href="/flexible?place=440100"`, "1102.00", "正式文件", `id="place-chart"`},
		},
		{
			name:     "a Guangdong province page lists its zones",
			page:     func() app.Composer { p := newPlacePage(); p.code = "440000"; return p },
			texts:    map[string]string{"place-floor": "4775.00 元"},
			contains: []string{`id="place-zones"`, "广州市、省直", "5510.00"},
			absent:   []string{"place-zone"},
		},
		{
			name:     "home: where you pay, who you are, and each page's link",
			page:     func() app.Composer { return newHome() },
			contains: []string{`id="home-province"`, "您在哪里缴纳社保？", `href="/flexible"`, `href="/employee"`, `href="/employer"`, `href="/institution"`, `href="/settlement"`, `href="/policy"`, "您是哪一类?"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := rendered(t, tt.page())
			for id, want := range tt.texts {
				got, ok := textOf(html, id)
				if !ok {
					t.Errorf("#%s: got no element, want text %q", id, want)
				} else if got != want {
					t.Errorf("#%s: got %q, want %q", id, got, want)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(html, s) {
					t.Errorf("got a page without %q", s)
				}
			}
			for _, id := range tt.absent {
				if strings.Contains(html, `id="`+id+`"`) {
					t.Errorf("got #%s, want none", id)
				}
			}
			if t.Failed() {
				t.Logf("page:\n%s", html)
			}
		})
	}
}

// Every page has the frame: the skip link, the language switch, the
// navigation with the current page marked, and the privacy note.
func TestPagesHaveTheFrame(t *testing.T) {
	for _, r := range pageRoutes {
		html := rendered(t, r.new())
		for _, s := range []string{`class="skip"`, `id="lang-switch"`, `id="privacy"`, `id="main"`} {
			if !strings.Contains(html, s) {
				t.Errorf("%s: got no %s", r.path, s)
			}
		}
		if tag := startTag(html, "nav-"+r.name); !strings.Contains(tag, `aria-current="page"`) || !strings.Contains(tag, `href="`+r.path+`"`) {
			t.Errorf("%s: navigation link is %s, want it marked as the current page", r.path, tag)
		}
		for _, label := range regexp.MustCompile(`<label for="([^"]+)"`).FindAllStringSubmatch(html, -1) {
			if !strings.Contains(html, `id="`+label[1]+`"`) {
				t.Errorf("%s: label for %q has no input", r.path, label[1])
			}
		}
	}
}

// fixToday makes "this month" m for a test; the returned func restores it.
func fixToday(m string) func() {
	was := thisMonth
	thisMonth = func() calc.Month { return calc.MustMonth(m) }
	return func() { thisMonth = was }
}
