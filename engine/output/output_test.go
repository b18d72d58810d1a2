package output_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// rep is one report every formatter renders: an assured plan, a plan with an
// error and a warning, and a plan that could not be read.
var rep = engine.Report{
	SchemaVersion: engine.SchemaVersion,
	Tool:          &engine.Tool{Name: "planassure", Version: "(devel)", PolicyDigest: "sha256:5e1c0b9e2e4d7f3a8b6c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f00"},
	Rules: []engine.Rule{
		{ID: "finance.contingency", Area: "finance", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError, Guidance: "Norwich p15"},
		{ID: "finance.qipp_stretch", Area: "finance", Title: "QIPP stretch", Severity: engine.SeverityWarning, Guidance: "Norwich p14"},
	},
	Results: []engine.Result{
		{Plan: "plans/a.json", Organisation: "00A", Name: "NHS A CCG", Round: "2017-19", Verdict: engine.VerdictAssured, Findings: []engine.Finding{},
			Rules: []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomePassed}, {Rule: "finance.qipp_stretch", Outcome: engine.OutcomePassed}}},
		{Plan: "plans/b.json", Organisation: "00B", Name: "NHS B CCG", Round: "2017-19", Verdict: engine.VerdictNotAssured, Errors: 1, Warnings: 1,
			Findings: []engine.Finding{
				{Rule: "finance.contingency", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
					Message: "2017/18: contingency 100 is 0.04% of allocation 245500, below the 0.5% required (1227.5)",
					Pointer: "/years/1/finance/reserves/contingency", Line: 40, Expected: json.Number("1227.5"), Actual: json.Number("100"), Guidance: "Norwich p15"},
				{Rule: "finance.qipp_stretch", Title: "QIPP stretch", Severity: engine.SeverityWarning,
					Message: "2017/18: QIPP 9700 is 3.94% of allocation", Pointer: "/years/1/finance/qipp", Line: 30,
					Expected: json.Number("7389"), Actual: json.Number("9700"), Guidance: "Norwich p14"},
			},
			Rules:   []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomeFailed}, {Rule: "finance.qipp_stretch", Outcome: engine.OutcomeFailed}},
			Figures: figuresB},
		{Plan: "plans/c.json", Verdict: engine.VerdictError, Findings: []engine.Finding{},
			Problems: []engine.Problem{{Pointer: "/years/1/finance/funding/total", Line: 72, Message: "expected a number, got a string"}}},
	},
	Totals: map[engine.Verdict]int{engine.VerdictAssured: 1, engine.VerdictAssuredWithConditions: 0, engine.VerdictNotAssured: 1, engine.VerdictError: 1},
}

// figuresB are plan b's figures, for the charts of the html format (not in JSON).
var figuresB = &engine.PlanFigures{
	Years: []engine.YearFigures{
		{Year: "2016/17", Basis: "forecast_outturn", Allocation: "240000", FundingTotal: "240500", ExpenditureTotal: "240500",
			QIPP: "6100", InYearSurplus: "0", CumulativeSurplus: "2600", Contingency: "1200", NonRecurrent: "2400", Uncommitted: "2400"},
		{Year: "2017/18", Basis: "plan", Allocation: "245500", FundingTotal: "246000", ExpenditureTotal: "247900",
			QIPP: "9700", InYearSurplus: "-1900", CumulativeSurplus: "700", Contingency: "100", NonRecurrent: "2455", Uncommitted: "1300",
			CumulativeSurplusMin: engine.Threshold{Pct: "1", Amount: "2455"},
			ContingencyMin:       engine.Threshold{Pct: "0.5", Amount: "1227.5"},
			NonRecurrentMin:      engine.Threshold{Pct: "1", Amount: "2455"},
			UncommittedMin:       engine.Threshold{Pct: "0.5", Amount: "1227.5"}},
	},
	Performance: []engine.MetricFigures{
		{Key: "ae_4hr", Label: "A&E within 4 hours", Years: []engine.MetricYear{{Year: "2017/18", Plan: "91.0", Standard: "95", RecoveryPlan: true,
			Monthly: []json.Number{"88.5", "88.7", "89.0", "89.2", "89.4", "89.6", "89.9", "90.1", "90.3", "90.5", "90.8", "91.0"}}}},
		{Key: "diagnostics_6wk", Label: "Diagnostic waits of 6 weeks or more", LowerIsBetter: true,
			Years: []engine.MetricYear{{Year: "2017/18", Plan: "0.9", Standard: "1"}}},
	},
}

