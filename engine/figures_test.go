package engine_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

func TestFigures(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := testutil.ReadPlan(t, "../plans/06W-2017-19.json")
	f := eng.Figures(p)
	if f == nil || len(f.Years) != 3 {
		t.Fatalf("Figures = %+v, want 3 years", f)
	}
	base, y := f.Years[0], f.Years[2]
	if base.IsPlan() || base.ContingencyMin != (engine.Threshold{}) {
		t.Errorf("baseline year %+v: want no thresholds", base)
	}
	want := engine.YearFigures{Year: "2018/19", Basis: "plan", Allocation: "251620", FundingTotal: "252070",
		ExpenditureTotal: "259618", QIPP: "7548", InYearSurplus: "0", CumulativeSurplus: "2521",
		Contingency: "1261", NonRecurrent: "2521", Uncommitted: "1261",
		CumulativeSurplusMin: engine.Threshold{Pct: "1", Amount: "2516.2"},
		ContingencyMin:       engine.Threshold{Pct: "0.5", Amount: "1258.1"},
		NonRecurrentMin:      engine.Threshold{Pct: "1", Amount: "2516.2"},
		UncommittedMin:       engine.Threshold{Pct: "0.5", Amount: "1258.1"}}
	if got, _ := json.Marshal(y); string(got) != string(mustJSON(t, want)) {
		t.Errorf("2018/19 = %s\nwant %s", got, mustJSON(t, want))
	}
	// the metrics the plan gives: the 14 of the CCG-era rounds, not those of 2025/26 on
	if len(f.Performance) != 14 || len(eng.Metrics()) <= 14 {
		t.Fatalf("%d metrics of %d, want the plan's 14", len(f.Performance), len(eng.Metrics()))
	}
	ae, iapt := f.Performance[0], f.Performance[6]
	if ae.Key != "ae_4hr" || ae.Years[0].Standard != "95" || ae.Years[0].Plan != "91.0" || len(ae.Years[0].Monthly) != 12 || !ae.Years[0].RecoveryPlan {
		t.Errorf("ae_4hr = %+v", ae)
	}
	if iapt.Key != "iapt_access" || iapt.Years[0].Standard != "16.8" || iapt.Years[1].Standard != "19" {
		t.Errorf("iapt_access standards per year = %+v", iapt.Years)
	}
	if cyp := f.Performance[12]; cyp.Years[0].Standard != "" || cyp.Years[1].Standard != "32" {
		t.Errorf("cyp_mh_access standards = %+v", cyp.Years)
	}

	plain, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res := plain.Evaluate(ctx, p); res.Figures != nil {
		t.Error("Figures set without KeepFigures")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The threshold key of each finance line comes from the policies
// (lib.plan.finance_thresholds), as does the allocation it is a share of.
func TestFiguresFollowThePoliciesFinanceThresholds(t *testing.T) {
	eng, err := engine.New(t.Context(), policyFS(map[string]string{"lib/plan.rego": `package planassure.lib.plan

allocation_lines := [["finance", "allocation"]]

finance_thresholds := {"contingency": "min"}
`}), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := plan.Plan{Round: "2017-19", Doc: map[string]any{"years": []any{map[string]any{
		"year": "2017/18", "basis": "plan", "finance": map[string]any{"allocation": json.Number("2000")},
	}}}}
	y := eng.Figures(p).Years[0]
	if want := (engine.Threshold{Pct: "100", Amount: "2000"}); y.ContingencyMin != want {
		t.Errorf("contingency threshold = %+v, want %+v (round 2017-19's min)", y.ContingencyMin, want)
	}
	if y.UncommittedMin != (engine.Threshold{}) || y.CumulativeSurplusMin != (engine.Threshold{}) {
		t.Errorf("lines the policies give no key have thresholds: %+v", y)
	}
}
