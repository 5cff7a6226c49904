package app

import (
	"regexp"
	"sort"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestSelectors holds elem, elemText, btn and btnText to the chains of
// go-app calls they stand for: the same HTML.
func TestSelectors(t *testing.T) {
	tests := []struct {
		name      string
		got, want app.UI
	}{
		{"tag alone", elem("p"), el("p")},
		{"id", elem("form#form"), el("form").ID("form")},
		{"classes", elem("div.field.wide"), el("div").Class("field").Class("wide")},
		{"id then class", elemText("p#choice-hint.hint", "你可以自选"), el("p").ID("choice-hint").Class("hint").Text("你可以自选")},
		{"class then id", elemText("p.hint#choice-hint", "x"), el("p").Class("hint").ID("choice-hint").Text("x")},
		{"children", elem("ul#list", elemText("li", "a"), elemText("li", "b")), el("ul").ID("list").Body(el("li").Text("a"), el("li").Text("b"))},
		{"button", btnText("#go.primary", "计算"), button().ID("go").Class("primary").Text("计算")},
		{"button with children", btn(".icon", elemText("span", "×")), button().Class("icon").Body(el("span").Text("×"))},
		{"chained after", elemText("label", "日期").Attr("for", "date"), el("label").Attr("for", "date").Text("日期")},
	}
	for _, tt := range tests {
		got, want := sortedAttrs(app.HTMLString(tt.got)), sortedAttrs(app.HTMLString(tt.want))
		if got != want {
			t.Errorf("%s: got %s, want %s", tt.name, got, want)
		}
	}
}

// sortedAttrs writes each tag's attributes in order of name: go-app
// writes them in a map's order.
func sortedAttrs(html string) string {
	return openTag.ReplaceAllStringFunc(html, func(tag string) string {
		m := openTag.FindStringSubmatch(tag)
		attrs := attr.FindAllString(m[2], -1)
		sort.Strings(attrs)
		out := "<" + m[1]
		for _, a := range attrs {
			out += " " + a
		}
		return out + ">"
	})
}

var (
	openTag = regexp.MustCompile(`<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>`)
	attr    = regexp.MustCompile(`[a-z-]+="[^"]*"`)
)
