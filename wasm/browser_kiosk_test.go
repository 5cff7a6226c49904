//go:build !wasm

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domstorage"
	"github.com/chromedp/cdproto/indexeddb"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// sizes measures the type and the touch targets of the page.
const sizes = `({font: parseFloat(getComputedStyle(document.documentElement).fontSize),
	button: document.getElementById('lang-switch').getBoundingClientRect().height,
	input: (document.getElementById('avg') || document.getElementById('date')).getBoundingClientRect().height})`

// TestBrowserKiosk opens the app as a kiosk (?kiosk=1&idle=10&place=210100)
// and checks: the board of Shenyang's rules while nobody uses it; a touch
// starts a session; larger type and touch targets than the ordinary
// page; no share link, no "save" and no fragment in the address; nothing
// written to localStorage, sessionStorage, IndexedDB or cookies (asked
// through CDP after use); after 10 s without input the form is cleared and
// the board returns, and going back does not bring the data back.
func TestBrowserKiosk(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)

	// The ordinary page first, for comparison.
	open(t, ctx, srv.URL+"/flexible")
	pickPlace(t, ctx, "2007-03", "210000", "", "1949.33")
	normal := eval[map[string]float64](t, ctx, sizes)
	if eval[bool](t, ctx, `document.documentElement.classList.contains('kiosk')`) {
		t.Fatal("ordinary page: got <html class=kiosk>, want no kiosk mode without ?kiosk=1")
	}
	// A fresh browser for the kiosk, so nothing stored above counts.
	ctx = newBrowser(t, phoneW, phoneH)

	// 10 s: long enough that a slow machine's pauses between the steps
	// below (an import, a page switch) never end the session early.
	open(t, ctx, srv.URL+"/?kiosk=1&idle=10&place=210100")
	t.Run("board", func(t *testing.T) { checkBoard(t, ctx) })

	t.Run("session", func(t *testing.T) {
		click(t, ctx, "board-start")
		waitJS(t, ctx, `!document.getElementById('kiosk-board') && document.getElementById('go-flexible')`, "the board to give way to the home page")
		if !eval[bool](t, ctx, `document.documentElement.classList.contains('kiosk')`) {
			t.Error("kiosk: got no <html class=kiosk>, want it")
		}
		click(t, ctx, "go-flexible")
		waitJS(t, ctx, `location.pathname === '/flexible' && document.getElementById('date')`, "/flexible")
		kioskFill(t, ctx, "date", "2007-03", "place", "210000", "city", "", "avg", "1949.33", "ratio", "0.8")
		waitText(t, ctx, "result-base", "1559.46")

		k := eval[map[string]float64](t, ctx, sizes)
		if k["font"] < normal["font"]*1.2 {
			t.Errorf("kiosk root font size: got %.1fpx, want at least 1.2 × the ordinary %.1fpx", k["font"], normal["font"])
		}
		for _, el := range []string{"button", "input"} {
			if k[el] < 48 || k[el] <= normal[el] {
				t.Errorf("kiosk %s height: got %.1fpx (ordinary %.1fpx), want at least 48px and larger", el, k[el], normal[el])
			}
		}
		if eval[bool](t, ctx, `!!document.getElementById('share')`) {
			t.Error("kiosk result: got a share link #share, want none")
		}
		if got := eval[string](t, ctx, `location.hash`); got != "" {
			t.Errorf("kiosk address: got fragment %q, want none (the form must not be kept in the URL)", got)
		}

		click(t, ctx, "lang-switch")
		waitText(t, ctx, "lang-switch", "中文")
		click(t, ctx, "nav-employer")
		waitJS(t, ctx, `location.pathname === '/employer' && document.getElementById('form')`, "/employer")
		if eval[bool](t, ctx, `!!(document.getElementById('drafts') || document.getElementById('draft-save'))`) {
			t.Error("kiosk employer page: got the draft save buttons, want none")
		}
		useEmployerFileEN(t, ctx)
		// Back to the flexible page with its data, for the idle check.
		click(t, ctx, "nav-flexible")
		waitJS(t, ctx, `location.pathname === '/flexible' && document.getElementById('date')`, "/flexible")
		kioskFill(t, ctx, "date", "2007-03", "place", "210000", "city", "", "avg", "1949.33")
		waitText(t, ctx, "result-base", "1949.33")

		checkNothingStored(t, ctx, srv.URL)
	})

	t.Run("idle", func(t *testing.T) {
		// No input from here on: within a few seconds past the 10 s the
		// session ends.
		if err := tryWaitJS(ctx, `location.pathname === '/' && document.getElementById('kiosk-board')`, 25*time.Second); err != nil {
			t.Fatalf("after 10 s idle: got %s with board %v, want / with #kiosk-board", eval[string](t, ctx, `location.pathname`), eval[bool](t, ctx, `!!document.getElementById('kiosk-board')`))
		}
		checkBoard(t, ctx)
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != "zh-CN" {
			t.Errorf("after idle: <html lang> got %q, want zh-CN again", got)
		}
		if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
			t.Fatalf("going back: %v", err)
		}
		waitJS(t, ctx, `location.pathname !== '/' || !document.getElementById('kiosk-board')`, "the back navigation")
		time.Sleep(500 * time.Millisecond) // let the page restore whatever it would
		page := eval[string](t, ctx, `location.pathname + location.search + location.hash`)
		if !strings.HasPrefix(page, "/flexible") {
			t.Errorf("back after the session ended: got %q, want the last person's /flexible (emptied)", page)
		}
		for _, id := range []string{"avg", "ratio", "amount"} {
			if v := eval[string](t, ctx, `(document.getElementById(`+jsString(id)+`)||{}).value||''`); v != "" {
				t.Errorf("back to %s after the session ended: #%s got %q, want empty", page, id, v)
			}
		}
		body := eval[string](t, ctx, `document.body.innerText`)
		for _, leaked := range []string{"1949.33", "1364.54", "1559.46", "25000.00"} {
			if strings.Contains(body, leaked) {
				t.Errorf("back to %s after the session ended: the page shows %q, want the last person's data gone", page, leaked)
			}
		}
		checkNothingStored(t, ctx, srv.URL)
	})

	t.Run("touch-starts", func(t *testing.T) {
		open(t, ctx, srv.URL+"/?kiosk=1&idle=3&place=210100")
		checkBoard(t, ctx)
		// A touch anywhere on the board, not only its button.
		if err := chromedp.Do(ctx, chromedp.Tap(chromedp.ID("board-figures"))); err != nil {
			t.Fatalf("tapping the board: %v", err)
		}
		waitJS(t, ctx, `!document.getElementById('kiosk-board') && document.getElementById('go-flexible')`, "a tap on the board to start a session")
	})
}

