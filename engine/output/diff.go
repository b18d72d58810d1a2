package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/planassure/planassure/engine"
)

// DiffFormatter writes a plan diff in one format.
type DiffFormatter func(w io.Writer, d engine.PlanDiff) error

var diffFormatters = map[string]DiffFormatter{
	"table":    DiffTable,
	"json":     DiffJSON,
	"markdown": DiffMarkdown,
}

// LookupDiff returns the diff formatter for name.
func LookupDiff(name string) (DiffFormatter, error) { return lookup(diffFormatters, name) }

// DiffNames returns the diff format names, sorted.
func DiffNames() []string { return names(diffFormatters) }

// DiffJSON writes the diff as indented JSON.
func DiffJSON(w io.Writer, d engine.PlanDiff) error { return WriteJSON(w, d) }

func leaf(v any) string {
	if v == nil {
		return "(absent)"
	}
	switch v.(type) {
	case map[string]any, []any:
		b, _ := json.Marshal(v)
		return string(b)
	}
	return engine.Number(v)
}

// DiffTable writes the verdicts, the changed figures and the findings that
// appeared and disappeared, as terminal tables.
func DiffTable(w io.Writer, d engine.PlanDiff) error {
	if _, err := fmt.Fprintf(w, "%s -> %s\nverdict: %s -> %s\n\n", d.Old, d.New, d.VerdictBefore, d.VerdictAfter); err != nil {
		return err
	}
	if len(d.Changes) == 0 {
		fmt.Fprintln(w, noChange(d))
	} else {
		t := newTable(w)
		t.Header("Where", "Old", "New", "Difference")
		for _, c := range d.Changes {
			if err := t.Append(c.Pointer, leaf(c.Old), leaf(c.New), c.Difference); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		title    string
		findings []engine.Finding
	}{{"Findings that appeared", d.Appeared}, {"Findings that disappeared", d.Disappeared}} {
		if len(part.findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", part.title)
		t := newTable(w)
		t.Header("Severity", "Rule", "Finding", "Where")
		for _, f := range part.findings {
			if err := t.Append(string(f.Severity), f.Rule, f.Message, where(f.Pointer, f.Line, f.Cell)); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\n%d figures changed, %d findings appeared, %d disappeared\n",
		len(d.Changes), len(d.Appeared), len(d.Disappeared))
	return err
}

// noChange says why no figure is listed: none changed, or a side is absent.
func noChange(d engine.PlanDiff) string {
	switch {
	case d.VerdictBefore == engine.VerdictAbsent:
		return "A new plan: no earlier version to compare figures with."
	case d.VerdictAfter == engine.VerdictAbsent:
		return "The plan was removed."
	}
	return "No figure changed."
}

// DiffMarkdown writes the diff for a pull-request comment.
func DiffMarkdown(w io.Writer, d engine.PlanDiff) error {
	var b strings.Builder
	name := d.New
	if d.VerdictAfter == engine.VerdictAbsent {
		name = d.Old
	}
	fmt.Fprintf(&b, "### Plan change: `%s`\n\nVerdict: **%s** → **%s**\n\n", name, d.VerdictBefore, d.VerdictAfter)
	if len(d.Changes) > 0 {
		b.WriteString("| Where | Old | New | Difference |\n|---|---|---|---|\n")
		for _, c := range d.Changes {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Pointer, md(leaf(c.Old)), md(leaf(c.New)), c.Difference)
		}
		b.WriteString("\n")
	} else {
		b.WriteString(noChange(d) + "\n\n")
	}
	for _, part := range []struct {
		title    string
		findings []engine.Finding
	}{{"Findings that appeared", d.Appeared}, {"Findings that disappeared", d.Disappeared}} {
		if len(part.findings) == 0 {
			continue
		}
		fmt.Fprintf(&b, "**%s**\n\n| Severity | Rule | Finding |\n|---|---|---|\n", part.title)
		for _, f := range part.findings {
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", f.Severity, f.Rule, md(f.Message))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
