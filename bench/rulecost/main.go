// Command rulecost shows where the evaluation of the shipped rules spends its
// work on one plan (the Norwich plan unless a file is given):
//
//	go run ./bench/rulecost [-n 200] [PLAN]            each rule's deny and not_applicable
//	                                                    timed alone, most expensive first
//	go run ./bench/rulecost -marginal [-n 5] [PLAN]    allocations data.planassure.main makes, and what
//	                                                    each rule file adds to them
//	go run ./bench/rulecost -total [-n 60] [-query Q] [PLAN]  Q's (data.planassure.main's) allocations and CPU time
//
// Timed alone, a rule also pays for the library helpers it calls, which
// data.planassure.main computes once for all rules: the first mode's column adds up to
// more than the whole. -marginal compiles the policies without each rule file
// in turn instead. It counts allocations, which unlike time hardly move from
// run to run or on a busy machine (the fewest of three runs is taken), and
// follow the evaluator's work. -total
// adds the CPU time (user and system) of one evaluation, the median of five
// runs of n: compare two policy trees by running their builds alternately.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
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
	n := flag.Int("n", 200, "evaluations per measurement")
	query := flag.String("query", "data.planassure.main", "the query -total measures")
	marginal := flag.Bool("marginal", false, "allocations of data.planassure.main, and what each rule file adds to them")
	total := flag.Bool("total", false, "allocations and CPU time of one evaluation of data.planassure.main")
	flag.Parse()
	path := "plans/06W-2017-19.json"
	if flag.NArg() > 0 {
		path = flag.Arg(0)
	}
	if err := run(os.Stdout, path, *n, *marginal, *total, *query); err != nil {
		fmt.Fprintln(os.Stderr, "rulecost:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path string, n int, marginal, total bool, query string) error {
	if n < 1 {
		return fmt.Errorf("-n %d: at least one evaluation", n)
	}
	ctx := context.Background()
	value, err := readInput(path)
	if err != nil {
		return err
	}
	modules, err := parsePolicies()
	if err != nil {
		return err
	}
	switch {
	case total:
		q, err := prepare(ctx, modules, query)
		if err != nil {
			return err
		}
		allocs, err := allocsPerEval(ctx, q, value, n)
		if err != nil {
			return err
		}
		cpu, err := cpuPerEval(ctx, q, value, n)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%8d allocs %8.0f µs CPU  %s\n", allocs, float64(cpu)/1e3, query)
		return nil
	case marginal:
		return printMarginal(ctx, w, modules, value, n)
	default:
		return printAlone(ctx, w, modules, value, n)
	}
}

func readInput(path string) (ast.Value, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var input any
	if err := util.UnmarshalJSON(raw, &input); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ast.InterfaceToValue(input)
}

// parsePolicies parses the shipped policies, tests left out, keyed by path.
func parsePolicies() (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
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
	return modules, err
}

// compile compiles modules (which it changes: give it copies to compile twice).
func compile(modules map[string]*ast.Module) (*ast.Compiler, error) {
	c := ast.NewCompiler()
	if c.Compile(modules); c.Failed() {
		return nil, c.Errors
	}
	return c, nil
}

// prepare compiles modules and prepares query on them.
func prepare(ctx context.Context, modules map[string]*ast.Module, query string) (rego.PreparedEvalQuery, error) {
	c, err := compile(modules)
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	return rego.New(rego.Query(query), rego.Compiler(c)).PrepareForEval(ctx)
}

func evalN(ctx context.Context, q rego.PreparedEvalQuery, value ast.Value, n int) error {
	for range n {
		if _, err := q.Eval(ctx, rego.EvalParsedInput(value)); err != nil {
			return err
		}
	}
	return nil
}

// allocsPerEval is the number of heap allocations of one evaluation of q:
// the fewest of three runs of n, since what else happens in the process (a
// collection emptying the evaluator's pools, the runtime's own work) only
// ever adds to the count.
func allocsPerEval(ctx context.Context, q rego.PreparedEvalQuery, value ast.Value, n int) (int64, error) {
	if err := evalN(ctx, q, value, 1); err != nil { // warm: first-use caches
		return 0, err
	}
	fewest := int64(-1)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := evalN(ctx, q, value, n); err != nil {
			return 0, err
		}
		runtime.ReadMemStats(&after)
		if a := int64(after.Mallocs-before.Mallocs) / int64(n); fewest < 0 || a < fewest {
			fewest = a
		}
	}
	return fewest, nil
}

