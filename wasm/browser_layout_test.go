//go:build !wasm

package main

import (
	"fmt"
	"os"
	"testing"
)

// TestBrowserScreenshots renders every page at 360×740 and 1280×800, plus
// the states with the widest content (a flexible result with its chart,
// an imported roster, the kiosk board), writes a full-page screenshot of
// each to test-output/screenshots/ for review, and asserts that nothing
// scrolls sideways: scrollWidth <= clientWidth for the document and for
// the body.
func TestBrowserScreenshots(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	type shot struct {
		name, path string
		use        func(*testing.T, contextT)
	}
	shots := []shot{{"home", "/", nil}}
	for _, p := range pagesByRoute {
		shots = append(shots, shot{p.name, p.path, nil})
	}
	shots = append(shots,
		shot{"flexible-result", "/flexible", useFlexibleResult},
		shot{"employer-roster", "/employer", func(t *testing.T, ctx contextT) { useEmployerFile(t, ctx, "../testdata/payroll/gbk.csv") }},
		shot{"kiosk-board", "/?kiosk=1&place=210100", func(t *testing.T, ctx contextT) { waitText(t, ctx, "board-floor", "1677.20") }},
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
					path := screenshot(t, ctx, fmt.Sprintf("%s-%dx%d", s.name, size.w, size.h))
					if fi, err := os.Stat(path); err != nil || fi.Size() < 1000 {
						t.Errorf("screenshot %s: got %v, want a PNG", path, err)
					}
				})
			}
		})
	}
}

// useFlexibleResult shows a flexible worker's result with its chart.
func useFlexibleResult(t *testing.T, ctx contextT) {
	t.Helper()
	pickRules(t, ctx, "2007-03", "liaoning-2006", "1949.33")
	waitText(t, ctx, "result-base", "1949.33")
	eval[bool](t, ctx, `(document.getElementById('result-explain').open = true, true)`)
}

// widest names the elements wider than the viewport, for the failure
// message.
func widest(t *testing.T, ctx contextT, width int) string {
	return eval[string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > %d)
		.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ')`, width))
}
