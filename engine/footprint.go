package engine

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
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

// IsFootprint reports whether the submission is a footprint document
// (organisation.type "stp", with a footprint object) rather than a plan.
func (p Plan) IsFootprint() bool {
	root, _ := p.Doc.(map[string]any)
	return isFootprintDoc(root)
}

// Stp returns organisation.stp, the footprint a plan belongs to ("" if none).
func (p Plan) Stp() string {
	root, _ := p.Doc.(map[string]any)
	return str(root, "organisation", "stp")
}

func isFootprintDoc(root map[string]any) bool {
	return str(root, "organisation", "type") == "stp"
}

// footprintShapeErrors checks what the schema cannot in a footprint document:
// its years run oldest first with a plan year, member codes are unique, and no
// year lists a member twice.
func footprintShapeErrors(root map[string]any) PlanErrors {
	fp, _ := root["footprint"].(map[string]any)
	years, _ := fp["years"].([]any)
	errs := yearOrderErrors(years, "/footprint/years")
	members, _ := fp["members"].([]any)
	errs = append(errs, duplicateCodes(members, "/footprint/members", "member %s appears twice (also at %s): each member is listed once")...)
	for i, y := range years {
		year, _ := y.(map[string]any)
		figures, _ := year["members"].([]any)
		at := "/footprint/years/" + strconv.Itoa(i) + "/members"
		errs = append(errs, duplicateCodes(figures, at, "member %s has figures twice in the year (also at %s)")...)
	}
	return errs
}

func duplicateCodes(list []any, at, format string) PlanErrors {
	var errs PlanErrors
	seen := map[string]string{}
	for i, m := range list {
		o, _ := m.(map[string]any)
		code, _ := o["code"].(string)
		ptr := at + "/" + strconv.Itoa(i) + "/code"
		if prev, dup := seen[code]; dup {
			errs = append(errs, &PlanError{Pointer: ptr, Err: fmt.Errorf(format, code, prev)})
			continue
		}
		seen[code] = ptr
	}
	return errs
}

// withMembers returns the footprint p with input.member_plans set to the
// documents of its member plans.
func (p Plan) withMembers(members []Plan) (Plan, error) {
	root, _ := p.Doc.(map[string]any)
	doc := make(map[string]any, len(root)+1)
	for k, v := range root {
		doc[k] = v
	}
	docs := make([]any, len(members))
	for i, m := range members {
		docs[i] = m.Doc
	}
	doc["member_plans"] = docs
	input, err := ast.InterfaceToValue(doc)
	if err != nil {
		return p, &PlanError{Path: p.Path, Err: fmt.Errorf("convert footprint: %w", err)}
	}
	p.input = input
	return p, nil
}

// EvaluateFootprint evaluates a footprint document with the plans of its
// members as input.member_plans, and lists the members' results in its own.
func (e *Engine) EvaluateFootprint(ctx context.Context, p Plan, members []Plan, memberResults []Result) Result {
	q, err := p.withMembers(members)
	if err != nil {
		res := Result{Plan: p.Path, Organisation: p.Organisation, Name: p.Name, Round: p.Round, Kind: KindFootprint,
			Findings: []Finding{}, Problems: problemsOf(err)}
		res.finish()
		return res
	}
	res := e.Evaluate(ctx, q)
	res.Members = make([]Member, len(memberResults))
	for i, m := range memberResults {
		res.Members[i] = memberOf(m)
	}
	return res
}

func memberOf(r Result) Member {
	return Member{Plan: r.Plan, Organisation: r.Organisation, Name: r.Name, Verdict: r.Verdict, Errors: r.Errors, Warnings: r.Warnings}
}

// checkFootprints is Check with Options.Footprints: every file is read, plans
// are evaluated, then each footprint with the plans whose organisation.stp is
// its name (case and surrounding space aside) as its members.
func (e *Engine) checkFootprints(ctx context.Context, paths []string, stdin io.Reader, jobs int, progress func()) []Result {
	results := make([]Result, len(paths))
	plans := make([]*Plan, len(paths))
	parallel(len(paths), jobs, func(i int) {
		data, err := e.readFile(paths[i], stdin)
		if err != nil {
			results[i] = Result{Plan: paths[i], Findings: []Finding{}, Problems: []Problem{{Message: err.Error()}}}
			results[i].finish()
			return
		}
		p, err := e.ReadPlan(paths[i], data)
		if err != nil {
			results[i] = Result{Plan: paths[i], Findings: []Finding{}, Problems: problemsOf(err)}
			results[i].finish()
			return
		}
		plans[i] = &p
	})
	for _, p := range plans { // unreadable files are done
		if p == nil && progress != nil {
			progress()
		}
	}
	var planIdx, fpIdx []int
	for i, p := range plans {
		switch {
		case p == nil:
		case p.IsFootprint():
			fpIdx = append(fpIdx, i)
		default:
			planIdx = append(planIdx, i)
		}
	}
	parallel(len(planIdx), jobs, func(k int) {
		i := planIdx[k]
		results[i] = e.EvaluateCached(ctx, *plans[i])
		if progress != nil {
			progress()
		}
	})
	parallel(len(fpIdx), jobs, func(k int) {
		i := fpIdx[k]
		name := footprintKey(plans[i].Name)
		var members []Plan
		var memberResults []Result
		for _, j := range planIdx {
			if name != "" && footprintKey(plans[j].Stp()) == name {
				members = append(members, *plans[j])
				memberResults = append(memberResults, results[j])
			}
		}
		results[i] = e.EvaluateFootprint(ctx, *plans[i], members, memberResults)
		if progress != nil {
			progress()
		}
	})
	return results
}

func footprintKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// parallel calls fn(i) for i in [0, n) on up to jobs goroutines.
func parallel(n, jobs int, fn func(i int)) {
	if jobs < 1 {
		jobs = 1
	}
	if jobs > n {
		jobs = n
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
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
