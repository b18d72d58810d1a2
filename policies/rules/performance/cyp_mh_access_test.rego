package planassure.rules.performance.cyp_mh_access_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.cyp_mh_access

test_pass_fixture if {
	r := cyp_mh_access.deny with input as fixture.plan
	r == set()
	n := cyp_mh_access.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/performance/cyp_mh_access/plan", "value": 31},
	])
	r := cyp_mh_access.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: children and young people's mental health access planned at 31%, below the 32% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/2/performance/cyp_mh_access/plan",
		"expected": 32,
		"actual": 31,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/performance/cyp_mh_access/plan", "value": 31},
		{
			"op": "add",
			"path": "/years/2/performance/cyp_mh_access/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := cyp_mh_access.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: children and young people's mental health access planned at 31%, below the 32% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/2/performance/cyp_mh_access/plan",
		"expected": 32,
		"actual": 31,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/performance/cyp_mh_access"}])
	r := cyp_mh_access.deny with input as plan
	r == {{
		"msg": "2018/19: children and young people's mental health access trajectory is missing",
		"pointer": "/years/2/performance/cyp_mh_access",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/2/performance/cyp_mh_access/monthly",
			"value": [31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31],
		},
	])
	r := cyp_mh_access.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: children and young people's mental health access monthly trajectory ends at 31% in March,",
			"not at the 32% planned for the year",
		]),
		"pointer": "/years/2/performance/cyp_mh_access/monthly/11",
		"expected": 32,
		"actual": 31,
	}}
}

test_not_applicable_in_2016_17_round if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
		{"op": "remove", "path": "/years/2/performance/cyp_mh_access"},
	])
	r := cyp_mh_access.deny with input as plan
	r == set()
	n := cyp_mh_access.not_applicable with input as plan
	n == {"the round sets no standard for children and young people's mental health access in the plan's years"}
}

# the 2017-19 round sets 32% "by 2018/19": 2017/18 has no standard, even with no figure
test_pass_no_standard_in_2017_18 if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/cyp_mh_access"}])
	r := cyp_mh_access.deny with input as plan
	r == set()
	n := cyp_mh_access.not_applicable with input as plan
	n == set()
}

test_not_applicable_to_a_plan_for_2017_18_only if {
	plan := json.patch(fixture.plan, [
		{"op": "remove", "path": "/years/2"},
		{"op": "replace", "path": "/years/1/performance/cyp_mh_access/plan", "value": 20},
	])
	r := cyp_mh_access.deny with input as plan
	r == set()
	n := cyp_mh_access.not_applicable with input as plan
	n == {"the round sets no standard for children and young people's mental health access in the plan's years"}
}
