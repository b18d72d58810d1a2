package policies_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// minCoverage is the share of policy lines the Rego tests must reach.
const minCoverage = 95.0

func regoFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func parse(t *testing.T, files map[string][]byte) map[string]*ast.Module {
	t.Helper()
	modules := map[string]*ast.Module{}
	for name, src := range files {
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		modules[name] = m
	}
	return modules
}

// TestRego runs every Rego test (as `opa test policies` does) and requires the
// tests to cover at least minCoverage percent of the policy lines.
func TestRego(t *testing.T) {
	modules := parse(t, regoFiles(t))
	cov := cover.New()
	ch, err := tester.NewRunner().SetStore(inmem.New()).SetCoverageQueryTracer(cov).
		SetModules(modules).RunTests(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		if !r.Pass() {
			t.Errorf("%s.%s (%s): %s", r.Package, r.Name, r.Location, r.String())
		}
	}
	if n == 0 {
		t.Fatal("no Rego test ran")
	}
	report := cov.Report(modules)
	var files []string
	for f, fr := range report.Files {
		if fr.Coverage < 100 && !strings.HasSuffix(f, "_test.rego") {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	t.Logf("%d Rego tests; coverage %.2f%%", n, report.Coverage)
	if report.Coverage < minCoverage {
		for _, f := range files {
			t.Logf("%s: %.1f%% covered, lines not covered: %v", f, report.Files[f].Coverage, report.Files[f].NotCovered)
		}
		t.Errorf("Rego coverage %.2f%% is below %.0f%%", report.Coverage, minCoverage)
	}
}

// TestFormat requires every policy file to be as `opa fmt` writes it.
func TestFormat(t *testing.T) {
	for name, src := range regoFiles(t) {
		got, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, src) {
			t.Errorf("%s is not opa fmt-clean: run `go tool opa fmt -w policies`", name)
		}
	}
}

// Regal's style/line-length rule, which TestLineLength mirrors: a line is too
// long when it has more than maxLineLength characters, counted as Regal's
// count(line) counts them (Unicode code points, so a tab is one character and
// so is "£"), unless one of its words (the line split on single spaces, as
// Regal's split(line, " ")) has more than nonBreakableWordThreshold characters,
// such as a long URL, which no line break could shorten. Regal's rule applies
// the word exception only when non-breakable-word-threshold is configured; its
// documentation gives 100, the value used here.
const (
	maxLineLength             = 120
	nonBreakableWordThreshold = 100
)

// lineTooLong reports a line's length in characters and whether Regal's
// line-length rule, configured as above, would flag it.
func lineTooLong(line string) (int, bool) {
	n := utf8.RuneCountInString(line)
	if n <= maxLineLength {
		return n, false
	}
	for word := range strings.SplitSeq(line, " ") {
		if utf8.RuneCountInString(word) > nonBreakableWordThreshold {
			return n, false
		}
	}
	return n, true
}

func TestLineTooLong(t *testing.T) {
	// n characters of one-letter words, and a URL of exactly nonBreakableWordThreshold characters
	words := func(n int) string { return strings.Repeat("x ", n)[:n] }
	url := "https://example.org/" + strings.Repeat("a", nonBreakableWordThreshold-len("https://example.org/"))
	pad := " " + words(maxLineLength)
	for _, tc := range []struct {
		name string
		line string
		want bool
	}{
		{"at the limit", words(maxLineLength), false},
		{"one over", words(maxLineLength + 1), true},
		{"a tab is one character", "\t\t" + words(maxLineLength-2), false},
		{"a tab is one character, one over", "\t\t" + words(maxLineLength-1), true},
		{"characters, not bytes", strings.Repeat("£ ", maxLineLength/2), false},
		{"characters, not bytes, one over", strings.Repeat("£ ", maxLineLength/2) + "x", true},
		{"a word at the threshold can be broken around", "# see " + url + pad, true},
		{"a word over the threshold cannot", "# see " + url + "b" + pad, false},
		{"only a space separates words: a tab is part of the word", "\t" + url + pad, false},
	} {
		if _, got := lineTooLong(tc.line); got != tc.want {
			t.Errorf("%s: too long = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLineLength requires every policy line to be at most maxLineLength
// characters, as Regal's style/line-length rule does, but for a line holding a
// word too long to break.
func TestLineLength(t *testing.T) {
	files := regoFiles(t)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for i, line := range strings.Split(string(files[name]), "\n") {
			if n, long := lineTooLong(line); long {
				t.Errorf("policies/%s:%d: %d characters, more than %d", name, i+1, n, maxLineLength)
			}
		}
	}
}

var packageLine = regexp.MustCompile(`(?m)^package (\S+)$`)

// TestLayout requires each rule at rules/<area>/<rule>.rego in package
// planassure.rules.<area>.<rule>, with a test file beside it holding a passing case, a
// failing case and a missing-figure case.
func TestLayout(t *testing.T) {
	files := regoFiles(t)
	rules := 0
	for name, src := range files {
		m := packageLine.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s: no package line", name)
			continue
		}
		pkg := string(m[1])
		want := "planassure." + strings.ReplaceAll(strings.TrimSuffix(name, ".rego"), "/", ".")
		if pkg != want {
			t.Errorf("%s: package %s, want %s (the package path matches the file path)", name, pkg, want)
		}
		if !strings.HasPrefix(name, "rules/") || strings.HasSuffix(name, "_test.rego") {
			continue
		}
		rules++
		if strings.Count(name, "/") != 2 {
			t.Errorf("%s: rules live at rules/<area>/<rule>.rego", name)
		}
		test, ok := files[strings.TrimSuffix(name, ".rego")+"_test.rego"]
		if !ok {
			t.Errorf("%s: no test file beside it", name)
			continue
		}
		for _, prefix := range []string{"test_pass_", "test_fail_", "test_fail_missing"} {
			if !bytes.Contains(test, []byte("\n"+prefix)) {
				t.Errorf("%s: its test file has no %s case", name, prefix)
			}
		}
	}
	if rules == 0 {
		t.Fatal("no rules found")
	}
}

// TestRuleSetLoads compiles the embedded rules as the engine does (strict,
// typed against the plan schema, METADATA complete) and checks that each rule
// file is one rule of the catalogue.
func TestRuleSetLoads(t *testing.T) {
	e, err := engine.New(t.Context(), policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for name := range regoFiles(t) {
		if strings.HasPrefix(name, "rules/") && !strings.HasSuffix(name, "_test.rego") {
			files++
			id := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(name, "rules/"), ".rego"), "/", ".")
			if _, ok := e.Rule(id); !ok {
				t.Errorf("%s: the engine did not load rule %s", name, id)
			}
		}
	}
	if files != len(e.Rules()) {
		t.Errorf("%d rule files, %d rules loaded", files, len(e.Rules()))
	}
}

// TestReadsNameSchemaFields requires every field a rule says it reads
// (custom.reads) to be a field of the plan schema, so `explain` shows real figures.
func TestReadsNameSchemaFields(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(plan.Schema, &schema); err != nil {
		t.Fatal(err)
	}
	defs, _ := schema["definitions"].(map[string]any)
	resolve := func(node map[string]any) map[string]any {
		for {
			ref, ok := node["$ref"].(string)
			if !ok {
				return node
			}
			node, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
	}
	has := func(node map[string]any, tokens []string) bool {
		for _, tok := range tokens {
			props, _ := resolve(node)["properties"].(map[string]any)
			next, ok := props[tok].(map[string]any)
			if !ok {
				return false
			}
			node = next
		}
		return true
	}
	e, err := engine.New(t.Context(), policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	year, _ := defs["year"].(map[string]any)
	for _, r := range e.Rules() {
		for _, rd := range r.Reads {
			ok := false
			if strings.HasPrefix(rd, "/") {
				ok = has(schema, strings.Split(strings.TrimPrefix(rd, "/"), "/"))
			} else {
				ok = has(year, strings.Split(rd, "."))
			}
			if !ok {
				t.Errorf("rule %s reads %q, which is not a field of the plan schema", r.ID, rd)
			}
		}
	}
}

// TestMetricIsOneRuleFile: every performance metric of the plan schema is
// stated by one rule file, rules/performance/<key>.rego, in its metric rule
// (its unit agreeing with the schema's definition), and the engine's metrics
// are those; lib/performance.rego names no metric key.
func TestMetricIsOneRuleFile(t *testing.T) {
	var schema struct {
		Definitions struct {
			Performance struct {
				Properties map[string]struct {
					Ref string `json:"$ref"`
				} `json:"properties"`
			} `json:"performance"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(plan.Schema, &schema); err != nil {
		t.Fatal(err)
	}
	fields := schema.Definitions.Performance.Properties
	files := regoFiles(t)
	stated := map[string]string{} // metric key -> the file whose metric rule states it
	for name, m := range parse(t, files) {
		for _, r := range m.Rules {
			if r.Head.Ref().String() != "metric" {
				continue
			}
			key := strings.TrimSuffix(path.Base(name), ".rego")
			if name != "rules/performance/"+key+".rego" {
				t.Errorf("%s: a metric rule outside rules/performance", name)
			}
			stated[key] = name
		}
	}
	e, err := engine.New(t.Context(), policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	metrics := map[string]engine.Metric{}
	for _, m := range e.Metrics() {
		metrics[m.Key] = m
	}
	for key, field := range fields {
		if _, ok := stated[key]; !ok {
			t.Errorf("performance.%s: no rule file states it (rules/performance/%s.rego, its metric rule)", key, key)
		}
		m, ok := metrics[key]
		if !ok {
			t.Errorf("performance.%s: not among the engine's metrics", key)
			continue
		}
		if minutes := field.Ref == "#/definitions/metric_minutes"; minutes != (m.Unit == "minutes") {
			t.Errorf("performance.%s: unit %q, schema %s", key, m.Unit, field.Ref)
		}
	}
	for key := range stated {
		if _, ok := fields[key]; !ok {
			t.Errorf("rules/performance/%s.rego states a metric the plan schema has no field for", key)
		}
	}
	if len(metrics) != len(fields) {
		t.Errorf("%d metrics, %d schema fields", len(metrics), len(fields))
	}
	lib := string(files["lib/performance.rego"])
	for key := range fields {
		if strings.Contains(lib, `"`+key+`"`) {
			t.Errorf("lib/performance.rego names metric %q: its facts belong in its rule file", key)
		}
	}
}
