//go:build !wasm

package main

import (
	"fmt"
	"os"
	"testing"
)

// TestBrowserScreenshots renders every page at 360×740 and 1280×800, in
// its main states — results, errors, an imported roster, place pages,
// the place index, the kiosk board — and for each: writes a full-page
// screenshot to test-output/screenshots/ for review, asserts that nothing
// scrolls sideways (scrollWidth <= clientWidth for the document and the
// body), and runs axe-core (tools/axe, pinned) on the page: no violation
// of serious or critical impact.
func TestBrowserScreenshots(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	axe := axeSource(t)
	type shot struct {
		name, path string
		use        func(*testing.T, contextT)
	}
	shots := []shot{{"home", "/", nil}}
	for _, p := range pagesByRoute {
		shots = append(shots, shot{p.name, p.path, nil})
	}
	gzFloor, _ := placeFigures(t, "440100")
	shots = append(shots,
		shot{"home-place", "/", func(t *testing.T, ctx contextT) {
			setField(t, ctx, "home-province", "440000")
			waitJS(t, ctx, `!!document.getElementById('home-city')`, "the city choice after 广东")
			setField(t, ctx, "home-city", "440100")
			waitText(t, ctx, "home-floor", gzFloor)
		}},
		shot{"flexible-result", "/flexible", useFlexibleResult},
		shot{"flexible-error", "/flexible", func(t *testing.T, ctx contextT) {
			pickPlace(t, ctx, "2007-03", "210000", "", "1949.33")
			typeInto(t, ctx, "ratio", "0.6")
			waitText(t, ctx, "ratio-error", "1364.54")
		}},
		shot{"employee-error", "/employee", func(t *testing.T, ctx contextT) {
			typeInto(t, ctx, "wage", "abc")
			waitJS(t, ctx, `!!document.getElementById('wage-error')`, "#wage-error for abc")
		}},
		shot{"employer-rows", "/employer", useEmployerRows},
		shot{"employer-roster", "/employer", func(t *testing.T, ctx contextT) { useEmployerFile(t, ctx, "../testdata/payroll/gbk.csv") }},
		shot{"institution-result", "/institution", useInstitution},
		shot{"settlement-result", "/settlement", useSettlement},
		shot{"place-430000", "/place/430000", func(t *testing.T, ctx contextT) {
			waitJS(t, ctx, `!!document.getElementById('place-floor')`, "#place-floor")
		}},
		shot{"place-440100", "/place/440100", func(t *testing.T, ctx contextT) { waitText(t, ctx, "place-floor", gzFloor) }},
		shot{"place-440000", "/place/440000", func(t *testing.T, ctx contextT) {
			waitJS(t, ctx, `!!document.getElementById('place-zones')`, "#place-zones")
		}},
		shot{"policy-search", "/policy", func(t *testing.T, ctx contextT) {
			typeInto(t, ctx, "find", "hn")
			waitJS(t, ctx, `document.querySelectorAll('#places li').length === 3`, "hn to leave 河南, 湖南, 海南")
		}},
		shot{"kiosk-board", "/?kiosk=1&place=210100", func(t *testing.T, ctx contextT) { checkBoard(t, ctx) }},
		shot{"kiosk-board-zone", "/?kiosk=1&place=440100", func(t *testing.T, ctx contextT) { waitText(t, ctx, "board-floor", gzFloor) }},
	)
	for _, size := range []struct{ w, h int }{{phoneW, phoneH}, {desktopW, desktopH}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			ctx := newBrowser(t, size.w, size.h)
			for _, s := range shots {
				t.Run(s.name, func(t *testing.T) {
					open(t, ctx, srv.URL+s.path)
					if s.use != nil {
						s.use(t, ctx)
					}
					// Fonts and layout settle before the measure.
					eval[bool](t, ctx, `document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r(true))))`)
					if got := eval[int](t, ctx, `window.innerWidth`); got != size.w {
						t.Fatalf("viewport width: got %d, want %d", got, size.w)
					}
					m := eval[map[string]int](t, ctx, `({docScroll: document.documentElement.scrollWidth, docClient: document.documentElement.clientWidth,
						bodyScroll: document.body.scrollWidth, bodyClient: document.body.clientWidth})`)
					if m["docScroll"] > m["docClient"] {
						t.Errorf("%s at %dpx: document scrollWidth %d > clientWidth %d, want no horizontal scrolling (widest: %s)",
							s.path, size.w, m["docScroll"], m["docClient"], widest(t, ctx, m["docClient"]))
					}
					if m["bodyScroll"] > m["bodyClient"] {
						t.Errorf("%s at %dpx: body scrollWidth %d > clientWidth %d, want no horizontal scrolling",
							s.path, size.w, m["bodyScroll"], m["bodyClient"])
					}
					for _, v := range axeViolations(t, ctx, axe) {
						t.Errorf("%s at %dpx: axe-core %s", s.path, size.w, v)
					}
					path := screenshot(t, ctx, fmt.Sprintf("%s-%dx%d", s.name, size.w, size.h))
					if fi, err := os.Stat(path); err != nil || fi.Size() < 1000 {
						t.Errorf("screenshot %s: got %v, want a PNG", path, err)
					}
				})
			}
		})
	}
}

// axePath is axe-core's browser build, installed from the npm registry at
// the version tools/axe/package.json pins (make test runs npm ci there).
const axePath = "../tools/axe/node_modules/axe-core/axe.min.js"

// axeSource reads axe-core; without it the test fails under CI=true and
// is skipped elsewhere, naming the install command.
func axeSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(axePath)
	if err != nil {
		msg := "axe-core not installed (" + err.Error() + "); install: npm ci --prefix tools/axe"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(data)
}

// axeViolations runs axe-core on the page as it is and describes each
// violation of serious or critical impact with the elements it names.
// The page's Content-Security-Policy does not apply to scripts the test
// evaluates over the DevTools protocol.
func axeViolations(t *testing.T, ctx contextT, axe string) []string {
	t.Helper()
	if !eval[bool](t, ctx, `typeof window.axe === 'object'`) {
		eval[bool](t, ctx, axe+"\n;true")
	}
	return eval[[]string](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 4).map(n => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\s+/g, ' ') + ')' : '')).join('; ')))`)
}

// useFlexibleResult shows a flexible worker's result with its chart.
func useFlexibleResult(t *testing.T, ctx contextT) {
	t.Helper()
	pickPlace(t, ctx, "2007-03", "210000", "", "1949.33")
	waitText(t, ctx, "result-base", "1949.33")
	eval[bool](t, ctx, `(document.getElementById('result-explain').open = true, true)`)
}

// widest names the elements wider than the viewport, for the failure
// message.
func widest(t *testing.T, ctx contextT, width int) string {
	return eval[string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > %d)
		.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ')`, width))
}
