package plan_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestInvalidPlans reads every file of the bad-input corpus: each must be
// refused with errors naming the file, and the errors must match the golden.
func TestInvalidPlans(t *testing.T) {
	testutil.Refused(t, "../testdata/plans/invalid/*.json", 1, "../testdata/plans/invalid/errors.golden", *update,
		func(name string, data []byte) error {
			_, err := plan.ReadJSON(name, data, 0)
			return err
		})
}

func TestPlanErrorFields(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/plans/invalid/money-as-string.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.ReadJSON("plans/x.json", data, 0)
	var pes plan.Errors
	if !errors.As(err, &pes) || len(pes) != 1 {
		t.Fatalf("got %v, want one plan.Error", err)
	}
	want := "plans/x.json:72: /years/1/finance/funding/total: expected a number, got a string: " +
		`write figures as plain numbers, without quotes (246000, not "246000"); NaN and Infinity are not figures`
	if diff := cmp.Diff(want, pes[0].Error()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if pes[0].Pointer != "/years/1/finance/funding/total" || pes[0].Line != 72 {
		t.Errorf("pointer %q line %d", pes[0].Pointer, pes[0].Line)
	}
}

func TestLineOf(t *testing.T) {
	t.Parallel()
	doc := []byte("{\n  \"a\": {\n    \"b\": [\n      1,\n      {\"c\": 2}\n    ]\n  },\n  \"d\": 3\n}\n")
	tests := []struct {
		pointer string
		want    int
	}{
		{"", 1},
		{"/a", 2},
		{"/a/b/0", 4},
		{"/a/b/1/c", 5},
		{"/a/b/1/missing", 5}, // deepest existing parent
		{"/d", 8},
		{"/nothing", 1},
	}
	for _, tc := range tests {
		if got := plan.LineOf(doc, tc.pointer); got != tc.want {
			t.Errorf("LineOf(%q) = %d, want %d", tc.pointer, got, tc.want)
		}
	}
}

func TestNumbersStayExact(t *testing.T) {
	t.Parallel()
	p := testutil.Plan(t, "p.json", "ABC", "12345678901234567890.123456789012345678901234567890")
	root := p.Doc.(map[string]any)
	got := root["years"].([]any)[0].(map[string]any)["finance"].(map[string]any)["surplus"].(map[string]any)["in_year"]
	if diff := cmp.Diff("12345678901234567890.123456789012345678901234567890", fmt.Sprint(got)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestUnknownFieldsAreListedInOrder: several fields outside the schema are
// named in one message, sorted, the same in every run.
func TestUnknownFieldsAreListedInOrder(t *testing.T) {
	t.Parallel()
	doc := strings.Replace(string(testutil.PlanJSON("ABC", "1")), `"schema_version": "1",`,
		`"schema_version": "1", "zeta": 1, "alpha": 2, "mid": 3, "beta": 4,`, 1)
	want := `p.json:1: "alpha", "beta", "mid" or "zeta" is not a field of plan-format v1`
	for range 20 {
		_, err := plan.ReadJSON("p.json", []byte(doc), 0)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("got %v, want %q...", err, want)
		}
	}
}
