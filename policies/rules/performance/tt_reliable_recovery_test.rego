package planassure.rules.performance.tt_reliable_recovery_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.tt_reliable_recovery

test_pass_fixture if {
	r := tt_reliable_recovery.deny with input as fixture.icb
	r == set()
	n := tt_reliable_recovery.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_recovery/plan", "value": 51},
	])
	r := tt_reliable_recovery.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_recovery/plan", "value": 50},
	])
	r := tt_reliable_recovery.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: NHS Talking Therapies reliable recovery planned at 50%,",
			"below the 51% standard, with no recovery plan",
		]),
		"pointer": "/years/1/performance/tt_reliable_recovery/plan",
		"expected": 51,
		"actual": 50,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/tt_reliable_recovery/plan", "value": 50},
		{"op": "add", "path": "/years/1/performance/tt_reliable_recovery/recovery_plan", "value": "agreed with the region"},
	])
	r := tt_reliable_recovery.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: NHS Talking Therapies reliable recovery planned at 50%, below",
			"the 51% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/tt_reliable_recovery/plan",
		"expected": 51,
		"actual": 50,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/tt_reliable_recovery"}])
	r := tt_reliable_recovery.deny with input as plan
	r == {{
		"msg": "2026/27: NHS Talking Therapies reliable recovery trajectory is missing",
		"pointer": "/years/1/performance/tt_reliable_recovery",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := tt_reliable_recovery.deny with input as ccg.plan
	r == set()
	n := tt_reliable_recovery.not_applicable with input as ccg.plan
	n == {"the round sets no standard for NHS Talking Therapies reliable recovery in the plan's years"}
}
