package planassure.rules.performance.community_18wk_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.community_18wk

test_pass_fixture if {
	r := community_18wk.deny with input as fixture.icb
	r == set()
	n := community_18wk.not_applicable with input as fixture.icb
	n == set()
}

test_pass_at_the_standard if {
	plan := json.patch(fixture.icb, [{"op": "replace", "path": "/years/1/performance/community_18wk/plan", "value": 78}])
	r := community_18wk.deny with input as plan
	r == set()
}

test_fail_short_of_the_standard_without_recovery_plan if {
	plan := json.patch(fixture.icb, [{"op": "replace", "path": "/years/1/performance/community_18wk/plan", "value": 77}])
	r := community_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: community health services within 18 weeks planned at",
			"77%, below the 78% standard, with no recovery plan",
		]),
		"pointer": "/years/1/performance/community_18wk/plan",
		"expected": 78,
		"actual": 77,
	}}
}

test_fail_short_of_the_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb, [
		{"op": "replace", "path": "/years/1/performance/community_18wk/plan", "value": 77},
		{"op": "add", "path": "/years/1/performance/community_18wk/recovery_plan", "value": "agreed with the region"},
	])
	r := community_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: community health services within 18 weeks planned at 77%, below",
			"the 78% standard; recovery plan: agreed with the region",
		]),
		"pointer": "/years/1/performance/community_18wk/plan",
		"expected": 78,
		"actual": 77,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/performance/community_18wk"}])
	r := community_18wk.deny with input as plan
	r == {{
		"msg": "2026/27: community health services within 18 weeks trajectory is missing",
		"pointer": "/years/1/performance/community_18wk",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	r := community_18wk.deny with input as ccg.plan
	r == set()
	n := community_18wk.not_applicable with input as ccg.plan
	n == {"the round sets no standard for community health services within 18 weeks in the plan's years"}
}