// checkBoard asserts the board of Shenyang (210100): this month's
// figures there — the province's at the city where Shenyang's own set
// does not cover the month — as the bundled rules give them.
func checkBoard(t *testing.T, ctx contextT) {
	t.Helper()
	want := boardFigures(t, "210100")
	waitText(t, ctx, "board-floor", want["board-floor"])
	for id, w := range want {
		if got := text(t, ctx, id); got != w {
			t.Errorf("kiosk board #%s: got %q, want %q", id, got, w)
		}
	}
	if got := text(t, ctx, "board-place"); !strings.Contains(got, "沈阳") {
		t.Errorf("kiosk board #board-place: got %q, want 沈阳", got)
	}
	if !eval[bool](t, ctx, `!!document.getElementById('board-start')`) {
		t.Error("kiosk board: got no #board-start, want the button that starts a session")
	}
}

// useEmployerFileEN imports the payroll file on the employer page in the
// kiosk (whose language was switched to English).
func useEmployerFileEN(t *testing.T, ctx contextT) {
	t.Helper()
	kioskFill(t, ctx, "date", "2011-06", "place", "230000", "city", "230600", "avg", "2278", "source", "file")
	abs := mustAbs(t, "../testdata/payroll/gbk.csv")
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.ID("file")), chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs})); err != nil {
		t.Fatalf("choosing the file: %v", err)
	}
	waitText(t, ctx, "import-unit-base", "25000.00")
}

