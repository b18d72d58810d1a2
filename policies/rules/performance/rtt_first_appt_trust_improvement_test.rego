package planassure.rules.performance.rtt_first_appt_trust_improvement_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.rules.performance.rtt_first_appt_trust_improvement as rule

test_pass_fixture if {
	rule.deny == set() with input as fixture.trust_2025
	rule.not_applicable == set() with input as fixture.trust_2025
}

# 5 points on 60% is 65%: the 67% floor governs
test_fail_short_of_the_floor if {
	plan := json.patch(fixture.trust_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_first_appt_18wk/baseline", "value": 60},
		{"op": "replace", "path": "/years/1/performance/rtt_first_appt_18wk/plan", "value": 66},
	])
	r := rule.deny with input as plan
	r == {{
		"msg": concat("", [
			"2025/26: RTT first appointment within 18 weeks planned at 66%, below the trust's 67% target ",
			"(5 points on its November 2024 level of 60%, or 67%, whichever is greater), with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_first_appt_18wk/plan",
		"expected": 67,
		"actual": 66,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.trust_2025, [{"op": "remove", "path": "/years/1/performance/rtt_first_appt_18wk"}])
	r := rule.deny with input as plan
	r == {{
		"msg": "2025/26: RTT first appointment within 18 weeks trajectory is missing",
		"pointer": "/years/1/performance/rtt_first_appt_18wk",
	}}
}

test_not_applicable_in_2026_29 if {
	rule.deny == set() with input as fixture.trust
	n := rule.not_applicable with input as fixture.trust
	n == {"the round sets no per-trust improvement target for RTT first appointment within 18 weeks in the plan's years"}
}
