package planassure.rules.performance.iapt_6wk_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.iapt_6wk

test_pass_fixture if {
	r := iapt_6wk.deny with input as fixture.plan
	r == set()
	n := iapt_6wk.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_6wk/plan", "value": 74},
	])
	r := iapt_6wk.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT first treatment within 6 weeks planned at 74%, below the 75% standard, with no recovery plan",
		"pointer": "/years/1/performance/iapt_6wk/plan",
		"expected": 75,
		"actual": 74,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_6wk/plan", "value": 74},
		{
			"op": "add",
			"path": "/years/1/performance/iapt_6wk/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := iapt_6wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT first treatment within 6 weeks planned at 74%, below the 75% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/iapt_6wk/plan",
		"expected": 75,
		"actual": 74,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/iapt_6wk"}])
	r := iapt_6wk.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT first treatment within 6 weeks trajectory is missing",
		"pointer": "/years/1/performance/iapt_6wk",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/iapt_6wk/monthly",
			"value": [74, 74, 74, 74, 74, 74, 74, 74, 74, 74, 74, 74],
		},
	])
	r := iapt_6wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT first treatment within 6 weeks monthly trajectory ends at 74% in March,",
			"not at the 75% planned for the year",
		]),
		"pointer": "/years/1/performance/iapt_6wk/monthly/11",
		"expected": 75,
		"actual": 74,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/iapt_6wk"},
	])
	r := iapt_6wk.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := iapt_6wk.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for IAPT first treatment within 6 weeks in the plan's years"}
}
