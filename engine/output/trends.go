package output

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/planassure/planassure/engine"
)

// planTrend is how one organisation's plan for a round moved across the
// versions the report holds, oldest first.
type planTrend struct {
	Org, Name, Round string
	Versions         []planVersion
}

type planVersion struct {
	PlanID, Plan                 string
	Version, Status, SubmittedOn string
	Verdict                      engine.Verdict
	Errors, Warnings, Waived     int
	Change                       string // against the version before; "" for the first
	Appeared, Resolved           []string
}

// newTrends finds the organisations whose plan for one round the report
// holds in several versions, and orders each one's versions by submission
// date, then draft before final, then version name and path.
func newTrends(r engine.Report) []planTrend {
	groups := map[orgRound][]int{}
	var keys []orgRound
	for i, res := range r.Results {
		if res.Organisation == "" || res.Verdict == engine.VerdictError && res.Figures == nil {
			continue
		}
		k := orgRound{res.Organisation, res.Round}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	slices.SortFunc(keys, func(a, b orgRound) int { return cmp.Or(cmp.Compare(a.org, b.org), cmp.Compare(a.round, b.round)) })
	var out []planTrend
	for _, k := range keys {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		sub := func(i int) engine.Submission {
			if f := r.Results[i].Figures; f != nil {
				return f.Submission
			}
			return engine.Submission{}
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			sa, sb := sub(a), sub(b)
			return cmp.Or(cmp.Compare(sa.SubmittedOn, sb.SubmittedOn), cmp.Compare(statusRank(sa.Status), statusRank(sb.Status)),
				cmp.Compare(sa.Version, sb.Version), cmp.Compare(r.Results[a].Plan, r.Results[b].Plan))
		})
		t := planTrend{Org: k.org, Name: r.Results[idx[0]].Name, Round: k.round}
		for n, i := range idx {
			res := r.Results[i]
			s := sub(i)
			v := planVersion{PlanID: planAnchor(i), Plan: res.Plan, Version: s.Version, Status: s.Status, SubmittedOn: s.SubmittedOn,
				Verdict: res.Verdict, Errors: res.Errors, Warnings: res.Warnings, Waived: res.Waived}
			if n > 0 {
				prev := r.Results[idx[n-1]]
				v.Change = changeWords(prev, res)
				v.Appeared, v.Resolved = findingRulesDiff(prev, res)
			}
			t.Versions = append(t.Versions, v)
		}
		out = append(out, t)
	}
	return out
}

// statusRank orders a draft before a final submission.
func statusRank(s string) int {
	switch s {
	case "draft":
		return 0
	case "final":
		return 1
	}
	return 2
}

// changeWords says how the verdict and the finding counts moved from prev
// to cur: "verdict not assured → assured with conditions; errors 3 → 0".
func changeWords(prev, cur engine.Result) string {
	var parts []string
	if prev.Verdict != cur.Verdict {
		parts = append(parts, fmt.Sprintf("verdict %s → %s", prev.Verdict.Words(), cur.Verdict.Words()))
	}
	for _, c := range []struct {
		what     string
		was, now int
	}{{"errors", prev.Errors, cur.Errors}, {"warnings", prev.Warnings, cur.Warnings}, {"waived", prev.Waived, cur.Waived}} {
		if c.was != c.now {
			parts = append(parts, fmt.Sprintf("%s %d → %d (%+d)", c.what, c.was, c.now, c.now-c.was))
		}
	}
	if len(parts) == 0 {
		return "no change in verdict or findings"
	}
	return strings.Join(parts, "; ")
}

// findingRulesDiff lists the rules with unwaived findings in cur and not in
// prev (appeared), and in prev and not in cur (resolved), sorted.
func findingRulesDiff(prev, cur engine.Result) (appeared, resolved []string) {
	rules := func(res engine.Result) map[string]bool {
		m := map[string]bool{}
		for _, f := range res.Findings {
			if f.Waived == nil {
				m[f.Rule] = true
			}
		}
		return m
	}
	p, c := rules(prev), rules(cur)
	for k := range c {
		if !p[k] {
			appeared = append(appeared, k)
		}
	}
	for k := range p {
		if !c[k] {
			resolved = append(resolved, k)
		}
	}
	slices.Sort(appeared)
	slices.Sort(resolved)
	return appeared, resolved
}
