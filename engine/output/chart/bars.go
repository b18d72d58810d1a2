package chart

import (
	"fmt"
	"math/big"
	"strings"
)

// Category is one group of bars: its name and an optional note, written on
// a second line under the axis ("2016/17", "(forecast outturn)").
type Category struct{ Name, Note string }

// BarSeries is one series of a bar chart: a figure per category ("" where
// not given) and, optionally, the threshold each bar is held to.
type BarSeries struct {
	Label   string
	Values  []string
	Markers []string
}

// Bars is a grouped bar chart of money figures (£000) by financial year.
type Bars struct {
	ID, Title   string
	Categories  []Category
	Series      []BarSeries
	MarkerLabel string // what a dashed marker is ("required"); "" when none
}

// Chart lays the bar chart out: one group per category, dashed markers for
// thresholds. A missing figure draws no bar and says so in the description.
func (b Bars) Chart() *Chart {
	c := newChart(b.ID, b.Title, "£000", "Financial year")
	lo, hi := new(big.Rat), new(big.Rat)
	for _, s := range b.Series {
		for i := range b.Categories {
			for _, n := range []string{at(s.Values, i), at(s.Markers, i)} {
				if v, ok := Rat(n); ok {
					if v.Cmp(lo) < 0 {
						lo = v
					}
					if v.Cmp(hi) > 0 {
						hi = v
					}
				}
			}
		}
	}
	c.setYAxis(lo, hi, "")
	n := max(len(b.Categories), 1)
	groupW := (plotRight - c.plotLeft) / float64(n)
	barW := min(36, groupW*0.8/float64(max(len(b.Series), 1)))
	for si := range b.Series {
		c.Patterns = append(c.Patterns, Pattern{ID: fmt.Sprintf("%s-s%d", b.ID, si), Colour: SeriesColours[si%len(SeriesColours)], Kind: si % 4})
	}
	var desc []string
	hasMarker := false
	for ci, cat := range b.Categories {
		gx := c.plotLeft + groupW*float64(ci)
		c.XTicks = append(c.XTicks, Text{X: f1(gx + groupW/2), Y: f1(plotBottom + 18), Label: cat.Name})
		if cat.Note != "" {
			c.XTicks2 = append(c.XTicks2, Text{X: f1(gx + groupW/2), Y: f1(plotBottom + 34), Label: cat.Note})
		}
		if ci > 0 {
			c.XBounds = append(c.XBounds, Text{X: f1(gx), Y: f1(plotBottom)})
		}
		x0 := gx + (groupW-barW*float64(len(b.Series)))/2
		var parts []string
		for si, s := range b.Series {
			x := x0 + barW*float64(si)
			part := s.Label + " " + Figure(at(s.Values, ci))
			if v, ok := Rat(at(s.Values, ci)); ok {
				zero := new(big.Rat)
				top, bottom := c.y(maxRat(v, zero)), c.y(minRat(v, zero))
				c.Bars = append(c.Bars, Bar{X: f1(x + 1), Y: f1(top), W: f1(barW - 2), H: f1(bottom - top),
					Fill: fmt.Sprintf("url(#%s-s%d)", b.ID, si), Class: fmt.Sprintf("s%d", si), Label: cat.Name + ": " + part})
			} else {
				part = s.Label + " not given"
			}
			if m, ok := Rat(at(s.Markers, ci)); ok {
				hasMarker = true
				my := f1(c.y(m))
				c.Markers = append(c.Markers, Segment{X1: f1(x - 1), Y1: my, X2: f1(x + barW + 1), Y2: my, Class: "marker"})
				part += " (" + b.MarkerLabel + " " + Figure(at(s.Markers, ci)) + ")"
			}
			parts = append(parts, part)
		}
		name := cat.Name
		if cat.Note != "" {
			name += " " + cat.Note
		}
		desc = append(desc, name+": "+strings.Join(parts, ", "))
	}
	c.Desc = "Bar chart, £000 by financial year. " + strings.Join(desc, ". ") + "."
	var legend []LegendItem
	for si, s := range b.Series {
		legend = append(legend, LegendItem{Kind: "bar", Fill: fmt.Sprintf("url(#%s-s%d)", b.ID, si), Class: fmt.Sprintf("s%d", si), Label: s.Label})
	}
	if hasMarker {
		legend = append(legend, LegendItem{Kind: "marker", Class: "marker", Label: b.MarkerLabel + " (dashed)"})
	}
	xLabelY := plotBottom + 38
	if len(c.XTicks2) > 0 {
		xLabelY = plotBottom + 54
	}
	c.XLabelY = f1(xLabelY)
	c.addLegend(legend, xLabelY+12)
	return c
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func maxRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// Figure renders a figure keeping its digits, with thousands separators and
// a minus sign: "−1,234.5"; "–" when not given.
func Figure(s string) string {
	if s == "" {
		return "–"
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if strings.ContainsAny(whole, "eE") || strings.ContainsAny(frac, "eE") {
		return sign + s
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
