package chart

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// TrajectoryYear is one plan year of a trajectory, in the trajectory's unit.
type TrajectoryYear struct {
	Year     string   // "2017/18": April 2017 to March 2018
	Plan     string   // the year's planned level; "" when not given
	Monthly  []string // April to March, when given
	Standard string   // the standard the year is held to; "" when none
	// StandardNote says how the standard is read, after it in the description
	// ("a trust's own target", "the average of the year").
	StandardNote string
	Note         string // said in the description after the year's figures
}

// Trajectory is a performance trajectory by month against its standard.
type Trajectory struct {
	ID, Title     string
	Years         []TrajectoryYear
	LowerIsBetter bool   // the standard is a maximum
	Unit          string // "%" (the default, 0-100) or "minutes" (any number from 0)
}

// minutes reports whether the trajectory is in minutes, not percent.
func (t Trajectory) minutes() bool { return t.Unit == "minutes" }

// value is v in the trajectory's unit, as text reads it: "88.5%", "25 minutes".
func (t Trajectory) value(v string) string {
	if t.minutes() {
		return v + " minutes"
	}
	return v + "%"
}

// Months are the months of a financial year, April first.
var Months = []string{"April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"}

// monthYear is the calendar year of month mi (0 = April) in financial year
// fy ("2017/18" or "2017-18"); "" when fy does not start with a year.
func monthYear(fy string, mi int) string {
	if len(fy) < 4 {
		return ""
	}
	y, err := strconv.Atoi(fy[:4])
	if err != nil {
		return ""
	}
	if mi >= 9 {
		y++
	}
	return strconv.Itoa(y)
}

// monthName is "April 2017", or "April of 2017/18" when the year is unclear.
func monthName(fy string, mi int) string {
	if mi >= len(Months) {
		return fmt.Sprintf("month %d of %s", mi+1, fy)
	}
	if y := monthYear(fy, mi); y != "" {
		return Months[mi] + " " + y
	}
	return Months[mi] + " of " + fy
}

