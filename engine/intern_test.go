package engine

import (
	"strings"
	"testing"
	"unsafe"
)

// Equal lists share one backing array, lists that differ in any field do not,
// and a list kept shares the reasons of lists kept before it.
func TestOutcomeTableShares(t *testing.T) {
	var tab outcomeTable
	list := func(outcome Outcome, reason string) []RuleOutcome {
		return []RuleOutcome{
			{Rule: "finance.contingency", Outcome: OutcomePassed},
			{Rule: "performance.ae_12hr", Outcome: outcome, Reason: strings.Clone(reason)},
		}
	}
	a := tab.intern(list(OutcomeNotApplicable, "the round sets no standard"))
	b := tab.intern(list(OutcomeNotApplicable, "the round sets no standard"))
	if &a[0] != &b[0] {
		t.Error("equal lists are not shared")
	}
	c := tab.intern(list(OutcomeNotApplicable, "the round sets no standard for it"))
	d := tab.intern(list(OutcomeFailed, ""))
	if &c[0] == &a[0] || &d[0] == &a[0] || &c[0] == &d[0] {
		t.Error("lists that differ are shared")
	}
	e := tab.intern([]RuleOutcome{
		{Rule: "finance.breakeven", Outcome: OutcomeNotApplicable, Reason: strings.Clone("the round sets no standard")},
	})
	if unsafe.StringData(e[0].Reason) != unsafe.StringData(a[1].Reason) {
		t.Error("a reason kept before is not shared")
	}
}
