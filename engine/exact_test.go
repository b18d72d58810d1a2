package engine_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// norwichWith is the Norwich plan with the 2017/18 funding lines, total and
// contingency replaced by the figures given, written exactly as given.
func norwichWith(t *testing.T, recurrent, nonRecurrent, running, total, contingency string) plan.Plan {
	t.Helper()
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	fin := doc["years"].([]any)[1].(map[string]any)["finance"].(map[string]any)
	fin["funding"] = map[string]any{
		"recurrent_programme": json.Number(recurrent), "non_recurrent_programme": json.Number(nonRecurrent),
		"running_cost": json.Number(running), "return_of_excess_surplus": json.Number("0"), "total": json.Number(total),
	}
	fin["reserves"].(map[string]any)["contingency"] = json.Number(contingency)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.ReadJSON("06W.json", b, 0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func outcome(t *testing.T, res engine.Result, rule string) engine.Outcome {
	t.Helper()
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	for _, o := range res.Rules {
		if o.Rule == rule {
			return o.Outcome
		}
	}
	t.Fatalf("no outcome for %s", rule)
	return ""
}

// TestExactMoney runs the real policies on figures where float arithmetic gives
// the wrong verdict: OPA computes decimals in 64-bit binary floating point
// (200012.2 + 40000.84 + 6300.56 = 246313.60000000000001, whose 0.5% is more
// than 1231.568), so lib/exact.rego sums and compares money as exact integers.
func TestExactMoney(t *testing.T) {
	t.Parallel()
	e := testutil.Engine(t)
	strict, err := engine.New(t.Context(), policies.FS, engine.Options{Data: map[string]any{
		"planassure": map[string]any{"rounds": map[string]any{"2017-19": map[string]any{"tolerance": json.Number("0")}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name                                                 string
		recurrent, nonRecurrent, running, total, contingency string
		eng                                                  *engine.Engine
		rule                                                 string
		want                                                 engine.Outcome
	}{
		// contingency exactly 0.5% of an allocation made of decimals
		{"contingency at the line", "200012.2", "40000.84", "6300.56", "246313.6", "1231.568", e, "finance.contingency", engine.OutcomePassed},
		{"contingency a £1 below", "200012.2", "40000.84", "6300.56", "246313.6", "1231.567", e, "finance.contingency", engine.OutcomeFailed},
		// the identity rules with tolerance 0 (a --data round override)
		{"funding lines sum exactly", "200012.2", "40000.84", "6300.56", "246313.6", "1300", strict, "finance.funding_total", engine.OutcomePassed},
		{"funding 0.1 + 0.2 is 0.3", "0.1", "0.2", "0", "0.3", "0.0015", strict, "finance.funding_total", engine.OutcomePassed},
		{"funding total off by 10^-20", "0.1", "0.2", "0", "0.30000000000000000001", "0.0015", strict, "finance.funding_total", engine.OutcomeFailed},
		// 20-digit figures (exact as integers in OPA, but not once a decimal joins them)
		{"20 digits plus 0.1", "12345678901234567890", "0.1", "0", "12345678901234567890.1", "61728394506172839.4505", strict, "finance.funding_total", engine.OutcomePassed},
		{"20 digits, 0.1 lost", "12345678901234567890", "0.1", "0", "12345678901234567890", "61728394506172839.4505", strict, "finance.funding_total", engine.OutcomeFailed},
		{"20-digit contingency at the line", "12345678901234567890", "0.1", "0", "12345678901234567890.1", "61728394506172839.4505", e, "finance.contingency", engine.OutcomePassed},
		{"20-digit contingency just below", "12345678901234567890", "0.1", "0", "12345678901234567890.1", "61728394506172839.4504", e, "finance.contingency", engine.OutcomeFailed},
		// 30 decimal places are read and compared exactly
		{"30 decimals at the line", "200000", "0", "0.000000000000000000000000000002", "200000.000000000000000000000000000002", "1000.00000000000000000000000000001", e, "finance.contingency", engine.OutcomePassed},
		{"30 decimals just below", "200000", "0", "0.000000000000000000000000000002", "200000.000000000000000000000000000002", "1000", e, "finance.contingency", engine.OutcomeFailed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := norwichWith(t, tc.recurrent, tc.nonRecurrent, tc.running, tc.total, tc.contingency)
			res := tc.eng.Evaluate(t.Context(), p)
			if got := outcome(t, res, tc.rule); got != tc.want {
				var msgs []string
				for _, f := range res.Findings {
					if f.Rule == tc.rule {
						msgs = append(msgs, f.Message)
					}
				}
				t.Errorf("%s %s, want %s: %v", tc.rule, got, tc.want, msgs)
			}
		})
	}
}

// TestContingencyShortfallFiguresAreExact: the expected figure of a finding is
// the exact share of the exact allocation.
func TestContingencyShortfallFiguresAreExact(t *testing.T) {
	t.Parallel()
	res := testutil.Engine(t).Evaluate(t.Context(), norwichWith(t, "200012.2", "40000.84", "6300.56", "246313.6", "1231.567"))
	for _, f := range res.Findings {
		if f.Rule == "finance.contingency" && f.Pointer == "/years/1/finance/reserves/contingency" {
			if f.Expected != json.Number("1231.568") || f.Actual != json.Number("1231.567") {
				t.Errorf("expected %v, actual %v; want 1231.568 and 1231.567", f.Expected, f.Actual)
			}
			return
		}
	}
	t.Errorf("no contingency finding: %+v", res.Findings)
}
