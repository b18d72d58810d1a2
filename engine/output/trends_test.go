package output

import (
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
)

func version(plan, org, round, submitted, status string, v engine.Verdict, errors int) engine.Result {
	return engine.Result{Plan: plan, Organisation: org, Round: round, Verdict: v, Errors: errors,
		Figures: &engine.PlanFigures{Submission: engine.Submission{SubmittedOn: submitted, Status: status, Version: plan}}}
}

// TestTrendOrder: versions oldest first; on the same day a draft before the
// final; one version of a plan, or another round, makes no trend.
func TestTrendOrder(t *testing.T) {
	r := engine.Report{Results: []engine.Result{
		version("a-final", "00A", "2017-19", "2016-12-23", "final", engine.VerdictAssured, 0),
		version("a-draft-late", "00A", "2017-19", "2016-12-23", "draft", engine.VerdictNotAssured, 2),
		version("a-draft-early", "00A", "2017-19", "2016-11-01", "draft", engine.VerdictNotAssured, 3),
		version("a-other-round", "00A", "2016/17", "2016-04-01", "final", engine.VerdictAssured, 0),
		version("b", "00B", "2017-19", "2016-12-23", "final", engine.VerdictAssured, 0),
	}}
	trends := newTrends(r)
	if len(trends) != 1 || trends[0].Org != "00A" || trends[0].Round != "2017-19" {
		t.Fatalf("trends %+v, want one for 00A 2017-19", trends)
	}
	var got []string
	for _, v := range trends[0].Versions {
		got = append(got, v.Plan)
	}
	if strings.Join(got, " ") != "a-draft-early a-draft-late a-final" {
		t.Errorf("versions in the order %v", got)
	}
	if c := trends[0].Versions[2].Change; c != "verdict not assured → assured; errors 2 → 0 (-2)" {
		t.Errorf("change %q", c)
	}
	if c := trends[0].Versions[1].Change; c != "errors 3 → 2 (-1)" {
		t.Errorf("change %q", c)
	}
}