// Chart lays the trajectory out: months on the x axis (labelled April to
// March, with the financial year under them), percent on the y axis, the
// plan as a line with a point a month (or the year's level where no monthly
// figures are given) and the standard as a dashed line per year.
func (t Trajectory) Chart() *Chart {
	axis, tickUnit, ceiling := "% of patients", "%", big.NewRat(100, 1)
	if t.minutes() {
		axis, tickUnit, ceiling = "Minutes", "", nil
	}
	c := newChart(t.ID, t.Title, axis, "Month of the financial year")
	var lo, hi *big.Rat
	see := func(s string) {
		v, ok := Rat(s)
		if !ok {
			return
		}
		if lo == nil || v.Cmp(lo) < 0 {
			lo = v
		}
		if hi == nil || v.Cmp(hi) > 0 {
			hi = v
		}
	}
	for _, y := range t.Years {
		see(y.Plan)
		see(y.Standard)
		for _, v := range y.Monthly {
			see(v)
		}
	}
	if lo == nil {
		lo, hi = big.NewRat(0, 1), big.NewRat(100, 1)
		if ceiling == nil {
			hi = big.NewRat(60, 1)
		}
	}
	// Pad the range by a tenth of it, at least half a point, within 0-100
	// (from 0 for minutes).
	pad := new(big.Rat).Sub(hi, lo)
	pad.Quo(pad, big.NewRat(10, 1))
	if pad.Cmp(big.NewRat(1, 2)) < 0 {
		pad = big.NewRat(1, 2)
	}
	lo = maxRat(new(big.Rat).Sub(lo, pad), new(big.Rat))
	hi = new(big.Rat).Add(hi, pad)
	if ceiling != nil {
		hi = minRat(hi, ceiling)
	}
	if lo.Cmp(hi) >= 0 { // figures outside 0-100: keep them in view
		lo, hi = new(big.Rat).Sub(lo, pad), new(big.Rat).Add(hi, pad)
	}
	c.setYAxis(lo, hi, tickUnit)

	n := max(len(t.Years), 1)
	yearW := (plotRight - c.plotLeft) / float64(n)
	monthW := yearW / 12
	every := 12
	for _, k := range []int{1, 2, 3, 6} {
		if float64(k)*monthW >= 30 {
			every = k
			break
		}
	}
	var pts, desc, marks []string
	hasMonthly, hasStandard := false, false
	flush := func() {
		if len(pts) > 1 {
			c.Lines = append(c.Lines, Polyline{Points: strings.Join(pts, " "), Class: "plan"})
		}
		pts = nil
	}
	for yi, y := range t.Years {
		x0 := c.plotLeft + yearW*float64(yi)
		for mi := range 12 { // a mark every month, a label every few
			x := f1(x0 + monthW*(float64(mi)+0.5))
			if mi%every != 0 {
				marks = append(marks, "M"+x+","+f1(plotBottom)+"v3")
				continue
			}
			marks = append(marks, "M"+x+","+f1(plotBottom)+"v5")
			c.XTicks = append(c.XTicks, Text{X: x, Y: f1(plotBottom + 17), Label: Months[mi][:3]})
		}
		c.XTicks2 = append(c.XTicks2, Text{X: f1(x0 + yearW/2), Y: f1(plotBottom + 34), Label: y.Year})
		if yi > 0 {
			c.XBounds = append(c.XBounds, Text{X: f1(x0), Y: f1(plotBottom + 38)})
		}
		var part string
		switch {
		case len(y.Monthly) > 0:
			hasMonthly = true
			var given []string
			for mi, s := range y.Monthly {
				v, ok := Rat(s)
				if !ok {
					continue
				}
				x, yy := f1(x0+monthW*(float64(mi)+0.5)), f1(c.y(v))
				pts = append(pts, x+","+yy)
				c.Points = append(c.Points, Point{X: x, Y: yy, Class: "plan", Label: monthName(y.Year, mi) + ": " + t.value(s)})
				given = append(given, monthName(y.Year, mi)+" "+t.value(s))
			}
			planned := "–"
			if y.Plan != "" {
				planned = t.value(y.Plan)
			}
			part = fmt.Sprintf("%s: plan %s, by month %s", y.Year, planned, strings.Join(given, ", "))
		case y.Plan != "":
			v, _ := Rat(y.Plan)
			yy := f1(c.y(v))
			pts = append(pts, f1(x0+monthW/2)+","+yy, f1(x0+yearW-monthW/2)+","+yy)
			c.Points = append(c.Points, Point{X: f1(x0 + yearW/2), Y: yy, Class: "plan", Label: y.Year + ": " + t.value(y.Plan)})
			part = fmt.Sprintf("%s: plan %s for the year", y.Year, t.value(y.Plan))
		default:
			flush()
			part = y.Year + ": no plan given"
		}
		if v, ok := Rat(y.Standard); ok {
			hasStandard = true
			yy := f1(c.y(v))
			c.Markers = append(c.Markers, Segment{X1: f1(x0), Y1: yy, X2: f1(x0 + yearW), Y2: yy, Class: "standard"})
			part += fmt.Sprintf("; standard %s %s", standardWord(t.LowerIsBetter), t.value(y.Standard))
			if y.StandardNote != "" {
				part += " (" + y.StandardNote + ")"
			}
		} else {
			part += "; no standard set for the year"
		}
		if y.Note != "" {
			part += "; " + y.Note
		}
		desc = append(desc, part)
	}
	flush()
	c.XMarks = strings.Join(marks, "")
	kind := "Line chart"
	if t.LowerIsBetter {
		kind += " (lower is better)"
	}
	unitWords := "percent"
	if t.minutes() {
		unitWords = "minutes"
	}
	c.Desc = kind + ", " + unitWords + " by month. " + strings.Join(desc, ". ") + "."
	planLabel := "Plan"
	if hasMonthly {
		planLabel = "Plan (monthly trajectory)"
	}
	legend := []LegendItem{{Kind: "line", Class: "plan", Label: planLabel}}
	if hasStandard {
		legend = append(legend, LegendItem{Kind: "marker", Class: "standard", Label: "Standard, " + standardWord(t.LowerIsBetter) + " (dashed)"})
	}
	c.XLabelY = f1(plotBottom + 54)
	c.addLegend(legend, plotBottom+66)
	return c
}

func standardWord(lowerIsBetter bool) string {
	if lowerIsBetter {
		return "at most"
	}
	return "at least"
}
