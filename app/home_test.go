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
		{"rule sets", app.Section().ID("rule-sets"), []int{0, 3, 0}},
		{"first rule set is the national template", app.Li().ID("rule-set-national-2019"), []int{0, 3, 0, 1, 0}},
		{"its place", app.Text("全国模板"), []int{0, 3, 0, 1, 0, 0, 0}},
		{"its document and months", app.Text(" 国办发〔2019〕13号 · 2019-05 起 · 正式文件"), []int{0, 3, 0, 1, 0, 1}},
		{"Liaoning second", app.Li().ID("rule-set-liaoning-2006"), []int{0, 3, 0, 1, 1}},
		{"Liaoning's document", app.Text(" 辽社险函〔2006〕89号 · 2006-01 至 2010-12 · 正式文件"), []int{0, 3, 0, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := app.Match(tt.expected, h, tt.path...); err != nil {
				t.Errorf("got mismatch %v, want %T at %v", err, tt.expected, tt.path)
			}
		})
	}
}
