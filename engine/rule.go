package engine

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Severity says what a breached rule means for the verdict.
type Severity string

const (
	SeverityError   Severity = "error"   // a business rule or standard is breached: the plan cannot be assured
	SeverityWarning Severity = "warning" // a risk or a shortfall with an agreed remedy: a reviewer must look
)

// Rule is one assurance rule, read from the METADATA of its Rego package.
type Rule struct {
	ID          string   `json:"id"` // package path below data.planassure.rules: "finance.cumulative_surplus"
	Area        string   `json:"area"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Severity    Severity `json:"severity"`
	Guidance    string   `json:"guidance"`
	URL         string   `json:"url,omitempty"`
	Thresholds  []string `json:"thresholds,omitempty"` // keys of the round thresholds the rule reads (custom.thresholds)
	Reads       []string `json:"reads,omitempty"`      // plan fields the rule reads: "finance.reserves.contingency" in each year, or "/organisation/population" (custom.reads)
	File        string   `json:"-"`
}

// rulesFrom reads every rule's METADATA from the compiled policies. A rule is a
// package data.planassure.rules.<area>.<name>; each must carry package-scope METADATA with
// a title, custom.severity (error or warning) and custom.guidance, and define
// deny. Any breach rejects the whole rule set.
func rulesFrom(c *ast.Compiler) (map[string]Rule, error) {
	rules := map[string]Rule{}
	var errs []string
	for _, ref := range c.GetAnnotationSet().Flatten() {
		a := ref.Annotations
		if a == nil || a.Scope != "package" {
			continue
		}
		id, ok := ruleID(ref.Path)
		if !ok {
			continue
		}
		r := Rule{ID: id, Area: strings.SplitN(id, ".", 2)[0], Title: strings.TrimSpace(a.Title),
			Description: strings.TrimSpace(a.Description)}
		if a.Location != nil {
			r.File = a.Location.File
		}
		if s, ok := a.Custom["severity"].(string); ok {
			r.Severity = Severity(s)
		}
		if g, ok := a.Custom["guidance"].(string); ok {
			r.Guidance = strings.TrimSpace(g)
		}
		r.Thresholds = stringList(a.Custom["thresholds"])
		r.Reads = stringList(a.Custom["reads"])
		for _, rr := range a.RelatedResources {
			if rr != nil && rr.Ref.String() != "" {
				r.URL = rr.Ref.String()
				break
			}
		}
		var missing []string
		if r.Title == "" {
			missing = append(missing, "title")
		}
		if r.Severity != SeverityError && r.Severity != SeverityWarning {
			missing = append(missing, "custom.severity (error or warning)")
		}
		if r.Guidance == "" {
			missing = append(missing, "custom.guidance")
		}
		if len(missing) > 0 {
			errs = append(errs, fmt.Sprintf("rule %s (%s): METADATA lacks %s", id, r.File, strings.Join(missing, ", ")))
			continue
		}
		rules[id] = r
	}
	// every package below data.planassure.rules must be a rule with METADATA
	for _, m := range c.Modules {
		path := m.Package.Path
		if len(path) < 3 || !path[1].Equal(ast.InternedTerm(Namespace)) || !path[2].Equal(ast.InternedTerm("rules")) {
			continue
		}
		if strings.HasSuffix(path.String(), "_test") {
			continue
		}
		id, ok := ruleID(path)
		if !ok {
			errs = append(errs, fmt.Sprintf("package %s (%s): rules live at data.planassure.rules.<area>.<name>", path, m.Package.Location.File))
			continue
		}
		if _, ok := rules[id]; !ok && !hasMetadataError(errs, id) {
			errs = append(errs, fmt.Sprintf("rule %s (%s): no package METADATA (title, custom.severity, custom.guidance)", id, m.Package.Location.File))
			continue
		}
		if !definesDeny(m) {
			errs = append(errs, fmt.Sprintf("rule %s (%s): defines no deny", id, m.Package.Location.File))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		errs = dedupeStrings(errs)
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return rules, nil
}

func hasMetadataError(errs []string, id string) bool {
	for _, e := range errs {
		if strings.HasPrefix(e, "rule "+id+" ") {
			return true
		}
	}
	return false
}

func dedupeStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func definesDeny(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Name == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			return true
		}
	}
	return false
}

// ruleID turns data.planassure.rules.finance.cumulative_surplus into "finance.cumulative_surplus".
func ruleID(path ast.Ref) (string, bool) {
	if len(path) != 5 || !path[0].Equal(ast.DefaultRootDocument) || !path[1].Equal(ast.InternedTerm(Namespace)) ||
		!path[2].Equal(ast.InternedTerm("rules")) {
		return "", false
	}
	area, ok1 := path[3].Value.(ast.String)
	name, ok2 := path[4].Value.(ast.String)
	if !ok1 || !ok2 {
		return "", false
	}
	return string(area) + "." + string(name), true
}

// stringList reads a METADATA list of strings; anything else is left out.
func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
