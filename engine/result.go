package engine

import "fmt"

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
	key := "findings"
	if _, ok := m[key]; !ok {
		key = "deny" // an entrypoint without findings lists them all under deny
	}
	findings, err := objectsAt(m, key, "finding")
	if err != nil {
		return nil, nil, err
	}
	var deny []entry
	if findings != nil {
		deny = make([]entry, len(findings))
	}
	for i, o := range findings {
		e := &deny[i]
		if err := stringFields(o, "finding", field{"rule", &e.Rule}, field{"msg", &e.Msg},
			field{"pointer", &e.Pointer}, field{"severity", &e.Severity}); err != nil {
			return nil, nil, err
		}
		e.Expected, e.Actual = o["expected"], o["actual"]
	}
	nas, err := objectsAt(m, "not_applicable", "not-applicable entry")
	if err != nil {
		return nil, nil, err
	}
	var na []naEntry
	for _, o := range nas {
		var n naEntry
		if err := stringFields(o, "not-applicable", field{"rule", &n.Rule}, field{"msg", &n.Msg}); err != nil {
			return nil, nil, err
		}
		na = append(na, n)
	}
	return deny, na, nil
}

// objectsAt is the list of objects at key of m, nil when there is none; what
// names one in errors.
func objectsAt(m map[string]any, key, what string) ([]map[string]any, error) {
	d, ok := m[key]
	if !ok || d == nil {
		return nil, nil
	}
	list, ok := d.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is not a set", key)
	}
	out := make([]map[string]any, len(list))
	for i, x := range list {
		if out[i], ok = x.(map[string]any); !ok {
			return nil, fmt.Errorf("a %s is a %T, not an object", what, x)
		}
	}
	return out, nil
}

// field is a string field of an entry and where it goes.
type field struct {
	name string
	to   *string
}

// stringFields sets each field from o, where it must be a string if present.
func stringFields(o map[string]any, what string, fields ...field) error {
	for _, f := range fields {
		if s, ok := o[f.name]; ok && s != nil {
			if *f.to, ok = s.(string); !ok {
				return fmt.Errorf("%s field %s is a %T, not a string", what, f.name, s)
			}
		}
	}
	return nil
}
