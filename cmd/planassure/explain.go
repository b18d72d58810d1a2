package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/plan"
)

type explainOptions struct {
	Format   string       `mapstructure:"format"`
	Policies []string     `mapstructure:"policies"`
	Data     []string     `mapstructure:"data"`
	Limits   limitOptions `mapstructure:",squash"`
}

func newExplainCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain RULE_ID [PLAN]",
		Short: "Say what a rule checks and where the guidance asks for it; with a plan, what it found there",
		Example: `  planassure explain finance.cumulative_surplus
  planassure explain finance.mental_health_investment plans/06W-2017-19.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageError{errors.New("explain takes a rule id and at most one plan file")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts explainOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			if opts.Format != "text" && opts.Format != "json" {
				return usageError{fmt.Errorf("unknown format %q (want text or json)", opts.Format)}
			}
			limits, err := parseLimits(opts.Limits)
			if err != nil {
				return usageError{err}
			}
			eng, err := newEngine(cmd.Context(), opts.Policies, opts.Data, engine.Options{Timeout: limits.timeout, Hint: hint})
			if err != nil {
				return err
			}
			entry, ok := findEntry(eng.Catalogue(), args[0])
			if !ok {
				return usageError{fmt.Errorf("no rule %q (planassure rules lists them)", args[0])}
			}
			out := cmd.OutOrStdout()
			if len(args) == 1 {
				if opts.Format == "json" {
					return output.WriteJSON(out, entry)
				}
				return writeRuleText(out, entry)
			}
			p, err := plan.Read(cmd.Context(), args[1], stdin, limits.plan)
			if err != nil {
				return err
			}
			x, err := eng.Explain(cmd.Context(), args[0], p)
			if err != nil {
				return err
			}
			if opts.Format == "json" {
				return output.WriteJSON(out, struct {
					Catalogue   engine.CatalogueEntry `json:"catalogue"`
					Explanation engine.Explanation    `json:"explanation"`
				}{entry, x})
			}
			if err := writeRuleText(out, entry); err != nil {
				return err
			}
			return writeExplanation(out, x)
		},
	}
	cmd.Flags().StringP("format", "o", "text", "output format: text or json")
	addPolicyFlags(cmd.Flags())
	addLimitFlags(cmd.Flags())
	return cmd
}

func findEntry(c engine.Catalogue, id string) (engine.CatalogueEntry, bool) {
	for _, e := range c.Rules {
		if e.ID == id {
			return e, true
		}
	}
	return engine.CatalogueEntry{}, false
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
