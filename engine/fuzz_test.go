package engine_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/runner"
)

// The fuzz targets below run their seed corpora (and any crasher kept under
// testdata/fuzz/<Target>/) as ordinary tests in go test. Fuzz one with
//
//	go test -run '^$' -fuzz FuzzReadPlan -fuzztime 10m ./engine

func seedFiles(f *testing.F, patterns ...string) [][]byte {
	f.Helper()
	var out [][]byte
	for _, p := range patterns {
		files, err := filepath.Glob(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no seed files in %v", patterns)
	}
	return out
}

// FuzzReadPlan: any bytes are either a plan or errors naming the file; never a panic.
func FuzzReadPlan(f *testing.F) {
	for _, data := range seedFiles(f, "../plans/*.json", "../testdata/plans/invalid/*.json") {
		f.Add(data)
	}
	f.Add([]byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)))
	f.Add([]byte(`{"a":1e999999999}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plan.ReadJSON("fuzz.json", data, 0)
		if err == nil {
			if p.Doc == nil || p.Path != "fuzz.json" {
				t.Fatalf("accepted plan without a document: %+v", p)
			}
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "fuzz.json") {
				t.Fatalf("error %q does not name the file", line)
			}
		}
		_ = plan.LineOf(data, "/years/0/finance")
	})
}

// leafPaths lists the paths to every value of doc (objects and arrays included), sorted.
func leafPaths(doc any, prefix []string, out *[][]string) {
	*out = append(*out, slices.Clone(prefix))
	switch v := doc.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			leafPaths(v[k], append(prefix, k), out)
		}
	case []any:
		for i, e := range v {
			leafPaths(e, append(prefix, itoa(i)), out)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// setAt replaces (or, with del, removes) the value at path in doc.
func setAt(doc any, path []string, val any, del bool) any {
	if len(path) == 0 {
		return val
	}
	switch v := doc.(type) {
	case map[string]any:
		if len(path) == 1 && del {
			delete(v, path[0])
			return v
		}
		v[path[0]] = setAt(v[path[0]], path[1:], val, del)
	case []any:
		for i := range v {
			if itoa(i) == path[0] {
				if len(path) == 1 && del {
					return append(v[:i:i], v[i+1:]...)
				}
				v[i] = setAt(v[i], path[1:], val, del)
			}
		}
	}
	return doc
}

// FuzzEvaluate mutates one value of a valid plan (a shipped plan, chosen by
// which) and evaluates the result with the real embedded policies: a plan that
// the schema accepts must get a verdict from its findings, never a panic and
// never a run-time error of a rule.
func FuzzEvaluate(f *testing.F) {
	plans := seedFiles(f, "../plans/*.json")
	f.Add(uint8(0), uint16(0), "", false)
	f.Add(uint8(0), uint16(40), "0", false)
	f.Add(uint8(1), uint16(120), "-1e400", false)
	f.Add(uint8(2), uint16(77), `{"plan": 0}`, false)
	f.Add(uint8(0), uint16(200), "123456789012345678901234567890.000000000000000000001", false)
	f.Add(uint8(1), uint16(15), "", true)
	f.Add(uint8(2), uint16(300), `"2030/31"`, false)
	e := testutil.Engine(f)
	f.Fuzz(func(t *testing.T, which uint8, at uint16, value string, del bool) {
		var doc any
		dec := json.NewDecoder(strings.NewReader(string(plans[int(which)%len(plans)])))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		var paths [][]string
		leafPaths(doc, nil, &paths)
		var val any = value
		vd := json.NewDecoder(strings.NewReader(value))
		vd.UseNumber()
		if err := vd.Decode(&val); err != nil || vd.More() {
			val = value
		}
		doc = setAt(doc, paths[int(at)%len(paths)], val, del)
		data, err := json.Marshal(doc)
		if err != nil {
			return
		}
		p, err := plan.ReadJSON("fuzz.json", data, 0)
		if err != nil {
			return
		}
		res := e.Evaluate(t.Context(), p)
		if !slices.Contains(engine.Verdicts, res.Verdict) {
			t.Fatalf("verdict %q", res.Verdict)
		}
		if res.Verdict == engine.VerdictError && !slices.Contains(e.Rounds(), p.Round) {
			return // an unknown round is refused at evaluation
		}
		if res.Verdict == engine.VerdictError || len(res.Problems) > 0 {
			t.Fatalf("a valid plan gave verdict error: %+v\n%s", res.Problems, data)
		}
		if len(res.Rules) != len(e.Rules()) {
			t.Fatalf("%d rule outcomes for %d rules", len(res.Rules), len(e.Rules()))
		}
	})
}

// FuzzReadWaivers: any bytes, YAML or JSON, are waivers or an error naming the file.
func FuzzReadWaivers(f *testing.F) {
	for _, data := range seedFiles(f, "../testdata/waivers/*") {
		f.Add(data, false)
		f.Add(data, true)
	}
	f.Add([]byte(`[{"rule":"a","organisation":"*","round":"*","reason":"r","approved_by":"b","expires":"2020-01-01"}]`), true)
	f.Add([]byte("a: &a [*a, *a]\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "w.yaml"
		if asJSON {
			name = "w.json"
		}
		ws, err := runner.ReadWaivers(name, data)
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, w := range ws {
			if w.Rule == "" || w.Expires == "" || w.ApprovedBy == "" {
				t.Fatalf("accepted an incomplete waiver %+v", w)
			}
		}
	})
}
