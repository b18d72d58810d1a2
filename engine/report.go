package engine

import (
	"encoding/json"
	"sort"
	"strings"
)

// Finding is one breach of one rule by one plan, with the rule's identity and
// guidance taken from its METADATA and the figures the rule compared.
type Finding struct {
	Rule     string   `json:"rule"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Pointer  string   `json:"pointer,omitempty"`
	Line     int      `json:"line,omitempty"`
	Cell     string   `json:"cell,omitempty"`     // a workbook's sheet and cell, "Finance!D14"
	Expected any      `json:"expected,omitempty"` // json.Number, string or bool, exactly as the rule gave it
	Actual   any      `json:"actual,omitempty"`
	Guidance string   `json:"guidance"`
	URL      string   `json:"url,omitempty"`
	// Waived is the waiver that covers the finding: it stays in the report but
	// counts toward neither the verdict nor the gate.
	Waived *Waiver `json:"waived,omitempty"`
}

// Waiver is an agreed exception: findings of a rule for an organisation in a
// round are accepted until a date.
type Waiver struct {
	Rule         string `json:"rule"`
	Organisation string `json:"organisation"`
	Round        string `json:"round"`
	Reason       string `json:"reason"`
	ApprovedBy   string `json:"approved_by"`
	Expires      string `json:"expires"` // YYYY-MM-DD, inclusive
}

// WaiverNote reports a waiver that did nothing: expired, or matching no finding.
type WaiverNote struct {
	Waiver  Waiver `json:"waiver"`
	Message string `json:"message"`
}

// Outcome says how one rule came out for one plan.
type Outcome string

const (
	OutcomePassed        Outcome = "passed"
	OutcomeFailed        Outcome = "failed"
	OutcomeNotApplicable Outcome = "not_applicable"
)

// RuleOutcome is the evidence that a rule ran on a plan, and how it came out.
type RuleOutcome struct {
	Rule    string  `json:"rule"`
	Outcome Outcome `json:"outcome"`
	Reason  string  `json:"reason,omitempty"` // why the rule does not apply
}

// Verdict is the assurance outcome for one plan.
type Verdict string

const (
	VerdictAssured               Verdict = "assured"                 // no findings
	VerdictAssuredWithConditions Verdict = "assured_with_conditions" // warnings only
	VerdictNotAssured            Verdict = "not_assured"             // at least one error finding
	VerdictError                 Verdict = "error"                   // the plan could not be read or evaluated
)

// VerdictAbsent is the verdict of the missing side of a diff: a plan added
// (no old version) or removed (no new version). No check gives it.
const VerdictAbsent Verdict = "absent"

// Words is the verdict in words: "assured with conditions".
func (v Verdict) Words() string { return strings.ReplaceAll(string(v), "_", " ") }

// Verdicts lists the verdicts, best first.
var Verdicts = []Verdict{VerdictAssured, VerdictAssuredWithConditions, VerdictNotAssured, VerdictError}

// Problem is one reason a plan could not be read or evaluated.
type Problem struct {
	Pointer string `json:"pointer,omitempty"`
	Line    int    `json:"line,omitempty"`
	Cell    string `json:"cell,omitempty"` // a workbook's sheet and cell, "Finance!D14"
	Message string `json:"message"`
}

// Result is the outcome for one plan.
type Result struct {
	Plan         string        `json:"plan"`
	Organisation string        `json:"organisation,omitempty"`
	Name         string        `json:"name,omitempty"`
	Round        string        `json:"round,omitempty"`
	Kind         string        `json:"kind,omitempty"` // KindFootprint for a footprint (STP) submission
	Verdict      Verdict       `json:"verdict"`
	Errors       int           `json:"errors"`   // error findings not waived
	Warnings     int           `json:"warnings"` // warning findings not waived
	Waived       int           `json:"waived,omitempty"`
	Findings     []Finding     `json:"findings"`
	Rules        []RuleOutcome `json:"rules,omitempty"`
	Problems     []Problem     `json:"problems,omitempty"` // why the verdict is error
	Members      []Member      `json:"members,omitempty"`  // a footprint's member plans (check --footprint)
	Figures      *PlanFigures  `json:"-"`                  // set only with Options.KeepFigures
}

// SchemaVersion is the version of the shape of the JSON documents planassure
// writes: the report, the rule catalogue and the diff (docs/schema/*.schema.json).
// It changes when a field is removed or changes meaning, not when one is added.
const SchemaVersion = "1"

// Tool says which build of planassure and which rules made a report, so that a
// verdict can be traced to the exact rules behind it.
type Tool struct {
	Name     string `json:"name"`
	Version  string `json:"version"`            // module version, "(devel)" for a build from a clone
	Revision string `json:"revision,omitempty"` // VCS revision the binary was built from
	Modified bool   `json:"modified,omitempty"` // built from a working tree with uncommitted changes
	// PolicyDigest is PolicyDigest of the rules and data the engine loaded.
	PolicyDigest string `json:"policy_digest"`
}

// Report is the outcome for a batch.
type Report struct {
	SchemaVersion string `json:"schema_version"`
	Tool          *Tool  `json:"tool,omitempty"`
	// Gate is the severity at which a finding fails the run (check --fail-on):
	// formats that count failures (JUnit) count only those.
	Gate    Severity        `json:"-"`
	Rules   []Rule          `json:"rules"` // every rule loaded, sorted by id
	Results []Result        `json:"results"`
	Totals  map[Verdict]int `json:"totals"`
	Waivers []WaiverNote    `json:"waiver_notes,omitempty"` // waivers that expired or matched nothing
}

// VerdictOf is the verdict the findings give: any error finding, not assured;
// else any warning, assured with conditions; else assured.
func VerdictOf(findings []Finding) Verdict {
	v := VerdictAssured
	for _, f := range findings {
		if f.Waived != nil {
			continue
		}
		switch f.Severity {
		case SeverityError:
			return VerdictNotAssured
		case SeverityWarning:
			v = VerdictAssuredWithConditions
		}
	}
	return v
}

// Finish fills the counts and verdict of r from its findings and problems.
func (r *Result) Finish() {
	r.Errors, r.Warnings, r.Waived = 0, 0, 0
	for _, f := range r.Findings {
		if f.Waived != nil {
			r.Waived++
			continue
		}
		if f.Severity == SeverityError {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	if len(r.Problems) > 0 {
		r.Verdict = VerdictError
		return
	}
	r.Verdict = VerdictOf(r.Findings)
}

// Fails reports whether the plan fails a gate set at severity failOn: an error
// gate fails on error findings, a warning gate on any finding. A plan with
// verdict error always fails.
func (r Result) Fails(failOn Severity) bool {
	if r.Verdict == VerdictError {
		return true
	}
	switch failOn {
	case SeverityWarning:
		return r.Errors+r.Warnings > 0
	case SeverityError:
		return r.Errors > 0
	}
	return false
}

// ExitCode is the process exit code for the report: 2 when a plan could not be
// read or evaluated, 1 when a plan fails the gate, 0 otherwise.
func (rep Report) ExitCode(failOn Severity) int {
	code := 0
	for _, r := range rep.Results {
		if code = max(code, r.ExitCode(failOn)); code == 2 {
			break
		}
	}
	return code
}

// ExitCode is the exit code one plan alone gives: 2 when it could not be read
// or evaluated, 1 when it fails the gate, 0 otherwise. A batch exits with the
// greatest of its plans'.
func (r Result) ExitCode(failOn Severity) int {
	switch {
	case r.Verdict == VerdictError:
		return 2
	case r.Fails(failOn):
		return 1
	}
	return 0
}

func (rep *Report) Total() {
	rep.refreshMembers()
	rep.Totals = map[Verdict]int{}
	for _, v := range Verdicts {
		rep.Totals[v] = 0
	}
	for _, r := range rep.Results {
		rep.Totals[r.Verdict]++
	}
}

var severityRank = map[Severity]int{SeverityError: 0, SeverityWarning: 1}

// sortFindings orders findings by severity, rule, pointer, message.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return severityRank[a.Severity] < severityRank[b.Severity]
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Pointer != b.Pointer {
			return a.Pointer < b.Pointer
		}
		return a.Message < b.Message
	})
}

// Number renders a figure from a finding for people: json.Number as written.
func Number(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case json.Number:
		return x.String()
	case string:
		return x
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// NewReport assembles a report from results, in the order given.
func (e *Engine) NewReport(results []Result) Report {
	rep := Report{SchemaVersion: SchemaVersion, Tool: e.Tool(), Rules: e.Rules(), Results: results}
	rep.Total()
	return rep
}
