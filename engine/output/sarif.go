package output

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/planassure/planassure/engine"
)

// SARIF 2.1.0, as code-scanning tools read it: one run whose driver names the
// build and the policy digest and lists every rule, a result per finding
// located at the plan file and line with a partial fingerprint that does not
// move when the plan's figures or lines do, waived findings carried as accepted
// external suppressions, and a plan that could not be read or evaluated as an
// error result of the rule planassure.unreadable, with the invocation marked
// unsuccessful and the reason as a notification.

const (
	sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	toolName    = "planassure"
	toolURI     = "https://github.com/planassure/planassure"

	// UnreadableRule is the SARIF rule of a plan that could not be read or evaluated.
	UnreadableRule = "planassure.unreadable"
	// FingerprintKey names planassure's partial fingerprint: the SHA-256 of the
	// rule, JSON pointer, organisation code and planning round of a finding.
	FingerprintKey = "planassure/v1"
)

// SARIF writes the report as a SARIF 2.1.0 log.
func SARIF(w io.Writer, r engine.Report) error {
	run := sarif.NewRunWithInformationURI(toolName, toolURI)
	driver := run.Tool.Driver
	if t := r.Tool; t != nil {
		driver.WithVersion(t.Version)
		if semver.MatchString(t.Version) {
			driver.WithSemanticVersion(strings.TrimPrefix(t.Version, "v"))
		}
		props := sarif.NewPropertyBag().Add("policy_digest", t.PolicyDigest)
		if t.Revision != "" {
			props.Add("revision", t.Revision)
		}
		if t.Modified {
			props.Add("modified", true)
		}
		driver.WithProperties(props)
	}
	for _, rule := range r.Rules {
		driver.AddRule(sarifRuleOf(rule))
	}
	unreadable := -1
	invocation := sarif.NewInvocation().WithExecutionSuccessful(true)
	for _, res := range r.Results {
		if len(res.Problems) > 0 {
			if unreadable < 0 {
				unreadable = len(driver.Rules)
				driver.AddRule(unreadableRule())
			}
			invocation.WithExecutionSuccessful(false)
		}
		for _, p := range res.Problems {
			invocation.AddToolExecutionNotification(sarif.NewNotification().WithLevel("error").
				WithMessage(sarif.NewTextMessage(problemText(res.Plan, p))).
				AddLocation(sarifLocationOf(res.Plan, p.Line, p.Pointer, p.Cell)))
			run.AddResult(sarif.NewRuleResult(UnreadableRule).WithRuleIndex(unreadable).WithLevel("error").
				WithMessage(sarif.NewTextMessage(problemText(res.Plan, p))).
				AddLocation(sarifLocationOf(res.Plan, p.Line, p.Pointer, p.Cell)).
				WithPartialFingerprints(map[string]string{FingerprintKey: fingerprint(UnreadableRule, p.Pointer, res.Plan, "")}))
		}
		for _, f := range res.Findings {
			run.AddResult(sarifResultOf(res, f, run.GetRuleIndex(f.Rule)))
		}
	}
	run.AddInvocation(invocation)
	log := sarif.NewReport()
	log.Schema = sarifSchema
	log.AddRun(run)
	if err := log.PrettyWrite(w); err != nil {
		return fmt.Errorf("encode sarif: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// semver is a Go module version that is a semantic version: v1.2.3, v1.2.3-pre+build.
var semver = regexp.MustCompile(`^v\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$`)

func sarifRuleOf(r engine.Rule) *sarif.ReportingDescriptor {
	full := strings.Join(strings.Fields(r.Description), " ")
	if full == "" {
		full = r.Title
	}
	text := r.Guidance
	if r.URL != "" {
		text += "\n" + r.URL
	}
	rule := sarif.NewRule(r.ID).WithName(camelCase(r.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(full)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(helpMarkdown(r, full))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	if r.URL != "" {
		rule.WithHelpURI(r.URL)
	}
	props := sarif.NewPropertyBag().Add("area", r.Area)
	if len(r.Thresholds) > 0 {
		props.Add("thresholds", r.Thresholds)
	}
	props.Tags = []string{r.Area}
	return rule.WithProperties(props)
}

// helpMarkdown is a rule's help as code-scanning pages show it: what the rule
// asks, the guidance that asks it, and the thresholds it reads.
func helpMarkdown(r engine.Rule, full string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (`%s`, %s)\n\n%s\n\n", mdEscape(r.Title), r.ID, r.Severity, mdEscape(full))
	guidance := mdEscape(r.Guidance)
	if r.URL != "" {
		guidance = "[" + guidance + "](" + r.URL + ")"
	}
	fmt.Fprintf(&b, "Guidance: %s\n", guidance)
	if len(r.Thresholds) > 0 {
		b.WriteString("\nThresholds: `" + strings.Join(r.Thresholds, "`, `") + "`\n")
	}
	return b.String()
}

// mdEscape escapes the characters Markdown would read as formatting.
func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`).Replace(s)
}

func unreadableRule() *sarif.ReportingDescriptor {
	const text = "The plan could not be read or evaluated: it is not valid JSON, does not follow plan-format v1, or a rule failed on it. No verdict is given until it is corrected."
	return sarif.NewRule(UnreadableRule).WithName("PlanassureUnreadable").
		WithShortDescription(sarif.NewMultiformatMessageString().WithText("Plan could not be read or evaluated")).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(text)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(text).WithMarkdown("**Plan could not be read or evaluated**\n\n" + text + "\n")).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("error"))
}

func sarifResultOf(res engine.Result, f engine.Finding, ruleIndex int) *sarif.Result {
	out := sarif.NewRuleResult(f.Rule).WithRuleIndex(ruleIndex).WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Message + figures(f))).
		AddLocation(sarifLocationOf(res.Plan, f.Line, f.Pointer, f.Cell)).
		WithPartialFingerprints(map[string]string{FingerprintKey: fingerprint(f.Rule, f.Pointer, res.Organisation, res.Round)})
	if f.Waived != nil {
		out.AddSuppression(sarif.NewSuppression().WithKind("external").WithStatus("accepted").
			WithJustification(f.Waived.Reason))
	}
	props := sarif.NewPropertyBag()
	if f.Pointer != "" {
		props.Add("pointer", f.Pointer)
	}
	if f.Cell != "" {
		props.Add("cell", f.Cell) // a workbook's sheet and cell, "Finance!D14"
	}
	if f.Expected != nil {
		props.Add("expected", f.Expected)
	}
	if f.Actual != nil {
		props.Add("actual", f.Actual)
	}
	if len(props.Properties) > 0 {
		out.WithProperties(props)
	}
	return out
}

// fingerprint identifies a finding across edits of the plan: the rule, the
// JSON pointer, the organisation and the round, never the figures or the line.
func fingerprint(rule, pointer, organisation, round string) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + pointer + "\x00" + organisation + "\x00" + round))
	return hex.EncodeToString(sum[:])
}

func problemText(plan string, p engine.Problem) string {
	msg := plan + ": the plan could not be read or evaluated: " + p.Message
	if at := where(p.Pointer, 0, p.Cell); at != "" {
		msg += " (at " + at + ")"
	}
	return msg
}

// sarifLocationOf places a result in its plan: the line of a JSON plan, the
// field's pointer, and a workbook's sheet and cell as a logical location of
// kind "element" (SARIF regions count lines and columns of text, which a
// workbook has not).
func sarifLocationOf(plan string, line int, pointer, cell string) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(plan)))
	if line > 0 {
		phys.WithRegion(sarif.NewRegion().WithStartLine(line))
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if pointer != "" {
		loc.AddLogicalLocation(sarif.NewLogicalLocation().WithFullyQualifiedName(pointer))
	}
	if cell != "" {
		loc.AddLogicalLocation(sarif.NewLogicalLocation().WithFullyQualifiedName(cell).WithKind("element"))
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
