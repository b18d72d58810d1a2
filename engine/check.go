package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoPlans is returned when the arguments name no plan file.
var ErrNoPlans = errors.New("no plan files found")

// Expand turns arguments into plan files: a file as given, a directory as every
// *.json below it (recursively, sorted), "-" as standard input. Duplicates are
// dropped. A missing path is an error.
func Expand(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		if a == "-" {
			add(a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", a, errors.Unwrap(err))
		}
		if !info.IsDir() {
			add(filepath.Clean(a))
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".json") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read directory %s: %w", a, err)
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	if len(out) == 0 {
		return nil, ErrNoPlans
	}
	return out, nil
}

// Check reads and evaluates each plan file. It never fails as a whole: a plan
// that cannot be read or evaluated gets verdict error with its problems, and
// the others are still checked. Results keep the order of paths.
func (e *Engine) Check(ctx context.Context, paths []string, stdin io.Reader) Report {
	rep := Report{Rules: e.Rules(), Results: make([]Result, len(paths))}
	for i, p := range paths {
		rep.Results[i] = e.CheckFile(ctx, p, stdin)
	}
	rep.total()
	return rep
}

// CheckFile reads and evaluates one plan file ("-" reads stdin).
func (e *Engine) CheckFile(ctx context.Context, path string, stdin io.Reader) Result {
	data, err := readFile(path, stdin)
	if err != nil {
		r := Result{Plan: path, Findings: []Finding{}, Problems: []Problem{{Message: err.Error()}}}
		r.finish()
		return r
	}
	plan, err := ReadPlan(path, data)
	if err != nil {
		r := Result{Plan: path, Findings: []Finding{}, Problems: problemsOf(err)}
		r.finish()
		return r
	}
	return e.Evaluate(ctx, plan)
}

func readFile(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		return io.ReadAll(stdin)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("cannot read the file: %w", pe.Err)
		}
		return nil, err
	}
	return data, nil
}

// NewReport assembles a report from results, in the order given.
func (e *Engine) NewReport(results []Result) Report {
	rep := Report{Rules: e.Rules(), Results: results}
	rep.total()
	return rep
}
