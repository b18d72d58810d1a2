package runner_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/runner"
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
		_, err = runner.ReadWaivers(path, data)
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
	ws, err := runner.ReadWaivers("waivers.yaml", data)
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
	got := runner.ApplyWaivers(rep, ws, "2017-06-30")
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
