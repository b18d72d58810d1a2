package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/planassure/planassure/engine"
)

// JUnit XML as CI systems read it, valid against the Jenkins xunit plugin's
// junit-10.xsd: a suite per plan, a case per plan and rule. A rule with a
// finding that fails the gate (Report.Gate: error findings, or with
// --fail-on warning any finding) is a failure; warnings under an error gate and
// waived findings are only reported in the case's output, so a run that exits
// 0 shows no failed test. A rule that does not apply is skipped, and a plan
// that could not be read or evaluated is a single case in error. No times or
// host names are written, so the output is stable.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"-"` // the Jenkins schema (junit-10.xsd) has no testsuites@skipped
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Skipped   *junitMessage `xml:"skipped"`
	Failure   *junitMessage `xml:"failure"`
	Error     *junitMessage `xml:"error"`
	SystemOut *junitText    `xml:"system-out"`
}

type junitText struct {
	Text string `xml:",cdata"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// JUnit writes the report as JUnit XML.
func JUnit(w io.Writer, r engine.Report) error {
	doc := junitSuites{Name: "planassure"}
	for _, res := range r.Results {
		s := junitSuiteOf(r, res)
		doc.Suites = append(doc.Suites, s)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	b, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("encode junit: %w", err)
	}
	_, err = io.WriteString(w, xml.Header+string(b)+"\n")
	return err
}

func junitSuiteOf(r engine.Report, res engine.Result) junitSuite {
	s := junitSuite{Name: res.Plan, Properties: []junitProperty{
		{Name: "organisation", Value: strings.TrimSpace(res.Organisation + " " + res.Name)},
		{Name: "round", Value: res.Round},
		{Name: "verdict", Value: string(res.Verdict)},
	}}
	if res.Verdict == engine.VerdictError {
		s.Cases = []junitCase{junitErrorCase(res)}
	} else {
		for _, o := range outcomes(r, res) {
			s.Cases = append(s.Cases, junitRuleCase(res, o, r.Gate))
		}
	}
	for _, c := range s.Cases {
		s.Tests++
		switch {
		case c.Error != nil:
			s.Errors++
		case c.Failure != nil:
			s.Failures++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	return s
}

// outcomes is how each rule came out for the plan: the engine's record, or,
// when the result carries none, failed for each rule with a finding and passed
// for the others.
func outcomes(r engine.Report, res engine.Result) []engine.RuleOutcome {
	if len(res.Rules) > 0 {
		return res.Rules
	}
	failed := map[string]bool{}
	for _, f := range res.Findings {
		failed[f.Rule] = true
	}
	out := make([]engine.RuleOutcome, 0, len(r.Rules))
	for _, rule := range r.Rules {
		o := engine.OutcomePassed
		if failed[rule.ID] {
			o = engine.OutcomeFailed
		}
		out = append(out, engine.RuleOutcome{Rule: rule.ID, Outcome: o})
	}
	return out
}

func junitErrorCase(res engine.Result) junitCase {
	lines := make([]string, 0, len(res.Problems))
	for _, p := range res.Problems {
		line := p.Message
		if at := where(p.Pointer, p.Line, p.Cell); at != "" {
			line += " (" + at + ")"
		}
		lines = append(lines, line)
	}
	return junitCase{ClassName: res.Plan, Name: "plan", Error: &junitMessage{
		Message: fmt.Sprintf("the plan could not be read or evaluated: %s", strings.Join(lines, "; ")),
		Type:    "error",
		Text:    xmlText(strings.Join(lines, "\n") + "\n"),
	}}
}

func junitRuleCase(res engine.Result, o engine.RuleOutcome, gate engine.Severity) junitCase {
	c := junitCase{ClassName: res.Plan, Name: o.Rule}
	switch o.Outcome {
	case engine.OutcomeNotApplicable:
		c.Skipped = &junitMessage{Message: o.Reason}
		return c
	case engine.OutcomePassed:
		return c
	}
	var failing, passing, waived []engine.Finding
	for _, f := range res.Findings {
		switch {
		case f.Rule != o.Rule:
		case f.Waived != nil:
			waived = append(waived, f)
		case f.Severity == engine.SeverityError || gate == engine.SeverityWarning:
			failing = append(failing, f)
		default:
			passing = append(passing, f)
		}
	}
	if len(failing) > 0 {
		c.Failure = junitFailure(failing)
	}
	c.SystemOut = junitOutput(passing, waived)
	return c
}

func junitFailure(fs []engine.Finding) *junitMessage {
	msg := fs[0].Message
	if len(fs) > 1 {
		msg = fmt.Sprintf("%d findings, the first: %s", len(fs), msg)
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(findingText(f))
	}
	b.WriteString(guidanceLine(fs[0]))
	return &junitMessage{Message: msg, Type: string(fs[0].Severity), Text: xmlText(b.String())}
}

// junitOutput is a case's output: the findings that do not fail the gate,
// then the waived ones with their waivers.
func junitOutput(passing, waived []engine.Finding) *junitText {
	if len(passing)+len(waived) == 0 {
		return nil
	}
	var b strings.Builder
	for _, f := range passing {
		b.WriteString(findingText(f))
	}
	if len(passing) > 0 {
		b.WriteString(guidanceLine(passing[0]))
	}
	for _, f := range waived {
		b.WriteString("waived " + findingText(f))
		fmt.Fprintf(&b, "  waiver: %s (approved by %s, expires %s)\n", f.Waived.Reason, f.Waived.ApprovedBy, f.Waived.Expires)
	}
	return &junitText{Text: xmlText(b.String())}
}

// findingText is a finding as lines of text: its message, then the figures
// compared and where in the plan they are.
func findingText(f engine.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", f.Severity, f.Message)
	if e := engine.Number(f.Expected); e != "" {
		fmt.Fprintf(&b, "  expected: %s\n", e)
	}
	if a := engine.Number(f.Actual); a != "" {
		fmt.Fprintf(&b, "  actual: %s\n", a)
	}
	if at := where(f.Pointer, f.Line, f.Cell); at != "" {
		fmt.Fprintf(&b, "  where: %s\n", at)
	}
	return b.String()
}

func guidanceLine(f engine.Finding) string {
	s := "guidance: " + f.Guidance
	if f.URL != "" {
		s += " <" + f.URL + ">"
	}
	return s + "\n"
}

// xmlText replaces the characters XML cannot carry, which a CDATA section does
// not escape, with U+FFFD.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
