package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/policies"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runIn runs the CLI in-process; tests first move to the repository root, as a user would be.
func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// editedPlan writes the plan at path, changed by edit, to file and returns file.
func editedPlan(t *testing.T, path, file string, edit func(doc map[string]any)) string {
	t.Helper()
	doc := testutil.JSONObject(t, path)
	edit(doc)
	b, _ := json.Marshal(doc)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// norwichInRound writes the Norwich plan, its text as it is but for its round,
// to a temporary file and returns the file.
func norwichInRound(t *testing.T, round string) string {
	t.Helper()
	data, err := os.ReadFile("plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "round.json")
	data = bytes.Replace(data, []byte(`"round": "2017-19"`), []byte(`"round": "`+round+`"`), 1)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", "golden", name), []byte(got), *update)
}

// TestCheckShippedPlans fixes the report on the shipped plans in each format,
// and requires a second run to give identical bytes.
func TestCheckShippedPlans(t *testing.T) {
	t.Chdir("../..")
	for _, format := range []string{"table", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runIn(t, "", "check", "--format", format, "plans")
			if code != 1 || errOut != "" {
				t.Errorf("exit %d, stderr %q; want 1 (a shipped plan is not assured) and no stderr", code, errOut)
			}
			// the digest changes with every rule edit; TestVersion checks it is the
			// rules' digest, so the golden file holds a placeholder
			golden(t, "check."+format, strings.ReplaceAll(out, policyDigest(t), "sha256:<policy digest>"))
			_, again, _ := runIn(t, "", "check", "--format", format, "plans")
			if again != out {
				t.Error("a second run gave different output")
			}
		})
	}
}

func TestRulesCatalogue(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "rules")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "rules.table", out)
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStderr string // substring; "" means stderr must be empty
	}{
		{"assured with conditions passes the error gate", []string{"check", "plans/06W-2017-19.json"}, "", 0, ""},
		{"warning gate fails on warnings", []string{"check", "--fail-on", "warning", "plans/06W-2017-19.json"}, "", 1, ""},
		{"gate none never fails on findings", []string{"check", "--fail-on", "none", "plans/99X-2017-19-deficit.json"}, "", 0, ""},
		{"not assured fails", []string{"check", "plans/99X-2017-19-deficit.json"}, "", 1, ""},
		{"unreadable plan", []string{"check", "testdata/plans/invalid/truncated.json"}, "", 2, ""},
		{"bad plan in a batch is 2", []string{"check", "plans", "testdata/plans/invalid/empty.json"}, "", 2, ""},
		{"missing file", []string{"check", "nope.json"}, "", 2, "planassure: read nope.json: no such file or directory"},
		{"no arguments", []string{"check"}, "", 2, "planassure: check needs at least one plan file or directory"},
		{"unknown format", []string{"check", "-o", "xml", "plans"}, "", 2, `planassure: unknown format "xml"`},
		{"unknown flag", []string{"check", "--nope", "plans"}, "", 2, "planassure: unknown flag: --nope"},
		{"bad gate", []string{"check", "--fail-on", "fatal", "plans"}, "", 2, `planassure: --fail-on "fatal"`},
		{"stdin", []string{"check", "-"}, "{}", 2, ""},
		{"local policies dir missing", []string{"check", "--policies", "nope", "plans"}, "", 2, "planassure: --policies nope: not a directory"},
	}
	t.Chdir("../..")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runIn(t, tc.stdin, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.wantCode, errOut)
			}
			if tc.wantStderr == "" && errOut != "" || !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("stderr %q, want %q", errOut, tc.wantStderr)
			}
			if strings.Count(errOut, "planassure:") > 1 {
				t.Errorf("error printed more than once: %q", errOut)
			}
		})
	}
}

func TestConfigAndEnvironment(t *testing.T) {
	t.Chdir("../..")
	t.Setenv("PLANASSURE_FAIL_ON", "warning")
	code, _, _ := runIn(t, "", "check", "plans/06W-2017-19.json")
	if code != 1 {
		t.Errorf("PLANASSURE_FAIL_ON=warning: exit %d, want 1", code)
	}
	code, _, _ = runIn(t, "", "check", "--fail-on", "error", "plans/06W-2017-19.json")
	if code != 0 {
		t.Errorf("flag over environment: exit %d, want 0", code)
	}
}

func TestConfigFile(t *testing.T) {
	plan, err := filepath.Abs("../../plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "planassure.yaml"), []byte("fail-on: warning\nformat: json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "other.yaml"), []byte("fail-on: none\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("fail-on: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, _ := runIn(t, "", "check", plan)
	if code != 1 || !strings.HasPrefix(out, "{") {
		t.Errorf("planassure.yaml (fail-on warning, format json): exit %d, output starts %.20q", code, out)
	}
	if code, _, _ := runIn(t, "", "check", "--config", "other.yaml", plan); code != 0 {
		t.Errorf("--config other.yaml (fail-on none): exit %d, want 0", code)
	}
	if code, _, errOut := runIn(t, "", "check", "--config", "broken.yaml", plan); code != 2 || !strings.Contains(errOut, "planassure: read config") {
		t.Errorf("broken config: exit %d, stderr %q", code, errOut)
	}
}

// TestRulesDocIsCurrent fails when docs/rules.md is not what `planassure rules
// --format markdown` prints: regenerate it with `make docs`.
func TestRulesDocIsCurrent(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "rules", "--format", "markdown")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	testutil.Golden(t, "docs/rules.md", []byte(out), *update) // or make docs
}

// policyDigest is the digest of the built-in rules.
func policyDigest(t *testing.T) string {
	t.Helper()
	d, err := engine.PolicyDigest(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// check -o json writes results as they arrive (streamJSON) unless another
// option needs the whole report first; either way the bytes and the exit code
// are the same.
func TestCheckJSONStreamedIsTheWholeReport(t *testing.T) {
	t.Chdir("../..")
	for _, args := range [][]string{
		{"plans"},
		{"plans/06W-2017-19.json", "--fail-on", "warning"},
		{"plans/06W-2017-19.json", "--fail-on", "none"},
		{"testdata/plans/invalid"},
		{"plans", "testdata/plans/invalid", "--jobs", "4"},
	} {
		file := filepath.Join(t.TempDir(), "whole.json")
		code, streamed, errOut := runIn(t, "", append([]string{"check", "-o", "json"}, args...)...)
		wholeCode, whole, wholeErr := runIn(t, "", append([]string{"check", "-o", "json", "--report", "json=" + file}, args...)...)
		written, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if code != wholeCode || errOut != wholeErr {
			t.Errorf("%v: exit %d, stderr %q streamed; %d, %q whole", args, code, errOut, wholeCode, wholeErr)
		}
		if streamed != whole || streamed != string(written) {
			t.Errorf("%v: the streamed report differs from the whole one", args)
		}
	}
}
