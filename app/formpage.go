package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
	"sibase/calc/estimate"
)

// formPage is what every calculator page shares: the language, the fields
// as typed, and the answer calc gave for them. A page embeds it, gives it
// the function that turns its fields into an estimate request, and renders
// the answer. It never computes: estimate.Run does, as for the command line.
type formPage struct {
	lang     Lang
	kiosk    bool
	defaults form
	form     form
	build    func(form) (*estimate.Request, *calc.Error)
	fields   map[string]string // calc error field → form field, beyond the rule fields
	// mapField, when set, maps error fields the table cannot list (rows).
	mapField func(string) string
	// resultOnly are the fields whose typing changes only the result box
	// while the answer stays valid (typed redraws the box alone).
	resultOnly map[string]bool

	resp *estimate.Response
	err  *calc.Error

	errShown bool   // set while rendering once the error is shown beside its field
	shareURL string // the page's URL with the form in its fragment
	shareGen int    // counts share calls: only the last one writes the address bar

	// titleKey names the page (its translation key) in the document's
	// title; fallback are fields the page starts with when no place is
	// known (a notice's own example), nil for none.
	titleKey string
	fallback form
	// onFallback: the form's place is the fallback's, not one chosen, so
	// a place known later (remembered, or a link's) replaces it.
	onFallback bool
	// supports reports whether a place's bundled rules answer this page
	// (nil: every place's do). A known place they do not is named in
	// unsupported, and the page opens on its fallback example instead.
	supports    func(form) bool
	unsupported string

	part *resultPart // the mounted result box, nil before it mounts
}

// named sets the page's title key and its fallback example, and opens
// the page on the example when the fields given name no place (what the
// server pre-renders without a link's place).
func (p *formPage) named(titleKey string, fallback form) {
	p.titleKey, p.fallback = titleKey, fallback
	if p.form["place"] == "" && fallback != nil {
		p.openOn("")
		p.onFallback = true
		p.recompute()
	}
}

// newFormPage starts a page with its default fields, overridden by the
// given ones (tests; nil in the app), and computes its first answer, so
// the server's pre-rendered page already shows one.
func newFormPage(defaults, given form, build func(form) (*estimate.Request, *calc.Error), fields map[string]string) formPage {
	p := formPage{lang: Zh, defaults: defaults.clone(), form: defaults.clone(), build: build, fields: fields}
	for k, v := range given {
		p.form[k] = v
	}
	legacySet(p.form)
	p.recompute()
	return p
}

// mount follows the session's language and restores a shared form from
// the URL fragment, if there is one.
func (p *formPage) mount(ctx app.Context) {
	p.lang = currentLang(ctx)
	p.kiosk = isKiosk(ctx)
	ctx.ObserveState(stateLang, &p.lang)
	p.restore(ctx)
}

// restore replaces the form by the one a share link carries in the URL
// fragment (the defaults plus the link's fields), then recomputes. A
// fragment that is not a form — "#main" from the skip link — leaves the
// form as it is. It runs on mount and whenever the fragment changes.
//
// A form without a place opens on the place a link names (?place=), else
// the person's remembered place, else the page's fallback example.
func (p *formPage) restore(ctx app.Context) {
	if u := ctx.Page().URL(); u != nil && u.Fragment != "" {
		if f, ok := parseFragment(u.Fragment); ok && p.isForm(f) {
			p.form = p.defaults.clone()
			for k, v := range f {
				p.form[k] = v
			}
			legacySet(p.form)
		}
	}
	if p.form["place"] == "" || p.onFallback {
		code := queryPlace(ctx)
		if code == "" {
			code = currentPlace(ctx)
		}
		if code != "" && p.onFallback {
			p.form = p.defaults.clone()
			p.onFallback = false
		}
		if code != "" || p.form["place"] == "" {
			p.openOn(code)
		}
	}
	p.recompute()
	p.describe(ctx)
	p.share(ctx)
	p.syncDOM(ctx) // the inputs are written only here (see textInput)
}

// openOn sets the form's place (or the fallback example when there is
// none, or when the place's rules do not answer the page); "custom" opens
// on the person's own figures.
func (p *formPage) openOn(code string) {
	p.unsupported = ""
	if code != "" && code != customPlace && p.supports != nil && p.fallback != nil {
		f := p.form.clone()
		f["place"], f["city"] = splitPlace(code)
		if !p.supports(f) {
			p.unsupported = code
			code = ""
			p.onFallback = true
		}
	}
	switch {
	case code == customPlace:
		p.form["place"] = customPlace
	case code != "":
		p.form["place"], p.form["city"] = splitPlace(code)
	default:
		for k, v := range p.fallback {
			p.form[k] = v
		}
	}
}

// prerender opens the page, on the server, on the place a link names, so
// that the HTML itself answers with its numbers.
func (p *formPage) prerender(ctx app.Context) {
	if code := queryPlace(ctx); code != "" && (p.form["place"] == "" || p.onFallback) {
		p.form = p.defaults.clone()
		p.onFallback = false
		p.openOn(code)
		p.recompute()
	}
	p.describe(ctx)
}

