package plan

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestQuickCoversThePlanSchema: the plan schema has a quick form; a keyword
// added to the schema that the quick check does not know would send every
// plan to the validator.
func TestQuickCoversThePlanSchema(t *testing.T) {
	if _, err := planSchema(); err != nil {
		t.Fatal(err)
	}
	if quickPlan == nil {
		t.Fatal("the plan schema has no quick form: every plan goes to the validator")
	}
}

// TestQuickAgreesWithTheValidator: on the shipped plans, the bad-input corpus
// and thousands of mutations of them, a document the quick check passes is
// one the validator passes, and one it fails the validator fails; when it is
// unsure, the validator decides.
func TestQuickAgreesWithTheValidator(t *testing.T) {
	t.Parallel()
	sch, err := planSchema()
	if err != nil {
		t.Fatal(err)
	}
	var docs []any
	for _, pattern := range []string{"../plans/*.json", "../testdata/plans/invalid/*.json", "../testdata/footprint/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if doc, err := decodeJSON(data); err == nil {
				docs = append(docs, doc)
			}
		}
	}
	if len(docs) < 20 {
		t.Fatalf("only %d documents", len(docs))
	}
	mutations := 100
	if testing.Short() {
		mutations = 20
	}
	rng := rand.New(rand.NewPCG(1, 2))
	count := map[verdict]int{}
	agree := func(doc any, what string) {
		got := quickPlan.check(doc, 0)
		count[got]++
		if got == unsure {
			return
		}
		err := sch.Validate(doc)
		if (got == pass) != (err == nil) {
			b, _ := json.Marshal(doc)
			t.Fatalf("%s: quick check %v, validator %v:\n%s", what, got, err, b)
		}
	}
	for i, doc := range docs {
		agree(doc, "document "+strconv.Itoa(i))
		for m := range mutations {
			d := clone(doc)
			for range 1 + rng.IntN(3) {
				d = mutate(rng, d)
			}
			agree(d, "mutation "+strconv.Itoa(m)+" of document "+strconv.Itoa(i))
		}
	}
	t.Logf("pass %d, fail %d, unsure %d", count[pass], count[fail], count[unsure])
	if count[pass] < 50 || count[fail] < 50 {
		t.Errorf("the mutations do not exercise both verdicts: %v", count)
	}
}

// TestQuickNumbers: figures against a minimum and maximum, and whole numbers.
func TestQuickNumbers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n     string
		bound int64
		want  int
		ok    bool
	}{
		{"0", 0, 0, true}, {"-0", 0, 0, true}, {"-0.000", 0, 0, true}, {"0.0001", 0, 1, true},
		{"-0.0001", 0, -1, true}, {"100", 100, 0, true}, {"100.0", 100, 0, true}, {"100.01", 100, 1, true},
		{"99.999", 100, -1, true}, {"-5", -5, 0, true}, {"-5.5", -5, -1, true}, {"-4.5", -5, 1, true},
		{"1", 15, -1, true}, {"16", 15, 1, true}, {"15", 15, 0, true}, {"-1", 1, -1, true},
		{"999999999999999999", 0, 1, true}, {"1000000000000000000", 0, 0, false},
	} {
		d, ok := parseDecimal(tc.n)
		if !ok {
			t.Fatalf("parseDecimal(%q) refused", tc.n)
		}
		c, ok := d.cmp(tc.bound)
		if ok != tc.ok || (ok && c != tc.want) {
			t.Errorf("%s against %d = %d, %v; want %d, %v", tc.n, tc.bound, c, ok, tc.want, tc.ok)
		}
	}
	for _, bad := range []string{"", "-", "01", "1.", ".5", "1e3", "1E3", "+1", "0x10", "1.2.3", "--1", "1_000", " 1"} {
		if _, ok := parseDecimal(bad); ok {
			t.Errorf("parseDecimal(%q) accepted", bad)
		}
	}
	for n, want := range map[string]bool{"1": true, "1.0": true, "1.000": true, "1.5": false, "-0.0": true, "0.01": false} {
		if d, _ := parseDecimal(n); d.isInt() != want {
			t.Errorf("isInt(%s) = %v", n, !want)
		}
	}
}

