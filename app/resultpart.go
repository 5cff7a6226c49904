package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// resultPart is a page's result box as a component of its own, so that a
// keystroke which changes only the answer redraws the box and not the
// whole page: go-app renders and diffs the entire tree of each component
// it updates, and a page's tree is mostly its rule picker.
//
// Draw is a func, and go-app never finds two funcs equal, so every render
// of the page redraws its result too; redrawResult redraws the result
// alone.
type resultPart struct {
	app.Compo
	Draw func() app.UI

	page *formPage
	ctx  app.Context // the part's own, to update it alone
}

// OnMount makes the part the one its page redraws.
func (r *resultPart) OnMount(ctx app.Context) {
	r.ctx = ctx
	r.page.part = r
}

// OnDismount forgets the part.
func (r *resultPart) OnDismount() {
	if r.page.part == r {
		r.page.part = nil
	}
}

// Render draws the result as the page would.
func (r *resultPart) Render() app.UI { return r.Draw() }

// redrawResult updates the result box alone after an event on the page,
// and reports whether it could (false before the box is mounted).
//
// go-app flags the component an event came from and all its ancestors
// for an update, and an update of the part flags its ancestors too. So
// the page takes its flag back now (PreventUpdate), and again once the
// part's update is queued, leaving only the part to render.
func (p *formPage) redrawResult(ctx app.Context) bool {
	r := p.part
	if r == nil || !app.IsClient {
		return false
	}
	ctx.PreventUpdate()
	r.ctx.Dispatch(func(app.Context) { ctx.PreventUpdate() })
	return true
}
