package planassure.rules.performance.cancer_31d_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.cancer_31d

test_pass_fixture if {
	r := cancer_31d.deny with input as fixture.plan
	r == set()
	n := cancer_31d.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_31d/plan", "value": 95},
	])
	r := cancer_31d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 31-day wait from decision to treat planned at 95%, below the 96% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/cancer_31d/plan",
		"expected": 96,
		"actual": 95,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_31d/plan", "value": 95},
		{
			"op": "add",
			"path": "/years/1/performance/cancer_31d/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := cancer_31d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 31-day wait from decision to treat planned at 95%, below the 96% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/cancer_31d/plan",
		"expected": 96,
		"actual": 95,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/cancer_31d"}])
	r := cancer_31d.deny with input as plan
	r == {{
		"msg": "2017/18: cancer 31-day wait from decision to treat trajectory is missing",
		"pointer": "/years/1/performance/cancer_31d",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/cancer_31d/monthly",
			"value": [95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95],
		},
	])
	r := cancer_31d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 31-day wait from decision to treat monthly trajectory ends at 95% in March,",
			"not at the 96% planned for the year",
		]),
		"pointer": "/years/1/performance/cancer_31d/monthly/11",
		"expected": 96,
		"actual": 95,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/cancer_31d"},
	])
	r := cancer_31d.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := cancer_31d.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for cancer 31-day wait from decision to treat in the plan's years"}
}
