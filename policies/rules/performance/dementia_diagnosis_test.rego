package planassure.rules.performance.dementia_diagnosis_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.dementia_diagnosis

test_pass_fixture if {
	r := dementia_diagnosis.deny with input as fixture.plan
	r == set()
	n := dementia_diagnosis.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/dementia_diagnosis/plan", "value": 65.7},
	])
	r := dementia_diagnosis.deny with input as plan
	r == {{
		"msg": "2017/18: dementia diagnosis rate planned at 65.7%, below the 66.7% standard, with no recovery plan",
		"pointer": "/years/1/performance/dementia_diagnosis/plan",
		"expected": 66.7,
		"actual": 65.7,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/dementia_diagnosis/plan", "value": 65.7},
		{
			"op": "add",
			"path": "/years/1/performance/dementia_diagnosis/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := dementia_diagnosis.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: dementia diagnosis rate planned at 65.7%, below the 66.7% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/dementia_diagnosis/plan",
		"expected": 66.7,
		"actual": 65.7,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/dementia_diagnosis"}])
	r := dementia_diagnosis.deny with input as plan
	r == {{
		"msg": "2017/18: dementia diagnosis rate trajectory is missing",
		"pointer": "/years/1/performance/dementia_diagnosis",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/dementia_diagnosis/monthly",
			"value": [65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7, 65.7],
		},
	])
	r := dementia_diagnosis.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: dementia diagnosis rate monthly trajectory ends at 65.7% in March,",
			"not at the 66.7% planned for the year",
		]),
		"pointer": "/years/1/performance/dementia_diagnosis/monthly/11",
		"expected": 66.7,
		"actual": 65.7,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/dementia_diagnosis"},
	])
	r := dementia_diagnosis.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := dementia_diagnosis.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for dementia diagnosis rate in the plan's years"}
}
