package engine

import (
	"errors"
	"fmt"
)

// entry is one element of data.planassure.main.findings (deny holds the errors
// among them and warn the warnings, for conftest), or of deny when the
// entrypoint has no findings.
type entry struct {
	Rule     string `json:"rule"`
	Msg      string `json:"msg"`
	Pointer  string `json:"pointer"`
	Expected any    `json:"expected"`
	Actual   any    `json:"actual"`
	Severity string `json:"severity"`
}

// naEntry is one element of data.planassure.main.not_applicable.
type naEntry struct {
	Rule string
	Msg  string
}

// readResult reads data.planassure.main's value as returned by the evaluation (maps,
// slices, json.Number, strings, bools) without a JSON round trip. Values are
// as a round trip would give them; a field of the wrong type is an error.
func readResult(v any) ([]entry, []naEntry, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("the result is a %T, not an object", v)
	}
	var deny []entry
	key := "findings"
	if _, ok := m[key]; !ok {
		key = "deny" // an entrypoint without findings lists them all under deny
	}
	if d, ok := m[key]; ok && d != nil {
		list, ok := d.([]any)
		if !ok {
			return nil, nil, errors.New(key + " is not a set")
		}
		deny = make([]entry, 0, len(list))
		for _, x := range list {
			o, ok := x.(map[string]any)
			if !ok {
				return nil, nil, fmt.Errorf("a finding is a %T, not an object", x)
			}
			var e entry
			for _, f := range []struct {
				name string
				to   *string
			}{{"rule", &e.Rule}, {"msg", &e.Msg}, {"pointer", &e.Pointer}, {"severity", &e.Severity}} {
				if s, ok := o[f.name]; ok && s != nil {
					if *f.to, ok = s.(string); !ok {
						return nil, nil, fmt.Errorf("finding field %s is a %T, not a string", f.name, s)
					}
				}
			}
			e.Expected, e.Actual = o["expected"], o["actual"]
			deny = append(deny, e)
		}
	}
	var na []naEntry
	if d, ok := m["not_applicable"]; ok && d != nil {
		list, ok := d.([]any)
		if !ok {
			return nil, nil, errors.New("not_applicable is not a set")
		}
		for _, x := range list {
			o, ok := x.(map[string]any)
			if !ok {
				return nil, nil, fmt.Errorf("a not-applicable entry is a %T, not an object", x)
			}
			var n naEntry
			for _, f := range []struct {
				name string
				to   *string
			}{{"rule", &n.Rule}, {"msg", &n.Msg}} {
				if s, ok := o[f.name]; ok && s != nil {
					if *f.to, ok = s.(string); !ok {
						return nil, nil, fmt.Errorf("not-applicable field %s is a %T, not a string", f.name, s)
					}
				}
			}
			na = append(na, n)
		}
	}
	return deny, na, nil
}
