package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// fieldOpts describe one input: its field name (also its id), label key,
// and how it is typed.
type fieldOpts struct {
	name     string
	label    string // translation key, or the label itself when labelRaw
	labelRaw bool
	hint     string // optional text under the label (already translated)
	kind     string // "amount" (default), "ratio", "month", "int"
}

// field renders a labelled input bound to the page's form, with its error
// beside it. Amount and ratio fields ask phones for the decimal keypad.
func (p *formPage) field(o fieldOpts) app.UI {
	label := o.label
	if !o.labelRaw {
		label = tr(p.lang, o.label)
	}
	errText := p.errorFor(o.name)
	kv := []string{"autocomplete", "off", "type", "text", "inputmode", "decimal"}
	switch o.kind {
	case "month":
		kv = []string{"autocomplete", "off", "type", "month", "inputmode", "numeric", "placeholder", "2011-06"}
	case "int":
		kv[5] = "numeric"
	case "text":
		kv = kv[:4]
	}
	input := attrs(p.textInput(o.name), kv...).OnInput(p.onInput(o.name))
	describedBy := ""
	if o.hint != "" {
		describedBy = o.name + "-hint"
	}
	if errText != "" {
		if !p.missing() {
			input = input.Aria("invalid", "true").Class("invalid")
		}
		describedBy += " " + o.name + "-error"
	}
	if describedBy != "" {
		input = input.Aria("describedby", describedBy)
	}
	return elem("div.field",
		labelFor(o.name, label),
		app.If(o.hint != "", func() app.UI { return elemText("p.hint", o.hint).ID(o.name + "-hint") }),
		input,
		app.If(errText != "", func() app.UI { return p.errorLine(o.name, errText) }),
	)
}

// textInput is an input for a form field. Its value is written into the
// HTML only when the page is pre-rendered on the server; in the browser
// the field is the person's alone, and the program writes into it only
// through syncDOM (a restored link, a cleared field) — never by
// re-rendering. Otherwise a re-render that runs between a keystroke and
// Go's handling of its input event would put back the value from before
// the keystroke, and fast typing (or a card reader) would lose characters.
func (p *formPage) textInput(name string) app.HTMLElem {
	in := el("input").ID(name).Attr("name", name)
	if !app.IsClient {
		in = in.Attr("value", p.form[name])
	}
	return in
}

// errorLine is the message under a field: a prompt when the field is
// merely empty, an error otherwise.
func (p *formPage) errorLine(name, text string) app.UI {
	class := "error"
	if p.missing() {
		class = "needed"
	}
	return elemText("p", text).ID(name + "-error").Class(class).Role("alert")
}

// choice is one option of a select.
type choice struct{ value, label string }

// fieldValue is the value of the input or select that fired the event.
// For a select it is the chosen option's value attribute, "" when the
// option has none: go-app writes no attribute for an empty value
// (Attr("value", "") is dropped), and the browser then gives the
// option's text as the select's value — "其他城市（按全省规定）" where
// the choice means "no city".
func fieldValue(ctx app.Context) string {
	src := ctx.JSSrc()
	if src.Get("tagName").String() != "SELECT" {
		return src.Get("value").String()
	}
	i := src.Get("selectedIndex").Int()
	if i < 0 {
		return ""
	}
	v := src.Get("options").Index(i).Call("getAttribute", "value")
	if !v.Truthy() {
		return ""
	}
	return v.String()
}

// selectField renders a labelled select bound to the page's form.
func (p *formPage) selectField(name, labelKey string, choices []choice) app.UI {
	errText := p.errorFor(name)
	return elem("div.field",
		labelFor(name, tr(p.lang, labelKey)),
		elem("select",
			app.Range(choices).Slice(func(i int) app.UI {
				c := choices[i]
				return option(c.value, c.label, p.form[name] == c.value)
			}),
		).ID(name).Attr("name", name).OnChange(p.onInput(name)),
		app.If(errText != "", func() app.UI { return p.errorLine(name, errText) }),
	)
}

// figure renders one result figure: a label and an amount in yuan.
func (p *formPage) figure(id, labelKey, amount string) app.UI {
	return elem("div.figure",
		elemText("span.figure-label", tr(p.lang, labelKey)),
		elemText("span.figure-value", amount).ID(id),
		elemText("span.figure-unit", tr(p.lang, "res.yuan")),
	)
}

// explanation renders the steps folded under the result, each with its
// clause and, where part of a step is not the clause's own words, whose it
// is (sibase's reading or convention, the city's choice) and why.
func (p *formPage) explanation(id string, steps []calc.Step) app.UI {
	l := p.lang
	return elem("details.explain",
		elemText("summary", tr(l, "res.explain")),
		elem("ol", app.Range(steps).Slice(func(i int) app.UI {
			s := steps[i]
			return elem("li",
				elemText("span", pick(l, s.Text, s.TextEN)),
				app.If(s.Ref != "", func() app.UI { return elemText("span.ref", s.Ref) }),
				app.If(s.Basis != "", func() app.UI {
					return elem("span",
						elemText("strong", labelled(l, "basis."+string(s.Basis))),
						app.Text(pick(l, s.Note, s.NoteEN)),
					).Class("basis basis-" + string(s.Basis))
				}),
			)
		})),
	).ID(id)
}

