//go:build !wasm

package main

import (
	"strconv"
	"strings"
	"testing"
	"time"
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

// chooseOption chooses a select's option by its position, as a person
// does: the browser selects it and fires input and change.
func chooseOption(t *testing.T, ctx contextT, id string, index int) {
	t.Helper()
	sel := `document.getElementById(` + jsString(id) + `)`
	waitJS(t, ctx, `!!`+sel+` && `+sel+`.options.length > `+strconv.Itoa(index), "#"+id+" with its options")
	eval[bool](t, ctx, `(() => { const el = `+sel+`; el.focus(); el.selectedIndex = `+strconv.Itoa(index)+`;
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return true })()`)
}

// TestBrowserEmptyChoices: an option that means "none" — a province's
// other cities — chosen by a person is taken as none. go-app writes no
// value attribute for an empty value, so the browser gives such an
// option's text ("其他城市（按全省规定）") as the select's value; the
// app must not take that for a city.
func TestBrowserEmptyChoices(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)

	t.Run("home: back from a city to the province", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		setField(t, ctx, "home-province", "210000")
		setField(t, ctx, "home-city", "210100")
		link := `(document.getElementById('home-place-page') || {getAttribute: () => ''}).getAttribute('href')`
		waitJS(t, ctx, link+` === '/place/210100'`, "Shenyang's figures on the home page")
		chooseOption(t, ctx, "home-city", 0)
		if err := tryWaitJS(ctx, link+` === '/place/210000'`, 10*time.Second); err != nil {
			t.Errorf("home, 其他城市 chosen after 沈阳: the summary links %q, want /place/210000 (the province's figures)", eval[string](t, ctx, link))
		}
	})

	t.Run("calculator: the province's rules, no city in the link", func(t *testing.T) {
		open(t, ctx, srv.URL+"/flexible")
		pickPlace(t, ctx, "2009-09", "210000", "210100", "")
		chooseOption(t, ctx, "city", 0)
		typeInto(t, ctx, "avg", "1949.33")
		waitText(t, ctx, "set-hint", "辽社险函〔2006〕89号")
		waitText(t, ctx, "result-base", "1949.33")
		share := `decodeURIComponent((document.getElementById('share') || {}).href || '')`
		waitJS(t, ctx, share+`.includes('avg=1949.33')`, "the share link with the average")
		if got := eval[string](t, ctx, share); strings.Contains(got, "其他城市") || strings.Contains(got, "city=2") {
			t.Errorf("share link after 其他城市 was chosen: got %q, want no city in it", got)
		}
	})
}
