package output

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/planassure/planassure/engine"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"verdictWords": verdictWords,
	"number":       engine.Number,
	"where":        where,
}).Parse(htmlSource))

// HTML writes the report as one self-contained HTML page: a summary of the
// verdicts, then each plan's findings with their figures and guidance, and,
// for plans whose figures the report carries (engine.Options.KeepFigures),
// charts of the finance position and of each performance trajectory against
// its standard. The page needs no network and no JavaScript; charts are
// inline SVG with text alternatives. Output is deterministic.
func HTML(w io.Writer, r engine.Report) error {
	return htmlTemplate.Execute(w, newHTMLReport(r))
}

// verdictWords is how a verdict reads on the page.
func verdictWords(v engine.Verdict) string {
	switch v {
	case engine.VerdictAssured:
		return "Assured"
	case engine.VerdictAssuredWithConditions:
		return "Assured with conditions"
	case engine.VerdictNotAssured:
		return "Not assured"
	case engine.VerdictError:
		return "Error: not evaluated"
	}
	return string(v)
}

type htmlReport struct {
	Title  string
	Totals string
	Counts []verdictCount
	Plans  []htmlPlan
	Rules  int
	Tool   *engine.Tool // the build and policy digest, for the footer
}

type verdictCount struct {
	Verdict engine.Verdict
	Count   int
}

type htmlPlan struct {
	engine.Result
	ID        string
	Org       string
	Outcomes  string // "12 rules passed, 2 failed, 3 not applicable"
	Guidance  []guidance
	Finance   *financeView
	Charts    []*chart // finance charts
	PerfChart []*chart
}

type guidance struct{ Rule, Title, Text, URL string }

type financeView struct {
	Years []engine.YearFigures
	Rows  []financeRow
}

type financeRow struct {
	Label  string
	Values []string
}

func newHTMLReport(r engine.Report) htmlReport {
	out := htmlReport{Rules: len(r.Rules), Tool: r.Tool}
	noun := "plans"
	if len(r.Results) == 1 {
		noun = "plan"
	}
	out.Title = fmt.Sprintf("Plan assurance report: %d %s", len(r.Results), noun)
	var parts []string
	for _, v := range engine.Verdicts {
		out.Counts = append(out.Counts, verdictCount{v, r.Totals[v]})
		if n := r.Totals[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(verdictWords(v))))
		}
	}
	out.Totals = fmt.Sprintf("%d %s checked against %d rules", len(r.Results), noun, len(r.Rules))
	if len(parts) > 0 {
		out.Totals += ": " + strings.Join(parts, ", ")
	}
	for i, res := range r.Results {
		p := htmlPlan{Result: res, ID: fmt.Sprintf("plan-%d", i+1), Org: strings.TrimSpace(res.Organisation + " " + res.Name)}
		p.Outcomes = outcomeWords(res.Rules)
		seen := map[string]bool{}
		for _, f := range res.Findings {
			if !seen[f.Rule] {
				seen[f.Rule] = true
				p.Guidance = append(p.Guidance, guidance{Rule: f.Rule, Title: f.Title, Text: f.Guidance, URL: f.URL})
			}
		}
		if fig := res.Figures; fig != nil {
			p.Finance = financeTable(fig)
			p.Charts = financeCharts(p.ID, fig)
			for _, m := range fig.Performance {
				p.PerfChart = append(p.PerfChart, performanceChart(p.ID, m))
			}
		}
		out.Plans = append(out.Plans, p)
	}
	return out
}

func outcomeWords(rules []engine.RuleOutcome) string {
	if len(rules) == 0 {
		return ""
	}
	n := map[engine.Outcome]int{}
	for _, r := range rules {
		n[r.Outcome]++
	}
	return fmt.Sprintf("%d rules ran: %d passed, %d failed, %d not applicable in the plan's round",
		len(rules), n[engine.OutcomePassed], n[engine.OutcomeFailed], n[engine.OutcomeNotApplicable])
}

