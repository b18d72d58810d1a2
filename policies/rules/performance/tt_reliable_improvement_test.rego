package planassure.rules.performance.tt_reliable_improvement_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.tt_reliable_improvement

test_pass_fixture if {
	r := tt_reliable_improvement.deny with input as fixture.icb
	r == set()
	n := tt_reliable_improvement.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_improvement/plan", "value": 69},
	])
	r := tt_reliable_improvement.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_improvement/plan", "value": 68},
	])
	r := tt_reliable_improvement.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: NHS Talking Therapies reliable improvement planned at",
			"68%, below the 69% standard, with no recovery plan",
		]),
		"pointer": "/years/1/performance/tt_reliable_improvement/plan",
		"expected": 69,
		"actual": 68,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_improvement/plan", "value": 68},
		{
			"op": "add",
			"path": "/years/1/performance/tt_reliable_improvement/recovery_plan",
			"value": "agreed with the region",
		},
	])
	r := tt_reliable_improvement.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: NHS Talking Therapies reliable improvement planned at 68%, below",
			"the 69% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/tt_reliable_improvement/plan",
		"expected": 69,
		"actual": 68,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/tt_reliable_improvement"}])
	r := tt_reliable_improvement.deny with input as plan
	r == {{
		"msg": "2026/27: NHS Talking Therapies reliable improvement trajectory is missing",
		"pointer": "/years/1/performance/tt_reliable_improvement",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := tt_reliable_improvement.deny with input as ccg.plan
	r == set()
	n := tt_reliable_improvement.not_applicable with input as ccg.plan
	n == {"the round sets no standard for NHS Talking Therapies reliable improvement in the plan's years"}
}
