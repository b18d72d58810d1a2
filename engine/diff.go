package engine

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/planassure/planassure/plan"
)

// Change is one figure or field that differs between two versions of a plan.
type Change struct {
	Pointer    string `json:"pointer"`
	Old        any    `json:"old"`                  // nil when the field is new
	New        any    `json:"new"`                  // nil when the field was removed
	Difference string `json:"difference,omitempty"` // new - old, exactly, for numbers
}

// PlanDiff is what changed between two versions of a plan, and what that did
// to the assurance.
type PlanDiff struct {
	SchemaVersion string    `json:"schema_version"` // of docs/schema/diff.schema.json
	Old           string    `json:"old"`
	New           string    `json:"new"`
	VerdictBefore Verdict   `json:"verdict_before"`
	VerdictAfter  Verdict   `json:"verdict_after"`
	Changes       []Change  `json:"changes"`
	Appeared      []Finding `json:"appeared"`    // findings of the new version the old did not have
	Disappeared   []Finding `json:"disappeared"` // findings of the old version the new no longer has
	Before        Result    `json:"before"`
	After         Result    `json:"after"`
}

// Diff compares two versions of a plan and their results. Findings are the
// same when rule, pointer and severity agree; their wording may differ as the
// figures change. A side whose result is Absent (see Absent) is a plan added
// or removed: no figures are compared, and every finding of the other side
// appeared or disappeared.
func Diff(oldPlan, newPlan plan.Plan, before, after Result) PlanDiff {
	d := PlanDiff{SchemaVersion: SchemaVersion, Old: oldPlan.Path, New: newPlan.Path, VerdictBefore: before.Verdict, VerdictAfter: after.Verdict,
		Changes: []Change{}, Appeared: []Finding{}, Disappeared: []Finding{}, Before: before, After: after}
	if before.Verdict != VerdictAbsent && after.Verdict != VerdictAbsent {
		walkDiff("", oldPlan.Doc, newPlan.Doc, &d.Changes)
	}
	key := func(f Finding) string { return f.Rule + "\x00" + f.Pointer + "\x00" + string(f.Severity) }
	had, has := map[string]bool{}, map[string]bool{}
	for _, f := range before.Findings {
		had[key(f)] = true
	}
	for _, f := range after.Findings {
		has[key(f)] = true
		if !had[key(f)] {
			d.Appeared = append(d.Appeared, f)
		}
	}
	for _, f := range before.Findings {
		if !has[key(f)] {
			d.Disappeared = append(d.Disappeared, f)
		}
	}
	return d
}

// Absent is the plan and result of the missing side of a diff, named path
// (e.g. /dev/null).
func Absent(path string) (plan.Plan, Result) {
	return plan.Plan{Path: path}, Result{Plan: path, Verdict: VerdictAbsent, Findings: []Finding{}}
}

// FailsNew reports whether the new version adds a finding, not waived, at
// severity failOn or above.
func (d PlanDiff) FailsNew(failOn Severity) bool {
	for _, f := range d.Appeared {
		if f.Waived == nil && (failOn == SeverityWarning || f.Severity == SeverityError) {
			return true
		}
	}
	return d.After.Verdict == VerdictError
}

func walkDiff(ptr string, a, b any, out *[]Change) {
	am, aObj := a.(map[string]any)
	bm, bObj := b.(map[string]any)
	if aObj && bObj {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			walkDiff(ptr+"/"+plan.PointerOf([]string{k})[1:], am[k], bm[k], out)
		}
		return
	}
	as, aArr := a.([]any)
	bs, bArr := b.([]any)
	if aArr && bArr {
		n := max(len(as), len(bs))
		for i := range n {
			var x, y any
			if i < len(as) {
				x = as[i]
			}
			if i < len(bs) {
				y = bs[i]
			}
			walkDiff(ptr+"/"+strconv.Itoa(i), x, y, out)
		}
		return
	}
	if equalLeaf(a, b) {
		return
	}
	c := Change{Pointer: ptr, Old: a, New: b}
	if x, ok := a.(json.Number); ok {
		if y, ok := b.(json.Number); ok {
			c.Difference = difference(x, y)
		}
	}
	*out = append(*out, c)
}

func equalLeaf(a, b any) bool {
	if x, ok := a.(json.Number); ok {
		if y, ok := b.(json.Number); ok {
			rx, okx := new(big.Rat).SetString(string(x))
			ry, oky := new(big.Rat).SetString(string(y))
			return okx && oky && rx.Cmp(ry) == 0
		}
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// difference is y - x, exactly, written without needless digits.
func difference(x, y json.Number) string {
	rx, okx := new(big.Rat).SetString(string(x))
	ry, oky := new(big.Rat).SetString(string(y))
	if !okx || !oky {
		return ""
	}
	d := new(big.Rat).Sub(ry, rx)
	if d.IsInt() {
		return d.Num().String()
	}
	// a finite decimal: figures are written in decimal, so the denominator is 2^a 5^b
	for prec := 1; prec <= 40; prec++ {
		s := d.FloatString(prec)
		if r, ok := new(big.Rat).SetString(s); ok && r.Cmp(d) == 0 {
			return s
		}
	}
	return fmt.Sprint(d.FloatString(40))
}