func financeTable(f *engine.PlanFigures) *financeView {
	if len(f.Years) == 0 {
		return nil
	}
	v := &financeView{Years: f.Years}
	row := func(label string, get func(engine.YearFigures) json.Number) {
		r := financeRow{Label: label}
		for _, y := range f.Years {
			r.Values = append(r.Values, money(get(y)))
		}
		v.Rows = append(v.Rows, r)
	}
	need := func(label string, get func(engine.YearFigures) engine.Threshold) {
		r := financeRow{Label: label}
		given := false
		for _, y := range f.Years {
			t := get(y)
			if t.Amount == "" {
				r.Values = append(r.Values, "")
				continue
			}
			given = true
			r.Values = append(r.Values, fmt.Sprintf("%s (%s%%)", money(t.Amount), t.Pct))
		}
		if given {
			v.Rows = append(v.Rows, r)
		}
	}
	row("Allocation", func(y engine.YearFigures) json.Number { return y.Allocation })
	row("Funding total", func(y engine.YearFigures) json.Number { return y.FundingTotal })
	row("Expenditure total", func(y engine.YearFigures) json.Number { return y.ExpenditureTotal })
	row("QIPP", func(y engine.YearFigures) json.Number { return y.QIPP })
	row("In-year surplus", func(y engine.YearFigures) json.Number { return y.InYearSurplus })
	row("Cumulative surplus carried forward", func(y engine.YearFigures) json.Number { return y.CumulativeSurplus })
	need("Cumulative surplus required", func(y engine.YearFigures) engine.Threshold { return y.CumulativeSurplusMin })
	row("Contingency", func(y engine.YearFigures) json.Number { return y.Contingency })
	need("Contingency required", func(y engine.YearFigures) engine.Threshold { return y.ContingencyMin })
	row("Non-recurrent reserve", func(y engine.YearFigures) json.Number { return y.NonRecurrent })
	need("Non-recurrent reserve required", func(y engine.YearFigures) engine.Threshold { return y.NonRecurrentMin })
	row("Uncommitted reserve", func(y engine.YearFigures) json.Number { return y.Uncommitted })
	need("Uncommitted reserve required", func(y engine.YearFigures) engine.Threshold { return y.UncommittedMin })
	return v
}

