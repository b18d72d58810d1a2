package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// The engine's performance gate (gate.go) is the policies' own _unsound on
// every shipped, generated and varied plan, and on variants of the shipped
// plans at the gate's edges: a monthly trajectory ending exactly at the
// tolerance and just beyond it, levels that are not numbers, a short
// trajectory.
func TestGateIsTheRegoGate(t *testing.T) {
	ctx := context.Background()
	e, queries := gateSetup(t, "data.planassure.lib.performance._unsound", "data.planassure.lib.performance._thresholds")
	query, thresholds := queries[0], queries[1]
	docs := append(seedDocs(t), gateEdges(t, func(p plan.Plan) map[string]any {
		m, _ := normalise(t, evalOn(t, thresholds, p)).(map[string]any)
		return m
	})...)
	compared, unsound := 0, 0
	for _, p := range docs {
		got, ok := engine.GateOf(ctx, e, p.Doc)
		if !ok {
			continue
		}
		want := normalise(t, evalOn(t, query, p))
		if diff := cmp.Diff(want, normalise(t, got)); diff != "" {
			t.Fatalf("%s: the engine's gate differs from the policies' (-rego +engine):\n%s", p.Path, diff)
		}
		compared++
		if m, _ := want.(map[string]any); len(m) > 0 {
			unsound++
		}
	}
	if compared < 200 || unsound < 50 || unsound == compared {
		t.Fatalf("compared %d plans, %d with an unsound year: too few of either to tell", compared, unsound)
	}
	t.Logf("compared %d plans, %d with an unsound year", compared, unsound)
}

// gateSetup is an engine and a prepared query of the policies as stock OPA
// loads them (the Rego files, no tests).
func gateSetup(t *testing.T, queries ...string) (*engine.Engine, []rego.PreparedEvalQuery) {
	t.Helper()
	if testing.Short() {
		t.Skip("generates plans and evaluates each")
	}
	ctx := context.Background()
	e, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []rego.PreparedEvalQuery
	for _, q := range queries {
		pq, err := rego.New(rego.Query(q),
			rego.Load([]string{"../policies"}, func(_ string, info os.FileInfo, _ int) bool {
				return !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
			})).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pq)
	}
	return e, out
}

// evalOn is query's value on doc, as JSON values.
func evalOn(t *testing.T, query rego.PreparedEvalQuery, p plan.Plan) any {
	t.Helper()
	input, err := ast.InterfaceToValue(p.Doc)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := query.Eval(context.Background(), rego.EvalParsedInput(input))
	if err != nil || len(rs) != 1 {
		t.Fatalf("%s: %v", p.Path, err)
	}
	return rs[0].Expressions[0].Value
}

