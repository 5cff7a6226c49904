//go:build !wasm

package main

import (
	"testing"
)

// pagesByRoute are the app's routes, their page's name (ids: #nav-NAME,
// #go-NAME) and the heading each shows in Chinese.
var pagesByRoute = []struct {
	path, name, h1 string
}{
	{"/flexible", "flexible", "灵活就业"},
	{"/employee", "employee", "职工"},
	{"/employer", "employer", "用人单位"},
	{"/institution", "institution", "机关事业单位"},
	{"/settlement", "settlement", "补收"},
	{"/policy", "policy", "政策依据"},
}

// TestBrowserHomeAndRoutes: the home page renders in Chinese; every page
// opens by its route, and by the home page's link and the navigation.
func TestBrowserHomeAndRoutes(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)

	open(t, ctx, srv.URL+"/")
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "zh-CN" {
		t.Errorf("home <html lang>: got %q, want zh-CN", got)
	}
	if got := text(t, ctx, "home-title"); got != "社保缴费基数自助测算" {
		t.Errorf("home #home-title: got %q, want 社保缴费基数自助测算", got)
	}
	if got := eval[string](t, ctx, `document.title`); got != "社保缴费基数自助测算" {
		t.Errorf("home title: got %q, want 社保缴费基数自助测算", got)
	}
	waitText(t, ctx, "go-flexible", "灵活就业人员")
	waitText(t, ctx, "lang-switch", "English")

	for i, p := range pagesByRoute {
		from := pagesByRoute[(i+1)%len(pagesByRoute)].path
		t.Run("route"+p.path, func(t *testing.T) {
			open(t, ctx, srv.URL+p.path)
			checkOnPage(t, ctx, p.path, p.h1)
		})
		t.Run("home-link"+p.path, func(t *testing.T) {
			open(t, ctx, srv.URL+"/")
			click(t, ctx, "go-"+p.name)
			checkOnPage(t, ctx, p.path, p.h1)
		})
		t.Run("nav"+p.path, func(t *testing.T) {
			open(t, ctx, srv.URL+from)
			click(t, ctx, "nav-"+p.name)
			checkOnPage(t, ctx, p.path, p.h1)
		})
	}
}

// checkOnPage waits until the tab shows path with its heading, and the
// navigation marks it as the current page.
func checkOnPage(t *testing.T, ctx contextT, path, h1 string) {
	t.Helper()
	waitJS(t, ctx, `location.pathname === `+jsString(path)+` && (document.querySelector('main h1')||{}).textContent`, "route "+path)
	got := eval[string](t, ctx, `document.querySelector('main h1').textContent`)
	if !contains(got, h1) {
		t.Errorf("%s: h1 got %q, want it to contain %q", path, got, h1)
	}
	cur := eval[string](t, ctx, `(document.querySelector('nav a[aria-current=page]')||{}).id||''`)
	if want := "nav-" + path[1:]; cur != want {
		t.Errorf("%s: current nav link got %q, want %q", path, cur, want)
	}
}
