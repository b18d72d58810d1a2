package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/planassure/planassure/engine"
)

// ExplanationFormatter writes what a rule checks (its catalogue entry) and,
// when x is not nil, what it made of one plan.
type ExplanationFormatter func(w io.Writer, entry engine.CatalogueEntry, x *engine.Explanation) error

var explanationFormatters = map[string]ExplanationFormatter{
	"text": ExplanationText,
	"json": ExplanationJSON,
}

// LookupExplanation returns the explanation formatter for name.
func LookupExplanation(name string) (ExplanationFormatter, error) {
	return lookup(explanationFormatters, name)
}

// ExplanationNames returns the explanation format names, sorted.
func ExplanationNames() []string { return names(explanationFormatters) }

// ExplanationJSON writes the entry, or with a plan {"catalogue": entry,
// "explanation": x}, as indented JSON.
func ExplanationJSON(w io.Writer, entry engine.CatalogueEntry, x *engine.Explanation) error {
	if x == nil {
		return WriteJSON(w, entry)
	}
	return WriteJSON(w, struct {
		Catalogue   engine.CatalogueEntry `json:"catalogue"`
		Explanation engine.Explanation    `json:"explanation"`
	}{entry, *x})
}

// ExplanationText writes the rule in words, its threshold in each round and
// its guidance; with a plan, how the rule came out, the figures it read and
// its findings.
func ExplanationText(w io.Writer, entry engine.CatalogueEntry, x *engine.Explanation) error {
	if err := writeRuleText(w, entry); err != nil || x == nil {
		return err
	}
	return writeExplanation(w, *x)
}

var severityWords = map[engine.Severity]string{
	engine.SeverityError:   "a breach means the plan cannot be assured",
	engine.SeverityWarning: "a finding is a risk a reviewer must look at; the plan can still be assured with conditions",
}

func writeRuleText(w io.Writer, e engine.CatalogueEntry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", e.ID, e.Title)
	fmt.Fprintf(&b, "Severity: %s (%s)\n", e.Severity, severityWords[e.Severity])
	if e.Description != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(e.Description))
	}
	b.WriteString("\nBy planning round:\n")
	for _, r := range sortedKeys(e.PerRound) {
		v := e.PerRound[r]
		switch v {
		case "-":
			v = "does not apply"
		case "applies":
			v = "applies (no threshold of its own)"
		}
		fmt.Fprintf(&b, "  %-8s %s\n", r, v)
	}
	if len(e.Reads) > 0 {
		fmt.Fprintf(&b, "\nReads: %s\n", strings.Join(e.Reads, ", "))
	}
	fmt.Fprintf(&b, "\nGuidance: %s\n", e.Guidance)
	if e.URL != "" {
		fmt.Fprintf(&b, "          %s\n", e.URL)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeExplanation(w io.Writer, x engine.Explanation) error {
	fmt.Fprintf(w, "\nPlan %s (round %s): ", x.Plan, x.Round)
	switch {
	case len(x.Problems) > 0:
		fmt.Fprintln(w, "could not be evaluated")
		for _, p := range x.Problems {
			fmt.Fprintf(w, "  %s: %s\n", p.Pointer, p.Message)
		}
		return nil
	case x.Outcome.Outcome == engine.OutcomeNotApplicable:
		fmt.Fprintf(w, "the rule does not apply: %s\n", x.Outcome.Reason)
	case x.Outcome.Outcome == engine.OutcomePassed:
		fmt.Fprintln(w, "passed: no finding in any plan year")
	default:
		fmt.Fprintf(w, "failed with %d finding(s)\n", len(x.Findings))
	}
	if len(x.Figures) > 0 {
		fmt.Fprintln(w, "\nFigures read (money £000, percentages 0-100):")
		t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithTrimSpace(tw.On))
		t.Header("Year", "Field", "Value")
		for _, f := range x.Figures {
			v := engine.Number(f.Value)
			if f.Value == nil {
				v = "(missing)"
			}
			if err := t.Append(f.Year, f.Pointer, v); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if len(x.Findings) > 0 {
		fmt.Fprintln(w, "\nWhat it found:")
		for _, f := range x.Findings {
			fmt.Fprintf(w, "  - [%s] %s\n", f.Severity, f.Message)
			if f.Expected != nil || f.Actual != nil {
				fmt.Fprintf(w, "    expected %s, actual %s\n", engine.Number(f.Expected), engine.Number(f.Actual))
			}
			fmt.Fprintf(w, "    at %s (line %d)\n", f.Pointer, f.Line)
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
