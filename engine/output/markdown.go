package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/planassure/planassure/engine"
)

// Markdown writes the report for a pull-request comment: a summary row per
// plan, then each plan's findings with the figures compared, where they are
// and the guidance cited, the problems of plans that could not be read, the
// waivers applied, and the totals.
func Markdown(w io.Writer, r engine.Report) error {
	var b strings.Builder
	b.WriteString("## planassure: plan assurance\n\n")
	b.WriteString("| Plan | Organisation | Round | Verdict | Errors | Warnings |\n|---|---|---|---|---|---|\n")
	for _, res := range r.Results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d | %d |\n", cell(res.Plan),
			cell(strings.TrimSpace(res.Organisation+" "+res.Name)), cell(res.Round),
			verdictWord(res.Verdict), res.Errors, res.Warnings)
	}
	for _, res := range r.Results {
		switch {
		case len(res.Problems) > 0:
			markdownProblems(&b, res)
		case len(res.Findings) > 0:
			markdownFindings(&b, res)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", markdownTotals(r))
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownProblems(b *strings.Builder, res engine.Result) {
	fmt.Fprintf(b, "\n### %s: %s\n\n", cell(res.Plan), verdictWord(res.Verdict))
	b.WriteString("The plan could not be read or evaluated.\n\n| Where | Problem |\n|---|---|\n")
	for _, p := range res.Problems {
		fmt.Fprintf(b, "| %s | %s |\n", cell(where(p.Pointer, p.Line, p.Cell)), cell(p.Message))
	}
}

func markdownFindings(b *strings.Builder, res engine.Result) {
	fmt.Fprintf(b, "\n### %s: %s\n\n", cell(res.Plan), verdictWord(res.Verdict))
	b.WriteString("| Severity | Rule | Finding | Expected | Actual | Where |\n|---|---|---|---|---|---|\n")
	var cited []engine.Finding
	seen := map[string]bool{}
	for _, f := range res.Findings {
		severity := string(f.Severity)
		if f.Waived != nil {
			severity += " (waived)"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", severity, cell(f.Rule), cell(f.Message),
			cell(engine.Number(f.Expected)), cell(engine.Number(f.Actual)), cell(where(f.Pointer, f.Line, f.Cell)))
		if !seen[f.Rule] {
			seen[f.Rule] = true
			cited = append(cited, f)
		}
	}
	b.WriteString("\nGuidance:\n\n")
	for _, f := range cited {
		fmt.Fprintf(b, "- %s: %s", cell(f.Rule), cell(f.Guidance))
		if f.URL != "" {
			fmt.Fprintf(b, " <%s>", f.URL)
		}
		b.WriteString("\n")
	}
	markdownWaivers(b, res.Findings)
}

func markdownWaivers(b *strings.Builder, fs []engine.Finding) {
	first := true
	for _, f := range fs {
		if f.Waived == nil {
			continue
		}
		if first {
			b.WriteString("\nWaived (counted toward neither the verdict nor the gate):\n\n")
			first = false
		}
		at := ""
		if w := where(f.Pointer, f.Line, f.Cell); w != "" {
			at = " at " + cell(w)
		}
		fmt.Fprintf(b, "- %s%s: %s (approved by %s, expires %s)\n", cell(f.Rule), at,
			cell(f.Waived.Reason), cell(f.Waived.ApprovedBy), cell(f.Waived.Expires))
	}
}

// markdownTotals words the verdict counts: "**3 plans** checked against 2
// rules: 1 assured, 1 not assured, 1 error".
func markdownTotals(r engine.Report) string {
	var parts []string
	for _, v := range engine.Verdicts {
		if n := r.Totals[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, verdictWord(v)))
		}
	}
	noun := "plans"
	if len(r.Results) == 1 {
		noun = "plan"
	}
	return fmt.Sprintf("**%d %s** checked against %d rules: %s", len(r.Results), noun, len(r.Rules), strings.Join(parts, ", "))
}

// verdictWord is a verdict in words: "assured with conditions".
func verdictWord(v engine.Verdict) string { return strings.ReplaceAll(string(v), "_", " ") }

// cell makes text safe in a table cell: one line, pipes escaped.
func cell(s string) string { return md(strings.Join(strings.Fields(s), " ")) }