// normalise gives v as JSON values with numbers as json.Number, so that both
// sides compare by their digits.
func normalise(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// gateEdges are variants of the shipped plans at the gate's edges, for every
// metric of every year that gives a level and 12 monthly levels: a level at
// its threshold (thresholds gives them: metric -> year index -> threshold)
// and just either side of it, a trajectory ending at the tolerance and just
// beyond it, and levels that are not levels.
func gateEdges(t *testing.T, thresholds func(plan.Plan) map[string]any) []plan.Plan {
	t.Helper()
	tenth := big.NewRat(1, 10)
	tiny, _ := new(big.Rat).SetString("0.0000000000000000000000000001")
	shift := func(level json.Number, by ...*big.Rat) json.Number {
		r, ok := new(big.Rat).SetString(string(level))
		if !ok {
			t.Fatalf("level %q", level)
		}
		for _, b := range by {
			r.Add(r, b)
		}
		return json.Number(strings.TrimRight(strings.TrimRight(r.FloatString(28), "0"), "."))
	}
	edits := []func(m map[string]any, level json.Number){
		func(m map[string]any, level json.Number) { month(m, 11, shift(level, tenth)) },
		func(m map[string]any, level json.Number) { month(m, 11, shift(level, tenth, tiny)) },
		func(m map[string]any, level json.Number) { month(m, 11, shift(level, new(big.Rat).Neg(tenth))) },
		func(m map[string]any, level json.Number) {
			month(m, 11, shift(level, new(big.Rat).Neg(tenth), new(big.Rat).Neg(tiny)))
		},
		func(m map[string]any, level json.Number) { m["plan"] = shift(level, tiny) },
		func(m map[string]any, level json.Number) { m["plan"] = shift(level, new(big.Rat).Neg(tiny)) },
		func(m map[string]any, _ json.Number) { m["monthly"] = m["monthly"].([]any)[:11] },
		func(m map[string]any, _ json.Number) { m["monthly"] = nil },
		func(m map[string]any, _ json.Number) { month(m, 3, json.Number("-0.0000000000000000000000000001")) },
	}
	paths := []string{"../plans/06W-2017-19.json", "../plans/QJK-2025-26-devon-icb.json", "../plans/QJK-2026-29-devon-icb.json", "../plans/RW4-2026-29-mersey-care.json"}
	var out []plan.Plan
	for _, path := range paths {
		base, data := readBase(t, path)
		years, _ := base.Doc.(map[string]any)["years"].([]any)
		byKey := thresholds(base)
		for yi, y := range years {
			perf, _ := y.(map[string]any)["performance"].(map[string]any)
			for key, mv := range perf {
				m, isObj := mv.(map[string]any)
				if !isObj {
					continue
				}
				level, isNum := m["plan"].(json.Number)
				var cases []func(map[string]any, json.Number)
				if months, _ := m["monthly"].([]any); isNum && len(months) == 12 {
					cases = edits
				}
				byYear, _ := byKey[key].(map[string]any)
				if threshold, ok := byYear[fmt.Sprint(yi)].(json.Number); ok {
					for _, by := range [][]*big.Rat{nil, {tiny}, {new(big.Rat).Neg(tiny)}} {
						cases = append(cases, func(m map[string]any, _ json.Number) {
							m["plan"] = shift(threshold, by...)
							if months, _ := m["monthly"].([]any); len(months) == 12 {
								month(m, 11, shift(threshold, by...))
							}
						})
					}
				}
				for ei, edit := range cases {
					name := fmt.Sprintf("%s~years/%d/performance/%s~%d", path, yi, key, ei)
					out = append(out, variant(t, data, name, func(doc map[string]any) {
						edit(doc["years"].([]any)[yi].(map[string]any)["performance"].(map[string]any)[key].(map[string]any), level)
					})...)
				}
			}
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d plans at the gate's edges", len(out))
	}
	return out
}

// readBase is a shipped plan as the reader gives it, and that document's JSON.
func readBase(t *testing.T, path string) (plan.Plan, []byte) {
	t.Helper()
	base, _ := testutil.ReadPlan(t, path)
	data, err := json.Marshal(base.Doc)
	if err != nil {
		t.Fatal(err)
	}
	return base, data
}

// variant is the plan data with edit applied to its document, named name, or
// none when the reader refuses it.
func variant(t *testing.T, data []byte, name string, edit func(map[string]any)) []plan.Plan {
	t.Helper()
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.ReadJSON(name, b, 0)
	if err != nil {
		return nil
	}
	return []plan.Plan{p}
}

func month(m map[string]any, j int, v json.Number) {
	months := append([]any(nil), m["monthly"].([]any)...)
	months[j] = v
	m["monthly"] = months
}

// The engine's identity gate calls no activity line sound that the rule's
// own gate does not (it may leave more to the rule), and on plans of whole
// numbers, the shipped and generated ones, it is the rule's gate. Variants
// at its edges: a plan 5 off its build (beyond the tolerance), a missing or decimal part, a
// missing or decimal previous total, a first year.
func TestIdentityGateHoldsTheRegoGate(t *testing.T) {
	ctx := context.Background()
	e, queries := gateSetup(t, "data.planassure.rules.activity.identity._unsound")
	query := queries[0]
	docs := append(seedDocs(t), identityEdges(t)...)
	compared, equal, unsound := 0, 0, 0
	for _, p := range docs {
		got, ok := engine.IdentityGateOf(ctx, e, p.Doc)
		if !ok {
			continue
		}
		want := pairs(t, evalOn(t, query, p))
		have := pairs(t, got)
		for pair := range want {
			if !have[pair] {
				t.Fatalf("%s: the engine calls line %s sound, the rule does not", p.Path, pair)
			}
		}
		compared++
		if len(want) == len(have) {
			equal++
		}
		if len(want) > 0 {
			unsound++
		}
	}
	if compared < 120 || unsound < 10 || equal < compared*3/4 {
		t.Fatalf("compared %d plans: %d with an unsound line, %d where the gates are equal", compared, unsound, equal)
	}
	t.Logf("compared %d plans: %d with an unsound line, %d where the gates are equal", compared, unsound, equal)
}

// pairs is a gate's set of [year index, line key] as text.
func pairs(t *testing.T, v any) map[string]bool {
	t.Helper()
	list, _ := normalise(t, v).([]any)
	out := map[string]bool{}
	for _, p := range list {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		out[string(b)] = true
	}
	return out
}

// identityEdges are variants of the shipped commissioner plans at the
// identity gate's edges, for every activity line given as an object.
func identityEdges(t *testing.T) []plan.Plan {
	t.Helper()
	edits := []func(line, previous map[string]any){
		func(line, _ map[string]any) { line["plan"] = offBy(t, line["plan"], 5) },
		func(line, _ map[string]any) { delete(line, "qipp") },
		func(line, _ map[string]any) { line["growth"] = json.Number("0.5") },
		func(line, _ map[string]any) { line["plan"] = nil },
		func(_, previous map[string]any) { delete(previous, "plan") },
		func(_, previous map[string]any) { previous["plan"] = json.Number("10.25") },
	}
	var out []plan.Plan
	for _, path := range []string{"../plans/06W-2017-19.json", "../plans/QJK-2026-29-devon-icb.json"} {
		base, data := readBase(t, path)
		years, _ := base.Doc.(map[string]any)["years"].([]any)
		for yi := 1; yi < len(years); yi++ {
			activity, _ := years[yi].(map[string]any)["activity"].(map[string]any)
			for key, lv := range activity {
				if _, isObj := lv.(map[string]any); !isObj {
					continue
				}
				for ei, edit := range edits {
					name := fmt.Sprintf("%s~years/%d/activity/%s~%d", path, yi, key, ei)
					out = append(out, variant(t, data, name, func(doc map[string]any) {
						ys := doc["years"].([]any)
						line := ys[yi].(map[string]any)["activity"].(map[string]any)[key].(map[string]any)
						previous, _ := ys[yi-1].(map[string]any)["activity"].(map[string]any)[key].(map[string]any)
						if previous == nil {
							previous = map[string]any{}
						}
						edit(line, previous)
					})...)
				}
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d plans at the identity gate's edges", len(out))
	}
	return out
}

func offBy(t *testing.T, v any, by int64) json.Number {
	t.Helper()
	r, ok := new(big.Rat).SetString(fmt.Sprint(v))
	if !ok {
		t.Fatalf("figure %v", v)
	}
	return json.Number(r.Add(r, big.NewRat(by, 1)).RatString())
}
