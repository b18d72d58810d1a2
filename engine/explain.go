package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/planassure/planassure/plan"
)

// Figure is one plan figure a rule reads, with where it sits.
type Figure struct {
	Year    string `json:"year,omitempty"` // the financial year, for per-year figures
	Pointer string `json:"pointer"`
	Value   any    `json:"value"` // nil when the plan does not give it
}

// Explanation is what a rule did with one plan: the figures it read, how it
// came out, and its findings.
type Explanation struct {
	Rule     Rule        `json:"rule"`
	Plan     string      `json:"plan"`
	Round    string      `json:"round"`
	Outcome  RuleOutcome `json:"outcome"`
	Figures  []Figure    `json:"figures"`
	Findings []Finding   `json:"findings"`
	Problems []Problem   `json:"problems,omitempty"`
}

// Explain evaluates a plan and reports what rule id made of it.
func (e *Engine) Explain(ctx context.Context, id string, p plan.Plan) (Explanation, error) {
	r, ok := e.rules[id]
	if !ok {
		return Explanation{}, fmt.Errorf("%w %q", ErrUnknownRule, id)
	}
	res := e.Evaluate(ctx, p)
	x := Explanation{Rule: r, Plan: p.Path, Round: p.Round, Findings: []Finding{}, Problems: res.Problems}
	for _, f := range res.Findings {
		if f.Rule == id {
			x.Findings = append(x.Findings, f)
		}
	}
	for _, o := range res.Rules {
		if o.Rule == id {
			x.Outcome = o
		}
	}
	x.Figures = figures(p.Doc, r.Reads)
	return x, nil
}

// figures looks up each field a rule reads: absolute pointers once, fields of
// a year in every year of the plan.
func figures(doc any, reads []string) []Figure {
	var out []Figure
	for _, rd := range reads {
		if strings.HasPrefix(rd, "/") {
			out = append(out, Figure{Pointer: rd, Value: lookup(doc, plan.SplitPointer(rd))})
		}
	}
	root, _ := doc.(map[string]any)
	years, _ := root["years"].([]any)
	for i, y := range years {
		year, _ := y.(map[string]any)
		name, _ := year["year"].(string)
		for _, rd := range reads {
			if strings.HasPrefix(rd, "/") {
				continue
			}
			tokens := strings.Split(rd, ".")
			ptr := fmt.Sprintf("/years/%d/%s", i, strings.Join(tokens, "/"))
			out = append(out, Figure{Year: name, Pointer: ptr, Value: lookup(year, tokens)})
		}
	}
	return out
}

func lookup(v any, tokens []string) any {
	for _, t := range tokens {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[t]
	}
	return v
}
