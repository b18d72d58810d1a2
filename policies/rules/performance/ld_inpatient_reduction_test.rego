package planassure.rules.performance.ld_inpatient_reduction_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.ld_inpatient_reduction

test_pass_fixture if {
	r := ld_inpatient_reduction.deny with input as fixture.icb
	r == set()
	n := ld_inpatient_reduction.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/ld_inpatient_reduction/plan", "value": 10},
	])
	r := ld_inpatient_reduction.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/ld_inpatient_reduction/plan", "value": 9},
	])
	r := ld_inpatient_reduction.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: reduction in mental health inpatients with a learning disability or",
			"autism planned at 9%, below the 10% standard, with no recovery plan",
		]),
		"pointer": "/years/1/performance/ld_inpatient_reduction/plan",
		"expected": 10,
		"actual": 9,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/ld_inpatient_reduction/plan", "value": 9},
		{"op": "add", "path": "/years/1/performance/ld_inpatient_reduction/recovery_plan", "value": "agreed with the region"},
	])
	r := ld_inpatient_reduction.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: reduction in mental health inpatients with a learning disability or autism",
			"planned at 9%, below the 10% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/ld_inpatient_reduction/plan",
		"expected": 10,
		"actual": 9,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/ld_inpatient_reduction"}])
	r := ld_inpatient_reduction.deny with input as plan
	r == {{
		"msg": "2026/27: reduction in mental health inpatients with a learning disability or autism trajectory is missing",
		"pointer": "/years/1/performance/ld_inpatient_reduction",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := ld_inpatient_reduction.deny with input as ccg.plan
	r == set()
	n := ld_inpatient_reduction.not_applicable with input as ccg.plan
	n == {concat(" ", [
		"the round sets no standard for reduction in mental health inpatients",
		"with a learning disability or autism in the plan's years",
	])}
}