// describe names the page after its calculator and place: a bookmark or a
// shared link says what it is.
func (p *formPage) describe(ctx app.Context) {
	if ctx.Page() == nil || p.titleKey == "" {
		return
	}
	title := tr(p.lang, p.titleKey)
	if reg := region(p.form); reg != "" {
		title += " · " + placeName(p.lang, reg)
	}
	ctx.Page().SetTitle(title + " · sibase")
	if p.resp != nil && p.resp.Floor != "" {
		ctx.Page().SetDescription(title + "：" + tr(p.lang, "pol.floor") + " " + p.resp.Floor + "，" + tr(p.lang, "pol.cap") + " " + p.resp.Cap)
	}
}

// isForm reports whether a decoded fragment holds this page's fields.
func (p *formPage) isForm(f form) bool {
	for k, v := range f {
		if _, known := p.defaults[k]; known || v != "" {
			return true
		}
	}
	return false
}

// syncDOM writes the form into the page's inputs after the fields were
// changed by the program rather than typed (a cleared ratio, rows moved
// up, a restored link): go-app does not clear an input whose value
// becomes empty. The input being typed in is left alone.
func (p *formPage) syncDOM(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(ctx app.Context) {
		doc := app.Window().Get("document")
		f := doc.Call("getElementById", "form")
		if !f.Truthy() {
			return
		}
		active := doc.Get("activeElement")
		els := f.Get("elements")
		for i := 0; i < els.Length(); i++ {
			el := els.Index(i)
			id := el.Get("id").String()
			kind := el.Get("type").String()
			if id == "" || kind == "range" || kind == "checkbox" || kind == "button" || el.Equal(active) {
				continue
			}
			if v, ok := p.form[id]; ok && el.Get("value").String() != v {
				el.Set("value", v)
			}
		}
	})
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

// set changes one field, recomputes and updates the share link. A place
// chosen is remembered as the person's.
func (p *formPage) set(ctx app.Context, name, value string) {
	p.form[name] = value
	p.onFallback = false
	if name == "place" {
		delete(p.form, "city") // another province's city cannot stay
	}
	if (name == "place" || name == "city") && region(p.form) != "" {
		setPlace(ctx, region(p.form))
	}
	p.recompute()
	p.share(ctx)
	if structural[name] {
		p.syncDOM(ctx) // a field the change brought onto the page shows its value
	}
}

// structural fields decide which other fields the page shows; after they
// change, syncDOM fills the fields that appeared.
var structural = map[string]bool{"place": true, "city": true, "date": true, "source": true, "kind": true, "rows": true, "instWage": true}

// onInput is the handler for a field: every keystroke recomputes.
func (p *formPage) onInput(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.typed(ctx, name, fieldValue(ctx))
	}
}

// typed sets a field as typed and redraws what the change needs: the
// result alone while the answer stays an answer and the field is one
// whose value nothing else on the page shows (resultOnly), else the page.
// It reports whether the result alone was redrawn.
func (p *formPage) typed(ctx app.Context, name, value string) bool {
	answered := p.err == nil && p.resp != nil
	p.set(ctx, name, value)
	return answered && p.err == nil && p.resp != nil && p.resultOnly[name] && p.redrawResult(ctx)
}

// share writes the form into the URL fragment (never in kiosk mode, which
// keeps nothing).
//
// The share link follows every keystroke; the address bar follows once
// typing pauses (shareDelay): the browser's history.replaceState costs a
// few milliseconds each time, which on a slow phone is most of a frame.
func (p *formPage) share(ctx app.Context) {
	if p.kiosk || ctx.Page() == nil || ctx.Page().URL() == nil {
		return
	}
	u := *ctx.Page().URL()
	u.Fragment = p.form.fragment()
	p.shareURL = u.String()
	if !app.IsClient {
		// The server has no address bar, and it waits for every timer
		// before it sends the page: 300 ms on every calculator page.
		return
	}
	p.shareGen++
	gen := p.shareGen
	ctx.After(shareDelay, func(ctx app.Context) {
		// Not after the person has moved to another page meanwhile.
		if cur := ctx.Page().URL(); gen == p.shareGen && cur != nil && cur.Path == u.Path {
			ctx.Page().ReplaceURL(&u)
		}
	})
}

// shareDelay is how long typing must pause before the address bar takes
// the form.
const shareDelay = 300 * time.Millisecond

// ruleFields maps calc's error fields for the rules to the picker's fields.
var ruleFields = map[string]string{
	"date": "date", "region": "place", "rule_set": "place",
	"rule.average": "avg", "rule.floor": "floor", "rule.cap": "cap",
	"rule.floor_ratio": "floorRatio", "rule.cap_ratio": "capRatio",
	"rule.rounding": "rounding", "rule.places": "places",
	"rule.flexible_min_ratio": "fmin", "rule.flexible_max_ratio": "fmax",
	"rule.unit_method": "unitMethod",
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
