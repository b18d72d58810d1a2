package planassure.rules.performance.iapt_access_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.iapt_access

test_pass_fixture if {
	r := iapt_access.deny with input as fixture.plan
	r == set()
	n := iapt_access.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_access/plan", "value": 15.8},
	])
	r := iapt_access.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT (talking therapies) access planned at 15.8%, below the 16.8% standard, with no recovery plan",
		"pointer": "/years/1/performance/iapt_access/plan",
		"expected": 16.8,
		"actual": 15.8,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_access/plan", "value": 15.8},
		{
			"op": "add",
			"path": "/years/1/performance/iapt_access/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := iapt_access.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT (talking therapies) access planned at 15.8%, below the 16.8% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/iapt_access/plan",
		"expected": 16.8,
		"actual": 15.8,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/iapt_access"}])
	r := iapt_access.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT (talking therapies) access trajectory is missing",
		"pointer": "/years/1/performance/iapt_access",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/iapt_access/monthly",
			"value": [18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18],
		},
	])
	r := iapt_access.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT (talking therapies) access monthly trajectory ends at 18% in March,",
			"not at the 19% planned for the year",
		]),
		"pointer": "/years/1/performance/iapt_access/monthly/11",
		"expected": 19,
		"actual": 18,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/iapt_access"},
	])
	r := iapt_access.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := iapt_access.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for IAPT (talking therapies) access in the plan's years"}
}

# the 2017-19 round sets 16.8% for 2017/18 and 19% for 2018/19: the same level meets one, misses the other
test_fail_standard_varies_by_year if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_access/plan", "value": 16.8},
		{"op": "replace", "path": "/years/2/performance/iapt_access/plan", "value": 16.8},
	])
	r := iapt_access.deny with input as plan
	r == {{
		"msg": "2018/19: IAPT (talking therapies) access planned at 16.8%, below the 19% standard, with no recovery plan",
		"pointer": "/years/2/performance/iapt_access/plan",
		"expected": 19,
		"actual": 16.8,
	}}
}
