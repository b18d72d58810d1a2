package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRulesForRound lists one round: its thresholds, and only the rules that
// apply in it.
func TestRulesForRound(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "rules", "--round", "2026-29", "--format", "json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var c struct {
		Rounds []string `json:"rounds"`
		Rules  []struct {
			ID       string            `json:"id"`
			PerRound map[string]string `json:"per_round"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Rounds) != 1 || c.Rounds[0] != "2026-29" {
		t.Errorf("rounds %v, want [2026-29]", c.Rounds)
	}
	got := map[string]string{}
	for _, r := range c.Rules {
		got[r.ID] = r.PerRound["2026-29"]
	}
	for id, want := range map[string]string{
		"performance.ae_4hr":                     "82 (2026/27), 85 (2028/29)",
		"performance.cat2_mean_minutes":          "25 (2026/27), 18 (2028/29)",
		"performance.tt_reliable_recovery":       "51 (2026/27), 53 (2028/29)",
		"performance.rtt_18wk_trust_improvement": "March 2026 (baseline), 65 (floor), 7 (relative_pct) (2026/27)",
		"finance.deficit_support_exit":           "applies (2028/29)",
		"finance.efficiency":                     "2",
		"finance.agency_spend":                   "30 (2026/27)",
	} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q", id, got[id], want)
		}
	}
	for _, id := range []string{"finance.cumulative_surplus", "finance.contingency", "performance.dementia_diagnosis"} {
		if _, ok := got[id]; ok {
			t.Errorf("%s is listed, but the round sets no threshold for it", id)
		}
	}

	code, _, errOut = runIn(t, "", "rules", "--round", "2030/31")
	if code != 2 || !strings.Contains(errOut, `unknown planning round "2030/31": known rounds are 2016/17, 2017-19, 2018/19, 2025/26, 2026-29`) {
		t.Errorf("unknown round: exit %d, stderr %q", code, errOut)
	}
}

// edit is a change to a plan: the value at a JSON pointer replaced or added,
// or removed when remove is set.
type edit struct {
	pointer string
	value   any
	remove  bool
}

func apply(t *testing.T, doc any, e edit) {
	t.Helper()
	tokens := strings.Split(strings.TrimPrefix(e.pointer, "/"), "/")
	node := doc
	for _, tok := range tokens[:len(tokens)-1] {
		switch n := node.(type) {
		case map[string]any:
			next, ok := n[tok]
			if !ok {
				next = map[string]any{}
				n[tok] = next
			}
			node = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(n) {
				t.Fatalf("%s: no element %s", e.pointer, tok)
			}
			node = n[i]
		}
	}
	last := tokens[len(tokens)-1]
	m, ok := node.(map[string]any)
	if !ok {
		t.Fatalf("%s: not an object", e.pointer)
	}
	if e.remove {
		delete(m, last)
		return
	}
	m[last] = e.value
}

// ruleFindings checks one plan file and returns the rules with findings.
func ruleFindings(t *testing.T, path string) map[string]int {
	t.Helper()
	_, out, errOut := runIn(t, "", "check", "--format", "json", "--fail-on", "none", path)
	if errOut != "" {
		t.Fatalf("%s: stderr %q", path, errOut)
	}
	var rep struct {
		Results []struct {
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rep.Results {
		for _, f := range r.Findings {
			got[f.Rule]++
		}
	}
	return got
}

// TestNewRulesFireOnBrokenPlans breaks each rule of the 2025/26 and 2026-29
// rounds in a shipped plan where it is met, and requires the rule to stay
// silent on the shipped plan and to fire on the broken copy.
func TestNewRulesFireOnBrokenPlans(t *testing.T) {
	t.Chdir("../..")
	const (
		icb     = "plans/QJK-2026-29-devon-icb.json"
		icb25   = "plans/QJK-2025-26-devon-icb.json"
		mersey  = "plans/RW4-2026-29-mersey-care.json"
		deficit = "plans/R9X-2026-29-deficit-trust.json"
	)
	tests := []struct {
		rule  string
		plan  string
		edits []edit
		met   []edit // where the shipped plan misses the rule with a recovery plan: the edits that meet it
	}{
		{"performance.rtt_first_appt_18wk", icb25, []edit{{pointer: "/years/1/performance/rtt_first_appt_18wk/plan", value: 70}}, nil},
		{"performance.rtt_52wk_share", icb25, []edit{{pointer: "/years/1/performance/rtt_52wk_share/plan", value: 1}}, nil},
		{"performance.cancer_fds_28d", icb, []edit{{pointer: "/years/2/performance/cancer_fds_28d/plan", value: 79}}, nil},
		{"performance.cancer_31d", deficit, []edit{{pointer: "/years/1/performance/cancer_31d/plan", value: 93.9}}, nil},
		{"performance.cancer_62d", icb25, []edit{{pointer: "/years/1/performance/cancer_62d/plan", value: 74}}, nil},
		{"performance.diagnostics_6wk", icb, []edit{{pointer: "/years/3/performance/diagnostics_6wk/plan", value: 1.5}}, nil},
		{"performance.ae_4hr", icb, []edit{{pointer: "/years/3/performance/ae_4hr/monthly", value: []any{
			80, 84.5, 85, 85, 85, 85, 85.5, 85, 84.5, 84.5, 85.5, 86,
		}}}, nil},
		{"performance.ae_12hr", icb, []edit{{pointer: "/years/2/performance/ae_12hr/plan", value: 90.5}}, nil},
		{"performance.cat2_mean_minutes", icb, []edit{{pointer: "/years/3/performance/cat2_mean_minutes/plan", value: 19}},
			[]edit{{pointer: "/years/1/performance/cat2_mean_minutes", value: map[string]any{"plan": 25}}}},
		{"performance.community_18wk", mersey, []edit{{pointer: "/years/3/performance/community_18wk/plan", value: 79}}, nil},
		{"performance.tt_reliable_recovery", mersey, []edit{{pointer: "/years/1/performance/tt_reliable_recovery/plan", value: 50}}, nil},
		{"performance.tt_reliable_improvement", mersey, []edit{{pointer: "/years/1/performance/tt_reliable_improvement", remove: true}}, nil},
		{"performance.ld_inpatient_reduction", mersey, []edit{{pointer: "/years/2/performance/ld_inpatient_reduction/plan", value: 8}}, nil},
		{"performance.rtt_18wk", icb25, []edit{
			{pointer: "/years/1/performance/rtt_18wk/plan", value: 64},
			{pointer: "/years/1/performance/rtt_18wk/monthly", remove: true},
		}, nil},
		{"performance.rtt_18wk_trust_improvement", deficit, []edit{
			{pointer: "/years/1/performance/rtt_18wk/baseline", remove: true},
		}, []edit{{pointer: "/years/1/performance/rtt_18wk/plan", value: 65}}},
		{"finance.breakeven", mersey, []edit{{pointer: "/years/2/finance/surplus/in_year", value: -250}}, nil},
		{"finance.system_balance", icb25, []edit{{pointer: "/years/1/finance/surplus/system_in_year", value: -12000}}, nil},
		{"finance.deficit_support_exit", icb, []edit{{pointer: "/years/3/finance/deficit_support", value: 2000}}, nil},
		{"finance.agency_spend", mersey, []edit{{pointer: "/years/1/finance/pay/agency", value: 9801}}, nil},
		{"finance.bank_spend", mersey, []edit{{pointer: "/years/3/finance/pay/bank", value: 29161}}, nil},
		{"finance.efficiency", mersey, []edit{{pointer: "/years/1/finance/efficiency/planned", value: 15000}}, nil},
		{"finance.running_costs", icb, []edit{{pointer: "/years/1/finance/expenditure/running_costs", value: 9492}}, nil},
		{"finance.mental_health_investment", icb25, []edit{{pointer: "/years/1/finance/expenditure/mental_health", value: 299000}}, nil},
		{"must_dos.all_answered", icb, []edit{{pointer: "/must_dos/14/summary", value: " "}}, nil},
		{"must_dos.metrics_linked", mersey, []edit{{pointer: "/must_dos/10/metrics", value: []any{}}}, nil},
	}
	dir := t.TempDir()
	write := func(t *testing.T, name string, doc any) string {
		t.Helper()
		data, _ := json.MarshalIndent(doc, "", "  ")
		path := filepath.Join(dir, strings.NewReplacer(".", "_").Replace(name)+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			data, err := os.ReadFile(tc.plan)
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			met := tc.plan
			if len(tc.met) > 0 {
				for _, e := range tc.met {
					apply(t, doc, e)
				}
				met = write(t, tc.rule+"-met", doc)
			}
			if n := ruleFindings(t, met)[tc.rule]; n != 0 {
				t.Fatalf("%s: %d finding(s) of %s where the plan meets it", tc.plan, n, tc.rule)
			}
			for _, e := range tc.edits {
				apply(t, doc, e)
			}
			got := ruleFindings(t, write(t, tc.rule, doc))
			if got[tc.rule] == 0 {
				t.Errorf("%s did not fire on the broken plan; findings by rule: %v", tc.rule, got)
			}
		})
	}
}
