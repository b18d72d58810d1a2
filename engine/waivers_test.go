package engine_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
)

func TestReadWaiversErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, want string }{
		{"missing-fields.yaml", "/0/round: required; /0/reason: required; /0/approved_by: required; /0/expires: required"},
		{"bad-date.yaml", `/0/expires: "2018-02-30" is not a date (YYYY-MM-DD)`},
		{"broken.yaml", "read waivers ../testdata/waivers/broken.yaml: yaml: line 1"},
		{"unknown-field.json", `unknown field "colour"`},
	}
	for _, tc := range tests {
		path := "../testdata/waivers/" + tc.file
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = engine.ReadWaivers(path, data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.file, err, tc.want)
		}
	}
}

func TestApplyWaivers(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/waivers/waivers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ws, err := engine.ReadWaivers("waivers.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	finding := func(rule string, sev engine.Severity) engine.Finding {
		return engine.Finding{Rule: rule, Severity: sev, Message: rule}
	}
	rep := engine.Report{Results: []engine.Result{
		{Plan: "a", Organisation: "06W", Round: "2017-19", Verdict: engine.VerdictAssuredWithConditions, Warnings: 1,
			Findings: []engine.Finding{finding("finance.qipp_stretch", engine.SeverityWarning)}},
		{Plan: "b", Organisation: "08Q", Round: "2016/17", Verdict: engine.VerdictNotAssured, Errors: 1,
			Findings: []engine.Finding{finding("performance.dementia_diagnosis", engine.SeverityError)}},
	}}
	got := engine.ApplyWaivers(rep, ws, "2017-06-30")
	if got.Results[0].Verdict != engine.VerdictAssured || got.Results[0].Waived != 1 || got.Results[0].Warnings != 0 {
		t.Errorf("waived plan: %+v", got.Results[0])
	}
	if w := got.Results[0].Findings[0].Waived; w == nil || w.ApprovedBy != "Regional finance lead" {
		t.Errorf("the waived finding does not carry its waiver: %+v", got.Results[0].Findings[0])
	}
	if got.Results[1].Verdict != engine.VerdictNotAssured || got.Results[1].Findings[0].Waived != nil {
		t.Errorf("an expired waiver must not apply: %+v", got.Results[1])
	}
	var notes []string
	for _, n := range got.Waivers {
		notes = append(notes, n.Waiver.Rule+": "+n.Message)
	}
	want := []string{
		"finance.contingency: matches no finding: remove it or correct its rule, organisation or round",
		"performance.dementia_diagnosis: expired on 2016-12-31: the findings it covered count again",
	}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
	if rep.Results[0].Findings[0].Waived != nil || rep.Results[0].Verdict != engine.VerdictAssuredWithConditions {
		t.Error("ApplyWaivers modified the report it was given")
	}
	if got.Totals[engine.VerdictAssured] != 1 || got.Totals[engine.VerdictNotAssured] != 1 {
		t.Errorf("totals %v", got.Totals)
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	oldPlan, err := engine.ReadPlan("old.json", planJSON("ABC", "100.1"))
	if err != nil {
		t.Fatal(err)
	}
	newPlan, err := engine.ReadPlan("new.json", planJSON("WRN", "99.95"))
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
