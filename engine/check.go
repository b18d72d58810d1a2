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
		if err != nil && hasMeta(a) {
			matches, gerr := filepath.Glob(a)
			if gerr != nil {
				return nil, fmt.Errorf("pattern %s: %w", a, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("pattern %s: matches no file", a)
			}
			sub, err := Expand(matches)
			if err != nil {
				return nil, err
			}
			for _, p := range sub {
				add(p)
			}
			continue
		}
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
	sort.Strings(out) // the report's order never depends on the order of the arguments
	return out, nil
}

// Check reads and evaluates each plan file on a pool of jobs workers sharing
// the one prepared query. It never fails as a whole: a plan that cannot be read
// or evaluated gets verdict error with its problems, and the others are still
// checked. Results keep the order of paths whatever the number of workers.
// With Options.Footprints, footprint documents are evaluated with their
// members (see checkFootprints).
// progress, when not nil, is called once per plan as it completes.
func (e *Engine) Check(ctx context.Context, paths []string, stdin io.Reader, jobs int, progress func()) Report {
	if e.footprints {
		return e.NewReport(e.checkFootprints(ctx, paths, stdin, jobs, progress))
	}
	results := make([]Result, len(paths))
	parallel(len(paths), jobs, func(i int) {
		results[i] = e.CheckFile(ctx, paths[i], stdin)
		if progress != nil {
			progress()
		}
	})
	return e.NewReport(results)
}

// CheckFile reads and evaluates one plan file ("-" reads stdin).
func (e *Engine) CheckFile(ctx context.Context, path string, stdin io.Reader) Result {
	data, err := e.readFile(path, stdin)
	if err != nil {
		r := Result{Plan: path, Findings: []Finding{}, Problems: []Problem{{Message: err.Error()}}}
		r.finish()
		return r
	}
	return e.CheckBytes(ctx, path, data)
}

// readFile reads a plan file under the default size limit; Engine.readFile
// applies the engine's own.
func readFile(path string, stdin io.Reader) ([]byte, error) {
	return readFileLimit(path, stdin, DefaultMaxFileSize)
}

// NewReport assembles a report from results, in the order given.
func (e *Engine) NewReport(results []Result) Report {
	rep := Report{Rules: e.Rules(), Results: results}
	rep.total()
	return rep
}

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }
