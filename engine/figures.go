package engine

import (
	"context"
	"encoding/json"
	"math/big"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/planassure/planassure/plan"
)

// PlanFigures are the figures of one plan a report draws: the finance lines of
// every year and each performance trajectory, with the thresholds of the
// plan's round that apply to them. Figures keep the exact digits of the plan
// (json.Number); "" means the plan does not give the figure or the round sets
// no threshold.
type PlanFigures struct {
	Submission  Submission      `json:"submission"`
	Years       []YearFigures   `json:"years"`
	Performance []MetricFigures `json:"performance,omitempty"` // in the order of Engine.Metrics
}

// Submission says which version of an organisation's plan this is: its
// submission block ("" where the plan does not say).
type Submission struct {
	Version     string `json:"version,omitempty"`
	Status      string `json:"status,omitempty"` // draft or final
	SubmittedOn string `json:"submitted_on,omitempty"`
}

// YearFigures are the finance lines of one year of a plan (£000).
type YearFigures struct {
	Year             string      `json:"year"`  // "2017/18"
	Basis            string      `json:"basis"` // "plan", or the baseline's basis ("forecast_outturn")
	Allocation       json.Number `json:"allocation,omitempty"`
	FundingTotal     json.Number `json:"funding_total,omitempty"`
	ExpenditureTotal json.Number `json:"expenditure_total,omitempty"`
	QIPP             json.Number `json:"qipp,omitempty"` // identified plus unidentified
	InYearSurplus    json.Number `json:"in_year_surplus,omitempty"`
	// CumulativeSurplus is the cumulative surplus carried forward.
	CumulativeSurplus json.Number `json:"cumulative_surplus,omitempty"`
	Contingency       json.Number `json:"contingency,omitempty"`
	NonRecurrent      json.Number `json:"non_recurrent_reserve,omitempty"`
	Uncommitted       json.Number `json:"uncommitted_reserve,omitempty"`

	// DeficitSupport is the deficit support the in-year position includes;
	// SystemInYear the net system position an ICB's plan carries.
	DeficitSupport json.Number `json:"deficit_support,omitempty"`
	SystemInYear   json.Number `json:"system_in_year,omitempty"`

	// What the round's finance rules ask of a plan year, as the policies
	// resolve it (lib.rounds.by_year): break even (in-year position at least
	// 0), break even without deficit support, a balanced net system position.
	Breakeven          bool `json:"breakeven,omitempty"`
	DeficitSupportExit bool `json:"deficit_support_exit,omitempty"`
	SystemBalance      bool `json:"system_balance,omitempty"`

	// The thresholds of the round, for plan years only: a percentage of
	// allocation and the amount it asks for. The policies name each line's
	// threshold key (lib.plan.finance_thresholds, keyed by these fields'
	// names without "_min").
	CumulativeSurplusMin Threshold `json:"cumulative_surplus_min"`
	ContingencyMin       Threshold `json:"contingency_min"`
	NonRecurrentMin      Threshold `json:"non_recurrent_reserve_min"`
	UncommittedMin       Threshold `json:"uncommitted_reserve_min"`
}

// IsPlan reports whether the year is a plan year (not the baseline).
func (y YearFigures) IsPlan() bool { return y.Basis == "plan" }

// Threshold is a percentage-of-allocation threshold and the amount (£000) it
// asks for; both "" when the round sets none or the allocation is unknown.
type Threshold struct {
	Pct    json.Number `json:"pct,omitempty"`
	Amount json.Number `json:"amount,omitempty"`
}

// MetricFigures is one performance trajectory and its standard per year.
type MetricFigures struct {
	Key           string       `json:"key"` // "ae_4hr"
	Label         string       `json:"label"`
	LowerIsBetter bool         `json:"lower_is_better,omitempty"` // the standard is a maximum
	Unit          string       `json:"unit"`                      // "%" or "minutes"
	Years         []MetricYear `json:"years"`
}

// MetricYear is a metric's plan for one plan year, in the metric's unit.
type MetricYear struct {
	Year    string        `json:"year"`
	Plan    json.Number   `json:"plan,omitempty"`
	Monthly []json.Number `json:"monthly,omitempty"` // April to March, when given
	// Standard is the level the rules hold the year to
	// (lib.performance.standards): the round's threshold for the plan's
	// organisation type, or a trust's own improvement target (StandardKind
	// "trust"); YearAverage where the round judges the mean of the months.
	Standard     json.Number `json:"standard,omitempty"`
	StandardKind string      `json:"standard_kind,omitempty"` // "round" or "trust"
	YearAverage  bool        `json:"year_average,omitempty"`
	RecoveryPlan bool        `json:"recovery_plan,omitempty"`
}

// Metric is one performance metric as the policies describe it
// (data.planassure.lib.performance.metrics): reports draw it from these.
type Metric struct {
	Key           string `json:"key"`
	Label         string `json:"label"`           // in words for a message: "cancer 2-week wait from urgent GP referral"
	LowerIsBetter bool   `json:"lower_is_better"` // the standard is a maximum
	Threshold     string `json:"threshold"`       // its threshold key in a round: "performance.ae_4hr"
	Unit          string `json:"unit,omitempty"`  // "%" or "minutes" (lib.performance.units); "" reads as "%"
}

