// Package app holds sibase's go-app components: one page or widget per file.
// Components never compute; they hand input to calc and show its Result.
package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/rules"
)

// home is the placeholder page for route "/": the product's name, what
// works today, the privacy promise, and the bundled rule sets — read by
// the same calc packages the command line uses, in the page itself. It has
// no state.
type home struct {
	app.Compo
}

// newHome returns the placeholder home page.
func newHome() *home { return &home{} }

// NewHome returns the component for route "/". It is meant for
// app.Route("/", NewHome).
func NewHome() app.Composer { return newHome() }

// Render shows the title, the state of the project, the privacy note and
// the bundled rule sets.
func (h *home) Render() app.UI {
	return app.Main().ID("home").Class("page").Body(
		app.H1().ID("home-title").Text("社保缴费基数自助测算 (sibase)"),
		app.P().ID("home-status").Text(
			"计算核心已可通过命令行使用(go run ./wasm estimate);自助测算页面即将推出。"),
		app.P().ID("home-privacy").Class("note").Text(
			"隐私说明:本页面完全在您的设备上运行,您输入的任何内容都不会离开本设备。"),
		newRuleSetList(),
	)
}

// ruleSetList lists the bundled rule sets: place, document, months
// covered and status.
type ruleSetList struct {
	app.Compo
}

func newRuleSetList() *ruleSetList { return &ruleSetList{} }

// Render lists each bundled rule set, or says why none could be read.
func (l *ruleSetList) Render() app.UI {
	sets, err := rules.Bundled()
	if err != nil {
		return app.P().ID("rule-sets-error").Text("内置规则无法读取:" + err.Error())
	}
	return app.Section().ID("rule-sets").Body(
		app.H2().Text("内置规则"),
		app.Ul().Body(app.Range(sets).Slice(func(i int) app.UI {
			return ruleSetItem(sets[i])
		})),
	)
}

func ruleSetItem(rs *calc.RuleSet) app.UI {
	months := rs.Start().String() + " 起"
	if !rs.Until.IsZero() {
		months = rs.Start().String() + " 至 " + rs.Until.String()
	}
	return app.Li().ID("rule-set-"+rs.ID).Body(
		app.Strong().Text(rs.RegionName),
		app.Text(" "+rs.Document+" · "+months+" · "+statusLabel(rs.Status)),
	)
}

// statusLabel is a rule set's status in Chinese.
func statusLabel(s calc.Status) string {
	switch s {
	case calc.StatusOfficial:
		return "正式文件"
	case calc.StatusProvisional:
		return "暂定"
	case calc.StatusSecondary:
		return "转载来源"
	}
	return string(s)
}
