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
	if len(r.Results) > 1 {
		markdownMatrix(&b, newMatrix(r))
	}
	b.WriteString("| Plan | Organisation | Round | Verdict | Errors | Warnings |\n|---|---|---|---|---|---|\n")
	for _, res := range r.Results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d | %d |\n", cell(res.Plan),
			cell(strings.TrimSpace(res.Organisation+" "+res.Name)), cell(res.Round),
			res.Verdict.Words(), res.Errors, res.Warnings)
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

// markdownMatrix writes the region at a glance: a row per plan, worst
// verdict first, a column per rule that ran (numbered, with a key), a
// symbol per cell, and totals per plan and per rule.
func markdownMatrix(b *strings.Builder, m *matrix) {
	b.WriteString("### Region at a glance\n\n")
	var key []string
	for _, l := range m.Legend {
		key = append(key, l.Symbol+" "+l.Words)
	}
	fmt.Fprintf(b, "Each plan against each rule that ran, worst verdict first: %s.\n\n", strings.Join(key, ", "))
	b.WriteString("| Organisation | Verdict |")
	for _, t := range m.Totals {
		fmt.Fprintf(b, " %s |", t.Symbol)
	}
	for i := range m.Rules {
		fmt.Fprintf(b, " %d |", i+1)
	}
	b.WriteString("\n|---|---|")
	b.WriteString(strings.Repeat("--:|", len(m.Totals)))
	b.WriteString(strings.Repeat(":-:|", len(m.Rules)))
	b.WriteString("\n")
	for _, row := range m.Rows {
		org := strings.TrimSpace(row.Org + " " + row.Name)
		if row.Version != "" {
			org += " (" + row.Version + ")"
		}
		fmt.Fprintf(b, "| %s | %s |", cell(org), row.Verdict.Words())
		for _, n := range row.Counts {
			fmt.Fprintf(b, " %d |", n)
		}
		for _, c := range row.Cells {
			fmt.Fprintf(b, " %s |", c.Symbol)
		}
		b.WriteString("\n")
	}
	for _, t := range m.Totals {
		fmt.Fprintf(b, "| %s %s: plans | |", t.Symbol, t.Words)
		for _, u := range m.Totals {
			if u.Outcome == t.Outcome {
				fmt.Fprintf(b, " %d |", t.Sum)
			} else {
				b.WriteString(" |")
			}
		}
		for _, n := range t.Counts {
			fmt.Fprintf(b, " %d |", n)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nRules:")
	for i, r := range m.Rules {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(b, "%s %d `%s`", sep, i+1, r.ID)
	}
	b.WriteString(".\n\n")
}

func markdownProblems(b *strings.Builder, res engine.Result) {
	fmt.Fprintf(b, "\n### %s: %s\n\n", cell(res.Plan), res.Verdict.Words())
	b.WriteString("The plan could not be read or evaluated.\n\n| Where | Problem |\n|---|---|\n")
	for _, p := range res.Problems {
		fmt.Fprintf(b, "| %s | %s |\n", cell(where(p.Pointer, p.Line, p.Cell)), cell(p.Message))
	}
}

func markdownFindings(b *strings.Builder, res engine.Result) {
	fmt.Fprintf(b, "\n### %s: %s\n\n", cell(res.Plan), res.Verdict.Words())
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
			parts = append(parts, fmt.Sprintf("%d %s", n, v.Words()))
		}
	}
	noun := "plans"
	if len(r.Results) == 1 {
		noun = "plan"
	}
	return fmt.Sprintf("**%d %s** checked against %d rules: %s", len(r.Results), noun, len(r.Rules), strings.Join(parts, ", "))
}

// cell makes text safe in a table cell: one line, pipes escaped.
func cell(s string) string { return md(strings.Join(strings.Fields(s), " ")) }
