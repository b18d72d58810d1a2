package output

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/planassure/planassure/engine"
)

// The region at a glance: every plan of the report (rows) against every rule
// that ran on any of them (columns), each cell how the rule came out for the
// plan. Rows are ordered worst verdict first, then by organisation and plan.

// cellOutcome is how one rule came out for one plan, as the matrix shows it.
type cellOutcome string

const (
	cellPassed        cellOutcome = "passed"
	cellWarning       cellOutcome = "warning"
	cellError         cellOutcome = "error"
	cellNotApplicable cellOutcome = "not_applicable"
	cellWaived        cellOutcome = "waived"
	cellNotRun        cellOutcome = "not_run" // the plan could not be evaluated, or the rule is not for its kind
)

// cellOutcomes are the outcomes in the legend's order, with their symbol and words.
var cellOutcomes = []struct {
	Outcome cellOutcome
	Symbol  string
	Words   string
}{
	{cellError, "✖", "error"},
	{cellWarning, "▲", "warning"},
	{cellWaived, "○", "waived"},
	{cellPassed, "✓", "passed"},
	{cellNotApplicable, "–", "not applicable"},
	{cellNotRun, "·", "not run"},
}

func cellSymbol(o cellOutcome) (symbol, words string) {
	for _, c := range cellOutcomes {
		if c.Outcome == o {
			return c.Symbol, c.Words
		}
	}
	return "?", string(o)
}

type matrix struct {
	Areas  []matrixArea
	Rules  []matrixRule
	Rows   []matrixRow
	Legend []matrixLegend
	Totals []matrixTotal // per rule, one row per outcome that occurs
}

type matrixArea struct {
	Name string
	Abbr string // when the name is wider than its columns
	Span int
}

type matrixRule struct {
	ID, Short, Title string
}

type matrixRow struct {
	Index   int // the plan's place in the report
	PlanID  string
	Plan    string
	Org     string // code
	Name    string // organisation name
	Version string // when the report holds several versions of the organisation's plan
	Verdict engine.Verdict
	Cells   []matrixCell
	Counts  []int // per outcome, in the order of Totals
}

type matrixCell struct {
	Outcome       cellOutcome
	Symbol, Words string
	Href, Label   string
}

type matrixLegend struct {
	Outcome       cellOutcome
	Symbol, Words string
}

type matrixTotal struct {
	Outcome       cellOutcome
	Symbol, Words string
	Counts        []int // per rule
	Sum           int   // over every plan and rule
	Column        int   // its place among the per-plan count columns
}

// verdictRank orders verdicts worst first.
func verdictRank(v engine.Verdict) int {
	switch v {
	case engine.VerdictError:
		return 0
	case engine.VerdictNotAssured:
		return 1
	case engine.VerdictAssuredWithConditions:
		return 2
	case engine.VerdictAssured:
		return 3
	}
	return 4
}