// Metrics returns the performance metrics the policies define, in the order
// reports show them.
func (e *Engine) Metrics() []Metric { return append([]Metric(nil), e.metrics...) }

// metricsInOrder lists metrics by key in order, then those order does not
// name, by key.
func metricsInOrder(metrics map[string]Metric, order []string) []Metric {
	out := make([]Metric, 0, len(metrics))
	listed := map[string]bool{}
	for _, k := range order {
		if m, ok := metrics[k]; ok && !listed[k] {
			listed[k] = true
			m.Key = k
			out = append(out, m)
		}
	}
	rest := make([]string, 0, len(metrics))
	for k := range metrics {
		if !listed[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		m := metrics[k]
		m.Key = k
		out = append(out, m)
	}
	return out
}

// title is a label as a chart's title: its first letter a capital.
func title(label string) string {
	r, n := utf8.DecodeRuneInString(label)
	return string(unicode.ToUpper(r)) + label[n:]
}

// Figures extracts the figures of p a report draws, with the thresholds of
// its round. It never fails: a figure the plan lacks is left empty.
func (e *Engine) Figures(p plan.Plan) *PlanFigures {
	rules := e.planStandards(p)
	root, _ := p.Doc.(map[string]any)
	years, _ := root["years"].([]any)
	f := &PlanFigures{Years: []YearFigures{}, Submission: Submission{
		Version:     strAt(root, "submission", "version"),
		Status:      strAt(root, "submission", "status"),
		SubmittedOn: strAt(root, "submission", "submitted_on"),
	}}
	var planYears []map[string]any
	for _, y := range years {
		year, _ := y.(map[string]any)
		if year == nil {
			continue
		}
		yf := YearFigures{Year: strAt(year, "year"), Basis: strAt(year, "basis")}
		alloc := e.allocationOf(year)
		yf.Allocation = alloc
		yf.FundingTotal = numAt(year, "finance", "funding", "total")
		yf.ExpenditureTotal = numAt(year, "finance", "expenditure", "total")
		yf.QIPP = sumAny(numAt(year, "finance", "qipp", "identified"), numAt(year, "finance", "qipp", "unidentified"))
		yf.InYearSurplus = numAt(year, "finance", "surplus", "in_year")
		yf.CumulativeSurplus = numAt(year, "finance", "surplus", "cumulative_carried_forward")
		yf.Contingency = numAt(year, "finance", "reserves", "contingency")
		yf.NonRecurrent = numAt(year, "finance", "reserves", "non_recurrent")
		yf.Uncommitted = numAt(year, "finance", "reserves", "non_recurrent_uncommitted")
		yf.DeficitSupport = numAt(year, "finance", "deficit_support")
		yf.SystemInYear = numAt(year, "finance", "surplus", "system_in_year")
		if yf.IsPlan() {
			yf.Breakeven = rules.Breakeven[yf.Year]
			yf.DeficitSupportExit = rules.DeficitSupportExit[yf.Year]
			yf.SystemBalance = rules.SystemBalance[yf.Year]
			planYears = append(planYears, year)
			yf.CumulativeSurplusMin = e.pctThreshold(p.Round, e.finance["cumulative_surplus"], yf.Year, alloc)
			yf.ContingencyMin = e.pctThreshold(p.Round, e.finance["contingency"], yf.Year, alloc)
			yf.NonRecurrentMin = e.pctThreshold(p.Round, e.finance["non_recurrent_reserve"], yf.Year, alloc)
			yf.UncommittedMin = e.pctThreshold(p.Round, e.finance["uncommitted_reserve"], yf.Year, alloc)
		}
		f.Years = append(f.Years, yf)
	}
	for _, m := range e.metrics {
		unit := m.Unit
		if unit == "" {
			unit = "%"
		}
		mf := MetricFigures{Key: m.Key, Label: title(m.Label), LowerIsBetter: m.LowerIsBetter, Unit: unit}
		given := false
		for _, year := range planYears {
			fy := strAt(year, "year")
			my := MetricYear{Year: fy}
			if st, ok := rules.Standards[m.Key][fy]; ok {
				my.Standard, my.StandardKind, my.YearAverage = st.Threshold, st.Kind, st.YearAverage
			}
			if metric, ok := lookup(year, []string{"performance", m.Key}).(map[string]any); ok {
				my.Plan = numAt(metric, "plan")
				if monthly, ok := metric["monthly"].([]any); ok {
					for _, v := range monthly {
						n, _ := v.(json.Number)
						my.Monthly = append(my.Monthly, n)
					}
				}
				rp, _ := metric["recovery_plan"].(string)
				my.RecoveryPlan = rp != ""
			}
			if my.Plan != "" || len(my.Monthly) > 0 {
				given = true
			}
			mf.Years = append(mf.Years, my)
		}
		if given {
			f.Performance = append(f.Performance, mf)
		}
	}
	return f
}

// figuresQuery reads what the policies hold one plan to, for its figures: the
// standard of each metric per plan year (lib.performance.standards, resolved
// by round, year and organisation type) and the plan years in which the
// round's finance rules ask for breakeven, an exit from deficit support and a
// balanced net system position (lib.rounds.finance_asks).
const figuresQuery = `standards := [x | x := data.planassure.lib.performance.standards]
asks := [x | x := data.planassure.lib.rounds.finance_asks]`

// Standard is the standard of a metric in one plan year (lib.performance.standards).
type Standard struct {
	Threshold   json.Number `json:"threshold"`
	Kind        string      `json:"kind"`
	YearAverage bool        `json:"year_average"`
}

// planRules is what the policies hold one plan to, for its figures.
type planRules struct {
	Standards          map[string]map[string]Standard // metric key -> financial year
	Breakeven          map[string]bool
	DeficitSupportExit map[string]bool
	SystemBalance      map[string]bool
}

// planStandards evaluates figuresQuery on p. A plan the policies cannot
// evaluate (its result reports the error) has no standards drawn.
func (e *Engine) planStandards(p plan.Plan) planRules {
	var out planRules
	if e.rounds != nil && !contains(e.rounds, p.Round) {
		return out
	}
	input, err := ast.InterfaceToValue(p.Doc)
	if err != nil {
		return out
	}
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	rs, err := e.figures.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil || len(rs) != 1 {
		return out
	}
	var standards []map[string]map[string]Standard
	if roundTrip(rs[0].Bindings["standards"], &standards) == nil && len(standards) > 0 {
		out.Standards = standards[0]
	}
	var asks []map[string][]string
	if roundTrip(rs[0].Bindings["asks"], &asks) == nil && len(asks) > 0 {
		years := func(name string) map[string]bool {
			m := map[string]bool{}
			for _, fy := range asks[0][name] {
				m[fy] = true
			}
			return m
		}
		out.Breakeven, out.DeficitSupportExit, out.SystemBalance = years("breakeven"), years("deficit_support_exit"), years("system_balance")
	}
	return out
}

// allocationOf is the allocation of a year, exactly: the sum of the lines the
// policies name (lib.plan.allocation_lines); "" when a line is missing or the
// policies name none.
func (e *Engine) allocationOf(year map[string]any) json.Number {
	if len(e.allocation) == 0 {
		return ""
	}
	lines := make([]json.Number, len(e.allocation))
	for i, path := range e.allocation {
		lines[i] = numAt(year, path...)
	}
	return sumOf(lines...)
}

// yearThreshold is the numeric threshold key of round for financial year fy:
// the round's number, or its figure for fy where it varies by year.
func (e *Engine) yearThreshold(round, key, fy string) json.Number {
	v, ok := e.Threshold(round, key)
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case json.Number:
		return x
	case map[string]any:
		n, _ := x[fy].(json.Number)
		return n
	}
	return ""
}

