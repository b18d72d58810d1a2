package output_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
)

var update = flag.Bool("update", false, "rewrite golden files")

// rep is one report every formatter renders: an assured plan, a plan with an
// error and a warning, and a plan that could not be read.
var rep = engine.Report{
	Rules: []engine.Rule{
		{ID: "finance.contingency", Area: "finance", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError, Guidance: "Norwich p15"},
		{ID: "finance.qipp_stretch", Area: "finance", Title: "QIPP stretch", Severity: engine.SeverityWarning, Guidance: "Norwich p14"},
	},
	Results: []engine.Result{
		{Plan: "plans/a.json", Organisation: "00A", Name: "NHS A CCG", Round: "2017-19", Verdict: engine.VerdictAssured, Findings: []engine.Finding{},
			Rules: []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomePassed}, {Rule: "finance.qipp_stretch", Outcome: engine.OutcomePassed}}},
		{Plan: "plans/b.json", Organisation: "00B", Name: "NHS B CCG", Round: "2017-19", Verdict: engine.VerdictNotAssured, Errors: 1, Warnings: 1,
			Findings: []engine.Finding{
				{Rule: "finance.contingency", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
					Message: "2017/18: contingency 100 is 0.04% of allocation 245500, below the 0.5% required (1227.5)",
					Pointer: "/years/1/finance/reserves/contingency", Line: 40, Expected: json.Number("1227.5"), Actual: json.Number("100"), Guidance: "Norwich p15"},
				{Rule: "finance.qipp_stretch", Title: "QIPP stretch", Severity: engine.SeverityWarning,
					Message: "2017/18: QIPP 9700 is 3.94% of allocation", Pointer: "/years/1/finance/qipp", Line: 30,
					Expected: json.Number("7389"), Actual: json.Number("9700"), Guidance: "Norwich p14"},
			},
			Rules:   []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomeFailed}, {Rule: "finance.qipp_stretch", Outcome: engine.OutcomeFailed}},
			Figures: figuresB},
		{Plan: "plans/c.json", Verdict: engine.VerdictError, Findings: []engine.Finding{},
			Problems: []engine.Problem{{Pointer: "/years/1/finance/funding/total", Line: 72, Message: "expected a number, got a string"}}},
	},
	Totals: map[engine.Verdict]int{engine.VerdictAssured: 1, engine.VerdictAssuredWithConditions: 0, engine.VerdictNotAssured: 1, engine.VerdictError: 1},
}

// figuresB are plan b's figures, for the charts of the html format (not in JSON).
var figuresB = &engine.PlanFigures{
	Years: []engine.YearFigures{
		{Year: "2016/17", Basis: "forecast_outturn", Allocation: "240000", FundingTotal: "240500", ExpenditureTotal: "240500",
			QIPP: "6100", InYearSurplus: "0", CumulativeSurplus: "2600", Contingency: "1200", NonRecurrent: "2400", Uncommitted: "2400"},
		{Year: "2017/18", Basis: "plan", Allocation: "245500", FundingTotal: "246000", ExpenditureTotal: "247900",
			QIPP: "9700", InYearSurplus: "-1900", CumulativeSurplus: "700", Contingency: "100", NonRecurrent: "2455", Uncommitted: "1300",
			CumulativeSurplusMin: engine.Threshold{Pct: "1", Amount: "2455"},
			ContingencyMin:       engine.Threshold{Pct: "0.5", Amount: "1227.5"},
			NonRecurrentMin:      engine.Threshold{Pct: "1", Amount: "2455"},
			UncommittedMin:       engine.Threshold{Pct: "0.5", Amount: "1227.5"}},
	},
	Performance: []engine.MetricFigures{
		{Key: "ae_4hr", Label: "A&E within 4 hours", Years: []engine.MetricYear{{Year: "2017/18", Plan: "91.0", Standard: "95", RecoveryPlan: true,
			Monthly: []json.Number{"88.5", "88.7", "89.0", "89.2", "89.4", "89.6", "89.9", "90.1", "90.3", "90.5", "90.8", "91.0"}}}},
		{Key: "diagnostics_6wk", Label: "Diagnostic waits of 6 weeks or more", LowerIsBetter: true,
			Years: []engine.MetricYear{{Year: "2017/18", Plan: "0.9", Standard: "1"}}},
	},
}

func TestFormats(t *testing.T) {
	for _, name := range output.Names() {
		t.Run(name, func(t *testing.T) {
			f, err := output.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := json.Marshal(rep)
			var buf bytes.Buffer
			if err := f(&buf, rep); err != nil {
				t.Fatal(err)
			}
			after, _ := json.Marshal(rep)
			if !bytes.Equal(before, after) {
				t.Error("the formatter modified the report")
			}
			path := filepath.Join("testdata", name, "report.golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, err := output.Lookup("xml"); err == nil || err.Error() != `unknown format "xml" (want one of html, json, table)` {
		t.Errorf("Lookup(xml) error = %v", err)
	}
}
