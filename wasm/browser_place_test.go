//go:build !wasm

package main

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sibase/calc"
	"sibase/calc/rules"
)

// thisMonth is the month the app opens on: today's, as on the person's
// device.
func thisMonth() calc.Month {
	now := time.Now()
	return calc.Month{Year: now.Year(), Month: int(now.Month())}
}

// placeFigures is what the bundled rules give a place this month — its
// own set, or its province's at that city (a zone's figures) — written as
// the app writes amounts. The browser must show exactly these.
func placeFigures(t *testing.T, code string) (floor, cap string) {
	t.Helper()
	m := thisMonth()
	match, ferr := rules.Find(code, m)
	if ferr != nil {
		t.Fatalf("rules.Find(%s, %s): %v", code, m, ferr)
	}
	r, aerr := match.Set.AtPlace(m, calc.Place{City: match.Place.City})
	if aerr != nil {
		t.Fatalf("%s at %s: %v", match.Set.ID, code, aerr)
	}
	lim, lerr := r.Limits()
	if lerr != nil {
		t.Fatalf("%s limits at %s: %v", match.Set.ID, code, lerr)
	}
	return calc.Yuan(lim.Floor), calc.Yuan(lim.Cap)
}

// boardFigures is what a kiosk board of a place shows this month, by
// element id: the floor, the cap and the flexible workers' range.
func boardFigures(t *testing.T, code string) map[string]string {
	t.Helper()
	floor, cap := placeFigures(t, code)
	out := map[string]string{"board-floor": floor, "board-cap": cap}
	m := thisMonth()
	match, _ := rules.Find(code, m)
	r, _ := match.Set.AtPlace(m, calc.Place{City: match.Place.City})
	if fl, err := r.FlexibleLimits(); err == nil {
		out["board-flexible"] = calc.Yuan(fl.Min) + " – " + calc.Yuan(fl.Max)
	}
	return out
}

// TestBrowserPlaceFirst: on a first visit the home page asks where the
// person pays; choosing 湖南 and then 长沙 shows this month's floor and
// cap there at once; after a reload the place is still chosen; every page
// names it; a calculator opens on it and on this month, and its share
// link carries it.
func TestBrowserPlaceFirst(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)
	open(t, ctx, srv.URL+"/")
	if eval[bool](t, ctx, `!!document.getElementById('home-summary')`) {
		t.Error("first visit: got #home-summary, want no figures before a place is chosen")
	}
	waitText(t, ctx, "chrome-place-change", "选择缴费地")

	setField(t, ctx, "home-province", "430000")
	waitJS(t, ctx, `!!document.getElementById('home-city')`, "the city choice after 湖南")
	setField(t, ctx, "home-city", "430100")
	floor, cap := placeFigures(t, "430100")
	waitText(t, ctx, "home-floor", floor)
	waitText(t, ctx, "home-cap", cap)
	if got := text(t, ctx, "chrome-place-page"); !strings.Contains(got, "湖南") || !strings.Contains(got, "长沙") {
		t.Errorf("#chrome-place-page: got %q, want 湖南 and 长沙", got)
	}

	t.Run("reload", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, appReady, "app.wasm after the reload")
		waitText(t, ctx, "home-floor", floor)
		for id, want := range map[string]string{"home-province": "430000", "home-city": "430100"} {
			if got := eval[string](t, ctx, `document.getElementById('`+id+`').value`); got != want {
				t.Errorf("after a reload #%s: got %q, want %q", id, got, want)
			}
		}
	})

	t.Run("calculator", func(t *testing.T) {
		open(t, ctx, srv.URL+"/employee")
		for id, want := range map[string]string{"place": "430000", "date": thisMonth().String()} {
			if got := eval[string](t, ctx, `document.getElementById('`+id+`').value`); got != want {
				t.Errorf("/employee #%s: got %q, want %q", id, got, want)
			}
		}
		if got := text(t, ctx, "chrome-place-page"); !strings.Contains(got, "长沙") {
			t.Errorf("/employee #chrome-place-page: got %q, want 长沙", got)
		}
		typeInto(t, ctx, "wage", "1000")
		waitText(t, ctx, "result-base", floor)
		waitJS(t, ctx, `document.getElementById('share') && document.getElementById('share').href.includes('place=430000')`, "a share link that carries the place")
	})

	t.Run("link-wins", func(t *testing.T) {
		// A link to another place opens on it, without changing the
		// person's own.
		open(t, ctx, srv.URL+"/employee?place=440100")
		gzFloor, _ := placeFigures(t, "440100")
		placeCity := `document.getElementById('place').value + '/' + document.getElementById('city').value`
		tryWaitJS(ctx, placeCity+` === '440000/440100'`, 20*time.Second) // set once the app runs
		if got := eval[string](t, ctx, placeCity); got != "440000/440100" {
			t.Errorf("/employee?place=440100: got place/city %q, want 440000/440100", got)
		}
		typeInto(t, ctx, "wage", "1000")
		waitText(t, ctx, "result-base", gzFloor)
		open(t, ctx, srv.URL+"/")
		waitText(t, ctx, "home-floor", floor)
	})
}