// money renders a £000 figure with thousands separators, keeping its digits.
func money(n json.Number) string {
	s := n.String()
	if s == "" {
		return "–"
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if strings.ContainsAny(whole, "eE") {
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

// --- charts -----------------------------------------------------------------

// chart is an SVG chart laid out in Go: every coordinate is final, formatted
// with one decimal, so the page is byte-for-byte deterministic.
type chart struct {
	ID, Title, Desc string
	TitleLines      []tick // the title, wrapped to the chart's width
	Width, Height   int
	Left, Top       string // plot area corners
	Right, Bottom   string
	YLabel, XLabel  string
	YLabelX         string
	YLabelY         string
	XLabelX         string
	XLabelY         string
	YTicks          []tick
	XTicks          []tick
	XBounds         []tick // separators between categories
	Zero            *segment
	Bars            []bar
	Markers         []segment
	Lines           []polyline
	Points          []point
	Legend          []legendItem
	Patterns        []pattern
}

type tick struct{ X, Y, Label string }

type segment struct{ X1, Y1, X2, Y2, Class string }

type bar struct{ X, Y, W, H, Fill, Class, Label string }

type polyline struct{ Points, Class string }

type point struct{ X, Y, Class, Label string }

type legendItem struct {
	X, Y, TextX, TextY string
	Kind               string // "bar", "line", "marker"
	Fill, Class, Label string
}

type pattern struct {
	ID, Colour string
	Kind       int // 0 solid, 1 diagonal, 2 dots, 3 horizontal
}

// series colours (Okabe-Ito, safe for colour-blind readers) and fill patterns,
// so that no series is told apart by colour alone.
var seriesColours = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7"}

const (
	chartWidth  = 480
	plotLeft    = 76.0
	plotRight   = 464.0
	plotTop     = 56.0
	plotBottom  = 226.0
	legendTop   = 274.0
	legendLineH = 20.0
)

func f1(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	return s
}

func num(n json.Number) (float64, bool) {
	if n == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(n.String(), 64)
	return v, err == nil
}

// scale maps values in [lo, hi] to the plot's vertical extent.
type scale struct{ lo, hi float64 }

func (s scale) y(v float64) float64 {
	return plotBottom - (v-s.lo)/(s.hi-s.lo)*(plotBottom-plotTop)
}

// niceTicks covers [lo, hi] with about five round steps.
func niceTicks(lo, hi float64) (scale, []float64) {
	if hi <= lo {
		if lo == 0 {
			hi = 1
		} else {
			lo, hi = lo-math.Abs(lo)*0.1, hi+math.Abs(hi)*0.1
		}
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	var ticks []float64
	for i := 0; ; i++ {
		v := start + float64(i)*step
		if v > end+step/2 {
			break
		}
		ticks = append(ticks, math.Round(v/step)*step)
	}
	return scale{start, end}, ticks
}

func tickLabel(v float64, unit string) string {
	var s string
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s = money(json.Number(strconv.FormatFloat(v, 'f', 0, 64)))
	} else {
		s = strconv.FormatFloat(v, 'f', -1, 64)
		if strings.HasPrefix(s, "-") {
			s = "−" + s[1:]
		}
	}
	return s + unit
}

func newChart(id, title, yLabel, xLabel string) *chart {
	return &chart{
		ID: id, Title: title, Width: chartWidth, Height: int(legendTop + legendLineH),
		Left: f1(plotLeft), Right: f1(plotRight), Top: f1(plotTop), Bottom: f1(plotBottom),
		TitleLines: titleLines(title), YLabel: yLabel, XLabel: xLabel,
		YLabelX: "16.0", YLabelY: f1((plotTop + plotBottom) / 2),
		XLabelX: f1((plotLeft + plotRight) / 2), XLabelY: f1(plotBottom + 38),
	}
}

// titleLines wraps a chart title at word boundaries into lines of at most
// 48 characters (15px bold fits about 55 in the chart's width).
func titleLines(title string) []tick {
	var lines []string
	line := ""
	for _, w := range strings.Fields(title) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > 48 {
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
	out := make([]tick, len(lines))
	y := 22.0
	if len(lines) > 1 {
		y = 18
	}
	for i, l := range lines {
		out[i] = tick{X: f1(chartWidth / 2), Y: f1(y + 18*float64(i)), Label: l}
	}
	return out
}

func (c *chart) yAxis(lo, hi float64, unit string) scale {
	sc, ticks := niceTicks(lo, hi)
	for _, v := range ticks {
		c.YTicks = append(c.YTicks, tick{X: f1(plotLeft - 6), Y: f1(sc.y(v)), Label: tickLabel(v, unit)})
	}
	if sc.lo < 0 && sc.hi > 0 {
		c.Zero = &segment{X1: f1(plotLeft), Y1: f1(sc.y(0)), X2: f1(plotRight), Y2: f1(sc.y(0)), Class: "zero"}
	}
	return sc
}

// addLegend lays the legend out in rows under the plot, growing the chart.
func (c *chart) addLegend(items []legendItem) {
	x, y := plotLeft, legendTop
	for _, it := range items {
		w := 26 + 6.6*float64(len([]rune(it.Label))) + 16
		if x+w > chartWidth && x > plotLeft {
			x, y = plotLeft, y+legendLineH
		}
		it.X, it.Y = f1(x), f1(y)
		it.TextX, it.TextY = f1(x+26), f1(y+10)
		c.Legend = append(c.Legend, it)
		x += w
	}
	c.Height = int(y + legendLineH + 4)
}

type barSeries struct {
	Label   string
	Values  []json.Number
	Markers []json.Number // the threshold each bar is held to; "" where none
}

// barChart draws grouped bars, one group per category, with dashed markers
// for thresholds. Missing values draw no bar and say so in the description.
func barChart(id, title string, categories []string, series []barSeries, markerLabel string) *chart {
	c := newChart(id, title, "£000", "Financial year")
	lo, hi := 0.0, 0.0
	for _, s := range series {
		for i := range categories {
			for _, n := range []json.Number{s.Values[i], markerAt(s.Markers, i)} {
				if v, ok := num(n); ok {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
	}
	sc := c.yAxis(lo, hi, "")
	groupW := (plotRight - plotLeft) / float64(len(categories))
	barW := math.Min(36, groupW*0.8/float64(len(series)))
	for si := range series {
		c.Patterns = append(c.Patterns, pattern{ID: fmt.Sprintf("%s-s%d", id, si), Colour: seriesColours[si%len(seriesColours)], Kind: si % 4})
	}
	var desc []string
	hasMarker := false
	for ci, cat := range categories {
		gx := plotLeft + groupW*float64(ci)
		c.XTicks = append(c.XTicks, tick{X: f1(gx + groupW/2), Y: f1(plotBottom + 18), Label: cat})
		if ci > 0 {
			c.XBounds = append(c.XBounds, tick{X: f1(gx), Y: f1(plotBottom)})
		}
		x0 := gx + (groupW-barW*float64(len(series)))/2
		var parts []string
		for si, s := range series {
			x := x0 + barW*float64(si)
			part := s.Label + " " + money(s.Values[ci])
			if v, ok := num(s.Values[ci]); ok {
				top, bottom := sc.y(math.Max(v, 0)), sc.y(math.Min(v, 0))
				c.Bars = append(c.Bars, bar{X: f1(x + 1), Y: f1(top), W: f1(barW - 2), H: f1(bottom - top),
					Fill: fmt.Sprintf("url(#%s-s%d)", id, si), Class: fmt.Sprintf("s%d", si), Label: part})
			} else {
				part = s.Label + " not given"
			}
			if m, ok := num(markerAt(s.Markers, ci)); ok {
				hasMarker = true
				my := sc.y(m)
				c.Markers = append(c.Markers, segment{X1: f1(x - 1), Y1: f1(my), X2: f1(x + barW + 1), Y2: f1(my), Class: "marker"})
				part += " (" + markerLabel + " " + money(markerAt(s.Markers, ci)) + ")"
			}
			parts = append(parts, part)
		}
		desc = append(desc, cat+": "+strings.Join(parts, ", "))
	}
	c.Desc = "Bar chart, £000 by financial year. " + strings.Join(desc, ". ") + "."
	var legend []legendItem
	for si, s := range series {
		legend = append(legend, legendItem{Kind: "bar", Fill: fmt.Sprintf("url(#%s-s%d)", id, si), Class: fmt.Sprintf("s%d", si), Label: s.Label})
	}
	if hasMarker {
		legend = append(legend, legendItem{Kind: "marker", Class: "marker", Label: markerLabel + " (dashed)"})
	}
	c.addLegend(legend)
	return c
}

func markerAt(m []json.Number, i int) json.Number {
	if i < len(m) {
		return m[i]
	}
	return ""
}

func financeCharts(planID string, f *engine.PlanFigures) []*chart {
	if len(f.Years) == 0 {
		return nil
	}
	var cats []string
	col := func(get func(engine.YearFigures) json.Number) []json.Number {
		out := make([]json.Number, len(f.Years))
		for i, y := range f.Years {
			out[i] = get(y)
		}
		return out
	}
	need := func(get func(engine.YearFigures) engine.Threshold) []json.Number {
		out := make([]json.Number, len(f.Years))
		for i, y := range f.Years {
			out[i] = get(y).Amount
		}
		return out
	}
	for _, y := range f.Years {
		label := y.Year
		if !y.IsPlan() {
			label += " (" + strings.ReplaceAll(y.Basis, "_", " ") + ")"
		}
		cats = append(cats, label)
	}
	surplusLabel := "Required"
	for _, y := range f.Years {
		if y.CumulativeSurplusMin.Pct != "" {
			surplusLabel = y.CumulativeSurplusMin.Pct.String() + "% of allocation"
			break
		}
	}
	return []*chart{
		barChart(planID+"-funding", "Funding and expenditure", cats, []barSeries{
			{Label: "Funding total", Values: col(func(y engine.YearFigures) json.Number { return y.FundingTotal })},
			{Label: "Expenditure total", Values: col(func(y engine.YearFigures) json.Number { return y.ExpenditureTotal })},
		}, ""),
		barChart(planID+"-qipp", "QIPP savings and in-year surplus", cats, []barSeries{
			{Label: "QIPP", Values: col(func(y engine.YearFigures) json.Number { return y.QIPP })},
			{Label: "In-year surplus", Values: col(func(y engine.YearFigures) json.Number { return y.InYearSurplus })},
		}, ""),
		barChart(planID+"-cumulative", "Cumulative surplus against "+surplusLabel, cats, []barSeries{
			{Label: "Cumulative surplus", Values: col(func(y engine.YearFigures) json.Number { return y.CumulativeSurplus }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.CumulativeSurplusMin })},
		}, "required"),
		barChart(planID+"-reserves", "Reserves against their thresholds", cats, []barSeries{
			{Label: "Contingency", Values: col(func(y engine.YearFigures) json.Number { return y.Contingency }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.ContingencyMin })},
			{Label: "Non-recurrent", Values: col(func(y engine.YearFigures) json.Number { return y.NonRecurrent }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.NonRecurrentMin })},
			{Label: "Uncommitted", Values: col(func(y engine.YearFigures) json.Number { return y.Uncommitted }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.UncommittedMin })},
		}, "required"),
	}
}

var months = []string{"April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"}

// performanceChart draws a metric's planned trajectory (monthly where the
// plan gives it, else the year's planned level) against its standard.
func performanceChart(planID string, m engine.MetricFigures) *chart {
	c := newChart(planID+"-perf-"+m.Key, m.Label, "% of patients", "Month of plan year")
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(n json.Number) {
		if v, ok := num(n); ok {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, y := range m.Years {
		see(y.Plan)
		see(y.Standard)
		for _, v := range y.Monthly {
			see(v)
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 100
	}
	pad := math.Max((hi-lo)*0.1, 0.5)
	lo, hi = math.Max(0, lo-pad), math.Min(100, hi+pad)
	sc := c.yAxis(lo, hi, "%")
	yearW := (plotRight - plotLeft) / float64(len(m.Years))
	monthW := yearW / 12
	var pts []string
	var desc []string
	hasMonthly, hasStandard := false, false
	flush := func() {
		if len(pts) > 1 {
			c.Lines = append(c.Lines, polyline{Points: strings.Join(pts, " "), Class: "plan"})
		}
		pts = nil
	}
	for yi, y := range m.Years {
		x0 := plotLeft + yearW*float64(yi)
		c.XTicks = append(c.XTicks, tick{X: f1(x0 + yearW/2), Y: f1(plotBottom + 18), Label: y.Year})
		if yi > 0 {
			c.XBounds = append(c.XBounds, tick{X: f1(x0), Y: f1(plotBottom)})
		}
		var part string
		switch {
		case len(y.Monthly) > 0:
			hasMonthly = true
			for mi, n := range y.Monthly {
				v, ok := num(n)
				if !ok {
					continue
				}
				x := x0 + monthW*(float64(mi)+0.5)
				pts = append(pts, f1(x)+","+f1(sc.y(v)))
				label := ""
				if mi < len(months) {
					label = months[mi] + " " + y.Year
				}
				c.Points = append(c.Points, point{X: f1(x), Y: f1(sc.y(v)), Class: "plan", Label: label + ": " + n.String() + "%"})
			}
			part = fmt.Sprintf("%s: plan %s%%, monthly from %s%% in %s to %s%% in %s", y.Year, orDash(y.Plan),
				y.Monthly[0], months[0], y.Monthly[len(y.Monthly)-1], months[min(len(y.Monthly), 12)-1])
		case y.Plan != "":
			v, _ := num(y.Plan)
			pts = append(pts, f1(x0+monthW/2)+","+f1(sc.y(v)), f1(x0+yearW-monthW/2)+","+f1(sc.y(v)))
			c.Points = append(c.Points, point{X: f1(x0 + yearW/2), Y: f1(sc.y(v)), Class: "plan", Label: y.Year + ": " + y.Plan.String() + "%"})
			part = fmt.Sprintf("%s: plan %s%% for the year", y.Year, y.Plan)
		default:
			flush()
			part = y.Year + ": no plan given"
		}
		if v, ok := num(y.Standard); ok {
			hasStandard = true
			c.Markers = append(c.Markers, segment{X1: f1(x0), Y1: f1(sc.y(v)), X2: f1(x0 + yearW), Y2: f1(sc.y(v)), Class: "standard"})
			part += fmt.Sprintf("; standard %s %s%%", standardWord(m.LowerIsBetter), y.Standard)
		} else {
			part += "; no standard set for the year"
		}
		if y.RecoveryPlan {
			part += "; a recovery plan is named"
		}
		desc = append(desc, part)
	}
	flush()
	kind := "Line chart"
	if m.LowerIsBetter {
		kind += " (lower is better)"
	}
	c.Desc = kind + ", percent by month. " + strings.Join(desc, ". ") + "."
	planLabel := "Plan"
	if hasMonthly {
		planLabel = "Plan (monthly trajectory)"
	}
	legend := []legendItem{{Kind: "line", Class: "plan", Label: planLabel}}
	if hasStandard {
		legend = append(legend, legendItem{Kind: "marker", Class: "standard", Label: "Standard, " + standardWord(m.LowerIsBetter) + " (dashed)"})
	}
	c.addLegend(legend)
	return c
}

func standardWord(lowerIsBetter bool) string {
	if lowerIsBetter {
		return "at most"
	}
	return "at least"
}

func orDash(n json.Number) string {
	if n == "" {
		return "–"
	}
	return n.String()
}
