package app

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// The stylesheet's colours, as text on their backgrounds, pass WCAG AA:
// a contrast ratio of at least 4.5:1.
func TestColoursPassWCAGAA(t *testing.T) {
	css, err := os.ReadFile("../web/sibase.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"white": "#ffffff"}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	pairs := []struct{ text, background string }{
		{"ink", "paper"}, {"muted", "paper"}, {"muted", "card"}, {"brand-dark", "card"},
		{"white", "brand"}, {"error", "card"}, {"ink", "warn-bg"}, {"brand-dark", "paper"},
	}
	for _, p := range pairs {
		fg, bg := vars[p.text], vars[p.background]
		if fg == "" || bg == "" {
			t.Fatalf("colour --%s or --%s not found in sibase.css", p.text, p.background)
		}
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("%s (%s) on %s (%s): got contrast %.2f:1, want at least 4.5:1", p.text, fg, p.background, bg, r)
		}
	}
}

// contrast is WCAG 2's contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
