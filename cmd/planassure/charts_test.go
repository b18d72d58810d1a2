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
