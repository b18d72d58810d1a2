package planassure.rules.performance.iapt_18wk_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.iapt_18wk

test_pass_fixture if {
	r := iapt_18wk.deny with input as fixture.plan
	r == set()
	n := iapt_18wk.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_18wk/plan", "value": 94},
	])
	r := iapt_18wk.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT first treatment within 18 weeks planned at 94%, below the 95% standard, with no recovery plan",
		"pointer": "/years/1/performance/iapt_18wk/plan",
		"expected": 95,
		"actual": 94,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_18wk/plan", "value": 94},
		{
			"op": "add",
			"path": "/years/1/performance/iapt_18wk/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := iapt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT first treatment within 18 weeks planned at 94%, below the 95% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/iapt_18wk/plan",
		"expected": 95,
		"actual": 94,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/iapt_18wk"}])
	r := iapt_18wk.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT first treatment within 18 weeks trajectory is missing",
		"pointer": "/years/1/performance/iapt_18wk",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/iapt_18wk/monthly",
			"value": [94, 94, 94, 94, 94, 94, 94, 94, 94, 94, 94, 94],
		},
	])
	r := iapt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT first treatment within 18 weeks monthly trajectory ends at 94% in March,",
			"not at the 95% planned for the year",
		]),
		"pointer": "/years/1/performance/iapt_18wk/monthly/11",
		"expected": 95,
		"actual": 94,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/iapt_18wk"},
	])
	r := iapt_18wk.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := iapt_18wk.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for IAPT first treatment within 18 weeks in the plan's years"}
}
