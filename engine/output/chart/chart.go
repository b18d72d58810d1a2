// Package chart draws the report's charts as static, self-contained SVG:
// grouped bars against thresholds, and monthly trajectories against a
// standard. Every coordinate is computed in Go and written with one decimal,
// and every value on an axis is an exact decimal (math/big), so the same
// figures always give the same bytes. Each chart has a <title>, a <desc> that
// says every figure it draws, role="img", and a viewBox that scales to any
// width; the left margin is as wide as the longest tick label.
package chart

import (
	"bytes"
	_ "embed"
	"html/template"
	"math/big"
	"strconv"
	"strings"
)

//go:embed chart.svg.tmpl
var svgSource string

var svgTemplate = template.Must(template.New("chart").Parse(svgSource))

// Chart is an SVG chart laid out in Go, ready to render.
type Chart struct {
	ID, Title, Desc string
	TitleLines      []Text // the title, wrapped to the chart's width
	Width, Height   int
	Left, Top       string // plot area corners
	Right, Bottom   string
	YLabel, XLabel  string
	YLabelX         string
	YLabelY         string
	XLabelX         string
	XLabelY         string
	YTicks          []Text
	XTicks          []Text // first row under the axis: categories or months
	XTicks2         []Text // second row: the year of the months
	XMarks          string // path data of the marks under the x axis
	XBounds         []Text // separators between categories
	Zero            *Segment
	Bars            []Bar
	Markers         []Segment
	Lines           []Polyline
	Points          []Point
	Legend          []LegendItem
	Patterns        []Pattern

	plotLeft float64
	yAxis    Axis
}

// Text is a label at a point.
type Text struct{ X, Y, Label string }

// Segment is a line from (X1, Y1) to (X2, Y2) with a CSS class.
type Segment struct{ X1, Y1, X2, Y2, Class string }

// Bar is one bar, with its figure in words as a tooltip.
type Bar struct{ X, Y, W, H, Fill, Class, Label string }

// Polyline is a joined series of points ("x,y x,y").
type Polyline struct{ Points, Class string }

// Point is one data point, with its figure in words as a tooltip.
type Point struct{ X, Y, Class, Label string }

// LegendItem is one entry of the legend under the plot.
type LegendItem struct {
	X, Y, TextX, TextY string
	Kind               string // "bar", "line", "marker"
	Fill, Class, Label string
}

// Pattern is a bar fill: a colour and a texture, so no series is told apart
// by colour alone.
type Pattern struct {
	ID, Colour string
	Kind       int // 0 solid, 1 diagonal, 2 dots, 3 horizontal
}

// SeriesColours are the series colours (Okabe-Ito, safe for colour-blind readers).
var SeriesColours = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7"}

// The chart's geometry, in viewBox units (CSS pixels at 100%).
const (
	Width       = 480
	plotRight   = 464.0
	plotTop     = 56.0
	plotBottom  = 226.0
	legendLineH = 20.0
	charW       = 7.2  // width of a 12px character, generous for digits, signs and %
	titleChars  = 48   // characters of a 15px bold title line
	yLabelRoom  = 26.0 // the rotated axis label left of the ticks
)

// SVG renders the chart.
func (c *Chart) SVG() (template.HTML, error) {
	var b bytes.Buffer
	if err := svgTemplate.Execute(&b, c); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // #nosec: escaped by the template
}

func f1(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	return s
}

func newChart(id, title, yLabel, xLabel string) *Chart {
	return &Chart{
		ID: id, Title: title, Width: Width,
		Right: f1(plotRight), Top: f1(plotTop), Bottom: f1(plotBottom),
		TitleLines: titleLines(title), YLabel: yLabel, XLabel: xLabel,
		YLabelX: "14.0", YLabelY: f1((plotTop + plotBottom) / 2),
	}
}

// titleLines wraps a chart title at word boundaries.
func titleLines(title string) []Text {
	var lines []string
	line := ""
	for _, w := range strings.Fields(title) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > titleChars {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	lines = append(lines, line)
	out := make([]Text, len(lines))
	y := 22.0
	if len(lines) > 1 {
		y = 18
	}
	for i, l := range lines {
		out[i] = Text{X: f1(Width / 2), Y: f1(y + 18*float64(i)), Label: l}
	}
	return out
}

// setYAxis lays out the value axis over [lo, hi] and sets the plot's left
// edge so that the longest tick label fits.
func (c *Chart) setYAxis(lo, hi *big.Rat, unit string) {
	c.yAxis = NiceAxis(lo, hi, 5)
	longest := 0
	for _, t := range c.yAxis.Ticks {
		longest = max(longest, len([]rune(t.Label+unit)))
	}
	c.plotLeft = yLabelRoom + 8 + charW*float64(longest)
	c.Left = f1(c.plotLeft)
	for _, t := range c.yAxis.Ticks {
		y := f1(c.y(t.Value))
		c.YTicks = append(c.YTicks, Text{X: f1(c.plotLeft - 6), Y: y, Label: t.Label + unit})
	}
	if c.yAxis.Lo.Sign() < 0 && c.yAxis.Hi.Sign() > 0 {
		z := f1(c.y(new(big.Rat)))
		c.Zero = &Segment{X1: c.Left, Y1: z, X2: c.Right, Y2: z, Class: "zero"}
	}
	c.XLabelX = f1((c.plotLeft + plotRight) / 2)
}

// y is the vertical position of value v, computed exactly then rounded.
func (c *Chart) y(v *big.Rat) float64 {
	span := new(big.Rat).Sub(c.yAxis.Hi, c.yAxis.Lo)
	frac := new(big.Rat).Sub(v, c.yAxis.Lo)
	frac.Quo(frac, span)
	f, _ := frac.Float64()
	return plotBottom - f*(plotBottom-plotTop)
}

// addLegend lays the legend out in rows from top, and sets the chart's height.
func (c *Chart) addLegend(items []LegendItem, top float64) {
	x, y := c.plotLeft, top
	for _, it := range items {
		w := 26 + charW*float64(len([]rune(it.Label))) + 16
		if x+w > Width && x > c.plotLeft {
			x, y = c.plotLeft, y+legendLineH
		}
		it.X, it.Y = f1(x), f1(y)
		it.TextX, it.TextY = f1(x+26), f1(y+10)
		c.Legend = append(c.Legend, it)
		x += w
	}
	c.Height = int(y + legendLineH + 4)
}