// checkNothingStored asks Chromium, through CDP, what the origin holds in
// localStorage, sessionStorage, IndexedDB and cookies: nothing.
func checkNothingStored(t *testing.T, ctx contextT, origin string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, domstorage.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("DOMStorage.enable: %v", err)
	}
	for _, local := range []bool{true, false} {
		items, err := chromedp.Call(ctx, domstorage.GetDOMStorageItems, domstorage.GetDOMStorageItemsParams{
			StorageID: &domstorage.StorageID{SecurityOrigin: origin, IsLocalStorage: local}})
		if err != nil {
			t.Fatalf("DOMStorage.getDOMStorageItems: %v", err)
		}
		if len(items.Entries) != 0 {
			t.Errorf("kiosk: %s got %q, want empty", map[bool]string{true: "localStorage", false: "sessionStorage"}[local], items.Entries)
		}
	}
	dbs, err := chromedp.Call(ctx, indexeddb.RequestDatabaseNames, indexeddb.RequestDatabaseNamesParams{SecurityOrigin: origin})
	if err != nil {
		t.Fatalf("IndexedDB.requestDatabaseNames: %v", err)
	}
	if len(dbs.DatabaseNames) != 0 {
		t.Errorf("kiosk: IndexedDB got databases %q, want none", dbs.DatabaseNames)
	}
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{origin}})
	if err != nil {
		t.Fatalf("Network.getCookies: %v", err)
	}
	if len(cookies.Cookies) != 0 {
		t.Errorf("kiosk: got %d cookies, want none", len(cookies.Cookies))
	}
	if got := eval[string](t, ctx, `document.cookie`); got != "" {
		t.Errorf("kiosk: document.cookie got %q, want empty", got)
	}
}

// TestBrowserKioskServerFlags: the server's kiosk flags (-kiosk
// -kiosk-place 210100) make every visitor's app a kiosk, without ?kiosk=1.
func TestBrowserKioskServerFlags(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, map[string]string{"SIBASE_KIOSK": "1", "SIBASE_KIOSK_PLACE": "210100", "SIBASE_KIOSK_IDLE": "90"})
	ctx := newBrowser(t, phoneW, phoneH)
	open(t, ctx, srv.URL+"/")
	checkBoard(t, ctx)
	click(t, ctx, "board-start")
	click(t, ctx, "go-employee")
	waitJS(t, ctx, `location.pathname === '/employee' && document.getElementById('date')`, "/employee")
	kioskFill(t, ctx, "date", "2011-06", "place", "230000", "city", "230600", "avg", "2278", "wage", "１０００元")
	waitText(t, ctx, "result-base", "1366.80")
	waitText(t, ctx, "result-outcome", "低于下限，按下限")
	if eval[bool](t, ctx, `!!document.getElementById('share')`) || eval[string](t, ctx, `location.hash`) != "" {
		t.Error("server kiosk: got a share link or a fragment, want neither")
	}
	checkNothingStored(t, ctx, srv.URL)
}

// kioskFill sets fields (id, value, id, value…) whole, as a paste or an
// on-screen keyboard's commit does: key-by-key typing at machine speed
// loses characters in kiosk mode (TestBrowserKioskTyping).
func kioskFill(t *testing.T, ctx contextT, idValue ...string) {
	t.Helper()
	for i := 0; i+1 < len(idValue); i += 2 {
		setField(t, ctx, idValue[i], idValue[i+1])
	}
}

// TestBrowserFastTyping: every key typed into a field is kept and the
// result is for what the field shows, on the ordinary page and on a
// kiosk, whether a person types at a fast person's pace or a card reader
// or a test sends the keys back to back.
func TestBrowserFastTyping(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)
	for _, c := range []struct {
		query string
		pause time.Duration
	}{{"", keyPause}, {"?kiosk=1", keyPause}, {"", 0}, {"?kiosk=1", 0}} {
		t.Run(fmt.Sprintf("%s_pause_%v", strings.TrimPrefix(c.query, "?"), c.pause), func(t *testing.T) {
			open(t, ctx, srv.URL+"/employee"+c.query)
			kioskFill(t, ctx, "date", "2011-06", "place", "230000", "city", "230600", "avg", "2278")
			var bad []string
			for i := 0; i < 3; i++ {
				for _, wage := range []string{"1000", "5000", "123456"} {
					want := map[string]string{"1000": "1366.80", "5000": "5000.00", "123456": "6834.00"}[wage]
					typeAt(t, ctx, "wage", wage, c.pause)
					err := tryWaitJS(ctx, textOf("result-base")+` === `+jsString(want), 3*time.Second)
					field := eval[string](t, ctx, `document.getElementById('wage').value`)
					if err != nil || field != wage {
						bad = append(bad, fmt.Sprintf("typed %s: field %q, base %q", wage, field, text(t, ctx, "result-base")))
					}
				}
			}
			if len(bad) != 0 {
				t.Errorf("/employee%s, %v between keys: %d of 9 typings went wrong, want none: %q", c.query, c.pause, len(bad), bad)
			}
		})
	}
}
