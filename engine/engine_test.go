package engine_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

const mainRego = `package planassure.main

deny contains object.union(finding, {"rule": concat(".", [area, name])}) if {
	some area, name
	some finding in data.planassure.rules[area][name].deny
}

not_applicable contains {"rule": concat(".", [area, name]), "msg": msg} if {
	some area, name
	some msg in data.planassure.rules[area][name].not_applicable
}
`

const roundsRego = `package planassure.lib.rounds

thresholds := {"2017-19": {"min": 100}}
`

// a rule that fires when the first year's surplus is below data.planassure.lib.rounds
const surplusRego = `# METADATA
# title: Surplus at least the minimum
# related_resources:
#   - ref: https://example.org/guidance
# custom:
#   severity: error
#   guidance: Test guidance, p1
package planassure.rules.t.surplus

deny contains {"msg": "too small", "pointer": "/years/0/finance/surplus/in_year", "expected": 100, "actual": x} if {
	x := input.years[0].finance.surplus.in_year
	x < data.planassure.lib.rounds.thresholds["2017-19"].min
}

deny contains {"msg": "softened", "pointer": "/years/0/year", "severity": "warning"} if {
	input.years[0].finance.surplus.in_year < 0
}
`

const warnRego = `# METADATA
# title: Always warns
# custom:
#   severity: warning
#   guidance: Test guidance, p2
package planassure.rules.t.warns

deny contains {"msg": "look at this"} if input.organisation.code == "WRN"

not_applicable contains "never here" if input.organisation.code == "NAP"
`

