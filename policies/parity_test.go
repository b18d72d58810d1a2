package policies_test

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/policies"
)

// TestParityWithPlainOPA evaluates data.planassure.main on each shipped plan the way
// `opa eval -d policies -i PLAN data.planassure.main` and conftest do (the policy
// files from disk, no schema, no engine) and requires the same findings, with
// the same title and severity, and the same verdict as the engine reports.
func TestParityWithPlainOPA(t *testing.T) {
	e, err := engine.New(t.Context(), policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := rego.New(rego.Query("data.planassure.main"), rego.Load([]string{"."}, nil)).PrepareForEval(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	plans, _ := filepath.Glob("../plans/*.json")
	if len(plans) == 0 {
		t.Fatal("no shipped plans")
	}
	for _, path := range plans {
		p, data := testutil.ReadPlan(t, path)
		var want []string
		res := e.Evaluate(t.Context(), p)
		for _, f := range res.Findings {
			want = append(want, f.Rule+" "+string(f.Severity)+" "+f.Title+" "+f.Pointer+" "+f.Message)
		}
		var input any
		if err := json.Unmarshal(data, &input); err != nil {
			t.Fatal(err)
		}
		rs, err := q.Eval(t.Context(), rego.EvalInput(input))
		if err != nil {
			t.Fatal(err)
		}
		main := rs[0].Expressions[0].Value.(map[string]any)
		var got []string
		for _, v := range main["findings"].([]any) {
			f := v.(map[string]any)
			ptr, _ := f["pointer"].(string)
			got = append(got, f["rule"].(string)+" "+f["severity"].(string)+" "+f["title"].(string)+" "+ptr+" "+f["msg"].(string))
		}
		if main["verdict"] != string(res.Verdict) {
			t.Errorf("%s: verdict %v from plain OPA, %s from the engine", path, main["verdict"], res.Verdict)
		}
		sort.Strings(want)
		sort.Strings(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: engine (-) and plain OPA (+) disagree:\n%s", path, diff)
		}
	}
}