// TestBrowserPlacePageWithoutScript: a place page's HTML answers by
// itself — fetched raw, and in a browser with JavaScript off — with its
// floor, cap and title.
func TestBrowserPlacePageWithoutScript(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	for _, code := range []string{"430000", "440100"} {
		floor, cap := placeFigures(t, code)
		resp, err := http.Get(srv.URL + "/place/" + code)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, want := range []string{floor, cap, "<title>"} {
			if !strings.Contains(string(raw), want) {
				t.Errorf("raw /place/%s: got no %q in the HTML", code, want)
			}
		}
	}

	ctx := newBrowser(t, phoneW, phoneH)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	floor, cap := placeFigures(t, "430000")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/place/430000")); err != nil {
		t.Fatal(err)
	}
	var got struct{ Floor, Cap, Title string }
	for _, x := range []struct {
		dst *string
		act chromedp.Action[string]
	}{{&got.Floor, chromedp.Text(chromedp.ID("place-floor"))}, {&got.Cap, chromedp.Text(chromedp.ID("place-cap"))}, {&got.Title, chromedp.Title()}} {
		v, err := chromedp.Run(ctx, x.act)
		if err != nil {
			t.Fatalf("reading /place/430000 without JavaScript: %v", err)
		}
		*x.dst = v
	}
	if js := eval[bool](t, ctx, `!!window.goappNav && String(window.goappNav).indexOf('{ }') < 0`); js {
		t.Error("/place/430000 with JavaScript off: got app.wasm running, want the HTML alone")
	}
	if !strings.Contains(got.Floor, floor) || !strings.Contains(got.Cap, cap) {
		t.Errorf("/place/430000 without JavaScript: got floor %q cap %q, want %s and %s", got.Floor, got.Cap, floor, cap)
	}
	if want := "湖南省 " + thisMonth().String()[:4] + " 年社保缴费基数上下限 · sibase"; !strings.HasPrefix(got.Title, "湖南省") || !strings.Contains(got.Title, "社保缴费基数上下限") {
		t.Errorf("/place/430000 title: got %q, want like %q", got.Title, want)
	}
}

// TestBrowserKioskZones: the kiosk board of a Guangdong city shows its
// zone's floor — 广州 and 汕头 are in different zones and show different
// floors — and on a portrait hall display (1080×1920) the board fills the
// screen, not its top half.
func TestBrowserKioskZones(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, 1080, 1920)
	if err := chromedp.Do(ctx, viewport(1080, 1920)); err != nil {
		t.Fatal(err)
	}
	shown := map[string]string{}
	for _, c := range []struct{ code, name string }{{"440100", "广州"}, {"440500", "汕头"}} {
		floor, cap := placeFigures(t, c.code)
		open(t, ctx, srv.URL+"/?kiosk=1&place="+c.code)
		waitText(t, ctx, "board-floor", floor)
		if got := text(t, ctx, "board-cap"); got != cap {
			t.Errorf("kiosk board of %s #board-cap: got %q, want %q", c.name, got, cap)
		}
		if got := text(t, ctx, "board-place"); !strings.Contains(got, c.name) {
			t.Errorf("kiosk board of %s #board-place: got %q, want it named", c.name, got)
		}
		shown[c.name] = floor
		fill := eval[float64](t, ctx, `(() => { const b = document.getElementById('kiosk-board').getBoundingClientRect(); return b.bottom / innerHeight })()`)
		if fill < 0.85 {
			t.Errorf("kiosk board of %s at 1080×1920: got its bottom at %.0f%% of the screen's height, want at least 85%%", c.name, fill*100)
		}
		if over := eval[float64](t, ctx, `document.documentElement.scrollHeight - innerHeight`); over > 0 {
			t.Errorf("kiosk board of %s at 1080×1920: got %.0f px below the screen, want it all on the screen", c.name, over)
		}
		screenshot(t, ctx, "kiosk-board-portrait-"+c.code)
	}
	if shown["广州"] == shown["汕头"] {
		t.Errorf("kiosk boards: got the same floor %s in 广州 and 汕头, want each zone's own", shown["广州"])
	}
}

// TestBrowserPlacePagePrint: a place page prints on one A4 page (the
// stylesheet's @page size), in Chinese and in English, for a province
// with zones and one with its own city figures.
func TestBrowserPlacePagePrint(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)
	cssSize := true
	for _, c := range []struct{ code, lang string }{{"440000", "zh"}, {"440000", "en"}, {"430000", "zh"}, {"210100", "zh"}} {
		open(t, ctx, srv.URL+"/place/"+c.code)
		waitJS(t, ctx, `!!document.getElementById('place-floor')`, "#place-floor")
		if c.lang == "en" {
			click(t, ctx, "lang-switch")
			waitJS(t, ctx, `document.documentElement.lang === 'en' || document.querySelector('.app').lang === 'en'`, "English")
		}
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &cssSize})
		if err != nil {
			t.Fatalf("printing /place/%s: %v", c.code, err)
		}
		if n := pdfPages(res.Data); n != 1 {
			t.Errorf("/place/%s (%s) printed: got %d pages, want 1 A4 page", c.code, c.lang, n)
		}
	}
}

// pdfPages counts the page objects of a PDF as Chromium writes it (each
// page a "/Type /Page" dictionary, the tree "/Type /Pages").
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}
