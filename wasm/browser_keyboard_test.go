//go:build !wasm

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserKeyboardOnly: every calculator can be filled and its result
// reached with the keyboard alone — Tab from the top of the page to each
// field, keys to type or to choose, then Tab on into the result and Enter
// to open its explanation. Nothing is clicked and no value is set by
// script; the test only reads the page.
func TestBrowserKeyboardOnly(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, phoneW, phoneH)
	floor, _ := placeFigures(t, "430000")

	// The place, chosen on the home page.
	open(t, ctx, srv.URL+"/")
	tabTo(t, ctx, "home-province")
	chooseByKeys(t, ctx, "home-province", "430000")
	waitText(t, ctx, "home-floor", floor)

	// Each field: typed into (keys), or a select moved to a value.
	type field struct{ id, keys, choose string }
	for _, c := range []struct {
		path   string
		fields []field
		result string // an element of the result that must show
	}{
		{"/flexible", nil, "result-base"},
		{"/employee", []field{{id: "wage", keys: "1000"}}, "result-base"},
		// 湖南's rules do not say how the unit base is set: the person
		// chooses it.
		{"/employer", []field{{id: "unitMethod", choose: "sum_of_bases"}, {id: "e.0.id", keys: "A"}, {id: "e.0.wage", keys: "3000"}, {id: "e.1.id", keys: "B"}, {id: "e.1.wage", keys: "9000"}}, "result-unit-base"},
		{"/institution", []field{{id: "basic", keys: "3000"}, {id: "wage", keys: "3000"}}, "result-base"},
		// 湖南's rules have no settlement clauses: the page says so and
		// opens on 3号's own example (大庆 2011-06, average 2278).
		{"/settlement", []field{{id: "avg", keys: "2278"}, {id: "wage", keys: "2500"}, {id: "provWorker", keys: "2000"}}, "settle-worker-total"},
	} {
		t.Run(strings.Trim(c.path, "/"), func(t *testing.T) {
			open(t, ctx, srv.URL+c.path)
			if c.path == "/settlement" {
				if got := text(t, ctx, "unsupported"); !strings.Contains(got, "湖南") {
					t.Errorf("/settlement #unsupported: got %q, want it to say 湖南's rules have no settlement clauses", got)
				}
			} else if err := tryWaitJS(ctx, `document.getElementById('place').value === '430000'`, 20*time.Second); err != nil {
				// The pre-rendered page knows no place: the app puts the
				// remembered one in once it runs.
				t.Fatalf("%s: got place %q, want 430000 (chosen on the home page)", c.path, eval[string](t, ctx, `document.getElementById('place').value`))
			}
			for _, f := range c.fields {
				if !eval[bool](t, ctx, `!!document.getElementById(`+jsString(f.id)+`)`) {
					continue // a field this place's rules do not ask for
				}
				tabTo(t, ctx, f.id)
				if f.choose != "" {
					chooseByKeys(t, ctx, f.id, f.choose)
				} else {
					keys(t, ctx, f.keys)
				}
			}
			waitJS(t, ctx, `!!document.getElementById(`+jsString(c.result)+`)`, c.path+" #"+c.result+" after typing")
			// On into the result: its explanation's summary takes the
			// focus, and Enter opens it.
			tabUntil(t, ctx, `document.activeElement.tagName === 'SUMMARY' && !!document.activeElement.closest('#result')`, "the result's explanation")
			keys(t, ctx, kb.Enter)
			waitJS(t, ctx, `document.activeElement.closest('details').open`, "Enter to open the explanation")
		})
	}
}

// maxTabs bounds how many Tab presses a field may take to reach.
const maxTabs = 80

// tabTo presses Tab until the element with id has the focus.
func tabTo(t *testing.T, ctx contextT, id string) {
	t.Helper()
	tabUntil(t, ctx, `document.activeElement && document.activeElement.id === `+jsString(id), "#"+id)
}

// tabUntil presses Tab until cond holds, failing after maxTabs presses
// with where the focus went.
func tabUntil(t *testing.T, ctx contextT, cond, what string) {
	t.Helper()
	var path []string
	for range maxTabs {
		if eval[bool](t, ctx, cond) {
			return
		}
		keys(t, ctx, kb.Tab)
		path = append(path, eval[string](t, ctx, `(e => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : 'none')(document.activeElement)`))
	}
	t.Fatalf("Tab %d times: never reached %s; the focus went %s", maxTabs, what, strings.Join(path, " → "))
}

// keys sends key presses to whatever has the focus.
func keys(t *testing.T, ctx contextT, k string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
		t.Fatalf("pressing %q: %v", k, err)
	}
}

// chooseByKeys moves a focused, closed select to value with the arrow
// keys, as a keyboard user does.
func chooseByKeys(t *testing.T, ctx contextT, id, value string) {
	t.Helper()
	sel := `document.getElementById(` + jsString(id) + `)`
	want := eval[int](t, ctx, `[...`+sel+`.options].findIndex(o => o.value === `+jsString(value)+`)`)
	if want < 0 {
		t.Fatalf("#%s: no option %q", id, value)
	}
	for range 100 {
		at := eval[int](t, ctx, sel+`.selectedIndex`)
		switch {
		case at == want:
			return
		case at < want:
			keys(t, ctx, kb.ArrowDown)
		default:
			keys(t, ctx, kb.ArrowUp)
		}
	}
	t.Fatalf("#%s: the arrow keys never reached %q (at %q)", id, value, eval[string](t, ctx, sel+`.value`))
}
