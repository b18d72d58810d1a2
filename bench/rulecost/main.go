// Command rulecost prints what each rule costs to evaluate on one plan: the
// mean time of data.rules.<area>.<name>.deny (and not_applicable) evaluated on
// its own, most expensive first. Shared helpers in lib are counted in every
// rule that calls them, so the column adds to more than the whole.
//
//	go run ./bench/rulecost [-n 200] [plan.json]
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/planassure/planassure/policies"
)

func main() {
	n := flag.Int("n", 200, "evaluations per rule")
	marginal := flag.Bool("marginal", false, "count the allocations of data.main without each rule in turn: what each rule adds to the whole")
	total := flag.Bool("total", false, "count the allocations of data.main only")
	flag.Parse()
	path := "plans/06W-2017-19.json"
	if flag.NArg() > 0 {
		path = flag.Arg(0)
	}
	if err := run(path, *n, *marginal, *total); err != nil {
		fmt.Fprintln(os.Stderr, "rulecost:", err)
		os.Exit(1)
	}
}

func run(path string, n int, marginal, total bool) error {
	ctx := context.Background()
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var input any
	if err := util.UnmarshalJSON(raw, &input); err != nil {
		return err
	}
	value, err := ast.InterfaceToValue(input)
	if err != nil {
		return err
	}
	modules := map[string]*ast.Module{}
	err = fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true})
		if err != nil {
			return err
		}
		modules[p] = m
		return nil
	})
	if err != nil {
		return err
	}
	if marginal || total {
		return runMarginal(ctx, modules, value, n, total)
	}
	c := ast.NewCompiler()
	if c.Compile(modules); c.Failed() {
		return c.Errors
	}
	queries := []string{"data.main"}
	for _, m := range modules {
		if p := m.Package.Path.String(); strings.HasPrefix(p, "data.rules.") {
			queries = append(queries, p+".deny", p+".not_applicable")
		}
	}
	type cost struct {
		query string
		mean  time.Duration
	}
	var costs []cost
	for _, q := range queries {
		pq, err := rego.New(rego.Query(q), rego.Compiler(c)).PrepareForEval(ctx)
		if err != nil {
			return err
		}
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
		start := time.Now()
		for range n {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
				return err
			}
		}
		costs = append(costs, cost{q, time.Since(start) / time.Duration(n)})
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].mean > costs[j].mean })
	var sum time.Duration
	for _, c := range costs[1:] {
		sum += c.mean
	}
	for _, c := range costs {
		fmt.Printf("%10.3f ms  %s\n", float64(c.mean)/1e6, c.query)
	}
	fmt.Printf("%10.3f ms  sum of the rules\n", float64(sum)/1e6)
	return nil
}

// timeMain compiles modules and returns the mean time of data.main.deny on value.
func timeMain(ctx context.Context, modules map[string]*ast.Module, value ast.Value, n int) (int64, error) {
	c := ast.NewCompiler()
	if c.Compile(modules); c.Failed() {
		return 0, c.Errors
	}
	pq, err := rego.New(rego.Query("data.main"), rego.Compiler(c)).PrepareForEval(ctx)
	if err != nil {
		return 0, err
	}
	if _, err := pq.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
		return 0, err
	}
	// allocations per evaluation: unlike time, the same on every run and
	// on a busy machine, and in proportion to the work the evaluator does
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
			return 0, err
		}
	}
	runtime.ReadMemStats(&after)
	return int64(after.Mallocs-before.Mallocs) / int64(n), nil
}

func runMarginal(ctx context.Context, modules map[string]*ast.Module, value ast.Value, n int, only bool) error {
	whole, err := timeMain(ctx, modules, value, n)
	if err != nil {
		return err
	}
	if only {
		cpu, err := cpuPerEval(ctx, modules, value, n)
		if err != nil {
			return err
		}
		fmt.Printf("%8d allocs %8.0f µs CPU  data.main, every rule\n", whole, float64(cpu)/1e3)
		return nil
	}
	type cost struct {
		file string
		adds int64
	}
	var costs []cost
	for file := range modules {
		if !strings.HasPrefix(file, "rules/") {
			continue
		}
		rest := map[string]*ast.Module{}
		for f, m := range modules {
			if f != file {
				rest[f] = m.Copy()
			}
		}
		without, err := timeMain(ctx, rest, value, n)
		if err != nil {
			return err
		}
		costs = append(costs, cost{file, whole - without})
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].adds > costs[j].adds })
	fmt.Printf("%8d allocs  data.main, every rule\n", whole)
	var sum int64
	for _, c := range costs {
		sum += c.adds
		fmt.Printf("%8d allocs  %s\n", c.adds, c.file)
	}
	fmt.Printf("%8d allocs  the rules' own cost; the rest, %d, is what they share\n", sum, whole-sum)
	return nil
}

// cpuPerEval is the CPU time (user and system, this process) of one evaluation
// of data.main, the median of five runs of n: less disturbed than wall time by
// other work on the machine.
func cpuPerEval(ctx context.Context, modules map[string]*ast.Module, value ast.Value, n int) (time.Duration, error) {
	c := ast.NewCompiler()
	if c.Compile(modules); c.Failed() {
		return 0, c.Errors
	}
	pq, err := rego.New(rego.Query("data.main"), rego.Compiler(c)).PrepareForEval(ctx)
	if err != nil {
		return 0, err
	}
	var runs []time.Duration
	for range 5 {
		start := cpuTime()
		for range n {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
				return 0, err
			}
		}
		runs = append(runs, (cpuTime()-start)/time.Duration(n))
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })
	return runs[len(runs)/2], nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
