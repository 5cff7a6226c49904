package app

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestHomeRendersPlaceholder(t *testing.T) {
	h := newHome()
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatalf("Load: got error %v, want nil", err)
	}
	e.ConsumeAll()

	tests := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"root", app.Main().ID("home").Class("page"), []int{0}},
		{"title", app.H1().ID("home-title"), []int{0, 0}},
		{"title text", app.Text("社保缴费基数自助测算 (sibase)"), []int{0, 0, 0}},
		{"status", app.P().ID("home-status"), []int{0, 1}},
		{"privacy", app.P().ID("home-privacy").Class("note"), []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := app.Match(tt.expected, h, tt.path...); err != nil {
				t.Errorf("got mismatch %v, want %T at %v", err, tt.expected, tt.path)
			}
		})
	}
}
