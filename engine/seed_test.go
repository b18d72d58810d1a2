package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// seedDocs are the plans the seeded evaluation is checked on: the shipped
// plans, 40 generated ones, and variants of the shipped plans in each field a
// kind of plan is made of (round, organisation type and services, the years'
// names and bases), so that plans of one kind differ in everything else and
// plans that differ only in their kind meet.
func seedDocs(t *testing.T) []plan.Plan {
	t.Helper()
	paths, err := filepath.Glob("../plans/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("shipped plans: %v", err)
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "../bench/plangen", "-n", "40", "-seed", "7", "-out", dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("plangen: %v", err)
	}
	generated, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(generated) != 40 {
		t.Fatalf("generated plans: %d, %v", len(generated), err)
	}
	var out []plan.Plan
	read := func(name string, data []byte) {
		p, err := plan.ReadJSON(name, data, 0)
		if err != nil {
			return // a variant the schema refuses is not evaluated
		}
		out = append(out, p)
	}
	variants := []func(map[string]any){
		func(d map[string]any) { d["organisation"].(map[string]any)["type"] = "trust" },
		func(d map[string]any) {
			d["organisation"].(map[string]any)["type"] = "trust"
			d["organisation"].(map[string]any)["services"] = []any{"mental_health"}
		},
		func(d map[string]any) {
			d["organisation"].(map[string]any)["type"] = "trust"
			d["organisation"].(map[string]any)["services"] = []any{"acute", "ambulance", "community"}
		},
		func(d map[string]any) { d["organisation"].(map[string]any)["type"] = "icb" },
		func(d map[string]any) { d["submission"].(map[string]any)["round"] = "2025/26" },
		func(d map[string]any) { d["submission"].(map[string]any)["round"] = "2018/19" },
		func(d map[string]any) {
			years := d["years"].([]any)
			years[len(years)-1].(map[string]any)["basis"] = "forecast_outturn"
		},
		func(d map[string]any) { d["years"] = d["years"].([]any)[1:] },
	}
	for _, path := range append(paths, generated...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		read(path, data)
		if filepath.Dir(path) == dir {
			continue
		}
		for i, change := range variants {
			var d map[string]any
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatal(err)
			}
			if !applyVariant(change, d) {
				continue
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			read(fmt.Sprintf("%s~%d", path, i), b)
		}
	}
	return out
}

// applyVariant changes d, or reports false for a document without the fields
// the change needs (a footprint has no years, say).
func applyVariant(change func(map[string]any), d map[string]any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	change(d)
	return true
}

// A plan evaluated with the values of its kind computed once gives the result
// it gives evaluated from scratch, whichever plan of its kind came first.
func TestSeededEvaluationIsUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("generates plans and evaluates each several times")
	}
	ctx := context.Background()
	seeded, err := engine.New(ctx, policies.FS, engine.Options{Timeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := engine.New(ctx, policies.FS, engine.Options{Timeout: 5 * time.Minute, NoSeed: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := seedDocs(t)
	if len(docs) < 100 {
		t.Fatalf("only %d plans to compare", len(docs))
	}
	for pass := range 2 { // the first pass builds the kinds' values, the second only reads them
		for i := range docs {
			// walk the list from each end in turn, so another plan of a kind comes first
			p := docs[i]
			if pass == 1 {
				p = docs[len(docs)-1-i]
			}
			want := plain.Evaluate(ctx, p)
			got := seeded.Evaluate(ctx, p)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("pass %d, %s: seeded result differs (-plain +seeded):\n%s", pass, p.Path, diff)
			}
		}
	}
}

// The seed is used: a plan of a kind already seen costs fewer allocations.
func TestSeededEvaluationIsCheaper(t *testing.T) {
	ctx := context.Background()
	p, _ := testutil.ReadPlan(t, benchPlan)
	allocs := func(opts engine.Options) float64 {
		eng, err := engine.New(ctx, policies.FS, opts)
		if err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(5, func() { eng.Evaluate(ctx, p) })
	}
	seeded, plain := allocs(engine.Options{}), allocs(engine.Options{NoSeed: true})
	if seeded >= plain*0.97 {
		t.Errorf("seeded evaluation: %.0f allocations, from scratch %.0f: the seed saves less than 3%%", seeded, plain)
	}
	t.Logf("allocations per evaluation: seeded %.0f, from scratch %.0f", seeded, plain)
}
