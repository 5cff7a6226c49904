package app

import (
	"strconv"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateCheckEvery is how often an open page (a kiosk) asks whether a new
// version — new rule data — has been served, unless the server says
// otherwise (-update-check).
const updateCheckEvery = 30 * time.Minute

// chrome is the frame around every page: a skip link, the title, the
// navigation, the language switch and, when a new version has been
// served, the offer to reload. Lang and Active are set by the page.
type chrome struct {
	app.Compo
	Lang   Lang
	Active string

	updateAvailable bool
	mounted         bool
	place           string
}

func newChrome(l Lang, active string) *chrome { return &chrome{Lang: l, Active: active} }

// OnMount asks the service worker to look for a new version now and
// every updateCheckEvery, and sets the document's language.
func (c *chrome) OnMount(ctx app.Context) {
	c.mounted = true
	c.place = currentPlace(ctx)
	ctx.ObserveState(statePlace, &c.place)
	c.updateAvailable = ctx.AppUpdateAvailable()
	c.checkForUpdate(ctx)
	c.applyLang()
	if k := kioskSettings(ctx); k.On {
		if app.IsClient {
			app.Window().Get("document").Get("documentElement").Get("classList").Call("add", "kiosk")
		}
		listenForInput()
		c.watchIdle(ctx, k.Idle)
	}
}

// OnDismount stops the idle watch of this page's frame.
func (c *chrome) OnDismount() { c.mounted = false }

// watchIdle ends the kiosk session after idle without input, checking
// every second while this frame is on screen.
func (c *chrome) watchIdle(ctx app.Context, idle time.Duration) {
	ctx.After(time.Second, func(ctx app.Context) {
		if !c.mounted {
			return
		}
		var board bool
		ctx.GetState(stateBoard, &board)
		if !board && idleFor() > idle {
			endKioskSession(ctx)
			return
		}
		c.watchIdle(ctx, idle)
	})
}

// OnUpdate follows a language switch.
func (c *chrome) OnUpdate(ctx app.Context) { c.applyLang() }

// applyLang sets <html lang> and the document title to the language, so
// screen readers and the tab read them right.
func (c *chrome) applyLang() {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	doc.Get("documentElement").Set("lang", map[Lang]string{Zh: "zh-CN", En: "en"}[c.Lang])
	doc.Set("title", tr(c.Lang, "app.title"))
}

// updateChecks starts once per session: a look at start-up, then every
// updateCheckEvery. (Pages mount on every navigation; checking then would
// send a request to the server each time a person changes page.)
var updateChecks sync.Once

func (c *chrome) checkForUpdate(ctx app.Context) {
	if !app.IsClient {
		return
	}
	every := updateCheckEvery
	if s, err := strconv.Atoi(app.Getenv("SIBASE_UPDATE_CHECK")); err == nil && s > 0 {
		every = time.Duration(s) * time.Second // the server's -update-check
	}
	updateChecks.Do(func() {
		go func() {
			for {
				app.TryUpdate()
				time.Sleep(every)
			}
		}()
	})
}

// OnAppUpdate is called by go-app when a new version has been installed.
func (c *chrome) OnAppUpdate(ctx app.Context) {
	c.updateAvailable = ctx.AppUpdateAvailable()
}

func (c *chrome) switchLang(ctx app.Context, e app.Event) {
	next := En
	if c.Lang == En {
		next = Zh
	}
	setLang(ctx, next)
}

func (c *chrome) reload(ctx app.Context, e app.Event) { ctx.Reload() }

// Render draws the frame's header.
func (c *chrome) Render() app.UI {
	l := c.Lang
	return elem("header.chrome",
		link("a.skip", tr(l, "app.skip"), "#main"),
		elem("div.bar",
			link("a#home-link.brand", tr(l, "app.title"), "/"),
			btnText("#lang-switch.lang", tr(l, "app.lang.switch")).Title(tr(l, "app.lang.label")).Lang(map[Lang]string{Zh: "en", En: "zh-CN"}[l]).OnClick(c.switchLang),
		),
		elem("p#chrome-place.place-line",
			app.If(c.place != "", func() app.UI {
				return elem("span",
					app.Text(labelled(l, "app.place")),
					link("a#chrome-place-page", placeName(l, c.place), "/place/"+c.place),
					app.Text(" · "),
					link("a#chrome-place-change", tr(l, "app.place.change"), "/#where"),
				)
			}).Else(func() app.UI {
				return link("a#chrome-place-change", tr(l, "app.place.none"), "/#where")
			}),
		),
		elem("nav",
			elem("ul", app.Range(pageRoutes).Slice(func(i int) app.UI {
				r := pageRoutes[i]
				a := elemText("a", tr(l, r.key)).ID("nav-"+r.name).Attr("href", r.path)
				if r.path == c.Active {
					a = a.Aria("current", "page")
				}
				return elem("li", a)
			})),
		).Aria("label", tr(l, "app.nav")),
		app.If(c.updateAvailable, func() app.UI {
			return elem("div#update.update",
				elemText("span", tr(l, "app.update")),
				btnText("#update-reload", tr(l, "app.update.reload")).OnClick(c.reload),
			).Role("status")
		}),
	)
}

// page lays out a page: the frame, the main content, the privacy note.
func page(l Lang, active string, body ...app.UI) app.UI {
	return elem("div.app",
		newChrome(l, active),
		elem("main#main.page").TabIndex(-1).Body(body...),
		elem("footer.footer", elemText("p#privacy", tr(l, "app.privacy"))),
	).Lang(map[Lang]string{Zh: "zh-CN", En: "en"}[l])
}
