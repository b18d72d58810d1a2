package engine_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

func TestDiff(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	oldPlan, err := plan.ReadJSON("old.json", testutil.PlanJSON("ABC", "100.1"), 0)
	if err != nil {
		t.Fatal(err)
	}
	newPlan, err := plan.ReadJSON("new.json", testutil.PlanJSON("WRN", "99.95"), 0)
	if err != nil {
		t.Fatal(err)
	}
	d := engine.Diff(oldPlan, newPlan, e.Evaluate(t.Context(), oldPlan), e.Evaluate(t.Context(), newPlan))
	wantChanges := []engine.Change{
		{Pointer: "/organisation/code", Old: "ABC", New: "WRN"},
		{Pointer: "/years/0/finance/surplus/in_year", Old: jsonNumber("100.1"), New: jsonNumber("99.95"), Difference: "-0.15"},
	}
	if diff := cmp.Diff(wantChanges, d.Changes); diff != "" {
		t.Errorf("changes mismatch (-want +got):\n%s", diff)
	}
	if len(d.Appeared) != 2 || len(d.Disappeared) != 0 || d.VerdictBefore != engine.VerdictAssured || d.VerdictAfter != engine.VerdictNotAssured {
		t.Errorf("appeared %d disappeared %d verdict %s -> %s", len(d.Appeared), len(d.Disappeared), d.VerdictBefore, d.VerdictAfter)
	}
	if !d.FailsNew(engine.SeverityError) || !d.FailsNew(engine.SeverityWarning) {
		t.Error("a new error finding must fail both gates")
	}
	back := engine.Diff(newPlan, oldPlan, d.After, d.Before)
	if back.FailsNew(engine.SeverityWarning) || len(back.Disappeared) != 2 {
		t.Errorf("the fix must pass the gate: %+v", back.Appeared)
	}
}
