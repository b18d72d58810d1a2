package engine_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
)

// go test ./engine -run '^$' -bench . -benchmem
// (make bench compares the CLI with conftest and opa: bench/run.sh)

const benchPlan = "../plans/06W-2017-19.json"

// BenchmarkReadPlan decodes and validates one plan (the shipped Norwich plan).
func BenchmarkReadPlan(b *testing.B) {
	data, err := os.ReadFile(benchPlan)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := plan.ReadJSON(benchPlan, data, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate runs every rule on one plan that has findings: seeded
// with the values of its kind of plan (seed.go), as every plan after the
// first of its kind is, and from scratch.
func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	p, _ := testutil.ReadPlan(b, benchPlan)
	for _, c := range []struct {
		name string
		opts engine.Options
	}{{"seeded", engine.Options{}}, {"scratch", engine.Options{NoSeed: true}}} {
		b.Run(c.name, func(b *testing.B) {
			eng, err := engine.New(ctx, policies.FS, c.opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if res := eng.Evaluate(ctx, p); len(res.Problems) > 0 || len(res.Findings) == 0 {
					b.Fatalf("%+v", res)
				}
			}
		})
	}
}

var (
	batchOnce  sync.Once
	batchPaths []string
	batchErr   error
)

// generatedPlans writes 200 plans with bench/plangen (seed 1) once per test binary.
func generatedPlans(b *testing.B) []string {
	b.Helper()
	batchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "planassure-bench-")
		if err != nil {
			batchErr = err
			return
		}
		cmd := exec.Command("go", "run", "../bench/plangen", "-n", "200", "-seed", "1", "-out", dir)
		cmd.Stderr = os.Stderr
		if batchErr = cmd.Run(); batchErr != nil {
			return
		}
		batchPaths, batchErr = filepath.Glob(filepath.Join(dir, "*.json"))
	})
	if batchErr != nil {
		b.Fatal(batchErr)
	}
	return batchPaths
}

// BenchmarkCheckBatch reads and evaluates 200 generated plans through
// runner.Check on runtime.NumCPU() workers; ns/op is per batch.
func BenchmarkCheckBatch(b *testing.B) {
	ctx := context.Background()
	paths := generatedPlans(b)
	r := runner.New(runner.Config{Engine: testutil.Engine(b), Jobs: runtime.NumCPU()})
	b.ReportAllocs()
	for b.Loop() {
		rep := r.Check(ctx, runner.Files(paths))
		if len(rep.Results) != len(paths) {
			b.Fatal("missing results")
		}
	}
	b.ReportMetric(float64(len(paths))*float64(b.N)/b.Elapsed().Seconds(), "plans/s")
}
