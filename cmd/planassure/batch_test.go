package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeVariants writes n versions of the Norwich plan into dir, each with its
// contingency moved so that some breach the 0.5% rule, plus one broken file.
func writeVariants(t *testing.T, dir string, n int) {
	t.Helper()
	data, err := os.ReadFile("plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		years := doc["years"].([]any)
		reserves := years[1].(map[string]any)["finance"].(map[string]any)["reserves"].(map[string]any)
		reserves["contingency"] = 1100 + i%300
		b, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, fmt.Sprintf("region%d", i%3))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("plan%03d.json", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "region0", "broken.json"), []byte(`{"schema_version": "1",`), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBatchIsDeterministic checks hundreds of plans in one call: the report is
// byte-identical whatever the worker count and the order of the arguments, and
// the broken plan is reported without losing the others.
func TestBatchIsDeterministic(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	writeVariants(t, dir, 300)
	var first string
	for _, args := range [][]string{
		{"check", "-o", "json", "--jobs", "1", dir},
		{"check", "-o", "json", "--jobs", "8", dir},
		{"check", "-o", "json", "--jobs", "3", filepath.Join(dir, "region2"), filepath.Join(dir, "region1"), filepath.Join(dir, "region0")},
		{"check", "-o", "json", "--jobs", "8", filepath.Join(dir, "region*", "*.json")},
	} {
		code, out, errOut := runIn(t, "", args...)
		if code != 2 || errOut != "" {
			t.Fatalf("%v: exit %d (want 2: one plan is broken), stderr %q", args, code, errOut)
		}
		if first == "" {
			first = out
			var rep struct {
				Results []struct {
					Verdict string `json:"verdict"`
				} `json:"results"`
				Totals map[string]int `json:"totals"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Results) != 301 || rep.Totals["error"] != 1 || rep.Totals["not_assured"] == 0 || rep.Totals["assured_with_conditions"] == 0 {
				t.Fatalf("results %d, totals %v", len(rep.Results), rep.Totals)
			}
			continue
		}
		if out != first {
			t.Errorf("%v: the report differs from the first run", args)
		}
	}
}

func TestReportFiles(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	jsonFile := filepath.Join(dir, "out.json")
	code, out, errOut := runIn(t, "", "check", "--report", "json="+jsonFile, "plans")
	if code != 1 || errOut != "" || !strings.Contains(out, "not_assured") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	b, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	_, again, _ := runIn(t, "", "check", "-o", "json", "plans")
	if string(b) != again {
		t.Error("--report json=FILE differs from --format json")
	}
	if code, _, errOut := runIn(t, "", "check", "--report", "sarif", "plans"); code != 2 || !strings.Contains(errOut, "want FORMAT=FILE") {
		t.Errorf("bad --report: exit %d, stderr %q", code, errOut)
	}
}

func TestNoPlansIsAnError(t *testing.T) {
	t.Chdir("../..")
	code, _, errOut := runIn(t, "", "check", t.TempDir())
	if code != 2 || errOut != "planassure: no plan files found\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runIn(t, "", "check", "nowhere/*.json")
	if code != 2 || !strings.Contains(errOut, "matches no file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestDiffGate is the CI gate for a plan change, end to end: a change that
// breaks a rule fails, the change that fixes it passes.
func TestDiffGate(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	data, err := os.ReadFile("plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), `"contingency": 1235`, `"contingency": 1000.5`, 1)
	if broken == string(data) {
		t.Fatal("the Norwich plan's 2017/18 contingency is no longer 1235: update this test")
	}
	brokenPath := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(brokenPath, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runIn(t, "", "diff", "--fail-on-new", "error", "plans/06W-2017-19.json", brokenPath)
	if code != 1 || errOut != "" {
		t.Errorf("breaking change: exit %d, want 1; stderr %q", code, errOut)
	}
	for _, want := range []string{"-234.5", "finance.contingency", "assured_with_conditions -> not_assured"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff output lacks %q:\n%s", want, out)
		}
	}
	code, _, errOut = runIn(t, "", "diff", "--fail-on-new", "error", brokenPath, "plans/06W-2017-19.json")
	if code != 0 || errOut != "" {
		t.Errorf("fixing change: exit %d, want 0; stderr %q", code, errOut)
	}
	code, out, _ = runIn(t, string(data), "diff", "-o", "json", "--fail-on-new", "warning", "-", "plans/06W-2017-19.json")
	if code != 0 || !strings.Contains(out, `"changes": []`) {
		t.Errorf("no change from stdin: exit %d\n%s", code, out)
	}
	if code, out, _ := runIn(t, "", "diff", "-o", "markdown", "plans/06W-2017-19.json", brokenPath); code != 0 || !strings.Contains(out, "| `/years/1/finance/reserves/contingency` | 1235 | 1000.5 | -234.5 |") {
		t.Errorf("markdown diff: exit %d\n%s", code, out)
	}
}

func TestWaiversEndToEnd(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "check", "-o", "json", "--fail-on", "warning",
		"--waivers", "testdata/waivers/waivers.yaml", "--as-of", "2017-06-30", "plans/06W-2017-19.json")
	if errOut != "" {
		t.Fatalf("stderr %q", errOut)
	}
	var rep struct {
		Results []struct {
			Waived   int `json:"waived"`
			Warnings int `json:"warnings"`
		} `json:"results"`
		Notes []struct {
			Message string `json:"message"`
		} `json:"waiver_notes"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Results[0].Waived != 1 || len(rep.Notes) != 2 {
		t.Errorf("waived %d, notes %+v", rep.Results[0].Waived, rep.Notes)
	}
	if code != 1 {
		t.Errorf("exit %d: Norwich still has unwaived warnings (recovery plans), want 1", code)
	}
	if code, _, errOut := runIn(t, "", "check", "--waivers", "testdata/waivers/broken.yaml", "plans"); code != 2 || !strings.HasPrefix(errOut, "planassure: read waivers") {
		t.Errorf("broken waivers: exit %d, stderr %q", code, errOut)
	}
}

// TestExplainAndDiffHonourTheSizeLimit: every command reads plans under the
// same limits as check.
func TestExplainAndDiffHonourTheSizeLimit(t *testing.T) {
	t.Chdir("../..")
	for _, args := range [][]string{
		{"explain", "--max-file-size", "1000", "finance.contingency", "plans/06W-2017-19.json"},
		{"diff", "--max-file-size", "1000", "plans/06W-2017-19.json", "plans/06W-2017-19.json"},
	} {
		code, _, errOut := runIn(t, "", args...)
		if code != 2 || !strings.Contains(errOut, "plans/06W-2017-19.json: the file is larger than") {
			t.Errorf("%v: exit %d, stderr %q", args[0], code, errOut)
		}
	}
}
