package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type jsonReport struct {
	Results []struct {
		Plan     string `json:"plan"`
		Verdict  string `json:"verdict"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		} `json:"findings"`
		Rules []struct {
			Rule    string `json:"rule"`
			Outcome string `json:"outcome"`
		} `json:"rules"`
		Problems []struct {
			Pointer string `json:"pointer"`
			Message string `json:"message"`
		} `json:"problems"`
	} `json:"results"`
}

func checkJSON(t *testing.T, args ...string) (int, jsonReport) {
	t.Helper()
	code, out, errOut := runIn(t, "", append([]string{"check", "-o", "json"}, args...)...)
	if errOut != "" {
		t.Fatalf("stderr %q", errOut)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return code, rep
}

// TestNorwichAsItsTextSays: the Norwich plan meets every finance rule its text
// says it meets; it misses A&E, RTT and dementia in 2017/18, each with a
// recovery plan, and its 3.9% QIPP is a delivery risk: assured with conditions.
func TestNorwichAsItsTextSays(t *testing.T) {
	t.Chdir("../..")
	_, rep := checkJSON(t, "plans/06W-2017-19.json")
	res := rep.Results[0]
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Severity+" "+strings.SplitN(f.Message, ":", 2)[0])
	}
	want := []string{
		"finance.qipp_stretch warning 2017/18",
		"performance.ae_4hr warning 2017/18",
		"performance.dementia_diagnosis warning 2017/18",
		"performance.rtt_18wk warning 2017/18",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Norwich findings mismatch (-want +got):\n%s", diff)
	}
	if res.Verdict != "assured_with_conditions" {
		t.Errorf("verdict %s", res.Verdict)
	}
	// the finance rules of the 2025/26 and 2026-29 rounds do not apply in 2017-19
	later := map[string]bool{
		"finance.agency_spend": true, "finance.bank_spend": true, "finance.breakeven": true,
		"finance.deficit_support_exit": true, "finance.efficiency": true, "finance.system_balance": true,
	}
	for _, r := range res.Rules {
		if later[r.Rule] {
			if r.Outcome != "not_applicable" {
				t.Errorf("%s: %s, want not_applicable (a rule of a later round)", r.Rule, r.Outcome)
			}
			continue
		}
		if strings.HasPrefix(r.Rule, "finance.") && r.Rule != "finance.qipp_stretch" && r.Outcome != "passed" {
			t.Errorf("%s: %s, want passed (the plan's own text says it meets it)", r.Rule, r.Outcome)
		}
	}
}

// TestEveryRuleRanOnEveryPlan: the report's evidence lists each rule of the
// catalogue once for each plan.
func TestEveryRuleRanOnEveryPlan(t *testing.T) {
	t.Chdir("../..")
	_, out, _ := runIn(t, "", "rules", "-o", "json")
	var cat struct {
		Rules []struct {
			ID string `json:"id"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(out), &cat); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range cat.Rules {
		ids = append(ids, r.ID)
	}
	_, rep := checkJSON(t, "plans/06W-2017-19.json", "plans/08Q-2016-17.json", "plans/99X-2017-19-deficit.json")
	for _, res := range rep.Results {
		var ran []string
		for _, r := range res.Rules {
			ran = append(ran, r.Rule)
		}
		sort.Strings(ran)
		if diff := cmp.Diff(ids, ran); diff != "" {
			t.Errorf("%s: rules ran mismatch (-want +got):\n%s", res.Plan, diff)
		}
	}
}

func TestLocalPolicies(t *testing.T) {
	t.Chdir("../..")
	plan := editedPlan(t, "plans/06W-2017-19.json", filepath.Join(t.TempDir(), "no-notes.json"),
		func(doc map[string]any) { delete(doc, "notes") })
	_, rep := checkJSON(t, "--policies", "testdata/policies/local", plan, "plans/06W-2017-19.json")
	count := map[string]int{}
	for _, res := range rep.Results {
		for _, f := range res.Findings {
			if f.Rule == "local.sources_noted" {
				count[filepath.Base(res.Plan)]++
			}
		}
	}
	if count["no-notes.json"] != 1 || count["06W-2017-19.json"] != 0 {
		t.Errorf("local rule findings per plan: %v", count)
	}
	code, _, errOut := runIn(t, "", "check", "--policies", "testdata/policies/no-metadata", "plans")
	if code != 2 || !strings.Contains(errOut, "rule local.bare (local1/rules/local/bare.rego): no package METADATA") {
		t.Errorf("local rule without METADATA: exit %d, stderr %q", code, errOut)
	}
}

func TestDataAddsARound(t *testing.T) {
	t.Chdir("../..")
	plan := norwichInRound(t, "2019/20")
	code, rep := checkJSON(t, plan)
	if code != 2 || len(rep.Results[0].Problems) != 1 || rep.Results[0].Problems[0].Pointer != "/submission/round" ||
		!strings.Contains(rep.Results[0].Problems[0].Message, `unknown planning round "2019/20"`) {
		t.Errorf("unknown round: exit %d, %+v", code, rep.Results[0].Problems)
	}
	code, rep = checkJSON(t, "--data", "testdata/rounds-2019-20.yaml", plan)
	if code == 2 || rep.Results[0].Verdict == "error" {
		t.Fatalf("round added with --data: exit %d, %+v", code, rep.Results[0])
	}
	outcomes := map[string]string{}
	for _, r := range rep.Results[0].Rules {
		outcomes[r.Rule] = r.Outcome
	}
	if outcomes["finance.cumulative_surplus"] != "not_applicable" || outcomes["performance.rtt_18wk"] != "not_applicable" ||
		outcomes["finance.contingency"] == "not_applicable" {
		t.Errorf("outcomes in the added round: %v", outcomes)
	}
	if code, _, errOut := runIn(t, "", "rules", "--data", "testdata/rounds-2019-20.yaml", "-o", "markdown"); code != 0 || errOut != "" {
		t.Errorf("rules with --data: exit %d", code)
	}
}

func TestExplain(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "explain", "finance.contingency", "plans/99X-2017-19-deficit.json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"finance.contingency: Contingency of at least the round's share of allocation", "2017-19  0.5",
		"/years/1/finance/reserves/contingency", "passed: no finding in any plan year", "Guidance:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runIn(t, "", "explain", "finance.uncommitted_reserve", "plans/99X-2017-19-deficit.json")
	if !strings.Contains(out, "failed with 2 finding(s)") || !strings.Contains(out, "expected ") {
		t.Errorf("explain of a failing rule:\n%s", out)
	}
	if code, _, errOut := runIn(t, "", "explain", "finance.nope"); code != 2 || !strings.Contains(errOut, `no rule "finance.nope"`) {
		t.Errorf("unknown rule: exit %d, stderr %q", code, errOut)
	}
	if code, out, _ := runIn(t, "", "explain", "-o", "json", "performance.iapt_access"); code != 0 || !strings.Contains(out, `"2017-19": "16.8 (2017/18), 19 (2018/19)"`) {
		t.Errorf("explain json: exit %d\n%s", code, out)
	}
}