// TestQuickSchemaKeywords: the quick check of small schemas using each
// keyword it knows agrees with the validator, and a schema with a keyword it
// does not know has no quick form.
func TestQuickSchemaKeywords(t *testing.T) {
	t.Parallel()
	values := []string{`null`, `true`, `false`, `0`, `-0`, `1`, `1.0`, `1.5`, `-1`, `15`, `16`, `100`, `100.5`, `-0.5`,
		`1e3`, `123456789012345678901234`, `""`, `"a"`, `"x_a"`, `"ab"`, `"2017-02-30"`, `"2017-03-31"`, `"stp"`, `"é"`,
		`[]`, `["a"]`, `["a","a"]`, `["a","b"]`, `[1,1.0]`, `[1,2]`, `[{"a":1},{"a":1}]`, `{}`, `{"a":1}`, `{"a":"x"}`,
		`{"b":1}`, `{"x_c":1}`, `{"a":1,"b":2}`, `{"a":-1,"x_q":null}`, `{"footprint":1}`, `[1,"a",null]`}
	schemas := []string{
		`{"type":"integer","minimum":0}`, `{"type":"number","maximum":15,"minimum":1}`, `{"type":["string","null"]}`,
		`{"enum":["a","b"]}`, `{"const":"stp"}`, `{"type":"string","minLength":1,"maxLength":1}`, `{"pattern":"^x_"}`,
		`{"type":"string","format":"date"}`, `{"type":"array","uniqueItems":true}`, `{"minItems":1,"maxItems":1}`,
		`{"items":{"type":"integer"}}`, `{"items":[{"type":"integer"},{"type":"string"}]}`, `{"required":["a"]}`,
		`{"properties":{"a":{"type":"integer"}},"additionalProperties":false,"patternProperties":{"^x_":true}}`,
		`{"properties":{"a":{"minimum":0}},"additionalProperties":{"type":"string"}}`, `{"patternProperties":{"[bc]":{"type":"string"}}}`,
		`{"minProperties":1,"maxProperties":1}`, `{"not":{"required":["footprint"]}}`, `{"not":{"minimum":0}}`,
		`{"anyOf":[{"type":"integer","minimum":0},{"type":"object","required":["a"]}]}`, `{"allOf":[{"minimum":0},{"maximum":15}]}`,
		`{"oneOf":[{"type":"integer"},{"minimum":0}]}`, `{"if":{"required":["a"]},"then":{"required":["b"]},"else":{"not":{"required":["b"]}}}`,
		`{"if":{"minimum":0},"then":{"maximum":15}}`, `{"definitions":{"n":{"type":"number","minimum":0}},"$ref":"#/definitions/n"}`,
		`{"definitions":{"n":{"minimum":0}},"type":"number","$ref":"#/definitions/n","maximum":0}`, `true`, `false`,
		`{"properties":{"a":false}}`,
	}
	for i, src := range schemas {
		sch := compileTestSchema(t, strconv.Itoa(i), src)
		q := newQuick(sch)
		if q == nil {
			t.Errorf("%s: no quick form", src)
			continue
		}
		for _, vs := range values {
			v, err := decodeJSON([]byte(vs))
			if err != nil {
				v = json.Number(vs) // 1e3 and the long figure, which a workbook may give
			}
			got := q.check(v, 0)
			if got == unsure {
				continue
			}
			if err := sch.Validate(v); (got == pass) != (err == nil) {
				t.Errorf("%s on %s: quick check %v, validator %v", src, vs, got, err)
			}
		}
	}
	for i, src := range []string{`{"multipleOf":2}`, `{"exclusiveMinimum":0}`, `{"propertyNames":{"pattern":"^a"}}`,
		`{"dependencies":{"a":["b"]}}`, `{"contains":{"type":"integer"}}`, `{"minimum":0.5}`, `{"enum":[1,2]}`,
		`{"properties":{"a":{"const":1}}}`, `{"$schema":"https://json-schema.org/draft/2020-12/schema","unevaluatedProperties":false}`} {
		if q := newQuick(compileTestSchema(t, "unknown"+strconv.Itoa(i), src)); q != nil {
			t.Errorf("%s: has a quick form", src)
		}
	}
}

