package main

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEWorkflow: the workflow the README shows is the file CI lints with
// actionlint, and it installs planassure the only way that works (from the
// clone), compares with the merge base and publishes the summary.
func TestREADMEWorkflow(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	workflow, err := os.ReadFile("../../docs/examples/plan-assurance.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```yaml\n"+string(workflow)+"```\n") {
		t.Error("README does not show docs/examples/plan-assurance.yml as it is")
	}
	for _, want := range []string{"go install ./cmd/planassure", "git merge-base", "$GITHUB_STEP_SUMMARY", "/dev/null"} {
		if !strings.Contains(string(workflow), want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	for _, bad := range []string{"@latest", "git diff --name-only origin/"} {
		if strings.Contains(string(workflow), bad) {
			t.Errorf("the workflow still has %q", bad)
		}
	}
	if _, err := os.Stat("../../LICENSE"); err != nil {
		t.Error(err)
	}
}
