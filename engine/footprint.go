package engine

import (
	"context"

	"github.com/planassure/planassure/plan"
)

// KindFootprint is Result.Kind for a footprint (STP) submission: a system of
// organisations assured as one. A plan of one organisation has no kind.
const KindFootprint = "footprint"

// Member is one member plan of a footprint in the footprint's result: the plan
// file whose organisation.stp names the footprint, and its own verdict.
type Member struct {
	Plan         string  `json:"plan"`
	Organisation string  `json:"organisation,omitempty"`
	Name         string  `json:"name,omitempty"`
	Verdict      Verdict `json:"verdict"`
	Errors       int     `json:"errors"`
	Warnings     int     `json:"warnings"`
}

// EvaluateFootprint evaluates a footprint document with the plans of its
// members as input.member_plans, and lists the members' results in its own.
func (e *Engine) EvaluateFootprint(ctx context.Context, p plan.Plan, members []plan.Plan, memberResults []Result) Result {
	res := e.evaluateDoc(ctx, p, p.WithMembers(members))
	res.Members = make([]Member, len(memberResults))
	for i, m := range memberResults {
		res.Members[i] = memberOf(m)
	}
	return res
}

func memberOf(r Result) Member {
	return Member{Plan: r.Plan, Organisation: r.Organisation, Name: r.Name, Verdict: r.Verdict, Errors: r.Errors, Warnings: r.Warnings}
}

// refreshMembers brings the members listed in footprint results up to date
// with the members' own results (after waivers, say). It never modifies the
// slices it was given.
func (rep *Report) refreshMembers() {
	byPlan := map[string]Result{}
	for _, r := range rep.Results {
		if r.Kind == "" {
			byPlan[r.Plan] = r
		}
	}
	for i, r := range rep.Results {
		if len(r.Members) == 0 {
			continue
		}
		ms := make([]Member, len(r.Members))
		for j, m := range r.Members {
			if mr, ok := byPlan[m.Plan]; ok {
				m = memberOf(mr)
			}
			ms[j] = m
		}
		rep.Results[i].Members = ms
	}
}
