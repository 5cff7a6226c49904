package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"sibase/calc"
)

const svgNS = "http://www.w3.org/2000/svg"

// Chart geometry, in SVG user units.
const (
	chartW, chartH      = 320, 180
	chartLeft, chartTop = 36, 12
	chartBottom         = 28
	chartPlotH          = chartH - chartTop - chartBottom
)

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// svgRect is a chart's bar: a rectangle of the class at x, y, w wide and
// h high.
func svgRect(class string, x, y, w, h int) app.UI {
	return svg("rect").Class(class).Attr("x", x).Attr("y", y).Attr("width", w).Attr("height", h)
}

// svgLine is a chart's line from x1, y1 to x2, y2.
func svgLine(class string, x1, y1, x2, y2 int) app.UI {
	return svg("line").Class(class).Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2)
}

// svgText is a chart's text of the class at x, y, anchored at its
// "middle" or "end".
func svgText(class string, x, y int, anchor, text string) app.HTMLElem {
	return svg("text").Class(class).Attr("x", x).Attr("y", y).Attr("text-anchor", anchor).Text(text)
}

// chartBar is one bar of the minimum chart: a span of months and the
// lowest base as a share of that span's average.
type chartBar struct {
	label   string
	percent decimal.Decimal
	text    string // the figure written on the bar: "70%" or "1368.55"
	current bool
}

// scheduleBars turns the flexible workers' schedule into bars. A period's
// minimum is its ratio, or its published amount over the average.
func scheduleBars(sched []calc.ScheduleEntry, current calc.Month) []chartBar {
	var bars []chartBar
	for _, e := range sched {
		var b chartBar
		switch {
		case e.MinRatio != nil:
			b.percent, b.text = e.MinRatio.Shift(2), calc.Percent(*e.MinRatio)
		case e.MinAmount != nil && e.Average != nil && e.Average.IsPositive():
			b.percent, b.text = e.MinAmount.Div(*e.Average).Shift(2).Round(1), calc.Yuan(*e.MinAmount)
		default:
			continue
		}
		b.label = e.From.String()
		if e.From.Month == 1 && (e.To.IsZero() || e.To.Year == e.From.Year) {
			b.label = strconv.Itoa(e.From.Year)
		}
		b.current = !current.Before(e.From) && (e.To.IsZero() || !current.After(e.To))
		bars = append(bars, b)
	}
	return bars
}

// scheduleChart draws the lowest base over the years as bars (percent of
// each year's average), the current period highlighted and the chosen
// base as a line. It is plain SVG drawn by the app: no chart library, no
// inline style (the page's CSP forbids it), and a text alternative.
func scheduleChart(l Lang, sched []calc.ScheduleEntry, current calc.Month, chosenPercent *decimal.Decimal) app.UI {
	bars := scheduleBars(sched, current)
	if len(bars) == 0 {
		return app.Text("")
	}
	top := decimal.NewFromInt(100)
	for _, b := range bars {
		if b.percent.GreaterThan(top) {
			top = b.percent
		}
	}
	if chosenPercent != nil && chosenPercent.GreaterThan(top) {
		top = *chosenPercent
	}
	y := func(p decimal.Decimal) int {
		return chartTop + chartPlotH - int(p.Mul(decimal.NewFromInt(chartPlotH)).Div(top).Round(0).IntPart())
	}
	slot := (chartW - chartLeft) / len(bars)
	barW := slot * 3 / 5
	var shapes []app.UI
	summary := tr(l, "flex.chart") + ":"
	for i, b := range bars {
		x := chartLeft + i*slot + (slot-barW)/2
		class := "bar"
		if b.current {
			class = "bar current"
		}
		shapes = append(shapes,
			svgRect(class, x, y(b.percent), barW, chartTop+chartPlotH-y(b.percent)),
			svgText("bar-value", x+barW/2, y(b.percent)-3, "middle", b.text),
			svgText("bar-label", x+barW/2, chartH-10, "middle", b.label),
		)
		summary += " " + b.label + " " + b.text + ";"
	}
	shapes = append(shapes,
		svgLine("axis", chartLeft, chartTop+chartPlotH, chartW, chartTop+chartPlotH),
		svgText("axis-label", chartLeft-4, y(decimal.NewFromInt(100))+4, "end", "100%"),
	)
	if chosenPercent != nil {
		cy := y(*chosenPercent)
		shapes = append(shapes,
			svgLine("chosen", chartLeft, cy, chartW, cy),
			svgText("chosen-label", chartW, cy-4, "end", tr(l, "flex.chart.you")+" "+chosenPercent.Round(1).String()+"%"),
		)
		summary += " " + tr(l, "flex.chart.you") + " " + chosenPercent.Round(1).String() + "%"
	}
	return elem("figure#chart.chart",
		svg("svg").Attr("viewBox", "0 0 "+strconv.Itoa(chartW)+" "+strconv.Itoa(chartH)).Attr("role", "img").
			Aria("label", summary).Body(
			append([]app.UI{svg("title").Text(summary)}, shapes...)...,
		),
		elemText("figcaption", tr(l, "flex.chart")),
	)
}
