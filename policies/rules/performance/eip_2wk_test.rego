package planassure.rules.performance.eip_2wk_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.eip_2wk

test_pass_fixture if {
	r := eip_2wk.deny with input as fixture.plan
	r == set()
	n := eip_2wk.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/eip_2wk/plan", "value": 49},
	])
	r := eip_2wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: early intervention in psychosis within 2 weeks planned at 49%, below the 50% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/eip_2wk/plan",
		"expected": 50,
		"actual": 49,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/eip_2wk/plan", "value": 49},
		{
			"op": "add",
			"path": "/years/1/performance/eip_2wk/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := eip_2wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: early intervention in psychosis within 2 weeks planned at 49%, below the 50% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/eip_2wk/plan",
		"expected": 50,
		"actual": 49,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/eip_2wk"}])
	r := eip_2wk.deny with input as plan
	r == {{
		"msg": "2017/18: early intervention in psychosis within 2 weeks trajectory is missing",
		"pointer": "/years/1/performance/eip_2wk",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/eip_2wk/monthly",
			"value": [52, 52, 52, 52, 52, 52, 52, 52, 52, 52, 52, 52],
		},
	])
	r := eip_2wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: early intervention in psychosis within 2 weeks monthly trajectory ends at 52% in March,",
			"not at the 53% planned for the year",
		]),
		"pointer": "/years/1/performance/eip_2wk/monthly/11",
		"expected": 53,
		"actual": 52,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/eip_2wk"},
	])
	r := eip_2wk.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := eip_2wk.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for early intervention in psychosis within 2 weeks in the plan's years"}
}

# the 2017-19 round sets 50% for 2017/18 and 53% for 2018/19: the same level meets one, misses the other
test_fail_standard_varies_by_year if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/eip_2wk/plan", "value": 50},
		{"op": "replace", "path": "/years/2/performance/eip_2wk/plan", "value": 50},
	])
	r := eip_2wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: early intervention in psychosis within 2 weeks planned at 50%, below the 53% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/2/performance/eip_2wk/plan",
		"expected": 53,
		"actual": 50,
	}}
}
