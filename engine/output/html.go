package output

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output/chart"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"verdictWords": verdictWords,
	"number":       engine.Number,
	"where":        where,
	"breakable":    breakable,
}).Parse(htmlSource))

// breakable lets a rule id wrap after its dots
// ("performance.<wbr>dementia_diagnosis") in a narrow column.
func breakable(id string) template.HTML {
	var b strings.Builder
	for _, r := range id {
		b.WriteString(template.HTMLEscapeString(string(r)))
		if r == '.' {
			b.WriteString("<wbr>")
		}
	}
	return template.HTML(b.String()) // #nosec: every part escaped above
}

// HTML writes the report as one self-contained HTML page: when it holds more
// than one plan, the region at a glance (a matrix of plans by rules) and the
// versions of one organisation's plan side by side; a summary of the
// verdicts; then each plan's findings with their figures and guidance, and,
// for plans whose figures the report carries (runner.Config.Figures),
// charts of the finance position and of each performance trajectory against
// its standard. The page needs no network and no JavaScript; charts are
// inline SVG with text alternatives. Output is deterministic.
func HTML(w io.Writer, r engine.Report) error {
	page, err := newHTMLReport(r)
	if err != nil {
		return err
	}
	return htmlTemplate.Execute(w, page)
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
	Matrix *matrix      // more than one plan only
	Trends []planTrend  // organisations with several versions of a plan
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
	Rows      []htmlFinding
	Guidance  []guidance
	Finance   *financeView
	Charts    []template.HTML // finance charts
	PerfChart []template.HTML
}

// htmlFinding is a finding with the anchor the matrix links to (on the
// first finding of each rule).
type htmlFinding struct {
	engine.Finding
	Anchor string
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

func newHTMLReport(r engine.Report) (htmlReport, error) {
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
		p := htmlPlan{Result: res, ID: planAnchor(i), Org: strings.TrimSpace(res.Organisation + " " + res.Name)}
		p.Outcomes = outcomeWords(res.Rules)
		seen := map[string]bool{}
		for _, f := range res.Findings {
			row := htmlFinding{Finding: f}
			if !seen[f.Rule] {
				seen[f.Rule] = true
				row.Anchor = findingAnchor(i, f.Rule)
				p.Guidance = append(p.Guidance, guidance{Rule: f.Rule, Title: f.Title, Text: f.Guidance, URL: f.URL})
			}
			p.Rows = append(p.Rows, row)
		}
		if fig := res.Figures; fig != nil {
			p.Finance = financeTable(fig)
			for _, c := range financeCharts(p.ID, fig) {
				svg, err := c.SVG()
				if err != nil {
					return out, err
				}
				p.Charts = append(p.Charts, svg)
			}
			for _, m := range fig.Performance {
				svg, err := performanceChart(p.ID, m).SVG()
				if err != nil {
					return out, err
				}
				p.PerfChart = append(p.PerfChart, svg)
			}
		}
		out.Plans = append(out.Plans, p)
	}
	if len(r.Results) > 1 {
		out.Matrix = newMatrix(r)
	}
	out.Trends = newTrends(r)
	return out, nil
}

// planAnchor is the id of the i-th plan's section on the page.
func planAnchor(i int) string { return fmt.Sprintf("plan-%d", i+1) }

// findingAnchor is the id of the first finding of rule in the i-th plan.
func findingAnchor(i int, rule string) string { return planAnchor(i) + "-" + rule }

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
func money(n json.Number) string { return chart.Figure(n.String()) }