// pctThreshold is a percentage-of-allocation threshold and the amount it asks
// of allocation alloc (exact: pct × alloc / 100).
func (e *Engine) pctThreshold(round, key, fy string, alloc json.Number) Threshold {
	pct := e.yearThreshold(round, key, fy)
	if pct == "" {
		return Threshold{}
	}
	t := Threshold{Pct: pct}
	p, ok1 := new(big.Rat).SetString(pct.String())
	a, ok2 := new(big.Rat).SetString(alloc.String())
	if ok1 && ok2 {
		amount := new(big.Rat).Mul(p, a)
		amount.Quo(amount, big.NewRat(100, 1))
		t.Amount = json.Number(plan.Decimal(amount))
	}
	return t
}

func numAt(m map[string]any, path ...string) json.Number {
	n, _ := lookup(m, path).(json.Number)
	return n
}

func strAt(m map[string]any, path ...string) string {
	s, _ := lookup(m, path).(string)
	return s
}

// sumOf adds the numbers exactly; "" when any is missing.
func sumOf(ns ...json.Number) json.Number {
	total := new(big.Rat)
	for _, n := range ns {
		r, ok := new(big.Rat).SetString(n.String())
		if n == "" || !ok {
			return ""
		}
		total.Add(total, r)
	}
	return json.Number(plan.Decimal(total))
}

// sumAny adds the numbers given exactly; "" when none is.
func sumAny(ns ...json.Number) json.Number {
	var given []json.Number
	for _, n := range ns {
		if n != "" {
			given = append(given, n)
		}
	}
	if len(given) == 0 {
		return ""
	}
	return sumOf(given...)
}

// Difference is a − b exactly; "" when either is missing.
func Difference(a, b json.Number) json.Number {
	x, ok1 := new(big.Rat).SetString(a.String())
	y, ok2 := new(big.Rat).SetString(b.String())
	if a == "" || b == "" || !ok1 || !ok2 {
		return ""
	}
	return json.Number(plan.Decimal(new(big.Rat).Sub(x, y)))
}