// cpuPerEval is the CPU time of one evaluation of q, the median of five runs of n.
func cpuPerEval(ctx context.Context, q rego.PreparedEvalQuery, value ast.Value, n int) (time.Duration, error) {
	runs := make([]time.Duration, 0, 5)
	for range 5 {
		start := cpuTime()
		if err := evalN(ctx, q, value, n); err != nil {
			return 0, err
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

// printMarginal prints data.planassure.main's allocations with every rule, and what each
// rule file adds: the whole less the whole without that file.
func printMarginal(ctx context.Context, w io.Writer, modules map[string]*ast.Module, value ast.Value, n int) error {
	allocsOf := func(mods map[string]*ast.Module) (int64, error) {
		q, err := prepare(ctx, mods, "data.planassure.main")
		if err != nil {
			return 0, err
		}
		return allocsPerEval(ctx, q, value, n)
	}
	whole, err := allocsOf(copyModules(modules, ""))
	if err != nil {
		return err
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
		without, err := allocsOf(copyModules(modules, file))
		if err != nil {
			return fmt.Errorf("without %s: %w", file, err)
		}
		costs = append(costs, cost{file, whole - without})
	}
	sort.Slice(costs, func(i, j int) bool {
		if costs[i].adds != costs[j].adds {
			return costs[i].adds > costs[j].adds
		}
		return costs[i].file < costs[j].file
	})
	fmt.Fprintf(w, "%8d allocs  data.planassure.main, every rule\n", whole)
	var sum int64
	for _, c := range costs {
		sum += c.adds
		fmt.Fprintf(w, "%8d allocs  %s\n", c.adds, c.file)
	}
	fmt.Fprintf(w, "%8d allocs  the rules' own; the rest, %d, is what they share\n", sum, whole-sum)
	return nil
}

// copyModules copies modules, leaving out the one at path without ("" for none).
func copyModules(modules map[string]*ast.Module, without string) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(modules))
	for f, m := range modules {
		if f != without {
			out[f] = m.Copy()
		}
	}
	return out
}

// printAlone times each rule's deny and not_applicable evaluated on its own.
func printAlone(ctx context.Context, w io.Writer, modules map[string]*ast.Module, value ast.Value, n int) error {
	queries := []string{"data.planassure.main"}
	for _, m := range modules {
		if p := m.Package.Path.String(); strings.HasPrefix(p, "data.planassure.rules.") {
			queries = append(queries, p+".deny", p+".not_applicable")
		}
	}
	type cost struct {
		query string
		mean  time.Duration
	}
	c, err := compile(modules)
	if err != nil {
		return err
	}
	costs := make([]cost, 0, len(queries))
	for _, query := range queries {
		q, err := rego.New(rego.Query(query), rego.Compiler(c)).PrepareForEval(ctx)
		if err != nil {
			return err
		}
		if err := evalN(ctx, q, value, 1); err != nil {
			return fmt.Errorf("%s: %w", query, err)
		}
		start := time.Now()
		if err := evalN(ctx, q, value, n); err != nil {
			return err
		}
		costs = append(costs, cost{query, time.Since(start) / time.Duration(n)})
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].mean > costs[j].mean })
	for _, c := range costs {
		fmt.Fprintf(w, "%10.3f ms  %s\n", float64(c.mean)/1e6, c.query)
	}
	return nil
}
