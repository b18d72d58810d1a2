package planassure.rules.performance.cancer_fds_28d_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.cancer_fds_28d

test_pass_fixture if {
	r := cancer_fds_28d.deny with input as fixture.icb
	r == set()
	n := cancer_fds_28d.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [{"op": "replace", "path": "/years/1/performance/cancer_fds_28d/plan", "value": 80}])
	r := cancer_fds_28d.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [{"op": "replace", "path": "/years/1/performance/cancer_fds_28d/plan", "value": 79.9}])
	r := cancer_fds_28d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: cancer 28-day Faster Diagnosis Standard planned at",
			"79.9%, below the 80% standard, with no recovery plan",
		]),
		"pointer": "/years/1/performance/cancer_fds_28d/plan",
		"expected": 80,
		"actual": 79.9,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/cancer_fds_28d/plan", "value": 79.9},
		{"op": "add", "path": "/years/1/performance/cancer_fds_28d/recovery_plan", "value": "agreed with the region"},
	])
	r := cancer_fds_28d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: cancer 28-day Faster Diagnosis Standard planned at 79.9%, below",
			"the 80% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/cancer_fds_28d/plan",
		"expected": 80,
		"actual": 79.9,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/cancer_fds_28d"}])
	r := cancer_fds_28d.deny with input as plan
	r == {{
		"msg": "2026/27: cancer 28-day Faster Diagnosis Standard trajectory is missing",
		"pointer": "/years/1/performance/cancer_fds_28d",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := cancer_fds_28d.deny with input as ccg.plan
	r == set()
	n := cancer_fds_28d.not_applicable with input as ccg.plan
	n == {"the round sets no standard for cancer 28-day Faster Diagnosis Standard in the plan's years"}
}
