package runner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/planassure/planassure/plan"
)

// ErrNoPlans is returned when the arguments name no plan file.
var ErrNoPlans = errors.New("no plan files found")

// Expand turns arguments into plan files: a file as given, a directory as every
// file below it (recursively, sorted) with an extension a plan decoder is
// registered for (plan.Extensions: *.json), "-" as standard input. Duplicates are
// dropped. A missing path is an error.
func Expand(args []string) ([]string, error) {
	var out []string
	exts := plan.Extensions()
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
			if !d.IsDir() && slices.Contains(exts, strings.ToLower(filepath.Ext(p))) &&
				!strings.HasPrefix(d.Name(), "~$") { // ~$plan.xlsx: the lock file of a workbook open in Excel
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

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }
