package planassure.rules.performance.rtt_18wk_trust_improvement_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.rtt_18wk_trust_improvement as rule

test_pass_fixture if {
	rule.deny == set() with input as fixture.trust
	rule.not_applicable == set() with input as fixture.trust
	rule.deny == set() with input as fixture.trust_2025
}

# 2026-29: 7% better than a baseline of 62% is 66.34%, above the 65% floor
test_pass_at_the_relative_improvement if {
	plan := json.patch(fixture.trust, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/baseline", "value": 62},
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 66.34},
	])
	rule.deny == set() with input as plan
}

test_fail_short_of_the_relative_improvement if {
	plan := json.patch(fixture.trust, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/baseline", "value": 62},
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 66.3},
	])
	r := rule.deny with input as plan
	r == {{
		"msg": concat("", [
			"2026/27: RTT waits under 18 weeks (incomplete pathways) planned at 66.3%, below the trust's 66.34% target ",
			"(7% better than its March 2026 level of 62%, or 65%, whichever is greater), with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 66.34,
		"actual": 66.3,
	}}
}

# 2026-29: from a baseline of 58%, 7% better is 62.06%: the 65% floor governs
test_fail_short_of_the_floor_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.trust, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/baseline", "value": 58},
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 64},
		{"op": "add", "path": "/years/1/performance/rtt_18wk/recovery_plan", "value": "elective recovery plan"},
	])
	r := rule.deny with input as plan
	r == {{
		"msg": concat("", [
			"2026/27: RTT waits under 18 weeks (incomplete pathways) planned at 64%, below the trust's 65% target ",
			"(7% better than its March 2026 level of 58%, or 65%, whichever is greater); recovery plan: elective recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 65,
		"actual": 64,
		"severity": "warning",
	}}
}

# 2025/26: 5 percentage points on November 2024
test_fail_short_of_the_points_improvement if {
	plan := json.patch(fixture.trust_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 61.9},
	])
	r := rule.deny with input as plan
	r == {{
		"msg": concat("", [
			"2025/26: RTT waits under 18 weeks (incomplete pathways) planned at 61.9%, below the trust's 62% target ",
			"(5 points on its November 2024 level of 57%, or 60%, whichever is greater), with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 62,
		"actual": 61.9,
	}}
}

test_fail_missing_baseline if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/1/performance/rtt_18wk/baseline"}])
	r := rule.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: RTT waits under 18 weeks (incomplete pathways)",
			"baseline (the trust's level in March 2026) is missing",
		]),
		"pointer": "/years/1/performance/rtt_18wk/baseline",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/1/performance/rtt_18wk"}])
	r := rule.deny with input as plan
	r == {{
		"msg": "2026/27: RTT waits under 18 weeks (incomplete pathways) trajectory is missing",
		"pointer": "/years/1/performance/rtt_18wk",
	}}
}

test_not_applicable_to_an_icb if {
	rule.deny == set() with input as fixture.icb
	n := rule.not_applicable with input as fixture.icb
	n == {"a per-trust target: it applies to an NHS trust's own plan"}
}

test_not_applicable_to_a_trust_without_elective_care if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/organisation/services", "value": ["community"]}])
	rule.deny == set() with input as plan
	n := rule.not_applicable with input as plan
	n == {"the trust does not provide acute services (organisation.services)"}
}

test_not_applicable_in_a_round_without_trust_targets if {
	plan := json.patch(ccg.plan, [{"op": "replace", "path": "/organisation/type", "value": "trust"}])
	rule.deny == set() with input as plan
	n := rule.not_applicable with input as plan
	n == {concat(" ", [
		"the round sets no per-trust improvement target for RTT waits under",
		"18 weeks (incomplete pathways) in the plan's years",
	])}
}
