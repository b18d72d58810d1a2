package planassure.rules.performance.cat2_mean_minutes_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.cat2_mean_minutes

test_pass_fixture if {
	r := cat2_mean_minutes.deny with input as fixture.icb
	r == set()
	n := cat2_mean_minutes.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/cat2_mean_minutes/plan", "value": 25},
	])
	r := cat2_mean_minutes.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/cat2_mean_minutes/plan", "value": 25.5},
	])
	r := cat2_mean_minutes.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: category 2 ambulance mean response time planned at 25.5",
			"minutes, above the 25 minutes maximum, with no recovery plan",
		]),
		"pointer": "/years/1/performance/cat2_mean_minutes/plan",
		"expected": 25,
		"actual": 25.5,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/cat2_mean_minutes/plan", "value": 25.5},
		{"op": "add", "path": "/years/1/performance/cat2_mean_minutes/recovery_plan", "value": "agreed with the region"},
	])
	r := cat2_mean_minutes.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: category 2 ambulance mean response time planned at 25.5 minutes, above",
			"the 25 minutes maximum; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/cat2_mean_minutes/plan",
		"expected": 25,
		"actual": 25.5,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/cat2_mean_minutes"}])
	r := cat2_mean_minutes.deny with input as plan
	r == {{
		"msg": "2026/27: category 2 ambulance mean response time trajectory is missing",
		"pointer": "/years/1/performance/cat2_mean_minutes",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := cat2_mean_minutes.deny with input as ccg.plan
	r == set()
	n := cat2_mean_minutes.not_applicable with input as ccg.plan
	n == {"the round sets no standard for category 2 ambulance mean response time in the plan's years"}
}

test_fail_minutes_are_not_a_percentage_yet_not_negative if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/cat2_mean_minutes/plan", "value": -1},
	])
	r := cat2_mean_minutes.deny with input as plan
	r == {{
		"msg": "2026/27: category 2 ambulance mean response time planned at -1, not a number of minutes from 0",
		"pointer": "/years/1/performance/cat2_mean_minutes/plan",
		"actual": -1,
	}}
}

test_pass_minutes_above_100_are_levels if {
	plan := json.patch(fixture.icb, [{"op": "add", "path": "/years/2/performance/cat2_mean_minutes/monthly", "value": [
		101, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 22,
	]}])
	cat2_mean_minutes.deny == set() with input as plan
}

test_not_applicable_to_an_acute_trust if {
	n := cat2_mean_minutes.not_applicable with input as fixture.trust
	n == {"the trust does not provide ambulance services (organisation.services)"}
}
