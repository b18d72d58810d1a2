package planassure.rules.performance.iapt_recovery_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.iapt_recovery

test_pass_fixture if {
	r := iapt_recovery.deny with input as fixture.plan
	r == set()
	n := iapt_recovery.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_recovery/plan", "value": 49},
	])
	r := iapt_recovery.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT recovery rate planned at 49%, below the 50% standard, with no recovery plan",
		"pointer": "/years/1/performance/iapt_recovery/plan",
		"expected": 50,
		"actual": 49,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_recovery/plan", "value": 49},
		{
			"op": "add",
			"path": "/years/1/performance/iapt_recovery/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := iapt_recovery.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: IAPT recovery rate planned at 49%, below the 50% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/iapt_recovery/plan",
		"expected": 50,
		"actual": 49,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/iapt_recovery"}])
	r := iapt_recovery.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT recovery rate trajectory is missing",
		"pointer": "/years/1/performance/iapt_recovery",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/iapt_recovery/monthly",
			"value": [49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49],
		},
	])
	r := iapt_recovery.deny with input as plan
	r == {{
		"msg": "2017/18: IAPT recovery rate monthly trajectory ends at 49% in March, not at the 50% planned for the year",
		"pointer": "/years/1/performance/iapt_recovery/monthly/11",
		"expected": 50,
		"actual": 49,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/iapt_recovery"},
	])
	r := iapt_recovery.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := iapt_recovery.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for IAPT recovery rate in the plan's years"}
}
