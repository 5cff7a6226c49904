package app

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"sibase/calc"
)

// Kiosk mode is for a terminal in a service hall: strangers one after
// another, no network. It is on when the server was started with -kiosk
// (a kiosk image) or the page was opened with ?kiosk=1. Then the app keeps
// nothing — no language remembered, no share link in the URL, no draft —
// shows larger type and touch targets, and after a while without input
// clears the form and returns to a board of the rules in force for its
// place.
type kioskConfig struct {
	On    bool
	Place string        // GB/T 2260 region code whose rules the board shows
	Idle  time.Duration // how long without input before the session ends
}

// defaultKioskIdle is how long a kiosk waits without input before it
// clears the session.
const defaultKioskIdle = 90 * time.Second

// kioskSettings reads the kiosk configuration once per session: the
// server's environment (SIBASE_KIOSK, SIBASE_KIOSK_PLACE,
// SIBASE_KIOSK_IDLE in seconds), then the first page's URL (?kiosk=1,
// &place=, &idle=), and keeps it in memory.
func kioskSettings(ctx app.Context) kioskConfig {
	var c kioskConfig
	ctx.GetState(stateKiosk, &c)
	if c.On {
		return c
	}
	c = kioskConfig{On: app.Getenv("SIBASE_KIOSK") == "1", Place: app.Getenv("SIBASE_KIOSK_PLACE"), Idle: defaultKioskIdle}
	if s, err := strconv.Atoi(app.Getenv("SIBASE_KIOSK_IDLE")); err == nil && s > 0 {
		c.Idle = time.Duration(s) * time.Second
	}
	if ctx.Page() != nil && ctx.Page().URL() != nil {
		q := ctx.Page().URL().Query()
		if q.Get("kiosk") == "1" {
			c.On = true
		}
		if p := q.Get("place"); p != "" {
			c.Place = p
		}
		if s, err := strconv.Atoi(q.Get("idle")); err == nil && s > 0 {
			c.Idle = time.Duration(s) * time.Second
		}
	}
	if c.On {
		ctx.SetState(stateKiosk, c)
		ctx.SetState(stateBoard, true)
	}
	return c
}

// lastInput is when a person last touched or typed on the kiosk.
var lastInput struct {
	sync.Mutex
	at        time.Time
	listening bool
}

func touch() {
	lastInput.Lock()
	lastInput.at = time.Now()
	lastInput.Unlock()
}

// listenForInput starts recording input on the whole page, once.
func listenForInput() {
	lastInput.Lock()
	defer lastInput.Unlock()
	lastInput.at = time.Now()
	if lastInput.listening || !app.IsClient {
		return
	}
	lastInput.listening = true
	h := app.FuncOf(func(this app.Value, args []app.Value) any {
		touch()
		return nil
	})
	for _, ev := range []string{"pointerdown", "keydown", "input", "touchstart", "wheel"} {
		app.Window().Call("addEventListener", ev, h, true)
	}
}

// idleFor is how long the kiosk has gone without input.
func idleFor() time.Duration {
	lastInput.Lock()
	defer lastInput.Unlock()
	return time.Since(lastInput.at)
}

// stateBoard is whether the kiosk shows its board (no session running).
const stateBoard = "sibase.kiosk.board"

// endKioskSession clears everything a person did — the language, the
// page and its form — and returns to the board. Nothing was written to
// the device, so nothing else needs clearing; the next person starts on a
// fresh page whose back button leads to fresh forms.
func endKioskSession(ctx app.Context) {
	ctx.SetState(stateLang, Zh)
	ctx.SetState(stateBoard, true)
	ctx.Navigate("/")
}

// renderBoard draws the board of the rules in force for the kiosk's place
// this month (or the latest period published, said so), in type readable
// from a few metres, filling the screen it stands on; a touch anywhere
// starts a session.
func renderBoard(l Lang, place string, onStart app.EventHandler) app.UI {
	f, ok := placeFactsFor(l, place)
	body := []app.UI{elemText("h1.board-title", tr(l, "app.title"))}
	if ok {
		flexible, tiers := "", ""
		if fl, err := f.r.FlexibleLimits(); err == nil {
			flexible = calc.Yuan(fl.Min) + " – " + calc.Yuan(fl.Max)
			for i, t := range fl.Tiers {
				if i > 0 {
					tiers += " / "
				}
				tiers += calc.Yuan(t.Amount)
			}
		}
		body = append(body,
			elemText("p#board-place.board-place", f.title),
			app.If(f.provisional, func() app.UI {
				return elemText("p#board-not-current.board-note", strings.ReplaceAll(tr(l, "place.provisional"), "%s", f.until))
			}),
			termList("board-figures", "board-figures", []pair{
				{"", tr(l, "pol.period"), f.period}, {"board-average", tr(l, "pol.average"), f.average},
				{"board-floor", tr(l, "pol.floor"), f.floor}, {"board-cap", tr(l, "pol.cap"), f.cap},
				{"board-flexible", tr(l, "pol.flexible"), flexible}, {"board-tiers", tr(l, "flex.tier"), tiers},
			}),
			elemText("p#board-cites.board-note", labelled(l, "res.citation")+f.doc+" · "+f.status+" · "+tr(l, "res.reviewed")+" "+f.reviewed),
		)
	} else {
		body = append(body, elemText("p#board-no-place.board-note", tr(l, "kiosk.noPlace")))
	}
	body = append(body, btnText("#board-start.board-start", tr(l, "kiosk.start")).OnClick(onStart))
	return elem("section#kiosk-board.board").OnClick(onStart).Body(body...)
}
