package planassure.rules.performance.rtt_52wk_share_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.rtt_52wk_share

test_pass_fixture if {
	r := rtt_52wk_share.deny with input as fixture.icb_2025
	r == set()
	n := rtt_52wk_share.not_applicable with input as fixture.icb_2025
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_52wk_share/plan", "value": 0.99},
	])
	r := rtt_52wk_share.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_52wk_share/plan", "value": 1},
	])
	r := rtt_52wk_share.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2025/26: RTT waits over 52 weeks (share of the waiting list) planned",
			"at 1%, not below the 1% maximum, with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_52wk_share/plan",
		"expected": 1,
		"actual": 1,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_52wk_share/plan", "value": 1},
		{"op": "add", "path": "/years/1/performance/rtt_52wk_share/recovery_plan", "value": "agreed with the region"},
	])
	r := rtt_52wk_share.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2025/26: RTT waits over 52 weeks (share of the waiting list) planned at 1%,",
			"not below the 1% maximum; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/rtt_52wk_share/plan",
		"expected": 1,
		"actual": 1,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb_2025, [{"op": "remove", "path": "/years/1/performance/rtt_52wk_share"}])
	r := rtt_52wk_share.deny with input as plan
	r == {{
		"msg": "2025/26: RTT waits over 52 weeks (share of the waiting list) trajectory is missing",
		"pointer": "/years/1/performance/rtt_52wk_share",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := rtt_52wk_share.deny with input as ccg.plan
	r == set()
	n := rtt_52wk_share.not_applicable with input as ccg.plan
	n == {"the round sets no standard for RTT waits over 52 weeks (share of the waiting list) in the plan's years"}
}
