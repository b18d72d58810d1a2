package planassure.rules.performance.rtt_first_appt_18wk_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.rtt_first_appt_18wk

test_pass_fixture if {
	r := rtt_first_appt_18wk.deny with input as fixture.icb_2025
	r == set()
	n := rtt_first_appt_18wk.not_applicable with input as fixture.icb_2025
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_first_appt_18wk/plan", "value": 72},
	])
	r := rtt_first_appt_18wk.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_first_appt_18wk/plan", "value": 71},
	])
	r := rtt_first_appt_18wk.deny with input as plan
	r == {{
		"msg": "2025/26: RTT first appointment within 18 weeks planned at 71%, below the 72% standard, with no recovery plan",
		"pointer": "/years/1/performance/rtt_first_appt_18wk/plan",
		"expected": 72,
		"actual": 71,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_first_appt_18wk/plan", "value": 71},
		{"op": "add", "path": "/years/1/performance/rtt_first_appt_18wk/recovery_plan", "value": "agreed with the region"},
	])
	r := rtt_first_appt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2025/26: RTT first appointment within 18 weeks planned at 71%, below",
			"the 72% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/rtt_first_appt_18wk/plan",
		"expected": 72,
		"actual": 71,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb_2025, [{"op": "remove", "path": "/years/1/performance/rtt_first_appt_18wk"}])
	r := rtt_first_appt_18wk.deny with input as plan
	r == {{
		"msg": "2025/26: RTT first appointment within 18 weeks trajectory is missing",
		"pointer": "/years/1/performance/rtt_first_appt_18wk",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := rtt_first_appt_18wk.deny with input as ccg.plan
	r == set()
	n := rtt_first_appt_18wk.not_applicable with input as ccg.plan
	n == {"the round sets no standard for RTT first appointment within 18 weeks in the plan's years"}
}