// ranRules are the rules that ran on any plan of the report, sorted.
func ranRules(r engine.Report) []string {
	seen := map[string]bool{}
	var ids []string
	for _, res := range r.Results {
		for _, o := range res.Rules {
			if !seen[o.Rule] {
				seen[o.Rule] = true
				ids = append(ids, o.Rule)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// outcomeOf is how rule came out for res.
func outcomeOf(res engine.Result, rule string) cellOutcome {
	for _, o := range res.Rules {
		if o.Rule != rule {
			continue
		}
		switch o.Outcome {
		case engine.OutcomePassed:
			return cellPassed
		case engine.OutcomeNotApplicable:
			return cellNotApplicable
		}
		out := cellWaived
		for _, f := range res.Findings {
			if f.Rule != rule || f.Waived != nil {
				continue
			}
			if f.Severity == engine.SeverityError {
				return cellError
			}
			out = cellWarning
		}
		return out
	}
	return cellNotRun
}

// matrixOrder is the report's plans in the matrix's order: worst verdict
// first, then organisation code, then plan path.
func matrixOrder(r engine.Report) []int {
	idx := make([]int, len(r.Results))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ra, rb := r.Results[a], r.Results[b]
		return cmp.Or(cmp.Compare(verdictRank(ra.Verdict), verdictRank(rb.Verdict)),
			cmp.Compare(ra.Organisation, rb.Organisation), cmp.Compare(ra.Plan, rb.Plan), cmp.Compare(a, b))
	})
	return idx
}

func newMatrix(r engine.Report) *matrix {
	m := &matrix{}
	rules := ranRules(r)
	titles := map[string]string{}
	for _, rule := range r.Rules {
		titles[rule.ID] = rule.Title
	}
	for _, id := range rules {
		area, short, ok := strings.Cut(id, ".")
		if !ok {
			area, short = "", id
		}
		if n := len(m.Areas); n == 0 || m.Areas[n-1].Name != area {
			m.Areas = append(m.Areas, matrixArea{Name: area})
		}
		m.Areas[len(m.Areas)-1].Span++
		m.Rules = append(m.Rules, matrixRule{ID: id, Short: strings.ReplaceAll(short, "_", " "), Title: titles[id]})
	}
	for i, a := range m.Areas {
		// A column is about three characters of the header's font wide.
		if len(a.Name) > 3*a.Span && len(a.Name) > 3 {
			m.Areas[i].Abbr = a.Name[:min(len(a.Name), max(3*a.Span-1, 3))] + "."
		}
	}
	versions := orgVersions(r)
	totals := make([][]int, len(cellOutcomes))
	for i := range totals {
		totals[i] = make([]int, len(rules))
	}
	for _, i := range matrixOrder(r) {
		res := r.Results[i]
		row := matrixRow{Index: i, PlanID: planAnchor(i), Plan: res.Plan, Org: res.Organisation, Name: res.Name,
			Verdict: res.Verdict, Counts: make([]int, len(cellOutcomes))}
		if row.Org == "" {
			row.Org = res.Plan
		}
		if versions[orgRound{res.Organisation, res.Round}] > 1 {
			row.Version = versionWords(res)
		}
		for ri, rule := range rules {
			o := outcomeOf(res, rule)
			sym, words := cellSymbol(o)
			c := matrixCell{Outcome: o, Symbol: sym, Words: words, Href: "#" + row.PlanID,
				Label: fmt.Sprintf("%s, %s: %s", row.Org, rule, words)}
			switch o {
			case cellError, cellWarning, cellWaived:
				c.Href = "#" + findingAnchor(i, rule)
			}
			row.Cells = append(row.Cells, c)
			for k, co := range cellOutcomes {
				if co.Outcome == o {
					row.Counts[k]++
					totals[k][ri]++
				}
			}
		}
		m.Rows = append(m.Rows, row)
	}
	// Totals for the outcomes that occur (errors and warnings always), with
	// each row's counts cut to the same outcomes.
	var shown []int
	for k, co := range cellOutcomes {
		m.Legend = append(m.Legend, matrixLegend{co.Outcome, co.Symbol, co.Words})
		sum := 0
		for _, n := range totals[k] {
			sum += n
		}
		if sum == 0 && co.Outcome != cellError && co.Outcome != cellWarning {
			continue
		}
		shown = append(shown, k)
		m.Totals = append(m.Totals, matrixTotal{Outcome: co.Outcome, Symbol: co.Symbol, Words: co.Words, Counts: totals[k], Sum: sum})
	}
	for ri := range m.Rows {
		var counts []int
		for _, k := range shown {
			counts = append(counts, m.Rows[ri].Counts[k])
		}
		m.Rows[ri].Counts = counts
	}
	for i := range m.Totals {
		m.Totals[i].Column = i
	}
	return m
}

type orgRound struct{ org, round string }

// orgVersions counts the plans of each organisation and round.
func orgVersions(r engine.Report) map[orgRound]int {
	n := map[orgRound]int{}
	for _, res := range r.Results {
		if res.Organisation != "" {
			n[orgRound{res.Organisation, res.Round}]++
		}
	}
	return n
}

// versionWords names a version of a plan: "V12 Draft, draft, submitted 2016-11-21".
func versionWords(res engine.Result) string {
	if res.Figures == nil {
		return res.Plan
	}
	s := res.Figures.Submission
	var parts []string
	for _, p := range []string{s.Version, s.Status} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.SubmittedOn != "" {
		parts = append(parts, "submitted "+s.SubmittedOn)
	}
	if len(parts) == 0 {
		return res.Plan
	}
	return strings.Join(parts, ", ")
}