// warnings renders the answer's warnings.
func (p *formPage) warnings(ws []calc.Warning) app.UI {
	if len(ws) == 0 {
		return app.Text("")
	}
	return elem("div#warnings.warnings",
		elemText("strong", tr(p.lang, "res.warnings")),
		elem("ul", app.Range(ws).Slice(func(i int) app.UI {
			return elemText("li", pick(p.lang, ws[i].Message, ws[i].MessageEN)).DataSet("code", ws[i].Code)
		})),
	).Role("note")
}

// ruleSetLine names the rule set behind a result, its period and review
// date, so a printed result carries its citation.
func (p *formPage) ruleSetLine(rs *estimate.RuleSetInfo) app.UI {
	if rs == nil {
		return elemText("p#result-rules.rules-line", tr(p.lang, "res.citation")+": 用户输入")
	}
	period := rs.PeriodFrom
	if rs.PeriodTo != "" {
		period += " – " + rs.PeriodTo
	}
	return elemText("p#result-rules.rules-line",
		labelled(p.lang, "res.citation")+pick(p.lang, rs.Title, rs.TitleEN)+" · "+rs.Citation+" · "+period+
			" · "+tr(p.lang, "status."+rs.Status)+" · "+tr(p.lang, "res.reviewed")+" "+rs.ReviewedThrough)
}

// resultBox wraps a result: when the fields hold an error the result is
// replaced by a notice, so no old figure passes for a current one. It is
// a component of its own (resultPart), which a keystroke can redraw
// alone.
func (p *formPage) resultBox(body func() app.UI) app.UI {
	return &resultPart{Draw: func() app.UI { return p.drawResult(body) }, page: p}
}

// drawResult is the result box's content.
func (p *formPage) drawResult(body func() app.UI) app.UI {
	if p.err != nil || p.resp == nil {
		msg := p.generalError()
		notice := tr(p.lang, "res.stale")
		if p.missing() {
			notice = tr(p.lang, "res.none")
		}
		return elem("section#result.result.stale",
			elemText("p#result-stale", notice),
			app.If(msg != "", func() app.UI { return elemText("p#result-error.error", msg).Role("alert") }),
		).Aria("live", "polite")
	}
	return elem("section#result.result",
		body(),
		elem("div.tools",
			btnText("#print.secondary", tr(p.lang, "res.print")).OnClick(printPage),
			app.If(!p.kiosk && p.shareURL != "", func() app.UI {
				return link("a#share.share", tr(p.lang, "res.share"), p.shareURL)
			}),
		),
	).Aria("live", "polite")
}

// printPage opens the browser's print dialog; the print stylesheet lays
// the result out on A4 with its citations.
func printPage(ctx app.Context, e app.Event) { app.Window().Call("print") }

// contributions renders monthly and yearly contributions where rates are
// known.
func (p *formPage) contributions(c *estimate.Contribution) app.UI {
	if c == nil {
		return app.Text("")
	}
	row := func(key, monthly, yearly string) app.UI {
		return elem("tr", elemText("th", tr(p.lang, key)).Attr("scope", "row"), elemText("td", monthly), elemText("td", yearly))
	}
	return elem("table#result-contributions.contributions",
		elem("thead", elem("tr", elemText("th", ""), elemText("th", tr(p.lang, "res.monthly")).Attr("scope", "col"), elemText("th", tr(p.lang, "res.yearly")).Attr("scope", "col"))),
		elem("tbody",
			app.If(c.Unit != "", func() app.UI { return row("res.unit", c.Unit, c.UnitYearly) }),
			app.If(c.Individual != "", func() app.UI { return row("res.individual", c.Individual, c.IndividualYearly) }),
		),
	)
}

// textTable renders a table of plain text: a header row and body rows.
// Columns listed in num are right-aligned figures. Pages use it for every
// table of text so that each is drawn by this one piece of code.
func textTable(id, class string, head []string, rows [][]string, num ...int) app.UI {
	isNum := make([]bool, len(head))
	for _, c := range num {
		isNum[c] = true
	}
	return elem("table",
		elem("thead", elem("tr", app.Range(head).Slice(func(i int) app.UI {
			return elemText("th", head[i]).Attr("scope", "col")
		}))),
		elem("tbody", app.Range(rows).Slice(func(i int) app.UI {
			row := rows[i]
			return elem("tr", app.Range(row).Slice(func(j int) app.UI {
				td := elemText("td", row[j])
				if j < len(isNum) && isNum[j] {
					td = td.Class("num")
				}
				return td
			}))
		})),
	).ID(id).Class(class)
}

// scrollRegion wraps content that may scroll sideways (a wide table on a
// phone) in a region a keyboard can focus and scroll, named by label.
func scrollRegion(label string, content app.UI) app.UI {
	return elem("div.table-wrap", content).TabIndex(0).Role("region").Aria("label", label)
}

// pair is a term and its description.
type pair struct{ id, term, desc string }

// termList renders a description list of pairs (a pair with an empty
// description is left out).
func termList(id, class string, pairs []pair) app.UI {
	var items []app.UI
	for _, p := range pairs {
		if p.desc == "" {
			continue
		}
		dd := elemText("dd", p.desc)
		if p.id != "" {
			dd = dd.ID(p.id)
		}
		items = append(items, elem("div", elemText("dt", p.term), dd))
	}
	return el("dl").ID(id).Class(class).Body(items...)
}

// group renders a <fieldset> of fields with its <legend>.
func group(id, legend string, body ...app.UI) app.UI {
	return el("fieldset").ID(id).Body(append([]app.UI{elemText("legend", legend)}, body...)...)
}
