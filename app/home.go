// Package app holds sibase's go-app components: one page or widget per file.
// Components never compute; they hand input to calc and show its Result.
package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// home is the placeholder page for route "/". It has no state.
type home struct {
	app.Compo
}

// newHome returns the placeholder home page.
func newHome() *home { return &home{} }

// NewHome returns the component for route "/". It is meant for
// app.Route("/", NewHome).
func NewHome() app.Composer { return newHome() }

// Render shows the title, the state of the project and the privacy note.
func (h *home) Render() app.UI {
	return app.Main().ID("home").Class("page").Body(
		app.H1().ID("home-title").Text("社保缴费基数自助测算 (sibase)"),
		app.P().ID("home-status").Text(
			"计算核心已可通过命令行使用（go run ./wasm estimate）；自助测算页面即将推出。"),
		app.P().ID("home-privacy").Class("note").Text(
			"隐私说明：本页面完全在您的设备上运行，您输入的任何内容都不会离开本设备。"),
	)
}
