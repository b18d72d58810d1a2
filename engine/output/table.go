package output

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/planassure/planassure/engine"
)

// Table writes a summary row per plan, then each plan's findings with the
// figures compared and the guidance they come from (and, for a footprint
// checked with its members, their verdicts), then the totals.
func Table(w io.Writer, r engine.Report) error {
	summary := newTable(w)
	summary.Header("Plan", "Organisation", "Round", "Verdict", "Errors", "Warnings")
	for _, res := range r.Results {
		org := strings.TrimSpace(res.Organisation + " " + res.Name)
		if res.Kind == engine.KindFootprint {
			org += " (footprint)"
		}
		if err := summary.Append(res.Plan, org, res.Round, string(res.Verdict),
			strconv.Itoa(res.Errors), strconv.Itoa(res.Warnings)); err != nil {
			return err
		}
	}
	if err := summary.Render(); err != nil {
		return err
	}
	for _, res := range r.Results {
		if len(res.Findings) == 0 && len(res.Problems) == 0 && len(res.Members) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "\n%s: %s\n", res.Plan, res.Verdict); err != nil {
			return err
		}
		if len(res.Problems) > 0 {
			t := newTable(w)
			t.Header("Where", "Problem")
			for _, p := range res.Problems {
				if err := t.Append(where(p.Pointer, p.Line, p.Cell), p.Message); err != nil {
					return err
				}
			}
			if err := t.Render(); err != nil {
				return err
			}
			continue
		}
		if err := members(w, res); err != nil {
			return err
		}
		if len(res.Findings) == 0 {
			continue
		}
		t := newTable(w)
		t.Header("Severity", "Rule", "Finding", "Expected", "Actual", "Where")
		var cited []string
		guidance := map[string]string{}
		for _, f := range res.Findings {
			if err := t.Append(string(f.Severity), f.Rule, f.Message, engine.Number(f.Expected),
				engine.Number(f.Actual), where(f.Pointer, f.Line, f.Cell)); err != nil {
				return err
			}
			if _, ok := guidance[f.Rule]; !ok {
				cited = append(cited, f.Rule)
				guidance[f.Rule] = f.Guidance
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		for _, id := range cited {
			if _, err := fmt.Fprintf(w, "  %s: %s\n", id, guidance[id]); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintf(w, "\n%s\n", totals(r))
	return err
}

// members lists the member plans of a footprint checked with them.
func members(w io.Writer, res engine.Result) error {
	if len(res.Members) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "members of %s (organisation.stp %q):\n", res.Plan, res.Name); err != nil {
		return err
	}
	t := newTable(w)
	t.Header("Member plan", "Organisation", "Verdict", "Errors", "Warnings")
	for _, m := range res.Members {
		if err := t.Append(m.Plan, strings.TrimSpace(m.Organisation+" "+m.Name), string(m.Verdict),
			strconv.Itoa(m.Errors), strconv.Itoa(m.Warnings)); err != nil {
			return err
		}
	}
	return t.Render()
}

func newTable(w io.Writer, opts ...tablewriter.Option) *tablewriter.Table {
	return tablewriter.NewTable(w, append([]tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(44),
		tablewriter.WithTrimSpace(tw.On),
	}, opts...)...)
}

// where words the place of a finding or problem: "line 14 /pointer" in a
// JSON plan, "Finance!D14 /pointer" in a workbook.
func where(pointer string, line int, cell string) string {
	switch {
	case cell != "" && pointer != "":
		return cell + " " + pointer
	case cell != "":
		return cell
	case line > 0:
		return fmt.Sprintf("line %d %s", line, pointer)
	}
	return pointer
}

// totals words the verdict counts: "2 plans: 1 assured, 1 not_assured".
func totals(r engine.Report) string {
	var parts []string
	for _, v := range engine.Verdicts {
		if n := r.Totals[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	noun := "plans"
	if len(r.Results) == 1 {
		noun = "plan"
	}
	return fmt.Sprintf("%d %s checked against %d rules: %s", len(r.Results), noun, len(r.Rules), strings.Join(parts, ", "))
}
