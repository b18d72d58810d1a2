package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

// scaledPlan is the Norwich plan grown along one dimension: n milestones of
// its first must-do (half of them overdue), or n years (a baseline year, then
// n-1 plan years alternating its two plan years).
func scaledPlan(tb testing.TB, dimension string, n int) []byte {
	tb.Helper()
	doc := testutil.JSONObject(tb, benchPlan)
	switch dimension {
	case "milestones":
		mustDo := doc["must_dos"].([]any)[0].(map[string]any)
		first := mustDo["milestones"].([]any)[0].(map[string]any)
		ms := make([]any, n)
		for i := range ms {
			m := map[string]any{}
			for k, v := range first {
				m[k] = v
			}
			m["description"], m["due"], m["status"] = fmt.Sprintf("Milestone %d", i), "2016-09-30", []string{"complete", "at_risk"}[i%2]
			ms[i] = m
		}
		mustDo["milestones"] = ms
	case "years":
		years := doc["years"].([]any)
		out := make([]any, n)
		for i := range out {
			src := years[0]
			if i > 0 {
				src = years[1+i%2]
			}
			b, _ := json.Marshal(src)
			var y map[string]any
			_ = json.Unmarshal(b, &y)
			y["year"] = fmt.Sprintf("%d/%02d", 1800+i, (1801+i)%100)
			out[i] = y
		}
		doc["years"] = out
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkScaling reads and evaluates one plan with n and 4n milestones, and
// n and 4n years: time linear in the plan is a constant ns/element across
// each pair (a cost quadratic in the plan would quadruple it).
//
//	go test ./engine -run '^$' -bench Scaling -benchtime 3x
func BenchmarkScaling(b *testing.B) {
	ctx := context.Background()
	eng := testutil.Engine(b)
	for _, tc := range []struct {
		dimension string
		n         int
	}{{"milestones", 2500}, {"milestones", 10000}, {"years", 75}, {"years", 300}} {
		b.Run(fmt.Sprintf("%s=%d", tc.dimension, tc.n), func(b *testing.B) {
			data := scaledPlan(b, tc.dimension, tc.n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				p, err := plan.ReadJSON("scaled.json", data, 0)
				if err != nil {
					b.Fatal(err)
				}
				if res := eng.Evaluate(ctx, p); len(res.Problems) > 0 || len(res.Findings) == 0 {
					b.Fatalf("%+v", res.Problems)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tc.n), "ns/element")
		})
	}
}

// TestScaledPlansAreValid: the plans BenchmarkScaling times are valid plans
// whose findings grow with them.
func TestScaledPlansAreValid(t *testing.T) {
	eng := testutil.Engine(t)
	for _, dimension := range []string{"milestones", "years"} {
		small, err := plan.ReadJSON("s.json", scaledPlan(t, dimension, 8), 0)
		if err != nil {
			t.Fatalf("%s: %v", dimension, err)
		}
		large, err := plan.ReadJSON("l.json", scaledPlan(t, dimension, 16), 0)
		if err != nil {
			t.Fatalf("%s: %v", dimension, err)
		}
		s, l := eng.Evaluate(t.Context(), small), eng.Evaluate(t.Context(), large)
		if len(s.Problems)+len(l.Problems) > 0 || len(l.Findings) <= len(s.Findings) {
			t.Errorf("%s: %d findings at 8, %d at 16, problems %v %v", dimension, len(s.Findings), len(l.Findings), s.Problems, l.Problems)
		}
	}
}