func compileTestSchema(t *testing.T, name, src string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := doc.(map[string]any); ok {
		if _, ok := m["$schema"]; !ok {
			m["$schema"] = "http://json-schema.org/draft-07/schema#"
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name+".json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name + ".json")
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return sch
}

func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = clone(e)
		}
		return a
	}
	return v
}

// replacements are values a mutation puts in place of another: each type,
// figures about the schema's bounds, strings the schema names.
var replacements = []any{nil, true, false, json.Number("0"), json.Number("-0"), json.Number("-1"), json.Number("0.5"),
	json.Number("-0.001"), json.Number("1.0"), json.Number("15"), json.Number("16"), json.Number("100"),
	json.Number("100.001"), json.Number("12"), json.Number("1e3"), json.Number("123456789012345678901234"),
	json.Number("-123456789012345678901234"), "", "x", "2017/18", "2017-03-31", "2017-02-30", "06W", "abc", "stp",
	"ccg", "provider", "trust", "icb", "plan", "outturn", "draft", "final", "red", "acute", "ae_4hr", "1",
	map[string]any{}, []any{}, []any{"acute", "acute"}, map[string]any{"plan": json.Number("5")}}

var extraKeys = []string{"x_local", "unknown", "footprint", "years", "plan", "monthly", "code", "type", "member_plans"}

// mutate changes one value somewhere in doc and returns the document.
func mutate(rng *rand.Rand, doc any) any {
	var paths [][]any // each a path of keys (string) and indexes (int)
	var walk func(v any, path []any)
	walk = func(v any, path []any) {
		paths = append(paths, slices.Clone(path))
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range x {
					if !yield(k) {
						return
					}
				}
			}) {
				walk(x[k], append(path, k))
			}
		case []any:
			for i, e := range x {
				walk(e, append(path, i))
			}
		}
	}
	walk(doc, nil)
	path := paths[rng.IntN(len(paths))]
	get := func(p []any) any {
		v := doc
		for _, s := range p {
			switch s := s.(type) {
			case string:
				v = v.(map[string]any)[s]
			case int:
				v = v.([]any)[s]
			}
		}
		return v
	}
	set := func(v any) any {
		if len(path) == 0 {
			return v
		}
		parent := get(path[:len(path)-1])
		switch s := path[len(path)-1].(type) {
		case string:
			parent.(map[string]any)[s] = v
		case int:
			parent.([]any)[s] = v
		}
		return doc
	}
	cur := get(path)
	switch rng.IntN(4) {
	case 0: // another value
		return set(clone(replacements[rng.IntN(len(replacements))]))
	case 1: // an object loses or gains a field
		if m, ok := cur.(map[string]any); ok {
			if len(m) > 0 && rng.IntN(2) == 0 {
				keys := slices.Sorted(func(yield func(string) bool) {
					for k := range m {
						if !yield(k) {
							return
						}
					}
				})
				delete(m, keys[rng.IntN(len(keys))])
			} else {
				m[extraKeys[rng.IntN(len(extraKeys))]] = clone(replacements[rng.IntN(len(replacements))])
			}
			return doc
		}
	case 2: // an array grows or shrinks
		if a, ok := cur.([]any); ok {
			switch {
			case len(a) > 0 && rng.IntN(2) == 0:
				return set(a[:len(a)-1])
			case len(a) > 0:
				return set(append(a, clone(a[rng.IntN(len(a))])))
			default:
				return set(append(a, clone(replacements[rng.IntN(len(replacements))])))
			}
		}
	}
	// a figure moves about its bounds
	if _, ok := cur.(json.Number); ok {
		return set(replacements[3+rng.IntN(13)])
	}
	return set(clone(replacements[rng.IntN(len(replacements))]))
}

// BenchmarkQuickCheck is the schema part of BenchmarkReadPlan for a valid plan.
func BenchmarkQuickCheck(b *testing.B) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := decodeJSON(data)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := planSchema(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if quickPlan.check(doc, 0) != pass {
			b.Fatal("the quick check does not pass the plan")
		}
	}
}
