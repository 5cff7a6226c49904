//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lighthousePath is Lighthouse's command, installed from the npm registry
// at the version tools/lighthouse/package.json pins (make bench runs npm
// ci there).
const lighthousePath = "../tools/lighthouse/node_modules/.bin/lighthouse"

// lighthouseRuns is how many times each page is audited; the report takes
// the median, as single runs vary by ten points on this machine.
const lighthouseRuns = 3

// TestBrowserLighthouse audits, for `make bench`, sibase's pages and the
// bare go-app floor with Lighthouse's mobile preset (simulated slow 4G,
// 4× CPU slowdown) in one session, one page after another, and prints
// the median of three runs of each: the performance score, total
// blocking time, time to interactive, first and largest contentful paint,
// and the accessibility score. sibase is served by its own handler, as
// `make run` serves it; the floor as go-app serves it. Scores vary from
// run to run, so this reports and does not assert; it runs only with
// SIBASE_BENCH=1.
func TestBrowserLighthouse(t *testing.T) {
	if os.Getenv("SIBASE_BENCH") != "1" {
		t.Skip("a benchmark: run by make bench (SIBASE_BENCH=1)")
	}
	if _, err := os.Stat(lighthousePath); err != nil {
		t.Fatalf("Lighthouse not installed (%v): npm ci --prefix tools/lighthouse", err)
	}
	chrome := chromiumPath(t)
	dir, _ := webDirs(t)
	sib := startApp(t, dir, nil)
	floorURL := startFloor(t)
	pages := []struct{ name, url string }{
		{"floor /", floorURL + "/"},
		{"sibase /", sib.URL + "/"},
		{"sibase /flexible", sib.URL + "/flexible"},
		{"sibase /employer", sib.URL + "/employer"},
		{"sibase /place/430000", sib.URL + "/place/430000"},
	}
	out := t.TempDir()
	var b strings.Builder
	b.WriteString("\n| page | performance | total blocking time (ms) | time to interactive (ms) | first contentful paint (ms) | largest contentful paint (ms) | accessibility |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, p := range pages {
		var runs []lighthouseRun
		for i := range lighthouseRuns {
			file := filepath.Join(out, fmt.Sprintf("%s-%d.json", strings.NewReplacer(" ", "", "/", "_").Replace(p.name), i))
			cmd := exec.Command(lighthousePath, p.url, "--quiet",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync",
				"--output=json", "--output-path="+file, "--only-categories=performance,accessibility,best-practices,seo")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("lighthouse %s: %v\n%s", p.url, err, msg)
			}
			run, err := readLighthouse(file)
			if err != nil {
				t.Fatalf("lighthouse %s: %v", p.url, err)
			}
			runs = append(runs, run)
		}
		m := func(f func(lighthouseRun) float64) string {
			v := make([]float64, len(runs))
			for i, r := range runs {
				v[i] = f(r)
			}
			slices.Sort(v)
			return fmt.Sprintf("%.0f (%.0f–%.0f)", v[len(v)/2], v[0], v[len(v)-1])
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", p.name,
			m(func(r lighthouseRun) float64 { return r.Performance * 100 }),
			m(func(r lighthouseRun) float64 { return r.TBT }),
			m(func(r lighthouseRun) float64 { return r.TTI }),
			m(func(r lighthouseRun) float64 { return r.FCP }),
			m(func(r lighthouseRun) float64 { return r.LCP }),
			m(func(r lighthouseRun) float64 { return r.Accessibility * 100 }))
	}
	fmt.Print(b.String())
}

// lighthouseRun is what the report reads from one Lighthouse result.
type lighthouseRun struct {
	Performance, Accessibility float64
	TBT, TTI, FCP, LCP         float64
}

// readLighthouse reads a Lighthouse JSON result.
func readLighthouse(file string) (lighthouseRun, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return lighthouseRun{}, err
	}
	var res struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		return lighthouseRun{}, err
	}
	if res.RuntimeError != nil {
		return lighthouseRun{}, fmt.Errorf("%s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
	}
	score := func(c string) float64 {
		if s := res.Categories[c].Score; s != nil {
			return *s
		}
		return -1
	}
	return lighthouseRun{
		Performance: score("performance"), Accessibility: score("accessibility"),
		TBT: res.Audits["total-blocking-time"].NumericValue, TTI: res.Audits["interactive"].NumericValue,
		FCP: res.Audits["first-contentful-paint"].NumericValue, LCP: res.Audits["largest-contentful-paint"].NumericValue,
	}, nil
}
