package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/policies"
)

// TestVersion: version and --version print the build (a test binary is
// "(devel)") and the digest of the built-in rules, the one the reports carry.
func TestVersion(t *testing.T) {
	digest, err := engine.PolicyDigest(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "planassure (devel)\npolicy digest: " + digest + "\n"
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(digest) {
		t.Errorf("digest %q", digest)
	}
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, out, errOut := runIn(t, "", args...)
		if code != 0 || out != want || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0, %q", args, code, out, errOut, want)
		}
	}
	t.Chdir("../..")
	_, out, _ := runIn(t, "", "check", "--format", "json", "plans/06W-2017-19.json")
	if !strings.Contains(out, `"policy_digest": "`+digest+`"`) || !strings.Contains(out, `"version": "(devel)"`) {
		t.Errorf("the JSON report does not carry the version and digest %s:\n%.400s", digest, out)
	}
}

// TestPolicyDigestIgnoresTests: the digest is of the rules, not their tests,
// and changes when a rule or the data does.
func TestPolicyDigestIgnoresTests(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	digest := func(data map[string]any) string {
		t.Helper()
		d, err := engine.PolicyDigest(os.DirFS(dir), nil, data)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	write("a.rego", "package a\n")
	base := digest(nil)
	write("a_test.rego", "package a_test\n")
	if digest(nil) != base {
		t.Error("a test file changed the digest")
	}
	if digest(map[string]any{"x": 1}) == base {
		t.Error("data did not change the digest")
	}
	write("a.rego", "package a\n\nx := 1\n")
	if digest(nil) == base {
		t.Error("a rule change kept the digest")
	}
}

// TestConfigIgnoresBinary: a file named planassure (the binary built in a
// clone) in the working directory is not read as configuration; only
// planassure.yaml or planassure.yml is.
func TestConfigIgnoresBinary(t *testing.T) {
	plan, err := filepath.Abs("../../plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("planassure", []byte("\x7fELF\x02\x01\x01\x00: not: yaml: ["), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runIn(t, "", "check", "--format", "json", plan); code != 0 || errOut != "" {
		t.Errorf("with ./planassure present: exit %d, stderr %q; want 0", code, errOut)
	}
	if err := os.WriteFile("planassure.yml", []byte("fail-on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runIn(t, "", "check", "--format", "json", plan); code != 1 || errOut != "" {
		t.Errorf("with planassure.yml (fail-on: warning): exit %d, stderr %q; want 1", code, errOut)
	}
}

// TestDiffAddedOrRemovedPlan: /dev/null stands for the missing side, as in
// git diff. Removing a plan never fails the gate; a new plan fails it when it
// brings an error finding.
func TestDiffAddedOrRemovedPlan(t *testing.T) {
	t.Chdir("../..")
	const bad = "plans/99X-2017-19-deficit.json"
	for _, tc := range []struct {
		old, new string
		code     int
		want     string
	}{
		{bad, os.DevNull, 0, "The plan was removed."},
		{os.DevNull, bad, 1, "A new plan: no earlier version to compare figures with."},
		{os.DevNull, "plans/06W-2017-19.json", 0, "verdict: absent -> assured_with_conditions"},
	} {
		code, out, errOut := runIn(t, "", "diff", "--fail-on-new", "error", tc.old, tc.new)
		if code != tc.code || errOut != "" || !strings.Contains(out, tc.want) {
			t.Errorf("diff %s %s: exit %d, stderr %q; want %d and %q in:\n%s", tc.old, tc.new, code, errOut, tc.code, tc.want, out)
		}
	}
	if code, _, errOut := runIn(t, "", "diff", os.DevNull, os.DevNull); code != 2 || !strings.Contains(errOut, "cannot both be") {
		t.Errorf("diff /dev/null /dev/null: exit %d, stderr %q", code, errOut)
	}
}
