package app

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The home page's structure, matched node by node with app.Match: the
// frame, then the title, the question and the first answer's link.
func TestHomeStructure(t *testing.T) {
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
		{"frame", el("div").Class("app").Lang("zh-CN"), []int{0}},
		{"header", &chrome{Lang: Zh, Active: "/"}, []int{0, 0}},
		{"main", el("main").ID("main").Class("page").TabIndex(-1), []int{0, 1}},
		{"title", el("h1").ID("home-title"), []int{0, 1, 0}},
		{"title text", app.Text("社保缴费基数自助测算"), []int{0, 1, 0, 0}},
		{"where", el("section").ID("where").Class("where"), []int{0, 1, 1}},
		{"where question", app.Text("您在哪里缴纳社保？"), []int{0, 1, 1, 0, 0}},
		{"question", app.Text("您是哪一类?"), []int{0, 1, 2, 0}},
		{"choices", el("ul").ID("who").Class("who"), []int{0, 1, 3}},
		{"first choice", el("a").ID("go-flexible").Attr("href", "/flexible"), []int{0, 1, 3, 0, 0}},
		{"privacy", el("footer").Class("footer"), []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := app.Match(tt.expected, h, tt.path...); err != nil {
				t.Errorf("got mismatch %v, want %T at %v", err, tt.expected, tt.path)
			}
		})
	}
}