func policyFS(extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"main.rego":            {Data: []byte(mainRego)},
		"lib/rounds.rego":      {Data: []byte(roundsRego)},
		"rules/t/surplus.rego": {Data: []byte(surplusRego)},
		"rules/t/warns.rego":   {Data: []byte(warnRego)},
	}
	for k, v := range extra {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestEvaluate(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2017-19"}, e.Rounds()); diff != "" {
		t.Errorf("Rounds() mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		name        string
		code, value string
		want        engine.Verdict
		findings    []string // rule/severity/msg
		outcomes    map[string]engine.Outcome
	}{
		{"assured", "ABC", "100", engine.VerdictAssured, nil,
			map[string]engine.Outcome{"t.surplus": engine.OutcomePassed, "t.warns": engine.OutcomePassed}},
		{"error finding", "ABC", "99.99", engine.VerdictNotAssured, []string{"t.surplus/error/too small"},
			map[string]engine.Outcome{"t.surplus": engine.OutcomeFailed, "t.warns": engine.OutcomePassed}},
		{"warning only", "WRN", "100", engine.VerdictAssuredWithConditions, []string{"t.warns/warning/look at this"},
			map[string]engine.Outcome{"t.surplus": engine.OutcomePassed, "t.warns": engine.OutcomeFailed}},
		{"softened and errors sorted first", "WRN", "-5", engine.VerdictNotAssured,
			[]string{"t.surplus/error/too small", "t.surplus/warning/softened", "t.warns/warning/look at this"},
			map[string]engine.Outcome{"t.surplus": engine.OutcomeFailed, "t.warns": engine.OutcomeFailed}},
		{"not applicable", "NAP", "100", engine.VerdictAssured, nil,
			map[string]engine.Outcome{"t.surplus": engine.OutcomePassed, "t.warns": engine.OutcomeNotApplicable}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plan.ReadJSON("p.json", testutil.PlanJSON(tc.code, tc.value), 0)
			if err != nil {
				t.Fatal(err)
			}
			res := e.Evaluate(t.Context(), p)
			if res.Verdict != tc.want {
				t.Errorf("verdict %s, want %s (%+v)", res.Verdict, tc.want, res)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+"/"+string(f.Severity)+"/"+f.Message)
			}
			if diff := cmp.Diff(tc.findings, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			gotOutcomes := map[string]engine.Outcome{}
			for _, o := range res.Rules {
				gotOutcomes[o.Rule] = o.Outcome
			}
			if diff := cmp.Diff(tc.outcomes, gotOutcomes); diff != "" {
				t.Errorf("outcomes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindingCarriesMetadataAndExactFigures(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.ReadJSON("p.json", testutil.PlanJSON("ABC", "99.999999999999999999"), 0)
	if err != nil {
		t.Fatal(err)
	}
	res := e.Evaluate(t.Context(), p)
	want := []engine.Finding{{
		Rule: "t.surplus", Title: "Surplus at least the minimum", Severity: engine.SeverityError,
		Message: "too small", Pointer: "/years/0/finance/surplus/in_year", Line: 6,
		Expected: json.Number("100"), Actual: json.Number("99.999999999999999999"),
		Guidance: "Test guidance, p1", URL: "https://example.org/guidance",
	}}
	if diff := cmp.Diff(want, res.Findings); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestNewRejectsBrokenRuleSets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		extra map[string]string
		want  string
	}{
		{"no metadata", map[string]string{"rules/t/bare.rego": "package planassure.rules.t.bare\n\ndeny contains {\"msg\": \"x\"} if false\n"},
			"rule t.bare (policies/rules/t/bare.rego): no package METADATA"},
		{"no guidance", map[string]string{"rules/t/ng.rego": "# METADATA\n# title: T\n# custom:\n#   severity: error\npackage planassure.rules.t.ng\n\ndeny contains {\"msg\": \"x\"} if false\n"},
			"rule t.ng (policies/rules/t/ng.rego): METADATA lacks custom.guidance"},
		{"bad severity", map[string]string{"rules/t/bs.rego": "# METADATA\n# title: T\n# custom:\n#   severity: fatal\n#   guidance: g\npackage planassure.rules.t.bs\n\ndeny contains {\"msg\": \"x\"} if false\n"},
			"METADATA lacks custom.severity (error or warning)"},
		{"no deny", map[string]string{"rules/t/nd.rego": "# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.nd\n\nwarn contains {\"msg\": \"x\"} if false\n"},
			"rule t.nd (policies/rules/t/nd.rego): defines no deny"},
		{"misspelt field", map[string]string{"rules/t/typo.rego": "# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.typo\n\ndeny contains {\"msg\": \"x\"} if input.organisation.cod == \"x\"\n"},
			"undefined ref: input.organisation.cod"},
		{"wrong depth", map[string]string{"rules/deep.rego": "package planassure.rules.deep\n\nx := 1\n"},
			"package data.planassure.rules.deep (policies/rules/deep.rego): rules live at data.planassure.rules.<area>.<name>"},
		{"unused variable (strict)", map[string]string{"rules/t/strict.rego": "# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.strict\n\ndeny contains {\"msg\": \"x\"} if {\n\tsome y\n\tinput.organisation.code == \"x\"\n}\n"},
			"declared var y unused"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.New(t.Context(), policyFS(tc.extra), engine.Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New() error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestUnknownRoundIsAnError: a plan of a round the policies do not know gets
// verdict error, worded without naming any front end's option; the error is
// ErrUnknownRound for the front end's hint.
func TestUnknownRoundIsAnError(t *testing.T) {
	t.Parallel()
	hint := func(err error) string {
		var ur *engine.UnknownRoundError
		if errors.Is(err, engine.ErrUnknownRound) && errors.As(err, &ur) {
			return " [hint for " + ur.Round + "]"
		}
		return ""
	}
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(testutil.PlanJSON("ABC", "1")), `"2017-19"`, `"2030/31"`, 1)
	p, err := plan.ReadJSON("p.json", []byte(doc), 0)
	if err != nil {
		t.Fatal(err)
	}
	res := e.Evaluate(t.Context(), p)
	want := []engine.Problem{{Pointer: "/submission/round", Line: 3,
		Message: `unknown planning round "2030/31": known rounds are 2017-19 [hint for 2030/31]`}}
	if diff := cmp.Diff(want, res.Problems); diff != "" || res.Verdict != engine.VerdictError {
		t.Errorf("verdict %s; problems mismatch (-want +got):\n%s", res.Verdict, diff)
	}
}

func TestDataAddsARound(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(map[string]string{
		"lib/rounds.rego": "package planassure.lib.rounds\n\nthresholds := object.union({\"2017-19\": {\"min\": 100}}, data.planassure.rounds)\n",
	}), engine.Options{Data: map[string]any{"planassure": map[string]any{"rounds": map[string]any{"2030/31": map[string]any{}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2017-19", "2030/31"}, e.Rounds()); diff != "" {
		t.Errorf("Rounds() mismatch (-want +got):\n%s", diff)
	}
}

func jsonNumber(s string) any { return json.Number(s) }
