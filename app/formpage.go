package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// formPage is what every calculator page shares: the language, the fields
// as typed, and the answer calc gave for them. A page embeds it, gives it
// the function that turns its fields into an estimate request, and renders
// the answer. It never computes: estimate.Run does, as for the command line.
type formPage struct {
	lang   Lang
	kiosk  bool
	form   form
	build  func(form) (*estimate.Request, *calc.Error)
	fields map[string]string // calc error field → form field, beyond the rule fields
	// mapField, when set, maps error fields the table cannot list (rows).
	mapField func(string) string

	resp *estimate.Response
	err  *calc.Error

	errShown bool   // set while rendering once the error is shown beside its field
	shareURL string // the page's URL with the form in its fragment
}

// newFormPage starts a page with its default fields and computes its
// first answer, so the server's pre-rendered page already shows one.
func newFormPage(defaults form, build func(form) (*estimate.Request, *calc.Error), fields map[string]string) formPage {
	p := formPage{lang: Zh, form: defaults.clone(), build: build, fields: fields}
	p.recompute()
	return p
}

// mount follows the session's language and restores a shared form from
// the URL fragment, if there is one.
func (p *formPage) mount(ctx app.Context) {
	p.lang = currentLang(ctx)
	p.kiosk = isKiosk(ctx)
	ctx.ObserveState(stateLang, &p.lang)
	if u := ctx.Page().URL(); u != nil && u.Fragment != "" {
		if f, ok := parseFragment(u.Fragment); ok && len(f) > 0 {
			for k, v := range f {
				p.form[k] = v
			}
		}
	}
	p.recompute()
	p.share(ctx)
}

// recompute asks calc for the answer to the current fields.
func (p *formPage) recompute() {
	req, err := p.build(p.form)
	if err != nil {
		p.resp, p.err = nil, err
		return
	}
	p.resp, p.err = estimate.Run(req)
	if p.err != nil {
		p.resp = nil
	}
}

// set changes one field, recomputes and updates the share link.
func (p *formPage) set(ctx app.Context, name, value string) {
	p.form[name] = value
	p.recompute()
	p.share(ctx)
}

// onInput is the handler for a field: every keystroke recomputes.
func (p *formPage) onInput(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.set(ctx, name, ctx.JSSrc().Get("value").String())
	}
}

// share writes the form into the URL fragment (never in kiosk mode, which
// keeps nothing).
func (p *formPage) share(ctx app.Context) {
	if p.kiosk || ctx.Page() == nil || ctx.Page().URL() == nil {
		return
	}
	u := *ctx.Page().URL()
	u.Fragment = p.form.fragment()
	ctx.Page().ReplaceURL(&u)
	p.shareURL = u.String()
}

// ruleFields maps calc's error fields for the rules to the picker's fields.
var ruleFields = map[string]string{
	"date": "date", "region": "set", "rule_set": "set",
	"rule.average": "avg", "rule.floor": "floor", "rule.cap": "cap",
	"rule.floor_ratio": "floorRatio", "rule.cap_ratio": "capRatio",
	"rule.rounding": "rounding", "rule.places": "places",
	"rule.flexible_min_ratio": "fmin", "rule.flexible_max_ratio": "fmax",
}

// errorFor returns the error message to show beside the named field, if
// the current error belongs to it.
func (p *formPage) errorFor(name string) string {
	if p.err == nil || p.fieldOf(p.err.Field) != name {
		return ""
	}
	p.errShown = true
	return pick(p.lang, p.err.Message, p.err.MessageEN)
}

// missing reports whether the current error only says that a field the
// person has not filled yet is needed: the page then prompts rather than
// marking the field wrong.
func (p *formPage) missing() bool {
	if p.err == nil {
		return false
	}
	name := p.fieldOf(p.err.Field)
	return name != "" && p.form[name] == ""
}

// beginRender starts a render: fields rendered after it claim the error,
// and the result shows it only if none did.
func (p *formPage) beginRender() { p.errShown = false }

// fieldOf maps a calc error field to the page's field name ("" if none).
func (p *formPage) fieldOf(calcField string) string {
	if p.mapField != nil {
		if f := p.mapField(calcField); f != "" {
			return f
		}
	}
	if f, ok := p.fields[calcField]; ok {
		return f
	}
	return ruleFields[calcField]
}

// generalError returns the error message when no field on the page showed
// it (it is then shown with the result). Fields must render before it.
func (p *formPage) generalError() string {
	if p.err == nil || p.errShown {
		return ""
	}
	return pick(p.lang, p.err.Message, p.err.MessageEN)
}