func TestFormats(t *testing.T) {
	for _, name := range output.Formats.Names() {
		t.Run(name, func(t *testing.T) {
			f, err := output.Formats.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := json.Marshal(rep)
			var buf bytes.Buffer
			if err := f(&buf, rep); err != nil {
				t.Fatal(err)
			}
			after, _ := json.Marshal(rep)
			if !bytes.Equal(before, after) {
				t.Error("the formatter modified the report")
			}
			path := filepath.Join("testdata", name, "report.golden")
			testutil.Golden(t, path, buf.Bytes(), *update)
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	want := `unknown format "xml" (want one of ` + strings.Join(output.Formats.Names(), ", ") + ")"
	if _, err := output.Formats.Lookup("xml"); err == nil || err.Error() != want {
		t.Errorf("Lookup(xml) error = %v, want %s", err, want)
	}
	for _, name := range []string{"json", "junit", "markdown", "sarif", "table"} {
		if !slices.Contains(output.Formats.Names(), name) {
			t.Errorf("Names() = %v, lacks %s", output.Formats.Names(), name)
		}
	}
}

// repWaived adds what rep lacks: waived findings (one beside an unwaived
// finding of the same rule, one alone), a rule that does not apply, a rule with
// a description, URL and thresholds, pipes and line breaks in text, a path with
// a space, and a plan with two problems.
var repWaived = engine.Report{
	Rules: []engine.Rule{
		{ID: "finance.contingency", Area: "finance", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
			Description: "A contingency of at least 0.5% of allocation\nin each plan year.", Guidance: "Norwich p15 | s4.2",
			URL: "https://www.england.nhs.uk/planning", Thresholds: []string{"contingency_pct"}},
		{ID: "finance.qipp_stretch", Area: "finance", Title: "QIPP stretch", Severity: engine.SeverityWarning, Guidance: "Norwich p14"},
		{ID: "performance.rtt", Area: "performance", Title: "RTT 92% within 18 weeks", Severity: engine.SeverityWarning, Guidance: "NHS Constitution"},
	},
	Results: []engine.Result{
		{Plan: "plans/d.json", Organisation: "00D", Name: "NHS D | E CCG", Round: "2018-19", Verdict: engine.VerdictNotAssured,
			Errors: 1, Waived: 2,
			Findings: []engine.Finding{
				{Rule: "finance.contingency", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
					Message: "2018/19: contingency 10 | 0.004% of allocation", Pointer: "/years/1/finance/reserves/contingency", Line: 40,
					Expected: json.Number("1227.5"), Actual: json.Number("10"), Guidance: "Norwich p15 | s4.2", URL: "https://www.england.nhs.uk/planning"},
				{Rule: "finance.contingency", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
					Message: "2019/20: contingency 0 is 0% of allocation", Pointer: "/years/2/finance/reserves/contingency", Line: 90,
					Expected: json.Number("1250"), Actual: json.Number("0"), Guidance: "Norwich p15 | s4.2", URL: "https://www.england.nhs.uk/planning",
					Waived: &engine.Waiver{Rule: "finance.contingency", Organisation: "00D", Round: "2018-19",
						Reason: "Agreed deficit | recovery plan", ApprovedBy: "NHS England", Expires: "2019-03-31"}},
				{Rule: "finance.qipp_stretch", Title: "QIPP stretch", Severity: engine.SeverityWarning,
					Message: "QIPP plan missing", Guidance: "Norwich p14",
					Waived: &engine.Waiver{Rule: "finance.qipp_stretch", Organisation: "00D", Round: "2018-19",
						Reason: "QIPP agreed\nwith the region", ApprovedBy: "Region", Expires: "2019-03-31"}},
			},
			Rules: []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomeFailed},
				{Rule: "finance.qipp_stretch", Outcome: engine.OutcomeFailed},
				{Rule: "performance.rtt", Outcome: engine.OutcomeNotApplicable, Reason: "no rtt threshold for round 2018-19"}}},
		{Plan: "plans/e f.json", Verdict: engine.VerdictError, Findings: []engine.Finding{},
			Problems: []engine.Problem{{Message: "unexpected end of JSON input"},
				{Pointer: "/organisation/code", Line: 3, Message: "missing property \"code\" <here>"}}},
	},
	Totals: map[engine.Verdict]int{engine.VerdictAssured: 0, engine.VerdictAssuredWithConditions: 0, engine.VerdictNotAssured: 1, engine.VerdictError: 1},
}

// TestFormatsWaived fixes the output of the CI and review formats on repWaived.
func TestFormatsWaived(t *testing.T) {
	for _, name := range []string{"junit", "markdown", "sarif"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name, "waived.golden")
			got := render(t, name, repWaived)
			testutil.Golden(t, path, got, *update)
		})
	}
}

