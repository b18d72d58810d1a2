package testutil

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planassure/planassure/plan"
)

// Refused reads each file of a bad-input corpus (the files matching pattern,
// at least least of them) and requires decode to refuse it with errors whose
// every line starts with the file's name and a colon; the errors of all the
// files, a line each, must match the golden file (rewritten with update).
func Refused(t *testing.T, pattern string, least int, golden string, update bool, decode func(name string, data []byte) error) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) < least {
		t.Fatalf("%s: %d files, want at least %d (%v)", pattern, len(files), least, err)
	}
	var got strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if err := decode(name, data); err == nil {
			t.Errorf("%s: accepted, want an error", f)
		} else {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, name+":") {
					t.Errorf("%s: error %q does not name the file", f, line)
				}
				got.WriteString(line + "\n")
			}
		}
	}
	Golden(t, golden, []byte(got.String()), update)
}

// JSONObject reads the JSON object in the file at path (a plan), to change.
func JSONObject(tb testing.TB, path string) map[string]any {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return doc
}

// ReadPlan reads the plan file at path as the engine takes it, and its bytes.
func ReadPlan(tb testing.TB, path string) (plan.Plan, []byte) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := plan.ReadJSON(path, data, 0)
	if err != nil {
		tb.Fatal(err)
	}
	return p, data
}
