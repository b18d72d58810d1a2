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
		{ID: planID + "-cumulative", Title: "Cumulative surplus against " + surplusLabel, Categories: cats, MarkerLabel: "required", Series: []chart.BarSeries{
			{Label: "Cumulative surplus", Values: col(func(y engine.YearFigures) json.Number { return y.CumulativeSurplus }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.CumulativeSurplusMin })},
		}},
		{ID: planID + "-reserves", Title: "Reserves against their thresholds", Categories: cats, MarkerLabel: "required", Series: []chart.BarSeries{
			{Label: "Contingency", Values: col(func(y engine.YearFigures) json.Number { return y.Contingency }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.ContingencyMin })},
			{Label: "Non-recurrent", Values: col(func(y engine.YearFigures) json.Number { return y.NonRecurrent }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.NonRecurrentMin })},
			{Label: "Uncommitted", Values: col(func(y engine.YearFigures) json.Number { return y.Uncommitted }),
				Markers: need(func(y engine.YearFigures) engine.Threshold { return y.UncommittedMin })},
		}},
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
	t := chart.Trajectory{ID: planID + "-perf-" + m.Key, Title: m.Label, LowerIsBetter: m.LowerIsBetter}
	for _, y := range m.Years {
		ty := chart.TrajectoryYear{Year: y.Year, Plan: y.Plan.String(), Standard: y.Standard.String()}
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
