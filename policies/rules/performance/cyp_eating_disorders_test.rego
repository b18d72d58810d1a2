package planassure.rules.performance.cyp_eating_disorders_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.cyp_eating_disorders

test_pass_fixture if {
	r := cyp_eating_disorders.deny with input as fixture.plan
	r == set()
	n := cyp_eating_disorders.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cyp_eating_disorders/plan", "value": 94},
	])
	r := cyp_eating_disorders.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: children and young people's eating disorder treatment in time planned at 94%, below the 95% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/cyp_eating_disorders/plan",
		"expected": 95,
		"actual": 94,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cyp_eating_disorders/plan", "value": 94},
		{
			"op": "add",
			"path": "/years/1/performance/cyp_eating_disorders/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := cyp_eating_disorders.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: children and young people's eating disorder treatment in time planned at 94%, below the 95% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/cyp_eating_disorders/plan",
		"expected": 95,
		"actual": 94,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/cyp_eating_disorders"}])
	r := cyp_eating_disorders.deny with input as plan
	r == {{
		"msg": "2017/18: children and young people's eating disorder treatment in time trajectory is missing",
		"pointer": "/years/1/performance/cyp_eating_disorders",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/cyp_eating_disorders/monthly",
			"value": [94, 94, 94, 94, 94, 94, 94, 94, 94, 94, 94, 94],
		},
	])
	r := cyp_eating_disorders.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: children and young people's eating disorder treatment in time monthly trajectory ends at 94%",
			"in March, not at the 95% planned for the year",
		]),
		"pointer": "/years/1/performance/cyp_eating_disorders/monthly/11",
		"expected": 95,
		"actual": 94,
	}}
}

test_not_applicable_in_2016_17_round if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
		{"op": "remove", "path": "/years/1/performance/cyp_eating_disorders"},
	])
	r := cyp_eating_disorders.deny with input as plan
	r == set()
	n := cyp_eating_disorders.not_applicable with input as plan
	n == {concat(" ", [
		"the round sets no standard for children and young people's eating disorder treatment in time",
		"in the plan's years",
	])}
}
