package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChartsFollowDataThresholds: the HTML charts draw the standards of the
// round as the policies hold them, so a threshold changed with --data moves
// the chart's standard (a minimum and a maximum alike).
func TestChartsFollowDataThresholds(t *testing.T) {
	t.Chdir("../..")
	data := filepath.Join(t.TempDir(), "rounds.yaml")
	if err := os.WriteFile(data, []byte(`planassure:
  rounds:
    "2017-19":
      performance:
        ae_4hr: 97.5
        diagnostics_6wk: 0.5
`), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "-o", "html", "--fail-on", "none", "plans/06W-2017-19.json"}
	_, before, errOut := runIn(t, "", args...)
	if errOut != "" {
		t.Fatal(errOut)
	}
	_, after, errOut := runIn(t, "", append(args, "--data", data)...)
	if errOut != "" {
		t.Fatal(errOut)
	}
	for _, want := range []string{"standard at least 97.5%", "standard at most 0.5%"} {
		if strings.Contains(before, want) {
			t.Errorf("without --data the page already says %q", want)
		}
		if !strings.Contains(after, want) {
			t.Errorf("with --data the page does not say %q", want)
		}
	}
	if !strings.Contains(before, "standard at most 1%") || strings.Contains(after, "standard at most 1%") {
		t.Error("the built-in diagnostics standard (at most 1%) does not give way to the one from --data")
	}
}

// newMetric is a performance metric added as one rule file: its facts in its
// metric rule and the shared rule logic of lib.performance; nothing else names it.
const newMetric = `# METADATA
# title: Virtual ward occupancy
# description: Each plan year plans at least the round's virtual ward occupancy.
# custom:
#   severity: error
#   guidance: a local standard
package planassure.rules.performance.x_virtual_wards

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "x_virtual_wards"

metric := {
	"label": "virtual ward occupancy",
	"service": "community",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 15,
}

deny contains finding if {
	some finding in performance.findings[_key]
}

not_applicable contains performance.not_applicable_reason(_key) if {
	rounds.known
	not performance.applies(_key)
}
`

// TestNewMetricIsOneRuleFile: a metric given as one rule file (here from
// --policies, with its round threshold from --data) is judged with the shared
// logic, worded with its label, and charted in the place its order gives it,
// between A&E (10) and RTT (20); no other file names it.
func TestNewMetricIsOneRuleFile(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	rule := filepath.Join(dir, "policies", "rules", "performance", "x_virtual_wards.rego")
	data := filepath.Join(dir, "rounds.yaml")
	planFile := filepath.Join(dir, "06W.json")
	if err := os.MkdirAll(filepath.Dir(rule), 0o755); err != nil {
		t.Fatal(err)
	}
	editedPlan(t, "plans/06W-2017-19.json", planFile, func(doc map[string]any) {
		for _, y := range doc["years"].([]any) {
			if year := y.(map[string]any); year["basis"] == "plan" {
				year["performance"].(map[string]any)["x_virtual_wards"] = map[string]any{"plan": 75}
			}
		}
	})
	for name, content := range map[string]string{
		rule: newMetric,
		data: "planassure:\n  rounds:\n    \"2017-19\":\n      performance:\n        x_virtual_wards: 80\n",
	} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"check", "--fail-on", "none", "--data", data, "--policies", filepath.Join(dir, "policies"), planFile}
	_, out, errOut := runIn(t, "", append(args, "-o", "json")...)
	if errOut != "" {
		t.Fatal(errOut)
	}
	for _, want := range []string{
		"2017/18: virtual ward occupancy planned at 75%, below the 80% standard, with no recovery plan",
		"2018/19: virtual ward occupancy planned at 75%, below the 80% standard, with no recovery plan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the JSON report has no finding %q", want)
		}
	}
	_, page, errOut := runIn(t, "", append(args, "-o", "html")...)
	if errOut != "" {
		t.Fatal(errOut)
	}
	if !strings.Contains(page, ">Virtual ward occupancy</title>") || !strings.Contains(page, "standard at least 80%") {
		t.Error("the page has no chart of the new metric with its standard")
	}
	ae, vw, rtt := strings.Index(page, `-perf-ae_4hr"`), strings.Index(page, `-perf-x_virtual_wards"`), strings.Index(page, `-perf-rtt_18wk"`)
	if ae < 0 || !(ae < vw && vw < rtt) {
		t.Errorf("chart positions A&E %d, new metric %d, RTT %d: want the new metric between the two", ae, vw, rtt)
	}
	_, without, _ := runIn(t, "", "check", "-o", "html", "--fail-on", "none", planFile)
	if strings.Contains(without, "irtual ward") {
		t.Error("without its rule file the metric is still charted")
	}
}