func render(t *testing.T, name string, r engine.Report) []byte {
	t.Helper()
	f, err := output.Formats.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
}

type junitDoc struct {
	XMLName xml.Name `xml:"testsuites"`
	junitCounts
	Suites []struct {
		Name string `xml:"name,attr"`
		junitCounts
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			ClassName string    `xml:"classname,attr"`
			Name      string    `xml:"name,attr"`
			Skipped   *struct{} `xml:"skipped"`
			Failure   *struct{} `xml:"failure"`
			Error     *struct{} `xml:"error"`
			SystemOut string    `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitStructure reads the JUnit output back: it is well-formed, and the
// counts at every level agree with its cases and with the report.
func TestJUnitStructure(t *testing.T) {
	for _, tc := range []struct {
		name string
		rep  engine.Report
		want junitCounts
	}{
		{"rep", rep, junitCounts{Tests: 5, Failures: 1, Errors: 1, Skipped: 0}},
		{"rep fail-on warning", gated(rep, engine.SeverityWarning), junitCounts{Tests: 5, Failures: 2, Errors: 1}},
		{"repWaived", repWaived, junitCounts{Tests: 4, Failures: 1, Errors: 1, Skipped: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := render(t, "junit", tc.rep)
			wellFormed(t, out)
			validateXSD(t, filepath.Join("testdata", "junit-10.xsd"), out)
			var doc junitDoc
			if err := xml.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			top := doc.junitCounts
			top.Skipped = tc.want.Skipped // the Jenkins schema has no testsuites@skipped
			if top != tc.want {
				t.Errorf("testsuites counts %+v, want %+v", doc.junitCounts, tc.want)
			}
			if len(doc.Suites) != len(tc.rep.Results) {
				t.Fatalf("%d suites for %d plans", len(doc.Suites), len(tc.rep.Results))
			}
			var sum junitCounts
			for i, s := range doc.Suites {
				res := tc.rep.Results[i]
				var got junitCounts
				for _, c := range s.Cases {
					got.Tests++
					got.Failures += btoi(c.Failure != nil)
					got.Errors += btoi(c.Error != nil)
					got.Skipped += btoi(c.Skipped != nil)
					if c.ClassName != res.Plan {
						t.Errorf("case %s: classname %q, want %q", c.Name, c.ClassName, res.Plan)
					}
				}
				if got != s.junitCounts {
					t.Errorf("suite %s: counts %+v, cases give %+v", s.Name, s.junitCounts, got)
				}
				if s.Name != res.Plan || len(s.Properties) != 3 || s.Properties[2].Value != string(res.Verdict) {
					t.Errorf("suite %s: name or properties %+v do not match the plan", s.Name, s.Properties)
				}
				sum.Tests += got.Tests
				sum.Failures += got.Failures
				sum.Errors += got.Errors
				sum.Skipped += got.Skipped
			}
			if sum != tc.want {
				t.Errorf("suites sum to %+v, testsuites says %+v", sum, doc.junitCounts)
			}
		})
	}
}

func gated(r engine.Report, gate engine.Severity) engine.Report {
	r.Gate = gate
	return r
}

// validateXSD validates doc against an XML schema with xmllint (Debian's
// libxml2-utils), which .ci/run installs; elsewhere the test skips unless
// PLANASSURE_REQUIRE_XMLLINT is set.
func validateXSD(t *testing.T, xsd string, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("PLANASSURE_REQUIRE_XMLLINT") != "" {
			t.Fatal("xmllint is not installed (Debian package libxml2-utils)")
		}
		t.Skip("xmllint is not installed (Debian package libxml2-utils): schema not checked")
	}
	cmd := exec.Command(xmllint, "--noout", "--schema", xsd, "-")
	cmd.Stdin = bytes.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("not valid against %s: %v\n%s", xsd, err, out)
	}
}

// TestJUnitWarningsDoNotFail: under the default gate a warning is reported in
// the case's output, not as a failure, so a run that exits 0 shows no failed
// test; with --fail-on warning it is a failure.
func TestJUnitWarningsDoNotFail(t *testing.T) {
	for _, tc := range []struct {
		gate engine.Severity
		fail bool
	}{{"", false}, {engine.SeverityError, false}, {engine.SeverityWarning, true}} {
		var doc junitDoc
		if err := xml.Unmarshal(render(t, "junit", gated(rep, tc.gate)), &doc); err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Suites[1].Cases {
			if c.Name != "finance.qipp_stretch" {
				continue
			}
			if (c.Failure != nil) != tc.fail || (!tc.fail && !strings.Contains(c.SystemOut, "warning: 2017/18: QIPP 9700")) {
				t.Errorf("gate %q: warning case failure %v, system-out %q", tc.gate, c.Failure != nil, c.SystemOut)
			}
		}
	}
}

func TestJUnitWaivedFindingDoesNotFail(t *testing.T) {
	var doc junitDoc
	if err := xml.Unmarshal(render(t, "junit", repWaived), &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range doc.Suites[0].Cases {
		if c.Name == "finance.qipp_stretch" && (c.Failure != nil || !strings.Contains(c.SystemOut, "waived") ||
			!strings.Contains(c.SystemOut, "QIPP agreed")) {
			t.Errorf("a rule with only waived findings: failure %v, system-out %q", c.Failure != nil, c.SystemOut)
		}
	}
}

func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestSARIFSchema validates the SARIF output against the SARIF 2.1.0 JSON
// schema of the OASIS specification, and checks it says what the report says.
func TestSARIFSchema(t *testing.T) {
	schema := testutil.Schema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	for name, r := range map[string]engine.Report{"rep": rep, "repWaived": repWaived} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "sarif", r)
			if err := testutil.Validate(t, schema, out); err != nil {
				t.Fatalf("SARIF output does not match the schema: %v", err)
			}
			checkSARIF(t, out, r)
		})
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				Properties      struct {
					PolicyDigest string `json:"policy_digest"`
				} `json:"properties"`
				Rules []struct {
					ID   string `json:"id"`
					Help struct {
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool              `json:"executionSuccessful"`
			Notifications       []json.RawMessage `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           int               `json:"ruleIndex"`
			Level               string            `json:"level"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind   string `json:"kind"`
				Status string `json:"status"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func checkSARIF(t *testing.T, out []byte, r engine.Report) {
	t.Helper()
	run := readSARIF(t, out).Runs[0]
	var findings, waived, problems int
	for _, res := range r.Results {
		findings += len(res.Findings)
		problems += len(res.Problems)
		for _, f := range res.Findings {
			waived += btoi(f.Waived != nil)
		}
	}
	suppressed, unreadable := 0, 0
	for _, res := range run.Results {
		if len(res.Suppressions) > 0 {
			suppressed++
			if s := res.Suppressions[0]; s.Kind != "external" || s.Status != "accepted" {
				t.Errorf("suppression of %s: kind %q, status %q", res.RuleID, s.Kind, s.Status)
			}
		}
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result of %s has ruleIndex %d", res.RuleID, res.RuleIndex)
		}
		if len(res.PartialFingerprints[output.FingerprintKey]) != 64 {
			t.Errorf("result of %s: partialFingerprints %v", res.RuleID, res.PartialFingerprints)
		}
		if res.RuleID == output.UnreadableRule {
			unreadable++
			if res.Level != "error" {
				t.Errorf("unreadable plan reported at level %q", res.Level)
			}
		}
	}
	for _, rule := range run.Tool.Driver.Rules {
		if !strings.Contains(rule.Help.Markdown, "**") {
			t.Errorf("rule %s: help.markdown %q", rule.ID, rule.Help.Markdown)
		}
	}
	wantRules := len(r.Rules) + btoi(problems > 0)
	if len(run.Tool.Driver.Rules) != wantRules || len(run.Results) != findings+problems || suppressed != waived ||
		unreadable != problems || len(run.Invocations[0].Notifications) != problems ||
		run.Invocations[0].ExecutionSuccessful != (problems == 0) {
		t.Errorf("rules %d, results %d, suppressed %d, unreadable %d, notifications %d, successful %v; "+
			"want %d, %d, %d, %d, %d, %v",
			len(run.Tool.Driver.Rules), len(run.Results), suppressed, unreadable, len(run.Invocations[0].Notifications),
			run.Invocations[0].ExecutionSuccessful, wantRules, findings+problems, waived, problems, problems, problems == 0)
	}
}

// TestSARIFFingerprints: a finding keeps its partial fingerprint when the
// plan's figures, message or line change (so code scanning keeps the alert
// open), and gets another when its rule, place, organisation or round does.
func TestSARIFFingerprints(t *testing.T) {
	fp := func(r engine.Report) string {
		t.Helper()
		return readSARIF(t, render(t, "sarif", r)).Runs[0].Results[0].PartialFingerprints[output.FingerprintKey]
	}
	one := func(edit func(*engine.Result)) engine.Report {
		res := rep.Results[1]
		res.Findings = []engine.Finding{res.Findings[0]}
		edit(&res)
		return engine.Report{Rules: rep.Rules, Results: []engine.Result{res}}
	}
	base := fp(one(func(*engine.Result) {}))
	if base == "" {
		t.Fatal("no partial fingerprint")
	}
	same := map[string]func(*engine.Result){
		"figures": func(r *engine.Result) {
			r.Findings[0].Actual, r.Findings[0].Expected = json.Number("120"), json.Number("1300")
			r.Findings[0].Message = "2017/18: contingency 120 is 0.05% of allocation 260000"
		},
		"line": func(r *engine.Result) { r.Findings[0].Line = 99 },
		"name": func(r *engine.Result) { r.Name = "NHS B and C CCG" },
	}
	other := map[string]func(*engine.Result){
		"pointer":      func(r *engine.Result) { r.Findings[0].Pointer = "/years/2/finance/reserves/contingency" },
		"organisation": func(r *engine.Result) { r.Organisation = "00C" },
		"round":        func(r *engine.Result) { r.Round = "2018-19" },
		"rule":         func(r *engine.Result) { r.Findings[0].Rule = "finance.qipp_stretch" },
	}
	for name, edit := range same {
		if got := fp(one(edit)); got != base {
			t.Errorf("editing the %s changed the fingerprint", name)
		}
	}
	for name, edit := range other {
		if got := fp(one(edit)); got == base {
			t.Errorf("another %s kept the fingerprint", name)
		}
	}
}

// TestSARIFDriverVersion: the driver names the build and the rules.
func TestSARIFDriverVersion(t *testing.T) {
	for _, tc := range []struct{ version, semantic string }{{"v1.4.2", "1.4.2"}, {"(devel)", ""}} {
		r := rep
		r.Tool = &engine.Tool{Name: "planassure", Version: tc.version, PolicyDigest: "sha256:00"}
		d := readSARIF(t, render(t, "sarif", r)).Runs[0].Tool.Driver
		if d.Version != tc.version || d.SemanticVersion != tc.semantic || d.Properties.PolicyDigest != "sha256:00" {
			t.Errorf("driver version %q, semanticVersion %q, policy_digest %q; want %q, %q, sha256:00",
				d.Version, d.SemanticVersion, d.Properties.PolicyDigest, tc.version, tc.semantic)
		}
	}
}

// TestMarkdownCells checks no table row of the Markdown output has more cells
// than its header: pipes and line breaks in the report are escaped.
func TestMarkdownCells(t *testing.T) {
	for name, r := range map[string]engine.Report{"rep": rep, "repWaived": repWaived} {
		t.Run(name, func(t *testing.T) {
			cols := 0
			for _, line := range strings.Split(string(render(t, "markdown", r)), "\n") {
				if !strings.HasPrefix(line, "|") {
					cols = 0
					continue
				}
				n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
				if cols == 0 {
					cols = n
				} else if n != cols {
					t.Errorf("row has %d pipes, header %d: %s", n, cols, line)
				}
			}
		})
	}
}

// TestJSONStreamsTheSameBytes: the streaming JSON writer gives exactly what
// json.MarshalIndent gives for the whole report.
func TestJSONStreamsTheSameBytes(t *testing.T) {
	empty := engine.Report{Results: []engine.Result{}, Totals: map[engine.Verdict]int{}}
	withNotes := rep
	withNotes.Waivers = []engine.WaiverNote{{Waiver: engine.Waiver{Rule: "r<&>"}, Message: "expired"}}
	// rule outcome lists, as results share them (one list, one backing
	// array), a shorter list over the same array, and a list beside problems
	shared := []engine.RuleOutcome{
		{Rule: "a.one", Outcome: engine.OutcomePassed},
		{Rule: "a.two<&>", Outcome: engine.OutcomeNotApplicable, Reason: "no \"threshold\" <here>"},
		{Rule: "b.three", Outcome: engine.OutcomeFailed},
	}
	withRules := engine.Report{Totals: map[engine.Verdict]int{engine.VerdictAssured: 3}, Results: []engine.Result{
		{Plan: "p1.json", Verdict: engine.VerdictAssured, Findings: []engine.Finding{}, Rules: shared},
		{Plan: "p2.json", Organisation: "X", Verdict: engine.VerdictAssured, Findings: []engine.Finding{}, Rules: shared},
		{Plan: "p3.json", Verdict: engine.VerdictAssured, Findings: []engine.Finding{}, Rules: shared[:2]},
		{Plan: "p4.json", Verdict: engine.VerdictError, Findings: []engine.Finding{}, Rules: shared,
			Problems: []engine.Problem{{Message: "bad"}}},
		{Plan: "p5.json", Verdict: engine.VerdictAssured, Findings: []engine.Finding{}, Rules: shared},
	}}
	for i, r := range []engine.Report{rep, repWaived, empty, {}, withNotes, withRules} {
		var got bytes.Buffer
		if err := output.JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		want, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want)+"\n", got.String()); diff != "" {
			t.Errorf("report %d: mismatch (-MarshalIndent +JSON):\n%s", i, diff)
		}
		if r.Results == nil {
			continue
		}
		// the results encoded at once, in reverse, on a goroutine each, and
		// written in order
		got.Reset()
		s, err := output.NewJSONStream(&got, r)
		if err != nil {
			t.Fatal(err)
		}
		encoded := make([]output.EncodedResult, len(r.Results))
		var wg sync.WaitGroup
		for j := len(r.Results) - 1; j >= 0; j-- {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if encoded[j], err = s.Encode(r.Results[j]); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		for _, e := range encoded {
			if err := s.Write(e); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(r); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want)+"\n", got.String()); diff != "" {
			t.Errorf("report %d encoded in parallel: mismatch (-MarshalIndent +JSON):\n%s", i, diff)
		}
	}
}
