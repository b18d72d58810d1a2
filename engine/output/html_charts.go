package output

import (
	"encoding/json"
	"strings"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output/chart"
)

// financeCharts are a plan's four finance charts: funding against
// expenditure, QIPP and in-year surplus, cumulative surplus against its
// threshold, and the reserves against theirs.
func financeCharts(planID string, f *engine.PlanFigures) []*chart.Chart {
	if len(f.Years) == 0 {
		return nil
	}
	col := func(get func(engine.YearFigures) json.Number) []string {
		out := make([]string, len(f.Years))
		for i, y := range f.Years {
			out[i] = get(y).String()
		}
		return out
	}
	need := func(get func(engine.YearFigures) engine.Threshold) []string {
		out := make([]string, len(f.Years))
		for i, y := range f.Years {
			out[i] = get(y).Amount.String()
		}
		return out
	}
	var cats []chart.Category
	for _, y := range f.Years {
		c := chart.Category{Name: y.Year}
		if !y.IsPlan() {
			c.Note = "(" + strings.ReplaceAll(y.Basis, "_", " ") + ")"
		}
		cats = append(cats, c)
	}
	surplusLabel := "Required"
	for _, y := range f.Years {
		if y.CumulativeSurplusMin.Pct != "" {
			surplusLabel = y.CumulativeSurplusMin.Pct.String() + "% of allocation"
			break
		}
	}
	bars := []chart.Bars{
		{ID: planID + "-funding", Title: "Funding and expenditure", Categories: cats, Series: []chart.BarSeries{
			{Label: "Funding total", Values: col(func(y engine.YearFigures) json.Number { return y.FundingTotal })},
			{Label: "Expenditure total", Values: col(func(y engine.YearFigures) json.Number { return y.ExpenditureTotal })},
		}},
		{ID: planID + "-qipp", Title: "QIPP savings and in-year surplus", Categories: cats, Series: []chart.BarSeries{
			{Label: "QIPP", Values: col(func(y engine.YearFigures) json.Number { return y.QIPP })},
			{Label: "In-year surplus", Values: col(func(y engine.YearFigures) json.Number { return y.InYearSurplus })},
		}},
	}
	if anyThreshold(f, func(y engine.YearFigures) engine.Threshold { return y.CumulativeSurplusMin }) {
		bars = append(bars, chart.Bars{ID: planID + "-cumulative", Title: "Cumulative surplus against " + surplusLabel, Categories: cats, MarkerLabel: "required", Series: []chart.BarSeries{
			{Label: "Cumulative surplus", Values: col(func(y engine.YearFigures) json.Number { return y.CumulativeSurplus }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.CumulativeSurplusMin })},
		}})
	}
	if anyThreshold(f, func(y engine.YearFigures) engine.Threshold { return y.ContingencyMin },
		func(y engine.YearFigures) engine.Threshold { return y.NonRecurrentMin },
		func(y engine.YearFigures) engine.Threshold { return y.UncommittedMin }) {
		bars = append(bars, chart.Bars{ID: planID + "-reserves", Title: "Reserves against their thresholds", Categories: cats, MarkerLabel: "required", Series: []chart.BarSeries{
			{Label: "Contingency", Values: col(func(y engine.YearFigures) json.Number { return y.Contingency }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.ContingencyMin })},
			{Label: "Non-recurrent", Values: col(func(y engine.YearFigures) json.Number { return y.NonRecurrent }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.NonRecurrentMin })},
			{Label: "Uncommitted", Values: col(func(y engine.YearFigures) json.Number { return y.Uncommitted }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.UncommittedMin })},
		}})
	}
	if b, ok := positionChart(planID, f, cats, col); ok {
		bars = append(bars, b)
	}
	out := make([]*chart.Chart, len(bars))
	for i, b := range bars {
		out[i] = b.Chart()
	}
	return out
}

// performanceChart draws a metric's planned trajectory (monthly where the
// plan gives it, else the year's planned level) against its standard.
func performanceChart(planID string, m engine.MetricFigures) *chart.Chart {
	t := chart.Trajectory{ID: planID + "-perf-" + m.Key, Title: m.Label, LowerIsBetter: m.LowerIsBetter, Unit: m.Unit}
	for _, y := range m.Years {
		ty := chart.TrajectoryYear{Year: y.Year, Plan: y.Plan.String(), Standard: y.Standard.String()}
		switch {
		case y.StandardKind == "trust":
			ty.StandardNote = "the trust's own improvement target"
		case y.YearAverage:
			ty.StandardNote = "judged on the average of the 12 months"
		}
		for _, v := range y.Monthly {
			ty.Monthly = append(ty.Monthly, v.String())
		}
		if y.RecoveryPlan {
			ty.Note = "a recovery plan is named"
		}
		t.Years = append(t.Years, ty)
	}
	return t.Chart()
}

// anyThreshold reports whether the round sets any of the thresholds in a year
// of f: a chart of a threshold the round does not set is not drawn.
func anyThreshold(f *engine.PlanFigures, gets ...func(engine.YearFigures) engine.Threshold) bool {
	for _, y := range f.Years {
		for _, get := range gets {
			if get(y).Pct != "" {
				return true
			}
		}
	}
	return false
}

// positionChart draws what the round's finance rules ask of an ICB's or a
// trust's position, where they ask it: the in-year position against breakeven
// (0), the position without deficit support against 0 in the year support
// must end, and an ICB's net system position against balance. Not drawn when
// the round asks none of these.
func positionChart(planID string, f *engine.PlanFigures, cats []chart.Category, col func(func(engine.YearFigures) json.Number) []string) (chart.Bars, bool) {
	zeroWhere := func(asked func(engine.YearFigures) bool) ([]string, bool) {
		out := make([]string, len(f.Years))
		found := false
		for i, y := range f.Years {
			if y.IsPlan() && asked(y) {
				out[i], found = "0", true
			}
		}
		return out, found
	}
	var series []chart.BarSeries
	if m, ok := zeroWhere(func(y engine.YearFigures) bool { return y.Breakeven }); ok {
		series = append(series, chart.BarSeries{Label: "In-year position", Values: col(func(y engine.YearFigures) json.Number { return y.InYearSurplus }), Markers: m})
	}
	if m, ok := zeroWhere(func(y engine.YearFigures) bool { return y.DeficitSupportExit }); ok {
		series = append(series,
			chart.BarSeries{Label: "Deficit support", Values: col(func(y engine.YearFigures) json.Number { return y.DeficitSupport })},
			chart.BarSeries{Label: "Position without deficit support", Values: col(func(y engine.YearFigures) json.Number {
				return engine.Difference(y.InYearSurplus, y.DeficitSupport)
			}), Markers: m})
	}
	if m, ok := zeroWhere(func(y engine.YearFigures) bool { return y.SystemBalance }); ok {
		series = append(series, chart.BarSeries{Label: "Net system position", Values: col(func(y engine.YearFigures) json.Number { return y.SystemInYear }), Markers: m})
	}
	if len(series) == 0 {
		return chart.Bars{}, false
	}
	return chart.Bars{ID: planID + "-position", Title: "Financial position against breakeven", Categories: cats, MarkerLabel: "at least", Series: series}, true
}
