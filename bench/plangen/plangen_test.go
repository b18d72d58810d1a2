package main

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	planpkg "github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// Every generated plan is read by plan.ReadJSON, and the rules find exactly
// the breaches it was built with: no more, no fewer.
func TestPlansReadAndBreachAsBuilt(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	breaching, errorsSeen, warningsSeen := 0, 0, 0
	rounds := map[string]int{}
	for i := range n {
		b, err := Generate(1, i)
		if err != nil {
			t.Fatal(err)
		}
		p, err := planpkg.ReadJSON(FileName(i), b, 0)
		if err != nil {
			t.Fatalf("plan %d: ReadPlan: %v", i, err)
		}
		rounds[p.Round]++
		var doc struct {
			Generator generator `json:"x_generator"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		res := eng.Evaluate(ctx, p)
		if len(res.Problems) > 0 {
			t.Fatalf("plan %d: %v", i, res.Problems)
		}
		got := map[string]bool{}
		for _, f := range res.Findings {
			got[f.Rule] = true
			if f.Severity == engine.SeverityError {
				errorsSeen++
			} else {
				warningsSeen++
			}
		}
		var rules []string
		for r := range got {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		want := doc.Generator.Breaches
		if strings.Join(rules, ",") != strings.Join(want, ",") {
			var msgs []string
			for _, f := range res.Findings {
				msgs = append(msgs, f.Rule+": "+f.Message)
			}
			t.Errorf("plan %d: rules breached %v, built to breach %v\n%s", i, rules, want, strings.Join(msgs, "\n"))
		}
		if len(want) > 3 {
			t.Errorf("plan %d: %d breaches, want at most 3", i, len(want))
		}
		if len(want) > 0 {
			breaching++
		}
	}
	share := float64(breaching) / float64(n)
	t.Logf("%d of %d plans breach (%.0f%%); %d error and %d warning findings; rounds %v", breaching, n, 100*share, errorsSeen, warningsSeen, rounds)
	if n >= 400 && (share < 0.2 || share > 0.4) {
		t.Errorf("%.0f%% of plans breach a rule, want about 30%%", 100*share)
	}
	if errorsSeen == 0 || warningsSeen == 0 || len(rounds) < 2 {
		t.Errorf("want errors, warnings and both rounds: %d, %d, %v", errorsSeen, warningsSeen, rounds)
	}
}

func TestDeterministic(t *testing.T) {
	for i := range 20 {
		a, _ := Generate(7, i)
		b, _ := Generate(7, i)
		if !bytes.Equal(a, b) {
			t.Fatalf("plan %d differs between two runs with the same seed", i)
		}
		c, _ := Generate(8, i)
		if bytes.Equal(a, c) {
			t.Fatalf("plan %d is the same for seeds 7 and 8", i)
		}
	}
}
