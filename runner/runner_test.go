package runner_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
)

// TestDeepNestingIsRefused: 10,000 levels are refused at the depth limit, with
// the pointer of the level that breaks it; a lower limit is honoured.
func TestDeepNestingIsRefused(t *testing.T) {
	t.Parallel()
	deep := `{"schema_version": "1", "x_deep": ` + strings.Repeat(`{"a": `, 10000) + "1" + strings.Repeat("}", 10000) + "}"
	start := time.Now()
	_, err := plan.ReadJSON("deep.json", []byte(deep), 0)
	if err == nil || !strings.Contains(err.Error(), "nested more than 64 levels deep") ||
		!strings.HasPrefix(err.Error(), "deep.json:1: /x_deep/a/a/") {
		t.Errorf("err = %.200v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	arr := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if _, err := plan.ReadJSON("arr.json", []byte(arr), 0); err == nil || !strings.Contains(err.Error(), "nested more than 64") {
		t.Errorf("err = %.200v", err)
	}

	file := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(file, testutil.PlanJSON("ABC", "1"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runner.New(runner.Config{Engine: testutil.Engine(t), Limits: plan.Limits{MaxDepth: 3}})
	res := r.Check(t.Context(), runner.Files([]string{file})).Results[0]
	if res.Verdict != engine.VerdictError || !strings.Contains(testutil.Problems(res), "/years/0/finance nested more than 3 levels deep") {
		t.Errorf("verdict %s, problems %q", res.Verdict, testutil.Problems(res))
	}
}

// TestCheckWordsLimitsWithTheHint: a plan over a limit, a directory and a
// plan in memory over the size limit get verdict error, worded with the
// engine's hint; the other plans are still checked.
func TestCheckWordsLimitsWithTheHint(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policies.FS, engine.Options{Hint: func(err error) string {
		if errors.Is(err, plan.ErrTooLarge) {
			return " [too large]"
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, testutil.PlanJSON("ABC", "1"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runner.New(runner.Config{Engine: e, Limits: plan.Limits{MaxFileSize: 100}, Jobs: 2})
	inputs := append(runner.Files([]string{big, dir}),
		runner.Input{Path: "body", Data: testutil.PlanJSON("ABC", "1")},
		runner.Input{Path: "small", Data: []byte("{}")})
	rep := r.Check(t.Context(), inputs)
	for i, want := range []string{
		"the file is larger than 100 bytes, the most a plan may be: check it is a plan submission [too large]",
		"cannot read the file: it is a directory",
		"the file is larger than 100 bytes, the most a plan may be: check it is a plan submission [too large]",
		"required field",
	} {
		if got := testutil.Problems(rep.Results[i]); rep.Results[i].Verdict != engine.VerdictError || !strings.Contains(got, want) {
			t.Errorf("%s: verdict %s, problems %q, want %q", inputs[i].Path, rep.Results[i].Verdict, got, want)
		}
	}
	if rep.Results[0].Plan != big || rep.Results[2].Plan != "body" || rep.Totals[engine.VerdictError] != 4 {
		t.Errorf("results out of order or miscounted: %+v", rep.Totals)
	}
}

// TestExpandFindsRegisteredExtensions: a directory is searched for every
// extension a plan decoder is registered for, in sorted order.
func TestExpandFindsRegisteredExtensions(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.json", "a.JSON", "c.txt", "d.runnertest"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan.Register(".runnertest", func(path string, _ []byte, _ plan.Limits) (plan.Plan, error) { return plan.Plan{Path: path}, nil })
	got, err := runner.Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.JSON"), filepath.Join(dir, "b.json"), filepath.Join(dir, "d.runnertest")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Expand = %v, want %v", got, want)
	}
}

// CheckEachThen hands over every result, in the order of the inputs, the
// same as Check gives them, on more workers than plans finish in order, with
// what its step made of each on the worker.
func TestCheckEachThenInOrder(t *testing.T) {
	paths, err := filepath.Glob("../plans/*.json")
	if err != nil || len(paths) < 5 {
		t.Fatalf("shipped plans: %v", err)
	}
	paths = append(paths, paths...) // the same plans again: more work than workers
	eng := testutil.Engine(t)
	r := runner.New(runner.Config{Engine: eng, Jobs: 4})
	want := r.Check(t.Context(), runner.Files(paths)).Results
	var got []engine.Result
	type step struct {
		res  engine.Result
		errs int
	}
	then := func(res engine.Result) step { return step{res, res.Errors} }
	runner.CheckEachThen(t.Context(), r, runner.Files(paths), then, func(s step) {
		if s.errs != s.res.Errors {
			t.Errorf("%s: the step saw %d errors, the result has %d", s.res.Plan, s.errs, s.res.Errors)
		}
		got = append(got, s.res)
	})
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Plan != paths[i] || got[i].Verdict != want[i].Verdict || len(got[i].Findings) != len(want[i].Findings) {
			t.Errorf("result %d: %s %s, want %s %s", i, got[i].Plan, got[i].Verdict, want[i].Plan, want[i].Verdict)
		}
	}
}
