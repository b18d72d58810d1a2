package output

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/planassure/planassure/engine"
)

// SARIF 2.1.0, as code-scanning tools read it: one run whose driver lists every
// rule, a result per finding located at the plan file and line, waived findings
// carried as accepted external suppressions, and plans that could not be read
// or evaluated reported as error notifications of the invocation.

const (
	sarifSchema  = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	toolName     = "planassure"
	toolURI      = "https://github.com/planassure/planassure"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
	Properties           sarifRuleBag `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleBag struct {
	Area       string   `json:"area"`
	Thresholds []string `json:"thresholds,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    *int               `json:"ruleIndex,omitempty"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   *sarifFindingBag   `json:"properties,omitempty"`
}

type sarifLocation struct {
	Physical sarifPhysical  `json:"physicalLocation"`
	Logical  []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	State         string `json:"state"`
	Justification string `json:"justification"`
}

type sarifFindingBag struct {
	Pointer  string `json:"pointer,omitempty"`
	Cell     string `json:"cell,omitempty"` // a workbook's sheet and cell, "Finance!D14"
	Expected any    `json:"expected,omitempty"`
	Actual   any    `json:"actual,omitempty"`
}

// SARIF writes the report as a SARIF 2.1.0 log.
func SARIF(w io.Writer, r engine.Report) error {
	index := make(map[string]int, len(r.Rules))
	rules := make([]sarifRule, 0, len(r.Rules))
	for i, rule := range r.Rules {
		index[rule.ID] = i
		rules = append(rules, sarifRuleOf(rule))
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: toolName, InformationURI: toolURI, Rules: rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	for _, res := range r.Results {
		for _, p := range res.Problems {
			run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifProblem(res.Plan, p))
		}
		for _, f := range res.Findings {
			run.Results = append(run.Results, sarifResultOf(res.Plan, f, index))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}); err != nil {
		return fmt.Errorf("encode sarif: %w", err)
	}
	return nil
}

func sarifRuleOf(r engine.Rule) sarifRule {
	full := strings.Join(strings.Fields(r.Description), " ")
	if full == "" {
		full = r.Title
	}
	help := r.Guidance
	if r.URL != "" {
		help += "\n" + r.URL
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifText{Text: help},
		HelpURI:              r.URL,
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleBag{Area: r.Area, Thresholds: r.Thresholds},
	}
}

func sarifResultOf(plan string, f engine.Finding, index map[string]int) sarifResult {
	res := sarifResult{
		RuleID:    f.Rule,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{Text: f.Message + figures(f)},
		Locations: []sarifLocation{sarifLocationOf(plan, f.Line, f.Pointer, f.Cell)},
	}
	if i, ok := index[f.Rule]; ok {
		res.RuleIndex = &i
	}
	if f.Waived != nil {
		res.Suppressions = []sarifSuppression{{Kind: "external", State: "accepted", Justification: f.Waived.Reason}}
	}
	if f.Pointer != "" || f.Cell != "" || f.Expected != nil || f.Actual != nil {
		res.Properties = &sarifFindingBag{Pointer: f.Pointer, Cell: f.Cell, Expected: f.Expected, Actual: f.Actual}
	}
	return res
}

func sarifProblem(plan string, p engine.Problem) sarifNotification {
	msg := plan + ": the plan could not be read or evaluated: " + p.Message
	if at := where(p.Pointer, 0, p.Cell); at != "" {
		msg += " (at " + at + ")"
	}
	return sarifNotification{Level: "error", Message: sarifText{Text: msg},
		Locations: []sarifLocation{sarifLocationOf(plan, p.Line, p.Pointer, p.Cell)}}
}

// sarifLocationOf places a result in its plan: the line of a JSON plan, the
// field's pointer, and a workbook's sheet and cell as a logical location of
// kind "element" (SARIF regions count lines and columns of text, which a
// workbook has not).
func sarifLocationOf(plan string, line int, pointer, cell string) sarifLocation {
	loc := sarifLocation{Physical: sarifPhysical{Artifact: sarifArtifact{URI: fileURI(plan)}}}
	if line > 0 {
		loc.Physical.Region = &sarifRegion{StartLine: line}
	}
	if pointer != "" {
		loc.Logical = []sarifLogical{{FullyQualifiedName: pointer}}
	}
	if cell != "" {
		loc.Logical = append(loc.Logical, sarifLogical{FullyQualifiedName: cell, Kind: "element"})
	}
	return loc
}

// figures words what a finding compared: " (expected 2521, actual 2520)".
func figures(f engine.Finding) string {
	var parts []string
	if e := engine.Number(f.Expected); e != "" {
		parts = append(parts, "expected "+e)
	}
	if a := engine.Number(f.Actual); a != "" {
		parts = append(parts, "actual "+a)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func sarifLevel(s engine.Severity) string {
	if s == engine.SeverityError {
		return "error"
	}
	return "warning"
}

// fileURI is a plan path as a URI reference: relative paths stay relative with
// forward slashes, absolute ones become file URIs; unsafe characters are escaped.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !filepath.IsAbs(path) {
		return (&url.URL{Path: p}).String()
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: C:/plans -> /C:/plans
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// camelCase turns a rule id into a name: "finance.qipp_stretch" -> "FinanceQippStretch".
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}
