package engine_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/policies"
)

// The packed rule outcomes a cache keeps read back as the list they came
// from, for every shipped plan; what the engine could not have packed is
// refused.
func TestPackedOutcomesReadBack(t *testing.T) {
	ctx := context.Background()
	e, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../plans/*.json")
	notApplicable := 0
	var letters string
	var reasons []string
	for _, path := range paths {
		p, _ := testutil.ReadPlan(t, path)
		res := e.Evaluate(ctx, p)
		var ok bool
		letters, reasons, ok = e.PackOutcomes(res.Rules)
		if !ok {
			t.Fatalf("%s: not packed", path)
		}
		back, ok := e.UnpackOutcomes(letters, reasons)
		if !ok {
			t.Fatalf("%s: packed %q %q does not read back", path, letters, reasons)
		}
		if diff := cmp.Diff(res.Rules, back); diff != "" {
			t.Fatalf("%s: read back differs:\n%s", path, diff)
		}
		notApplicable += len(reasons)
	}
	if notApplicable == 0 || len(reasons) == 0 {
		t.Fatal("no plan has a rule not applicable: nothing tested the reasons")
	}
	for name, c := range map[string]struct {
		letters string
		reasons []string
	}{
		"short":          {letters[1:], reasons},
		"unknown letter": {"x" + letters[1:], reasons},
		"reason missing": {letters, reasons[1:]},
		"reason over":    {letters, append(append([]string(nil), reasons...), "more")},
		"reason empty":   {letters, append([]string{""}, reasons[1:]...)},
		"reasons merged": {letters, append([]string{reasons[0] + "\x00" + reasons[0]}, reasons[2:]...)},
	} {
		if _, ok := e.UnpackOutcomes(c.letters, c.reasons); ok {
			t.Errorf("%s: read back", name)
		}
	}
	first, _ := testutil.ReadPlan(t, paths[0])
	rules := e.Evaluate(ctx, first).Rules
	if _, _, ok := e.PackOutcomes(rules[1:]); ok {
		t.Error("a list short of a rule was packed")
	}
}
